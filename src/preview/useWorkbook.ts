/**
 * The preview's live picture of a MemoryHost workbook: the sheet tabs (listSheets, refreshed on
 * every change event, so builds and edits made from the pane show at once), the active sheet and
 * its view. A build that adds sheets brings the first new one to the front, as Excel does.
 *
 * The workbook may live in a worker (the preview) or on this thread (tests): its sheetView may
 * answer now or with a promise. While a newer view is on its way the last one stays on screen.
 *
 * Only the rows in view are fetched (a window of them, in blocks of WINDOW_BLOCK rows with a
 * block's margin either side), not the whole sheet: a 5,000-row Portfolio is 100,000 cells, and
 * copying them from the worker and reading them on the page after every change took seconds of
 * the page's main thread. The grid reports the rows it shows (showRows); scrolling fetches again
 * only when the rows in view leave the window.
 *
 * Another sheet's view (a sheet built, another tab chosen) is shown through a transition: React
 * renders its thousand cells and their styles in slices and yields between them, so the switch
 * never holds the page for hundreds of milliseconds, and a key pressed meanwhile is handled first.
 * A new view of the sheet on screen (after a recalculation) lands at once: the memoised rows
 * re-render only the cells that changed, and as a transition it would wait behind the pane's
 * own transitions (React renders them together), which made an edit show later.
 */
import { startTransition, useCallback, useEffect, useRef, useState } from "react";
import type { MemoryHost } from "../host/memory";
import { type RowWindow, type SheetView, sheetView } from "./sheet-view";
import type { SheetInfo } from "../host/workbook-host";
import type { TableLayout } from "./grid-model";

/**
 * The part of MemoryHost the preview reads and writes (the grid's entries and table rows), on
 * this thread or through a worker.
 */
export interface PreviewHost extends Pick<
  MemoryHost,
  | "listSheets"
  | "onChange"
  | "readRange"
  | "writeCells"
  | "insertTableRows"
  | "deleteTableRows"
  | "restoreTableRows"
> {
  sheetView(sheet: string, window?: RowWindow | null): SheetView | Promise<SheetView>;
  /** MemoryHost's tableLayout, here or answered by the worker. */
  tableLayout(sheet: string): TableLayout[] | Promise<TableLayout[]>;
}

/** A MemoryHost on this thread as the preview reads it (tests; the page itself uses the worker's). */
export function previewOn(host: MemoryHost): PreviewHost {
  return {
    listSheets: () => host.listSheets(),
    onChange: (listener) => host.onChange(listener),
    readRange: (sheet, address) => host.readRange(sheet, address),
    writeCells: (...args) => host.writeCells(...args),
    insertTableRows: (...args) => host.insertTableRows(...args),
    deleteTableRows: (...args) => host.deleteTableRows(...args),
    restoreTableRows: (...args) => host.restoreTableRows(...args),
    tableLayout: (sheet) => host.tableLayout(sheet),
    sheetView: (sheet, window = null) => sheetView(host, sheet, window),
  };
}

/** Rows per block of the window fetched around the rows in view. */
export const WINDOW_BLOCK = 100;

/** The window to fetch for the rows in view: whole blocks, with one block more either side. */
export function windowFor(first: number, last: number): RowWindow {
  const top = Math.max(0, (Math.floor(first / WINDOW_BLOCK) - 1) * WINDOW_BLOCK);
  const bottom = (Math.floor(Math.max(first, last) / WINDOW_BLOCK) + 2) * WINDOW_BLOCK - 1;
  return { top, bottom };
}

/** The window before the grid has said what it shows: the top of the sheet. */
const FIRST_WINDOW = windowFor(0, 0);

export interface WorkbookState {
  readonly sheets: readonly SheetInfo[];
  readonly active: string | null;
  readonly view: SheetView | null;
  /** Increments on every change the host reports. */
  readonly revision: number;
  readonly activate: (sheet: string) => void;
  /** The grid shows rows first..last (zero-based) of the active sheet. */
  readonly showRows: (first: number, last: number) => void;
}

/** The sheet to show after the tabs change: the first new one, else the current one, else the first. */
export function nextActive(
  previous: readonly string[],
  current: readonly string[],
  active: string | null,
): string | null {
  if (previous.length > 0 || active === null) {
    const added = current.find((name) => !previous.includes(name));
    if (added !== undefined) return added;
  }
  if (active !== null && current.includes(active)) return active;
  return current[0] ?? null;
}

export function useWorkbook(host: PreviewHost): WorkbookState {
  const [sheets, setSheets] = useState<readonly SheetInfo[]>([]);
  const [active, setActive] = useState<string | null>(null);
  const [revision, setRevision] = useState(0);
  const names = useRef<readonly string[]>([]);

  useEffect(() => {
    let alive = true;
    const refresh = (): void => {
      void host.listSheets().then((list) => {
        if (!alive) return;
        const current = list.map((s) => s.name);
        // React may run the updater after the ref below has moved on: compare with the tabs as
        // they were at this refresh, or a sheet just added never counts as new.
        const previous = names.current;
        setActive((was) => nextActive(previous, current, was));
        names.current = current;
        setSheets(list);
        setRevision((r) => r + 1);
      });
    };
    refresh();
    const unsubscribe = host.onChange(refresh);
    return () => {
      alive = false;
      unsubscribe();
    };
  }, [host]);

  const [view, setView] = useState<SheetView | null>(null);
  // The sheet on screen, read when a view arrives: the same sheet's view lands at once.
  const shown = useRef<string | null>(null);
  useEffect(() => {
    shown.current = view?.name ?? null;
  }, [view]);
  // The window of the active sheet to fetch, by sheet: another sheet starts at its top.
  const [wanted, setWanted] = useState<{ sheet: string | null; window: RowWindow }>({
    sheet: null,
    window: FIRST_WINDOW,
  });
  const rows = wanted.sheet === active ? wanted.window : FIRST_WINDOW;
  useEffect(() => {
    if (active === null) {
      setView(null);
      return;
    }
    let alive = true;
    // The sheet may have gone away between the change event and this call: no view then.
    new Promise<SheetView>((resolve) => resolve(host.sheetView(active, rows))).then(
      (next) => {
        if (!alive) return;
        if (next.name === shown.current) setView(next);
        else startTransition(() => setView(next));
      },
      () => alive && setView(null),
    );
    return () => {
      alive = false;
    };
    // The window by its bounds: a new object with the same rows fetches nothing.
  }, [host, active, revision, rows.top, rows.bottom]);

  const showRows = useCallback(
    (first: number, last: number) => {
      setWanted((was) => {
        const current = was.sheet === active ? was.window : FIRST_WINDOW;
        // Still inside the window: keep it (and fetch nothing).
        if (was.sheet === active && first >= current.top && last <= current.bottom) return was;
        const next = windowFor(first, last);
        return next.top === current.top && next.bottom === current.bottom && was.sheet === active
          ? was
          : { sheet: active, window: next };
      });
    },
    [active],
  );
  const activate = useCallback((sheet: string) => setActive(sheet), []);
  return { sheets, active, view, revision, activate, showRows };
}
