/**
 * The whole line-item business case under uncertainty: every trial draws each line's value from
 * its distribution (low, base, high; PERT, triangular or uniform; rank-correlated when a matrix
 * is given) and runs the monthly model of line-items.ts with those values (timing, adoption,
 * one-off costs, risk adjustment, discounting), giving that trial's annual ROI, risk-adjusted
 * present-value ROI, NPV and payback months.
 *
 * Why this is fast without being a second model: with the settings fixed, every figure of
 * `financialSummary` is linear in the lines' values except the ratios and the payback. A line of
 * value x contributes x × (its schedule at value 1) to every month, so the engine's own
 * `benefitSchedule` and `costSchedule`, called once per line at value 1, give each line's
 * coefficients:
 *   annual benefits = Σ_b x_b · realisation        annual costs = Σ_c x_c · [c not one-off]
 *   PV risk-adjusted benefits = Σ_b x_b · Σ_y Y_b,y · (1 − risk_b) / (1 + r)^y   (same for costs, 1 + risk)
 *   monthly unadjusted net_k = Σ_b x_b · M_b,k − Σ_c x_c · M_c,k
 * and a trial costs one dot product per figure plus one pass over the months for the payback.
 * The tests hold it to `financialSummary` itself, trial by trial.
 */
import type { Matrix } from "./correlation";
import {
  cachedQuantileTable,
  type LineDistribution,
  QUANTILE_TABLE_SIZE,
  type ThreePoint,
} from "./distributions";
import {
  type BenefitLine,
  benefitSchedule,
  type CostLine,
  costSchedule,
  type LineItemCase,
  type LineItemSettings,
  yearTotals,
} from "./line-items";
import { type Sampling, simulationUniforms } from "./simulate";
import { histogram, type HistogramBin, mean, percentileSorted, variance } from "./statistics";

const HORIZON_YEARS = 3;

/** The four outputs simulated, in the order the pane and the Stress sheet show them. */
export const CASE_OUTPUTS = ["annualRoi", "pvRoi", "npv", "paybackMonths"] as const;
export type CaseOutput = (typeof CASE_OUTPUTS)[number];

/** The percentiles reported for every output, in order. */
export const CASE_PERCENTILES = [0.05, 0.1, 0.5, 0.9, 0.95] as const;

/** The payback limit of the second probability: the end of the three-year horizon. */
export const HORIZON_PAYBACK_MONTHS = 36;

export interface CaseSimulationOptions {
  readonly trials: number;
  readonly seed: number;
  /** The shape of every line that does not choose its own. */
  readonly distribution: LineDistribution;
  /** Per line (benefits, then costs): its own shape, or null/undefined for the default. */
  readonly lineDistributions?: readonly (LineDistribution | null | undefined)[];
  readonly sampling?: Sampling;
  /** Target Spearman correlation over the lines (benefits, then costs); null: independent. */
  readonly correlation?: Matrix | null;
  /** The leaders' payback benchmark in months (the ROI sheet's LeaderPaybackMonths). */
  readonly paybackBenchmark: number;
}

/** One line's value as a three-point estimate in its own units (missing low or high: the base). */
export function lineThreePoint(line: BenefitLine | CostLine): ThreePoint {
  const base = "annual" in line ? line.annual : line.amount;
  return { low: line.low ?? base, base, high: line.high ?? base };
}

/** The case reduced to per-line coefficients (see the module comment). */
export interface CompiledCase {
  readonly benefitCount: number;
  readonly lineCount: number;
  readonly months: number;
  readonly labels: readonly string[];
  readonly points: readonly ThreePoint[];
  /** Coefficient of each line in the run-rate year's benefits (benefit lines) or costs. */
  readonly annual: Float64Array;
  /** Coefficient of each line in the PV of the risk-adjusted benefits or costs. */
  readonly presentValue: Float64Array;
  /** Line-major: monthly[j · months + k] = line j's signed share of month k's unadjusted net. */
  readonly monthly: Float64Array;
  /**
   * Lines whose monthly rows are identical (every Company-timing benefit, recurring costs from
   * the same month, ...) share one shape: group[j] is line j's, shapes[g · months + k] its row. A
   * trial then sums its lines' values per shape first and runs the months once per shape.
   */
  readonly group: Int32Array;
  readonly groupCount: number;
  readonly shapes: Float64Array;
}

