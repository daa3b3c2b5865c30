/** Summary statistics over simulation results. */

/**
 * Percentile of an ascending-sorted sample, interpolated as Excel's PERCENTILE.INC:
 * rank h = p·(n − 1), value = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
 */
export function percentileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = p * (n - 1);
  const i = Math.floor(h);
  if (i >= n - 1) return sorted[n - 1];
  return sorted[i] + (h - i) * (sorted[i + 1] - sorted[i]);
}

/** Arithmetic mean (Neumaier-compensated, so a million trials lose no digits). */
export function mean(values: ArrayLike<number>): number {
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const t = sum + v;
    compensation += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  return (sum + compensation) / values.length;
}

export interface HistogramBin {
  readonly from: number;
  readonly to: number;
  readonly count: number;
}

/** Equal-width histogram of a sample (any order). */
export function histogram(sample: ArrayLike<number>, binCount: number): HistogramBin[] {
  const n = sample.length;
  if (n === 0 || binCount < 1) return [];
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    if (sample[i] < min) min = sample[i];
    if (sample[i] > max) max = sample[i];
  }
  const spread = (max - min) / binCount;
  // A spread that underflows to 0 (a subnormal range) counts as none: 0/0 would drop values.
  const width = spread > 0 ? spread : 1;
  const counts = new Array<number>(binCount).fill(0);
  for (let i = 0; i < n; i++) {
    const bin = Math.min(binCount - 1, Math.floor((sample[i] - min) / width));
    counts[bin]++;
  }
  return counts.map((count, b) => ({ from: min + b * width, to: min + (b + 1) * width, count }));
}

/**
 * The order statistics x₍k₎ (0-based ranks `ranks`, any order, duplicates allowed) of an
 * unsorted sample, by bucket selection: one pass finds the range, one counts values into
 * equal-width buckets, one gathers the values of the buckets that hold a wanted rank; only
 * those (a few dozen per rank) are sorted. Linear time whatever the ranks (a sort would be
 * n·log n, repeated quickselects a pass each). Does not modify `sample`.
 *
 * Each pass is a function of its own: a function whose first long loop V8 compiles on stack
 * replacement, before the code after it has run, leaves that code unoptimised call after call.
 * `known`, when given, must be the sample's smallest and largest value as `sampleRange` finds
 * them (a caller's own pass found them): the range pass is then skipped.
 */
export function orderStatistics(
  sample: Float64Array,
  ranks: readonly number[],
  known?: { readonly min: number; readonly max: number },
): number[] {
  const n = sample.length;
  const out = new Array<number>(ranks.length);
  if (n === 0) return out.fill(NaN);
  const range = new Float64Array(2);
  if (known) {
    range[0] = known.min;
    range[1] = known.max;
  } else sampleRange(sample, range);
  const min = range[0];
  const spread = range[1] - min;
  const bucketCount = Math.max(1, Math.min(BUCKETS_MAX, n >>> 3));
  // A range that is 0 (or overflows) puts everything in one bucket: then it is a plain sort.
  const scale = spread > 0 && Number.isFinite(spread) ? bucketCount / spread : 0;
  const last = bucketCount - 1;
  const counts = new Int32Array(bucketCount + 1);
  countBuckets(sample, counts, min, scale, last);
  // counts[b] = values before bucket b (the running total in a local, not chained through memory)
  let total = 0;
  for (let b = 0; b <= bucketCount; b++) {
    const count = counts[b];
    total += count;
    counts[b] = total;
  }
  // Per wanted rank: the rank clamped to the sample, and the bucket holding it (the last b with
  // counts[b] ≤ k). Plain loops over typed arrays: callbacks here sent V8 back to the interpreter.
  const wanted = ranks.length;
  const clamped = new Int32Array(wanted);
  const bucketOfRank = new Int32Array(wanted);
  for (let i = 0; i < wanted; i++) {
    const k = Math.min(n - 1, Math.max(0, Math.floor(ranks[i])));
    let lo = 0;
    let hi = last;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (counts[mid] <= k) lo = mid;
      else hi = mid - 1;
    }
    clamped[i] = k;
    bucketOfRank[i] = lo;
  }
  // Where each wanted bucket's values go in `picked` (−1: not wanted), buckets in value order.
  const fill = new Int32Array(bucketCount).fill(-1);
  const ascending = bucketOfRank.slice().sort();
  let size = 0;
  for (let i = 0; i < wanted; i++) {
    const b = ascending[i];
    if (fill[b] >= 0) continue;
    fill[b] = size;
    size += counts[b + 1] - counts[b];
  }
  const start = new Int32Array(wanted);
  for (let i = 0; i < wanted; i++) start[i] = fill[bucketOfRank[i]];
  const picked = new Float64Array(size);
  gatherBuckets(sample, fill, picked, min, scale, last);
  picked.sort();
  for (let i = 0; i < wanted; i++) out[i] = picked[start[i] + (clamped[i] - counts[bucketOfRank[i]])];
  return out;
}

