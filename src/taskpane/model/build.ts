/**
 * What a build asks of the workbook, as plain data: the plans for a selection linked to the
 * template sheets already present, the default decision per conflicting sheet, and the name a
 * "keep both" copy will take (so the dialog can say it).
 */
import { freeSheetName } from "../../host/apply-common";
import type { Conflict, ExistingSheetPolicy, SheetInfo } from "../../host/workbook-host";
import { DEFAULT_EXISTING_SHEET_POLICY } from "../../host/workbook-host";
import { planModel, type ModelOptions } from "../../templates/index";
import { type SheetPlan, TEMPLATE_IDS, type TemplateId } from "../../templates/plan";

/** "complete" builds all four sheets; otherwise one template. */
export type BuildTarget = TemplateId | "complete";

export const CURRENCIES = ["NT$", "US$", "€", "£", "¥"] as const;
export const MAX_PORTFOLIO_ROWS = 5_000;

export function selectionOf(target: BuildTarget): TemplateId[] {
  return target === "complete" ? [...TEMPLATE_IDS] : [target];
}

/** Templates whose sheets are in the workbook: new sheets link to them through their names. */
export function presentTemplates(sheets: readonly SheetInfo[]): TemplateId[] {
  return TEMPLATE_IDS.filter((id) => sheets.some((s) => s.template === id));
}

export function plansFor(
  target: BuildTarget,
  options: ModelOptions,
  sheets: readonly SheetInfo[],
): SheetPlan[] {
  return planModel(selectionOf(target), options, presentTemplates(sheets));
}

export type Policies = Record<string, ExistingSheetPolicy>;

export function defaultPolicies(conflicts: readonly Conflict[]): Policies {
  return Object.fromEntries(conflicts.map((c) => [c.sheet, DEFAULT_EXISTING_SHEET_POLICY]));
}

/** A replace that keeps the inputs: the sheet was built by the same template. */
export function keepsInputs(conflict: Conflict): boolean {
  return conflict.existingTemplate === conflict.plannedTemplate;
}

/** The names "keep both" copies will get, in plan order (as the hosts choose them). */
export function keepBothNames(
  conflicts: readonly Conflict[],
  sheets: readonly SheetInfo[],
): Record<string, string> {
  const taken = sheets.map((s) => s.name);
  const out: Record<string, string> = {};
  for (const c of conflicts) {
    const name = freeSheetName(c.sheet, taken);
    taken.push(name);
    out[c.sheet] = name;
  }
  return out;
}

/** Whether a rows entry is a whole number the Portfolio template accepts. */
export function validRows(rows: number): boolean {
  return Number.isInteger(rows) && rows >= 1 && rows <= MAX_PORTFOLIO_ROWS;
}
