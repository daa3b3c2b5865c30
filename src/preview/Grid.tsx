/**
 * The preview's grid of one sheet: column letters, row numbers, each cell's formatted value and
 * workbook look, frozen panes (sticky rows and columns), and Excel-like editing of input cells.
 *
 * Keyboard: arrows, Home / Ctrl+Home, Page Up / Down move the selection; Enter or F2 edits the
 * selected input cell (typing a character starts an edit with it; a second click or a double
 * click edits too); in an edit, Enter commits and moves down, Tab commits and moves right,
 * Escape cancels; Delete clears an input cell.
 *
 * Speed: only the used range is rendered, and a sheet with more than VIRTUALISE_FROM rows renders
 * only the rows in view (plus a margin) between two spacer rows, so a 5,000-row portfolio scrolls
 * without rendering 100,000 cells. Rows are memoised: moving the selection re-renders two rows.
 */
import { mergeClasses } from "@fluentui/react-components";
import {
  useCallback,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
} from "react";
import type { SheetView, CellView } from "../host/memory-view";
import type { CellValue } from "../host/workbook-host";
import { columnLetters, type CellRef } from "../templates/a1";
import { ROW_HEIGHT_PX, conditionalIndex, editText, parseEntry, visibleRows } from "./grid-model";
import { GridRow, cellId, isEditable, useLayout, type Editing } from "./GridRow";
import { HEADER_HEIGHT_PX, ROW_HEADER_WIDTH_PX, Z, useGridStyles } from "./useGridStyles.styles";

/** Sheets with more rows than this render only the rows in view. */
export const VIRTUALISE_FROM = 200;

export interface GridProps {
  readonly view: SheetView;
  readonly currency: string;
  readonly selected: CellRef;
  readonly onSelect: (cell: CellRef) => void;
  /** Writes an entry to a cell; resolves with an error message, or null once written. */
  readonly onCommit: (cell: CellRef, value: CellValue) => Promise<string | null>;
  /** A cell the user tried to edit is not editable. */
  readonly onRefuse: (cell: CellRef) => void;
  /** Height of the scrolling area (CSS), e.g. "60vh". */
  readonly height: string;
}

