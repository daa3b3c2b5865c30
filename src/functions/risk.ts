/**
 * Validating wrappers for risk analysis: SIMULATE_ROI, SIM_PERCENTILE, SIM_TARGET and TORNADO.
 * The three simulation functions read the same arguments the same way (`readSimulation`), so
 * one model with one seed gives the same trials in each of them.
 */
import { LINE_DISTRIBUTIONS, type LineDistribution, type LineItem } from "../engine/distributions";
import {
  correlationProblem,
  DEFAULT_SIMULATION,
  type LineItemModel,
  lineItemProblem,
  MAX_TRIALS,
  RoiSimulation,
  SAMPLINGS,
  type Sampling,
  type SimulationOptions,
  workProblem,
} from "../engine/simulate";
import { tornado } from "../engine/sensitivity";
import { orderStatistics } from "../engine/statistics";
import {
  checkNumber,
  describe,
  fail,
  isBlank,
  ProblemError,
  scalarNumber,
  scalarText,
  toMatrix,
} from "./arguments";
import { broadcast, cellPosition, mapCells } from "./broadcast";
import { cellResult, type SpillCell, spillResult } from "./boundary";

/** A choice among `choices`, case and surrounding spaces ignored; blank → `fallback`. */
function readChoice<T extends string>(
  value: unknown,
  argument: string,
  choices: readonly T[],
  fallback: T,
): T {
  const text = scalarText(value, argument, fallback);
  const match = choices.find((d) => d.toLowerCase() === text.trim().toLowerCase());
  if (!match)
    fail("choice", { argument, choices: choices.map((d) => `"${d}"`).join(", "), got: describe(text) });
  return match;
}

/**
 * Line items as an N×3 range of low, base, high, or N×4 with each line's distribution in the
 * fourth column ("PERT", "Triangular" or "Uniform"; blank: the simulation's default). Rows left
 * entirely blank are skipped, so a table with room for more items works; a partly filled row is
 * a problem.
 */
export function readLineItems(
  value: unknown,
  argument: string,
): { items: LineItem[]; rows: number; kept: number[] } {
  const m = toMatrix(value, argument);
  const columns = m[0].length;
  if (columns !== 3 && columns !== 4)
    fail("columnCount", {
      argument,
      expected: "3 or 4",
      meaning: "low, base, high and optionally the distribution",
      got: columns,
    });
  const items: LineItem[] = [];
  const kept: number[] = [];
  m.forEach((row, r) => {
    if (row.every(isBlank)) return;
    const [low, base, high] = row
      .slice(0, 3)
      .map((cell, c) => checkNumber(cell, argument, {}, { row: r + 1, column: c + 1 }));
    const shape = row[3];
    if (columns === 4 && !isBlank(shape)) {
      const distribution = readChoice(
        shape,
        `${argument} row ${r + 1}, column 4`,
        LINE_DISTRIBUTIONS,
        "PERT",
      );
      items.push({ low, base, high, distribution });
    } else {
      items.push({ low, base, high });
    }
    kept.push(r);
  });
  if (items.length === 0) fail("empty", { argument });
  return { items, rows: m.length, kept };
}

interface ReadModel {
  readonly model: LineItemModel;
  /** Row indexes kept, counted across benefits' rows then costs' rows (for labels). */
  readonly keptRows: number[];
  readonly totalRows: number;
}

export function readModel(benefits: unknown, costs: unknown): ReadModel {
  const b = readLineItems(benefits, "benefits");
  const c = readLineItems(costs, "costs");
  const model = { benefits: b.items, costs: c.items };
  const problem = lineItemProblem(model);
  if (problem) throw new ProblemError(problem);
  return { model, keptRows: [...b.kept, ...c.kept.map((r) => r + b.rows)], totalRows: b.rows + c.rows };
}

/** The statistics SIMULATE_ROI spills, one row each, in order. */
export const SIMULATION_LABELS = ["Mean", "P5", "P10", "P50", "P90", "P95", "P(ROI<0)"] as const;
/**
 * The columns of SIMULATE_ROI's spill: the statistic's label, its value, the Monte Carlo
 * standard error (of the mean and of P(ROI<0); blank for percentiles, whose precision is their
 * interval) and the statistic's 95% interval.
 */
export const SIMULATION_COLUMNS = ["Statistic", "Value", "Standard error", "95% low", "95% high"] as const;
/** The extra row when a correlation matrix is given: the largest change made to make it consistent. */
export const CORRELATION_ROW = {
  asGiven: "Correlation as given",
  adjusted: "Correlation adjusted by",
} as const;

interface SimulationRequest {
  readonly model: LineItemModel;
  readonly options: SimulationOptions;
}

