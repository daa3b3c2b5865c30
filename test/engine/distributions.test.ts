import * as formulajs from "@formulajs/formulajs";
import fc from "fast-check";
import {
  betaQuantileTable,
  pertMean,
  pertShape,
  QUANTILE_TABLE_SIZE,
  quantileTable,
  sampleTable,
  type ThreePoint,
  triangularMean,
  triangularQuantile,
} from "../../src/engine/distributions";

/** Excel's BETA.INV(p, α, β, A, B) as @formulajs/formulajs computes it. */
function betaInv(p: number, alpha: number, beta: number, low: number, high: number): number {
  return formulajs.BETA.INV(p, alpha, beta, low, high) as number;
}

/** A random three-point estimate: any low, a range of at least 1 (as money is), the mode anywhere in it. */
const threePoint = fc
  .tuple(
    fc.double({ min: -1e7, max: 1e7, noNaN: true }),
    fc.double({ min: 1, max: 1e7, noNaN: true }),
    fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 1, 0.5, 1e-9, 1 - 1e-9)),
  )
  .map(([low, range, share]): ThreePoint => {
    const high = low + range;
    return { low, base: Math.min(high, low + share * range), high };
  })
  .filter((item) => item.high > item.low);

/** Table nodes i/size at which the parity tests compare, spread over the whole table. */
const NODES = Array.from({ length: 128 }, (_, k) => 1 + Math.floor((k * (QUANTILE_TABLE_SIZE - 2)) / 127));

