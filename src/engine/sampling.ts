/**
 * The uniforms behind a simulation, one block of trials at a time: Latin Hypercube or plain
 * Monte Carlo, optionally reordered by Iman-Conover to a rank correlation over the line items.
 *
 * Latin Hypercube (McKay, Beckman & Conover 1979): a block of m trials splits each line item's
 * probability range into m equal strata and draws once in each, u = (stratum + jitter) / m, the
 * strata paired at random between items. Every item's marginal is then matched far more evenly
 * than by m independent draws, and the mean of a near-additive output such as ROI converges
 * much faster (bench/simulate.bench.ts measures by how much).
 *
 * Iman-Conover (Iman & Conover, "A distribution-free approach to inducing rank correlation among
 * input variables", 1982): take a score matrix S whose columns are random permutations of the van
 * der Waerden scores Φ⁻¹(r / (m + 1)); with E = F·Fᵀ the correlation S actually has and P·Pᵀ the
 * target, T = S·(P·F⁻¹)ᵀ has exactly the target correlation; then give each item's sorted draws
 * the ranks of T's column. Only the pairing changes, so each item's draws (its marginal) are
 * untouched.
 *
 * Draws come from one sfc32 stream in a fixed order, so a seed gives the same uniforms whatever
 * else happens.
 */
import type { Sfc32 } from "./random";
import { normalQuantile } from "./statistics";

export type Sampling = "LHS" | "MC";
export const SAMPLINGS: readonly Sampling[] = ["LHS", "MC"];

/**
 * van der Waerden scores for m strata, ascending, with the sum of their squares and whether they
 * are strictly increasing (as Φ⁻¹ is; checked, not assumed, since `correlatedBlock` relies on
 * it); the last two sizes are kept.
 */
interface NormalScores {
  readonly m: number;
  readonly scores: Float64Array;
  readonly sumOfSquares: number;
  readonly increasing: boolean;
}
const scoreCache: NormalScores[] = [];

function scoresFor(m: number): NormalScores {
  const hit = scoreCache.find((c) => c.m === m);
  if (hit) return hit;
  const scores = new Float64Array(m);
  let sumOfSquares = 0;
  let increasing = true;
  for (let r = 0; r < m; r++) {
    scores[r] = normalQuantile((r + 1) / (m + 1));
    sumOfSquares += scores[r] * scores[r];
    if (r > 0 && !(scores[r] > scores[r - 1])) increasing = false;
  }
  const entry = { m, scores, sumOfSquares, increasing };
  scoreCache.unshift(entry);
  scoreCache.length = Math.min(scoreCache.length, 2);
  return entry;
}

/** Φ at NORMAL_TABLE_SIZE + 1 points over [−NORMAL_SPAN, NORMAL_SPAN], for bucketing scores. */
const NORMAL_SPAN = 6;
const NORMAL_TABLE_SIZE = 1024;
let normalCdfTable: Float64Array | null = null;

/** A monotone, piecewise-linear stand-in for Φ (only the order it keeps matters). */
function normalCdfTableOnce(): Float64Array {
  if (!normalCdfTable) {
    normalCdfTable = new Float64Array(NORMAL_TABLE_SIZE + 1);
    // Φ(x) = erfc(−x/√2)/2, integrated numerically from the density: monotone by construction.
    const h = (2 * NORMAL_SPAN) / NORMAL_TABLE_SIZE;
    const density = (x: number): number => Math.exp(-0.5 * x * x);
    let sum = 0;
    for (let i = 1; i <= NORMAL_TABLE_SIZE; i++) {
      const x = -NORMAL_SPAN + i * h;
      sum += (density(x - h) + 4 * density(x - h / 2) + density(x)) / 6;
      normalCdfTable[i] = sum;
    }
    for (let i = 0; i <= NORMAL_TABLE_SIZE; i++) normalCdfTable[i] /= sum;
  }
  return normalCdfTable;
}

