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
 * Moves the k-th smallest of a[lo..hi] to a[k], smaller-or-equal values before it and
 * greater-or-equal after (Hoare's quickselect with a median-of-three pivot). Expected O(n).
 */
function selectInPlace(a: Float64Array, k: number, lo: number, hi: number): void {
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // median of three as pivot, which also guards the sorted and reversed cases
    if (a[mid] < a[lo]) swap(a, mid, lo);
    if (a[hi] < a[lo]) swap(a, hi, lo);
    if (a[hi] < a[mid]) swap(a, hi, mid);
    const pivot = a[mid];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}

/**
 * Percentiles (PERCENTILE.INC, as `percentileSorted`) of an unsorted sample without sorting it:
 * the order statistics they need are selected in ascending order, each in what is left to the
 * right of the previous one. Rearranges `scratch` (pass a copy). Same values as sorting first.
 */
export function percentilesOf(scratch: Float64Array, ps: readonly number[]): number[] {
  const n = scratch.length;
  if (n === 0) return ps.map(() => NaN);
  const order = ps.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
  const out = new Array<number>(ps.length);
  let from = 0;
  let selected = -1;
  for (const { p, i } of order) {
    const h = p * (n - 1);
    const k = Math.min(n - 1, Math.floor(h));
    if (k > selected) {
      selectInPlace(scratch, k, from, n - 1);
      selected = k;
      from = k;
    }
    const low = scratch[k];
    if (k >= n - 1 || h === k) {
      out[i] = low;
      continue;
    }
    // x[k+1] is the smallest value to the right of k.
    let next = Infinity;
    for (let j = k + 1; j < n; j++) if (scratch[j] < next) next = scratch[j];
    out[i] = low + (h - k) * (next - low);
  }
  return out;
}