/** The settings a simulation runs with: the draw replaces the scenario's point. */
function baseSettings(s: LineItemSettings): LineItemSettings {
  return { ...s, scenario: "Base" };
}

export function compileCase(c: LineItemCase): CompiledCase {
  const s = baseSettings(c.settings);
  const months = s.companyAdoption.length;
  const k = c.benefits.length + c.costs.length;
  const annual = new Float64Array(k);
  const presentValue = new Float64Array(k);
  const monthly = new Float64Array(k * months);
  const discount = Array.from({ length: HORIZON_YEARS + 1 }, (_, y) => 1 / (1 + s.discountRate) ** y);
  const add = (j: number, schedule: number[], sign: 1 | -1, riskFactor: number): void => {
    schedule.forEach((v, m) => (monthly[j * months + m] = sign * v));
    let pv = 0;
    yearTotals(schedule, s.monthsPerYear, HORIZON_YEARS).forEach(
      (v, y) => (pv += v * riskFactor * discount[y]),
    );
    presentValue[j] = pv;
  };
  c.benefits.forEach((line, j) => {
    const unit: BenefitLine = { ...line, annual: 1, low: 1, high: 1 };
    annual[j] = s.benefitRealisation;
    add(j, benefitSchedule(unit, s), 1, 1 - (line.risk ?? 0));
  });
  c.costs.forEach((line, i) => {
    const j = c.benefits.length + i;
    const unit: CostLine = { ...line, amount: 1, low: 1, high: 1 };
    annual[j] = line.kind === "oneOff" ? 0 : 1;
    add(j, costSchedule(unit, s), -1, 1 + (line.risk ?? 0));
  });
  const group = new Int32Array(k);
  const keys = new Map<string, number>();
  const rows: Float64Array[] = [];
  for (let j = 0; j < k; j++) {
    const row = monthly.subarray(j * months, (j + 1) * months);
    const key = row.join(",");
    let g = keys.get(key);
    if (g === undefined) {
      g = rows.length;
      keys.set(key, g);
      rows.push(row);
    }
    group[j] = g;
  }
  const shapes = new Float64Array(rows.length * months);
  rows.forEach((row, g) => shapes.set(row, g * months));
  return {
    benefitCount: c.benefits.length,
    lineCount: k,
    months,
    labels: [...c.benefits.map((l) => l.label), ...c.costs.map((l) => l.label)],
    points: [...c.benefits.map(lineThreePoint), ...c.costs.map(lineThreePoint)],
    annual,
    presentValue,
    monthly,
    group,
    groupCount: rows.length,
    shapes,
  };
}

/**
 * `payback` of net[from .. from + length) without a copy: months until the cumulative net turns
 * non-negative, interpolated within the month; 0 when it never goes negative; +Infinity when it
 * does not turn within the horizon.
 */
function paybackAt(net: Float64Array, from: number, length: number): number {
  let cumulative = 0;
  let everNegative = false;
  for (let k = 0; k < length; k++) {
    const flow = net[from + k];
    const before = cumulative;
    cumulative += flow;
    if (k > 0 && before < 0 && cumulative >= 0) return k - 1 + -before / flow;
    if (cumulative < 0) everNegative = true;
  }
  return everNegative ? Infinity : 0;
}

/** The four outputs of one set of line values. */
export interface CaseFigures {
  /** NaN when the run-rate year has no costs (no ROI). */
  readonly annualRoi: number;
  /** NaN when the PV of the risk-adjusted costs is not positive. */
  readonly pvRoi: number;
  readonly npv: number;
  /** +Infinity when the cumulative net does not turn non-negative within the horizon. */
  readonly paybackMonths: number;
}

/**
 * Evaluates compiled cases for many value vectors, with one scratch month buffer. `values`
 * holds line j's value at values[j · stride + offset].
 */
export class CaseEvaluator {
  private readonly net: Float64Array;

  constructor(readonly compiled: CompiledCase) {
    this.net = new Float64Array(compiled.months);
  }