export function Grid(props: GridProps) {
  const { view, currency, selected, onSelect, onCommit, onRefuse } = props;
  const styles = useGridStyles();
  const layout = useLayout(view);
  const conditional = useMemo(() => conditionalIndex(view.conditionalFormats), [view.conditionalFormats]);
  const scroller = useRef<HTMLDivElement>(null);
  const table = useRef<HTMLTableElement>(null);
  const [viewport, setViewport] = useState({ top: 0, height: 800 });
  const [edit, setEditing] = useState<Editing | null>(null);
  // An edit belongs to its sheet: switching sheets drops it.
  const editing = edit && edit.sheet === view.name ? edit : null;
  const editingRef = useRef<Editing | null>(null);
  // Read by the memoised rows' handlers, so moving the selection does not re-render every row.
  const selectedRef = useRef(selected);
  useLayoutEffect(() => {
    editingRef.current = editing;
    selectedRef.current = selected;
  });

  const cellAt = useCallback(
    (row: number, column: number): CellView | null => view.cells[row]?.[column] ?? null,
    [view],
  );

  const focusGrid = useCallback(() => table.current?.focus({ preventScroll: true }), []);

  const move = useCallback(
    (row: number, column: number) => {
      if (view.rows === 0 || view.columns === 0) return;
      onSelect({
        row: Math.min(view.rows - 1, Math.max(0, row)),
        column: Math.min(view.columns - 1, Math.max(0, column)),
      });
    },
    [view.rows, view.columns, onSelect],
  );

  const startEdit = useCallback(
    (row: number, column: number, text?: string) => {
      const cell = cellAt(row, column);
      if (!isEditable(view, cell)) {
        onRefuse({ row, column });
        return;
      }
      const next = { sheet: view.name, row, column, text: text ?? editText(cell) };
      editingRef.current = next;
      setEditing(next);
    },
    [cellAt, view, onRefuse],
  );

  /** Ends the edit in progress (once), writing it unless cancelled; then optionally moves. */
  const finishEdit = useCallback(
    async (mode: "commit" | "cancel", then?: { rows: number; columns: number }) => {
      const edit = editingRef.current;
      if (!edit) return;
      editingRef.current = null;
      setEditing(null);
      if (mode === "commit") {
        const cell = cellAt(edit.row, edit.column);
        const value = parseEntry(edit.text, cell, currency);
        if (value !== (cell?.value ?? null)) await onCommit({ row: edit.row, column: edit.column }, value);
      }
      if (then) move(edit.row + then.rows, edit.column + then.columns);
      focusGrid();
    },
    [cellAt, currency, onCommit, move, focusGrid],
  );

  // Keep the selected cell in view (below the headers and frozen panes).
  useLayoutEffect(() => {
    const box = scroller.current;
    if (!box || selected.row >= view.rows || selected.column >= view.columns) return;
    const frozenHeight = layout.rowTops[layout.frozenRows];
    const frozenWidth = layout.columnLefts[layout.frozenColumns];
    if (selected.row >= layout.frozenRows) {
      const top = HEADER_HEIGHT_PX + layout.rowTops[selected.row];
      const bottom = HEADER_HEIGHT_PX + layout.rowTops[selected.row + 1];
      if (top < box.scrollTop + HEADER_HEIGHT_PX + frozenHeight)
        box.scrollTop = top - HEADER_HEIGHT_PX - frozenHeight;
      else if (bottom > box.scrollTop + box.clientHeight) box.scrollTop = bottom - box.clientHeight;
    }
    if (selected.column >= layout.frozenColumns) {
      const left = ROW_HEADER_WIDTH_PX + layout.columnLefts[selected.column];
      const right = ROW_HEADER_WIDTH_PX + layout.columnLefts[selected.column + 1];
      if (left < box.scrollLeft + ROW_HEADER_WIDTH_PX + frozenWidth)
        box.scrollLeft = left - ROW_HEADER_WIDTH_PX - frozenWidth;
      else if (right > box.scrollLeft + box.clientWidth) box.scrollLeft = right - box.clientWidth;
    }
  }, [selected, layout, view.rows, view.columns]);

  useLayoutEffect(() => {
    const box = scroller.current;
    if (box) setViewport({ top: box.scrollTop, height: box.clientHeight || 800 });
  }, [view.name]);

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    if (editingRef.current) return;
    const { row, column } = selected;
    const page = Math.max(1, Math.floor(viewport.height / ROW_HEIGHT_PX) - 2);
    const moves: Record<string, [number, number]> = {
      ArrowUp: [row - 1, column],
      ArrowDown: [row + 1, column],
      ArrowLeft: [row, column - 1],
      ArrowRight: [row, column + 1],
      PageUp: [row - page, column],
      PageDown: [row + page, column],
      Home: event.ctrlKey || event.metaKey ? [0, 0] : [row, 0],
      End: event.ctrlKey || event.metaKey ? [view.rows - 1, view.columns - 1] : [row, view.columns - 1],
    };
    const target = moves[event.key];
    if (target) {
      event.preventDefault();
      move(target[0], target[1]);
    } else if (event.key === "Enter" || event.key === "F2") {
      event.preventDefault();
      startEdit(row, column);
    } else if (event.key === "Delete") {
      event.preventDefault();
      if (isEditable(view, cellAt(row, column))) void onCommit({ row, column }, null);
      else onRefuse({ row, column });
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      startEdit(row, column, event.key);
    }
  };

  const onCellMouseDown = useCallback(
    (event: MouseEvent, row: number, column: number) => {
      const current = selectedRef.current;
      if (row === current.row && column === current.column && !editingRef.current) {
        // A click on the selected cell edits it; keep the browser from moving focus off the editor.
        event.preventDefault();
        startEdit(row, column);
      } else {
        onSelect({ row, column });
      }
    },
    [startEdit, onSelect],
  );
  const onCellDoubleClick = useCallback(
    (row: number, column: number) => {
      if (!editingRef.current) startEdit(row, column);
    },
    [startEdit],
  );
  const onEditChange = useCallback(
    (text: string) => setEditing((edit) => (edit ? { ...edit, text } : edit)),
    [],
  );
  const onEditKeyDown = useCallback(
    (event: KeyboardEvent<HTMLInputElement>) => {
      event.stopPropagation();
      if (event.key === "Enter") {
        event.preventDefault();
        void finishEdit("commit", { rows: event.shiftKey ? -1 : 1, columns: 0 });
      } else if (event.key === "Tab") {
        event.preventDefault();
        void finishEdit("commit", { rows: 0, columns: event.shiftKey ? -1 : 1 });
      } else if (event.key === "Escape") {
        event.preventDefault();
        void finishEdit("cancel");
      }
    },
    [finishEdit],
  );
  const onEditBlur = useCallback(() => void finishEdit("commit"), [finishEdit]);

  const virtual = view.rows > VIRTUALISE_FROM;
  const body = virtual
    ? visibleRows(
        layout.rowTops,
        Math.max(0, viewport.top - HEADER_HEIGHT_PX),
        viewport.height,
        Math.ceil(viewport.height / ROW_HEIGHT_PX),
      )
    : { first: 0, last: view.rows - 1 };
  const first = Math.max(body.first, layout.frozenRows);
  const rowIndexes: number[] = [];
  for (let r = 0; r < layout.frozenRows; r++) rowIndexes.push(r);
  for (let r = first; r <= body.last; r++) rowIndexes.push(r);
  const topSpacer = layout.rowTops[first] - layout.rowTops[layout.frozenRows];
  const bottomSpacer = layout.rowTops[view.rows] - layout.rowTops[Math.max(first, body.last + 1)];

  const tableWidth = ROW_HEADER_WIDTH_PX + layout.columnLefts[view.columns];
  const activeId =
    selected.row < view.rows && selected.column < view.columns
      ? cellId(view.name, selected.row, selected.column)
      : undefined;

  const renderRow = (r: number) => (
    <GridRow
      key={r}
      view={view}
      row={r}
      line={view.cells[r]}
      layout={layout}
      currency={currency}
      conditional={conditional}
      selectedColumn={r === selected.row ? selected.column : -1}
      editing={editing && editing.row === r ? editing : null}
      styles={styles}
      onCellMouseDown={onCellMouseDown}
      onCellDoubleClick={onCellDoubleClick}
      onEditChange={onEditChange}
      onEditKeyDown={onEditKeyDown}
      onEditBlur={onEditBlur}
    />
  );

  return (
    <div
      ref={scroller}
      className={styles.scroller}
      style={{ maxHeight: props.height }}
      onScroll={(event) =>
        setViewport({ top: event.currentTarget.scrollTop, height: event.currentTarget.clientHeight })
      }
    >
      <table
        ref={table}
        className={styles.table}
        style={{ width: `${tableWidth}px` }}
        role="grid"
        tabIndex={0}
        aria-label={`Sheet ${view.name}`}
        aria-rowcount={view.rows + 1}
        aria-colcount={view.columns + 1}
        aria-activedescendant={editing ? undefined : activeId}
        onKeyDown={onKeyDown}
        data-testid="preview-grid"
        data-sheet={view.name}
        data-virtualised={virtual ? "true" : undefined}
      >
        <colgroup>
          <col style={{ width: `${ROW_HEADER_WIDTH_PX}px` }} />
          {layout.widths.map((width, c) => (
            <col key={c} style={{ width: `${width}px` }} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            <th className={mergeClasses(styles.header, styles.corner)} aria-label="Row and column headers" />
            {layout.widths.map((_, c) => (
              <th
                key={c}
                scope="col"
                className={mergeClasses(styles.header, c === selected.column && styles.headerActive)}
                style={
                  c < layout.frozenColumns
                    ? {
                        left: `${ROW_HEADER_WIDTH_PX + layout.columnLefts[c]}px`,
                        zIndex: Z.frozenColumnHeader,
                      }
                    : undefined
                }
              >
                {columnLetters(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rowIndexes.slice(0, layout.frozenRows).map(renderRow)}
          {topSpacer > 0 && (
            <tr aria-hidden style={{ height: `${topSpacer}px` }}>
              <td className={styles.spacer} colSpan={view.columns + 1} />
            </tr>
          )}
          {rowIndexes.slice(layout.frozenRows).map(renderRow)}
          {bottomSpacer > 0 && (
            <tr aria-hidden style={{ height: `${bottomSpacer}px` }}>
              <td className={styles.spacer} colSpan={view.columns + 1} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
