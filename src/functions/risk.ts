/**
 * Validating wrappers for risk analysis: SIMULATE_ROI, SIM_PERCENTILE, SIM_TARGET and TORNADO.
 * The three simulation functions read the same arguments the same way (`readSimulation`), so
 * one model with one seed gives the same trials in each of them.
 */
import { DesignCache } from "../engine/design-cache";
import { LINE_DISTRIBUTIONS, type LineDistribution, type LineItem } from "../engine/distributions";
import {
  correlationProblem,
  SYMMETRY_TOLERANCE,
  type LineItemModel,
  lineItemProblem,
  RoiSimulation,
  SAMPLINGS,
  type Sampling,
  type SimulationOptions,
  workProblem,
} from "../engine/simulate";
import { CORRELATION_ROW, SIMULATION_COLUMNS, SIMULATION_STATISTICS } from "../engine/simulation-table";
import { tornado } from "../engine/sensitivity";
import { orderStatistics } from "../engine/statistics";
import { atRows, type ProblemParams } from "../engine/problem";
import type { Meaning } from "../i18n/messages";
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
import { numericDefault, parameterOf, type ParameterSpec } from "./catalogue";

/** The simulation options as the catalogue declares them (the same for all three functions). */
const OPTION = {
  trials: parameterOf("SIMULATE_ROI", "trials"),
  seed: parameterOf("SIMULATE_ROI", "seed"),
  distribution: parameterOf("SIMULATE_ROI", "distribution"),
  sampling: parameterOf("SIMULATE_ROI", "sampling"),
  correlation: parameterOf("SIMULATE_ROI", "correlation"),
};

/** A scalar option, checked against its range, blank: its default. */
function readOption(value: unknown, param: ParameterSpec): number {
  return scalarNumber(value, param.name, param.range, numericDefault(param));
}

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
      meaning: "lineColumns" satisfies Meaning,
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
  /** Rows of the benefits range (blank rows included): the costs' rows follow them. */
  readonly benefitRows: number;
}

export function readModel(benefits: unknown, costs: unknown): ReadModel {
  const b = readLineItems(benefits, "benefits");
  const c = readLineItems(costs, "costs");
  const model = { benefits: b.items, costs: c.items };
  const problem = lineItemProblem(model);
  // The engine counts the lines it was given; a message names the row of the range.
  const side = problem?.params.argument === "costs" ? c.kept : b.kept;
  if (problem) throw new ProblemError(atRows(problem, side, ["row"]));
  return {
    model,
    keptRows: [...b.kept, ...c.kept.map((r) => r + b.rows)],
    totalRows: b.rows + c.rows,
    benefitRows: b.rows,
  };
}

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
      : checkNumber(v, "correlation", i === j ? {} : OPTION.correlation.range, {
          row: index(i) + 1,
          column: index(j) + 1,
        });
  };
  const matrix = Array.from({ length: count }, (_, i) =>
    Array.from({ length: count }, (__, j) => {
      const given = cell(i, j);
      // A computed 1 off by rounding is 1, as a mirror within rounding is symmetric.
      if (i === j) return given === null || Math.abs(given - 1) <= SYMMETRY_TOLERANCE ? 1 : given;
      return given ?? cell(j, i) ?? 0;
    }),
  );
  const problem = correlationProblem(matrix, count);
  if (problem) throw new ProblemError(pick ? atRows(problem, pick, ["row", "column"]) : problem);
  return matrix;
}

/**
 * No correlation: the argument omitted or blank, or a range whose every cell is blank (every pair
 * 0, every diagonal 1: independent lines). A sheet that withholds a matrix which does not fit its
 * lines passes such a range, and the spill then says nothing about a correlation.
 */
function noMatrix(value: unknown): boolean {
  return (
    isBlank(value) || (Array.isArray(value) && value.every((row) => Array.isArray(row) && row.every(isBlank)))
  );
}

/** The arguments every simulation function shares, read and checked once. */
export function readSimulation(
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
    trials: readOption(trials, OPTION.trials),
    seed: readOption(seed, OPTION.seed),
    distribution: readChoice<LineDistribution>(
      distribution,
      "distribution",
      LINE_DISTRIBUTIONS,
      OPTION.distribution.default as LineDistribution,
    ),
    sampling: readChoice<Sampling>(sampling, "sampling", SAMPLINGS, OPTION.sampling.default as Sampling),
    correlation: noMatrix(correlation) ? null : readCorrelation(correlation, read),
  };
  const items = read.model.benefits.length + read.model.costs.length;
  const problem = workProblem(items, options.trials);
  if (problem) throw new ProblemError(problem);
  return { model: read.model, options };
}

/**
 * The sampling designs, line samples and sums the simulation functions share: a recalculation
 * after a line's value changes reads the kept draws, every other line's samples and the other
 * side's sums, and each statistic of one simulation (SIMULATE_ROI, SIM_PERCENTILE, SIM_TARGET
 * with the same arguments) reads both sides' sums, instead of drawing them again.
 */
const designs = new DesignCache();

