/**
 * A range: its values, formulas, value types and number formats, read and written as 2-D arrays
 * the size of the range, with its format, data validation and conditional formats.
 */
import {
  columnLetters,
  rangeAddress,
  rangeColumns,
  rangeRows,
  type RangeRef,
  sheetPrefix,
} from "../../../src/shared/a1";
import { ERRORS, typed } from "./cell-input";
import { FakeConditionalFormatCollection } from "./conditional-formats";
import type { FakeRequestContext } from "./context";
import { itemNotFound, OpError } from "./errors";
import { key, type RangeOnSheet, type SheetState } from "./model";
import { FakeObject } from "./object";
import { FakeRangeFormat } from "./range-format";
import type { Subset } from "./subset";
import { FakeDataValidation } from "./validation";
import { fromR1C1, toR1C1 } from "./r1c1";

export class FakeRange
  extends FakeObject
  implements
    Subset<
      Excel.Range,
      | "address"
      | "values"
      | "formulas"
      | "valueTypes"
      | "numberFormat"
      | "format"
      | "dataValidation"
      | "conditionalFormats"
      | "formulasR1C1"
      | "getLastRow"
      | "getRow"
      | "getResizedRange"
      | "rowCount"
      | "columnCount"
    >
{
  readonly officeType = "Range";
  readonly format: FakeRangeFormat;
  readonly dataValidation: FakeDataValidation;
  readonly conditionalFormats: FakeConditionalFormatCollection;

  constructor(
    context: FakeRequestContext,
    parent: FakeObject,
    pathName: string,
    args: readonly unknown[],
    resolver: () => unknown,
    orNull = false,
  ) {
    super(context, parent, pathName, args, "method", resolver, false, orNull);
    this.format = new FakeRangeFormat(context, this);
    this.dataValidation = new FakeDataValidation(context, this);
    this.conditionalFormats = new FakeConditionalFormatCollection(context, this);
  }

  resolve(): RangeOnSheet {
    const t = this.resolveOrNull() as RangeOnSheet | null;
    if (!t) throw itemNotFound();
    return t;
  }

  private cellValue(
    sheet: SheetState,
    row: number,
    column: number,
  ): { value: unknown; type: string; formula: unknown } {
    const cell = sheet.cells.get(key(row, column));
    if (!cell) return { value: "", type: "Empty", formula: "" };
    let value = cell.value;
    if (cell.formula !== null)
      value =
        this.fake.options.formulaValue?.(sheet.name, `${columnLetters(column)}${row + 1}`, cell.formula) ??
        null;
    const type =
      value === null || value === ""
        ? "Empty"
        : cell.error || (typeof value === "string" && ERRORS.has(value) && cell.formula !== null)
          ? "Error"
          : typeof value === "number"
            ? "Double"
            : typeof value === "boolean"
              ? "Boolean"
              : "String";
    return { value: value ?? "", type, formula: cell.formula ?? value ?? "" };
  }

  protected override read(t: RangeOnSheet, properties: readonly string[]): Record<string, unknown> {
    const { sheet, rect } = t;
    const cells = rangeRows(rect) * rangeColumns(rect);
    if (cells > 5_000_000)
      throw new OpError(
        "RangeExceedsLimit",
        "The cell count in the range has exceeded the maximum supported number.",
      );
    const props =
      properties.length > 0 ? properties : ["address", "values", "formulas", "valueTypes", "numberFormat"];
    const grid = <T>(f: (row: number, column: number) => T): T[][] =>
      Array.from({ length: rangeRows(rect) }, (_, r) =>
        Array.from({ length: rangeColumns(rect) }, (__, c) => f(rect.top + r, rect.left + c)),
      );
    const out: Record<string, unknown> = {};
    for (const p of props) {
      if (p === "address") out.address = `${sheetPrefix(sheet.name)}${rangeAddress(rect)}`;
      else if (p === "values") out.values = grid((r, c) => this.cellValue(sheet, r, c).value);
      else if (p === "formulas") out.formulas = grid((r, c) => this.cellValue(sheet, r, c).formula);
      else if (p === "formulasR1C1")
        out.formulasR1C1 = grid((r, c) => {
          const formula = this.cellValue(sheet, r, c).formula;
          return typeof formula === "string" ? toR1C1(formula, r, c) : formula;
        });
      else if (p === "valueTypes") out.valueTypes = grid((r, c) => this.cellValue(sheet, r, c).type);
      else if (p === "numberFormat")
        out.numberFormat = grid((r, c) => sheet.numberFormats.get(key(r, c)) ?? "General");
      else if (p === "rowCount") out.rowCount = rangeRows(rect);
      else if (p === "columnCount") out.columnCount = rangeColumns(rect);
    }
    return out;
  }

  get address(): string {
    return this.loaded("address");
  }

  get values(): unknown[][] {
    return this.loaded("values");
  }

  set values(values: unknown[][]) {
    this.writeCells("values", values);
  }

  get formulas(): unknown[][] {
    return this.loaded("formulas");
  }

  set formulas(formulas: unknown[][]) {
    this.writeCells("formulas", formulas);
  }

  get rowCount(): number {
    return this.loaded("rowCount");
  }

  get columnCount(): number {
    return this.loaded("columnCount");
  }

  get formulasR1C1(): unknown[][] {
    return this.loaded("formulasR1C1");
  }

  /** Each formula given in R1C1 form lands in A1 form for its own cell. */
  set formulasR1C1(formulas: unknown[][]) {
    this.set("formulasR1C1", formulas, (t: RangeOnSheet) => {
      this.checkShape(t.rect, formulas);
      formulas.forEach((row, r) =>
        row.forEach((input, c) => {
          const k = key(t.rect.top + r, t.rect.left + c);
          const text = typeof input === "string" ? fromR1C1(input, t.rect.top + r, t.rect.left + c) : input;
          const cell = typed(text);
          if (cell === "clear") t.sheet.cells.delete(k);
          else if (cell !== "unchanged") t.sheet.cells.set(k, cell);
        }),
      );
      this.fake.noteWrite("Range.formulasR1C1", t.sheet, rangeAddress(t.rect), true);
    });
  }

  /** A range relative to this one, resolved when the request runs (as Office resolves it). */
  private derived(name: string, args: readonly unknown[], rect: (r: RangeRef) => RangeRef): FakeRange {
    return new FakeRange(this.context, this, name, args, () => {
      const t = this.resolveOrNull() as RangeOnSheet | null;
      return t === null ? null : { sheet: t.sheet, rect: rect(t.rect) };
    });
  }

  getLastRow(): FakeRange {
    return this.derived("getLastRow", [], (r) => ({ ...r, top: r.bottom }));
  }

  getRow(row: number): FakeRange {
    return this.derived("getRow", [row], (r) => ({ ...r, top: r.top + row, bottom: r.top + row }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this.derived("getResizedRange", [deltaRows, deltaColumns], (r) => ({
      ...r,
      bottom: r.bottom + deltaRows,
      right: r.right + deltaColumns,
    }));
  }

  get valueTypes(): Excel.RangeValueType[][] {
    return this.loaded("valueTypes");
  }

  get numberFormat(): unknown[][] {
    return this.loaded("numberFormat");
  }

  set numberFormat(formats: unknown[][]) {
    this.set("numberFormat", formats, (t: RangeOnSheet) => {
      this.checkShape(t.rect, formats);
      formats.forEach((row, r) =>
        row.forEach((f, c) => {
          if (f === null) return;
          const k = key(t.rect.top + r, t.rect.left + c);
          if (f === "" || f === "General") t.sheet.numberFormats.delete(k);
          else if (typeof f === "string") t.sheet.numberFormats.set(k, f);
          else throw new OpError("InvalidArgument", `Not a number format: ${JSON.stringify(f)}`);
        }),
      );
      this.fake.noteWrite("Range.numberFormat", t.sheet, rangeAddress(t.rect), false);
    });
  }

  private checkShape(rect: RangeRef, rows: readonly unknown[][]): void {
    if (
      !Array.isArray(rows) ||
      rows.length !== rangeRows(rect) ||
      rows.some((r) => !Array.isArray(r) || r.length !== rangeColumns(rect))
    )
      throw new OpError(
        "InvalidArgument",
        "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
      );
  }

  private writeCells(member: "values" | "formulas", rows: unknown[][]): void {
    this.set(member, rows, (t: RangeOnSheet) => {
      this.checkShape(t.rect, rows);
      rows.forEach((row, r) =>
        row.forEach((input, c) => {
          const k = key(t.rect.top + r, t.rect.left + c);
          const cell = typed(input);
          if (cell === "clear") t.sheet.cells.delete(k);
          else if (cell !== "unchanged") t.sheet.cells.set(k, cell);
        }),
      );
      this.fake.noteWrite(`Range.${member}`, t.sheet, rangeAddress(t.rect), true);
    });
  }
}
