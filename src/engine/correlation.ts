/**
 * Rank-correlation matrices over line items: consistency (positive semi-definiteness), the
 * nearest consistent matrix when a user's is not, and the factor Iman-Conover needs.
 *
 * A matrix typed by hand is often inconsistent: pairwise judgements (A with B 0.9, B with C 0.9,
 * A with C −0.5) that no joint distribution can have. Such a matrix is replaced by the nearest
 * correlation matrix in the Frobenius norm, found by Higham's alternating projections with
 * Dykstra's correction (N. J. Higham, "Computing the nearest correlation matrix: a problem from
 * finance", IMA J. Numer. Anal. 22, 2002): project onto the positive semi-definite cone
 * (eigenvalues clipped at 0) and onto the unit-diagonal matrices, in turn, until they agree.
 */

export type Matrix = readonly (readonly number[])[];

export interface CorrelationCheck {
  /** The matrix the simulation uses: the given one, or the nearest consistent one. */
  readonly matrix: number[][];
  /** True when the given matrix was not positive semi-definite and was replaced. */
  readonly adjusted: boolean;
  /** The largest change of one coefficient, |adjusted − given| (0 when not adjusted). */
  readonly largestChange: number;
}

/** Pivots above −PSD_TOLERANCE count as zero: rounding in a typed matrix is not inconsistency. */
const PSD_TOLERANCE = 1e-10;
/**
 * Below a zero pivot, a column entry up to this size is rounding, not inconsistency: a typed
 * matrix whose smallest eigenvalue is within about this much of 0 is used as given (its factor
 * reproduces it to this tolerance).
 */
export const ZERO_COLUMN_TOLERANCE = 1e-7;
/** The smallest eigenvalue a repaired matrix keeps, so its Cholesky factor is well defined. */
const EIGEN_FLOOR = 1e-8;
const HIGHAM_MAX_ITERATIONS = 100;
const HIGHAM_TOLERANCE = 1e-6;
/**
 * Work budget of the projections, in k³ units (each iteration is one k×k eigendecomposition):
 * a large matrix gets fewer iterations, then the final eigenvalue floor and rescaling make the
 * result consistent all the same (eigenvalue clipping, a coarser nearest matrix).
 */
const HIGHAM_BUDGET = 1e6;
/** Line items a correlation matrix may cover (the adjustment is cubic in their number). */
export const MAX_CORRELATED_ITEMS = 100;

/**
 * Lower-triangular L with L·Lᵀ = A for a symmetric positive semi-definite A (a zero pivot gives a
 * zero column, which is exact for a semi-definite matrix); null when A is not semi-definite.
 */
export function choleskyPsd(a: Matrix): number[][] | null {
  const n = a.length;
  const l = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let j = 0; j < n; j++) {
    let d = a[j][j];
    for (let k = 0; k < j; k++) d -= l[j][k] * l[j][k];
    if (d < -PSD_TOLERANCE * Math.max(1, Math.abs(a[j][j]))) return null;
    const pivot = d > PSD_TOLERANCE ? Math.sqrt(d) : 0;
    l[j][j] = pivot;
    for (let i = j + 1; i < n; i++) {
      let s = a[i][j];
      for (let k = 0; k < j; k++) s -= l[i][k] * l[j][k];
      if (pivot > 0) l[i][j] = s / pivot;
      else if (Math.abs(s) > ZERO_COLUMN_TOLERANCE) return null; // a zero pivot with a non-zero column: not PSD
    }
  }
  return l;
}

/**
 * Eigenvalues and eigenvectors of a symmetric matrix by cyclic Jacobi rotations (Golub & Van
 * Loan, section 8.5): values[i] belongs to column i of `vectors`.
 */
export function symmetricEigen(a: Matrix): { values: number[]; vectors: number[][] } {
  const n = a.length;
  const m = a.map((row) => [...row]);
  const v = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (__, j): number => (i === j ? 1 : 0)),
  );
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += m[p][q] * m[p][q];
    if (off < 1e-24) break;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = m[p][q];
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (m[q][q] - m[p][p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const mkp = m[k][p];
          const mkq = m[k][q];
          m[k][p] = c * mkp - s * mkq;
          m[k][q] = s * mkp + c * mkq;
        }
        for (let k = 0; k < n; k++) {
          const mpk = m[p][k];
          const mqk = m[q][k];
          m[p][k] = c * mpk - s * mqk;
          m[q][k] = s * mpk + c * mqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k][p];
          const vkq = v[k][q];
          v[k][p] = c * vkp - s * vkq;
          v[k][q] = s * vkp + c * vkq;
        }
      }
    }
  }
  return { values: m.map((row, i) => row[i]), vectors: v };
}

/** V·diag(max(λ, floor))·Vᵀ: the projection onto the positive semi-definite cone (floor 0). */
function clipEigenvalues(a: Matrix, floor: number): number[][] {
  const n = a.length;
  const { values, vectors } = symmetricEigen(a);
  const clipped = values.map((x) => Math.max(x, floor));
  const out = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += vectors[i][k] * clipped[k] * vectors[j][k];
      out[i][j] = s;
      out[j][i] = s;
    }
  }
  return out;
}

