/**
 * What a user may write into a MemoryHost workbook (WorkbookHost.writeCells): values, never
 * formulas; never over a formula or a spilled result; on a template sheet only into its input
 * cells, and only values its data validation accepts (as Excel refuses an entry that breaks a
 * rule). The labels of a table's lines take text (a user renames a line). Every refusal names the
 * cell and says what would be accepted.
 */
import { cellAddress, parseRange, rangeColumns, rangeRows, sheetPrefix } from "../shared/a1";
import { isWritableCell } from "../templates/cells";
import type { SheetPlan, ValidationPlan, ValidationRule } from "../templates/plan";
import { isTableLabelCell } from "./plan-rows";
import type { CellValue, CellWrite } from "./workbook-host";

/** A refused write; nothing of the call was written. */
export class CellWriteError extends Error {
  constructor(
    message: string,
    readonly sheet: string,
    readonly address: string,
  ) {
    super(message);
    this.name = "CellWriteError";
  }
}

function shown(value: CellValue): string {
  return typeof value === "string" ? `"${value}"` : String(value);
}

function ruleText(rule: ValidationRule): string {
  switch (rule.kind) {
    case "decimal":
      return `a number from ${rule.min} to ${rule.max}`;
    case "whole":
      return `a whole number from ${rule.min} to ${rule.max}`;
    case "list":
      return `one of ${rule.values.map((v) => `"${v}"`).join(", ")}`;
  }
}

/** Whether a value passes a rule. Blanks pass (Excel's "ignore blank", on by default). */
export function satisfies(rule: ValidationRule, value: CellValue): boolean {
  if (value === null || value === "") return true;
  switch (rule.kind) {
    case "decimal":
      return typeof value === "number" && value >= rule.min && value <= rule.max;
    case "whole":
      return typeof value === "number" && Number.isInteger(value) && value >= rule.min && value <= rule.max;
    case "list":
      return typeof value === "string" && rule.values.some((v) => v.toLowerCase() === value.toLowerCase());
  }
}

function inRange(validation: ValidationPlan, row: number, column: number): boolean {
  const r = parseRange(validation.range);
  return row >= r.top && row <= r.bottom && column >= r.left && column <= r.right;
}

/**
 * Throws CellWriteError if any cell of the write is refused. `isComputed` tells whether a cell
 * holds a formula or a spilled result.
 */
export function checkWrite(
  write: CellWrite,
  sheet: string,
  plan: SheetPlan | null,
  isComputed: (row: number, column: number) => boolean,
): void {
  let range;
  try {
    range = parseRange(write.address);
  } catch {
    throw new CellWriteError(`"${write.address}" is not a cell or range address.`, sheet, write.address);
  }
  const rows = rangeRows(range);
  const columns = rangeColumns(range);
  if (write.values.length !== rows || write.values.some((line) => line.length !== columns)) {
    throw new CellWriteError(
      `${sheetPrefix(sheet)}${write.address} is ${rows}×${columns} cells; the values given do not have that shape.`,
      sheet,
      write.address,
    );
  }
  write.values.forEach((line, r) =>
    line.forEach((value, c) => {
      const row = range.top + r;
      const column = range.left + c;
      const address = cellAddress(row, column);
      const where = `${sheetPrefix(sheet)}${address}`;
      const refuse = (why: string): never => {
        throw new CellWriteError(`${where}: ${why}`, sheet, address);
      };
      if (typeof value === "string" && value.trimStart().startsWith("="))
        refuse(`formulas cannot be written here, only values (got ${shown(value)}).`);
      if (isComputed(row, column))
        refuse("this cell is calculated by a formula; edit the inputs it depends on.");
      const label = plan !== null && isTableLabelCell(plan, row, column);
      if (label && value !== null && typeof value !== "string")
        refuse(`a line's label takes text (got ${shown(value)}).`);
      if (plan && !isWritableCell(plan, row, column) && !label)
        refuse(
          `this is not an input cell of the ${plan.template} sheet; only input cells (blue) can be edited.`,
        );
      for (const validation of plan?.validations ?? []) {
        if (inRange(validation, row, column) && !satisfies(validation.rule, value))
          refuse(`${validation.message} Expected ${ruleText(validation.rule)}; got ${shown(value)}.`);
      }
    }),
  );
}