  evaluate(values: ArrayLike<number>, stride = 1, offset = 0): CaseFigures {
    const { benefitCount, lineCount, months, annual, presentValue, monthly } = this.compiled;
    const net = this.net;
    net.fill(0);
    let annualBenefits = 0;
    let annualCosts = 0;
    let pvBenefits = 0;
    let pvCosts = 0;
    for (let j = 0; j < lineCount; j++) {
      const x = values[j * stride + offset];
      if (j < benefitCount) {
        annualBenefits += x * annual[j];
        pvBenefits += x * presentValue[j];
      } else {
        annualCosts += x * annual[j];
        pvCosts += x * presentValue[j];
      }
      if (x !== 0) {
        const at = j * months;
        for (let m = 0; m < months; m++) net[m] += x * monthly[at + m];
      }
    }
    return {
      annualRoi: annualCosts > 0 ? (annualBenefits - annualCosts) / annualCosts : NaN,
      pvRoi: pvCosts > 0 ? (pvBenefits - pvCosts) / pvCosts : NaN,
      npv: pvBenefits - pvCosts,
      paybackMonths: paybackAt(net, 0, months),
    };
  }
}

/** One output's distribution. */
export interface OutputSummary {
  /** Trials with a value (annual and PV ROI are undefined without costs). */
  readonly defined: number;
  /** Mean over the trials; NaN when any trial has no value or never pays back. */
  readonly mean: number;
  /** s/√n: for Latin Hypercube an upper bound (stratified draws vary less). */
  readonly standardError: number;
  /** P5, P10, P50, P90, P95 (PERCENTILE.INC); +Infinity for a payback beyond the horizon. */
  readonly percentiles: readonly number[];
  /** Share of trials below zero (ROI and NPV: a loss). */
  readonly belowZero: number;
  readonly bins: readonly HistogramBin[];
  /** The empirical CDF at probabilities 0, 1/(points − 1), .., 1: cdf[i] = PERCENTILE.INC(i/(points − 1)). */
  readonly cdf: readonly number[];
}

export interface CaseSimulationSummary {
  readonly trials: number;
  readonly outputs: Readonly<Record<CaseOutput, OutputSummary>>;
  readonly paybackBenchmark: number;
  /** P(payback ≤ the leaders' benchmark) and P(payback ≤ 36 months). */
  readonly paybackWithinBenchmark: number;
  readonly paybackWithinHorizon: number;
}

export const CASE_HISTOGRAM_BINS = 30;
export const CASE_CDF_POINTS = 101;

/** PERCENTILE.INC of a sorted sample that may end in +Infinity. */
function percentileWithInfinity(sorted: Float64Array, p: number): number {
  const h = p * (sorted.length - 1);
  const i = Math.floor(h);
  if (sorted[Math.min(i + 1, sorted.length - 1)] === Infinity)
    return h === i && sorted[i] !== Infinity ? sorted[i] : Infinity;
  return percentileSorted(sorted, p);
}

export function summariseOutput(sample: Float64Array): OutputSummary {
  const finite = sample.filter((v) => Number.isFinite(v));
  const all = sample.filter((v) => !Number.isNaN(v));
  const sorted = all.slice().sort();
  const complete = finite.length === sample.length && sample.length > 0;
  let below = 0;
  for (let i = 0; i < all.length; i++) if (all[i] < 0) below++;
  const average = complete ? mean(sample) : NaN;
  return {
    defined: all.length,
    mean: average,
    standardError: complete && sample.length > 1 ? Math.sqrt(variance(sample, average) / sample.length) : NaN,
    percentiles: CASE_PERCENTILES.map((p) => (sorted.length ? percentileWithInfinity(sorted, p) : NaN)),
    belowZero: all.length ? below / all.length : NaN,
    bins: histogram(finite, CASE_HISTOGRAM_BINS),
    cdf: Array.from({ length: CASE_CDF_POINTS }, (_, i) =>
      sorted.length ? percentileWithInfinity(sorted, i / (CASE_CDF_POINTS - 1)) : NaN,
    ),
  };
}

/** Each line's quantile table, benefits then costs. */
function tablesOf(compiled: CompiledCase, options: CaseSimulationOptions): Float64Array[] {
  return compiled.points.map((point, j) =>
    cachedQuantileTable(point, options.lineDistributions?.[j] ?? options.distribution),
  );
}

/** Reads a quantile table at u (linear interpolation, as the ROI simulation does). */
function readTable(table: Float64Array, u: number): number {
  const x = u * QUANTILE_TABLE_SIZE;
  const at = x | 0;
  return at >= QUANTILE_TABLE_SIZE
    ? table[QUANTILE_TABLE_SIZE]
    : table[at] + (x - at) * (table[at + 1] - table[at]);
}

