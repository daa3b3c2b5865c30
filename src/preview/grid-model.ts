/**
 * The preview grid's pure side: how a cell of a MemoryHost sheet view reads (its text, with the
 * plan's number format and currency), how it looks (the workbook's own colours from theme.ts,
 * conditional formats included), how big rows and columns are, and how typed text becomes a value.
 * No React and no DOM here, so every rule is tested on its own.
 */
import type { CellView, SheetView } from "./sheet-view";
import type { CellValue } from "../host/workbook-host";
import { columnIndex, parseRange, type CellRef, type RangeRef } from "../shared/a1";
import { ENGLISH_UNITS, formatValue } from "../templates/formats";
import type { PreviewStrings, Units } from "../i18n/bundle";
import { fill } from "../taskpane/model/format";
import type { ConditionalFormatPlan } from "../templates/plan";
import { COLORS, LOOKS } from "../templates/theme";

/** Row height in px; a row with a larger font (the title) grows to fit it. */
export const ROW_HEIGHT_PX = 22;
/** Width of a column the plan does not size: Excel's default of 8.43 characters. */
export const DEFAULT_COLUMN_WIDTH_PX = 64;
/** Px per Excel character-width unit (Calibri 11 at 96 dpi), plus Excel's 5 px of padding. */
const PX_PER_CHARACTER = 7;
const COLUMN_PADDING_PX = 5;

/**
 * The text a cell shows, as Excel would show it with the plan's number format: the units are the
 * ones written into that format, in the language the sheet was built in.
 */
export function cellText(cell: CellView | null, currency: string, units: Units = ENGLISH_UNITS): string {
  if (!cell) return "";
  if (typeof cell.value === "boolean") return cell.value ? "TRUE" : "FALSE";
  return formatValue(cell.value, cell.format, currency, "en-US", units);
}

/** Excel's default alignment: numbers right, text left, booleans and errors centred. */
export function cellAlignment(value: CellValue): "left" | "right" | "center" {
  if (typeof value === "number") return "right";
  if (typeof value === "boolean") return "center";
  if (typeof value === "string" && isErrorText(value)) return "center";
  return "left";
}

export function isErrorText(value: string): boolean {
  return /^#(N\/A|VALUE!|REF!|NAME\?|NUM!|DIV\/0!|NULL!|SPILL!|CALC!|ERROR!|CYCLE!)$/.test(value);
}

/** The look of one cell: colours as hex strings from the workbook theme; undefined = the page's. */
export interface CellLookStyle {
  readonly color?: string;
  readonly background?: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** Font size in points, as Excel sizes fonts. */
  readonly sizePt?: number;
  readonly underline?: boolean;
}

/** "#RRGGBB" → [r, g, b]. */
function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** The colour a fraction `t` (clamped to 0..1) of the way from `from` to `to`, as "#rrggbb". */
export function mixColors(from: string, to: string, t: number): string {
  const k = Math.min(1, Math.max(0, t));
  const a = rgb(from);
  const b = rgb(to);
  return `#${a
    .map((v, i) => Math.round(v + (b[i] - v) * k))
    .map((v) => v.toString(16).padStart(2, "0"))
    .join("")}`;
}

/**
 * The fill a conditional format gives a value, or undefined. Text-equals compares without case,
 * as Excel does; the colour scale runs from its min colour at 0 to its max colour at 1 (numbers
 * only: a blank stays unfilled). Formula rules are not evaluated here (no template uses one yet).
 */
export function conditionalFill(rule: ConditionalFormatPlan["rule"], value: CellValue): string | undefined {
  switch (rule.kind) {
    case "textEquals":
      return typeof value === "string" && value.toLowerCase() === rule.text.toLowerCase()
        ? COLORS[rule.fill]
        : undefined;
    case "colorScale":
      return typeof value === "number" ? mixColors(COLORS[rule.min], COLORS[rule.max], value) : undefined;
    case "formula":
      return undefined;
  }
}

/** A sheet's conditional formats, with their ranges parsed once. */
export interface ConditionalIndex {
  fill(row: number, column: number, value: CellValue): string | undefined;
}

