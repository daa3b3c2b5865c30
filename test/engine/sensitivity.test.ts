import fc from "fast-check";
import type { ThreePoint } from "../../src/engine/distributions";
import { breakEvenShare, roi, total } from "../../src/engine/roi";
import { solve, tornado } from "../../src/engine/sensitivity";
import type { LineItemModel } from "../../src/engine/simulate";
import { SEED_LABELS, SEED_STRESS_MODEL } from "./seed-example";

const item: fc.Arbitrary<ThreePoint> = fc
  .tuple(
    fc.double({ min: 1, max: 1e7, noNaN: true }),
    fc.double({ min: 0, max: 1e6, noNaN: true }),
    fc.double({ min: 0, max: 1e6, noNaN: true }),
  )
  .map(([low, up, further]) => ({ low, base: low + up, high: low + up + further }));

const model: fc.Arbitrary<LineItemModel> = fc.record({
  benefits: fc.array(item, { minLength: 1, maxLength: 5 }),
  costs: fc.array(item, { minLength: 1, maxLength: 5 }),
});

const labelsFor = (m: LineItemModel): string[] => [...m.benefits, ...m.costs].map((_, i) => `item ${i + 1}`);

describe("Tornado (one-at-a-time sensitivity)", () => {
  const baseB = 22_000_000;
  const baseC = 2_974_666.67;

  it("ranks the seed's line items by swing, retention first and training last", () => {
    const rows = tornado(SEED_STRESS_MODEL, SEED_LABELS);
    // Benefit swing = (high − low)/ΣC: retention 5M/ΣC = 1.681, agent cost 3.6M/ΣC = 1.210,
    // capacity 2.4M/ΣC = 0.807. Cost swing = ΣB/(ΣC − base + low) − ΣB/(ΣC − base + high):
    // people 1.314, model API 0.728, platform 0.575, training 0.160.
    expect(rows.map((r) => r.label)).toEqual([
      "retention",
      "people",
      "agent cost saved",
      "capacity",
      "model API",
      "platform",
      "training",
    ]);
    expect(rows[0]).toMatchObject({
      roiAtLow: expect.closeTo((baseB - 3_000_000 - baseC) / baseC, 6),
      roiAtHigh: expect.closeTo((baseB + 2_000_000 - baseC) / baseC, 6),
      swing: expect.closeTo(5_000_000 / baseC, 6),
    });
    // people: 1,440,000 × 0.9 / × 1.3; low cost gives the higher ROI
    expect(rows[1].roiAtLow).toBeCloseTo(baseB / (baseC - 144_000) - 1, 6);
    expect(rows[1].roiAtHigh).toBeCloseTo(baseB / (baseC + 432_000) - 1, 6);
    expect(rows[1].swing).toBeCloseTo(1.3141, 4);
  });

  it("tornado rows are sorted by swing", () => {
    fc.assert(
      fc.property(model, (m) => {
        const rows = tornado(m, labelsFor(m));
        expect(rows).toHaveLength(m.benefits.length + m.costs.length);
        for (let i = 1; i < rows.length; i++) expect(rows[i].swing).toBeLessThanOrEqual(rows[i - 1].swing);
      }),
    );
  });

  it("tornado swing of an item with low = high is 0", () => {
    fc.assert(
      fc.property(model, fc.double({ min: 1, max: 1e6, noNaN: true }), (m, value) => {
        const fixed = { low: value, base: value, high: value };
        const withFixed = { benefits: [...m.benefits, fixed], costs: [...m.costs, fixed] };
        const labels = [
          ...m.benefits.map((_, i) => `b${i}`),
          "fixed benefit",
          ...m.costs.map((_, i) => `c${i}`),
          "fixed cost",
        ];
        const rows = tornado(withFixed, labels);
        expect(rows.find((r) => r.label === "fixed benefit")?.swing).toBe(0);
        expect(rows.find((r) => r.label === "fixed cost")?.swing).toBe(0);
      }),
    );
  });

  it("measures each item at its low and high with the rest at base, swing = |high − low|", () => {
    fc.assert(
      fc.property(model, (m) => {
        const labels = labelsFor(m);
        const rows = tornado(m, labels);
        const b = total(m.benefits.map((i) => i.base));
        const c = total(m.costs.map((i) => i.base));
        rows.forEach((row) => {
          const k = labels.indexOf(row.label);
          const isBenefit = k < m.benefits.length;
          const line = isBenefit ? m.benefits[k] : m.costs[k - m.benefits.length];
          const at = (v: number): number =>
            isBenefit ? roi(b - line.base + v, c) : roi(b, c - line.base + v);
          expect(row.roiAtLow).toBeCloseTo(at(line.low), 9);
          expect(row.roiAtHigh).toBeCloseTo(at(line.high), 9);
          expect(row.swing).toBe(Math.abs(row.roiAtHigh - row.roiAtLow));
        });
      }),
    );
  });

  it("keeps the input order for equal swings", () => {
    const same = { low: 1, base: 2, high: 3 };
    const rows = tornado({ benefits: [same, same, same], costs: [{ low: 10, base: 10, high: 10 }] }, [
      "a",
      "b",
      "c",
      "d",
    ]);
    expect(rows.map((r) => r.label)).toEqual(["a", "b", "c", "d"]);
  });
});

describe("Solve (bisection on a bracketing interval)", () => {
  it("solve finds the root of a monotone function", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.integer({ min: 1, max: 3 }),
        fc.boolean(),
        (root, width, power, decreasing) => {
          const f = (x: number): number =>
            (decreasing ? -1 : 1) * Math.sign(x - root) * Math.abs(x - root) ** power;
          const x = solve(f, 0, root - width, root + 2 * width);
          expect(x).not.toBeNull();
          expect(Math.abs((x as number) - root)).toBeLessThanOrEqual(
            1e-9 * Math.max(1, Math.abs(root) + width),
          );
        },
      ),
    );
  });

  it("hits a target value, not only 0: x³ = 27 at 3", () => {
    expect(solve((x) => x ** 3, 27, 0, 10)).toBeCloseTo(3, 10);
  });

  it("returns an end of the interval when the target is met there", () => {
    expect(solve((x) => x, 2, 2, 5)).toBe(2);
    expect(solve((x) => x, 5, 2, 5)).toBe(5);
  });

  it("returns null when the interval does not bracket the target or f is not finite at an end", () => {
    expect(solve((x) => x * x + 1, 0, -5, 5)).toBeNull();
    expect(solve((x) => x, 10, 0, 5)).toBeNull();
    expect(solve((x) => 1 / x, 1, 0, 5)).toBeNull();
    expect(solve(() => NaN, 1, 0, 5)).toBeNull();
  });

  it("finds the break-even share in agreement with the closed form", () => {
    const benefits = 22_000_000;
    const costs = 2_974_666.67;
    for (const target of [0, 0.5, 6]) {
      const share = solve((s) => roi(s * benefits, costs), target, 0, 10);
      expect(share).toBeCloseTo(breakEvenShare(benefits, costs, target), 9);
    }
  });
});
