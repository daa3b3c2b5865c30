/**
 * The ROI sheet's business case as a pure model, so the task pane can goal-seek with the engine
 * (Excel's Goal Seek gives wrong answers around custom functions): the same equations as the
 * template's annual line items and 36-month schedule (src/templates/roi.ts).
 *
 *   annual ROI       = (B − C) / C
 *   month 0 net      = a₀·B/12 − implementation
 *   month k net      = a_k·B/12 − ((C − API)/12 + a_k·API/12)        k = 1..36
 *
 * with B the annual benefits in use, C the annual costs in use, API the model-API share of C
 * (it scales with adoption; the rest is fixed) and a_k the adopted share in month k.
 */
import { payback } from "./cashflow";
import { roi } from "./roi";
import { solve } from "./sensitivity";

export interface BusinessCase {
  readonly annualBenefits: number;
  readonly annualCosts: number;
  readonly apiAnnualCost: number;
  readonly implementationCost: number;
  /** Adopted share for months 0..N. */
  readonly adoption: readonly number[];
  readonly monthsPerYear: number;
}

export function annualRoi(c: BusinessCase): number {
  return roi(c.annualBenefits, c.annualCosts);
}

/** Net cash flow for months 0..N, as the ROI sheet's schedule computes it. */
export function monthlyNetCashFlows(c: BusinessCase): number[] {
  const perMonth = (annual: number): number => annual / c.monthsPerYear;
  return c.adoption.map((share, month) => {
    const benefits = share * perMonth(c.annualBenefits);
    const costs =
      month === 0
        ? c.implementationCost
        : perMonth(c.annualCosts - c.apiAnnualCost) + share * perMonth(c.apiAnnualCost);
    return benefits - costs;
  });
}

/** Payback in months, or null beyond the horizon. */
export function paybackMonths(c: BusinessCase): number | null {
  return payback(monthlyNetCashFlows(c));
}

/** A business case with its benefits scaled by `factor` (benefit realisation). */
export function withBenefitsScaled(c: BusinessCase, factor: number): BusinessCase {
  return { ...c, annualBenefits: c.annualBenefits * factor };
}

/** A business case with its adoption curve scaled by `factor` (the adoption target). */
export function withAdoptionScaled(c: BusinessCase, factor: number): BusinessCase {
  return { ...c, adoption: c.adoption.map((a) => a * factor) };
}

/**
 * The factor on benefits (or adoption) at which `measure` reaches `target`, searched in
 * [0, maxFactor]; null when no factor in that range reaches it. Payback beyond the horizon
 * counts as the horizon plus one month, which keeps the search monotone and bracketed.
 */
export function factorFor(
  c: BusinessCase,
  lever: "benefits" | "adoption",
  measure: "roi" | "payback",
  target: number,
  maxFactor = 10,
): number | null {
  const horizon = c.adoption.length;
  const scaled = (k: number): BusinessCase =>
    lever === "benefits" ? withBenefitsScaled(c, k) : withAdoptionScaled(c, k);
  const f = (k: number): number =>
    measure === "roi" ? annualRoi(scaled(k)) : (paybackMonths(scaled(k)) ?? horizon + 1);
  return solve(f, target, 0, maxFactor);
}
