/** The functions' problem messages (engine/problem.ts): English. This table defines the keys. */
import type { ProblemKey } from "../../engine/problem";

/**
 * {where} is the argument as typed in the formula with its position ("costs row 3"); the other
 * placeholders are the Problem's params.
 */
export const messages: Record<ProblemKey, string> = {
  notNumber: "{where} must be a number; got {got}",
  notWhole: "{where} must be a whole number; got {got}",
  notText: "{where} must be text; got {got}",
  outOfRange: "{where} must be between {min} and {max}; got {got}",
  atLeast: "{where} must be at least {min}; got {got}",
  greaterThan: "{where} must be greater than {min}; got {got}",
  atMost: "{where} must be at most {max}; got {got}",
  empty: "{where} is empty: give at least one number",
  notRectangular: "{where} must be a rectangular range",
  notVector: "{where} must be one row or one column; got {rows} rows × {columns} columns",
  sizeMismatch: "{where} must be the same size as {other} or a single cell; got {got}, expected {expected}",
  sumNotPositive: "{where} must add up to more than 0; got {got}",
  lowCostsNotPositive:
    "{where}: the lows must add up to more than 0, so that every trial has a cost to divide ROI by; got {got}",
  columnCount: "{where} must have {expected} columns ({meaning}); got {got}",
  countMismatch: "{where} must have {expected} values ({meaning}); got {got}",
  lineItemOrder: "{where}: low ≤ base ≤ high is required; got {low}, {base}, {high}",
  choice: "{where} must be one of {choices}; got {got}",
  noPayback: "does not pay back within the horizon (cumulative cash flow stays below 0)",
  matrixSize:
    "{where} must be {expected} × {expected}, one row and one column per line item (benefits, then costs); got {got}",
  notSymmetric: "{where} must equal its mirror across the diagonal ({mirror}); got {got}",
  diagonalNotOne: "{where} is on the diagonal and must be 1 (a line item moves fully with itself); got {got}",
  workLimit:
    "{where}: line items × trials must be at most {max} (the simulation's work limit); got {items} × {trials} = {got}",
  tooManyItems: "{where}: at most {max} line items; got {got}",
  notFinite:
    "{where} has no finite result for these inputs; check their sizes (a result beyond ±1e308 cannot be shown)",
  internal: "unexpected error in {where}: {detail}",
};

/** How {where} and a blank {got} read. */
export const messageWords = {
  row: "row {row}",
  column: "column {column}",
  /** Between a row and a column: "row 2, column 1". */
  between: ", ",
  /** The argument and its position: "impact row 2". */
  at: "{argument} {position}",
  blank: "a blank",
  /** What a range's values stand for, in a {meaning} parameter (its key names it). */
  meanings: {
    lineColumns: "low, base, high and optionally the distribution",
    weights: "impact, complexity, learning value, time window",
    thresholds: "quality, p95 latency, hallucination rate, time saved, adoption intent",
    perLine: "one per line item",
    perBenefit: "one per benefit line item",
    perCost: "one per cost line item",
  },
};