/**
 * Scratch buffers for one block size, reused block after block (the inner loops allocate
 * nothing); a correlated block's per-trial working arrays live in the shared rank kernel.
 */
class Scratch {
  readonly permutation: Int32Array;
  /** An independent Latin Hypercube column's draws as positions in a quantile table. */
  readonly positions: Float64Array;
  readonly scores: Float64Array;
  readonly sorted: Float64Array;
  /** The first item's stratum at each position (its ranks, see `correlatedBlock`). */
  readonly firstStrata: Int32Array;

  constructor(
    readonly capacity: number,
    items: number,
    correlated: boolean,
  ) {
    this.permutation = new Int32Array(correlated ? 0 : capacity);
    this.positions = new Float64Array(correlated ? 0 : capacity);
    const m = correlated ? capacity : 0;
    this.scores = new Float64Array(m * items);
    this.sorted = new Float64Array(m * items);
    this.firstStrata = new Int32Array(m);
  }
}

/** The rank order of one column of T (see `rankKernel`). */
interface RankKernel {
  readonly capacity: number;
  /**
   * order[r] = the trial with the r-th smallest T[:, ·] = Σ_{l < terms} w[l]·S[l·m + i], ties in
   * trial order.
   */
  rankColumn(s: Float64Array, m: number, w: readonly number[], terms: number, sd: number): Int32Array;
  /** order[r] = the position holding stratum r (the inverse of a permutation). */
  invert(strata: Int32Array, m: number): Int32Array;
  /**
   * A Fisher-Yates shuffle of the m strata whose every draw r = U·(i + 1) picks the stratum
   * index ⌊r⌋; its fraction r − ⌊r⌋ is uniform and independent of that index, so it gives the
   * Latin Hypercube jitter too: with `jitter`, stratum t's draw (t + fraction)/m goes to
   * sorted[offset + t]. Then position i's normal score, normal[stratum], goes to
   * matrix[offset + i]. Returns position i's stratum at [i] (valid until the next call).
   */
  shuffle(
    rng: Sfc32,
    m: number,
    jitter: boolean,
    sorted: Float64Array,
    offset: number,
    normal: Float64Array,
    matrix: Float64Array,
  ): Int32Array;
  /**
   * Deals the last ranking's order out: trial order[r] gets sorted[offset + r], read through
   * `table` (a quantile table) and added to into[trial].
   */
  dealInto(table: Float64Array, into: Float64Array, sorted: Float64Array, offset: number, m: number): void;
}

/**
 * The largest block the shared rank kernel holds (the simulations' largest block, a bound
 * blockSizes keeps); a larger block gets a kernel of its own.
 */
const KERNEL_CAPACITY = 65_536;
let sharedKernel: RankKernel | null = null;

function rankKernelFor(m: number): RankKernel {
  if (m > KERNEL_CAPACITY) return rankKernel(m);
  sharedKernel ??= rankKernel(KERNEL_CAPACITY);
  return sharedKernel;
}

/**
 * The ranking of T's columns, its working arrays held in the closure. Made once per process (and
 * shared by every simulation: a block uses it from start to end within one call, so nothing
 * carries over), so V8 compiles it with the arrays as constants: the random-access loops below
 * ran three to four times slower when the same arrays were read from an object's fields.
 */
