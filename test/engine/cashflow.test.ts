import * as formulajs from "@formulajs/formulajs";
import fc from "fast-check";
import { cumulative, npv, payback, presentValue, presentValueRoi } from "../../src/engine/cashflow";
import { roi, total } from "../../src/engine/roi";

/** Excel's NPV as @formulajs/formulajs computes it (an independent implementation). */
function excelNpv(rate: number, values: readonly number[]): number {
  return formulajs.NPV(rate, ...values) as number;
}

/** |a − b| within `relative` of the flows' scale (NPV can cancel to near 0, so not of |b|). */
function expectNear(actual: number, expected: number, scale: number, relative = 1e-9): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.max(1, scale));
}

const rate = fc.double({ min: -0.5, max: 1, noNaN: true });
const amount = fc.double({ min: -1e7, max: 1e7, noNaN: true });
const flows = fc.array(amount, { minLength: 1, maxLength: 40 });
const inflow = fc.double({ min: 0, max: 1e7, noNaN: true });
const scaleOf = (values: readonly number[]): number => values.reduce((s, v) => s + Math.abs(v), 0);
/** The largest a discounted sum of `values` can get: Σ|v| times the largest discount factor. */
const discountedScale = (r: number, values: readonly number[]): number =>
  scaleOf(values) * Math.max(1, (1 + r) ** -values.length);

describe("NPV (Excel's convention: the first value is discounted one period)", () => {
  it("gives 1,188.44 on Excel's documented example (10%; −10,000, 3,000, 4,200, 6,800)", () => {
    expect(npv(0.1, [-10_000, 3_000, 4_200, 6_800])).toBeCloseTo(1_188.44, 2);
  });

  it("gives 1,922.06 and −3,749.47 on Excel's second documented example (8%, outlay at time 0)", () => {
    const returns = [8_000, 9_200, 10_000, 12_000, 14_500];
    expect(npv(0.08, returns) - 40_000).toBeCloseTo(1_922.06, 2);
    expect(npv(0.08, [...returns, -9_000]) - 40_000).toBeCloseTo(-3_749.47, 2);
  });

  it("is 0 for no values and the plain sum at a zero rate", () => {
    expect(npv(0.1, [])).toBe(0);
    expect(npv(0, [1, 2, 3.5])).toBe(6.5);
  });

  it("agrees with formulajs NPV on random cash flows (relative 1e-9)", () => {
    fc.assert(
      fc.property(rate, flows, (r, values) => {
        expectNear(npv(r, values), excelNpv(r, values), discountedScale(r, values));
      }),
      { numRuns: 300 },
    );
  });
});

describe("Present value (element 0 at time 0, undiscounted)", () => {
  it("discounts year k by (1 + r)^k: 100 + 110/1.1 + 121/1.21 = 300", () => {
    expect(presentValue(0.1, [100, 110, 121])).toBeCloseTo(300, 12);
  });

  it("gives Excel's documented 1,922.06 when the outlay is element 0", () => {
    expect(presentValue(0.08, [-40_000, 8_000, 9_200, 10_000, 12_000, 14_500])).toBeCloseTo(1_922.06, 2);
  });

  it("equals values[0] + NPV(rate, values[1..]) from formulajs on random cash flows", () => {
    fc.assert(
      fc.property(rate, flows, (r, values) => {
        const expected = values[0] + excelNpv(r, values.slice(1));
        expectNear(presentValue(r, values), expected, discountedScale(r, values));
      }),
      { numRuns: 300 },
    );
  });

  it("is (1 + r) times Excel's NPV of the same values", () => {
    fc.assert(
      fc.property(rate, flows, (r, values) => {
        expectNear(presentValue(r, values), (1 + r) * npv(r, values), discountedScale(r, values) * (1 + r));
      }),
    );
  });
});

