/**
 * One row of the preview grid: its row number and cells, each with its formatted text, workbook
 * look (theme colours, conditional fills), frozen-pane stickiness, text running on over empty
 * neighbours, and the in-cell editor when the row holds the edit. Memoised by the grid.
 */
import { mergeClasses } from "@fluentui/react-components";
import { memo, useMemo, type CSSProperties, type KeyboardEvent, type MouseEvent } from "react";
import type { CellView, SheetView } from "./sheet-view";
import { cellAddress, type RangeRef } from "../shared/a1";
import {
  isEditable,
  cellAlignment,
  cellLook,
  cellText,
  columnWidthsPx,
  offsets,
  rowHeightsPx,
  spillWidths,
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
}

export interface Layout {
  readonly widths: number[];
  readonly heights: number[];
  readonly rowTops: number[];
  readonly columnLefts: number[];
  readonly frozenRows: number;
  readonly frozenColumns: number;
}

export function useLayout(view: SheetView): Layout {
  return useMemo(() => {
    const widths = columnWidthsPx(view);
    const heights = rowHeightsPx(view);
    return {
      widths,
      heights,
      rowTops: offsets(heights),
      columnLefts: offsets(widths),
      frozenRows: Math.min(view.freeze?.rows ?? 0, view.rows),
      frozenColumns: Math.min(view.freeze?.columns ?? 0, view.columns),
    };
  }, [view]);
}

export interface RowProps {
  readonly view: SheetView;
  readonly row: number;
  readonly line: readonly (CellView | null)[];
  readonly layout: Layout;
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

export const GridRow = memo(function GridRow(props: RowProps) {
  const { view, row, line, layout, currency, conditional, selectedColumn, range, editing, styles } = props;
  const t = usePreviewBundle().preview;
  const units = bundleFor(view.locale ?? "en").conventions.units;
  const frozenRow = row < layout.frozenRows;
  const top = HEADER_HEIGHT_PX + layout.rowTops[row];
  const spill = spillWidths(line, layout.widths);
  return (
    <tr style={{ height: `${layout.heights[row]}px` }} aria-rowindex={row + 2}>
      <th
        scope="row"
        className={mergeClasses(
          styles.rowHeader,
          (selectedColumn >= 0 || range !== null) && styles.headerActive,
        )}
        style={frozenRow ? { top: `${top}px`, zIndex: Z.frozenRowHeader } : undefined}
      >
        {row + 1}
      </th>
      {line.map((cell, column) => {
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
        const address = `${view.name}!${cellAddress(row, column)}`;
        const text = cellText(cell, currency, units);
        const isSelected = column === selectedColumn;
        const inRange = range !== null && column >= range.left && column <= range.right;
        const edit = editing && editing.column === column ? editing : null;
        return (
          <td
            key={column}
            id={cellId(view.name, row, column)}
            role="gridcell"
            data-address={address}
            data-input={cell?.input ? "true" : undefined}
            data-label={cell?.label ? "true" : undefined}
            aria-selected={isSelected || inRange}
            aria-readonly={!isEditable(view, cell)}
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
            ) : spill[column] > 0 &&
              typeof cell?.value === "string" &&
              cellAlignment(cell.value) === "left" ? (
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
      })}
    </tr>
  );
});