describe("PERT distribution", () => {
  it("has shape α = 1 + 4(mode − low)/range, β = 1 + 4(high − mode)/range: (0, 1, 4) → Beta(2, 4)", () => {
    expect(pertShape({ low: 0, base: 1, high: 4 })).toEqual({ alpha: 2, beta: 4 });
    expect(pertShape({ low: 10, base: 10, high: 20 })).toEqual({ alpha: 1, beta: 5 });
    expect(pertShape({ low: 5, base: 5, high: 5 })).toEqual({ alpha: 1, beta: 1 });
  });

  it("has mean (low + 4·mode + high) / 6, the mean of its Beta on [low, high]", () => {
    expect(pertMean({ low: 0, base: 1, high: 4 })).toBeCloseTo(8 / 6, 15);
    fc.assert(
      fc.property(threePoint, (item) => {
        const { alpha, beta } = pertShape(item);
        const betaMean = item.low + ((item.high - item.low) * alpha) / (alpha + beta);
        expect(Math.abs(pertMean(item) - betaMean)).toBeLessThanOrEqual(
          1e-9 * Math.max(1, Math.abs(item.low), Math.abs(item.high)),
        );
      }),
    );
  });

  it("tabulates quantiles within 1.5e-5 of the range of formulajs BETA.INV (found ≤ 1.02e-5)", () => {
    // The worst error sits in the first or last grid cell when α or β is just above 1 (the mode
    // within a hair of low or high): the density jumps from 0 to about 1 there and Simpson's rule
    // misses up to a sixth of a cell, 1/(6 · 16384) ≈ 1.02e-5.
    fc.assert(
      fc.property(threePoint, (item) => {
        const table = quantileTable(item, "PERT");
        const { alpha, beta } = pertShape(item);
        const range = item.high - item.low;
        const worst = Math.max(
          ...NODES.map((i) =>
            Math.abs(table[i] - betaInv(i / QUANTILE_TABLE_SIZE, alpha, beta, item.low, item.high)),
          ),
        );
        expect(worst / range).toBeLessThan(1.5e-5);
      }),
      { numRuns: 40 },
    );
  });

  it("tabulates quantiles within 2e-7 of the range of BETA.INV when α, β ≥ 2 (found ≤ 9e-8)", () => {
    // With λ = 4, α + β = 6: α, β ≥ 2 is a mode in the middle half of the range.
    fc.assert(
      fc.property(fc.double({ min: 2, max: 4, noNaN: true }), (alpha) => {
        const beta = 6 - alpha;
        const table = betaQuantileTable(alpha, beta);
        const worst = Math.max(
          ...NODES.map((i) => Math.abs(table[i] - betaInv(i / QUANTILE_TABLE_SIZE, alpha, beta, 0, 1))),
        );
        expect(worst).toBeLessThan(2e-7);
      }),
      { numRuns: 40 },
    );
  });

  it("reads a line's PERT table off the grid of shapes as closely as integrating its own (mode in the middle half: 2e-7)", () => {
    // quantileTable interpolates between shapes integrated at m = k/64 (m: the mode's place in
    // the range); betaQuantileTable integrates the line's own shape. Both against BETA.INV, and
    // against each other: the interpolation adds nothing the integration does not already miss.
    fc.assert(
      fc.property(fc.double({ min: 0.25, max: 0.75, noNaN: true }), (m) => {
        const item = { low: 100, base: 100 + 50 * m, high: 150 };
        const table = quantileTable(item, "PERT");
        const { alpha, beta } = pertShape(item);
        const integrated = betaQuantileTable(alpha, beta);
        for (const i of NODES) {
          const exact = betaInv(i / QUANTILE_TABLE_SIZE, alpha, beta, 0, 1);
          expect(Math.abs((table[i] - 100) / 50 - exact)).toBeLessThan(2e-7);
          expect(Math.abs((table[i] - 100) / 50 - integrated[i])).toBeLessThan(5e-7);
        }
      }),
      { numRuns: 40 },
    );
  });

  it("reads a mode near low or high off the grid within the integration's own error of it (1.5e-5)", () => {
    // Between the grid's first rows (m < 2/64) the shape changes fastest: Beta(1, 5) has a
    // density of 1 at low, Beta(1.06, 4.94) of 0. The table stays as close to BETA.INV as the
    // line's own integrated table (both within 1.5e-5 of the range).
    for (const m of [1e-4, 0.003, 0.011, 0.02, 0.03, 0.97, 0.989, 0.9999]) {
      const item = { low: 0, base: m, high: 1 };
      const table = quantileTable(item, "PERT");
      const { alpha, beta } = pertShape(item);
      const integrated = betaQuantileTable(alpha, beta);
      for (const i of NODES) {
        const exact = betaInv(i / QUANTILE_TABLE_SIZE, alpha, beta, 0, 1);
        expect(Math.abs(table[i] - exact)).toBeLessThan(1.5e-5);
        expect(Math.abs(table[i] - integrated[i])).toBeLessThan(1.5e-5);
      }
    }
  });

  it("tabulates a mode exactly at low or high (α or β = 1) within 1e-7 of BETA.INV (found ≤ 6.1e-9)", () => {
    // Beta(1, 5) has density 1 at x = 0, not 0: the first grid cell must start from it.
    for (const item of [
      { low: 0, base: 0, high: 1 },
      { low: 0, base: 1, high: 1 },
      { low: 100, base: 100, high: 250 },
    ]) {
      const table = quantileTable(item, "PERT");
      const { alpha, beta } = pertShape(item);
      const range = item.high - item.low;
      const worst = Math.max(
        ...NODES.map((i) =>
          Math.abs(table[i] - betaInv(i / QUANTILE_TABLE_SIZE, alpha, beta, item.low, item.high)),
        ),
      );
      expect(worst / range).toBeLessThan(1e-7);
    }
  });

  it("samples between table points within 1.5e-5 of the range of BETA.INV from P1 to P99", () => {
    // Outside P1–P99 the quantile function is steep and linear interpolation between the last
    // two points errs more (up to 7% of the range inside the outermost 1/4096 of probability).
    const probabilities = fc.array(fc.double({ min: 0.01, max: 0.99, noNaN: true }), {
      minLength: 1,
      maxLength: 30,
    });
    fc.assert(
      fc.property(threePoint, probabilities, (item, us) => {
        const table = quantileTable(item, "PERT");
        const { alpha, beta } = pertShape(item);
        const worst = Math.max(
          ...us.map((u) => Math.abs(sampleTable(table, u) - betaInv(u, alpha, beta, item.low, item.high))),
        );
        expect(worst / (item.high - item.low)).toBeLessThan(1.5e-5);
      }),
      { numRuns: 40 },
    );
  });
});

