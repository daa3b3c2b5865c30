/**
 * A 40-line business case for the business-case simulation benchmarks: 28 benefit lines (every
 * timing: company adoption, department waves, own ramps, fixed amounts) and 12 cost lines
 * (usage, recurring, one-off spread over months), each with its own risk, on a 36-month
 * horizon; and a rank-correlation matrix over the 40 lines (benefits 0.5 through adoption,
 * costs 0.3, across 0).
 */
import type { BenefitLine, CostLine, LineItemCase } from "../src/engine/line-items";
import { adoption } from "../src/engine/rollout";

export const CASE_BENEFITS = 28;
export const CASE_COSTS = 12;
export const CASE_LINES = CASE_BENEFITS + CASE_COSTS;

export function fortyLineCase(): LineItemCase {
  const timings = ["company", "wave", "own", "fixed"] as const;
  const benefits = Array.from({ length: CASE_BENEFITS }, (_, i): BenefitLine => {
    const annual = 400_000 + 90_000 * i;
    return {
      label: `Benefit ${i + 1}`,
      annual,
      low: annual * 0.6,
      high: annual * 1.3,
      timing: timings[i % 4],
      startMonth: i % 9,
      rampMonths: 3 + (i % 5),
      wave: i % 4 === 1 ? { startMonth: 2 + (i % 3) * 4, rampMonths: 4, target: 0.85 } : undefined,
      risk: 0.05 + (i % 3) * 0.05,
    };
  });
  const kinds = ["usage", "recurring", "oneOff"] as const;
  const costs = Array.from({ length: CASE_COSTS }, (_, i): CostLine => {
    const amount = 300_000 + 150_000 * i;
    return {
      label: `Cost ${i + 1}`,
      amount,
      low: amount * 0.9,
      high: amount * 1.5,
      kind: kinds[i % 3],
      startMonth: i % 3 === 2 ? i % 4 : 1,
      spreadMonths: 1 + (i % 4),
      risk: 0.1,
    };
  });
  return {
    settings: {
      companyAdoption: Array.from({ length: 37 }, (_, m) => adoption(m, 1, 9, 0.9)),
      monthsPerYear: 12,
      benefitRealisation: 0.9,
      scenario: "Base",
      usagePriceChange: -0.1,
      discountRate: 0.1,
    },
    benefits,
    costs,
  };
}

export const CASE_CORRELATION: number[][] = Array.from({ length: CASE_LINES }, (_, i) =>
  Array.from({ length: CASE_LINES }, (__, j) => {
    if (i === j) return 1;
    const benefitI = i < CASE_BENEFITS;
    const benefitJ = j < CASE_BENEFITS;
    if (benefitI && benefitJ) return 0.5;
    if (!benefitI && !benefitJ) return 0.3;
    return 0;
  }),
);