function rankKernel(capacity: number): RankKernel {
  const mixed = new Float64Array(capacity);
  const buckets = new Int32Array(capacity);
  const starts = new Int32Array(capacity);
  const order = new Int32Array(capacity);
  /** mixed[] in the order of `order` while sorting: the insertion sort reads it in sequence. */
  const values = new Float64Array(capacity);
  const permutation = new Int32Array(capacity);

  /**
   * mixed[i] = Σ_{l < terms} w[l]·S[l·m + i], T's column for the weights w (a row of A): for
   * every trial, 0 + w₀·S₀ + w₁·S₁ + … added in l's order, up to four terms per pass over the
   * score columns (each read in sequence).
   */
  function combine(s: Float64Array, m: number, w: readonly number[], terms: number): void {
    mixed.fill(0, 0, m);
    let l = 0;
    for (; l + 3 < terms; l += 4) {
      const w0 = w[l];
      const w1 = w[l + 1];
      const w2 = w[l + 2];
      const w3 = w[l + 3];
      const o0 = l * m;
      const o1 = o0 + m;
      const o2 = o1 + m;
      const o3 = o2 + m;
      for (let i = 0; i < m; i++)
        mixed[i] = mixed[i] + w0 * s[o0 + i] + w1 * s[o1 + i] + w2 * s[o2 + i] + w3 * s[o3 + i];
    }
    for (; l + 1 < terms; l += 2) {
      const w0 = w[l];
      const w1 = w[l + 1];
      const o0 = l * m;
      const o1 = o0 + m;
      for (let i = 0; i < m; i++) mixed[i] = mixed[i] + w0 * s[o0 + i] + w1 * s[o1 + i];
    }
    for (; l < terms; l++) {
      const w0 = w[l];
      const o0 = l * m;
      for (let i = 0; i < m; i++) mixed[i] += w0 * s[o0 + i];
    }
  }

  /**
   * order[r] = the index of the r-th smallest of mixed[0..m), ties in index order. The values
   * are near-normal with standard deviation `sd`, so Φ(x/sd)·m spreads them about one to a
   * bucket: a counting sort by bucket (moving each value with its index, so the next step reads
   * memory in sequence), then an insertion sort that only reorders within a bucket. Linear time
   * on average; exact ranks, since the bucket is a non-decreasing function of the value.
   */
  function argsort(m: number, sd: number): Int32Array {
    const table = normalCdfTableOnce();
    const scale = NORMAL_TABLE_SIZE / (2 * NORMAL_SPAN * sd);
    const offset = NORMAL_TABLE_SIZE / 2;
    const last = NORMAL_TABLE_SIZE - 1e-9;
    starts.fill(0, 0, m);
    for (let i = 0; i < m; i++) {
      let x = mixed[i] * scale + offset;
      x = x < 0 ? 0 : x > last ? last : x;
      const at = x | 0;
      const p = table[at] + (x - at) * (table[at + 1] - table[at]);
      let b = (p * m) | 0;
      if (b >= m) b = m - 1;
      buckets[i] = b;
    }
    // Counted in a loop of its own: counting in the loop above made it twice as slow.
    for (let i = 0; i < m; i++) starts[buckets[i]]++;
    // Counts to first positions, the running total in a local: `starts[b + 1] += starts[b]`
    // chains every step through memory and took four times as long.
    let total = 0;
    for (let b = 0; b < m; b++) {
      const count = starts[b];
      starts[b] = total;
      total += count;
    }
    for (let i = 0; i < m; i++) {
      const at = starts[buckets[i]]++;
      order[at] = i;
      values[at] = mixed[i];
    }
    // Buckets are in value order already; only values sharing a bucket can be out of order, and
    // indices within a bucket arrive ascending, so the strict comparison keeps ties in index order.
    for (let r = 1; r < m; r++) {
      const v = values[r];
      if (!(values[r - 1] > v)) continue;
      const i = order[r];
      let q = r - 1;
      do {
        values[q + 1] = values[q];
        order[q + 1] = order[q];
        q--;
      } while (q >= 0 && values[q] > v);
      values[q + 1] = v;
      order[q + 1] = i;
    }
    return order;
  }

  return {
    capacity,
    rankColumn(s, m, w, terms, sd) {
      combine(s, m, w, terms);
      return argsort(m, sd);
    },
    invert(strata, m) {
      for (let i = 0; i < m; i++) order[strata[i]] = i;
      return order;
    },
    shuffle(rng, m, jitter, sorted, offset, normal, matrix) {
      const width = 1 / m;
      for (let i = 0; i < m; i++) permutation[i] = i;
      for (let i = m - 1; i >= 0; i--) {
        const r = rng.next() * (i + 1);
        const at = r | 0;
        const stratum = permutation[at];
        permutation[at] = permutation[i];
        permutation[i] = stratum;
        if (jitter) sorted[offset + stratum] = (stratum + (r - at)) * width;
      }
      // Scores gathered after the shuffle: a smaller loop body, measurably faster than storing
      // them in it.
      for (let i = 0; i < m; i++) matrix[offset + i] = normal[permutation[i]];
      return permutation;
    },
    dealInto(table, into, sorted, offset, m) {
      const size = table.length - 1;
      for (let r = 0; r < m; r++) {
        const x = sorted[offset + r] * size;
        const at = x | 0;
        into[order[r]] += table[at] + (x - at) * (table[at + 1] - table[at]);
      }
    },
  };
}

