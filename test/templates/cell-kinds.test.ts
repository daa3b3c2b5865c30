/**
 * The cell-kind predicates a write checks (isInputCell, isWritableCell, isTableLabelCell) agree
 * with the lists a rebuild and an export read (inputCells, writableCells, tableLabelCells) on
 * every cell of every template's plan, sample and blank, and of the Stress sheet on its own (whose
 * line labels are typed): a write must accept exactly the cells a
 * rebuild keeps.
 */
import { isTableLabelCell, tableLabelCells } from "../../src/host/plan-rows";
import {
  inputCells,
  isInputCell,
  isWritableCell,
  planExtent,
  writableCells,
} from "../../src/templates/cells";
import { planCompleteModel, planModel } from "../../src/templates/index";
import type { SheetPlan } from "../../src/templates/plan";

const keys = (cells: { row: number; column: number }[]): Set<string> =>
  new Set(cells.map(({ row, column }) => `${row},${column}`));

/** Checks every cell of the plan; returns how many cells each list holds. */
function expectAgreement(plan: SheetPlan): number[] {
  const lists = [
    [keys(inputCells(plan)), isInputCell],
    [keys(writableCells(plan)), isWritableCell],
    [keys(tableLabelCells(plan)), isTableLabelCell],
  ] as const;
  const { rows, columns } = planExtent(plan);
  for (const [listed, predicate] of lists) {
    const disagreements: string[] = [];
    for (let row = 0; row <= rows; row++)
      for (let column = 0; column <= columns; column++)
        if (predicate(plan, row, column) !== listed.has(`${row},${column}`))
          disagreements.push(`${plan.sheet}!${row},${column} (${predicate.name})`);
    expect(disagreements).toEqual([]);
  }
  return lists.map(([listed]) => listed.size);
}

describe.each(["sample", "blank"] as const)("cell kinds of the complete model (%s data)", (data) => {
  it.each([undefined, 40])("agree with the listed cells (rows: %s)", (rows) => {
    const options = { data, currency: "NT$", locale: "en" as const, rows, generated: rows !== undefined };
    // The Stress sheet on its own has line labels of its own (typed, not read from ROI).
    const plans = [...planCompleteModel(options), ...planModel(["stress"], options)];
    const sizes = plans.map(expectAgreement);
    // Each kind occurs somewhere in the model, so no predicate agrees by never being asked.
    for (let kind = 0; kind < 3; kind++) expect(sizes.some((s) => s[kind] > 0)).toBe(true);
  });
});
