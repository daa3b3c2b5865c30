import {
  type BusinessCase,
  annualRoi,
  paybackMonths,
  withBenefitsScaled,
} from "../../../src/engine/business-case";
import { seekGoal } from "../../../src/taskpane/model/goal-seek";

/** The seed's case on a 6-month smoothstep ramp (the ROI sheet alone). */
const ramp = (k: number) => Math.min(1, k / 6) ** 2 * (3 - 2 * Math.min(1, k / 6));
const SEED: BusinessCase = {
  annualBenefits: 22_000_000,
  annualCosts: 2_974_666.6667,
  apiAnnualCost: 768_000,
  implementationCost: 1_500_000,
  adoption: Array.from({ length: 37 }, (_, k) => ramp(k)),
  monthsPerYear: 12,
};

describe("seekGoal", () => {
  it("finds the benefit realisation for ROI = 0: current × costs / benefits", () => {
    const answer = seekGoal(SEED, { lever: "benefits", target: "roi", targetValue: 0, current: 1 });
    expect(answer.kind).toBe("answer");
    if (answer.kind !== "answer") return;
    expect(answer.value).toBeCloseTo(2_974_666.6667 / 22_000_000, 10);
    expect(annualRoi(withBenefitsScaled(SEED, answer.value))).toBeCloseTo(0, 9);
  });

  it("scales from the current realisation, as the workbook's benefits already include it", () => {
    const atHalf = { ...SEED, annualBenefits: SEED.annualBenefits * 0.5 };
    const answer = seekGoal(atHalf, { lever: "benefits", target: "roi", targetValue: 0, current: 0.5 });
    expect(answer).toEqual({ kind: "answer", value: expect.closeTo(2_974_666.6667 / 22_000_000, 10) });
  });

  it("finds an adoption target for a 14-month payback", () => {
    const answer = seekGoal(SEED, { lever: "adoption", target: "payback", targetValue: 14, current: 1 });
    if (answer.kind !== "answer") throw new Error(answer.kind);
    const scaled = { ...SEED, adoption: SEED.adoption.map((a) => a * answer.value) };
    expect(paybackMonths(scaled)).toBeCloseTo(14, 8);
  });

  it("explains instead of answering: no effect, nothing to scale, beyond the input's limit, unreachable", () => {
    expect(seekGoal(SEED, { lever: "adoption", target: "roi", targetValue: 0, current: 1 }).kind).toBe(
      "noEffect",
    );
    expect(seekGoal(SEED, { lever: "benefits", target: "roi", targetValue: 0, current: 0 }).kind).toBe(
      "zeroLever",
    );
    const costly = { ...SEED, implementationCost: 25_000_000 };
    expect(
      seekGoal(costly, { lever: "adoption", target: "payback", targetValue: 14, current: 1 }),
    ).toMatchObject({
      kind: "beyondLimit",
      limit: 1,
    });
    // Month 0 always carries the implementation cost, so payback is never 0 months.
    expect(seekGoal(SEED, { lever: "benefits", target: "payback", targetValue: 0, current: 1 }).kind).toBe(
      "unreachable",
    );
  });
});
