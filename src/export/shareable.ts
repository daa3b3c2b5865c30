/**
 * "Make a shareable copy": the model's sheets as a new .xlsx in which every
 * GENAI formula is replaced by its portable form, or by its current value where none exists, for
 * colleagues who do not have the add-in. Only reads the workbook: the original is left untouched.
 *
 * The pane opens the bytes as a new workbook (Excel.createWorkbook with base64) or downloads them
 * (the preview). ExcelJS is loaded on first use, in a chunk of its own.
 */
import type { CellValue, WorkbookHost } from "../host/workbook-host";
import { inputCells, withInputs } from "../templates/cells";
import type { PlanValue, SheetPlan } from "../templates/plan";
import { markingExtension } from "./model-marker";
import { lookupOf, readPlanValues } from "./values";
import { type WriteOptions, writeWorkbook } from "./xlsx";

/**
 * When the copy is made (the notes' date, injected), ExcelJS if loaded, and any additions. The
 * simulation is live unless `liveSimulation` is false (a trials sheet, see live-simulation.ts).
 */
export type ShareableOptions = WriteOptions;

/**
 * The plans with the workbook's current input values, so a user's edits travel with the copy.
 * (An input the user replaced by a formula is carried as its current value.)
 */
export function plansWithCurrentInputs(
  plans: readonly SheetPlan[],
  read: (sheet: string, row: number, column: number) => CellValue | undefined,
): SheetPlan[] {
  return plans.map((plan) => {
    const kept = new Map<string, PlanValue>();
    for (const { row, column } of inputCells(plan)) {
      const value = read(plan.sheet, row, column);
      if (value !== undefined) kept.set(`${row},${column}`, value === "" ? null : value);
    }
    return withInputs(plan, kept);
  });
}

/**
 * The .xlsx bytes of a shareable copy of the model's sheets. `plans` are the plans the sheets were
 * built from, each under the sheet's current name in the workbook. The formula cells' cached
 * values are the workbook's computed values (the live formulas give what the portable ones do).
 */
export async function makeShareableCopy(
  host: Pick<WorkbookHost, "listSheets" | "readRange">,
  plans: readonly SheetPlan[],
  options: ShareableOptions,
): Promise<Uint8Array> {
  const present = new Set((await host.listSheets()).map((s) => s.name.toLowerCase()));
  const missing = plans.filter((p) => !present.has(p.sheet.toLowerCase())).map((p) => p.sheet);
  if (missing.length > 0)
    throw new Error(
      `Cannot make a shareable copy: the workbook has no sheet named ${missing.map((m) => `"${m}"`).join(", ")}.`,
    );
  const values = await readPlanValues(host, plans);
  const lookup = lookupOf(values);
  const current = plansWithCurrentInputs(plans, lookup);
  // The hidden model marker lets the preview (and a later add-in) open the copy as the model.
  return writeWorkbook(current, lookup, {
    ...options,
    liveSimulation: options.liveSimulation ?? true,
    extend: markingExtension(current, options.extend),
  });
}
