/**
 * The Stress sheet's rank-correlation matrix as the pane's simulations use it: one reader for the
 * annual-ROI panel and the whole-business-case panels. It follows the sheet's own rule (the
 * matrix applies only while it matches the current lines: StressCorrelationApplied), reads a blank
 * pair as 0 and a blank diagonal as 1 as GENAI.SIMULATE_ROI does, keeps the rows of the lines the
 * run simulates (an empty line is left out with its row and column), and runs the engine's own
 * check, so the pane can show the correlation the trials get when it is not the typed one (a
 * matrix that is not positive semi-definite, or one at the edge that the normal scores cannot
 * carry).
 */
import { simulatedCorrelation } from "../../engine/correlation";
import { atRows, type Problem } from "../../engine/problem";
import { correlationProblem } from "../../engine/simulate";
import type { CellValue, WorkbookHost } from "../../host/workbook-host";
import type { PaneStrings } from "../../i18n/bundle";
import type { Locale } from "../../i18n/locale";
import { formatProblem } from "../../i18n/messages";
import { ROI_LINE_NAMES } from "../../templates/roi";
import { STRESS_NAMES } from "../../templates/stress";
import { fill } from "./format";
import type { NameValues } from "./summary";

/** The names the reader needs (with the lines' own names, which the caller reads). */
export const CORRELATION_NAMES = [
  STRESS_NAMES.correlation,
  STRESS_NAMES.correlationLabels,
  STRESS_NAMES.correlationApplied,
  STRESS_NAMES.correlationStatus,
] as const;

export type CorrelationReading =
  /** No matrix on the Stress sheet (none built, or a layout before the matrix): independent lines. */
  | { readonly kind: "none" }
  /** The matrix does not match the current lines: independent lines, and the sheet's words why. */
  | { readonly kind: "unmatched"; readonly status: string }
  /** The matrix cannot be used (a value outside −1..1, not symmetric, …). */
  | { readonly kind: "invalid"; readonly problem: Problem }
  | {
      readonly kind: "applied";
      /** The matrix as typed, over the simulated lines: what a run passes, as the sheet passes it. */
      readonly given: number[][];
      /** The rank correlation the simulation induces (the engine's `simulatedCorrelation`). */
      readonly matrix: number[][];
      /**
       * True when the trials cannot have the typed matrix: it was not consistent (the nearest
       * consistent one is used), or its normal scores' image was not.
       */
      readonly adjusted: boolean;
      readonly largestChange: number;
      /** The simulated lines' labels, in the matrix's order. */
      readonly labels: readonly string[];
    };

const blank = (v: CellValue | undefined): boolean => v === null || v === undefined || v === "";

/**
 * The matrix for a run whose lines are the matrix's rows for which `kept` is true (the sheet's
 * rows, benefits then costs, blank rows included).
 */
export function readCorrelation(values: NameValues, kept: readonly boolean[]): CorrelationReading {
  const cells = values[STRESS_NAMES.correlation];
  if (!cells || cells.length === 0) return { kind: "none" };
  const status = values[STRESS_NAMES.correlationStatus]?.[0]?.[0];
  const applied = values[STRESS_NAMES.correlationApplied]?.[0]?.[0];
  const statusText = typeof status === "string" ? status : "";
  // The sheet's own verdict first; then the pane's lines must be the matrix's rows too.
  if (applied !== 1 || kept.length !== cells.length) return { kind: "unmatched", status: statusText };
  const labels = (values[STRESS_NAMES.correlationLabels] ?? []).map((row) =>
    blank(row[0]) ? "" : String(row[0]),
  );
  const rows = kept.flatMap((keep, i) => (keep ? [i] : []));
  const matrix = rows.map((i) =>
    rows.map((j) => {
      const v = cells[i]?.[j];
      const mirror = cells[j]?.[i];
      // The diagonal is 1 by definition, as the sheet passes it whatever its cell holds.
      if (i === j) return 1;
      if (!blank(v)) return typeof v === "number" ? v : NaN;
      return blank(mirror) ? 0 : typeof mirror === "number" ? mirror : NaN;
    }),
  );
  const problem = correlationProblem(matrix, rows.length, STRESS_NAMES.correlation);
  // The matrix's own rows and columns, blank lines' rows included, as the sheet shows them.
  if (problem) return { kind: "invalid", problem: atRows(problem, rows, ["row", "column"]) };
  const check = simulatedCorrelation(matrix);
  return {
    kind: "applied",
    given: matrix,
    matrix: check.matrix,
    adjusted: check.adjusted,
    largestChange: check.largestChange,
    labels: rows.map((i) => labels[i] ?? ""),
  };
}

/** What the pane says when the matrix cannot be used (a run does not start), or null. */
export function correlationRefusal(
  reading: CorrelationReading,
  s: PaneStrings,
  locale: Locale,
): string | null {
  return reading.kind === "invalid"
    ? fill(s.correlationInvalid, { detail: formatProblem(reading.problem, locale) })
    : null;
}

/**
 * The matrix a run passes to the engine: the one typed, which the engine adjusts as it adjusts
 * SIMULATE_ROI's argument (so the pane's trials are the sheet's), or none (independent lines).
 */
export function correlationOption(reading: CorrelationReading): number[][] | null {
  return reading.kind === "applied" ? reading.given : null;
}

/**
 * The matrix for the whole business case, whose lines are the ROI tables' rows with a value (a
 * row with a blank base is empty and left out, as the case reader leaves it out).
 */
export async function readCaseCorrelation(host: WorkbookHost): Promise<CorrelationReading> {
  const { benefits, costs } = ROI_LINE_NAMES;
  const values = await host.readNames([...CORRELATION_NAMES, benefits.base, costs.base]);
  const kept = [benefits.base, costs.base].flatMap((name) =>
    (values[name] ?? []).map((row) => !blank(row[0])),
  );
  return readCorrelation(values, kept);
}