export function conditionalIndex(formats: readonly ConditionalFormatPlan[]): ConditionalIndex {
  const parsed = formats.map((f) => ({ range: parseRange(f.range), rule: f.rule }));
  return {
    fill(row, column, value) {
      // Later rules are listed later; Excel gives the first matching rule priority.
      for (const { range, rule } of parsed) {
        if (row < range.top || row > range.bottom || column < range.left || column > range.right) continue;
        const fill = conditionalFill(rule, value);
        if (fill) return fill;
      }
      return undefined;
    },
  };
}

/** The cell's style from its role (LOOKS), with a conditional fill on top. */
export function cellLook(cell: CellView | null, conditional: string | undefined): CellLookStyle {
  const look = cell?.style ? LOOKS[cell.style] : {};
  const background = conditional ?? look.fill;
  return {
    ...(look.fontColor ? { color: look.fontColor } : {}),
    ...(background ? { background } : {}),
    ...(look.bold ? { bold: true } : {}),
    ...(look.italic ? { italic: true } : {}),
    ...(look.size ? { sizePt: look.size } : {}),
    ...(look.underline ? { underline: true } : {}),
  };
}

/** Column widths in px for columns 0..count-1, from the plan's character widths. */
export function columnWidthsPx(view: Pick<SheetView, "columns" | "columnWidths">): number[] {
  const widths = new Array<number>(view.columns).fill(DEFAULT_COLUMN_WIDTH_PX);
  for (const { column, width } of view.columnWidths) {
    const index = columnIndex(column);
    if (index < view.columns) widths[index] = Math.round(width * PX_PER_CHARACTER + COLUMN_PADDING_PX);
  }
  return widths;
}

/** The height in px of a row whose largest font is `sizePt` (0: the default font). */
const rowHeightFor = (sizePt: number): number =>
  sizePt ? Math.max(ROW_HEIGHT_PX, Math.ceil((sizePt * 4) / 3) + 8) : ROW_HEIGHT_PX;

/**
 * Row heights in px: the default, or enough for the largest font in the row. A view that carries
 * only some rows' cells says which rows have a larger font (`fontRows`), for all of them.
 */
export function rowHeightsPx(
  view: Pick<SheetView, "cells"> & Partial<Pick<SheetView, "fontRows">>,
): number[] {
  if (view.fontRows) return rowHeightsFromFonts(view.cells.length, view.fontRows);
  return view.cells.map((line) => {
    let sizePt = 0;
    for (const cell of line) {
      const size = cell?.style ? LOOKS[cell.style].size : undefined;
      if (size && size > sizePt) sizePt = size;
    }
    return rowHeightFor(sizePt);
  });
}

/** Heights in px of `rows` rows, of which those in `fontRows` hold a larger font. */
export function rowHeightsFromFonts(
  rows: number,
  fontRows: readonly { readonly row: number; readonly sizePt: number }[],
): number[] {
  const heights = new Array<number>(rows).fill(ROW_HEIGHT_PX);
  for (const { row, sizePt } of fontRows) if (row < rows) heights[row] = rowHeightFor(sizePt);
  return heights;
}

/** The view carries the cells of this row (a view of some rows only leaves the others empty). */
export function rowLoaded(view: Pick<SheetView, "window" | "freeze">, row: number): boolean {
  const w = view.window;
  return w === null || row < (view.freeze?.rows ?? 0) || (row >= w.top && row <= w.bottom);
}

/** Per column: the width of the empty cells right after it (where its text may run on). */
export function spillWidths(line: readonly (CellView | null)[], widths: readonly number[]): number[] {
  const out = new Array<number>(line.length).fill(0);
  let run = 0;
  for (let c = line.length - 1; c >= 0; c--) {
    out[c] = run;
    const value = line[c]?.value ?? null;
    run = value === null || value === "" ? run + widths[c] : 0;
  }
  return out;
}

/** Offsets[i] = the top of row i; offsets[n] = the total height. */
export function offsets(sizes: readonly number[]): number[] {
  const out = [0];
  for (const size of sizes) out.push(out[out.length - 1] + size);
  return out;
}