describe("PV ROI (risk-adjusted, Total Economic Impact convention)", () => {
  it("gives 0.6667 on a hand-worked case and 0.25 with 10% benefit risk and 20% cost risk", () => {
    // PV benefits = 0 + 1,100/1.1 + 1,210/1.21 = 2,000; PV costs = 1,000 + 110/1.1 + 121/1.21 = 1,200
    const benefits = [0, 1_100, 1_210];
    const costs = [1_000, 110, 121];
    const plain = presentValueRoi(benefits, costs, { discountRate: 0.1, benefitRisk: 0, costRisk: 0 });
    expect(plain.pvBenefits).toBeCloseTo(2_000, 9);
    expect(plain.pvCosts).toBeCloseTo(1_200, 9);
    expect(plain.roi).toBeCloseTo(800 / 1_200, 12);
    // PV benefits × 0.9 = 1,800; PV costs × 1.2 = 1,440; ROI = 360 / 1,440
    const risky = presentValueRoi(benefits, costs, { discountRate: 0.1, benefitRisk: 0.1, costRisk: 0.2 });
    expect(risky.pvBenefits).toBeCloseTo(1_800, 9);
    expect(risky.pvCosts).toBeCloseTo(1_440, 9);
    expect(risky.roi).toBeCloseTo(0.25, 12);
  });

  it("has no ROI (null) when PV costs are not positive", () => {
    const none = { discountRate: 0.1, benefitRisk: 0, costRisk: 0 };
    expect(presentValueRoi([100], [0, 0], none).roi).toBeNull();
    expect(presentValueRoi([100], [-10], none).roi).toBeNull();
  });

  it("with zero risk equals (PV_B − PV_C) / PV_C computed with formulajs NPV", () => {
    const positiveFlows = fc.array(fc.double({ min: 0, max: 1e7, noNaN: true }), {
      minLength: 1,
      maxLength: 10,
    });
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        positiveFlows,
        positiveFlows,
        fc.double({ min: 1, max: 1e7, noNaN: true }),
        (r, benefits, costs, outlay) => {
          const costsWithOutlay = [costs[0] + outlay, ...costs.slice(1)];
          const pvB = benefits[0] + excelNpv(r, benefits.slice(1));
          const pvC = costsWithOutlay[0] + excelNpv(r, costsWithOutlay.slice(1));
          const result = presentValueRoi(benefits, costsWithOutlay, {
            discountRate: r,
            benefitRisk: 0,
            costRisk: 0,
          });
          expect(result.roi).not.toBeNull();
          const expected = (pvB - pvC) / pvC;
          expect(Math.abs((result.roi as number) - expected)).toBeLessThanOrEqual(
            1e-9 * Math.max(1, Math.abs(expected)),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it("PV ROI with zero rate and zero risk equals ROI of the sums", () => {
    fc.assert(
      fc.property(
        fc.array(inflow, { minLength: 1, maxLength: 10 }),
        fc.array(fc.double({ min: 1, max: 1e7, noNaN: true }), { minLength: 1, maxLength: 10 }),
        (benefits, costs) => {
          const result = presentValueRoi(benefits, costs, { discountRate: 0, benefitRisk: 0, costRisk: 0 });
          expect(result.roi).toBeCloseTo(roi(total(benefits), total(costs)), 9);
        },
      ),
    );
  });

  it("benefit risk and cost risk never raise PV ROI", () => {
    fc.assert(
      fc.property(
        fc.array(inflow, { minLength: 1, maxLength: 6 }),
        fc.array(fc.double({ min: 1, max: 1e7, noNaN: true }), { minLength: 1, maxLength: 6 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        (benefits, costs, benefitRisk, costRisk) => {
          const plain = presentValueRoi(benefits, costs, { discountRate: 0.1, benefitRisk: 0, costRisk: 0 });
          const risky = presentValueRoi(benefits, costs, { discountRate: 0.1, benefitRisk, costRisk });
          expect(risky.roi as number).toBeLessThanOrEqual((plain.roi as number) + 1e-12);
        },
      ),
    );
  });
});

describe("Payback", () => {
  it("is 3.333… periods for {−100, 30, 30, 30, 30}, and 40 months with 12 months per period", () => {
    expect(payback([-100, 30, 30, 30, 30])).toBeCloseTo(10 / 3, 12);
    expect(payback([-100, 30, 30, 30, 30], 12)).toBeCloseTo(40, 12);
  });

  it("is 0 when the cumulative never dips below 0", () => {
    expect(payback([0, 10, 20])).toBe(0);
    expect(payback([50, -10, 20])).toBe(0);
    expect(payback([0, 0, 0], 12)).toBe(0);
  });

  it("is null when the cumulative is still negative at the end of the horizon", () => {
    expect(payback([-100, 30, 30])).toBeNull();
    expect(payback([-100])).toBeNull();
    expect(payback([100, -200, 50])).toBeNull();
  });

  it("pays back exactly at a period end when the cumulative reaches exactly 0", () => {
    expect(payback([-100, 50, 50])).toBe(2);
  });

  it("measures the first crossing from negative to ≥ 0: {100, −200, 300} → 1.333…", () => {
    expect(payback([100, -200, 300])).toBeCloseTo(4 / 3, 12);
  });

  it("measures the first crossing, so a later dip does not count: {−100, 150, −200, 300} → 0.667", () => {
    expect(payback([-100, 150, -200, 300])).toBeCloseTo(100 / 150, 12);
    // Removing the first dip (time-0 value −100 → 0) leaves the later one: 2 + 50/300.
    // This is why "payback never grows when an inflow grows" holds only from period 1 on.
    expect(payback([0, 150, -200, 300])).toBeCloseTo(2 + 50 / 300, 12);
  });

  it("interpolates within the first period whose cumulative (formulajs NPV at a zero rate) reaches 0", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: -1, noNaN: true }),
        fc.array(amount, { maxLength: 30 }),
        (outlay, rest) => {
          const values = [outlay, ...rest];
          // The cumulative cash flow through period k is Excel's NPV at a zero rate.
          const sums = values.map((_, k) => excelNpv(0, values.slice(0, k + 1)));
          const k = sums.findIndex((sum) => sum >= 0);
          const result = payback(values);
          if (k < 0) {
            expect(result).toBeNull();
            return;
          }
          expect(result).not.toBeNull();
          const time = result as number;
          expect(time).toBeGreaterThanOrEqual(k - 1);
          expect(time).toBeLessThanOrEqual(k);
          // linear within period k: cumulative(k − 1) + (time − (k − 1)) · cash_flows[k] = 0
          expectNear(sums[k - 1] + (time - (k - 1)) * values[k], 0, scaleOf(values));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("payback never grows when an inflow grows (outlay at time 0; a change from period 1 on)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: -1, noNaN: true }),
        fc.array(amount, { minLength: 1, maxLength: 30 }),
        fc.nat(),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        (outlay, rest, at, extra) => {
          const before = [outlay, ...rest];
          const after = [...before];
          after[1 + (at % rest.length)] += extra;
          const asTime = (p: number | null): number => (p === null ? Infinity : p);
          expect(asTime(payback(after))).toBeLessThanOrEqual(asTime(payback(before)) + 1e-9);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("scales with the months per period", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: -1, noNaN: true }),
        fc.array(inflow, { maxLength: 20 }),
        (outlay, rest) => {
          const periods = payback([outlay, ...rest]);
          const months = payback([outlay, ...rest], 12);
          if (periods === null) expect(months).toBeNull();
          else expect(months).toBeCloseTo(12 * periods, 9);
        },
      ),
    );
  });
});

describe("Cumulative cash flow", () => {
  it("gives running totals", () => {
    expect(Array.from(cumulative([-100, 30, 30, 50]))).toEqual([-100, -70, -40, 10]);
    expect(cumulative([]).length).toBe(0);
  });
});
