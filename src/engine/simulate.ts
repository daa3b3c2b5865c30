/**
 * Simulation of ROI over line items given as three-point estimates (low, base, high), each with
 * its own shape (PERT, triangular, uniform) or the simulation's default. ROI = (ΣB − ΣC) / ΣC
 * per trial.
 *
 * Trials run in blocks (replicates): each block is its own Latin Hypercube design (the default)
 * or plain Monte Carlo draws, optionally rank-correlated by Iman-Conover (sampling.ts). Blocks
 * draw from one sfc32 stream in order, so results depend only on the inputs and the seed, never
 * on how a caller chunks the run. The spread of the block means gives the Latin Hypercube mean
 * an honest standard error (Iman & Conover's replicated LHS); plain Monte Carlo uses s/√n.
 * Plain Monte Carlo without correlation draws exactly as earlier versions did: trial by trial,
 * benefits then costs.
 */
import {
  MAX_CORRELATED_ITEMS,
  choleskyPsd,
  isIdentity,
  type Matrix,
  type SimulatedCorrelation,
  simulatedCorrelation,
} from "./correlation";
import { cachedQuantileTable, type LineDistribution, type LineItem } from "./distributions";
import { invalid, type Problem } from "./problem";
import { Sfc32 } from "./random";
import { BlockSampler, type Sampling } from "./sampling";
import { mean, percentilesWithIntervals, studentT975, variance, wilsonInterval, Z95 } from "./statistics";

export type { Sampling } from "./sampling";
export { SAMPLINGS } from "./sampling";

export interface LineItemModel {
  readonly benefits: readonly LineItem[];
  readonly costs: readonly LineItem[];
}

export interface SimulationOptions {
  readonly trials: number;
  readonly seed: number;
  /** The shape of every line item that does not choose its own. */
  readonly distribution: LineDistribution;
  /** Latin Hypercube (the default) or plain Monte Carlo. */
  readonly sampling?: Sampling;
  /**
   * Target Spearman rank correlation between line items (benefits, then costs), square,
   * symmetric, unit diagonal (see `correlationProblem`); omitted or null: independent items.
   * An inconsistent matrix is replaced by the nearest consistent one (`RoiSimulation.correlation`).
   */
  readonly correlation?: Matrix | null;
}

export const DEFAULT_SIMULATION = {
  trials: 10000,
  seed: 1,
  distribution: "PERT",
  sampling: "LHS",
} as const satisfies SimulationOptions;
export const MAX_TRIALS = 1_000_000;
/**
 * Work limit of one simulation, line items × trials: about half a second of sampling, and
 * bounded memory (a million trials of ten items), whatever a range or a typo asks for.
 */
export const MAX_SAMPLES = 10_000_000;
/** Line items one simulation accepts (each keeps a quantile table of 32 kB). */
export const MAX_LINE_ITEMS = 1_000;

/** The percentiles GENAI.SIMULATE_ROI reports, in order. */
export const REPORTED_PERCENTILES = [0.05, 0.1, 0.5, 0.9, 0.95] as const;

/** Blocks of Latin Hypercube trials: at least this many, so their spread estimates the error. */
export const REPLICATES = 10;
/** The largest block, so buffers stay small and a long run reports progress between blocks. */
export const MAX_BLOCK_TRIALS = 65_536;
/**
 * The fewest trials in a block of a rank-correlated Latin Hypercube run. Iman-Conover pairs the
 * draws within a block, and pooled over the run the rank correlation falls short of the target
 * when blocks are small: for three lines at 0.8, −0.6 and −0.4, ten blocks of 10 trials gave
 * 0.78, −0.57, −0.37 on average over 40 seeds, blocks of 5 gave 0.74, −0.53, −0.35, one block of
 * the same trials the targets within 0.01.
 */
export const MIN_CORRELATED_BLOCK = 100;

/** A statistic's 95% interval. */
export interface Interval {
  readonly low: number;
  readonly high: number;
}

