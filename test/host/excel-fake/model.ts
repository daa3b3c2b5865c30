/**
 * The fake's workbook as plain data: sheets of cells (formulas, values, number formats), range
 * formats, column widths, validation, conditional formats, freeze panes, charts, tables and
 * names; with the geometry and the naming rules Excel applies to them.
 */
import { parseRange, type RangeRef, sheetPrefix } from "../../../src/shared/a1";
import type { CellValue } from "../../../src/host/workbook-host";
import { OpError, itemAlreadyExists } from "./errors";

export interface CellState {
  /** The formula as written ("=..."), or null for a constant. */
  readonly formula: string | null;
  readonly value: CellValue;
  readonly error?: boolean;
}

export interface RangeOnSheet {
  readonly sheet: SheetState;
  readonly rect: RangeRef;
}

export interface FormatRecord {
  readonly range: string;
  readonly property: string;
  readonly value: unknown;
}

export interface ValidationState {
  rule: Excel.DataValidationRule | null;
  errorAlert: Excel.DataValidationErrorAlert | null;
  /** Excel's "Ignore blank" (true unless set). */
  ignoreBlanks?: boolean;
}

export interface ConditionalFormatState {
  readonly range: string;
  readonly type: string;
  readonly props: Record<string, unknown>;
}

/** A range a chart reads; it follows its sheet's renames, as Excel's references do. */
export interface SheetRef {
  readonly sheet: SheetState;
  readonly address: string;
}

export interface SeriesState {
  name: string;
  x: SheetRef | null;
  y: SheetRef | null;
  sizes: SheetRef | null;
}

export interface ChartState {
  readonly type: string;
  readonly source: SheetRef;
  readonly seriesBy: string;
  title: string | null;
  xTitle: string | null;
  yTitle: string | null;
  legendVisible: boolean;
  position: { from: string; to: string | null } | null;
  readonly series: SeriesState[];
}

export interface SheetState {
  readonly id: string;
  name: string;
  readonly cells: Map<string, CellState>;
  readonly numberFormats: Map<string, string>;
  readonly formats: FormatRecord[];
  readonly columnWidths: Map<string, number>;
  readonly validations: Map<string, ValidationState>;
  readonly conditionalFormats: ConditionalFormatState[];
  freeze: string | null;
  readonly charts: ChartState[];
  readonly names: Map<string, NameState>;
}

export interface TableState {
  readonly id: string;
  name: string;
  readonly sheet: SheetState;
  /** Grows when a user types in the row right below it (Excel's table auto-expansion). */
  range: string;
  readonly hasHeaders: boolean;
}

/**
 * What a name refers to: a range on a sheet, a structured reference to table columns (it follows
 * the table through a rename and a resize, as Excel's does; `columns` is the bracket part, e.g.
 * "[In use]" or "[[Sim low]:[Sim high]]"), or any other formula.
 */
export type NameRef =
  | { readonly sheet: SheetState; readonly address: string }
  | { readonly table: TableState; readonly columns: string }
  | { readonly formula: string };

export interface NameState {
  readonly name: string;
  ref: NameRef;
  comment: string;
}

export interface WorkbookState {
  readonly sheets: SheetState[];
  readonly tables: TableState[];
  readonly names: Map<string, NameState>;
  activeSheet: SheetState | null;
  enableEvents: boolean;
}

export function isSheet(t: unknown): t is SheetState {
  return typeof t === "object" && t !== null && "cells" in t && "numberFormats" in t;
}

// ---- geometry ----------------------------------------------------------------------------------

/** A cell's key in a sheet's maps: "row,column", both 0-based. */
export const key = (row: number, column: number): string => `${row},${column}`;

export function cellsOf(rect: RangeRef): { row: number; column: number }[] {
  const out: { row: number; column: number }[] = [];
  for (let row = rect.top; row <= rect.bottom; row++)
    for (let column = rect.left; column <= rect.right; column++) out.push({ row, column });
  return out;
}

export function contains(outer: RangeRef, row: number, column: number): boolean {
  return row >= outer.top && row <= outer.bottom && column >= outer.left && column <= outer.right;
}

export function overlaps(a: RangeRef, b: RangeRef): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/** A column range "B:B" or "B:D" as a rectangle over every row. */
export function parseAddress(address: string): RangeRef {
  const whole = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/.exec(address.trim());
  if (whole) {
    const a = parseRange(`${whole[1]}1`).left;
    const b = parseRange(`${whole[2]}1`).left;
    return { top: 0, bottom: 1_048_575, left: Math.min(a, b), right: Math.max(a, b) };
  }
  try {
    return parseRange(address);
  } catch {
    throw new OpError(
      "InvalidArgument",
      `The argument is invalid or missing or has an incorrect format: ${address}`,
    );
  }
}

/** "Sheet!A1:B2" with the sheet's current name, or "#REF!A1:B2" once it is gone. */
export function renderRef(state: WorkbookState, ref: SheetRef | null): string | null {
  if (!ref) return null;
  return `${state.sheets.includes(ref.sheet) ? sheetPrefix(ref.sheet.name) : "#REF!"}${ref.address}`;
}

// ---- naming rules ------------------------------------------------------------------------------

const SHEET_NAME_BAD = /[[\]:*?/\\]/;

export function checkSheetName(name: string, sheets: readonly SheetState[], self?: SheetState): void {
  if (!name || name.length > 31 || SHEET_NAME_BAD.test(name) || name.startsWith("'") || name.endsWith("'"))
    throw new OpError("InvalidArgument", `The sheet name "${name}" is not valid.`);
  if (sheets.some((s) => s !== self && s.name.toLowerCase() === name.toLowerCase()))
    throw itemAlreadyExists(name);
}

const NAME_OK = /^[A-Za-z_\\][A-Za-z0-9_.\\]*$/;

export function checkDefinedName(name: string): void {
  if (!NAME_OK.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[rRcC]$/.test(name))
    throw new OpError("InvalidArgument", `The name "${name}" is not valid.`);
}

/** A header inside a structured reference's brackets, unescaped (Excel escapes [ ] # ' with '). */
function unescapeHeader(text: string): string {
  return text.replace(/'(.)/g, "$1");
}

/** The body rows of the columns a structured reference names, or null when a header is missing. */
export function structuredRect(table: TableState, columns: string): RangeRef | null {
  const r = parseAddress(table.range);
  const span = /^\[\[((?:'.|[^\]'])*)\]:\[((?:'.|[^\]'])*)\]\]$/.exec(columns);
  const one = /^\[((?:'.|[^\]'])*)\]$/.exec(columns);
  const names = span ? [span[1], span[2]] : one ? [one[1], one[1]] : null;
  if (!names) return null;
  const headerAt = (header: string): number | null => {
    for (let column = r.left; column <= r.right; column++) {
      const cell = table.sheet.cells.get(key(r.top, column));
      if (cell && String(cell.value).toLowerCase() === unescapeHeader(header).toLowerCase()) return column;
    }
    return null;
  };
  const left = headerAt(names[0]);
  const right = headerAt(names[1]);
  if (left === null || right === null || r.bottom <= r.top) return null;
  return { top: r.top + 1, bottom: r.bottom, left, right };
}
