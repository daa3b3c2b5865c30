/**
 * Sampling designs kept between simulations. A design is everything a simulation draws before it
 * reads a line item's values: per line item and trial, the uniform u whose quantile F⁻¹(u) is the
 * item's sample in that trial (`simulationUniforms`, after any correlation's reordering). It
 * depends on the number of line items, the trials, the seed, the sampling and the correlation
 * matrix, and not on any line's low, base, high or distribution.
 *
 * A workbook recalculates the same simulation again and again: after a line's value changes, and
 * once per statistic when several functions (the spilled summary, a percentile, a target
 * probability) simulate the same lines with the same arguments. Reading a kept design instead of
 * drawing gives the same draws and the same figures bit for bit, in about a third of the time
 * of a 10,000-trial run (the draws, shuffles and rank reordering are most of a run).
 *
 * A design is kept the second time it is asked for, so a seed or a trial count tried once costs
 * no memory, within a budget of samples (8 bytes each), the least recently used first out.
 */
import type { Matrix } from "./correlation";
import { DEFAULT_SIMULATION, type SimulationOptions, simulationUniforms } from "./simulate";

/** Samples the kept designs may hold together: 16 MB (10,000 trials of 200 line items). */
export const DESIGN_CACHE_SAMPLES = 2_000_000;
/** Requests remembered (by key only) to tell a design's second request from its first. */
const REMEMBERED_REQUESTS = 256;

/** What a design depends on, as text. */
function designKey(itemCount: number, options: SimulationOptions): string {
  const matrix: Matrix | null | undefined = options.correlation;
  const sampling = options.sampling ?? DEFAULT_SIMULATION.sampling;
  return `${itemCount}|${options.trials}|${options.seed}|${sampling}|${matrix ? matrix.map((row) => row.join(",")).join(";") : ""}`;
}

export class DesignCache {
  private readonly kept = new Map<string, readonly Float64Array[]>();
  private readonly requested = new Set<string>();
  private samples = 0;

  /** `budget`: the samples all kept designs may hold together. */
  constructor(private readonly budget: number = DESIGN_CACHE_SAMPLES) {}

  /**
   * The design of a simulation of `itemCount` line items with `options`, when it is kept or is
   * asked for the second time and fits the budget; null otherwise (the simulation then draws).
   * Callers must not modify it.
   */
  designFor(itemCount: number, options: SimulationOptions): readonly Float64Array[] | null {
    const key = designKey(itemCount, options);
    const hit = this.kept.get(key);
    if (hit) {
      // Most recently used last: a Map iterates in insertion order.
      this.kept.delete(key);
      this.kept.set(key, hit);
      return hit;
    }
    const size = itemCount * options.trials;
    if (size > this.budget || size === 0) return null;
    if (!this.requested.has(key)) {
      if (this.requested.size >= REMEMBERED_REQUESTS) this.requested.clear();
      this.requested.add(key);
      return null;
    }
    while (this.samples + size > this.budget && this.kept.size > 0) this.evictOldest();
    const design = simulationUniforms(itemCount, options);
    this.kept.set(key, design);
    this.samples += size;
    return design;
  }

  /** Samples held by the kept designs. */
  get heldSamples(): number {
    return this.samples;
  }

  private evictOldest(): void {
    const oldest = this.kept.entries().next().value;
    if (!oldest) return;
    const [key, design] = oldest;
    this.kept.delete(key);
    this.samples -= design.length * (design[0]?.length ?? 0);
  }
}
