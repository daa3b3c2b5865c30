/**
 * The preview's grid of one sheet: column letters, row numbers, each cell's formatted value and
 * workbook look, frozen panes (sticky rows and columns), and editing as in Excel.
 *
 * Keyboard: arrows, Home / Ctrl+Home, Page Up / Down move the active cell, with Shift they extend
 * the selection; Enter / Shift+Enter move down / up and Tab / Shift+Tab right / left. Typing on a
 * cell replaces its content; F2 (or a double click) edits it in place, where a click places the
 * caret. In an edit, Enter, Shift+Enter, Tab and Shift+Tab commit and move (arrows too when the
 * edit began by typing), Escape cancels. Delete clears the inputs of the selection; Ctrl+Z and
 * Ctrl+Y undo and redo the grid's edits; Ctrl+"+" and Ctrl+"-" insert and delete table rows, also
 * offered on the context menu. A range is selected by dragging, Shift+click or Shift+arrows.
 *
 * Speed: only the cells in view (plus a margin) are in the page, for every sheet: the rows in
 * view between two spacer rows, and in each of them the frozen columns and the columns in view
 * between two spacer cells. A 5,000-row portfolio is 100,000 cells and the ROI sheet 5,000 with
 * their layout objects; rendering them all took the browser seconds after every change. The
 * scroll position and the scroller's size are kept in state (scroll events, a ResizeObserver), so
 * bringing the selected cell into view is computed from the known column widths and row heights
 * and never makes the browser measure the page. The view may carry only the cells of some rows
 * (the workbook sends the rows around those in view, which the grid reports through
 * onRowsInView); a row whose cells have not arrived yet shows empty and cannot be edited until
 * they do. Rows are memoised and compare their cells by content: moving the selection re-renders
 * two rows, and a recalculation only the rows whose cells changed.
 */
import { mergeClasses } from "@fluentui/react-components";
import {
  startTransition,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
} from "react";
import type { SheetView, CellView } from "./sheet-view";
import type { CellValue } from "../host/workbook-host";
import { cellAddress, columnLetters, type CellRef, type RangeRef } from "../shared/a1";
import {
  GRID_KEEPS_TAB,
  ROW_HEIGHT_PX,
  commitMove,
  conditionalIndex,
  editText,
  entryValue,
  isEditable,
  rowLoaded,
  scrollToShowItem,
  selectionRange,
  singleCell,
  visibleColumns,
  visibleRows,
  type ColumnWindow,
  type GridSelection,
  type RowCommand,
} from "./grid-model";
import { GridRow, cellId, renderedColumns, useLayout, type Editing } from "./GridRow";
import { HEADER_HEIGHT_PX, ROW_HEADER_WIDTH_PX, Z, useGridStyles } from "./useGridStyles.styles";
import { usePreviewBundle } from "./preview-language";
import { fill } from "../taskpane/model/format";

/**
 * The scroller's size in a page that lays nothing out (a test page: its size reads 0): a wide
 * window, so such a page still shows a sheet's first screens.
 */
export const UNMEASURED_VIEWPORT = { width: 1600, height: 1600 } as const;

/** Rows and columns rendered beyond those in view on either side, so a scroll shows no gap. */
export const ROW_OVERSCAN = 12;
export const COLUMN_OVERSCAN = 3;

interface Viewport {
  readonly top: number;
  readonly left: number;
  /** The scroller's inner size (without its scroll bars), px. */
  readonly width: number;
  readonly height: number;
}

export interface GridProps {
  readonly view: SheetView;
  readonly currency: string;
  readonly selection: GridSelection;
  readonly onSelect: (selection: GridSelection) => void;
  /** Writes an entry to a cell; resolves with an error message, or null once written. */
  readonly onCommit: (cell: CellRef, value: CellValue) => Promise<string | null>;
  /**
   * An entry typed into a cell whose row the view did not carry when the typing began: the cell
   * is read from the workbook, then the entry is written as `onCommit` would, or refused as
   * `onRefuse` would.
   */
  readonly onCommitEntry: (cell: CellRef, text: string) => void;
  /** A cell the user tried to edit is not editable. */
  readonly onRefuse: (cell: CellRef) => void;
  /** Delete on a selection: clear its inputs. */
  readonly onClear: (range: RangeRef) => void;
  readonly onUndo: () => void;
  readonly onRedo: () => void;
  /** A row operation on the rows of the selection. */
  readonly onRowCommand: (command: RowCommand, range: RangeRef) => void;
  /** The context menu was asked for at a point (right click, or the menu key). */
  readonly onContextMenu: (at: { x: number; y: number }) => void;
  /** Height of the scrolling area (CSS), e.g. "60vh". */
  readonly height: string;
  /** The grid renders rows first..last (zero-based): the cells it needs from the workbook. */
  readonly onRowsInView?: (first: number, last: number) => void;
}