export interface SimulationSummary {
  readonly trials: number;
  readonly mean: number;
  readonly p5: number;
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
  readonly p95: number;
  /** Share of trials with ROI < 0. */
  readonly probabilityOfLoss: number;
  /**
   * Monte Carlo standard error of the mean: s/√n for plain Monte Carlo; for Latin Hypercube,
   * from the spread of the replicate blocks' means. NaN when it cannot be estimated (n < 2).
   */
  readonly standardError: number;
  /** 95% interval of the mean: ± z·SE (Monte Carlo), ± t(blocks − 1)·SE (Latin Hypercube). */
  readonly meanInterval: Interval;
  /**
   * Distribution-free 95% intervals of P5, P10, P50, P90, P95 (order statistics; see
   * `quantileIntervalRanks`), in the order of REPORTED_PERCENTILES; a side the trials cannot
   * bound at 95% is NaN (P5's low from fewer than 72 trials).
   */
  readonly percentileIntervals: readonly Interval[];
  /** Wilson's 95% interval for P(ROI<0). */
  readonly lossInterval: Interval;
}

/**
 * The correlation a run of `items` line items simulates (null: independent). A matrix of another
 * size is a caller's bug (`correlationProblem` checks what a user gives): a RangeError that says
 * so, rather than a TypeError from deep in the sampler.
 */
function correlationOf(matrix: Matrix | null | undefined, items: number): SimulatedCorrelation | null {
  if (!matrix) return null;
  if (matrix.length !== items || matrix.some((row) => row.length !== items))
    throw new RangeError(
      `the correlation matrix must be ${items} × ${items}, one row and column per line item; got ${matrix.length} × ${matrix[0]?.length ?? 0}`,
    );
  return simulatedCorrelation(matrix);
}

/** The Cholesky factor of the normal scores' target correlation; null for independent items. */
function scoreFactorOf(check: SimulatedCorrelation | null): number[][] | null {
  return check && !isIdentity(check.matrix) ? choleskyPsd(check.scores) : null;
}

/**
 * The block sizes of a run: as equal as they come, in trial order. `correlated`: the sampling of
 * a rank-correlated run (null: independent lines). Independent, at least REPLICATES blocks (Latin
 * Hypercube's replicates; plain Monte Carlo draws in the same blocks as it always has). A
 * correlated Latin Hypercube run keeps its replicates while each block holds MIN_CORRELATED_BLOCK
 * trials, and is one block below that (its standard error then s/√n, an upper bound); a
 * correlated Monte Carlo run, whose standard error needs no replicates, draws the fewest blocks
 * the largest allows, so Iman-Conover pairs as many draws at once as it can.
 */
export function blockSizes(trials: number, correlated: Sampling | null = null): number[] {
  const fewest = Math.ceil(trials / MAX_BLOCK_TRIALS);
  const replicates =
    correlated === "MC" || (correlated === "LHS" && trials < REPLICATES * MIN_CORRELATED_BLOCK)
      ? 1
      : REPLICATES;
  const count = Math.min(trials, Math.max(replicates, fewest));
  const base = Math.floor(trials / count);
  const extra = trials % count;
  return Array.from({ length: count }, (_, b) => base + (b < extra ? 1 : 0));
}

/**
 * A simulation that can run in chunks (the task pane shows progress between chunks) and gives
 * the same numbers as one uninterrupted run.
 */