/**
 * A correlation argument as a square matrix over the kept line items. It may cover every row of
 * benefits then costs (blank rows included, which are dropped with their rows) or only the kept
 * items. One triangle may be left blank (it mirrors the other); a blank pair is 0 and a blank
 * diagonal cell 1.
 */
function readCorrelation(value: unknown, read: ReadModel): number[][] {
  const m = toMatrix(value, "correlation");
  const count = read.model.benefits.length + read.model.costs.length;
  const size = m.length;
  const pick =
    size === count && m[0].length === count
      ? null
      : size === read.totalRows && m[0].length === read.totalRows
        ? read.keptRows
        : undefined;
  if (pick === undefined)
    fail("matrixSize", { argument: "correlation", expected: count, got: `${size} × ${m[0].length}` });
  const index = (i: number): number => (pick ? pick[i] : i);
  const cell = (i: number, j: number): number | null => {
    const v = m[index(i)][index(j)];
    return isBlank(v)
      ? null
      : checkNumber(v, "correlation", { min: -1, max: 1 }, { row: index(i) + 1, column: index(j) + 1 });
  };
  const matrix = Array.from({ length: count }, (_, i) =>
    Array.from({ length: count }, (__, j) => {
      const given = cell(i, j);
      if (i === j) return given ?? 1;
      return given ?? cell(j, i) ?? 0;
    }),
  );
  const problem = correlationProblem(matrix, count);
  if (problem) throw new ProblemError(problem);
  return matrix;
}

/** The arguments every simulation function shares, read and checked once. */
function readSimulation(
  benefits: unknown,
  costs: unknown,
  trials: unknown,
  seed: unknown,
  distribution: unknown,
  sampling: unknown,
  correlation: unknown,
): SimulationRequest {
  const read = readModel(benefits, costs);
  const options: SimulationOptions = {
    trials: scalarNumber(
      trials,
      "trials",
      { min: 1, max: MAX_TRIALS, whole: true },
      DEFAULT_SIMULATION.trials,
    ),
    seed: scalarNumber(
      seed,
      "seed",
      { min: 0, max: Number.MAX_SAFE_INTEGER, whole: true },
      DEFAULT_SIMULATION.seed,
    ),
    distribution: readChoice<LineDistribution>(
      distribution,
      "distribution",
      LINE_DISTRIBUTIONS,
      DEFAULT_SIMULATION.distribution,
    ),
    sampling: readChoice<Sampling>(sampling, "sampling", SAMPLINGS, DEFAULT_SIMULATION.sampling),
    correlation: isBlank(correlation) ? null : readCorrelation(correlation, read),
  };
  const items = read.model.benefits.length + read.model.costs.length;
  const problem = workProblem(items, options.trials);
  if (problem) throw new ProblemError(problem);
  return { model: read.model, options };
}

function run(request: SimulationRequest): RoiSimulation {
  const simulation = new RoiSimulation(request.model, request.options);
  simulation.run();
  return simulation;
}

export function simulateRoiOf(
  benefits: unknown,
  costs: unknown,
  trials: unknown,
  seed: unknown,
  distribution: unknown,
  sampling?: unknown,
  correlation?: unknown,
): SpillCell[][] {
  return spillResult("SIMULATE_ROI", () => {
    const simulation = run(
      readSimulation(benefits, costs, trials, seed, distribution, sampling, correlation),
    );
    const s = simulation.summary();
    const se = (x: number): number | string => (Number.isFinite(x) ? x : "");
    const percentiles = [s.p5, s.p10, s.p50, s.p90, s.p95];
    const rows: SpillCell[][] = [
      ["Mean", s.mean, se(s.standardError), se(s.meanInterval.low), se(s.meanInterval.high)],
      ...percentiles.map((v, i): SpillCell[] => [
        SIMULATION_LABELS[i + 1],
        v,
        "",
        s.percentileIntervals[i].low,
        s.percentileIntervals[i].high,
      ]),
      [
        "P(ROI<0)",
        s.probabilityOfLoss,
        se(Math.sqrt((s.probabilityOfLoss * (1 - s.probabilityOfLoss)) / s.trials)),
        s.lossInterval.low,
        s.lossInterval.high,
      ],
    ];
    const check = simulation.correlation;
    if (check) {
      rows.push([
        check.adjusted ? CORRELATION_ROW.adjusted : CORRELATION_ROW.asGiven,
        check.largestChange,
        "",
        "",
        "",
      ]);
    }
    return rows;
  });
}

/**
 * The ROI of every trial, sorted, for statistics read many times per call (a column of
 * percentiles or thresholds).
 */
