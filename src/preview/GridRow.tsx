/**
 * One row of the preview grid: its row number and cells, each with its formatted text, workbook
 * look (theme colours, conditional fills), frozen-pane stickiness, text running on over empty
 * neighbours, and the in-cell editor when the row holds the edit. Only the columns of the grid's
 * window are rendered (the frozen ones, then those in view), with a spacer cell standing in for
 * each run of columns left out. Memoised by the grid, comparing its cells by content: a view
 * re-read from the workbook after an edit is a new object, but only the rows whose cells changed
 * render again.
 */
import { mergeClasses } from "@fluentui/react-components";
import { memo, useMemo, type CSSProperties, type KeyboardEvent, type MouseEvent } from "react";
import type { CellView, SheetView } from "./sheet-view";
import type { TemplateId } from "../templates/plan";
import type { Locale } from "../i18n/locale";
import { cellAddress, type RangeRef } from "../shared/a1";
import {
  isEditable,
  cellAlignment,
  cellLook,
  cellText,
  columnWidthsPx,
  offsets,
  rowHeightsFromFonts,
  spillWidths,
  type ColumnWindow,
  type ConditionalIndex,
} from "./grid-model";
import {
  CELL_PADDING_PX,
  HEADER_HEIGHT_PX,
  ROW_HEADER_WIDTH_PX,
  Z,
  type GridStyles,
} from "./useGridStyles.styles";
import { usePreviewBundle } from "./preview-language";
import { bundleFor } from "../i18n/bundles";
import { fill } from "../taskpane/model/format";

export interface Editing {
  readonly sheet: string;
  readonly row: number;
  readonly column: number;
  readonly text: string;
  /** "enter": begun by typing, an arrow commits and moves; "edit": in place (F2), arrows move the caret. */
  readonly mode: "enter" | "edit";
  /**
   * Typed into a row the view did not carry yet (see Grid's startEdit): whether the cell takes an
   * entry, and how its format reads it, are settled when the entry is committed.
   */
  readonly unseen?: boolean;
}

export interface Layout {
  readonly widths: number[];
  readonly heights: number[];
  readonly rowTops: number[];
  readonly columnLefts: number[];
  readonly frozenRows: number;
  readonly frozenColumns: number;
}

/** What a sheet's layout is made from. */
type LayoutSource = Pick<SheetView, "rows" | "columns" | "columnWidths" | "fontRows" | "freeze">;

export function layoutOf(view: LayoutSource): Layout {
  const widths = columnWidthsPx(view);
  const heights = rowHeightsFromFonts(view.rows, view.fontRows);
  return {
    widths,
    heights,
    rowTops: offsets(heights),
    columnLefts: offsets(widths),
    frozenRows: Math.min(view.freeze?.rows ?? 0, view.rows),
    frozenColumns: Math.min(view.freeze?.columns ?? 0, view.columns),
  };
}

/**
 * The sheet's layout, the same object for as long as its sizes stay the same: each re-read of the
 * sheet is a new view (it comes from the worker), and a new layout would render every row again.
 */
export function useLayout(view: SheetView): Layout {
  const { rows, columns, columnWidths, fontRows, freeze } = view;
  const key = JSON.stringify({ rows, columns, columnWidths, fontRows, freeze });
  return useMemo(() => layoutOf(JSON.parse(key) as LayoutSource), [key]);
}

/** The columns a window renders, in order: the frozen ones, then first..last. */
export function renderedColumns(window: ColumnWindow): number[] {
  const out: number[] = [];
  for (let c = 0; c < window.frozen; c++) out.push(c);
  for (let c = window.first; c <= window.last; c++) out.push(c);
  return out;
}

export interface RowProps {
  readonly sheet: string;
  /** The template that built the sheet (null: the user's own sheet, where every cell may be typed in). */
  readonly template: TemplateId | null;
  /** The language the sheet was built in: its number formats' units. */
  readonly locale: Locale | null;
  readonly row: number;
  readonly line: readonly (CellView | null)[];
  readonly layout: Layout;
  /** The columns to render. */
  readonly columns: ColumnWindow;
  readonly currency: string;
  readonly conditional: ConditionalIndex;
  /** The active cell's column in this row, or -1. */
  readonly selectedColumn: number;
  /** The selected range when it covers this row and is more than one cell. */
  readonly range: RangeRef | null;
  /** The edit in this row, if any. */
  readonly editing: Editing | null;
  readonly styles: GridStyles;
  readonly onCellMouseDown: (event: MouseEvent, row: number, column: number) => void;
  readonly onCellMouseEnter: (event: MouseEvent, row: number, column: number) => void;
  readonly onCellContextMenu: (event: MouseEvent) => void;
  readonly onCellDoubleClick: (row: number, column: number) => void;
  readonly onEditChange: (text: string) => void;
  readonly onEditKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
  readonly onEditBlur: () => void;
}

/** Focuses a new editor with the caret after its text, as Excel's in-cell edit starts. */
function focusAtEnd(input: HTMLInputElement | null): void {
  if (!input || input.ownerDocument.activeElement === input) return;
  input.focus();
  input.setSelectionRange(input.value.length, input.value.length);
}

export function cellId(sheet: string, row: number, column: number): string {
  return `cell-${encodeURIComponent(sheet)}-${cellAddress(row, column)}`;
}

/** Two cells show and behave the same (a view re-read from the workbook has new cell objects). */
export function sameCell(a: CellView | null, b: CellView | null): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  return (
    a.value === b.value &&
    a.formula === b.formula &&
    a.error === b.error &&
    a.format === b.format &&
    a.style === b.style &&
    a.input === b.input &&
    a.label === b.label &&
    (a.validation === b.validation ||
      (a.validation !== undefined &&
        b.validation !== undefined &&
        a.validation.message === b.validation.message &&
        JSON.stringify(a.validation.rule) === JSON.stringify(b.validation.rule)))
  );
}

