/**
 * Three-point distributions for line items (low, most likely, high), sampled by inverse CDF.
 *
 * Each is tabulated as a quantile table of QUANTILE_TABLE_SIZE + 1 points; a draw is one uniform,
 * one index and one linear interpolation, so the Monte Carlo inner loop costs the same whatever
 * the distribution (see bench/simulate.bench.ts). PERT's standard shapes on [0, 1] are tabulated
 * once per process on a grid of the mode's place and interpolated between (`pertTableInto`), so
 * a line item's table, after any edit, is built from tables already integrated.
 */

/** Every shape a line item can take. */
export type LineDistribution = "PERT" | "Triangular" | "Uniform";
export const LINE_DISTRIBUTIONS: readonly LineDistribution[] = ["PERT", "Triangular", "Uniform"];

/** The shapes offered as the whole model's default by the Stress sheet and the pane. */
export type Distribution = Extract<LineDistribution, "PERT" | "Triangular">;
export const DISTRIBUTIONS: readonly Distribution[] = ["PERT", "Triangular"];

export interface ThreePoint {
  readonly low: number;
  readonly base: number;
  readonly high: number;
}

/** A three-point line item that may choose its own shape (else the simulation's default). */
export interface LineItem extends ThreePoint {
  readonly distribution?: LineDistribution;
}

/**
 * Points in a quantile table, minus one. Linear interpolation between 4097 quantiles stays within
 * about 1.5e-5 of the range between P1 and P99 (test/engine/distributions.test.ts); in the outer
 * 1/4096 of probability at each end it can be off by a few percent of the range, so the end
 * points are set to keep each end cell's mean (`endCellsKeepTheirMeans`).
 */
export const QUANTILE_TABLE_SIZE = 4096;

/**
 * PERT shape (Malcolm et al. 1959; Vose, "Risk Analysis"): a Beta(α, β) on [low, high] with
 *   α = 1 + λ(mode − low)/(high − low),  β = 1 + λ(high − mode)/(high − low),  λ = 4,
 * so the mean is (low + 4·mode + high) / 6.
 */
export function pertShape(item: ThreePoint, lambda = 4): { alpha: number; beta: number } {
  const range = item.high - item.low;
  if (range <= 0) return { alpha: 1, beta: 1 };
  return {
    alpha: 1 + (lambda * (item.base - item.low)) / range,
    beta: 1 + (lambda * (item.high - item.base)) / range,
  };
}

/** Mean of the PERT distribution: (low + 4·mode + high) / 6. */
export function pertMean(item: ThreePoint): number {
  return (item.low + 4 * item.base + item.high) / 6;
}

/** Mean of the triangular distribution: (low + mode + high) / 3. */
export function triangularMean(item: ThreePoint): number {
  return (item.low + item.base + item.high) / 3;
}

/** Inverse CDF of the triangular distribution on [low, high] with the given mode. */
export function triangularQuantile(item: ThreePoint, p: number): number {
  const { low, base, high } = item;
  const range = high - low;
  if (range <= 0) return low;
  const split = (base - low) / range;
  return p < split
    ? low + Math.sqrt(p * range * (base - low))
    : high - Math.sqrt((1 - p) * range * (high - base));
}

/** Integration steps for the PERT CDF; the density is smooth and bounded since α, β ≥ 1. */
const PERT_GRID = 16384;

let logCache: { logX: Float64Array; log1mX: Float64Array } | null = null;

/**
 * log x and log(1 − x) at the grid's half-step points x = j / (2·PERT_GRID), computed once: the
 * logarithms are most of a table's cost, and they do not depend on the shape. (The points are
 * exact binary fractions, so the values equal those computed on the fly.)
 */
function halfStepLogs(): { logX: Float64Array; log1mX: Float64Array } {
  if (!logCache) {
    const points = 2 * PERT_GRID + 1;
    const half = 1 / (2 * PERT_GRID);
    const logX = new Float64Array(points);
    const log1mX = new Float64Array(points);
    for (let j = 1; j < points - 1; j++) {
      logX[j] = Math.log(j * half);
      log1mX[j] = Math.log(1 - j * half);
    }
    logCache = { logX, log1mX };
  }
  return logCache;
}

/**
 * Quantiles of the standard Beta(α, β) on [0, 1] at p = i / size, i = 0..size, for α, β ≥ 1.
 * The CDF is integrated numerically (Simpson's rule per grid cell, on the log-density to stay
 * finite for large shapes), then inverted by linear interpolation. Checked against BETA.INV
 * (@formulajs/formulajs) in test/engine/distributions.test.ts: within 2e-7 when α, β ≥ 2 and
 * 1e-7 when α or β is exactly 1; within 1.5e-5 just above 1, where the density's steep edge
 * falls inside the first or last grid cell.
 */