function run(request: SimulationRequest): RoiSimulation {
  const { model, options } = request;
  const sums = designs.trialSumsFor(model, options);
  // Too large to keep every line's samples beside the design: the design alone, as drawn.
  const design = sums ? null : designs.designFor(model.benefits.length + model.costs.length, options);
  const simulation = new RoiSimulation(model, options, design, sums);
  simulation.run();
  return simulation;
}

/** A range with no line item yet replaced by one valid line; any other range as it is. */
function withStandIn(range: unknown, argument: string): unknown {
  try {
    readLineItems(range, argument);
    return range;
  } catch (error) {
    if (error instanceof ProblemError && error.problem.key === "empty") return [[1, 1, 1]];
    throw error;
  }
}

/**
 * What SIMULATE_ROI shows for value_if_empty when benefits or costs has no line item yet (every
 * row blank): the table's shape with the value in its first cell and the rest blank, like
 * IFERROR's value_if_error but for that one case (a model being typed), so a sheet built before
 * its lines shows words rather than #VALUE!. Null: the function's own error stands (the value
 * omitted or blank, or any other problem).
 */
function emptyTable(error: unknown, valueIfEmpty: unknown): SpillCell[][] | null {
  const value = Array.isArray(valueIfEmpty) ? (valueIfEmpty as unknown[][])[0]?.[0] : valueIfEmpty;
  if (isBlank(value) || !(error instanceof ProblemError) || error.problem.key !== "empty") return null;
  const argument = error.problem.params.argument;
  if (argument !== "benefits" && argument !== "costs") return null;
  const first = typeof value === "number" ? value : scalarText(value, "value_if_empty", "");
  return SIMULATION_STATISTICS.map((_, i) =>
    SIMULATION_COLUMNS.map((__, j) => (i === 0 && j === 0 ? first : "")),
  );
}