export class RoiSimulation {
  readonly trials: number;
  readonly sampling: Sampling;
  /** The rank correlation in use (null: independent items), and whether it was adjusted. */
  readonly correlation: SimulatedCorrelation | null;
  /** Each line item's quantile table in its own units, benefits then costs. */
  private readonly tables: Float64Array[];
  private readonly benefitCount: number;
  private readonly sampler: BlockSampler;
  private readonly blocks: number[];
  /**
   * The mean ROI of each block drawn so far (the first `blocksDone`). A typed array: a fresh
   * `[]` of small integers that turns into doubles on its first push sent V8's optimised
   * nextBlock back to the interpreter once per block.
   */
  private readonly blockMeans: Float64Array;
  private blocksDone = 0;
  private readonly roi: Float64Array;
  /** Plain Monte Carlo's uniforms for one block, item-major (empty for the other samplings). */
  private readonly uniforms: Float64Array;
  /** The run's uniforms drawn beforehand (`simulationUniforms`), read instead of the sampler. */
  private readonly design: readonly Float64Array[] | null;
  /** Per trial, ΣB and ΣC of kept line samples (`TrialSums`), read instead of draws and tables. */
  private readonly sums: TrialSums | null;
  /**
   * What the ROI pass gathers over the trials computed so far, in trial order, so the summary of
   * a whole run needs no pass of its own for them: the Neumaier sum and its compensation (as
   * `mean` adds), the smallest and largest ROI, and the count below 0.
   */
  private readonly pass = new Float64Array(PASS_FIELDS);
  /** Per trial of the current block: the sum of the benefit lines, and of the cost lines. */
  private readonly benefitSums: Float64Array;
  private readonly costSums: Float64Array;
  /** Line item j's sum (benefitSums or costSums), benefits then costs. */
  private readonly lineSums: Float64Array[];
  /** Trials whose ROI is computed (whole blocks), and trials reported done (≤ computed). */
  private computed = 0;
  private completed = 0;

  /**
   * `design`, when given, is `simulationUniforms(items, options)` for these options (a kept
   * design, see design-cache.ts): the run reads it instead of drawing, with the same draws, sums
   * and results. `sums`, when given, are the per-trial sums of each line's `lineSamples` under
   * that design (`trialSums` of kept columns, see design-cache.ts): the run reads them instead of
   * drawing and reading tables, again with the same sums and results. Throws when the shape of
   * either does not fit the run.
   */
  constructor(
    model: LineItemModel,
    options: SimulationOptions,
    design: readonly Float64Array[] | null = null,
    sums: TrialSums | null = null,
  ) {
    this.trials = options.trials;
    this.sampling = options.sampling ?? DEFAULT_SIMULATION.sampling;
    this.benefitCount = model.benefits.length;
    const items = [...model.benefits, ...model.costs];
    if (design && (design.length !== items.length || design.some((u) => u.length !== options.trials)))
      throw new Error("the sampling design does not fit the simulation's line items and trials");
    if (sums && (sums.benefits.length !== options.trials || sums.costs.length !== options.trials))
      throw new Error("the trial sums do not fit the simulation's trials");
    this.design = design;
    this.sums = sums;
    resetPass(this.pass);
    // Kept sums need no table: a line's table is read only to make its samples.
    this.tables = sums
      ? []
      : items.map((item) => cachedQuantileTable(item, item.distribution ?? options.distribution));
    this.correlation = correlationOf(options.correlation, items.length);
    const scoreFactor = scoreFactorOf(this.correlation);
    this.sampler = new BlockSampler(new Sfc32(options.seed), items.length, this.sampling, scoreFactor);
    this.blocks = blockSizes(options.trials, scoreFactor ? this.sampling : null);
    this.blockMeans = new Float64Array(this.blocks.length);
    this.roi = new Float64Array(options.trials);
    // The first block is the largest (blockSizes puts the extra trials first).
    const largest = this.blocks.length > 0 ? this.blocks[0] : 0;
    this.benefitSums = new Float64Array(largest);
    this.costSums = new Float64Array(largest);
    this.lineSums = items.map((_, j) => (j < this.benefitCount ? this.benefitSums : this.costSums));
    const monteCarlo = this.sampling === "MC" && !this.sampler.correlated && !design && !sums;
    this.uniforms = new Float64Array(monteCarlo ? largest * items.length : 0);
  }

  get completedTrials(): number {
    return this.completed;
  }

  get done(): boolean {
    return this.completed >= this.trials;
  }

  /** Runs up to `count` more trials; returns how many have run in all. */
  run(count: number = this.trials): number {
    const end = Math.min(this.trials, this.completed + Math.max(0, Math.floor(count)));
    while (this.computed < end) this.nextBlock();
    this.completed = end;
    return end;
  }