export function betaQuantileTable(alpha: number, beta: number, size = QUANTILE_TABLE_SIZE): Float64Array {
  const { logX, log1mX } = halfStepLogs();
  const last = 2 * PERT_GRID;
  // density at every half-step point j, i.e. x = j / (2·PERT_GRID), then the CDF at whole steps,
  // then its inverse: each a loop of its own over typed arrays, so V8 optimises each whole (a
  // density closure called from the CDF loop cost about as much again as the exponentials).
  const { density, cdf } = tableScratch();
  densities(density, logX, log1mX, alpha - 1, beta - 1, last);
  density[0] = alpha === 1 ? 1 : 0;
  density[last] = beta === 1 ? 1 : 0;
  const h = 1 / PERT_GRID;
  simpsonCdf(density, cdf, h / 6);
  const table = new Float64Array(size + 1);
  invertCdf(cdf, table, h);
  table[0] = 0;
  table[size] = 1;
  return table;
}

let scratch: { density: Float64Array; cdf: Float64Array } | null = null;

/**
 * Work arrays of `betaQuantileTable`, allocated on first use and kept (a table is built start to
 * end in one call, and 384 kB allocated per table was a tenth of its time).
 */
function tableScratch(): { density: Float64Array; cdf: Float64Array } {
  scratch ??= { density: new Float64Array(2 * PERT_GRID + 1), cdf: new Float64Array(PERT_GRID + 1) };
  return scratch;
}

/** density[j] = exp(a·log x_j + b·log(1 − x_j)) at the inner half-step points (a = α − 1, b = β − 1). */
function densities(
  density: Float64Array,
  logX: Float64Array,
  log1mX: Float64Array,
  a: number,
  b: number,
  last: number,
): void {
  for (let j = 1; j < last; j++) density[j] = Math.exp(a * logX[j] + b * log1mX[j]);
}

/** cdf[i] = cdf[i − 1] + (h/6)·(f(2i − 2) + 4·f(2i − 1) + f(2i)), Simpson's rule per grid cell. */
function simpsonCdf(density: Float64Array, cdf: Float64Array, sixth: number): void {
  cdf[0] = 0;
  for (let i = 1; i < cdf.length; i++)
    cdf[i] = cdf[i - 1] + sixth * (density[2 * i - 2] + 4 * density[2 * i - 1] + density[2 * i]);
}

/**
 * table[q] = the x at which the CDF reaches q/size of its mass, by linear interpolation inside
 * the grid cell that holds it (the grid's cells are h wide).
 */
function invertCdf(cdf: Float64Array, table: Float64Array, h: number): void {
  const cells = cdf.length - 1;
  const totalMass = cdf[cells];
  const size = table.length - 1;
  let cell = 0;
  for (let q = 0; q <= size; q++) {
    const target = (q / size) * totalMass;
    while (cell < cells - 1 && cdf[cell + 1] < target) cell++;
    const span = cdf[cell + 1] - cdf[cell];
    const frac = span > 0 ? (target - cdf[cell]) / span : 0;
    table[q] = Math.min(1, Math.max(0, (cell + frac) * h));
  }
}

/**
 * Rows of the PERT grid, minus one. With λ = 4, α + β = 6: PERT's standard shape has a single
 * parameter, the mode's place m = (mode − low)/(high − low), with α = 1 + 4m and β = 5 − 4m. Its
 * quantile table is integrated (`betaQuantileTable`) only at m = k/PERT_ROWS, k = 0..PERT_ROWS,
 * each row on first use and kept (65 rows of 32 kB), and read for any other m by four-point
 * Lagrange interpolation in m between the nearest rows. A line's table after an edit is then a
 * weighted sum of four kept rows instead of 32,767 exponentials. The quantile Q(m, p) is smooth
 * in m, and against BETA.INV the interpolated table is as close as an integrated one at the same
 * m: within 8e-8 for m in [¼, ¾], and within the integration's own 1e-5 (the steep edge of a
 * mode near low or high) elsewhere (test/engine/distributions.test.ts). A mode exactly on the
 * grid (at low, high, the middle, a quarter) reads its row as integrated.
 */
const PERT_ROWS = 64;
const pertRows: (Float64Array | undefined)[] = new Array<Float64Array | undefined>(PERT_ROWS + 1);

/** Row k of the PERT grid: the integrated table of Beta(1 + 4k/PERT_ROWS, 5 − 4k/PERT_ROWS). */
function pertRow(k: number): Float64Array {
  let row = pertRows[k];
  if (!row) {
    const m = k / PERT_ROWS;
    row = betaQuantileTable(1 + 4 * m, 5 - 4 * m);
    pertRows[k] = row;
  }
  return row;
}

/**
 * The standard PERT quantile table (on [0, 1]) of a mode at place m ∈ [0, 1], rescaled to
 * low + range·q into `out` (QUANTILE_TABLE_SIZE + 1 points): row ⌊m·PERT_ROWS⌋'s neighbourhood
 * of four rows (three on one side at the grid's ends) weighted by their Lagrange polynomials at
 * m. Kept nondecreasing and within [0, 1] before rescaling: the weights can be negative, and a
 * higher probability must never read a lower sample.
 */
