/**
 * The seed document's worked customer-service example: the annual figures
 * as the seed states them (their derivation in the comments), and the Stress sheet's three-point
 * version (benefits −30% / +20%, costs −10% / +30%).
 */
import type { ThreePoint } from "../../src/engine/distributions";
import type { LineItemModel } from "../../src/engine/simulate";

/** Annual benefits in NT$. */
export const SEED_BENEFITS = {
  /** 50 agents → 35, NT$40,000 a month: 15 × 40,000 × 12. */
  agentCostSaved: 7_200_000,
  /** Handling time 8 → 5 minutes: 10 agent-equivalents × 40,000 × 12. */
  capacity: 4_800_000,
  /** 1,000,000 customers × 0.5% lower churn × ARPU 2,000. */
  retention: 10_000_000,
} as const;

/** Annual costs in NT$. */
export const SEED_COSTS = {
  /** 1,000,000 calls a month × US$0.002 × FX 32 × 12. */
  modelApi: 768_000,
  /** NT$50,000 a month × 12. */
  platform: 600_000,
  /** 1.5 FTE × NT$80,000 × 12. */
  people: 1_440_000,
  /** NT$500,000 spread over 3 years. */
  training: 500_000 / 3,
} as const;

export const SEED_LABELS = [
  "agent cost saved",
  "capacity",
  "retention",
  "model API",
  "platform",
  "people",
  "training",
] as const;

const benefitValues = Object.values(SEED_BENEFITS);
const costValues = Object.values(SEED_COSTS);

/** Stress defaults: benefits low/base/high = base × 0.7 / base / base × 1.2. */
export function stressBenefit(base: number): ThreePoint {
  return { low: base * 0.7, base, high: base * 1.2 };
}

/** Stress defaults: costs low/base/high = base × 0.9 / base / base × 1.3. */
export function stressCost(base: number): ThreePoint {
  return { low: base * 0.9, base, high: base * 1.3 };
}

export const SEED_BENEFIT_VALUES: readonly number[] = benefitValues;
export const SEED_COST_VALUES: readonly number[] = costValues;

/** The seed example as three-point line items, with the Stress sheet's default ranges. */
export const SEED_STRESS_MODEL: LineItemModel = {
  benefits: benefitValues.map(stressBenefit),
  costs: costValues.map(stressCost),
};