  /**
   * Draws the next block and computes its trials' ROI. Every loop over the block's trials lives
   * in a function of its own (below): with them inline, V8 compiled this method on stack
   * replacement inside the first loop, before the code after it had run, and left optimised code
   * at that point in every block, so the rest of each block ran in the interpreter.
   */
  private nextBlock(): void {
    const m = this.blocks[this.blocksDone];
    const kept = this.sums;
    if (kept) {
      // Summed beforehand: the block's trials start at its first trial there too.
      this.blockMeans[this.blocksDone++] =
        roiOfBlock(kept.benefits, kept.costs, this.computed, this.roi, this.computed, m, this.pass) / m;
      this.computed += m;
      return;
    }
    const { benefitSums, costSums, tables, lineSums } = this;
    benefitSums.fill(0, 0, m);
    costSums.fill(0, 0, m);
    const sampler = this.sampler;
    const design = this.design;
    if (design) {
      // Drawn beforehand: item j's uniforms for this block start at the block's first trial.
      for (let j = 0; j < tables.length; j++) addDraws(design[j], this.computed, tables[j], lineSums[j], m);
    } else if (sampler.fusable) {
      // Independent Latin Hypercube: each draw goes straight into its line's sum.
      for (let j = 0; j < tables.length; j++) sampler.latinHypercubeInto(tables[j], lineSums[j], m);
    } else if (sampler.correlated) {
      // Rank-correlated: each item's draws go into its line's sum as they are dealt out.
      sampler.correlatedInto(tables, lineSums, m);
    } else {
      // Plain Monte Carlo: the uniforms come trial by trial, so they are written first.
      const u = this.uniforms;
      sampler.fill(u, m);
      for (let j = 0; j < tables.length; j++) addDraws(u, j * m, tables[j], lineSums[j], m);
    }
    this.blockMeans[this.blocksDone++] =
      roiOfBlock(benefitSums, costSums, 0, this.roi, this.computed, m, this.pass) / m;
    this.computed += m;
  }

  /** The ROI of every completed trial, in trial order (a copy). */
  results(): Float64Array {
    return this.roi.slice(0, this.completed);
  }

  /**
   * Summary of the completed trials. The Latin Hypercube standard error needs whole blocks: it
   * is taken from the replicates when the run stopped at a block boundary, else from s/√n (an
   * upper bound for stratified draws).
   */
  summary(): SimulationSummary {
    let replicates: { means: number[]; sizes: number[] } | undefined;
    if (this.sampling === "LHS") {
      let covered = 0;
      let b = 0;
      while (b < this.blocksDone && covered + this.blocks[b] <= this.completed) covered += this.blocks[b++];
      if (covered === this.completed && b >= 2)
        replicates = { means: Array.from(this.blockMeans.subarray(0, b)), sizes: this.blocks.slice(0, b) };
    }
    // The ROI pass covers the computed trials: it stands for the summary's own passes when every
    // computed trial is reported (a run stopped inside a block reports fewer).
    const pass = this.pass;
    const gathered =
      this.completed === this.computed && this.completed > 0
        ? {
            mean: (pass[PASS_SUM] + pass[PASS_COMPENSATION]) / this.completed,
            min: pass[PASS_MIN],
            max: pass[PASS_MAX],
            losses: pass[PASS_LOSSES],
          }
        : undefined;
    return summarise(this.roi.subarray(0, this.completed), replicates, gathered);
  }
}

/** Line item draws u[offset + i] read through its quantile table and added to sums[i]. */
function addDraws(u: Float64Array, offset: number, table: Float64Array, sums: Float64Array, m: number): void {
  const size = table.length - 1;
  for (let i = 0; i < m; i++) {
    const x = u[offset + i] * size;
    const at = x | 0;
    sums[i] += table[at] + (x - at) * (table[at + 1] - table[at]);
  }
}

/** Per trial, over every trial of a run: the sum of the benefit lines, and of the cost lines. */
export interface TrialSums {
  readonly benefits: Float64Array;
  readonly costs: Float64Array;
}