/**
 * One line item of an independent Latin Hypercube block: a Fisher-Yates shuffle of the m strata
 * whose every draw r = U·(i + 1) picks the stratum ⌊r⌋ for trial i and gives its jitter r − ⌊r⌋;
 * the draw (stratum + jitter)/m, as a position in the quantile table, goes to x[i]. Then each is
 * read through `table` and added to sums[i]. Two loops rather than one: the table reads, free of
 * the generator's chain of state, overlap one another (measured about 15% faster than reading the
 * table inside the shuffle). Functions of their own, so V8 optimises each as a whole.
 */
function latinHypercubeColumn(
  rng: Sfc32,
  permutation: Int32Array,
  x: Float64Array,
  table: Float64Array,
  sums: Float64Array,
  m: number,
): void {
  for (let i = 0; i < m; i++) permutation[i] = i;
  shuffleStrata(rng, permutation, x, table.length - 1, m);
  readTable(x, table, sums, m);
}

/** The shuffle of `latinHypercubeColumn`, each draw scaled to a table of `size` + 1 points. */
function shuffleStrata(rng: Sfc32, permutation: Int32Array, x: Float64Array, size: number, m: number): void {
  const width = 1 / m;
  for (let i = m - 1; i >= 0; i--) {
    const r = rng.next() * (i + 1);
    const at = r | 0;
    const stratum = permutation[at];
    permutation[at] = permutation[i];
    permutation[i] = stratum;
    x[i] = (stratum + (r - at)) * width * size;
  }
}

/** sums[i] += the table read at position x[i] (linear interpolation between its points). */
function readTable(x: Float64Array, table: Float64Array, sums: Float64Array, m: number): void {
  for (let i = 0; i < m; i++) {
    const at = x[i];
    const cell = at | 0;
    sums[i] += table[cell] + (at - cell) * (table[cell + 1] - table[cell]);
  }
}

/**
 * Receives one line item of a correlated block: the trial order[r] gets the item's r-th smallest
 * draw, sorted[offset + r].
 */
type Deal = (j: number, order: Int32Array, sorted: Float64Array, offset: number) => void;

/**
 * Fills blocks of uniforms, item-major: u[j·m + i] is line item j's uniform in the block's trial
 * i. `scoreFactor` is the lower Cholesky factor P of the normal scores' target correlation, or
 * null for independent items.
 */
export class BlockSampler {
  private scratch: Scratch | null = null;

  constructor(
    private readonly rng: Sfc32,
    private readonly items: number,
    private readonly sampling: Sampling,
    private readonly scoreFactor: readonly (readonly number[])[] | null,
  ) {}

  /** True when `latinHypercubeInto` may replace `fill` (independent Latin Hypercube). */
  get fusable(): boolean {
    return this.sampling === "LHS" && this.scoreFactor === null;
  }

  /** True when `correlatedInto` may replace `fill` (rank-correlated items). */
  get correlated(): boolean {
    return this.scoreFactor !== null;
  }

