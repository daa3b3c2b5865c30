/** What Excel makes of what is written to a cell, as if typed: a constant, a formula, or nothing. */
import type { CellState } from "./model";
import { OpError } from "./errors";

export const ERRORS = new Set([
  "#N/A",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
]);
export const NUMBER = /^\s*[-+]?(?:\d+(?:,\d{3})*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?\s*(%?)\s*$/;

/**
 * What Excel makes of a value written to `values` or `formulas` (like typing it): null leaves the
 * cell, "" clears it, "=" (and "+" or "-" before non-numbers) starts a formula, "'" keeps text,
 * numbers, percentages, booleans and error literals become what they look like.
 */
export function typed(input: unknown): CellState | "unchanged" | "clear" {
  if (input === null || input === undefined) return "unchanged";
  if (typeof input === "number") {
    if (!Number.isFinite(input)) throw new OpError("InvalidArgument", "A number must be finite.");
    return { formula: null, value: input };
  }
  if (typeof input === "boolean") return { formula: null, value: input };
  if (typeof input !== "string")
    throw new OpError("InvalidArgument", `Unsupported cell value: ${JSON.stringify(input)}`);
  if (input === "") return "clear";
  if (input.startsWith("'")) return { formula: null, value: input.slice(1) };
  if (input.startsWith("=")) return { formula: input, value: null };
  const number = NUMBER.exec(input);
  if (number) {
    const n = Number(input.replace(/[,%\s]/g, ""));
    return { formula: null, value: number[1] ? n / 100 : n };
  }
  if (input.startsWith("+") || input.startsWith("-")) return { formula: `=${input}`, value: null };
  if (/^(true|false)$/i.test(input)) return { formula: null, value: input.toLowerCase() === "true" };
  if (ERRORS.has(input.toUpperCase())) return { formula: null, value: input.toUpperCase(), error: true };
  return { formula: null, value: input };
}