/**
 * The per-trial sum of line samples (`lineSamples` columns, in line order): from 0, each line
 * added in turn, exactly as a run adds its draws to a block's sums, so the same doubles. Up to
 * four lines are added in one pass over the trials, in the same order (half the time of a pass
 * per line: the sums are read and written once per four lines).
 */
export function trialSums(columns: readonly Float64Array[], trials: number): Float64Array {
  const sums = new Float64Array(trials);
  let j = 0;
  for (; j + 4 <= columns.length; j += 4)
    addFour(columns[j], columns[j + 1], columns[j + 2], columns[j + 3], sums);
  for (; j + 2 <= columns.length; j += 2) addTwo(columns[j], columns[j + 1], sums);
  if (j < columns.length) addSamples(columns[j], sums);
  return sums;
}

/** Line samples x[i] added to sums[i]. */
function addSamples(x: Float64Array, sums: Float64Array): void {
  for (let i = 0; i < sums.length; i++) sums[i] += x[i];
}

/** a[i], then b[i] added to sums[i]. */
function addTwo(a: Float64Array, b: Float64Array, sums: Float64Array): void {
  for (let i = 0; i < sums.length; i++) sums[i] = sums[i] + a[i] + b[i];
}

/** a[i], b[i], c[i], then d[i] added to sums[i]. */
function addFour(
  a: Float64Array,
  b: Float64Array,
  c: Float64Array,
  d: Float64Array,
  sums: Float64Array,
): void {
  for (let i = 0; i < sums.length; i++) sums[i] = sums[i] + a[i] + b[i] + c[i] + d[i];
}

/**
 * One line item's samples in every trial of a design: its uniforms `u` (one line of
 * `simulationUniforms`) read through its quantile table, by the same interpolation as
 * `addDraws`, so adding them up gives the same sums bit for bit.
 */
export function lineSamples(u: Float64Array, table: Float64Array): Float64Array {
  const out = new Float64Array(u.length);
  const size = table.length - 1;
  for (let i = 0; i < u.length; i++) {
    const x = u[i] * size;
    const at = x | 0;
    out[i] = table[at] + (x - at) * (table[at + 1] - table[at]);
  }
  return out;
}

/** The fields of a run's ROI pass (`RoiSimulation.pass`). */
const PASS_SUM = 0;
const PASS_COMPENSATION = 1;
const PASS_MIN = 2;
const PASS_MAX = 3;
const PASS_LOSSES = 4;
const PASS_FIELDS = 5;

function resetPass(pass: Float64Array): void {
  pass[PASS_SUM] = 0;
  pass[PASS_COMPENSATION] = 0;
  pass[PASS_MIN] = Infinity;
  pass[PASS_MAX] = -Infinity;
  pass[PASS_LOSSES] = 0;
}

/**
 * ROI = (ΣB − ΣC) / ΣC of a block's m trials (sums read from `from`), written to
 * roi[start..start + m); returns their sum (in trial order). Carries on the run's pass: the
 * Neumaier sum as `mean` adds, the smallest and largest value as `orderStatistics` finds them, the
 * count below 0, in the same order and with the same comparisons, so the same figures.
 */
function roiOfBlock(
  benefitSums: Float64Array,
  costSums: Float64Array,
  from: number,
  roi: Float64Array,
  start: number,
  m: number,
  pass: Float64Array,
): number {
  let sum = 0;
  let total = pass[PASS_SUM];
  let compensation = pass[PASS_COMPENSATION];
  let min = pass[PASS_MIN];
  let max = pass[PASS_MAX];
  let losses = pass[PASS_LOSSES];
  for (let i = 0; i < m; i++) {
    const c = costSums[from + i];
    const r = (benefitSums[from + i] - c) / c;
    roi[start + i] = r;
    sum += r;
    const t = total + r;
    compensation += Math.abs(total) >= Math.abs(r) ? total - t + r : r - t + total;
    total = t;
    if (r < min) min = r;
    if (r > max) max = r;
    if (r < 0) losses++;
  }
  pass[PASS_SUM] = total;
  pass[PASS_COMPENSATION] = compensation;
  pass[PASS_MIN] = min;
  pass[PASS_MAX] = max;
  pass[PASS_LOSSES] = losses;
  return sum;
}

