/**
 * Monte Carlo of ROI over line items given as three-point estimates (low, base, high).
 * Each trial draws every line item once (benefits first, then costs, in order) from one sfc32
 * stream, so results depend only on the inputs and the seed, never on how the trials are
 * chunked; ROI = (ΣB − ΣC) / ΣC per trial.
 */
import { Sfc32 } from "./random";
import { type Distribution, type ThreePoint, quantileTable, QUANTILE_TABLE_SIZE } from "./distributions";
import { invalid, type Problem } from "./problem";
import { mean, percentilesOf } from "./statistics";

export interface LineItemModel {
  readonly benefits: readonly ThreePoint[];
  readonly costs: readonly ThreePoint[];
}

export interface SimulationOptions {
  readonly trials: number;
  readonly seed: number;
  readonly distribution: Distribution;
}

export const DEFAULT_SIMULATION: SimulationOptions = { trials: 10000, seed: 1, distribution: "PERT" };
export const MAX_TRIALS = 1_000_000;

/** The percentiles GENAI.SIMULATE_ROI reports, in order. */
export const REPORTED_PERCENTILES = [0.05, 0.1, 0.5, 0.9, 0.95] as const;

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
}

/**
 * A simulation that can run in chunks (the task pane shows progress between chunks) and gives
 * the same numbers as one uninterrupted run.
 */
export class RoiSimulation {
  readonly trials: number;
  private readonly rng: Sfc32;
  /** All line items' quantile tables, back to back: item j occupies [j·stride, (j+1)·stride). */
  private readonly tables: Float64Array;
  private readonly stride: number;
  private readonly benefitCount: number;
  private readonly itemCount: number;
  private readonly roi: Float64Array;
  private completed = 0;

  constructor(model: LineItemModel, options: SimulationOptions) {
    this.trials = options.trials;
    this.rng = new Sfc32(options.seed);
    this.benefitCount = model.benefits.length;
    const items = [...model.benefits, ...model.costs];
    this.itemCount = items.length;
    this.stride = QUANTILE_TABLE_SIZE + 1;
    this.tables = new Float64Array(this.itemCount * this.stride);
    const shapes = new Map<string, Float64Array>();
    items.forEach((item, j) =>
      this.tables.set(quantileTable(item, options.distribution, shapes), j * this.stride),
    );
    this.roi = new Float64Array(options.trials);
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
    const { tables, stride, benefitCount, itemCount, roi, rng } = this;
    const size = QUANTILE_TABLE_SIZE;
    for (let t = this.completed; t < end; t++) {
      let benefits = 0;
      let costs = 0;
      for (let j = 0; j < benefitCount; j++) {
        const x = rng.next() * size;
        const i = x | 0;
        const at = j * stride + i;
        benefits += tables[at] + (x - i) * (tables[at + 1] - tables[at]);
      }
      for (let j = benefitCount; j < itemCount; j++) {
        const x = rng.next() * size;
        const i = x | 0;
        const at = j * stride + i;
        costs += tables[at] + (x - i) * (tables[at + 1] - tables[at]);
      }
      roi[t] = (benefits - costs) / costs;
    }
    this.completed = end;
    return end;
  }

  /** The ROI of every completed trial, in trial order (a copy). */
  results(): Float64Array {
    return this.roi.slice(0, this.completed);
  }

  /** Summary of the completed trials. */
  summary(): SimulationSummary {
    return summarise(this.results());
  }
}

/**
 * Summary of a sample of ROI values (any order): mean, the reported percentiles and P(ROI<0).
 * Percentiles come from selection, not a full sort: O(n) instead of O(n log n).
 */
export function summarise(sample: Float64Array): SimulationSummary {
  const n = sample.length;
  let losses = 0;
  for (let i = 0; i < n; i++) if (sample[i] < 0) losses++;
  const average = mean(sample);
  const [p5, p10, p50, p90, p95] = percentilesOf(sample.slice(), REPORTED_PERCENTILES);
  return { trials: n, mean: average, p5, p10, p50, p90, p95, probabilityOfLoss: n > 0 ? losses / n : 0 };
}

/** One uninterrupted simulation. Preconditions: see `lineItemProblem`. */
export function simulateRoi(
  model: LineItemModel,
  options: SimulationOptions = DEFAULT_SIMULATION,
): SimulationSummary {
  const simulation = new RoiSimulation(model, options);
  simulation.run();
  return simulation.summary();
}

/**
 * Checks three-point line items: every value finite, low ≤ base ≤ high, costs never negative and
 * the lowest total cost above zero (so every trial's ROI is defined).
 */
export function lineItemProblem(
  model: LineItemModel,
  names = { benefits: "benefits", costs: "costs" },
): Problem | null {
  const check = (items: readonly ThreePoint[], argument: string): Problem | null => {
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
  if (!(lowestCost > 0)) return invalid("sumNotPositive", { argument: names.costs, got: lowestCost });
  return null;
}