/**
 * A business-case simulation that runs in chunks (the pane reports progress and can cancel
 * between them) and gives the numbers of one uninterrupted run: the uniforms are drawn up front
 * from the seed (the same sampler, blocks and correlation as SIMULATE_ROI), so a chunk only
 * evaluates trials.
 */
export class CaseSimulation {
  readonly trials: number;
  readonly compiled: CompiledCase;
  /** Line-major: values[j · trials + t] = line j's value in trial t. */
  readonly values: Float64Array;
  /** Trials evaluated together: their monthly nets (BLOCK × months) stay in cache. */
  static readonly BLOCK = 256;
  private readonly blockNet: Float64Array;
  private readonly blockSums: Float64Array;
  private readonly blockWeights: Float64Array;
  private readonly results: Record<CaseOutput, Float64Array>;
  private completed = 0;

  constructor(
    c: LineItemCase | CompiledCase,
    readonly options: CaseSimulationOptions,
  ) {
    this.compiled = "settings" in c ? compileCase(c) : c;
    this.trials = options.trials;
    const k = this.compiled.lineCount;
    const uniforms = simulationUniforms(k, {
      trials: options.trials,
      seed: options.seed,
      distribution: options.distribution,
      sampling: options.sampling,
      correlation: options.correlation ?? null,
    });
    const tables = tablesOf(this.compiled, options);
    this.values = new Float64Array(k * options.trials);
    for (let j = 0; j < k; j++) {
      const u = uniforms[j];
      const table = tables[j];
      const at = j * options.trials;
      for (let t = 0; t < options.trials; t++) this.values[at + t] = readTable(table, u[t]);
    }
    this.blockNet = new Float64Array(CaseSimulation.BLOCK * this.compiled.months);
    this.blockSums = new Float64Array(CaseSimulation.BLOCK * 4);
    this.blockWeights = new Float64Array(CaseSimulation.BLOCK * this.compiled.groupCount);
    this.results = {
      annualRoi: new Float64Array(options.trials),
      pvRoi: new Float64Array(options.trials),
      npv: new Float64Array(options.trials),
      paybackMonths: new Float64Array(options.trials),
    };
  }

  get completedTrials(): number {
    return this.completed;
  }

  get done(): boolean {
    return this.completed >= this.trials;
  }

  /**
   * Runs up to `count` more trials; returns how many have run in all. The loop is
   * `CaseEvaluator.evaluate` unrolled over a block of trials, line by line, so each line's values
   * are read in order and nothing is allocated per trial (the tests hold it to `evaluate`).
   */
  run(count: number = this.trials): number {
    const end = Math.min(this.trials, this.completed + Math.max(0, Math.floor(count)));
    const { values, results, trials } = this;
    const { benefitCount, lineCount, months, annual, presentValue, group, groupCount, shapes } =
      this.compiled;
    const block = CaseSimulation.BLOCK;
    const net = this.blockNet;
    const sums = this.blockSums;
    const weights = this.blockWeights;
    for (let first = this.completed; first < end; first += block) {
      const size = Math.min(block, end - first);
      sums.fill(0, 0, size * 4);
      weights.fill(0, 0, size * groupCount);
      for (let j = 0; j < lineCount; j++) {
        const a = annual[j];
        const pv = presentValue[j];
        const slot = j < benefitCount ? 0 : 2;
        const g = group[j];
        const from = j * trials + first;
        for (let i = 0; i < size; i++) {
          const x = values[from + i];
          sums[i * 4 + slot] += x * a;
          sums[i * 4 + slot + 1] += x * pv;
          weights[i * groupCount + g] += x;
        }
      }
      net.fill(0, 0, size * months);
      for (let i = 0; i < size; i++) {
        const row = i * months;
        for (let g = 0; g < groupCount; g++) {
          const w = weights[i * groupCount + g];
          if (w === 0) continue;
          const shape = g * months;
          for (let m = 0; m < months; m++) net[row + m] += w * shapes[shape + m];
        }
      }
      for (let i = 0; i < size; i++) {
        const t = first + i;
        const annualBenefits = sums[i * 4];
        const pvBenefits = sums[i * 4 + 1];
        const annualCosts = sums[i * 4 + 2];
        const pvCosts = sums[i * 4 + 3];
        results.annualRoi[t] = annualCosts > 0 ? (annualBenefits - annualCosts) / annualCosts : NaN;
        results.pvRoi[t] = pvCosts > 0 ? (pvBenefits - pvCosts) / pvCosts : NaN;
        results.npv[t] = pvBenefits - pvCosts;
        results.paybackMonths[t] = paybackAt(net, i * months, months);
      }
    }
    this.completed = end;
    return end;
  }

