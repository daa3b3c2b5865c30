import fc from "fast-check";
import {
  checkCorrelation,
  choleskyPsd,
  nearestCorrelation,
  simulatedCorrelation,
  symmetricEigen,
  ZERO_COLUMN_TOLERANCE,
} from "../../src/engine/correlation";
import { correlationProblem } from "../../src/engine/simulate";

const identity = (n: number): number[][] =>
  Array.from({ length: n }, (_, i) => Array.from({ length: n }, (__, j) => (i === j ? 1 : 0)));

const smallestEigenvalue = (a: number[][]): number => Math.min(...symmetricEigen(a).values);

describe("Rank-correlation matrices", () => {
  it("accepts a consistent matrix as given, including a semi-definite one (perfect correlation)", () => {
    const given = [
      [1, 0.6, 0.3],
      [0.6, 1, 0.2],
      [0.3, 0.2, 1],
    ];
    expect(checkCorrelation(given)).toEqual({ matrix: given, adjusted: false, largestChange: 0 });
    const perfect = [
      [1, 1],
      [1, 1],
    ];
    expect(checkCorrelation(perfect).adjusted).toBe(false);
  });

  it("finds the eigenvalues of a known matrix: [[2,1],[1,2]] has 1 and 3", () => {
    const { values, vectors } = symmetricEigen([
      [2, 1],
      [1, 2],
    ]);
    expect([...values].sort()).toEqual([expect.closeTo(1, 12), expect.closeTo(3, 12)]);
    // A·v = λ·v for each column
    for (let k = 0; k < 2; k++) {
      const v = [vectors[0][k], vectors[1][k]];
      expect(2 * v[0] + v[1]).toBeCloseTo(values[k] * v[0], 12);
    }
  });

  it("adjusts an inconsistent matrix to Higham's nearest correlation matrix (his 3×3 example)", () => {
    // Higham (2002), section 5: the nearest correlation matrix to [[1,1,0],[1,1,1],[0,1,1]] has
    // off-diagonal entries 0.7607, 0.1573, 0.7607 (to 4 decimals).
    const given = [
      [1, 1, 0],
      [1, 1, 1],
      [0, 1, 1],
    ];
    const check = checkCorrelation(given);
    expect(check.adjusted).toBe(true);
    expect(check.matrix[0][1]).toBeCloseTo(0.7607, 3);
    expect(check.matrix[0][2]).toBeCloseTo(0.1573, 3);
    expect(check.matrix[1][2]).toBeCloseTo(0.7607, 3);
    expect(check.largestChange).toBeCloseTo(1 - 0.7607, 3);
  });

  it("makes any symmetric unit-diagonal matrix consistent (unit diagonal, symmetric, positive semi-definite) and adjusts only an inconsistent one", () => {
    const matrix = fc.integer({ min: 2, max: 6 }).chain((n) =>
      fc
        .array(fc.double({ min: -1, max: 1, noNaN: true }), {
          minLength: (n * (n - 1)) / 2,
          maxLength: (n * (n - 1)) / 2,
        })
        .map((upper) => {
          const a = identity(n);
          let k = 0;
          for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) a[i][j] = a[j][i] = upper[k++];
          return a;
        }),
    );
    fc.assert(
      fc.property(matrix, (a) => {
        const check = checkCorrelation(a);
        const m = check.matrix;
        for (let i = 0; i < m.length; i++) {
          expect(m[i][i]).toBeCloseTo(1, 12);
          for (let j = 0; j < m.length; j++) {
            expect(m[i][j]).toBeCloseTo(m[j][i], 12);
            expect(Math.abs(m[i][j])).toBeLessThanOrEqual(1 + 1e-12);
          }
        }
        // Consistent up to the rounding the check forgives: a matrix at the edge of consistency
        // (coefficients within 1e-10 of ±1) may keep an eigenvalue of about −1e-9, and its factor
        // must reproduce it within that tolerance.
        expect(smallestEigenvalue(m)).toBeGreaterThan(-ZERO_COLUMN_TOLERANCE);
        const l = choleskyPsd(m);
        expect(l).not.toBeNull();
        for (let i = 0; i < m.length; i++)
          for (let j = 0; j < m.length; j++) {
            let product = 0;
            for (let k = 0; k < m.length; k++) product += l![i][k] * l![j][k];
            expect(Math.abs(product - m[i][j])).toBeLessThanOrEqual(ZERO_COLUMN_TOLERANCE);
          }
        expect(check.adjusted).toBe(choleskyPsd(a) === null);
      }),
      { numRuns: 100 },
    );
  });

  it("uses a matrix at the edge of consistency as given, with a factor that reproduces it", () => {
    // Found by the property above: two pairs within 1e-10 of perfect negative correlation, and a
    // 2e-9 coefficient between them. Its smallest eigenvalue is −1e-9: rounding, not a judgement.
    const edge = [
      [1, 0, 0, -0.9999999999500001, 0, -2.0493905432231374e-9],
      [0, 1, -1e-300, 0, 0, 0],
      [0, -1e-300, 1, 0, 0, 0],
      [-0.9999999999500001, 0, 0, 1, 0, 0],
      [0, 0, 0, 0, 1, -0.9999999999999996],
      [-2.0493905432231374e-9, 0, 0, 0, -0.9999999999999996, 1],
    ];
    const check = checkCorrelation(edge);
    expect(check.adjusted).toBe(false);
    expect(smallestEigenvalue(check.matrix)).toBeGreaterThan(-ZERO_COLUMN_TOLERANCE);
    expect(choleskyPsd(check.matrix)).not.toBeNull();
  });

  it("moves less than any other consistent matrix it is compared with (nearness, in the Frobenius norm)", () => {
    const given = [
      [1, 0.9, 0.9],
      [0.9, 1, -0.5],
      [0.9, -0.5, 1],
    ];
    const near = nearestCorrelation(given);
    const distance = (b: number[][]): number =>
      Math.sqrt(given.flatMap((row, i) => row.map((x, j) => (x - b[i][j]) ** 2)).reduce((s, x) => s + x, 0));
    // Shrinking towards the identity until consistent is one feasible answer; Higham's is nearer.
    let shrunk = given;
    for (let t = 1; t >= 0; t -= 0.01) {
      shrunk = given.map((row, i) => row.map((x, j) => (i === j ? 1 : x * t)));
      if (choleskyPsd(shrunk)) break;
    }
    expect(distance(near)).toBeLessThan(distance(shrunk));
  });

  it("reports the correlation the trials get when a consistent matrix's normal-score image is not consistent (three lines at −0.5)", () => {
    // Every pair at −0.5 is consistent (smallest eigenvalue 0), but its image 2·sin(−π/12) =
    // −0.5176 is not: the scores can only take the nearest consistent matrix (each pair −0.5),
    // whose ranks correlate at (6/π)·asin(−0.25) = −0.4826. The simulation says so.
    const given = [
      [1, -0.5, -0.5],
      [-0.5, 1, -0.5],
      [-0.5, -0.5, 1],
    ];
    expect(checkCorrelation(given).adjusted).toBe(false);
    const simulated = simulatedCorrelation(given);
    expect(simulated.adjusted).toBe(true);
    expect(simulated.matrix[0][1]).toBeCloseTo((6 / Math.PI) * Math.asin(-0.25), 6);
    expect(simulated.largestChange).toBeCloseTo(0.5 + (6 / Math.PI) * Math.asin(-0.25), 6);
    expect(smallestEigenvalue(simulated.scores)).toBeGreaterThan(0);
    // A matrix whose image is consistent is simulated as given, scores and all.
    const easy = [
      [1, 0.6, 0.3],
      [0.6, 1, 0.2],
      [0.3, 0.2, 1],
    ];
    expect(simulatedCorrelation(easy)).toEqual({
      matrix: easy,
      adjusted: false,
      largestChange: 0,
      scores: easy.map((row, i) => row.map((r, j) => (i === j ? 1 : 2 * Math.sin((Math.PI * r) / 6)))),
    });
  });

  it("maps Spearman targets to the normal scores' Pearson correlation 2·sin(π·ρ/6)", () => {
    const p = simulatedCorrelation([
      [1, 0.5],
      [0.5, 1],
    ]).scores;
    expect(p[0][1]).toBeCloseTo(2 * Math.sin(Math.PI / 12), 14);
    expect(p[0][1]).toBeCloseTo(0.5176, 4);
  });
});

describe("correlationProblem", () => {
  it("bounds the matrix at 100 line items, since adjusting one costs the cube of its size", () => {
    expect(correlationProblem(identity(100), 100)).toBeNull();
    expect(correlationProblem(identity(101), 101)).toEqual({
      kind: "invalid",
      key: "tooManyItems",
      params: { argument: "correlation", max: 100, got: 101 },
    });
  });

  it("keeps a large inconsistent matrix's adjustment bounded in time and still consistent", () => {
    const n = 60;
    const a = identity(n).map((row, i) => row.map((x, j) => (i === j ? 1 : (i + j) % 3 === 0 ? 0.9 : -0.6)));
    const check = checkCorrelation(a);
    expect(check.adjusted).toBe(true);
    expect(choleskyPsd(check.matrix)).not.toBeNull();
  });
});
