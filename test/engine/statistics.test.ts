import * as formulajs from "@formulajs/formulajs";
import fc from "fast-check";
import {
  histogram,
  mean,
  percentileSorted,
  percentilesOf,
  percentilesWithIntervals,
  quantileIntervalRanks,
} from "../../src/engine/statistics";

const ascending = (values: readonly number[]): Float64Array => Float64Array.from(values).sort();

describe("Percentile (Excel's PERCENTILE.INC)", () => {
  it("gives 1.9 for the 30th percentile of {1, 3, 2, 4}, Excel's documented example", () => {
    expect(percentileSorted(ascending([1, 3, 2, 4]), 0.3)).toBeCloseTo(1.9, 14);
  });

  it("interpolates at rank p·(n − 1): 9.1 at p = 0.9 of 1..10, 5.5 at the median", () => {
    const oneToTen = ascending([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(percentileSorted(oneToTen, 0.9)).toBeCloseTo(9.1, 14);
    expect(percentileSorted(oneToTen, 0.5)).toBe(5.5);
    expect(percentileSorted(oneToTen, 0.05)).toBeCloseTo(1.45, 14);
  });

  it("gives the minimum at p = 0, the maximum at p = 1, and the one value of a single sample", () => {
    const values = ascending([-3, 8, 2]);
    expect(percentileSorted(values, 0)).toBe(-3);
    expect(percentileSorted(values, 1)).toBe(8);
    expect(percentileSorted(ascending([42]), 0.37)).toBe(42);
  });

  it("has no percentile of an empty sample (NaN; callers report it)", () => {
    expect(percentileSorted(new Float64Array(0), 0.5)).toBeNaN();
  });

  it("agrees with formulajs PERCENTILE.INC on random samples", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 60 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (values, p) => {
          const expected = formulajs.PERCENTILE.INC(values, p) as number;
          expect(Math.abs(percentileSorted(ascending(values), p) - expected)).toBeLessThanOrEqual(1e-9);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("never decreases as p rises", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 60 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (values, p, q) => {
          const sorted = ascending(values);
          // within an ulp-sized allowance: interpolation at the end of one cell may round past the next point
          expect(percentileSorted(sorted, Math.max(p, q))).toBeGreaterThanOrEqual(
            percentileSorted(sorted, Math.min(p, q)) - 1e-9,
          );
        },
      ),
    );
  });
});

describe("Percentiles by selection (no full sort)", () => {
  it("equals sorting first, for any sample and any set of p", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 300 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 8 }),
        (values, ps) => {
          const sorted = Float64Array.from(values).sort();
          const selected = percentilesOf(Float64Array.from(values), ps);
          ps.forEach((p, i) => expect(selected[i]).toBe(percentileSorted(sorted, p)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("gives what percentileSorted gives even for −0 at a whole rank (−0 + 0·d is 0)", () => {
    const values = Float64Array.from([-0, 3, 1]);
    expect(percentilesOf(values.slice(), [0, 0.5])).toEqual([
      percentileSorted(values.slice().sort(), 0),
      percentileSorted(values.slice().sort(), 0.5),
    ]);
    expect(Object.is(percentilesOf(values.slice(), [0])[0], 0)).toBe(true);
  });

  it("handles many ties and already sorted or reversed input", () => {
    const ps = [0, 0.05, 0.1, 0.5, 0.9, 0.95, 1];
    for (const values of [
      Array.from({ length: 1000 }, (_, i) => i % 3),
      Array.from({ length: 1000 }, (_, i) => i),
      Array.from({ length: 1000 }, (_, i) => -i),
    ]) {
      const sorted = Float64Array.from(values).sort();
      expect(percentilesOf(Float64Array.from(values), ps)).toEqual(
        ps.map((p) => percentileSorted(sorted, p)),
      );
    }
  });

  it("has no percentile of an empty sample (NaN)", () => {
    expect(percentilesOf(new Float64Array(0), [0.5])).toEqual([NaN]);
  });
});

describe("Mean", () => {
  it("is 2.5 for 1, 2, 3, 4", () => {
    expect(mean([1, 2, 3, 4])).toBe(2.5);
  });

  it("keeps digits a naive sum loses (1e16 + 1 − 1e16)", () => {
    // A plain running sum gives 0 here: 1e16 + 1 rounds back to 1e16.
    expect(mean([1e16, 1, -1e16])).toBeCloseTo(1 / 3, 15);
  });

  it("lies between the smallest and the largest value", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 100 }),
        (values) => {
          const m = mean(values);
          const [min, max] = [Math.min(...values), Math.max(...values)];
          const ulps = 1e-15 * Math.max(Math.abs(min), Math.abs(max)); // the final division may round
          expect(m).toBeGreaterThanOrEqual(min - ulps);
          expect(m).toBeLessThanOrEqual(max + ulps);
        },
      ),
    );
  });
});

