/**
 * Excel arguments → plain, validated numbers. This is the checked edge: every
 * custom function validates here once, then hands the engine plain numbers.
 *
 * Excel passes a range as a 2-D array (rows of cells), an omitted optional argument as null, and
 * an empty cell inside a range as "" (or null). Tests also pass what Excel never does (NaN,
 * Infinity, undefined, ragged arrays, objects): every one of them ends as a named problem.
 */
import { invalid, type Problem, type ProblemKey, type ProblemParams } from "../engine/problem";
import { BLANK, type Meaning } from "../i18n/messages";
import type { InputRange } from "../engine/inputs";

/** A domain problem raised while reading arguments; the boundary (boundary.ts) turns it into an Excel error. */
export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.key);
    this.name = "ProblemError";
  }
}

export function fail(key: ProblemKey, params: ProblemParams): never {
  throw new ProblemError(invalid(key, params));
}

export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || value === "";
}

/** A short, safe rendering of what the user gave, for messages. */
export function describe(value: unknown): string {
  if (isBlank(value)) return BLANK;
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return `"${value.length > 24 ? `${value.slice(0, 24)}…` : value}"`;
  if (Array.isArray(value)) return "a range";
  return typeof value;
}

/** Where a cell sits in its argument, for messages: row/column only when the range has more than one. */
function position(rows: number, columns: number, r: number, c: number): ProblemParams {
  const at: Record<string, number> = {};
  if (rows > 1) at.row = r + 1;
  if (columns > 1) at.column = c + 1;
  return at;
}

export type Matrix = readonly (readonly unknown[])[];

/** Whether an array has an element at every index (a sparse array has holes that forEach, every and some skip). */
function dense(array: readonly unknown[]): boolean {
  for (let i = 0; i < array.length; i++) if (!(i in array)) return false;
  return true;
}

/**
 * Any argument as a non-empty rectangular 2-D array: a scalar becomes 1×1, a flat array one row.
 * Every index is checked, not iterated: a sparse array (a hole for a row or a cell) is not
 * rectangular, and must say so rather than reach the readers as `undefined` rows.
 */
export function toMatrix(value: unknown, argument: string): Matrix {
  if (!Array.isArray(value)) return [[value]];
  if (value.length === 0) fail("empty", { argument });
  if (!dense(value)) fail("notRectangular", { argument });
  const nested = Array.isArray(value[0]);
  for (let i = 0; i < value.length; i++)
    if (Array.isArray(value[i]) !== nested) fail("notRectangular", { argument });
  const rows: unknown[][] = nested ? (value as unknown[][]) : [value];
  const width = rows[0].length;
  if (width === 0) fail("empty", { argument });
  for (const row of rows) if (row.length !== width || !dense(row)) fail("notRectangular", { argument });
  return rows;
}

/** The bounds an argument is checked against: the model's input ranges (engine/inputs.ts). */
export type NumberRule = InputRange;

/** Checks one value against a rule; `at` places it inside a range for the message. */
export function checkNumber(
  value: unknown,
  argument: string,
  rule: NumberRule = {},
  at: ProblemParams = {},
): number {
  const params = { argument, ...at, got: describe(value) };
  if (typeof value !== "number" || !Number.isFinite(value)) fail("notNumber", params);
  if (rule.whole && !Number.isInteger(value)) fail("notWhole", params);
  const { min, max, greaterThan } = rule;
  if (min !== undefined && max !== undefined && (value < min || value > max))
    fail("outOfRange", { ...params, min, max });
  if (min !== undefined && value < min) fail("atLeast", { ...params, min });
  if (max !== undefined && value > max) fail("atMost", { ...params, max });
  if (greaterThan !== undefined && !(value > greaterThan))
    fail("greaterThan", { ...params, min: greaterThan });
  return value;
}

/**
 * A scalar argument. A 1×1 range is accepted as its value. Blank or omitted takes `fallback`
 * when one is given (the documented default), and is an error otherwise.
 */
export function scalarNumber(
  value: unknown,
  argument: string,
  rule: NumberRule = {},
  fallback?: number,
): number {
  let v = value;
  if (Array.isArray(v)) {
    const m = toMatrix(v, argument);
    if (m.length !== 1 || m[0].length !== 1) fail("notNumber", { argument, got: describe(v) });
    v = m[0][0];
  }
  if (isBlank(v) && fallback !== undefined) return fallback;
  return checkNumber(v, argument, rule);
}

/** An optional text argument (blank → fallback). */
export function scalarText(value: unknown, argument: string, fallback: string): string {
  let v = value;
  if (Array.isArray(v)) {
    const m = toMatrix(v, argument);
    v = m.length === 1 && m[0].length === 1 ? m[0][0] : v;
  }
  if (isBlank(v)) return fallback;
  if (typeof v !== "string") fail("notText", { argument, got: describe(v) });
  return v;
}

/**
 * Every number in a range, row by row, blanks skipped (as SUM does). Text, booleans and errors
 * are problems: a typo such as "n/a" in a cost column must not silently change an ROI.
 */
export function numbersInRange(value: unknown, argument: string, rule: NumberRule = {}): number[] {
  const m = toMatrix(value, argument);
  const out: number[] = [];
  m.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!isBlank(cell)) out.push(checkNumber(cell, argument, rule, position(m.length, row.length, r, c)));
    }),
  );
  return out;
}

/** The sum of a range's numbers (blanks ignored). */
export function sumOfRange(value: unknown, argument: string): number {
  return numbersInRange(value, argument).reduce((s, x) => s + x, 0);
}

/**
 * A one-row or one-column range as an ordered series (periods of a cash flow). Blanks inside the
 * series count as 0; trailing blanks are dropped, so a range longer than the data is fine.
 */
export function series(value: unknown, argument: string): number[] {
  const m = toMatrix(value, argument);
  if (m.length > 1 && m[0].length > 1) fail("notVector", { argument, rows: m.length, columns: m[0].length });
  const cells = m.length > 1 ? m.map((row) => row[0]) : [...m[0]];
  while (cells.length > 0 && isBlank(cells[cells.length - 1])) cells.pop();
  if (cells.length === 0) fail("empty", { argument });
  const column = m.length > 1;
  return cells.map((cell, i) =>
    isBlank(cell) ? 0 : checkNumber(cell, argument, {}, column ? { row: i + 1 } : { column: i + 1 }),
  );
}

/** A one-row or one-column list of exactly `count` numbers, e.g. weights or thresholds. */
export function fixedList(
  value: unknown,
  argument: string,
  count: number,
  meaning: Meaning,
  rule: NumberRule = {},
): number[] {
  const numbers = numbersInRange(value, argument, rule);
  if (numbers.length !== count)
    fail("countMismatch", { argument, expected: count, meaning, got: numbers.length });
  return numbers;
}
