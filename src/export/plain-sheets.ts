/**
 * Sheets that no template built (a sheet of the user's own, or every sheet of a workbook some
 * other program wrote), to and from .xlsx as plain cells: values, and formulas as text with
 * their computed value cached. The preview saves them beside the model and opens them as they
 * are, so nothing the user had is dropped. A formula goes into the file as the file format spells
 * it (`_xlfn.` before the functions newer than Excel 2007); the in-memory workbook reads that
 * spelling back (host/formula-text.ts).
 */
import type { Cell, CellValue as ExcelValue, Workbook, Worksheet } from "exceljs";
import { withFilePrefixes } from "../host/formula-text";
import type { CellValue } from "../host/workbook-host";

/** A cell as written: a value, or a formula ("=...") with its computed value. */
export interface PlainCell {
  readonly content: CellValue;
  /** The computed value of a formula. */
  readonly value?: CellValue;
}

export interface PlainSheet {
  readonly name: string;
  /** Row-major from A1. */
  readonly cells: readonly (readonly (PlainCell | null)[])[];
}

const ERRORS = new Set(["#N/A", "#REF!", "#NAME?", "#DIV/0!", "#NULL!", "#VALUE!", "#NUM!"]);

function cached(value: CellValue | undefined): ExcelValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value === "string" && value.startsWith("#"))
    return ERRORS.has(value) ? ({ error: value } as ExcelValue) : undefined;
  return value;
}

export function writePlainSheet(workbook: Workbook, sheet: PlainSheet): void {
  const ws = workbook.addWorksheet(sheet.name);
  sheet.cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!cell || cell.content === null) return;
      const target = ws.getCell(r + 1, c + 1);
      const { content } = cell;
      target.value =
        typeof content === "string" && content.startsWith("=")
          ? ({ formula: withFilePrefixes(content.slice(1)), result: cached(cell.value) } as ExcelValue)
          : content;
    }),
  );
}

/** Excel's serial day number of a date (day 0 = 1899-12-30, the 1900 date system). */
function serialDay(date: Date): number {
  return (date.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** A cell's content as a spreadsheet user typed it: a formula as "=...", else its value. */
export function cellContent(value: ExcelValue, formula: string | undefined): CellValue {
  if (formula) return `=${formula}`;
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "boolean") return value;
  // A text that looks like a formula stays text (HyperFormula drops the apostrophe).
  if (typeof value === "string") return value.startsWith("=") ? `'${value}` : value;
  if (value instanceof Date) return serialDay(value);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((run) => run.text).join("");
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("error" in value) return String(value.error);
    if ("result" in value) return cellContent(value.result, undefined);
  }
  return null;
}

/** A cell's content as a spreadsheet user typed it (see cellContent). */
export function contentOfCell(cell: Cell): CellValue {
  return cellContent(cell.value, cell.formula || undefined);
}

/** A worksheet's cells from A1 to its last used cell. */
export function readPlainSheet(ws: Worksheet): PlainSheet {
  const cells: (PlainCell | null)[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const line: (PlainCell | null)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      const content = contentOfCell(cell);
      line[columnNumber - 1] = content === null ? null : { content };
    });
    cells[rowNumber - 1] = Array.from(line, (c) => c ?? null);
  });
  return { name: ws.name, cells: Array.from(cells, (row) => row ?? []) };
}
