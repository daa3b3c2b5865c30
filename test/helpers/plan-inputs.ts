/**
 * How many input cells a plan fills with a typed value: what a rebuild that keeps the inputs
 * carries (blank inputs and the default formulas are the plan's own, not the user's).
 */
import { parseCell } from "../../src/shared/a1";
import { inputCells } from "../../src/templates/cells";
import { isFormula, type SheetPlan } from "../../src/templates/plan";

export function typedInputs(plan: SheetPlan): number {
  const typed = new Set<string>();
  for (const block of plan.blocks) {
    const origin = parseCell(block.at);
    block.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell !== null && cell !== "" && !isFormula(cell))
          typed.add(`${origin.row + r},${origin.column + c}`);
      }),
    );
  }
  return inputCells(plan).filter(({ row, column }) => typed.has(`${row},${column}`)).length;
}