  /** One output of every completed trial, in trial order (a copy). */
  sample(output: CaseOutput): Float64Array {
    return this.results[output].slice(0, this.completed);
  }

  summary(): CaseSimulationSummary {
    const payback = this.results.paybackMonths.subarray(0, this.completed);
    const n = payback.length;
    let within = 0;
    let withinHorizon = 0;
    for (let t = 0; t < n; t++) {
      if (payback[t] <= this.options.paybackBenchmark) within++;
      if (payback[t] <= HORIZON_PAYBACK_MONTHS) withinHorizon++;
    }
    const outputs = Object.fromEntries(
      CASE_OUTPUTS.map((o) => [o, summariseOutput(this.results[o].subarray(0, this.completed))]),
    ) as Record<CaseOutput, OutputSummary>;
    return {
      trials: n,
      outputs,
      paybackBenchmark: this.options.paybackBenchmark,
      paybackWithinBenchmark: n ? within / n : NaN,
      paybackWithinHorizon: n ? withinHorizon / n : NaN,
    };
  }
}

/** One uninterrupted business-case simulation. */
export function simulateBusinessCase(c: LineItemCase, options: CaseSimulationOptions): CaseSimulationSummary {
  const simulation = new CaseSimulation(c, options);
  simulation.run();
  return simulation.summary();
}

/** Crystal Ball's default spider points: the 10th, 30th, 50th, 70th and 90th percentiles. */
export const SPIDER_PERCENTILES = [0.1, 0.3, 0.5, 0.7, 0.9] as const;

export interface SensitivityLine {
  readonly label: string;
  readonly index: number;
  /** The line's value at each percentile of `percentiles`. */
  readonly inputs: readonly number[];
  /** The output with this line at each percentile and every other line at its base. */
  readonly outputs: readonly number[];
  /** The output at the first and last percentile (the tornado's bar ends, P10 and P90). */
  readonly low: number;
  readonly high: number;
  /**
   * |high − low|: +Infinity when one end is a payback beyond the horizon and the other is not
   * (the line decides whether the case pays back within it), 0 when both ends are equal (both
   * beyond included), NaN where the output is undefined.
   */
  readonly swing: number;
}

export interface SensitivityResult {
  readonly output: CaseOutput;
  readonly percentiles: readonly number[];
  /** The output with every line at its base. */
  readonly base: number;
  /**
   * Lines by swing, largest first (an infinite swing first of all, ties in line order, an
   * undefined one last); lines without spread have swing 0.
   */
  readonly lines: readonly SensitivityLine[];
}

/**
 * One-at-a-time sensitivity at percentiles (Crystal Ball's spider and tornado): each line in turn
 * set to its distribution's value at each percentile, every other line at its base, the output
 * recomputed with the whole monthly model. The tornado reads the first and last points (P10 and
 * P90 by default); the spider chart plots every point against the percentile.
 */
export function sensitivityAtPercentiles(
  c: LineItemCase | CompiledCase,
  output: CaseOutput,
  distribution: LineDistribution,
  lineDistributions?: readonly (LineDistribution | null | undefined)[],
  percentiles: readonly number[] = SPIDER_PERCENTILES,
): SensitivityResult {
  const compiled = "settings" in c ? compileCase(c) : c;
  const tables = compiled.points.map((point, j) =>
    cachedQuantileTable(point, lineDistributions?.[j] ?? distribution),
  );
  const evaluator = new CaseEvaluator(compiled);
  const values = compiled.points.map((p) => p.base);
  const base = evaluator.evaluate(values)[output];
  const lines = compiled.points.map((_, j): SensitivityLine => {
    const inputs = percentiles.map((p) => readTable(tables[j], p));
    const outputs = inputs.map((x) => {
      const v = values.slice();
      v[j] = x;
      return evaluator.evaluate(v)[output];
    });
    const low = outputs[0];
    const high = outputs[outputs.length - 1];
    // Infinity − Infinity would be NaN: a line beyond the horizon at both ends does not move it.
    const swing = low === high ? 0 : Math.abs(high - low);
    return { label: compiled.labels[j], index: j, inputs, outputs, low, high, swing };
  });
  // Two infinite swings compare as NaN, which the sort reads as equal: then line order decides.
  const key = (l: SensitivityLine): number => (Number.isNaN(l.swing) ? -1 : l.swing);
  return {
    output,
    percentiles,
    base,
    lines: lines.slice().sort((a, b) => key(b) - key(a) || a.index - b.index),
  };
}