function sameLine(a: readonly (CellView | null)[], b: readonly (CellView | null)[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameCell(a[i], b[i])) return false;
  return true;
}

/** Every prop by identity, except the row's cells, which are compared by content. */
export function sameRow(before: RowProps, after: RowProps): boolean {
  for (const key of Object.keys(after) as (keyof RowProps)[]) {
    if (key === "line") continue;
    if (before[key] !== after[key]) return false;
  }
  return sameLine(before.line, after.line);
}

export const GridRow = memo(function GridRow(props: RowProps) {
  const { sheet, template, row, line, layout, columns, currency, conditional, selectedColumn, range } = props;
  const { editing, styles } = props;
  const t = usePreviewBundle().preview;
  const units = bundleFor(props.locale ?? "en").conventions.units;
  const frozenRow = row < layout.frozenRows;
  const top = HEADER_HEIGHT_PX + layout.rowTops[row];
  const spill = spillWidths(line, layout.widths);
  const renderCell = (column: number) => {
    const cell = line[column] ?? null;
    const frozenColumn = column < layout.frozenColumns;
    const look = cellLook(cell, cell ? conditional.fill(row, column, cell.value) : undefined);
    const style: CSSProperties = {
      ...(look.color ? { color: look.color } : {}),
      ...(look.background ? { backgroundColor: look.background } : {}),
      ...(look.bold ? { fontWeight: 600 } : {}),
      ...(look.italic ? { fontStyle: "italic" } : {}),
      ...(look.sizePt ? { fontSize: `${look.sizePt}pt` } : {}),
      ...(look.underline ? { boxShadow: `inset 0 -1px 0 ${look.color ?? "currentColor"}` } : {}),
      textAlign: cell ? cellAlignment(cell.value) : "left",
      ...(spill[column] > 0 ? { overflow: "visible" } : {}),
      ...(frozenRow ? { top: `${top}px` } : {}),
      ...(frozenColumn ? { left: `${ROW_HEADER_WIDTH_PX + layout.columnLefts[column]}px` } : {}),
      ...(frozenRow || frozenColumn
        ? {
            zIndex:
              (frozenRow && frozenColumn ? Z.frozenBoth : frozenRow ? Z.frozenRow : Z.frozenColumn) +
              (spill[column] > 0 ? 1 : 0),
          }
        : {}),
    };
    const address = `${sheet}!${cellAddress(row, column)}`;
    const text = cellText(cell, currency, units);
    const isSelected = column === selectedColumn;
    const inRange = range !== null && column >= range.left && column <= range.right;
    const edit = editing && editing.column === column ? editing : null;
    return (
      <td
        key={column}
        id={cellId(sheet, row, column)}
        role="gridcell"
        aria-colindex={column + 2}
        data-address={address}
        data-input={cell?.input ? "true" : undefined}
        data-label={cell?.label ? "true" : undefined}
        aria-selected={isSelected || inRange}
        aria-readonly={!isEditable({ template }, cell)}
        title={cell?.error ?? (text.length > 12 ? text : undefined)}
        className={mergeClasses(
          styles.cell,
          (frozenRow || frozenColumn) && styles.frozen,
          (cell?.input || cell?.label) && styles.input,
          inRange && styles.inRange,
          isSelected && styles.selected,
        )}
        style={style}
        onMouseDown={(event) => props.onCellMouseDown(event, row, column)}
        onMouseEnter={(event) => props.onCellMouseEnter(event, row, column)}
        onContextMenu={props.onCellContextMenu}
        onDoubleClick={() => props.onCellDoubleClick(row, column)}
      >
        {edit ? (
          <input
            className={styles.editor}
            aria-label={fill(t.editCell, { cell: address })}
            value={edit.text}
            ref={focusAtEnd}
            onChange={(event) => props.onEditChange(event.target.value)}
            onKeyDown={props.onEditKeyDown}
            onBlur={props.onEditBlur}
            onMouseDown={(event) => event.stopPropagation()}
          />
        ) : spill[column] > 0 && typeof cell?.value === "string" && cellAlignment(cell.value) === "left" ? (
          <span
            className={styles.spill}
            style={{ maxWidth: `${layout.widths[column] + spill[column] - 2 * CELL_PADDING_PX}px` }}
          >
            {text}
          </span>
        ) : (
          text
        )}
      </td>
    );
  };
  // A frozen row's spacers stay with it, over the rows scrolling under it.
  const spacer = (key: string) => (
    <td
      key={key}
      aria-hidden
      className={mergeClasses(styles.spacer, frozenRow && styles.frozen)}
      style={frozenRow ? { top: `${top}px`, zIndex: Z.frozenRow } : undefined}
    />
  );
  const frozen: number[] = [];
  for (let c = 0; c < columns.frozen; c++) frozen.push(c);
  const scrolling: number[] = [];
  for (let c = columns.first; c <= columns.last; c++) scrolling.push(c);
  return (
    <tr style={{ height: `${layout.heights[row]}px` }} aria-rowindex={row + 2}>
      <th
        scope="row"
        aria-colindex={1}
        className={mergeClasses(
          styles.rowHeader,
          (selectedColumn >= 0 || range !== null) && styles.headerActive,
        )}
        style={frozenRow ? { top: `${top}px`, zIndex: Z.frozenRowHeader } : undefined}
      >
        {row + 1}
      </th>
      {frozen.map(renderCell)}
      {columns.before > 0 && spacer("before")}
      {scrolling.map(renderCell)}
      {columns.after > 0 && spacer("after")}
    </tr>
  );
}, sameRow);