export function simulateRoiOf(
  benefits: unknown,
  costs: unknown,
  trials: unknown,
  seed: unknown,
  distribution: unknown,
  sampling?: unknown,
  correlation?: unknown,
  valueIfEmpty?: unknown,
): SpillCell[][] {
  return spillResult("SIMULATE_ROI", () => {
    let request: SimulationRequest;
    try {
      request = readSimulation(benefits, costs, trials, seed, distribution, sampling, correlation);
    } catch (error) {
      const empty = emptyTable(error, valueIfEmpty);
      if (!empty) throw error;
      // The value stands for a model being typed, not for its mistakes: the other range's rows
      // and the options are read as they will be once the empty range has a line, and their
      // problem shows (the correlation waits for the lines it pairs).
      readSimulation(
        withStandIn(benefits, "benefits"),
        withStandIn(costs, "costs"),
        trials,
        seed,
        distribution,
        sampling,
        null,
      );
      return empty;
    }
    const simulation = run(request);
    const s = simulation.summary();
    const se = (x: number): number | string => (Number.isFinite(x) ? x : "");
    // The statistics in the table's order: the mean, the percentiles (each with its interval and
    // no standard error), the probability of a loss.
    const last = SIMULATION_STATISTICS.length - 1;
    const rows: SpillCell[][] = SIMULATION_STATISTICS.map(({ label, of }, i): SpillCell[] => {
      if (i === 0)
        return [label, of(s), se(s.standardError), se(s.meanInterval.low), se(s.meanInterval.high)];
      if (i === last) {
        const p = of(s);
        return [label, p, se(Math.sqrt((p * (1 - p)) / s.trials)), s.lossInterval.low, s.lossInterval.high];
      }
      const interval = s.percentileIntervals[i - 1];
      // A side the trials cannot bound at 95% (P5 from fewer than 72 trials) is blank.
      return [label, of(s), "", se(interval.low), se(interval.high)];
    });
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

/** The arguments after benefits, costs and the probe: trials, seed, distribution, sampling, correlation. */
type SimulationArguments = readonly [unknown, unknown, unknown, unknown, unknown];

/**
 * A simulation read at each cell of a probe argument (p, x): the probe is a cell or a range and
 * the result has its shape (a blank probe cell gives a blank). `prepare` runs the simulation's
 * trials once; `at` answers one probe cell, its problems staying in that cell.
 */
function probeSpill<T>(
  id: string,
  probe: { readonly name: string; readonly value: unknown },
  benefits: unknown,
  costs: unknown,
  options: SimulationArguments,
  prepare: (simulation: RoiSimulation, probes: readonly unknown[]) => T,
  at: (prepared: T, cell: unknown, place: ProblemParams) => number,
): SpillCell[][] {
  return spillResult(id, () => {
    const shape = broadcast([probe]);
    const simulation = run(readSimulation(benefits, costs, ...options));
    const prepared = prepare(simulation, mapCells(shape, 1, ([cell]) => cell).flat());
    return mapCells(shape, 1, ([cell], r, c) => {
      if (isBlank(cell)) return "";
      return cellResult(id, () => at(prepared, cell, cellPosition(shape, r, c)));
    });
  });
}

const P = parameterOf("SIM_PERCENTILE", "p");

/**
 * Any percentile of the simulated ROI (PERCENTILE.INC on the trials), like @RISK's
 * RiskPercentile: p is a cell or a range of probabilities in [0, 1], and the result has its
 * shape (blank p → blank).
 */
export function simPercentileOf(
  benefits: unknown,
  costs: unknown,
  p: unknown,
  ...options: SimulationArguments
): SpillCell[][] {
  let next = 0;
  return probeSpill(
    "SIM_PERCENTILE",
    { name: "p", value: p },
    benefits,
    costs,
    options,
    (simulation, probes) => {
      const results = simulation.results();
      const n = results.length;
      const wanted = probes.filter(
        (cell): cell is number => typeof cell === "number" && cell >= 0 && cell <= 1,
      );
      // The two order statistics around each rank p·(n − 1), selected together.
      const ranks = wanted.flatMap((q) => {
        const k = Math.min(n - 1, Math.floor(q * (n - 1)));
        return [k, Math.min(n - 1, k + 1)];
      });
      return { n, x: orderStatistics(results, ranks) };
    },
    ({ n, x }, cell, place) => {
      const q = checkNumber(cell, "p", P.range, place);
      const h = q * (n - 1);
      const k = Math.min(n - 1, Math.floor(h));
      const low = x[2 * next];
      const high = x[2 * next + 1];
      next++;
      return k >= n - 1 ? low : low + (h - k) * (high - low);
    },
  );
}

const X = parameterOf("SIM_TARGET", "x");

/**
 * The probability that ROI falls below a threshold: the share of trials with ROI < x, like
 * @RISK's RiskTarget. x is a cell or a range of thresholds (fractions), and the result has its
 * shape (blank x → blank).
 */
export function simTargetOf(
  benefits: unknown,
  costs: unknown,
  x: unknown,
  ...options: SimulationArguments
): SpillCell[][] {
  return probeSpill(
    "SIM_TARGET",
    { name: "x", value: x },
    benefits,
    costs,
    options,
    (simulation) => sortedTrials(simulation),
    (sorted, cell, place) => countBelow(sorted, checkNumber(cell, "x", X.range, place)) / sorted.length,
  );
}

/**
 * Labels for `count` kept line items read from one argument: either one per kept item, or one per
 * row of the line ranges (blank rows included, `kept` says which rows were kept), so a label column
 * beside the ranges lines up. A blank label takes the fallback ("Benefit 2").
 */
function labelsFor(
  value: unknown,
  argument: string,
  meaning: Meaning,
  count: number,
  rows: number,
  kept: readonly number[],
  fallback: (i: number) => string,
): string[] {
  if (isBlank(value)) return Array.from({ length: count }, (_, i) => fallback(i));
  const m = toMatrix(value, argument);
  if (m.length > 1 && m[0].length > 1) fail("notVector", { argument, rows: m.length, columns: m[0].length });
  const cells = m.length === 1 ? [...m[0]] : m.map((row) => row[0]);
  const aligned = cells.length === count ? cells : cells.length === rows ? kept.map((r) => cells[r]) : null;
  if (!aligned) fail("countMismatch", { argument, expected: count, meaning, got: cells.length });
  return aligned.map((cell, i) =>
    typeof cell === "number" || (typeof cell === "string" && cell !== "") ? String(cell) : fallback(i),
  );
}

/**
 * One label per line item. Without cost labels, `labels` covers benefits then costs (one per kept
 * item, or one per row of both ranges); with them, `labels` covers the benefits and `costLabels`
 * the costs, each the same way, so two tables' label columns serve as they are.
 */
function readLabels(labels: unknown, costLabels: unknown, read: ReadModel): string[] {
  const benefitCount = read.model.benefits.length;
  const count = benefitCount + read.model.costs.length;
  if (isBlank(costLabels))
    return labelsFor(labels, "labels", "perLine", count, read.totalRows, read.keptRows, (i) =>
      i < benefitCount ? `Benefit ${i + 1}` : `Cost ${i - benefitCount + 1}`,
    );
  const benefitKept = read.keptRows.filter((r) => r < read.benefitRows);
  const costKept = read.keptRows.filter((r) => r >= read.benefitRows).map((r) => r - read.benefitRows);
  return [
    ...labelsFor(
      labels,
      "labels",
      "perBenefit",
      benefitCount,
      read.benefitRows,
      benefitKept,
      (i) => `Benefit ${i + 1}`,
    ),
    ...labelsFor(
      costLabels,
      "cost_labels",
      "perCost",
      read.model.costs.length,
      read.totalRows - read.benefitRows,
      costKept,
      (i) => `Cost ${i + 1}`,
    ),
  ];
}

export function tornadoOf(
  benefits: unknown,
  costs: unknown,
  labels: unknown,
  costLabels?: unknown,
): SpillCell[][] {
  return spillResult("TORNADO", () => {
    const read = readModel(benefits, costs);
    return tornado(read.model, readLabels(labels, costLabels, read)).map((row) => [
      row.label,
      row.roiAtLow,
      row.roiAtHigh,
      row.swing,
    ]);
  });
}
