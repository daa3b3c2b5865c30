/**
 * The Simulate panel's model: the Stress sheet's three-point line items as the engine's
 * LineItemModel, a chunked run of RoiSimulation that yields to the event loop between chunks
 * (the pane stays responsive and can cancel), and the cells the pane records on the Stress sheet.
 */
import { ROI_LINE_NAMES, ROI_TABLES } from "../../templates/roi";
import { STRESS_NAMES } from "../../templates/stress";
import { statisticsOf } from "../../engine/simulation-table";
import { LINE_DISTRIBUTIONS, type LineItem } from "../../engine/distributions";
import { invalid, type Problem } from "../../engine/problem";
import {
  type LineItemModel,
  lineItemProblem,
  RoiSimulation,
  type SimulationOptions,
  type SimulationSummary,
} from "../../engine/simulate";
import type { CellValue } from "../../host/workbook-host";
import type { NameValues } from "./summary";

/**
 * Where the Stress sheet's GENAI.SIMULATE_ROI reads the lines: linked to the ROI sheet (the
 * layout that defines StressTornado), the ROI tables' three points (BenefitThreePoint,
 * CostThreePoint), which hold every line at once; else its own rows (StressBenefits, StressCosts),
 * alone or built by an older layout.
 */
export const LINE_ITEM_NAMES = [
  STRESS_NAMES.benefits,
  STRESS_NAMES.costs,
  ROI_LINE_NAMES.benefits.threePoint,
  ROI_LINE_NAMES.costs.threePoint,
  STRESS_NAMES.labels,
  STRESS_NAMES.tornado,
] as const;
export const SETTING_NAMES = [
  STRESS_NAMES.trials,
  STRESS_NAMES.seed,
  STRESS_NAMES.distribution,
  STRESS_NAMES.sampling,
] as const;
/** Trials per chunk: about 5 ms of work each, so progress moves smoothly and Cancel is heard. */
export const CHUNK_TRIALS = 5_000;

export type LineItemReading =
  | { readonly ok: true; readonly model: LineItemModel }
  | { readonly ok: false; readonly reason: "missing" }
  | { readonly ok: false; readonly reason: "invalid"; readonly problem: Problem };

const blank = (v: CellValue | undefined): boolean =>
  v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/**
 * Rows of low, base, high and optionally the line's distribution (the ROI tables' fourth column)
 * as line items, or the problem of the first row whose shape is not one the simulation knows
 * (compared as the functions compare it, case-insensitively; blank: the run's distribution).
 */
function lineItemsOf(rows: CellValue[][], argument: string): LineItem[] | Problem {
  const items: LineItem[] = [];
  for (let r = 0; r < rows.length; r++) {
    // Text or blanks in low, base or high become NaN, which lineItemProblem reports by row.
    const [low, base, high] = [0, 1, 2].map((c): number => {
      const v = rows[r][c];
      return typeof v === "number" ? v : NaN;
    });
    const cell = rows[r][3];
    if (blank(cell)) {
      items.push({ low, base, high });
      continue;
    }
    const distribution = LINE_DISTRIBUTIONS.find(
      (d) => d.toLowerCase() === String(cell).trim().toLowerCase(),
    );
    if (!distribution)
      return invalid("choice", {
        argument,
        row: r + 1,
        column: 4,
        choices: LINE_DISTRIBUTIONS.map((d) => `"${d}"`).join(", "),
        got: String(cell),
      });
    items.push({ low, base, high, distribution });
  }
  return items;
}

/**
 * The lines the Stress sheet simulates (N×3 benefits, M×3 costs, or ×4 with each line's
 * distribution as the ROI tables give it; LINE_ITEM_NAMES says where),
 * checked as GENAI.SIMULATE_ROI checks them: a row left wholly blank (room for a line) is skipped.
 * "missing" without a Stress sheet: the ROI tables alone do not make one.
 */