export interface StatisticGoal {
  /** The simulated statistic: P(annual ROI < 0), or the NPV's P10. */
  readonly statistic: "lossProbability" | "npvP10";
  /** At most this probability, or the P10 to reach (0: break even in nine trials out of ten). */
  readonly target: number;
}

/**
 * The lever a statistic's goal seek moves: the benefit realisation (0..2), the company's adoption
 * target (0..1; the monthly adoption curve and every wave scale with it, as both are target ×
 * shape), or one line's level (its low, base and high × a factor 0..3, the spread kept in
 * proportion, as the default low and high follow the base).
 */
export type SeekLever =
  | { readonly kind: "realisation" }
  | { readonly kind: "adoptionTarget"; readonly current: number }
  | { readonly kind: "lineLevel"; readonly side: "benefits" | "costs"; readonly index: number };

/** The search interval of each lever's value: realisation and line factor, adoption share. */
export const SEEK_RANGE: Readonly<Record<SeekLever["kind"], readonly [number, number]>> = {
  realisation: [0, 2],
  adoptionTarget: [0, 1],
  lineLevel: [0, 3],
};

export interface StatisticSeek {
  /**
   * The lever's value that just meets the goal (within `tolerance`): the lowest where raising
   * the lever helps (realisation, adoption, a benefit line), the highest where lowering it
   * helps (a cost line: the most it may cost). Null when no value in the lever's range meets it.
   */
  readonly value: number | null;
  /**
   * True when raising the lever helps (the value is the least it needs), false when lowering it
   * does (the most it may be): a cost line, and any lever whose high end proved the worse one
   * (adoption, when usage costs grow faster than the benefits it brings).
   */
  readonly upward: boolean;
  /** The statistic at that value (or at the best end of the range when none meets the goal). */
  readonly statistic: number;
  readonly evaluations: number;
  /** True when the goal is met over the whole range (even at the lever's least helpful end). */
  readonly metEverywhere: boolean;
  /**
   * True when the statistic is the same at both ends of the lever's range: the lever does not
   * move it (the adoption target and annual ROI, which counts a year at full adoption; a one-off
   * cost line and annual ROI). With common random numbers "the same" is exact. The answer then
   * says nothing about the lever: met or not, it is met or missed whatever the lever's value.
   */
  readonly unmoved: boolean;
}

function statisticOf(summary: CaseSimulationSummary, goal: StatisticGoal): number {
  return goal.statistic === "lossProbability"
    ? summary.outputs.annualRoi.belowZero
    : summary.outputs.npv.percentiles[CASE_PERCENTILES.indexOf(0.1)];
}

/** The case with the lever at `value`. */
export function withLever(c: LineItemCase, lever: SeekLever, value: number): LineItemCase {
  switch (lever.kind) {
    case "realisation":
      return { ...c, settings: { ...c.settings, benefitRealisation: value } };
    case "adoptionTarget": {
      const f = lever.current > 0 ? value / lever.current : 0;
      return {
        ...c,
        benefits: c.benefits.map((b) =>
          b.wave ? { ...b, wave: { ...b.wave, target: b.wave.target * f } } : b,
        ),
        settings: { ...c.settings, companyAdoption: c.settings.companyAdoption.map((a) => a * f) },
      };
    }
    case "lineLevel": {
      const scale = (x: number | undefined): number | undefined => (x === undefined ? undefined : x * value);
      if (lever.side === "benefits")
        return {
          ...c,
          benefits: c.benefits.map((b, i) =>
            i === lever.index
              ? { ...b, annual: b.annual * value, low: scale(b.low), high: scale(b.high) }
              : b,
          ),
        };
      return {
        ...c,
        costs: c.costs.map((k, i) =>
          i === lever.index ? { ...k, amount: k.amount * value, low: scale(k.low), high: scale(k.high) } : k,
        ),
      };
    }
  }
}