function sortedTrials(simulation: RoiSimulation): Float64Array {
  return simulation.results().sort();
}

/** The number of sorted values below x (binary search). */
function countBelow(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Any percentile of the simulated ROI (PERCENTILE.INC on the trials), like @RISK's
 * RiskPercentile: p is a cell or a range of probabilities in [0, 1], and the result has its
 * shape (blank p → blank).
 */
export function simPercentileOf(
  benefits: unknown,
  costs: unknown,
  p: unknown,
  trials: unknown,
  seed: unknown,
  distribution: unknown,
  sampling: unknown,
  correlation: unknown,
): SpillCell[][] {
  return spillResult("SIM_PERCENTILE", () => {
    const shape = broadcast([{ name: "p", value: p }]);
    const request = readSimulation(benefits, costs, trials, seed, distribution, sampling, correlation);
    const results = run(request).results();
    const n = results.length;
    const cells = mapCells(shape, 1, ([cell]) => cell);
    const wanted = cells
      .flat()
      .filter((cell): cell is number => typeof cell === "number" && cell >= 0 && cell <= 1);
    // The two order statistics around each rank p·(n − 1), selected together.
    const ranks = wanted.flatMap((q) => {
      const k = Math.min(n - 1, Math.floor(q * (n - 1)));
      return [k, Math.min(n - 1, k + 1)];
    });
    const x = orderStatistics(results, ranks);
    let next = 0;
    return mapCells(shape, 1, ([cell], r, c) => {
      if (isBlank(cell)) return "";
      return cellResult("SIM_PERCENTILE", () => {
        const q = checkNumber(cell, "p", { min: 0, max: 1 }, cellPosition(shape, r, c));
        const h = q * (n - 1);
        const k = Math.min(n - 1, Math.floor(h));
        const low = x[2 * next];
        const high = x[2 * next + 1];
        next++;
        return k >= n - 1 ? low : low + (h - k) * (high - low);
      });
    });
  });
}

/**
 * The probability that ROI falls below a threshold: the share of trials with ROI < x, like
 * @RISK's RiskTarget. x is a cell or a range of thresholds (fractions), and the result has its
 * shape (blank x → blank).
 */
export function simTargetOf(
  benefits: unknown,
  costs: unknown,
  x: unknown,
  trials: unknown,
  seed: unknown,
  distribution: unknown,
  sampling: unknown,
  correlation: unknown,
): SpillCell[][] {
  return spillResult("SIM_TARGET", () => {
    const shape = broadcast([{ name: "x", value: x }]);
    const request = readSimulation(benefits, costs, trials, seed, distribution, sampling, correlation);
    const sorted = sortedTrials(run(request));
    return mapCells(shape, 1, ([cell], r, c) => {
      if (isBlank(cell)) return "";
      return cellResult("SIM_TARGET", () => {
        const threshold = checkNumber(cell, "x", {}, cellPosition(shape, r, c));
        return countBelow(sorted, threshold) / sorted.length;
      });
    });
  });
}

/**
 * One label per line item: either one per kept item, or one per row of benefits then costs
 * (blank rows included), so a label column beside the two ranges lines up. Blank → "Benefit 2".
 */
function readLabels(value: unknown, read: ReadModel): string[] {
  const benefitCount = read.model.benefits.length;
  const count = benefitCount + read.model.costs.length;
  const fallback = (i: number): string =>
    i < benefitCount ? `Benefit ${i + 1}` : `Cost ${i - benefitCount + 1}`;
  if (isBlank(value)) return Array.from({ length: count }, (_, i) => fallback(i));
  const m = toMatrix(value, "labels");
  const cells = m.length === 1 ? [...m[0]] : m.map((row) => row[0]);
  const vector = m.length === 1 || m[0].length === 1;
  const aligned =
    cells.length === count
      ? cells
      : cells.length === read.totalRows
        ? read.keptRows.map((r) => cells[r])
        : null;
  if (!vector || !aligned) {
    fail("countMismatch", {
      argument: "labels",
      expected: count,
      meaning: "one per line item",
      got: m.length * m[0].length,
    });
  }
  return aligned.map((cell, i) =>
    typeof cell === "number" || (typeof cell === "string" && cell !== "") ? String(cell) : fallback(i),
  );
}

export function tornadoOf(benefits: unknown, costs: unknown, labels: unknown): SpillCell[][] {
  return spillResult("TORNADO", () => {
    const read = readModel(benefits, costs);
    return tornado(read.model, readLabels(labels, read)).map((row) => [
      row.label,
      row.roiAtLow,
      row.roiAtHigh,
      row.swing,
    ]);
  });
}
