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
 * quantile table) are kept too, and per side (benefits, costs) their sum per trial. A column
 * depends on the design and on that line's position, low, base, high and distribution only, a
 * side's sums on its columns, so after one line's edit the recalculation reads that one line's
 * table once, adds up that line's side again and reuses the other side's sums: what is left per
 * call is the ROI per trial and the statistics.
 *
 * A design is kept the second time it is asked for, so a seed or a trial count tried once costs
 * no memory; columns and sums are kept as soon as their design is. All share one budget of
 * samples (8 bytes each), the least recently used first out, whichever kind it is.
 */
import type { Matrix } from "./correlation";
import { cachedQuantileTable, type LineItem } from "./distributions";
import {
  DEFAULT_SIMULATION,
  type LineItemModel,
  lineSamples,
  type SimulationOptions,
  simulationUniforms,
  trialSums,
  type TrialSums,
} from "./simulate";

/** Samples the kept designs, columns and sums may hold together: 16 MB (10,000 trials of 200 line items). */
export const DESIGN_CACHE_SAMPLES = 2_000_000;
/** Requests remembered (by key only) to tell a design's second request from its first. */
const REMEMBERED_REQUESTS = 256;

/** What a design depends on, as text (no "#": a column's key extends it after one). */
function designKey(itemCount: number, options: SimulationOptions): string {
  const matrix: Matrix | null | undefined = options.correlation;
  const sampling = options.sampling ?? DEFAULT_SIMULATION.sampling;
  return `${itemCount}|${options.trials}|${options.seed}|${sampling}|${matrix ? matrix.map((row) => row.join(",")).join(";") : ""}`;
}

/** A kept design (one array per line item), column or side's sums (one array), and its samples. */
interface Kept {
  readonly arrays: readonly Float64Array[];
  readonly samples: number;
}

export class DesignCache {
  /** Designs, columns and sums, least recently used first (a Map iterates in insertion order). */
  private readonly kept = new Map<string, Kept>();
  private readonly requested = new Set<string>();
  private samples = 0;

  /** `budget`: the samples all kept designs, columns and sums may hold together. */
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
   * The per-trial sums of the benefit lines and of the cost lines (`trialSums` of their
   * `lineSamples` columns), for `RoiSimulation`'s `sums`: kept where a side's lines are unchanged,
   * else added up from the lines' columns, kept where the line is unchanged, else computed (its
   * uniforms in the design read through its quantile table); all of them kept after. Null when
   * the design is not kept (see `designFor`) or the budget cannot hold it with every line's
   * column and both sides' sums (`designFor` may then serve the design alone). Callers must not
   * modify them.
   */
  trialSumsFor(model: LineItemModel, options: SimulationOptions): TrialSums | null {
    const itemCount = model.benefits.length + model.costs.length;
    // A design with all its columns and both sides' sums must fit, or keeping the columns would
    // drop the design they are read from on every call: such a run reads the design alone.
    if ((2 * itemCount + 2) * options.trials > this.budget) return null;
    const key = designKey(itemCount, options);
    const design = this.designOf(key, itemCount, options);
    if (!design) return null;
    const side = (items: readonly LineItem[], first: number): Float64Array => {
      // Everything a column depends on beyond the design: the line's position and its table's.
      const columnKeys = items.map((item, i) => {
        const distribution = item.distribution ?? options.distribution;
        return `${first + i}|${distribution}|${item.low}|${item.base}|${item.high}`;
      });
      const sumKey = `${key}#sum#${columnKeys.join("#")}`;
      const kept = this.use(sumKey);
      if (kept) return kept[0];
      const columns = items.map((item, i) => {
        const columnKey = `${key}#${columnKeys[i]}`;
        const hit = this.use(columnKey);
        if (hit) return hit[0];
        const column = lineSamples(
          design[first + i],
          cachedQuantileTable(item, item.distribution ?? options.distribution),
        );
        this.keep(columnKey, [column], column.length);
        return column;
      });
      const sums = trialSums(columns, options.trials);
      this.keep(sumKey, [sums], sums.length);
      return sums;
    };
    return { benefits: side(model.benefits, 0), costs: side(model.costs, model.benefits.length) };
  }

  /** Samples held by the kept designs, columns and sums. */
  get heldSamples(): number {
    return this.samples;
  }

  /** Kept designs, columns and sums. */
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