describe("Histogram", () => {
  it("histogram counts sum to n", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 200 }),
        fc.integer({ min: 1, max: 50 }),
        (values, bins) => {
          const result = histogram(ascending(values), bins);
          expect(result).toHaveLength(bins);
          expect(result.reduce((s, b) => s + b.count, 0)).toBe(values.length);
        },
      ),
    );
  });

  it("splits the range into equal bins, the maximum in the last one", () => {
    const result = histogram(ascending([0, 1, 2, 3, 4, 5, 6, 7, 8, 10]), 5);
    expect(result.map((b) => b.count)).toEqual([2, 2, 2, 2, 2]);
    expect(result[0]).toEqual({ from: 0, to: 2, count: 2 });
    expect(result[4].to).toBe(10);
  });

  it("puts a constant sample in the first bin and gives nothing for no data or no bins", () => {
    expect(histogram(ascending([3, 3, 3]), 4).map((b) => b.count)).toEqual([3, 0, 0, 0]);
    expect(histogram(new Float64Array(0), 4)).toEqual([]);
    expect(histogram(ascending([1, 2]), 0)).toEqual([]);
  });

  it("keeps every value when the range underflows (0 and 5e-324, the smallest double)", () => {
    // (5e-324 − 0) / 2 underflows to 0; dividing by it gave NaN bins and lost the 0.
    expect(histogram(ascending([0, 5e-324]), 2).reduce((s, b) => s + b.count, 0)).toBe(2);
  });
});

describe("Percentiles with their 95% intervals", () => {
  it("equal sorting first: PERCENTILE.INC values and the order statistics of quantileIntervalRanks", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 400 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 8 }),
        (values, ps) => {
          const sorted = ascending(values);
          const { values: got, intervals } = percentilesWithIntervals(Float64Array.from(values), ps);
          ps.forEach((p, i) => {
            expect(got[i]).toBe(percentileSorted(sorted, p));
            const [l, u] = quantileIntervalRanks(values.length, p);
            // A side no order statistic bounds at 95% is NaN.
            expect(intervals[i]).toEqual({
              low: l < 0 ? NaN : sorted[l],
              high: u >= values.length ? NaN : sorted[u],
            });
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it("brackets the p-quantile with ranks n·p ∓ 1.96·√(n·p·(1 − p)): 0-based ranks 4,901 and 5,098 of 10,000 for the median", () => {
    // n·p = 5,000 and 1.96·√2,500 = 98: 1-based ranks ⌊4,902⌋ and ⌈5,098⌉ + 1 = 5,099.
    const [l, u] = quantileIntervalRanks(10_000, 0.5);
    expect(l).toBe(4_901);
    expect(u).toBe(5_098);
  });

  it("covers the quantile with probability at least 95% at any n: the widest ranks with each binomial tail at most 2.5% (BINOM.DIST)", () => {
    // x₍l₎ ≤ Q ≤ x₍u₎ exactly when l < B ≤ u, B ~ Binomial(n, p) draws at or below Q. The normal
    // approximation this replaced covered P5 at 20 trials in 62% of runs: it clipped l to 0, where
    // P(B = 0) = 0.95^20 = 36%.
    const cdf = (k: number, n: number, p: number): number =>
      k < 0 ? 0 : k >= n ? 1 : (formulajs.BINOM.DIST(k, n, p, true) as number);
    for (const n of [1, 2, 5, 6, 20, 50, 71, 72, 100, 1_000, 2_000, 10_000])
      for (const p of [0.05, 0.1, 0.25, 0.5, 0.9, 0.95]) {
        const [l, u] = quantileIntervalRanks(n, p);
        const at = `n = ${n}, p = ${p}: [${l}, ${u}]`;
        expect({ at, lowTail: cdf(l, n, p) <= 0.025 + 1e-12, widest: cdf(l + 1, n, p) > 0.025 }).toEqual({
          at,
          lowTail: true,
          widest: true,
        });
        expect({
          at,
          highTail: 1 - cdf(u, n, p) <= 0.025 + 1e-12,
          widest: 1 - cdf(u - 1, n, p) > 0.025,
        }).toEqual({ at, highTail: true, widest: true });
        expect(cdf(u, n, p) - cdf(l, n, p)).toBeGreaterThanOrEqual(0.95 - 1e-12);
      }
    // Where no order statistic can bound a side, the rank says so: P5 from 20 trials has no lower
    // bound, the median from 5 trials neither.
    expect(quantileIntervalRanks(20, 0.05)).toEqual([-1, 3]);
    expect(quantileIntervalRanks(5, 0.5)).toEqual([-1, 5]);
  });
});