/** D^(−1/2)·A·D^(−1/2) with D = diag(A): the same matrix rescaled to a unit diagonal. */
function unitDiagonal(a: Matrix): number[][] {
  const d = a.map((row, i) => Math.sqrt(row[i]));
  return a.map((row, i) => row.map((x, j) => (i === j ? 1 : x / (d[i] * d[j]))));
}

/**
 * The nearest correlation matrix (symmetric, unit diagonal, positive semi-definite) to a
 * symmetric matrix with unit diagonal, by Higham's alternating projections with Dykstra's
 * correction; its eigenvalues are then floored at EIGEN_FLOOR and the diagonal restored, so the
 * result factors cleanly (a change far below any typed coefficient).
 */
export function nearestCorrelation(a: Matrix): number[][] {
  const n = a.length;
  let y = a.map((row) => [...row]);
  let correction = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const iterations = Math.min(HIGHAM_MAX_ITERATIONS, Math.max(1, Math.floor(HIGHAM_BUDGET / n ** 3)));
  for (let iteration = 0; iteration < iterations; iteration++) {
    const r = y.map((row, i) => row.map((x, j) => x - correction[i][j]));
    const x = clipEigenvalues(r, 0);
    correction = x.map((row, i) => row.map((v, j) => v - r[i][j]));
    const next = x.map((row, i) => row.map((v, j) => (i === j ? 1 : v)));
    let change = 0;
    let size = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        change += (next[i][j] - y[i][j]) ** 2;
        size += next[i][j] ** 2;
      }
    }
    y = next;
    if (Math.sqrt(change) <= HIGHAM_TOLERANCE * Math.sqrt(size)) break;
  }
  return unitDiagonal(clipEigenvalues(y, EIGEN_FLOOR));
}

/**
 * Checks a symmetric, unit-diagonal matrix with coefficients in [−1, 1] (the caller validates
 * that) for consistency and replaces it by the nearest consistent one when it is not.
 */
export function checkCorrelation(given: Matrix): CorrelationCheck {
  if (choleskyPsd(given)) return { matrix: given.map((row) => [...row]), adjusted: false, largestChange: 0 };
  const matrix = nearestCorrelation(given);
  let largestChange = 0;
  for (let i = 0; i < given.length; i++)
    for (let j = 0; j < given.length; j++)
      largestChange = Math.max(largestChange, Math.abs(matrix[i][j] - given[i][j]));
  return { matrix, adjusted: true, largestChange };
}

/**
 * The Pearson correlation of normal scores whose ranks have Spearman correlation ρ:
 * ρ_Pearson = 2·sin(π·ρ_S / 6) (Pearson, 1907, for the bivariate normal), coefficient by
 * coefficient. Iman-Conover reorders by normal scores, so the scores are given this correlation
 * for the ranks to get ρ_S (see `simulatedCorrelation` when it is not consistent).
 */
function scoreImage(spearman: Matrix): number[][] {
  return spearman.map((row, i) => row.map((r, j) => (i === j ? 1 : 2 * Math.sin((Math.PI * r) / 6))));
}

/** A matrix a simulation uses, with the normal scores' correlation that induces it. */
export interface SimulatedCorrelation extends CorrelationCheck {
  /** The Pearson correlation Iman-Conover gives the normal scores (positive semi-definite). */
  readonly scores: number[][];
}

/**
 * The rank correlation a simulation induces for a given matrix, and how far it is from the given
 * one. A consistent matrix's normal-score image 2·sin(π·ρ/6) is not always consistent: near the
 * edge of the consistent matrices (three lines each pair at −0.5, a matrix just adjusted) the
 * image needs the nearest consistent matrix too, and the ranks then get that matrix's Spearman
 * correlation (6/π)·asin(ρ/2), not the given one. That matrix is what the simulation reports,
 * adjusted, with its largest change from the given one, so a spill or the pane never says "as
 * given" beside a correlation the trials do not have.
 */
export function simulatedCorrelation(given: Matrix): SimulatedCorrelation {
  const check = checkCorrelation(given);
  const image = scoreImage(check.matrix);
  if (choleskyPsd(image)) return { ...check, scores: image };
  const scores = nearestCorrelation(image);
  const matrix = scores.map((row, i) => row.map((x, j) => (i === j ? 1 : (6 / Math.PI) * Math.asin(x / 2))));
  let largestChange = 0;
  for (let i = 0; i < given.length; i++)
    for (let j = 0; j < given.length; j++)
      largestChange = Math.max(largestChange, Math.abs(matrix[i][j] - given[i][j]));
  return { matrix, adjusted: true, largestChange, scores };
}

/** True when every off-diagonal coefficient is 0: the lines are independent. */
export function isIdentity(a: Matrix): boolean {
  return a.every((row, i) => row.every((x, j) => (i === j ? x === 1 : x === 0)));
}