/**
 * The uniforms a simulation draws, per line item (benefits, then costs) in trial order, after any
 * correlation's reordering: item j's sample in trial t is F_j⁻¹(u[j][t]). RoiSimulation draws
 * exactly these (same sampler, same blocks), so they reproduce its trials outside the engine.
 */
export function simulationUniforms(itemCount: number, options: SimulationOptions): Float64Array[] {
  const sampling = options.sampling ?? DEFAULT_SIMULATION.sampling;
  const scoreFactor = scoreFactorOf(correlationOf(options.correlation, itemCount));
  const sampler = new BlockSampler(new Sfc32(options.seed), itemCount, sampling, scoreFactor);
  const out = Array.from({ length: itemCount }, () => new Float64Array(options.trials));
  let start = 0;
  let block = new Float64Array(0);
  for (const m of blockSizes(options.trials, scoreFactor ? sampling : null)) {
    if (block.length < m * itemCount) block = new Float64Array(m * itemCount);
    sampler.fill(block, m);
    for (let j = 0; j < itemCount; j++) out[j].set(block.subarray(j * m, (j + 1) * m), start);
    start += m;
  }
  return out;
}

/**
 * Standard error of an overall mean from replicate means m_b of sizes n_b: each has variance
 * about v/n_b, so v ≈ Σ n_b·(m_b − m̄)² / (B − 1) and SE = √(v/n).
 */
function replicateStandardError(means: readonly number[], sizes: readonly number[], overall: number): number {
  const n = sizes.reduce((a, b) => a + b, 0);
  let v = 0;
  for (let b = 0; b < means.length; b++) v += sizes[b] * (means[b] - overall) ** 2;
  return Math.sqrt(v / (means.length - 1) / n);
}

/** The number of values below x (a loop of its own, see `orderStatistics`). */
function countBelow(sample: Float64Array, x: number): number {
  let count = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] < x) count++;
  return count;
}

/**
 * What a pass over a non-empty sample in its order found, which `summarise` would otherwise find
 * with passes of its own: `mean(sample)`, its smallest and largest value (by `<` and `>` from
 * ±Infinity), and the count of values below 0.
 */
export interface GatheredStatistics {
  readonly mean: number;
  readonly min: number;
  readonly max: number;
  readonly losses: number;
}

/**
 * Summary of a sample of ROI values (any order): mean, the reported percentiles, P(ROI<0) and how
 * precise each is. `replicates` (the means and sizes of independent Latin Hypercube blocks)
 * gives the mean's standard error; without it the sample counts as independent draws.
 * Percentiles come from bucket selection, not a full sort: O(n) instead of O(n log n).
 * `gathered`, when given, must be what its fields say of this sample: the summary then skips
 * those passes, with the same figures.
 */
export function summarise(
  sample: Float64Array,
  replicates?: { readonly means: readonly number[]; readonly sizes: readonly number[] },
  gathered?: GatheredStatistics,
): SimulationSummary {
  const n = sample.length;
  const losses = gathered ? gathered.losses : countBelow(sample, 0);
  const average = gathered ? gathered.mean : mean(sample);
  const range = gathered ? { min: gathered.min, max: gathered.max } : undefined;
  const { values, intervals } = percentilesWithIntervals(sample, REPORTED_PERCENTILES, range);
  const [p5, p10, p50, p90, p95] = values;
  let standardError: number;
  let factor: number;
  if (replicates && replicates.means.length >= 2) {
    standardError = replicateStandardError(replicates.means, replicates.sizes, average);
    factor = studentT975(replicates.means.length - 1);
  } else {
    standardError = Math.sqrt(variance(sample, average) / n);
    factor = Z95;
  }
  const loss = wilsonInterval(losses, n);
  return {
    trials: n,
    mean: average,
    p5,
    p10,
    p50,
    p90,
    p95,
    probabilityOfLoss: n > 0 ? losses / n : 0,
    standardError,
    meanInterval: { low: average - factor * standardError, high: average + factor * standardError },
    percentileIntervals: intervals,
    lossInterval: { low: loss[0], high: loss[1] },
  };
}