/** range[0] = the smallest value of a non-empty sample, range[1] = the largest. */
function sampleRange(sample: Float64Array, range: Float64Array): void {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < sample.length; i++) {
    const x = sample[i];
    if (x < min) min = x;
    if (x > max) max = x;
  }
  range[0] = min;
  range[1] = max;
}

/** counts[b + 1] += the values in bucket b = min(last, ⌊(x − min)·scale⌋). */
function countBuckets(
  sample: Float64Array,
  counts: Int32Array,
  min: number,
  scale: number,
  last: number,
): void {
  for (let i = 0; i < sample.length; i++) {
    const b = ((sample[i] - min) * scale) | 0;
    counts[(b > last ? last : b) + 1]++;
  }
}

/** Copies every value whose bucket has a place (fill[b] ≥ 0) to picked[fill[b]++]. */
function gatherBuckets(
  sample: Float64Array,
  fill: Int32Array,
  picked: Float64Array,
  min: number,
  scale: number,
  last: number,
): void {
  for (let i = 0; i < sample.length; i++) {
    const x = sample[i];
    let b = ((x - min) * scale) | 0;
    if (b > last) b = last;
    const at = fill[b];
    if (at >= 0) {
      picked[at] = x;
      fill[b] = at + 1;
    }
  }
}

/** Buckets for bucket selection: about 8 values each, at most this many. */
const BUCKETS_MAX = 1 << 16;

/**
 * Percentiles (PERCENTILE.INC, as `percentileSorted`) of an unsorted sample without sorting it:
 * the two order statistics around each rank p·(n − 1), interpolated. Same values as sorting
 * first.
 */
export function percentilesOf(scratch: Float64Array, ps: readonly number[]): number[] {
  const n = scratch.length;
  if (n === 0) return ps.map(() => NaN);
  const ranks: number[] = [];
  for (const p of ps) {
    const k = Math.min(n - 1, Math.floor(p * (n - 1)));
    ranks.push(k, Math.min(n - 1, k + 1));
  }
  const x = orderStatistics(scratch, ranks);
  return ps.map((p, i) => {
    const h = p * (n - 1);
    const k = Math.min(n - 1, Math.floor(h));
    const low = x[2 * i];
    // Exactly as percentileSorted computes it (so −0 + 0 gives 0 there and here alike).
    return k >= n - 1 ? low : low + (h - k) * (x[2 * i + 1] - low);
  });
}

/**
 * Inverse of the standard normal CDF, Φ⁻¹(p) for 0 < p < 1, by Acklam's rational
 * approximation (relative error below 1.15e-9), computed on the lower half and mirrored so that
 * Φ⁻¹(1 − p) = −Φ⁻¹(p) exactly.
 */
export function normalQuantile(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  if (p > 0.5) return -normalQuantile(1 - p);
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  if (p < 0.02425) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    );
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  );
}

/** z for a two-sided 95% interval: Φ⁻¹(0.975). */
export const Z95 = 1.959963984540054;

/** Student's t₀.₉₇₅ for 1..10 degrees of freedom (exact to 4 decimals). */
const T975 = [12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646, 2.306, 2.2622, 2.2281];

/**
 * Student's t quantile at 0.975 for ν degrees of freedom: a table to 10, then the Cornish-Fisher
 * expansion in 1/ν (Abramowitz & Stegun 26.7.5), within 1e-4 from ν = 11.
 */
export function studentT975(nu: number): number {
  if (nu < 1) return NaN;
  if (nu <= T975.length) return T975[Math.round(nu) - 1];
  const z = Z95;
  const z3 = z ** 3;
  const z5 = z ** 5;
  const z7 = z ** 7;
  return (
    z +
    (z3 + z) / (4 * nu) +
    (5 * z5 + 16 * z3 + 3 * z) / (96 * nu ** 2) +
    (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * nu ** 3)
  );
}

/**
 * The 0-based ranks [l, u] of a distribution-free 95% interval for the p-quantile Q from n
 * independent draws (Conover, "Practical Nonparametric Statistics", section 3.2): the count B of
 * draws at or below Q is Binomial(n, p), so x₍l₎ ≤ Q ≤ x₍u₎ holds exactly when l < B ≤ u, and the
 * ranks are the widest with P(B ≤ l) ≤ 2.5% below and P(B > u) ≤ 2.5% above: the interval covers
 * Q with probability at least 95% whatever n. A side no order statistic can bound at 95% (P5 from
 * fewer than 72 trials: even the smallest draw lies above Q in more than 2.5% of runs) is −1 for
 * l, n for u. Stratified (Latin Hypercube) draws only narrow the true spread, so the interval is
 * conservative there.
 *
 * The binomial's probabilities are walked outwards from its mode by the ratio
 * P(k + 1) / P(k) = (n − k)/(k + 1) · p/(1 − p) until they are below 1e-20 of the mode's, so no
 * term underflows and a million trials take a few thousand steps.
 */
export function quantileIntervalRanks(n: number, p: number, tail = 0.025): [number, number] {
  const key = `${n}|${p}|${tail}`;
  const known = rankCache.get(key);
  if (known) return [known[0], known[1]];
  const ranks = binomialTailRanks(n, p, tail);
  if (rankCache.size >= RANK_CACHE_SIZE) rankCache.clear();
  rankCache.set(key, ranks);
  return [ranks[0], ranks[1]];
}