export function Grid(props: GridProps) {
  const { view, currency, selection, onSelect, onCommit, onCommitEntry, onRefuse, onClear, onUndo, onRedo } =
    props;
  const t = usePreviewBundle().preview;
  const { onRowCommand, onContextMenu } = props;
  const selected = selection.focus;
  const range = selectionRange(selection);
  const styles = useGridStyles();
  const layout = useLayout(view);
  // By content: each re-read of the sheet brings the same rules as new objects.
  const conditionalKey = JSON.stringify(view.conditionalFormats);
  const conditional = useMemo(
    () => conditionalIndex(JSON.parse(conditionalKey) as SheetView["conditionalFormats"]),
    [conditionalKey],
  );
  const scroller = useRef<HTMLDivElement>(null);
  const table = useRef<HTMLTableElement>(null);
  // Unmeasured (0 × 0) until the first layout effect: the first render holds only the frozen
  // panes and the margin, and the measured window is rendered before the browser paints.
  const [viewport, setViewport] = useState<Viewport>({ top: 0, left: 0, width: 0, height: 0 });
  // The scroll position as last set or reported, read by the scroll-into-view effect instead of
  // the scroller's own scrollTop (reading that makes the browser lay out the page first).
  const viewportRef = useRef(viewport);
  const [edit, setEditing] = useState<Editing | null>(null);
  // An edit belongs to its sheet: switching sheets drops it.
  const editing = edit && edit.sheet === view.name ? edit : null;
  const editingRef = useRef<Editing | null>(null);
  // Read by the memoised rows' handlers, so moving the selection does not re-render every row;
  // updated at once on a move, so a key typed right after Tab lands in the next cell.
  const selectionRef = useRef(selection);
  const dragging = useRef(false);
  useLayoutEffect(() => {
    editingRef.current = editing;
    selectionRef.current = selection;
  });
  useEffect(() => {
    const stop = (): void => {
      dragging.current = false;
    };
    window.addEventListener("mouseup", stop);
    return () => window.removeEventListener("mouseup", stop);
  }, []);

  const cellAt = useCallback(
    (row: number, column: number): CellView | null => view.cells[row]?.[column] ?? null,
    [view],
  );

  const focusGrid = useCallback(() => table.current?.focus({ preventScroll: true }), []);

  const clamp = useCallback(
    (row: number, column: number): CellRef => ({
      row: Math.min(view.rows - 1, Math.max(0, row)),
      column: Math.min(view.columns - 1, Math.max(0, column)),
    }),
    [view.rows, view.columns],
  );

  const select = useCallback(
    (next: GridSelection) => {
      selectionRef.current = next;
      onSelect(next);
    },
    [onSelect],
  );

  /** Moves the active cell (collapsing the selection), or extends the selection to it. */
  const move = useCallback(
    (row: number, column: number, extend = false) => {
      if (view.rows === 0 || view.columns === 0) return;
      const focus = clamp(row, column);
      select(extend ? { anchor: selectionRef.current.anchor, focus } : singleCell(focus));
    },
    [view.rows, view.columns, clamp, select],
  );

  /** Opens the editor: "enter" replaces the content (typing), "edit" edits it in place (F2). */
  const startEdit = useCallback(
    (row: number, column: number, mode: Editing["mode"], text?: string) => {
      // A row on its way from the workbook (just inserted, or scrolled to on a busy machine): not
      // known yet whether the cell is an input. Typing opens the editor all the same, as Excel
      // never drops a key; the entry is checked against the cell when it is committed. An edit in
      // place (F2) needs the cell's content: it waits for the row.
      const unseen = !rowLoaded(view, row);
      if (unseen && (mode !== "enter" || text === undefined)) return;
      const cell = cellAt(row, column);
      if (!unseen && !isEditable(view, cell)) {
        onRefuse({ row, column });
        return;
      }
      const next: Editing = { sheet: view.name, row, column, mode, text: text ?? editText(cell), unseen };
      editingRef.current = next;
      setEditing(next);
    },
    [cellAt, view, onRefuse],
  );

  /** Ends the edit in progress (once), writing it unless cancelled; then optionally moves. */
  const finishEdit = useCallback(
    (mode: "commit" | "cancel", then?: { rows: number; columns: number }) => {
      const edit = editingRef.current;
      if (!edit) return;
      editingRef.current = null;
      setEditing(null);
      if (mode === "commit" && edit.unseen) onCommitEntry({ row: edit.row, column: edit.column }, edit.text);
      else if (mode === "commit") {
        const cell = cellAt(edit.row, edit.column);
        const value = entryValue(edit.text, cell, currency);
        if (value !== (cell?.value ?? null)) void onCommit({ row: edit.row, column: edit.column }, value);
      }
      // Move before the write comes back: the next key belongs to the next cell.
      if (then) move(edit.row + then.rows, edit.column + then.columns);
      focusGrid();
    },
    [cellAt, currency, onCommit, onCommitEntry, move, focusGrid],
  );

  const scrollTo = useCallback((top: number, left: number) => {
    const box = scroller.current;
    const was = viewportRef.current;
    if (top === was.top && left === was.left) return;
    const next = { ...was, top, left };
    viewportRef.current = next;
    setViewport(next);
    if (box) {
      if (top !== was.top) box.scrollTop = top;
      if (left !== was.left) box.scrollLeft = left;
    }
  }, []);

  // The scroller's size, measured once as the grid mounts (the page is being laid out for its first
  // paint anyway); later changes come from the ResizeObserver below. The measured window is
  // rendered as a transition: the first paint shows the frozen panes and the margin rows, and the
  // rest of the screen follows in slices the browser can interleave with its own work. Set at
  // once, it re-rendered the whole window inside the mount's own task (a built Portfolio's first
  // render: one task of about 200-300 ms).
  useLayoutEffect(() => {
    const box = scroller.current;
    const size =
      box && (box.clientWidth > 0 || box.clientHeight > 0)
        ? { width: box.clientWidth, height: box.clientHeight }
        : UNMEASURED_VIEWPORT;
    const next = { ...viewportRef.current, ...size };
    viewportRef.current = next;
    startTransition(() => setViewport(next));
  }, []);

  // Each sheet opens where it was left, as in Excel (a sheet not seen yet: at its top-left corner),
  // not at the scroll position of the sheet shown before it.
  const scrolledTo = useRef(new Map<string, { top: number; left: number }>());
  const shownSheet = useRef(view.name);
  useLayoutEffect(() => {
    const was = shownSheet.current;
    if (was === view.name) return;
    const { top, left } = viewportRef.current;
    scrolledTo.current.set(was, { top, left });
    shownSheet.current = view.name;
    const back = scrolledTo.current.get(view.name) ?? { top: 0, left: 0 };
    scrollTo(back.top, back.left);
  }, [view.name, scrollTo]);

  // Keep the selected cell in view (below the headers and frozen panes), from the known sizes:
  // when the selection moves or the sheet's sizes change, not on every re-read of the sheet, or
  // a recalculation would scroll the sheet back to the selection while the user scrolls away.
  const { row: selectedRow, column: selectedColumn } = selected;
  useLayoutEffect(() => {
    const selected = { row: selectedRow, column: selectedColumn };
    if (selected.row >= view.rows || selected.column >= view.columns) return;
    const { top, left, width, height } = viewportRef.current;
    scrollTo(
      scrollToShowItem(selected.row, layout.frozenRows, layout.rowTops, HEADER_HEIGHT_PX, top, height),
      scrollToShowItem(
        selected.column,
        layout.frozenColumns,
        layout.columnLefts,
        ROW_HEADER_WIDTH_PX,
        left,
        width,
      ),
    );
  }, [selectedRow, selectedColumn, layout, view.rows, view.columns, scrollTo]);

  // The scroller's size, as the browser reports it after laying out (no measuring on demand).
  useEffect(() => {
    const box = scroller.current;
    if (!box || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => {
      // clientWidth/Height are fresh here: the browser has just laid out to report the size.
      const width = box.clientWidth;
      const height = box.clientHeight;
      if (width === 0 && height === 0) return;
      const was = viewportRef.current;
      if (was.width === width && was.height === height) return;
      const next = { ...was, width, height };
      viewportRef.current = next;
      setViewport(next);
    });
    observer.observe(box);
    return () => observer.disconnect();
  }, []);

  const onScroll = useCallback((event: { currentTarget: HTMLDivElement }) => {
    const box = event.currentTarget;
    const was = viewportRef.current;
    const top = box.scrollTop;
    const left = box.scrollLeft;
    if (top === was.top && left === was.left) return;
    const next = { ...was, top, left };
    viewportRef.current = next;
    setViewport(next);
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    if (editingRef.current) return;
    const { row, column } = selectionRef.current.focus;
    const ctrl = event.ctrlKey || event.metaKey;
    const page = Math.max(1, Math.floor(viewport.height / ROW_HEIGHT_PX) - 2);
    // As in Excel, Home and Ctrl+Home go to the first row and column past the frozen panes (the
    // top-left of the scrolling pane), which brings the sheet back to its top-left corner.
    const homeRow = layout.frozenRows < view.rows ? layout.frozenRows : 0;
    const homeColumn = layout.frozenColumns < view.columns ? layout.frozenColumns : 0;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [row - 1, column],
      ArrowDown: [row + 1, column],
      ArrowLeft: [row, column - 1],
      ArrowRight: [row, column + 1],
      PageUp: [row - page, column],
      PageDown: [row + page, column],
      Home: ctrl ? [homeRow, homeColumn] : [row, homeColumn],
      End: ctrl ? [view.rows - 1, view.columns - 1] : [row, view.columns - 1],
    };
    const target = moves[event.key];
    const after = commitMove(event.key, event.shiftKey);
    const key = event.key.toLowerCase();
    if (target) {
      event.preventDefault();
      move(target[0], target[1], event.shiftKey);
    } else if (after) {
      event.preventDefault();
      move(row + after.rows, column + after.columns);
    } else if (event.key === "F2") {
      event.preventDefault();
      startEdit(row, column, "edit");
    } else if (event.key === "Delete") {
      event.preventDefault();
      onClear(selectionRange(selectionRef.current));
    } else if (event.key === "Backspace") {
      event.preventDefault();
      startEdit(row, column, "enter", "");
    } else if (ctrl && !event.altKey && (key === "z" || key === "y")) {
      event.preventDefault();
      if (key === "y" || event.shiftKey) onRedo();
      else onUndo();
    } else if (ctrl && (event.key === "+" || (event.key === "=" && event.shiftKey))) {
      event.preventDefault();
      onRowCommand("insertAbove", selectionRange(selectionRef.current));
    } else if (ctrl && event.key === "-") {
      event.preventDefault();
      onRowCommand("delete", selectionRange(selectionRef.current));
    } else if (event.key === "ContextMenu" || (event.shiftKey && event.key === "F10")) {
      event.preventDefault();
      const box = document.getElementById(cellId(view.name, row, column))?.getBoundingClientRect();
      onContextMenu({ x: box ? box.left + box.width / 2 : 0, y: box ? box.bottom : 0 });
    } else if (event.key.length === 1 && !ctrl && !event.altKey) {
      event.preventDefault();
      startEdit(row, column, "enter", event.key);
    }
  };

  const onCellMouseDown = useCallback(
    (event: MouseEvent, row: number, column: number) => {
      if (event.button === 2) {
        // A right click inside the selection keeps it (the menu acts on it), elsewhere selects.
        const r = selectionRange(selectionRef.current);
        if (row < r.top || row > r.bottom || column < r.left || column > r.right)
          select(singleCell({ row, column }));
        return;
      }
      if (event.button !== 0) return;
      if (event.shiftKey) {
        event.preventDefault();
        select({ anchor: selectionRef.current.anchor, focus: { row, column } });
        return;
      }
      // A click selects, also on the selected cell (a double click or F2 edits).
      dragging.current = true;
      select(singleCell({ row, column }));
    },
    [select],
  );
  const onCellMouseEnter = useCallback(
    (event: MouseEvent, row: number, column: number) => {
      if (!dragging.current || (event.buttons & 1) === 0 || editingRef.current) return;
      const { anchor, focus } = selectionRef.current;
      if (focus.row !== row || focus.column !== column) select({ anchor, focus: { row, column } });
    },
    [select],
  );
  const onCellDoubleClick = useCallback(
    (row: number, column: number) => {
      if (!editingRef.current) startEdit(row, column, "edit");
    },
    [startEdit],
  );
  const onCellContextMenu = useCallback(
    (event: MouseEvent) => {
      event.preventDefault();
      onContextMenu({ x: event.clientX, y: event.clientY });
    },
    [onContextMenu],
  );
  const onEditChange = useCallback(
    (text: string) => setEditing((edit) => (edit ? { ...edit, text } : edit)),
    [],
  );
  const onEditKeyDown = useCallback(
    (event: KeyboardEvent<HTMLInputElement>) => {
      event.stopPropagation();
      const after = commitMove(event.key, event.shiftKey);
      const arrows: Record<string, { rows: number; columns: number }> = {
        ArrowUp: { rows: -1, columns: 0 },
        ArrowDown: { rows: 1, columns: 0 },
        ArrowLeft: { rows: 0, columns: -1 },
        ArrowRight: { rows: 0, columns: 1 },
      };
      if (after) {
        event.preventDefault();
        finishEdit("commit", after);
      } else if (event.key === "Escape") {
        event.preventDefault();
        finishEdit("cancel");
      } else if (arrows[event.key] && editingRef.current?.mode === "enter") {
        // Excel's Enter mode: an edit begun by typing ends with an arrow, which moves on.
        event.preventDefault();
        finishEdit("commit", arrows[event.key]);
      } else if (event.key === "F2") {
        event.preventDefault();
        setEditing((edit) => (edit ? { ...edit, mode: edit.mode === "enter" ? "edit" : "enter" } : edit));
      }
    },
    [finishEdit],
  );
  const onEditBlur = useCallback(() => finishEdit("commit"), [finishEdit]);
  // The rows get handlers that stay the same object while the sheet's view changes under them:
  // a handler that changed with every re-read of the sheet would render every row again.
  const rowDoubleClick = useLatest(onCellDoubleClick);
  const rowEditKeyDown = useLatest(onEditKeyDown);
  const rowEditBlur = useLatest(onEditBlur);

  const body = visibleRows(
    layout.rowTops,
    Math.max(0, viewport.top - HEADER_HEIGHT_PX),
    viewport.height,
    ROW_OVERSCAN,
  );
  const first = Math.max(body.first, layout.frozenRows);
  const { onRowsInView } = props;
  useEffect(() => onRowsInView?.(first, Math.max(first, body.last)), [onRowsInView, first, body.last]);
  const columnSpan = visibleColumns(
    layout.columnLefts,
    layout.frozenColumns,
    viewport.left,
    viewport.width - ROW_HEADER_WIDTH_PX,
    COLUMN_OVERSCAN,
  );
  // One object while the window stands, so the memoised rows see no change when it does not move.
  const columns = useColumnWindow(columnSpan);
  // A row the view does not carry yet renders as blank cells.
  const blankLine = useMemo(() => new Array<CellView | null>(view.columns).fill(null), [view.columns]);
  const rowIndexes: number[] = [];
  for (let r = 0; r < layout.frozenRows; r++) rowIndexes.push(r);
  for (let r = first; r <= body.last; r++) rowIndexes.push(r);
  const topSpacer = layout.rowTops[first] - layout.rowTops[layout.frozenRows];
  const bottomSpacer = layout.rowTops[view.rows] - layout.rowTops[Math.max(first, body.last + 1)];
  const shownColumns = renderedColumns(columns);
  // The table's columns: row header, frozen and visible columns, and a spacer for each gap.
  const tableColumns = 1 + shownColumns.length + (columns.before > 0 ? 1 : 0) + (columns.after > 0 ? 1 : 0);

  const tableWidth = ROW_HEADER_WIDTH_PX + layout.columnLefts[view.columns];
  const activeId =
    selected.row < view.rows && selected.column < view.columns
      ? cellId(view.name, selected.row, selected.column)
      : undefined;

  const isSingle = range.top === range.bottom && range.left === range.right;
  const renderRow = (r: number) => (
    <GridRow
      key={r}
      sheet={view.name}
      template={view.template}
      locale={view.locale}
      row={r}
      line={view.cells[r]?.length ? view.cells[r] : blankLine}
      layout={layout}
      columns={columns}
      currency={currency}
      conditional={conditional}
      selectedColumn={r === selected.row ? selected.column : -1}
      range={r >= range.top && r <= range.bottom && !isSingle ? range : null}
      editing={editing && editing.row === r ? editing : null}
      styles={styles}
      onCellMouseDown={onCellMouseDown}
      onCellMouseEnter={onCellMouseEnter}
      onCellContextMenu={onCellContextMenu}
      onCellDoubleClick={rowDoubleClick}
      onEditChange={onEditChange}
      onEditKeyDown={rowEditKeyDown}
      onEditBlur={rowEditBlur}
    />
  );
  const spacerRow = (height: number) => (
    <tr aria-hidden style={{ height: `${height}px` }}>
      <td className={styles.spacer} colSpan={tableColumns} />
    </tr>
  );
  const columnHeader = (c: number) => (
    <th
      key={c}
      scope="col"
      aria-colindex={c + 2}
      className={mergeClasses(styles.header, c >= range.left && c <= range.right && styles.headerActive)}
      style={
        c < layout.frozenColumns
          ? { left: `${ROW_HEADER_WIDTH_PX + layout.columnLefts[c]}px`, zIndex: Z.frozenColumnHeader }
          : undefined
      }
    >
      {columnLetters(c)}
    </th>
  );

  return (
    <div ref={scroller} className={styles.scroller} style={{ maxHeight: props.height }} onScroll={onScroll}>
      <table
        ref={table}
        className={styles.table}
        style={{ width: `${tableWidth}px` }}
        role="grid"
        tabIndex={0}
        aria-label={fill(t.sheet, { sheet: view.name })}
        aria-rowcount={view.rows + 1}
        aria-colcount={view.columns + 1}
        aria-activedescendant={editing ? undefined : activeId}
        aria-multiselectable="true"
        data-tabster={GRID_KEEPS_TAB}
        data-selection={
          isSingle
            ? undefined
            : `${cellAddress(range.top, range.left)}:${cellAddress(range.bottom, range.right)}`
        }
        onKeyDown={onKeyDown}
        data-testid="preview-grid"
        data-sheet={view.name}
        data-rows-shown={`${first + 1}-${body.last + 1}`}
        data-columns-shown={`${columnLetters(columns.first)}-${columnLetters(columns.last)}`}
      >
        <colgroup>
          <col style={{ width: `${ROW_HEADER_WIDTH_PX}px` }} />
          {shownColumns.slice(0, columns.frozen).map((c) => (
            <col key={c} style={{ width: `${layout.widths[c]}px` }} />
          ))}
          {columns.before > 0 && <col style={{ width: `${columns.before}px` }} />}
          {shownColumns.slice(columns.frozen).map((c) => (
            <col key={c} style={{ width: `${layout.widths[c]}px` }} />
          ))}
          {columns.after > 0 && <col style={{ width: `${columns.after}px` }} />}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            <th
              className={mergeClasses(styles.header, styles.corner)}
              aria-label={t.corner}
              aria-colindex={1}
            />
            {shownColumns.slice(0, columns.frozen).map(columnHeader)}
            {columns.before > 0 && <th aria-hidden className={styles.header} />}
            {shownColumns.slice(columns.frozen).map(columnHeader)}
            {columns.after > 0 && <th aria-hidden className={styles.header} />}
          </tr>
        </thead>
        <tbody>
          {rowIndexes.slice(0, layout.frozenRows).map(renderRow)}
          {topSpacer > 0 && spacerRow(topSpacer)}
          {rowIndexes.slice(layout.frozenRows).map(renderRow)}
          {bottomSpacer > 0 && spacerRow(bottomSpacer)}
        </tbody>
      </table>
    </div>
  );
}

/** A function of constant identity that calls the latest `fn` given (set once each render commits). */
function useLatest<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const latest = useRef(fn);
  useLayoutEffect(() => {
    latest.current = fn;
  });
  return useCallback((...args: A) => latest.current(...args), []);
}

/** The same window object for as long as its bounds stay the same. */
function useColumnWindow(span: ColumnWindow): ColumnWindow {
  const { frozen, first, last, before, after } = span;
  return useMemo(() => ({ frozen, first, last, before, after }), [frozen, first, last, before, after]);
}
