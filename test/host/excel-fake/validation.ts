/** A range's data validation: a rule and an error alert per cell, and clearing them. */
import { rangeAddress } from "../../../src/shared/a1";
import type { FakeRequestContext } from "./context";
import { OpError } from "./errors";
import { cellsOf, key, type RangeOnSheet, type ValidationState } from "./model";
import { FakeObject } from "./object";
import type { FakeRange } from "./ranges";
import type { Subset } from "./subset";

/** Sets each cell's validation from what the cell had. */
function updateCells(t: RangeOnSheet, update: (was: ValidationState | undefined) => ValidationState): void {
  for (const { row, column } of cellsOf(t.rect)) {
    const k = key(row, column);
    t.sheet.validations.set(k, update(t.sheet.validations.get(k)));
  }
}

export class FakeDataValidation
  extends FakeObject
  implements Subset<Excel.DataValidation, "rule" | "errorAlert" | "ignoreBlanks" | "clear">
{
  readonly officeType = "DataValidation";

  constructor(context: FakeRequestContext, range: FakeRange) {
    super(context, range, "dataValidation", [], "property", () => range.resolveOrNull(), false);
  }

  get rule(): Excel.DataValidationRule {
    return this.loaded("rule");
  }

  set rule(rule: Excel.DataValidationRule) {
    this.set("rule", rule, (t: RangeOnSheet) => {
      const kinds = Object.keys(rule).filter((k) => (rule as Record<string, unknown>)[k] !== undefined);
      if (kinds.length !== 1)
        throw new OpError("InvalidArgument", "A data validation rule has exactly one type.");
      // Assumed from Excel's UI: a rule cannot be set over cells that already carry different rules.
      const existing = new Set(
        cellsOf(t.rect)
          .map(({ row, column }) => t.sheet.validations.get(key(row, column))?.rule)
          .filter((r) => r)
          .map((r) => JSON.stringify(r)),
      );
      if (existing.size > 1)
        throw new OpError(
          "InvalidOperation",
          "The range has more than one data validation rule; clear it first.",
        );
      updateCells(t, (was) => ({
        ...was,
        rule: JSON.parse(JSON.stringify(rule)) as Excel.DataValidationRule,
        errorAlert: was?.errorAlert ?? null,
      }));
      this.fake.noteWrite("DataValidation.rule", t.sheet, rangeAddress(t.rect), false);
    });
  }

  get errorAlert(): Excel.DataValidationErrorAlert {
    return this.loaded("errorAlert");
  }

  set errorAlert(alert: Excel.DataValidationErrorAlert) {
    this.set("errorAlert", alert, (t: RangeOnSheet) => {
      updateCells(t, (was) => ({ ...was, rule: was?.rule ?? null, errorAlert: { ...alert } }));
    });
  }

  get ignoreBlanks(): boolean {
    return this.loaded("ignoreBlanks");
  }

  set ignoreBlanks(ignore: boolean) {
    this.set("ignoreBlanks", ignore, (t: RangeOnSheet) => {
      updateCells(t, (was) => ({
        rule: was?.rule ?? null,
        errorAlert: was?.errorAlert ?? null,
        ignoreBlanks: ignore,
      }));
    });
  }

  clear(): void {
    this.call("clear", [], (t: RangeOnSheet) => {
      for (const { row, column } of cellsOf(t.rect)) t.sheet.validations.delete(key(row, column));
    });
  }
}
