/**
 * The Excel boundary of every custom function: domain problems become #VALUE! or #N/A with a
 * message naming the argument; anything unexpected becomes #VALUE! with a message too, so Excel
 * never sees NaN, Infinity or an uncaught exception.
 */
import { invalid, isProblem, type Problem } from "../engine/problem";
import type { Locale } from "../i18n/locale";
import { formatProblem } from "../i18n/messages";
import { ProblemError } from "./arguments";

let messageLocale: Locale | undefined;
/** Where the language comes from when none was set: English, unless an entry point says otherwise. */
let defaultLocale: () => Locale = () => "en";

/** Overrides the language of error messages (the pane's choice, tests). */
export function setMessageLocale(locale: Locale | undefined): void {
  messageLocale = locale;
}

/**
 * The language used until one is set, read on the first message: the custom functions' entry
 * point passes Office's display language, which only the Office host layer may read.
 */
export function setDefaultMessageLocale(source: () => Locale): void {
  defaultLocale = source;
}

function currentLocale(): Locale {
  messageLocale ??= defaultLocale();
  return messageLocale;
}

export function toExcelError(problem: Problem): CustomFunctions.Error {
  const code =
    problem.kind === "noAnswer"
      ? CustomFunctions.ErrorCode.notAvailable
      : CustomFunctions.ErrorCode.invalidValue;
  return new CustomFunctions.Error(code, formatProblem(problem, currentLocale()));
}

function asProblem(functionName: string, error: unknown): Problem {
  if (error instanceof ProblemError) return error.problem;
  if (isProblem(error)) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return invalid("internal", { argument: functionName, detail: detail.slice(0, 120) });
}

/** A result Excel can show: a finite number or text. Anything else is a bug made visible. */
function checkedResult(functionName: string, value: unknown): number | string {
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return value;
  throw new ProblemError(invalid("notFinite", { argument: functionName }));
}

/**
 * Runs a function that returns one value. Problems are thrown as CustomFunctions.Error, the
 * documented way for a custom function to return an error with a message.
 */
export function scalarResult(functionName: string, body: () => number | string): number | string {
  try {
    return checkedResult(functionName, body());
  } catch (error) {
    throw toExcelError(asProblem(functionName, error));
  }
}

export type SpillCell = number | string | CustomFunctions.Error;

/**
 * Runs a function that spills. A problem with the whole call is thrown (one error cell); a
 * problem with one row is returned in that cell, so one bad row does not hide the rest.
 */
export function spillResult(functionName: string, body: () => SpillCell[][]): SpillCell[][] {
  try {
    const cells = body();
    // Checked in place: the body built these arrays, and a 100k-row spill should not be copied.
    for (const row of cells) {
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        if (!(cell instanceof CustomFunctions.Error)) row[c] = checkedResult(functionName, cell);
      }
    }
    return cells;
  } catch (error) {
    throw toExcelError(asProblem(functionName, error));
  }
}

/** One cell of a spilled result: its problem becomes that cell's error value. */
export function cellResult(functionName: string, body: () => number | string): SpillCell {
  try {
    return checkedResult(functionName, body());
  } catch (error) {
    return toExcelError(asProblem(functionName, error));
  }
}
