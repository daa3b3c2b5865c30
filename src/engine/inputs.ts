/**
 * The ranges of the model's inputs, declared once: the custom functions check their arguments
 * against them, the templates turn them into data validation, and the pane bounds its fields,
 * sliders and goal seek with them. An input accepted in one place is accepted in all.
 */
import { MAX_TRIALS } from "./simulate";
import { SCORE_MAX, SCORE_MIN } from "./portfolio";

/** Bounds of one input: inclusive `min`/`max`, exclusive `greaterThan`, whole numbers only. */
export interface InputRange {
  readonly min?: number;
  readonly max?: number;
  readonly greaterThan?: number;
  readonly whole?: boolean;
}

/** Any number of the workbook's currency or count that cannot be negative. */
export const NON_NEGATIVE: InputRange = { min: 0 };
/** A share or probability, 0 to 1. */
export const SHARE: InputRange = { min: 0, max: 1 };
/**
 * Benefit realisation: the share of the planned benefits that arrives, up to twice the plan. The
 * ROI sheet validates it, the What-if slider spans it and goal seek stops at its top.
 */
export const REALISATION: InputRange = { min: 0, max: 2 };
/** A screening score, 1 (low) to 5 (high). */
export const SCORE: InputRange = { min: SCORE_MIN, max: SCORE_MAX };
/** An exchange rate or any strictly positive factor. */
export const POSITIVE: InputRange = { greaterThan: 0 };
/** A rate of return or discount rate: anything above −100%. */
export const RATE: InputRange = { greaterThan: -1 };
/** A count of units or items. */
export const WHOLE_COUNT: InputRange = { min: 0, whole: true };
/** Failed gate criteria that stop a PoC: one to all five. */
export const GATE_FAILURE_COUNT: InputRange = { min: 1, max: 5, whole: true };
/** A correlation coefficient. */
export const CORRELATION: InputRange = { min: -1, max: 1 };

/** Simulation trials: at least one, at most what one simulation may run. */
export const TRIALS: InputRange = { min: 1, max: MAX_TRIALS, whole: true };
/**
 * A simulation seed: any whole number the generator takes whole, [0, 2^53 − 1]; both its low and
 * high 32 bits enter the state (random.ts). The widest range is the one chosen so that no
 * formula that computes today stops: SIMULATE_ROI has always accepted it, and the Stress sheet
 * and the pane, which accepted up to 2^31, now accept every seed the function does.
 */
export const SEED: InputRange = { min: 0, max: Number.MAX_SAFE_INTEGER, whole: true };

/** A closed range's two bounds, for a data validation or a slider; throws on an open range. */
export function bounds(range: InputRange): { readonly min: number; readonly max: number } {
  if (range.min === undefined || range.max === undefined) throw new Error("The range is not closed");
  return { min: range.min, max: range.max };
}

/** Whether a number lies in a range. */
export function inRange(value: number, range: InputRange): boolean {
  if (!Number.isFinite(value)) return false;
  if (range.whole && !Number.isInteger(value)) return false;
  if (range.min !== undefined && value < range.min) return false;
  if (range.max !== undefined && value > range.max) return false;
  if (range.greaterThan !== undefined && !(value > range.greaterThan)) return false;
  return true;
}
