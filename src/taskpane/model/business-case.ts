/**
 * The ROI sheet's business case read from workbook names into the engine's BusinessCase, so the
 * pane can goal-seek with the engine (src/engine/business-case.ts) instead of Excel's Goal Seek.
 */
import type { BusinessCase } from "../../engine/business-case";
import { flat, type NameValues } from "./summary";

export const BUSINESS_CASE_NAMES = [
  "AnnualBenefits",
  "AnnualCosts",
  "ApiAnnualCost",
  "RoiMonthlyCosts",
  "RoiMonthlyAdoption",
  "MonthsPerYear",
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
    if (name === "RoiMonthlyAdoption") continue;
    // Month 0 of the schedule holds the one-off costs charged before adoption starts.
    const v = cells[0];
    if (typeof v !== "number" || !Number.isFinite(v)) return { ok: false, reason: "invalid", name };
    scalars[name] = v;
  }
  const adoption = flat(values, "RoiMonthlyAdoption") ?? [];
  if (adoption.length === 0 || adoption.some((a) => typeof a !== "number" || !Number.isFinite(a)))
    return { ok: false, reason: "invalid", name: "RoiMonthlyAdoption" };
  if (!(scalars.MonthsPerYear > 0)) return { ok: false, reason: "invalid", name: "MonthsPerYear" };
  return {
    ok: true,
    businessCase: {
      annualBenefits: scalars.AnnualBenefits,
      annualCosts: scalars.AnnualCosts,
      apiAnnualCost: scalars.ApiAnnualCost,
      implementationCost: scalars.RoiMonthlyCosts,
      adoption: adoption as number[],
      monthsPerYear: scalars.MonthsPerYear,
    },
  };
}
