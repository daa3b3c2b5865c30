/**
 * Cell contents between plans, callers and Excel: what is written to `formulas` and `values` so
 * that Excel keeps it as meant, and what a read gives back.
 */
import { cellInDialect } from "../../templates/cells";
import { type Dialect, isFormula, type PlanCell, type PlanValue } from "../../templates/plan";
import type { CellValue } from "../workbook-host";

/**
 * Text that Excel would take for something else when it is written (a number, date, time,
 * boolean, error or formula: writing a string to `values` or `formulas` works like typing it)
 * gets the apostrophe prefix that keeps it text; the apostrophe is not part of the value.
 */
const TYPED_AS_OTHER =
  /^(?:[=+\-@'#\s\d.,(]|[$€£¥]\s*\d|(?:true|false)$|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[\s\-/.]*\d)/i;

export function asText(text: string): string {
  return TYPED_AS_OTHER.test(text) ? `'${text}` : text;
}

/** A plan cell as Excel's `formulas` takes it: a formula string, a constant, or null (left as is). */
export function excelContent(cell: PlanCell, dialect: Dialect): PlanValue {
  if (isFormula(cell)) return cellInDialect(cell, dialect);
  return typeof cell === "string" ? asText(cell) : cell;
}

/** An input value as written by writeCells: null clears the cell; text never becomes a formula. */
export function inputContent(value: CellValue): string | number | boolean {
  if (value === null) return "";
  return typeof value === "string" ? asText(value) : value;
}

/** A value read back: empty cells are null (Excel reads them as ""), errors stay their strings. */
export function readValue(value: unknown, type: unknown): CellValue {
  if (String(type) === "Empty") return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  return null;
}

/** The values of a range loaded with "values,valueTypes", as read back. */
export function valuesOf(range: Excel.Range): CellValue[][] {
  return range.values.map((row, r) => row.map((v, c) => readValue(v, range.valueTypes[r][c])));
}