  /**
   * The next line item of an independent Latin Hypercube block, drawn exactly as `fill` draws
   * it, read through its quantile table and added to `sums` (trial by trial): one pass instead
   * of writing the uniforms and reading them back.
   */
  latinHypercubeInto(table: Float64Array, sums: Float64Array, m: number): void {
    if (!this.scratch || this.scratch.capacity < m) this.scratch = new Scratch(m, this.items, false);
    latinHypercubeColumn(this.rng, this.scratch.permutation, this.scratch.positions, table, sums, m);
  }

  /**
   * A whole correlated block, drawn exactly as `fill` draws it, each item's draws read through
   * its quantile table (`tables[j]`) and added to its trials' sums (`sums[j]`), item after item
   * as `fill`'s caller would. The draws are read in ascending order, so the table is too.
   */
  correlatedInto(tables: readonly Float64Array[], sums: readonly Float64Array[], m: number): void {
    const scratch = this.scratchFor(m);
    const kernel = rankKernelFor(m);
    // The order dealt is the kernel's own (correlatedBlock ranks with the same kernel).
    this.correlatedBlock(m, this.scoreFactor!, scratch, (j, _, sorted, offset) =>
      kernel.dealInto(tables[j], sums[j], sorted, offset, m),
    );
  }

  fill(u: Float64Array, m: number): void {
    const scratch = this.scratchFor(m);
    if (this.scoreFactor)
      this.correlatedBlock(m, this.scoreFactor, scratch, (_, order, sorted, offset) => {
        for (let r = 0; r < m; r++) u[offset + order[r]] = sorted[offset + r];
      });
    else if (this.sampling === "LHS") this.latinHypercube(u, m, scratch.permutation);
    else this.monteCarlo(u, m);
  }

  private scratchFor(m: number): Scratch {
    if (!this.scratch || this.scratch.capacity < m)
      this.scratch = new Scratch(m, this.items, this.scoreFactor !== null);
    return this.scratch;
  }

  /** Independent draws in trial order: trial i draws items 0..k−1 in turn. */
  private monteCarlo(u: Float64Array, m: number): void {
    const { rng, items } = this;
    for (let i = 0; i < m; i++) for (let j = 0; j < items; j++) u[j * m + i] = rng.next();
  }

  private latinHypercube(u: Float64Array, m: number, permutation: Int32Array): void {
    const rng = this.rng;
    const width = 1 / m;
    for (let j = 0; j < this.items; j++) {
      const offset = j * m;
      // The shuffle inlined (this loop is the hot path of a default simulation).
      for (let i = 0; i < m; i++) permutation[i] = i;
      for (let i = m - 1; i >= 0; i--) {
        const r = rng.next() * (i + 1);
        const at = r | 0;
        const stratum = permutation[at];
        permutation[at] = permutation[i];
        permutation[i] = stratum;
        u[offset + i] = (stratum + (r - at)) * width;
      }
    }
  }

  /**
   * Iman-Conover over a block: every item's draws sorted (LHS: stratum r's draw is (r + jitter)/m;
   * MC: m independent uniforms, sorted), the score matrix from one shuffle per item (a
   * Fisher-Yates shuffle of the m strata whose every draw r = U·(i + 1) picks the stratum index
   * ⌊r⌋; its fraction r − ⌊r⌋ is uniform and independent of that index, so it gives the Latin
   * Hypercube jitter too), then each item's sorted draws dealt out in the rank order of T's
   * column.
   */
  private correlatedBlock(m: number, p: readonly (readonly number[])[], s: Scratch, deal: Deal): void {
    const k = this.items;
    const rng = this.rng;
    const normal = scoresFor(m);
    const { scores, sumOfSquares } = normal;
    const { sorted, scores: matrix } = s;
    const monteCarlo = this.sampling === "MC";
    const kernel = rankKernelFor(m);
    for (let j = 0; j < k; j++) {
      const offset = j * m;
      if (monteCarlo) {
        for (let i = 0; i < m; i++) sorted[offset + i] = rng.next();
        sorted.subarray(offset, offset + m).sort();
      }
      const permutation = kernel.shuffle(rng, m, !monteCarlo, sorted, offset, scores, matrix);
      if (j === 0) s.firstStrata.set(permutation.subarray(0, m));
    }
    const a = mixingMatrix(matrix, m, k, sumOfSquares, p);
    const sd = Math.sqrt(sumOfSquares / m);
    for (let j = 0; j < k; j++) {
      const row = a[j];
      // T's first column is S's (A is lower triangular and A[0][0] = 1), whose ranks are the
      // strata the shuffle gave each position: the sort would find exactly this order.
      const order =
        j === 0 && row[0] === 1 && normal.increasing
          ? kernel.invert(s.firstStrata, m)
          : kernel.rankColumn(matrix, m, row, j + 1, sd);
      deal(j, order, sorted, j * m);
    }
  }
}