/** The first index whose [offset, next offset) contains `position` (binary search). */
export function indexAt(offsetsPx: readonly number[], position: number): number {
  let lo = 0;
  let hi = offsetsPx.length - 2;
  if (hi < 0) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsetsPx[mid] <= position) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The rows to render for a scroll position: every row when there are few, else those in view
 * plus `overscan` on either side (frozen rows are rendered separately, always).
 */
export function visibleRows(
  offsetsPx: readonly number[],
  scrollTop: number,
  viewportHeight: number,
  overscan = 10,
): { first: number; last: number } {
  const count = offsetsPx.length - 1;
  if (count <= 0) return { first: 0, last: -1 };
  const first = Math.max(0, indexAt(offsetsPx, scrollTop) - overscan);
  const last = Math.min(count - 1, indexAt(offsetsPx, scrollTop + viewportHeight) + overscan);
  return { first, last };
}

/**
 * The columns to render for a horizontal scroll position: the frozen columns always (they stay
 * on screen), then the scrolling columns that meet the visible width, plus `overscan` on either
 * side. `before` and `after` are the widths (px) of the columns left out between the frozen ones
 * and `first`, and after `last`: the grid stands a spacer in for each, so the table keeps its
 * width and the scroll bar its range. `scrollLeft` and `viewportWidth` are in the coordinates of
 * the columns (the row header's width already taken off).
 */
export interface ColumnWindow {
  readonly frozen: number;
  readonly first: number;
  readonly last: number;
  readonly before: number;
  readonly after: number;
}

export function visibleColumns(
  leftsPx: readonly number[],
  frozen: number,
  scrollLeft: number,
  viewportWidth: number,
  overscan = 3,
): ColumnWindow {
  const count = leftsPx.length - 1;
  const fixed = Math.min(frozen, count);
  if (count <= fixed) return { frozen: fixed, first: fixed, last: fixed - 1, before: 0, after: 0 };
  // What the frozen columns cover is not seen through: the scrolling columns in view start
  // behind them, at scrollLeft + their width.
  const span = visibleRows(leftsPx, scrollLeft + leftsPx[fixed], viewportWidth - leftsPx[fixed], overscan);
  const first = Math.max(fixed, span.first);
  const last = Math.max(first, span.last);
  return {
    frozen: fixed,
    first,
    last,
    before: leftsPx[first] - leftsPx[fixed],
    after: leftsPx[count] - leftsPx[last + 1],
  };
}

/**
 * The scroll position that brings the span [start, end) of the content into a view of
 * `clientSize` at `scroll`, where the first `hidden` px of the view are covered (headers and
 * frozen panes): the same position when it is already in view, else the nearest one that shows
 * it, as Excel scrolls no further than it must. Computed from known sizes, so moving the
 * selection never makes the browser measure the page.
 */
export function scrollToShow(
  start: number,
  end: number,
  hidden: number,
  scroll: number,
  clientSize: number,
): number {
  if (start < scroll + hidden) return Math.max(0, start - hidden);
  if (end > scroll + clientSize) return Math.max(0, end - clientSize);
  return scroll;
}

/**
 * Along one axis (rows or columns): the scroll position that shows item `index`, where
 * `starts[k]` is where item k begins past a header of `header` px and the first `frozen` items
 * are frozen (always in view, so the position stays).
 */
export function scrollToShowItem(
  index: number,
  frozen: number,
  starts: readonly number[],
  header: number,
  scroll: number,
  clientSize: number,
): number {
  if (index < frozen) return scroll;
  return scrollToShow(
    header + starts[index],
    header + starts[index + 1],
    header + starts[frozen],
    scroll,
    clientSize,
  );
}

const PERCENT_FORMATS = new Set(["percent", "percentPrecise", "gantt"]);

/** The text an edit starts from: the value as typed, a percentage with its sign. */
export function editText(cell: CellView | null): string {
  if (!cell || cell.value === null) return "";
  if (typeof cell.value === "number" && cell.format && PERCENT_FORMATS.has(cell.format)) {
    return `${Number((cell.value * 100).toPrecision(12))}%`;
  }
  if (typeof cell.value === "boolean") return cell.value ? "TRUE" : "FALSE";
  return String(cell.value);
}

