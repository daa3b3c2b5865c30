import fc from "fast-check";
import {
  annualRoi,
  type BusinessCase,
  factorFor,
  monthlyNetCashFlows,
  paybackMonths,
  withAdoptionScaled,
  withBenefitsScaled,
} from "../../src/engine/business-case";
import { breakEvenShare } from "../../src/engine/roi";

/** The seed example with a 6-month S-curve ramp from month 0, as the ROI sheet builds it alone. */
const ramp = (months: number): number[] =>
  Array.from({ length: 37 }, (_, m) => {
    const x = Math.min(1, m / months);
    return x * x * (3 - 2 * x);
  });
const seed: BusinessCase = {
  annualBenefits: 22_000_000,
  annualCosts: 2_974_666.666666667,
  apiAnnualCost: 768_000,
  implementationCost: 1_500_000,
  adoption: ramp(6),
  monthsPerYear: 12,
};

describe("the ROI sheet's business case as an engine model", () => {
  it("gives the seed's annual ROI of 639.58%", () => {
    expect(annualRoi(seed)).toBeCloseTo(6.3958, 4);
  });

  it("charges the implementation at month 0 and fixed plus adoption-scaled API costs after", () => {
    const flows = monthlyNetCashFlows(seed);
    expect(flows).toHaveLength(37);
    expect(flows[0]).toBeCloseTo(-1_500_000, 6);
    // month 36: full adoption: (22,000,000 − 2,974,666.67) / 12
    expect(flows[36]).toBeCloseTo((22_000_000 - 2_974_666.666666667) / 12, 6);
    // month 3: half adopted: 0.5·B/12 − ((C − API)/12 + 0.5·API/12)
    expect(flows[3]).toBeCloseTo(
      (0.5 * 22e6) / 12 - ((2_974_666.666666667 - 768_000) / 12 + (0.5 * 768_000) / 12),
      6,
    );
  });

  it("pays back within the horizon for the seed, and never without benefits", () => {
    expect(paybackMonths(seed)).toBeGreaterThan(0);
    expect(paybackMonths(seed)).toBeLessThan(14);
    expect(paybackMonths(withBenefitsScaled(seed, 0))).toBeNull();
  });

  it("finds the benefit realisation for ROI = 0 equal to the closed-form break-even share", () => {
    const factor = factorFor(seed, "benefits", "roi", 0);
    expect(factor).toBeCloseTo(breakEvenShare(seed.annualBenefits, seed.annualCosts), 9);
  });

  it("finds the benefit realisation and the adoption level that give a 14-month payback", () => {
    for (const lever of ["benefits", "adoption"] as const) {
      const factor = factorFor(seed, lever, "payback", 14) as number;
      expect(factor).toBeGreaterThan(0);
      expect(factor).toBeLessThan(1);
      const scaled =
        lever === "benefits" ? withBenefitsScaled(seed, factor) : withAdoptionScaled(seed, factor);
      expect(paybackMonths(scaled)).toBeCloseTo(14, 6);
    }
  });

  it("has no adoption level that changes the annual ROI (it is a run-rate figure)", () => {
    expect(factorFor(seed, "adoption", "roi", 0)).toBeNull();
  });

  it("payback never grows when benefits grow", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 3, noNaN: true }),
        fc.double({ min: 1, max: 2, noNaN: true }),
        (k, up) => {
          const before = paybackMonths(withBenefitsScaled(seed, k)) ?? Infinity;
          const after = paybackMonths(withBenefitsScaled(seed, k * up)) ?? Infinity;
          expect(after).toBeLessThanOrEqual(before + 1e-9);
        },
      ),
    );
  });
});