/**
 * A = P·F⁻¹ (lower triangular), where F·Fᵀ = E is the correlation the score columns actually
 * have; T = S·Aᵀ then has correlation P·Pᵀ exactly. When E cannot be factored (a block with no
 * more trials than items), A = P: the target only on average.
 */
function mixingMatrix(
  scores: Float64Array,
  m: number,
  k: number,
  sumOfSquares: number,
  p: readonly (readonly number[])[],
): number[][] {
  const e = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const set = (a: number, b: number, dot: number): void => {
    e[a][b] = e[b][a] = dot / sumOfSquares;
  };
  for (let a = 0; a < k; a++) {
    e[a][a] = 1;
    const oa = a * m;
    // Column a against up to four earlier columns in one pass (each read once for them all);
    // every dot product still adds its terms in trial order.
    let b = 0;
    for (; b + 3 < a; b += 4) {
      const o0 = b * m;
      const o1 = o0 + m;
      const o2 = o1 + m;
      const o3 = o2 + m;
      let d0 = 0;
      let d1 = 0;
      let d2 = 0;
      let d3 = 0;
      for (let i = 0; i < m; i++) {
        const x = scores[oa + i];
        d0 += x * scores[o0 + i];
        d1 += x * scores[o1 + i];
        d2 += x * scores[o2 + i];
        d3 += x * scores[o3 + i];
      }
      set(a, b, d0);
      set(a, b + 1, d1);
      set(a, b + 2, d2);
      set(a, b + 3, d3);
    }
    for (; b < a; b++) {
      const ob = b * m;
      let dot = 0;
      for (let i = 0; i < m; i++) dot += scores[oa + i] * scores[ob + i];
      set(a, b, dot);
    }
  }
  const f = cholesky(e);
  if (!f) return p.map((row) => [...row]);
  // F⁻¹ by forward substitution, column by column.
  const inverse = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let c = 0; c < k; c++) {
    for (let r = c; r < k; r++) {
      let sum = r === c ? 1 : 0;
      for (let t = c; t < r; t++) sum -= f[r][t] * inverse[t][c];
      inverse[r][c] = sum / f[r][r];
    }
  }
  return p.map((row, r) =>
    row.map((_, c) => {
      if (c > r) return 0;
      let sum = 0;
      for (let t = c; t <= r; t++) sum += row[t] * inverse[t][c];
      return sum;
    }),
  );
}

/** Strict Cholesky (positive definite only): null when a pivot is not clearly positive. */
function cholesky(a: readonly (readonly number[])[]): number[][] | null {
  const n = a.length;
  const l = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let j = 0; j < n; j++) {
    let d = a[j][j];
    for (let t = 0; t < j; t++) d -= l[j][t] * l[j][t];
    if (!(d > 1e-9)) return null;
    l[j][j] = Math.sqrt(d);
    for (let i = j + 1; i < n; i++) {
      let s = a[i][j];
      for (let t = 0; t < j; t++) s -= l[i][t] * l[j][t];
      l[i][j] = s / l[j][j];
    }
  }
  return l;
}