/**
 * What a typed entry means, as Excel reads it: blank → empty; a number with optional grouping
 * commas, currency symbol and a trailing % → a number ("10%" → 0.1); TRUE/FALSE → booleans;
 * anything else → text. In a percent-formatted cell a plain number of 1 or more is read as a
 * percentage (Excel's "automatic percent entry": 10 → 10%, 0.1 → 10%).
 */
export function parseEntry(text: string, cell: CellView | null, currency: string): CellValue {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  if (/^(true|false)$/i.test(trimmed)) return trimmed.toLowerCase() === "true";
  const bare = trimmed.replace(currency, "").replace(/\s+/g, "");
  const match = /^([-+]?)((?:\d{1,3}(?:,\d{3})+|\d*)(?:\.\d+)?(?:e[-+]?\d+)?)(%?)$/i.exec(bare);
  if (!match || !/\d/.test(match[2])) return trimmed;
  const magnitude = Number(match[2].replace(/,/g, ""));
  if (!Number.isFinite(magnitude)) return trimmed;
  const signed = match[1] === "-" ? -magnitude : magnitude;
  if (match[3] === "%") return signed / 100;
  const percentCell = cell?.format !== undefined && PERCENT_FORMATS.has(cell.format);
  return percentCell && Math.abs(signed) >= 1 ? signed / 100 : signed;
}

// ---- editing: what may be typed, selections, clearing, undo ---------------------------------

/**
 * Whether the user may type into a cell: a template's inputs and the labels of its table lines,
 * or any cell of a user's own sheet; never a cell that holds a formula (a formula a user typed
 * into an input is theirs: the preview neither replaces nor clears it).
 */
export function isEditable(view: Pick<SheetView, "template">, cell: CellView | null): boolean {
  if (cell?.formula !== undefined) return false;
  if (view.template === null) return true;
  return cell?.input === true || cell?.label === true;
}

/** What an entry means in a cell: a table line's label keeps the text as typed. */
export function entryValue(text: string, cell: CellView | null, currency: string): CellValue {
  if (cell?.label) return text.trim() === "" ? null : text.trim();
  return parseEntry(text, cell, currency);
}

/** A selection as Excel keeps it: the anchor where it started and the active cell it reaches. */
export interface GridSelection {
  readonly anchor: CellRef;
  readonly focus: CellRef;
}

export function singleCell(cell: CellRef): GridSelection {
  return { anchor: cell, focus: cell };
}

export function selectionRange(selection: GridSelection): RangeRef {
  const { anchor, focus } = selection;
  return {
    top: Math.min(anchor.row, focus.row),
    left: Math.min(anchor.column, focus.column),
    bottom: Math.max(anchor.row, focus.row),
    right: Math.max(anchor.column, focus.column),
  };
}

/**
 * Fluent's focus manager (tabster) moves focus on Tab itself, from a window listener that runs
 * before the grid's: this attribute tells it to leave Tab to the grid and its editor, where Tab
 * commits and moves to the next cell as in Excel.
 */
export const GRID_KEEPS_TAB = JSON.stringify({ focusable: { ignoreKeydown: { Tab: true } } });

/** Where a committed edit moves the active cell: Enter down, Shift+Enter up, Tab right, Shift+Tab left. */
export function commitMove(key: string, shift: boolean): { rows: number; columns: number } | null {
  if (key === "Enter") return { rows: shift ? -1 : 1, columns: 0 };
  if (key === "Tab") return { rows: 0, columns: shift ? -1 : 1 };
  return null;
}

export interface CellChange {
  readonly row: number;
  readonly column: number;
  readonly before: CellValue;
  readonly after: CellValue;
}

/** What Delete does to a range: the cells it clears, and how many it leaves and why. */
export interface ClearPlan {
  readonly cells: readonly CellChange[];
  /** Cells holding a formula (calculated, or typed by the user into an input): never cleared. */
  readonly formulas: number;
  /** Cells with content that are not inputs (headers, labels of the layout). */
  readonly locked: number;
}