describe("Triangular distribution", () => {
  it("has the closed-form quantile: (0, 1, 2) gives 1 at p = 0.5 and 0.5 at p = 0.125", () => {
    const item = { low: 0, base: 1, high: 2 };
    expect(triangularQuantile(item, 0.5)).toBeCloseTo(1, 15);
    // p < (mode − low)/range: low + √(p · range · (mode − low)) = √0.25
    expect(triangularQuantile(item, 0.125)).toBeCloseTo(0.5, 15);
    expect(triangularQuantile(item, 0.875)).toBeCloseTo(1.5, 15);
    expect(triangularMean({ low: 0, base: 1, high: 5 })).toBeCloseTo(2, 15);
  });

  it("inverts the triangular CDF: F(Q(p)) = p", () => {
    const cdf = ({ low, base, high }: ThreePoint, x: number): number =>
      x <= base
        ? base > low
          ? (x - low) ** 2 / ((high - low) * (base - low))
          : 0
        : 1 - (high - x) ** 2 / ((high - low) * (high - base));
    fc.assert(
      fc.property(threePoint, fc.double({ min: 0, max: 1, noNaN: true }), (item, p) => {
        fc.pre(item.base > item.low && item.high > item.base);
        expect(cdf(item, triangularQuantile(item, p))).toBeCloseTo(p, 6);
      }),
    );
  });

  it("tabulates its exact quantiles", () => {
    fc.assert(
      fc.property(threePoint, (item) => {
        const table = quantileTable(item, "Triangular");
        for (const i of NODES) {
          expect(table[i]).toBe(triangularQuantile(item, i / QUANTILE_TABLE_SIZE));
        }
      }),
      { numRuns: 20 },
    );
  });
});

describe("Quantile tables", () => {
  it("run from low to high and never decrease", () => {
    fc.assert(
      fc.property(
        threePoint,
        fc.constantFrom("PERT" as const, "Triangular" as const),
        (item, distribution) => {
          const table = quantileTable(item, distribution);
          expect(table.length).toBe(QUANTILE_TABLE_SIZE + 1);
          // The end points keep the end cells' means: inside [low, high], within a cell of the ends.
          // (The closed forms round: a triangular table may start 5e-324 below low = 5e-324.)
          const slack = 1e-12 * (item.high - item.low);
          expect(table[0]).toBeGreaterThanOrEqual(item.low - slack);
          expect(table[0]).toBeLessThanOrEqual(table[1]);
          expect(table[QUANTILE_TABLE_SIZE]).toBeLessThanOrEqual(item.high + slack);
          let decreases = 0;
          for (let i = 1; i < table.length; i++) if (table[i] < table[i - 1]) decreases++;
          expect(decreases).toBe(0);
        },
      ),
      { numRuns: 30 },
    );
  });

  it("give draws whose mean is the distribution's: within 2e-6 of the range (PERT; 6e-6 with the mode within 2/64 of an end) and 2e-7 (triangular)", () => {
    // A draw reads the straight line between two quantiles; in the end cells, where the quantile
    // function is steepest, a line between Q(0) and Q(1/4096) misses most. Straight lines there
    // lifted the mean of PERT(0, 0, 1) by 1.6e-5 (its last cell alone), a standard error of the
    // mean at 10,000 trials of the seed model. The mean of the draws is the interpolant's
    // integral: each cell's average of its two points.
    const drawsMean = (t: Float64Array): number => {
      let sum = 0;
      for (let i = 0; i < t.length - 1; i++) sum += (t[i] + t[i + 1]) / 2;
      return sum / (t.length - 1);
    };
    for (const m of [0, 1e-3, 0.02, 0.05, 0.1, 0.25, 0.4, 0.5, 0.6, 0.75, 0.9, 0.95, 0.98, 0.999, 1]) {
      const item = { low: 10, base: 10 + 5 * m, high: 15 };
      // Between the grid's first two rows at either end the interpolated shape's own error is
      // the larger (found 5.0e-6 at m = 0.02).
      const tolerance = m < 2 / 64 || m > 62 / 64 ? 6e-6 : 2e-6;
      expect(Math.abs(drawsMean(quantileTable(item, "PERT")) - pertMean(item)) / 5).toBeLessThan(tolerance);
      expect(Math.abs(drawsMean(quantileTable(item, "Triangular")) - triangularMean(item)) / 5).toBeLessThan(
        2e-7,
      );
    }
  });

  it("hold the base value everywhere when low = high", () => {
    for (const distribution of ["PERT", "Triangular"] as const) {
      const table = quantileTable({ low: 7, base: 7, high: 7 }, distribution);
      expect(table.every((x) => x === 7)).toBe(true);
    }
  });

  it("are read by linear interpolation: u = 0 gives the first point, u = ½ the middle one", () => {
    const table = new Float64Array([0, 10, 30]);
    expect(sampleTable(table, 0)).toBe(0);
    expect(sampleTable(table, 0.25)).toBe(5);
    expect(sampleTable(table, 0.5)).toBe(10);
    expect(sampleTable(table, 0.75)).toBe(20);
    expect(sampleTable(table, 1 - 2 ** -32)).toBeCloseTo(30, 6);
  });
});