export function readLineItems(
  values: NameValues,
  firstRows: Readonly<Record<string, number>> = {},
): LineItemReading {
  const linked = !!values[STRESS_NAMES.tornado];
  const own = !linked && !!values[STRESS_NAMES.benefits] && !!values[STRESS_NAMES.costs];
  const names = own
    ? { benefits: STRESS_NAMES.benefits, costs: STRESS_NAMES.costs }
    : { benefits: ROI_LINE_NAMES.benefits.threePoint, costs: ROI_LINE_NAMES.costs.threePoint };
  // A problem names what the user sees: the ROI sheet's Benefits / Costs table and the line's row
  // (the sheet's row where firstRows gives where each name starts, else the row in the table;
  // blank rows count, as on the sheet), not the workbook name the simulation reads.
  const shown = own ? names : ROI_TABLES;
  const benefits = values[names.benefits];
  const costs = values[names.costs];
  if (!(own || linked) || !benefits || !costs) return { ok: false, reason: "missing" };
  const keptRows = (rows: CellValue[][]): number[] => rows.flatMap((r, i) => (r.every(blank) ? [] : [i]));
  const at = { benefits: keptRows(benefits), costs: keptRows(costs) };
  const tableRow = (problem: Problem): Problem => {
    const row = problem.params.row;
    const name = problem.params.argument === shown.costs ? names.costs : names.benefits;
    const side = name === names.costs ? at.costs : at.benefits;
    return typeof row === "number" && side[row - 1] !== undefined
      ? { ...problem, params: { ...problem.params, row: side[row - 1] + (firstRows[name] ?? 1) } }
      : problem;
  };
  const b = lineItemsOf(
    at.benefits.map((i) => benefits[i]),
    shown.benefits,
  );
  if (!Array.isArray(b)) return { ok: false, reason: "invalid", problem: tableRow(b) };
  const c = lineItemsOf(
    at.costs.map((i) => costs[i]),
    shown.costs,
  );
  if (!Array.isArray(c)) return { ok: false, reason: "invalid", problem: tableRow(c) };
  const model = { benefits: b, costs: c };
  const problem = lineItemProblem(model, shown);
  return problem ? { ok: false, reason: "invalid", problem: tableRow(problem) } : { ok: true, model };
}

/**
 * Which rows of the lines the Stress sheet simulates (benefits' rows, then costs') hold a line:
 * a row left wholly blank is skipped, as readLineItems and GENAI.SIMULATE_ROI skip it. The
 * correlation matrix's rows are these rows.
 */
export function keptLineRows(values: NameValues): boolean[] {
  const linked = !!values[STRESS_NAMES.tornado];
  const own = !linked && !!values[STRESS_NAMES.benefits] && !!values[STRESS_NAMES.costs];
  const names = own
    ? [STRESS_NAMES.benefits, STRESS_NAMES.costs]
    : [ROI_LINE_NAMES.benefits.threePoint, ROI_LINE_NAMES.costs.threePoint];
  return names.flatMap((name) => (values[name] ?? []).map((row) => !row.every(blank)));
}

/** Yields to the event loop (a macrotask, so React can paint and clicks get through). */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export interface ChunkedRun {
  /** Resolves with the finished simulation, or null when cancelled. */
  readonly finished: Promise<RoiSimulation | null>;
  cancel(): void;
}

/**
 * Runs a simulation CHUNK_TRIALS at a time, reporting completed trials after each chunk. The
 * results equal one uninterrupted run (RoiSimulation draws from one stream in trial order).
 */
export function runInChunks(
  model: LineItemModel,
  options: SimulationOptions,
  onProgress: (completed: number, total: number) => void,
  chunk = CHUNK_TRIALS,
): ChunkedRun {
  let cancelled = false;
  const finished = (async () => {
    const simulation = new RoiSimulation(model, options);
    while (!simulation.done) {
      await nextTask();
      if (cancelled) return null;
      simulation.run(chunk);
      onProgress(simulation.completedTrials, simulation.trials);
    }
    return simulation;
  })();
  return {
    finished,
    cancel: () => {
      cancelled = true;
    },
  };
}

/** The statistics in the order of the Stress sheet's rows (one declaration: engine/simulation-table). */
export { statisticsOf };

/**
 * The PaneSimulation column: trials, seed, distribution, the seven statistics, and when the run
 * finished as ISO text (text, so no locale turns it into a different date).
 */
export function paneSimulationCells(
  options: SimulationOptions,
  summary: SimulationSummary,
  at: Date,
): CellValue[][] {
  return [
    [summary.trials],
    [options.seed],
    [options.distribution],
    ...statisticsOf(summary).map((v) => [v]),
    [at.toISOString()],
  ];
}