function pertTableInto(m: number, low: number, range: number, out: Float64Array): void {
  const x = m * PERT_ROWS;
  const size = out.length - 1;
  if (Number.isInteger(x)) {
    const row = pertRow(x);
    for (let q = 0; q <= size; q++) out[q] = low + range * row[q];
    return;
  }
  const first = Math.min(PERT_ROWS - 3, Math.max(0, Math.floor(x) - 1));
  const t = x - first;
  const w0 = (-(t - 1) * (t - 2) * (t - 3)) / 6;
  const w1 = (t * (t - 2) * (t - 3)) / 2;
  const w2 = (-t * (t - 1) * (t - 3)) / 2;
  const w3 = (t * (t - 1) * (t - 2)) / 6;
  const r0 = pertRow(first);
  const r1 = pertRow(first + 1);
  const r2 = pertRow(first + 2);
  const r3 = pertRow(first + 3);
  let previous = 0;
  out[0] = low;
  for (let q = 1; q < size; q++) {
    const v = Math.min(1, Math.max(previous, w0 * r0[q] + w1 * r1[q] + w2 * r2[q] + w3 * r3[q]));
    out[q] = low + range * v;
    previous = v;
  }
  out[size] = low + range;
}

/**
 * The quantile table of one line item in its own units: table[i] = F⁻¹(i / QUANTILE_TABLE_SIZE)
 * for 0 < i < QUANTILE_TABLE_SIZE, and end points that keep the end cells' means (see
 * `endCellsKeepTheirMeans`).
 * PERT: the grid's interpolated standard shape rescaled as low + (high − low)·q (see
 * `pertTableInto`); triangular: the closed-form inverse, cheap and exact in the item's own
 * units; uniform: low + (high − low)·i/size. Low = high gives the base everywhere.
 */
export function quantileTable(item: ThreePoint, distribution: LineDistribution): Float64Array {
  const size = QUANTILE_TABLE_SIZE;
  const range = item.high - item.low;
  const table = new Float64Array(size + 1);
  if (range <= 0) return table.fill(item.base);
  if (distribution === "Triangular") {
    for (let i = 0; i <= size; i++) table[i] = triangularQuantile(item, i / size);
    // F rises as (x − low)² from a mode above low (as (high − x)² to one below high), as a
    // Beta(2, ·) does; with the mode at the end, F is linear there.
    endCellsKeepTheirMeans(table, item.base > item.low ? 2 : 1, item.base < item.high ? 2 : 1);
  } else if (distribution === "Uniform") {
    for (let i = 0; i <= size; i++) table[i] = item.low + range * (i / size);
  } else {
    const m = Math.min(1, Math.max(0, (item.base - item.low) / range));
    pertTableInto(m, item.low, range, table);
    endCellsKeepTheirMeans(table, 1 + 4 * m, 5 - 4 * m);
  }
  return table;
}

/**
 * Sets a table's first and last points so that the straight line over each end cell has the
 * cell's own mean, where the quantile function is steepest and a line between two quantiles
 * misses most. Near low a shape whose CDF rises as (x − low)^α has Q(u) ≈ Q(0) + ΔQ·(u/h)^(1/α)
 * over the first cell [0, h] (ΔQ = Q(h) − Q(0)), whose mean is Q(0) + ΔQ·α/(α + 1); the line from
 * Q(h) − 2ΔQ/(α + 1) to Q(h) has the same. Likewise at high with β. Only draws in the outermost
 * 1/4096 of probability move (towards the inside: the end points stay within [low, high]), and
 * the mean of the table's draws is the distribution's: the last cell of Beta(1, 5) alone
 * otherwise lifts it by 1.5e-5 of the range, a standard error of the mean at 10,000 trials. α = 1
 * (a CDF linear at the end) leaves the point as it is.
 */
function endCellsKeepTheirMeans(table: Float64Array, alpha: number, beta: number): void {
  const size = table.length - 1;
  // Never outside the end points it replaces (the difference rounds: low = 5e-324).
  table[0] = Math.max(table[0], table[1] - (2 * (table[1] - table[0])) / (alpha + 1));
  table[size] = Math.min(table[size], table[size - 1] + (2 * (table[size] - table[size - 1])) / (beta + 1));
}

/** Line items' own tables kept between calls (32 kB each: about 8 MB in all). */
const ITEM_CACHE_LIMIT = 256;
const itemCache = new Map<string, Float64Array>();

/**
 * `quantileTable` from a bounded cache shared by every call: a workbook recalculates the same
 * line items again and again. Callers must not modify it.
 */
export function cachedQuantileTable(item: ThreePoint, distribution: LineDistribution): Float64Array {
  const key = `${distribution},${item.low},${item.base},${item.high}`;
  const hit = itemCache.get(key);
  if (hit) return hit;
  const table = quantileTable(item, distribution);
  if (itemCache.size >= ITEM_CACHE_LIMIT) {
    const oldest = itemCache.keys().next().value;
    if (oldest !== undefined) itemCache.delete(oldest);
  }
  itemCache.set(key, table);
  return table;
}

/** Reads a quantile table at probability u ∈ [0, 1) by linear interpolation. */
export function sampleTable(table: Float64Array, u: number): number {
  const size = table.length - 1;
  const x = u * size;
  const i = x | 0;
  return table[i] + (x - i) * (table[i + 1] - table[i]);
}