/**
 * Ranks already found: they depend on n and p only, and every summary asks for the same five
 * percentiles of the same trial count (a walk costs about 5 µs at 10,000 trials).
 */
const rankCache = new Map<string, readonly [number, number]>();
const RANK_CACHE_SIZE = 256;

/** The walk of `quantileIntervalRanks`. */
function binomialTailRanks(n: number, p: number, tail: number): [number, number] {
  if (!(n >= 1) || !(p > 0)) return [-1, Math.min(n, 0)];
  if (!(p < 1)) return [n - 1, n];
  const odds = p / (1 - p);
  const mode = Math.min(n, Math.floor((n + 1) * p));
  const below: number[] = []; // P(mode − 1 − i) relative to P(mode)
  const above: number[] = []; // P(mode + 1 + i) relative to P(mode)
  let total = 1;
  for (let k = mode, w = 1; k > 0; k--) {
    w *= k / ((n - k + 1) * odds); // P(k − 1) / P(k)
    if (w < 1e-20) break;
    below.push(w);
    total += w;
  }
  for (let k = mode, w = 1; k < n; k++) {
    w *= ((n - k) / (k + 1)) * odds;
    if (w < 1e-20) break;
    above.push(w);
    total += w;
  }
  // Lower rank: the largest l with P(B ≤ l) ≤ tail, from the walk's lowest count upwards (counts
  // below it have probability under 1e-20 each: P(B ≤ first − 1) counts as 0).
  const first = mode - below.length;
  let l = first - 1;
  let cumulative = 0;
  for (let k = first; k <= mode + above.length; k++) {
    cumulative += weightAt(k, mode, below, above) / total;
    if (cumulative > tail) break;
    l = k;
  }
  // Upper rank: the smallest u with P(B > u) ≤ tail, from the walk's highest count downwards.
  const lastCount = mode + above.length;
  let u = lastCount === n ? n : lastCount;
  let upper = 0;
  for (let k = lastCount; k >= first; k--) {
    upper += weightAt(k, mode, below, above) / total;
    if (upper > tail) break;
    u = k - 1;
  }
  return [Math.min(l, n - 1), u];
}

/** P(B = k) relative to P(B = mode), from the walk of `quantileIntervalRanks`. */
function weightAt(k: number, mode: number, below: readonly number[], above: readonly number[]): number {
  return k === mode ? 1 : k < mode ? below[mode - 1 - k] : above[k - mode - 1];
}

/**
 * Wilson's 95% score interval for a proportion of `hits` in n (Wilson 1927): unlike p ± z·SE, it
 * stays inside [0, 1] and is not empty when no trial hits.
 */
export function wilsonInterval(hits: number, n: number, z = Z95): [number, number] {
  if (n <= 0) return [NaN, NaN];
  const p = hits / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // Exactly 0 (1) when no (every) trial hits: the formula gives it up to rounding.
  return [hits === 0 ? 0 : Math.max(0, centre - half), hits === n ? 1 : Math.min(1, centre + half)];
}

/** Sample variance with n − 1 (two-pass, so large means lose no digits); NaN below 2 values. */
export function variance(values: ArrayLike<number>, average = mean(values)): number {
  const n = values.length;
  if (n < 2) return NaN;
  return squaredDeviations(values, average) / (n - 1);
}

/** Σ (x − average)², a loop of its own (see `orderStatistics`). */
function squaredDeviations(values: ArrayLike<number>, average: number): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) {
    const d = values[i] - average;
    s += d * d;
  }
  return s;
}

/**
 * Percentiles (PERCENTILE.INC) and their distribution-free 95% intervals (quantileIntervalRanks)
 * of an unsorted sample: the two order statistics each percentile interpolates between and the
 * two bounding its interval, all selected in one `orderStatistics` call (`known`: see there). A
 * bound the sample cannot give at 95% is NaN.
 */
export function percentilesWithIntervals(
  sample: Float64Array,
  ps: readonly number[],
  known?: { readonly min: number; readonly max: number },
): { values: number[]; intervals: { low: number; high: number }[] } {
  const n = sample.length;
  if (n === 0) return { values: ps.map(() => NaN), intervals: ps.map(() => ({ low: NaN, high: NaN })) };
  const bounds = ps.map((p) => quantileIntervalRanks(n, p));
  const ranks = ps.flatMap((p, i) => {
    const k = Math.min(n - 1, Math.floor(p * (n - 1)));
    return [k, Math.min(n - 1, k + 1), ...bounds[i]];
  });
  const x = orderStatistics(sample, ranks, known);
  const values = ps.map((p, i) => {
    const h = p * (n - 1);
    const k = Math.min(n - 1, Math.floor(h));
    const low = x[4 * i];
    return k >= n - 1 ? low : low + (h - k) * (x[4 * i + 1] - low);
  });
  const intervals = ps.map((_, i) => ({
    low: bounds[i][0] < 0 ? NaN : x[4 * i + 2],
    high: bounds[i][1] >= n ? NaN : x[4 * i + 3],
  }));
  return { values, intervals };
}
