import fc from "fast-check";
import { breakEvenShare, roi, total } from "../../src/engine/roi";
import { SEED_BENEFIT_VALUES, SEED_COST_VALUES } from "./seed-example";

const money = fc.double({ min: 1, max: 1e9, noNaN: true });

describe("ROI", () => {
  it("sums the seed's benefits to 22,000,000 and its costs to 2,974,666.67", () => {
    expect(total(SEED_BENEFIT_VALUES)).toBe(22_000_000);
    expect(total(SEED_COST_VALUES)).toBeCloseTo(2_974_666.67, 2);
  });

  it("gives 6.3958 (639.6%) for the seed's customer-service example", () => {
    const result = roi(total(SEED_BENEFIT_VALUES), total(SEED_COST_VALUES));
    expect(result).toBeCloseTo(6.3958, 4);
    // (22,000,000 − 2,974,666.67) / 2,974,666.67, worked by hand
    expect(result).toBeCloseTo(19_025_333.33 / 2_974_666.67, 6);
  });

  it("is 0 when benefits equal costs, −1 with no benefits, and negative when costs exceed benefits", () => {
    expect(roi(500, 500)).toBe(0);
    expect(roi(0, 500)).toBe(-1);
    expect(roi(400, 500)).toBeCloseTo(-0.2, 15);
  });

  it("sums a typed array as well as a plain list", () => {
    expect(total(new Float64Array([1.5, 2.5, -1]))).toBe(3);
    expect(total([])).toBe(0);
  });

  it("ROI never falls when benefits rise", () => {
    fc.assert(
      fc.property(money, money, money, (benefits, extra, costs) => {
        expect(roi(benefits + extra, costs)).toBeGreaterThanOrEqual(roi(benefits, costs));
      }),
    );
  });
});

describe("Break-even share", () => {
  it("is costs / benefits for a zero target: 13.52% of the seed's benefits", () => {
    const share = breakEvenShare(total(SEED_BENEFIT_VALUES), total(SEED_COST_VALUES));
    expect(share).toBeCloseTo(2_974_666.67 / 22_000_000, 8);
    expect(share).toBeCloseTo(0.1352, 4);
  });

  it("is 1 when the target is the plan's own ROI", () => {
    const b = total(SEED_BENEFIT_VALUES);
    const c = total(SEED_COST_VALUES);
    expect(breakEvenShare(b, c, roi(b, c))).toBeCloseTo(1, 12);
  });

  it("break-even share makes ROI equal the target", () => {
    fc.assert(
      fc.property(
        money,
        money,
        fc.double({ min: -0.99, max: 20, noNaN: true }),
        (benefits, costs, target) => {
          const share = breakEvenShare(benefits, costs, target);
          expect(roi(share * benefits, costs)).toBeCloseTo(target, 6);
        },
      ),
    );
  });
});