export function clearPlan(view: SheetView, range: RangeRef): ClearPlan {
  const cells: CellChange[] = [];
  let formulas = 0;
  let locked = 0;
  for (let row = range.top; row <= Math.min(range.bottom, view.rows - 1); row++) {
    for (let column = range.left; column <= Math.min(range.right, view.columns - 1); column++) {
      const cell = view.cells[row]?.[column] ?? null;
      if (!cell) continue;
      if (cell.formula !== undefined) formulas++;
      else if (!isEditable(view, cell)) {
        if (cell.value !== null && cell.value !== "") locked++;
      } else if (cell.value !== null && cell.value !== "") {
        cells.push({ row, column, before: cell.value, after: null });
      }
    }
  }
  return { cells, formulas, locked };
}

/** The message after a clear that left cells alone, or null when nothing was skipped. */
export function clearMessage(plan: ClearPlan, t: PreviewStrings): string | null {
  if (plan.formulas === 0 && plan.locked === 0) return null;
  const parts: string[] = [];
  const cells = (n: number): string => (n === 1 ? t.oneCell : fill(t.cellCount, { count: n }));
  if (plan.formulas > 0) parts.push(fill(t.leftFormulas, { cells: cells(plan.formulas) }));
  if (plan.locked > 0) parts.push(fill(t.leftLocked, { cells: cells(plan.locked) }));
  return fill(t.clearedLeft, { cleared: cells(plan.cells.length), left: parts.join(t.leftJoin) });
}

/** A table of a sheet as a view names it: its name and A1 range, header row included. */
export interface TableLayout {
  readonly name: string;
  readonly range: string;
}

/** One undoable edit of the preview's grid. */
export type GridEdit =
  | {
      readonly kind: "cells";
      readonly sheet: string;
      readonly changes: readonly CellChange[];
      /**
       * The sheet's tables when the edit was made. The history holds addresses, and rows that
       * something other than the grid added to or removed from a table since (the pane's Add
       * line) move the cells below it: see `movedTable`.
       */
      readonly tables: readonly TableLayout[];
    }
  | {
      readonly kind: "insertRows";
      readonly sheet: string;
      readonly table: string;
      readonly index: number;
      readonly count: number;
    }
  | {
      readonly kind: "deleteRows";
      readonly sheet: string;
      readonly table: string;
      readonly index: number;
      readonly count: number;
      /** What the rows held (MemoryHost's RemovedRows), to put back on undo. */
      readonly removed: unknown;
    };

/**
 * The first table whose rows changed since `before` (a range that moved, grew, shrank or went)
 * and that starts at or above `row`: the cells at `row` may then be other cells than the edit's,
 * so replaying it would write into another line. Null when the rows at `row` are where they were.
 */
export function movedTable(
  before: readonly TableLayout[],
  now: readonly TableLayout[],
  row: number,
): TableLayout | null {
  for (const table of before) {
    const current = now.find((t) => t.name === table.name);
    if (current?.range === table.range) continue;
    if (parseRange(table.range).top <= row) return table;
  }
  return null;
}

/**
 * Undo and redo of the grid's own edits, as Excel's stack works: a new edit drops what could be
 * redone; at most `limit` edits are kept.
 */
export class EditHistory {
  private done: GridEdit[] = [];
  private undone: GridEdit[] = [];

  constructor(private readonly limit = 100) {}

  push(edit: GridEdit): void {
    this.done.push(edit);
    if (this.done.length > this.limit) this.done.shift();
    this.undone = [];
  }

  /** The edit to undo, moved to the redo side; null when there is none. */
  undo(): GridEdit | null {
    const edit = this.done.pop() ?? null;
    if (edit) this.undone.push(edit);
    return edit;
  }

  redo(): GridEdit | null {
    const edit = this.undone.pop() ?? null;
    if (edit) this.done.push(edit);
    return edit;
  }

  /** Replaces the most recent edit (a redone delete has new contents to restore). */
  replaceLast(edit: GridEdit): void {
    if (this.done.length > 0) this.done[this.done.length - 1] = edit;
  }

  /** Forgets an edit that can no longer be applied (the cells changed since). */
  dropUndone(): void {
    this.undone.pop();
  }

  dropDone(): void {
    this.done.pop();
  }

  get canUndo(): boolean {
    return this.done.length > 0;
  }

  get canRedo(): boolean {
    return this.undone.length > 0;
  }
}

/** The row operations the grid offers on a table's rows. */
export type RowCommand = "insertAbove" | "insertBelow" | "delete" | "clear";
