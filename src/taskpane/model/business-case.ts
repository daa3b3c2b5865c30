/**
 * The ROI sheet's business case read from workbook names into the engine's BusinessCase, so the
 * pane can goal-seek with the engine (src/engine/business-case.ts) instead of Excel's Goal Seek.
 */
import type { BusinessCase } from "../../engine/business-case";
import { flat, type NameValues } from "./summary";
import { ROI_NAMES } from "../../templates/roi";

export const BUSINESS_CASE_NAMES = [
  ROI_NAMES.annualBenefits,
  ROI_NAMES.annualCosts,
  ROI_NAMES.apiAnnualCost,
  ROI_NAMES.roiMonthlyCosts,
  ROI_NAMES.roiMonthlyAdoption,
  ROI_NAMES.monthsPerYear,
] as const;

export type BusinessCaseReading =
  | { readonly ok: true; readonly businessCase: BusinessCase }
  /** `missing`: the ROI sheet is not built; `invalid`: a name holds text, an error or a blank. */
  | { readonly ok: false; readonly reason: "missing" | "invalid"; readonly name: string };

export function readBusinessCase(values: NameValues): BusinessCaseReading {
  const scalars: Record<string, number> = {};
  for (const name of BUSINESS_CASE_NAMES) {
    const cells = flat(values, name);
    if (!cells) return { ok: false, reason: "missing", name };
    if (name === ROI_NAMES.roiMonthlyAdoption) continue;
    // Month 0 of the schedule holds the one-off costs charged before adoption starts.
    const v = cells[0];
    if (typeof v !== "number" || !Number.isFinite(v)) return { ok: false, reason: "invalid", name };
    scalars[name] = v;
  }
  const adoption = flat(values, ROI_NAMES.roiMonthlyAdoption) ?? [];
  if (adoption.length === 0 || adoption.some((a) => typeof a !== "number" || !Number.isFinite(a)))
    return { ok: false, reason: "invalid", name: ROI_NAMES.roiMonthlyAdoption };
  if (!(scalars[ROI_NAMES.monthsPerYear] > 0))
    return { ok: false, reason: "invalid", name: ROI_NAMES.monthsPerYear };
  return {
    ok: true,
    businessCase: {
      annualBenefits: scalars[ROI_NAMES.annualBenefits],
      annualCosts: scalars[ROI_NAMES.annualCosts],
      apiAnnualCost: scalars[ROI_NAMES.apiAnnualCost],
      implementationCost: scalars[ROI_NAMES.roiMonthlyCosts],
      adoption: adoption as number[],
      monthsPerYear: scalars[ROI_NAMES.monthsPerYear],
    },
  };
}
