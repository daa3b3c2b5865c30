/**
 * The benchmark workload: the seed's customer-service example (DESIGN.md section 4), 3 benefits
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

export function seedOptions(trials: number): SimulationOptions {
  return { trials, seed: 1, distribution: "PERT" };
}
