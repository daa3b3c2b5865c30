/**
 * The benchmark workload: the seed's customer-service example, 3 benefits
 * and 4 costs in NT$ a year, as three-point line items with the Stress sheet's defaults
 * (benefits ×0.7 / ×1 / ×1.2, costs ×0.9 / ×1 / ×1.3).
 */
import type { LineItemModel, SimulationOptions } from "../src/engine/simulate";

const BENEFITS = [7_200_000, 4_800_000, 10_000_000];
const COSTS = [768_000, 600_000, 1_440_000, 500_000 / 3];

export const SEED_MODEL: LineItemModel = {
  benefits: BENEFITS.map((base) => ({ low: base * 0.7, base, high: base * 1.2 })),
  costs: COSTS.map((base) => ({ low: base * 0.9, base, high: base * 1.3 })),
};

export const SEED_LINE_ITEMS = BENEFITS.length + COSTS.length;

/**
 * A full rank-correlation matrix over the seven lines (every pair set): benefits move together
 * through adoption (0.6), costs a little through scale (0.3), benefits against costs −0.2.
 */
export const SEED_CORRELATION: number[][] = Array.from({ length: SEED_LINE_ITEMS }, (_, i) =>
  Array.from({ length: SEED_LINE_ITEMS }, (__, j) => {
    if (i === j) return 1;
    const benefitI = i < BENEFITS.length;
    const benefitJ = j < BENEFITS.length;
    if (benefitI && benefitJ) return 0.6;
    if (!benefitI && !benefitJ) return 0.3;
    return -0.2;
  }),
);

/** The benchmark's options: Latin Hypercube (the default) with the full correlation matrix. */
export function seedOptions(trials: number): SimulationOptions {
  return { trials, seed: 1, distribution: "PERT", sampling: "LHS", correlation: SEED_CORRELATION };
}
