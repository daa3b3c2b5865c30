/**
 * Goal seek in the pane: which benefit realisation or adoption target gives ROI = 0 or a payback
 * at the leaders' benchmark. The engine finds the factor on the lever (factorFor); the answer is
 * that factor times the lever's current value, because the workbook's benefits are linear in
 * BenefitRealisation and its adoption curve is linear in the adoption target:
 *
 *   AnnualBenefits(R) = R · Σ planned benefits,   a_k(T) = T · shape_k
 *
 * so writing R·k (or T·k) into the input makes the workbook compute the scaled case exactly.
 */
import { type BusinessCase, factorFor } from "../../engine/business-case";
import { bounds, REALISATION, SHARE } from "../../engine/inputs";

export type GoalLever = "benefits" | "adoption";
export type GoalTarget = "roi" | "payback";

/** The largest value each lever's input accepts (the input ranges the sheets validate). */
export const LEVER_LIMITS: Record<GoalLever, number> = {
  benefits: bounds(REALISATION).max,
  adoption: bounds(SHARE).max,
};

export type GoalAnswer =
  /** Writing `value` into the lever's input reaches the target. */
  | { readonly kind: "answer"; readonly value: number }
  /** The lever does not move the measure (adoption does not change the annual ROI). */
  | { readonly kind: "noEffect" }
  /** The lever's input is 0, so there is nothing to scale. */
  | { readonly kind: "zeroLever" }
  /** The target needs more than the input accepts (beyond 100% adoption, 200% realisation). */
  | { readonly kind: "beyondLimit"; readonly value: number; readonly limit: number }
  /** No value of the lever reaches the target (e.g. costs alone exceed the target). */
  | { readonly kind: "unreachable" };

export interface GoalQuestion {
  readonly lever: GoalLever;
  readonly target: GoalTarget;
  /** ROI as a fraction (0) or payback in months (the benchmark, 14). */
  readonly targetValue: number;
  /** The lever input's current value: BenefitRealisation or the adoption target. */
  readonly current: number;
}

export function seekGoal(c: BusinessCase, q: GoalQuestion): GoalAnswer {
  // Annual ROI uses the annual line items only; the adoption curve drives the monthly schedule.
  if (q.lever === "adoption" && q.target === "roi") return { kind: "noEffect" };
  if (!(q.current > 0)) return { kind: "zeroLever" };
  const limit = LEVER_LIMITS[q.lever];
  // Search well past the limit, so "needs more than the limit" can be told from "never".
  const maxFactor = Math.max(10, (4 * limit) / q.current);
  const factor = factorFor(c, q.lever, q.target, q.targetValue, maxFactor);
  if (factor === null) return { kind: "unreachable" };
  const value = q.current * factor;
  if (value > limit + 1e-12) return { kind: "beyondLimit", value, limit };
  return { kind: "answer", value: Math.min(value, limit) };
}
