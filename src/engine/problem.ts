/**
 * Domain problems are values, not exceptions: the Excel boundary turns them into #VALUE! or #N/A
 * with a translated message (src/i18n/messages.ts), the task pane shows them, the CLI prints them.
 * Broken invariants (bugs) throw ordinary errors instead.
 */

/** "invalid" becomes #VALUE! (an argument is wrong); "noAnswer" becomes #N/A (no result exists). */
export type ProblemKind = "invalid" | "noAnswer";

export type ProblemKey =
  | "notNumber"
  | "notWhole"
  | "notText"
  | "outOfRange"
  | "atLeast"
  | "greaterThan"
  | "atMost"
  | "empty"
  | "notRectangular"
  | "notVector"
  | "sizeMismatch"
  | "sumNotPositive"
  | "lowCostsNotPositive"
  | "columnCount"
  | "countMismatch"
  | "lineItemOrder"
  | "choice"
  | "noPayback"
  | "matrixSize"
  | "notSymmetric"
  | "diagonalNotOne"
  | "workLimit"
  | "tooManyItems"
  | "notFinite"
  | "internal";

export type ProblemParams = Readonly<Record<string, string | number>>;

export interface Problem {
  readonly kind: ProblemKind;
  readonly key: ProblemKey;
  readonly params: ProblemParams;
}

export function invalid(key: ProblemKey, params: ProblemParams = {}): Problem {
  return { kind: "invalid", key, params };
}

export function noAnswer(key: ProblemKey, params: ProblemParams = {}): Problem {
  return { kind: "noAnswer", key, params };
}

export function isProblem(value: unknown): value is Problem {
  return (
    typeof value === "object" && value !== null && "kind" in value && "key" in value && "params" in value
  );
}

/**
 * A problem found at the n-th of some items (its `row`, or `column` too in a matrix over them,
 * counted from 1) told at the item's own row in a range the user gave: `rows[n − 1]` (0-based),
 * so a blank row skipped before it still counts. Fields that are not item positions stay.
 */
export function atRows(
  problem: Problem,
  rows: readonly number[],
  fields: readonly ("row" | "column")[],
): Problem {
  const params: Record<string, string | number> = { ...problem.params };
  for (const field of fields) {
    const n = params[field];
    if (typeof n === "number" && rows[n - 1] !== undefined) params[field] = rows[n - 1] + 1;
  }
  return { ...problem, params };
}
