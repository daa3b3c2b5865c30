/**
 * The preview's live picture of a MemoryHost workbook: the sheet tabs (listSheets, refreshed on
 * every change event, so builds and edits made from the pane show at once), the active sheet and
 * its view. A build that adds sheets brings the first new one to the front, as Excel does.
 *
 * The workbook may live in a worker (the preview) or on this thread (tests): its sheetView may
 * answer now or with a promise. While a newer view is on its way the last one stays on screen.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { MemoryHost } from "../host/memory";
import type { SheetView } from "../host/memory-view";
import type { SheetInfo } from "../host/workbook-host";

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
  sheetView(sheet: string): SheetView | Promise<SheetView>;
}

export interface WorkbookState {
  readonly sheets: readonly SheetInfo[];
  readonly active: string | null;
  readonly view: SheetView | null;
  /** Increments on every change the host reports. */
  readonly revision: number;
  readonly activate: (sheet: string) => void;
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
        setActive((was) => nextActive(names.current, current, was));
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
  useEffect(() => {
    if (active === null) {
      setView(null);
      return;
    }
    let alive = true;
    // The sheet may have gone away between the change event and this call: no view then.
    new Promise<SheetView>((resolve) => resolve(host.sheetView(active))).then(
      (next) => alive && setView(next),
      () => alive && setView(null),
    );
    return () => {
      alive = false;
    };
  }, [host, active, revision]);

  const activate = useCallback((sheet: string) => setActive(sheet), []);
  return { sheets, active, view, revision, activate };
}