/** One uninterrupted simulation. Preconditions: see `lineItemProblem` and `correlationProblem`. */
export function simulateRoi(
  model: LineItemModel,
  options: SimulationOptions = DEFAULT_SIMULATION,
): SimulationSummary {
  const simulation = new RoiSimulation(model, options);
  simulation.run();
  return simulation.summary();
}

/** How far a correlation matrix's mirrored pair may differ and still count as symmetric. */
export const SYMMETRY_TOLERANCE = 1e-12;

/**
 * Checks a rank-correlation matrix for `count` line items: square of that size, every value a
 * number in [−1, 1], 1 on the diagonal, symmetric. (Consistency is not required: an
 * inconsistent matrix is adjusted, and the simulation says so.)
 */
export function correlationProblem(matrix: Matrix, count: number, argument = "correlation"): Problem | null {
  if (count > MAX_CORRELATED_ITEMS)
    return invalid("tooManyItems", { argument, max: MAX_CORRELATED_ITEMS, got: count });
  if (matrix.length !== count || matrix.some((row) => row.length !== count)) {
    return invalid("matrixSize", {
      argument,
      expected: count,
      got: `${matrix.length} × ${matrix[0]?.length ?? 0}`,
    });
  }
  for (let i = 0; i < count; i++) {
    for (let j = 0; j < count; j++) {
      const x = matrix[i][j];
      const at = { argument, row: i + 1, column: j + 1 };
      if (!Number.isFinite(x)) return invalid("notNumber", { ...at, got: String(x) });
      if (x < -1 || x > 1) return invalid("outOfRange", { ...at, min: -1, max: 1, got: x });
      if (i === j && x !== 1) return invalid("diagonalNotOne", { ...at, got: x });
      if (j < i && Math.abs(x - matrix[j][i]) > SYMMETRY_TOLERANCE)
        return invalid("notSymmetric", { ...at, got: x, mirror: matrix[j][i] });
    }
  }
  return null;
}

/** Checks the size of a run: line items and line items × trials within the work limits. */
export function workProblem(items: number, trials: number, argument = "trials"): Problem | null {
  if (items > MAX_LINE_ITEMS)
    return invalid("tooManyItems", { argument: "benefits, costs", max: MAX_LINE_ITEMS, got: items });
  if (items * trials > MAX_SAMPLES)
    return invalid("workLimit", {
      argument,
      max: MAX_SAMPLES.toLocaleString("en-US"),
      items,
      trials: trials.toLocaleString("en-US"),
      got: (items * trials).toLocaleString("en-US"),
    });
  return null;
}

/**
 * Checks three-point line items: every value finite, low ≤ base ≤ high, costs never negative and
 * the lowest total cost above zero (so every trial's ROI is defined).
 */
export function lineItemProblem(
  model: LineItemModel,
  names = { benefits: "benefits", costs: "costs" },
): Problem | null {
  const check = (items: readonly LineItem[], argument: string): Problem | null => {
    for (let r = 0; r < items.length; r++) {
      const { low, base, high } = items[r];
      if (!Number.isFinite(low) || !Number.isFinite(base) || !Number.isFinite(high)) {
        return invalid("notNumber", { argument, row: r + 1, got: `${low}, ${base}, ${high}` });
      }
      if (!(low <= base && base <= high)) {
        return invalid("lineItemOrder", { argument, row: r + 1, low, base, high });
      }
    }
    return null;
  };
  const problem = check(model.benefits, names.benefits) ?? check(model.costs, names.costs);
  if (problem) return problem;
  for (let r = 0; r < model.costs.length; r++) {
    const low = model.costs[r].low;
    if (low < 0) return invalid("atLeast", { argument: names.costs, row: r + 1, min: 0, got: low });
  }
  const lowestCost = model.costs.reduce((s, i) => s + i.low, 0);
  if (!(lowestCost > 0)) return invalid("lowCostsNotPositive", { argument: names.costs, got: lowestCost });
  return null;
}
