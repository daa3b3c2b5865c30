/**
 * Sampling designs kept between simulations, and the line samples read through them. A design is
 * everything a simulation draws before it reads a line item's values: per line item and trial,
 * the uniform u whose quantile F⁻¹(u) is the item's sample in that trial (`simulationUniforms`,
 * after any correlation's reordering). It depends on the number of line items, the trials, the
 * seed, the sampling and the correlation matrix, and not on any line's low, base, high or
 * distribution.
 *
 * A workbook recalculates the same simulation again and again: after a line's value changes, and
 * once per statistic when several functions (the spilled summary, a percentile, a target
 * probability) simulate the same lines with the same arguments. Reading a kept design instead of
 * drawing gives the same draws and the same figures bit for bit, in about a third of the time
 * of a 10,000-trial run (the draws, shuffles and rank reordering are most of a run).
 *
 * Each line's samples over all trials (its column: `lineSamples` of its uniforms through its
 * quantile table) are kept too. A column depends on the design and on that line's position, low,
 * base, high and distribution only, so after one line's edit the recalculation reads that one
 * line's table once and reuses every other column: what is left per call is adding the columns
 * up, the ROI per trial and the statistics.
 *
 * A design is kept the second time it is asked for, so a seed or a trial count tried once costs
 * no memory; a column is kept as soon as its design is. Designs and columns share one budget of
 * samples (8 bytes each), the least recently used first out, whichever kind it is.
 */
import type { Matrix } from "./correlation";
import { cachedQuantileTable } from "./distributions";
import {
  DEFAULT_SIMULATION,
  type LineItemModel,
  lineSamples,
  type SimulationOptions,
  simulationUniforms,
} from "./simulate";

/** Samples the kept designs and columns may hold together: 16 MB (10,000 trials of 200 line items). */
export const DESIGN_CACHE_SAMPLES = 2_000_000;
/** Requests remembered (by key only) to tell a design's second request from its first. */
const REMEMBERED_REQUESTS = 256;

/** What a design depends on, as text (no "#": a column's key extends it after one). */
function designKey(itemCount: number, options: SimulationOptions): string {
  const matrix: Matrix | null | undefined = options.correlation;
  const sampling = options.sampling ?? DEFAULT_SIMULATION.sampling;
  return `${itemCount}|${options.trials}|${options.seed}|${sampling}|${matrix ? matrix.map((row) => row.join(",")).join(";") : ""}`;
}

/** A kept design (one array per line item) or column (one array), and the samples it holds. */
interface Kept {
  readonly arrays: readonly Float64Array[];
  readonly samples: number;
}

export class DesignCache {
  /** Designs and columns, least recently used first (a Map iterates in insertion order). */
  private readonly kept = new Map<string, Kept>();
  private readonly requested = new Set<string>();
  private samples = 0;

  /** `budget`: the samples all kept designs and columns may hold together. */
  constructor(private readonly budget: number = DESIGN_CACHE_SAMPLES) {}

  /**
   * The design of a simulation of `itemCount` line items with `options`, when it is kept or is
   * asked for the second time and fits the budget; null otherwise (the simulation then draws).
   * Callers must not modify it.
   */
  designFor(itemCount: number, options: SimulationOptions): readonly Float64Array[] | null {
    return this.designOf(designKey(itemCount, options), itemCount, options);
  }

  /**
   * Each line item's samples over every trial (benefits, then costs; `lineSamples` of its
   * uniforms in the design through its quantile table), for `RoiSimulation`'s `samples`: kept
   * columns where the line is unchanged, the others computed and kept. Null when the design is
   * not kept (see `designFor`). Callers must not modify them.
   */
  lineSamplesFor(model: LineItemModel, options: SimulationOptions): readonly Float64Array[] | null {
    const items = [...model.benefits, ...model.costs];
    const key = designKey(items.length, options);
    const design = this.designOf(key, items.length, options);
    if (!design) return null;
    return items.map((item, j) => {
      // Everything the column depends on beyond the design: the line's position and its table's.
      const distribution = item.distribution ?? options.distribution;
      const columnKey = `${key}#${j}|${distribution}|${item.low}|${item.base}|${item.high}`;
      const hit = this.use(columnKey);
      if (hit) return hit[0];
      const column = lineSamples(design[j], cachedQuantileTable(item, distribution));
      this.keep(columnKey, [column], column.length);
      return column;
    });
  }

  /** Samples held by the kept designs and columns. */
  get heldSamples(): number {
    return this.samples;
  }

  /** Kept designs and columns. */
  get heldEntries(): number {
    return this.kept.size;
  }

  private designOf(
    key: string,
    itemCount: number,
    options: SimulationOptions,
  ): readonly Float64Array[] | null {
    const hit = this.use(key);
    if (hit) return hit;
    const size = itemCount * options.trials;
    if (size > this.budget || size === 0) return null;
    if (!this.requested.has(key)) {
      if (this.requested.size >= REMEMBERED_REQUESTS) this.requested.clear();
      this.requested.add(key);
      return null;
    }
    const design = simulationUniforms(itemCount, options);
    this.keep(key, design, size);
    return design;
  }

  /** A kept entry, made the most recently used; undefined when not kept. */
  private use(key: string): readonly Float64Array[] | undefined {
    const hit = this.kept.get(key);
    if (!hit) return undefined;
    this.kept.delete(key);
    this.kept.set(key, hit);
    return hit.arrays;
  }

  /** Keeps an entry of `samples` (at most the budget), dropping the oldest until it fits. */
  private keep(key: string, arrays: readonly Float64Array[], samples: number): void {
    if (samples > this.budget) return;
    while (this.samples + samples > this.budget && this.kept.size > 0) this.evictOldest();
    this.kept.set(key, { arrays, samples });
    this.samples += samples;
  }

  private evictOldest(): void {
    const oldest = this.kept.entries().next().value;
    if (!oldest) return;
    const [key, entry] = oldest;
    this.kept.delete(key);
    this.samples -= entry.samples;
  }
}