/** Whether raising the lever improves the case: false for a cost line (and a negative benefit). */
export function leverHelpsUpward(c: LineItemCase, lever: SeekLever): boolean {
  if (lever.kind !== "lineLevel") return true;
  const line = lever.side === "benefits" ? c.benefits[lever.index] : c.costs[lever.index];
  const base = "annual" in line ? line.annual : line.amount;
  return lever.side === "benefits" ? base >= 0 : base < 0;
}

/**
 * Goal seek on a simulated statistic: the lever's value at which P(annual ROI < 0) falls to the
 * target, or the NPV's P10 reaches it. Every evaluation runs with the same seed, so the same
 * uniforms (common random numbers): the statistic then moves only with the lever, not with fresh
 * noise, and a bisection on it converges to a stable answer. Met: loss probability ≤ target, or
 * P10 ≥ target; both improve as the lever moves the case's way (`leverHelpsUpward`), unless the
 * ends of its range say otherwise: when only the end taken for the worse one meets the goal, the
 * lever helps the other way (adoption drives usage costs as well as benefits). An end where the
 * statistic has no value (a cost line at 0 leaves annual ROI without a cost to divide by) is
 * read a thousandth of the range inside it.
 *
 * A generator: it yields the number of simulations run after each one, so a caller can report
 * progress and yield to its event loop between them; `seekStatistic` runs it through.
 */
export function* seekStatisticSteps(
  c: LineItemCase,
  options: CaseSimulationOptions,
  goal: StatisticGoal,
  lever: SeekLever = { kind: "realisation" },
  tolerance = 1e-4,
): Generator<number, StatisticSeek, void> {
  if (lever.kind === "lineLevel") {
    const lines = lever.side === "benefits" ? c.benefits : c.costs;
    if (!(lever.index >= 0 && lever.index < lines.length)) throw new RangeError("No such line to move.");
  }
  let evaluations = 0;
  const at = (value: number): number => {
    evaluations++;
    return statisticOf(simulateBusinessCase(withLever(c, lever, value), options), goal);
  };
  const met = (v: number): boolean =>
    goal.statistic === "lossProbability" ? v <= goal.target : v >= goal.target;
  const [min, max] = SEEK_RANGE[lever.kind];
  let upward = leverHelpsUpward(c, lever);
  // `good` is the end of the range where the case is best, `bad` the other.
  let good = upward ? max : min;
  let bad = upward ? min : max;
  const inside = (end: number): number => end + ((end === min ? 1 : -1) * (max - min)) / 1000;
  let best = at(good);
  yield evaluations;
  if (Number.isNaN(best)) {
    good = inside(good);
    best = at(good);
    yield evaluations;
  }
  let worst = at(bad);
  yield evaluations;
  if (Number.isNaN(worst)) {
    bad = inside(bad);
    worst = at(bad);
    yield evaluations;
  }
  if (!met(best) && met(worst)) {
    [good, bad, best, worst, upward] = [bad, good, worst, best, !upward];
  }
  const unmoved = best === worst;
  if (!met(best)) return { value: null, upward, statistic: best, evaluations, metEverywhere: false, unmoved };
  if (met(worst)) return { value: bad, upward, statistic: worst, evaluations, metEverywhere: true, unmoved };
  let value = best;
  while (Math.abs(good - bad) > tolerance) {
    const mid = (good + bad) / 2;
    const v = at(mid);
    yield evaluations;
    if (met(v)) {
      good = mid;
      value = v;
    } else bad = mid;
  }
  return { value: good, upward, statistic: value, evaluations, metEverywhere: false, unmoved: false };
}

/** `seekStatisticSteps` run to its answer in one go. */
export function seekStatistic(
  c: LineItemCase,
  options: CaseSimulationOptions,
  goal: StatisticGoal,
  lever: SeekLever = { kind: "realisation" },
  tolerance = 1e-4,
): StatisticSeek {
  const steps = seekStatisticSteps(c, options, goal, lever, tolerance);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
