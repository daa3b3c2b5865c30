import * as formulajs from "@formulajs/formulajs";
import { monthlyNetCashFlows, type BusinessCase } from "../../src/engine/business-case";
import { irr, payback, presentValueRoi } from "../../src/engine/cashflow";
import {
  benefitSchedule,
  costSchedule,
  defaultLowHigh,
  financialSummary,
  type LineItemCase,
  type LineItemSettings,
  threePointModel,
  usageMonthlyCost,
  yearTotals,
} from "../../src/engine/line-items";
import { adoption } from "../../src/engine/rollout";
import { simulateRoi } from "../../src/engine/simulate";
import { tornado } from "../../src/engine/sensitivity";
import { SEED_BENEFIT_VALUES, SEED_COST_VALUES } from "./seed-example";

const ramp = (start: number, months: number, target = 1): number[] =>
  Array.from({ length: 37 }, (_, m) => adoption(m, start, months, target));

const settings: LineItemSettings = {
  companyAdoption: ramp(0, 6),
  monthsPerYear: 12,
  benefitRealisation: 1,
  scenario: "Base",
  usagePriceChange: 0,
  discountRate: 0.1,
};

/** The seed's customer-service case as line items, as the sample rows of the ROI sheet hold it. */
function seedCase(changes: Partial<LineItemSettings> = {}): LineItemCase {
  const risk = { benefit: 0.1, cost: 0.1 };
  const [agents, capacity, retention] = SEED_BENEFIT_VALUES;
  const [api, platform, people, training] = SEED_COST_VALUES;
  return {
    settings: { ...settings, ...changes },
    benefits: [
      { label: "Agent cost saved", annual: agents, timing: "company" as const, risk: risk.benefit },
      { label: "Capacity", annual: capacity, timing: "company" as const, risk: risk.benefit },
      { label: "Retention", annual: retention, timing: "company" as const, risk: risk.benefit },
    ].map((l) => ({ ...l, ...defaultLowHigh(l.annual, -0.3, 0.2) })),
    costs: [
      { label: "Model API", amount: api, kind: "usage", startMonth: 1, risk: risk.cost },
      { label: "Platform", amount: platform, kind: "recurring", startMonth: 1, risk: risk.cost },
      { label: "People", amount: people, kind: "recurring", startMonth: 1, risk: risk.cost },
      { label: "Training", amount: training, kind: "recurring", startMonth: 1, risk: risk.cost },
      { label: "Implementation", amount: 1_500_000, kind: "oneOff", startMonth: 0, risk: risk.cost },
    ].map((l) => ({ ...l, ...defaultLowHigh(l.amount, -0.1, 0.3) }) as LineItemCase["costs"][number]),
  };
}

/** The previous fixed-line model of the same case (src/engine/business-case.ts). */
const previous: BusinessCase = {
  annualBenefits: 22_000_000,
  annualCosts: 768_000 + 600_000 + 1_440_000 + 500_000 / 3,
  apiAnnualCost: 768_000,
  implementationCost: 1_500_000,
  adoption: ramp(0, 6),
  monthsPerYear: 12,
};

describe("the line-item business case", () => {
  it("gives the seed's annual ROI of 639.6% from the sample rows (one-off implementation excluded)", () => {
    const s = financialSummary(seedCase());
    expect(s.annualBenefits).toBe(22_000_000);
    expect(s.annualCosts).toBeCloseTo(2_974_666.6666667, 6);
    expect(s.annualRoi).toBeCloseTo(6.3958, 4);
    expect(Math.abs((s.annualRoi as number) * 100 - 639.6)).toBeLessThanOrEqual(0.05);
  });

  it("schedules every month as the previous fixed-line model did, so payback, PV ROI and NPV hold", () => {
    const s = financialSummary(seedCase());
    const net = s.monthlyBenefits.map((b, k) => b - s.monthlyCosts[k]);
    const want = monthlyNetCashFlows(previous);
    net.forEach((v, k) => expect(v).toBeCloseTo(want[k], 6));
    expect(s.paybackMonths).toBeCloseTo(payback(want) as number, 9);
    // Three-year view of the previous layout: years summed from the months, then PV_ROI with the
    // model's risk adjustments (every line here carries the same risks).
    const years = (values: readonly number[]): number[] => yearTotals(values, 12, 3);
    const yb = years(previous.adoption.map((a) => (a * previous.annualBenefits) / 12));
    const yc = years(
      previous.adoption.map((a, k) =>
        k === 0
          ? previous.implementationCost
          : (previous.annualCosts - previous.apiAnnualCost) / 12 + (a * previous.apiAnnualCost) / 12,
      ),
    );
    const pv = presentValueRoi(yb, yc, { discountRate: 0.1, benefitRisk: 0.1, costRisk: 0.1 });
    expect(s.pvRoi).toBeCloseTo(pv.roi as number, 9);
    expect(s.npv).toBeCloseTo(pv.pvBenefits - pv.pvCosts, 4);
    expect(s.benefits.years.map((v, y) => v - yb[y]).every((d) => Math.abs(d) < 1e-6)).toBe(true);
    expect(s.costs.total).toBeCloseTo(
      yc.reduce((a, b) => a + b, 0),
      6,
    );
  });

  it("reports the TEI rows: initial year, years 1-3, total and present value, unadjusted and risk-adjusted", () => {
    const s = financialSummary(seedCase());
    expect(s.costs.years[0]).toBe(1_500_000); // initial: the implementation alone
    expect(s.benefits.years[0]).toBe(0); // the ramp starts at 0 in month 0
    expect(s.benefits.years[3]).toBeCloseTo(22_000_000, 6); // year 3: full adoption all year
    expect(s.riskBenefits.years[3]).toBeCloseTo(0.9 * 22_000_000, 6);
    expect(s.riskCosts.years[0]).toBeCloseTo(1.1 * 1_500_000, 6);
    expect(s.net.total).toBeCloseTo(s.benefits.total - s.costs.total, 6);
    const rate = 0.1;
    const pv = s.riskNet.years.reduce((sum, v, k) => sum + v / (1 + rate) ** k, 0);
    expect(s.riskNet.presentValue).toBeCloseTo(pv, 6);
    expect(s.npv).toBeCloseTo(pv, 6);
    expect(s.irr).not.toBeNull();
    expect(s.irr).toBeCloseTo(formulajs.IRR(s.riskNet.years) as number, 9);
  });

  it("haircuts each line by its own risk (TEI): a riskier line lowers the risk-adjusted benefits only", () => {
    const base = seedCase();
    const riskier: LineItemCase = {
      ...base,
      benefits: base.benefits.map((l, i) => (i === 2 ? { ...l, risk: 0.5 } : l)),
    };
    const a = financialSummary(base);
    const b = financialSummary(riskier);
    expect(b.benefits.total).toBeCloseTo(a.benefits.total, 6);
    const retentionYears = yearTotals(benefitSchedule(base.benefits[2], settings), 12, 3);
    const drop = retentionYears.reduce((s, v) => s + v, 0) * 0.4;
    expect(a.riskBenefits.total - b.riskBenefits.total).toBeCloseTo(drop, 4);
    expect(b.annualRoi).toBeCloseTo(a.annualRoi as number, 12);
  });

  it("takes low and high by value, also for a line with a negative base", () => {
    expect(defaultLowHigh(100, -0.3, 0.2)).toEqual({ low: 70, high: 120 });
    const negative = defaultLowHigh(-100, -0.3, 0.2);
    expect(negative.low).toBeCloseTo(-120, 12);
    expect(negative.high).toBeCloseTo(-70, 12);
  });

  it("follows the scenario: worst takes low benefits and high costs, best the opposite", () => {
    const worst = financialSummary(seedCase({ scenario: "Worst" }));
    expect(worst.annualBenefits).toBeCloseTo(0.7 * 22_000_000, 6);
    expect(worst.annualCosts).toBeCloseTo(1.3 * 2_974_666.6666667, 4);
    const best = financialSummary(seedCase({ scenario: "Best", benefitRealisation: 0.5 }));
    expect(best.annualBenefits).toBeCloseTo(0.5 * 1.2 * 22_000_000, 6);
    expect(best.annualCosts).toBeCloseTo(0.9 * 2_974_666.6666667, 4);
  });

  it("times benefits by company adoption, a department's wave, their own ramp, or a fixed start", () => {
    const line = { label: "x", annual: 1200 } as const;
    const company = benefitSchedule({ ...line, timing: "company" }, settings);
    expect(company[3]).toBeCloseTo(50, 12); // half adopted at month 3 of a 6-month ramp
    const wave = benefitSchedule(
      { ...line, timing: "wave", wave: { startMonth: 12, rampMonths: 9, target: 0.8 } },
      settings,
    );
    expect(wave[12]).toBe(0);
    expect(wave[21]).toBeCloseTo(80, 12);
    const noWave = benefitSchedule({ ...line, timing: "wave" }, settings);
    expect(noWave).toEqual(company);
    const own = benefitSchedule({ ...line, timing: "own", startMonth: 6, rampMonths: 2 }, settings);
    expect(own[6]).toBe(0);
    expect(own[7]).toBeCloseTo(50, 12);
    expect(own[8]).toBeCloseTo(100, 12);
    const fixed = benefitSchedule({ ...line, timing: "fixed", startMonth: 4 }, settings);
    expect(fixed.slice(0, 6)).toEqual([0, 0, 0, 0, 100, 100]);
  });

  it("charges one-off costs in their months, recurring from the start, usage with adoption and price change", () => {
    const oneOff = costSchedule(
      { label: "x", amount: 900, kind: "oneOff", startMonth: 2, spreadMonths: 3 },
      settings,
    );
    expect(oneOff.slice(0, 6)).toEqual([0, 0, 300, 300, 300, 0]);
    expect(oneOff.reduce((a, b) => a + b, 0)).toBe(900);
    const recurring = costSchedule({ label: "x", amount: 1200, kind: "recurring", startMonth: 1 }, settings);
    expect(recurring[0]).toBe(0);
    expect(recurring[36]).toBe(100);
    const usage = costSchedule(
      { label: "x", amount: 1200, kind: "usage" },
      { ...settings, usagePriceChange: -0.2 },
    );
    expect(usage[3]).toBeCloseTo(50, 12); // half adopted, year 1: no price change yet
    expect(usage[13]).toBeCloseTo(80, 12); // year 2: × 0.8
    expect(usage[25]).toBeCloseTo(64, 12); // year 3: × 0.8²
  });

  it("reads blank where nothing can be computed: no cost lines, no ROI; no lines at all, no payback to speak of", () => {
    const empty = financialSummary({ benefits: [], costs: [], settings });
    expect(empty.annualRoi).toBeNull();
    expect(empty.pvRoi).toBeNull();
    expect(empty.irr).toBeNull();
    expect(empty.npv).toBe(0);
    const onlyBenefits = financialSummary({ ...seedCase(), costs: [] });
    expect(onlyBenefits.annualRoi).toBeNull();
  });

  it("hands SIMULATE_ROI and TORNADO the run-rate lines: realisation on benefits, one-off costs left out", () => {
    const model = threePointModel(seedCase({ benefitRealisation: 0.5 }));
    expect(model.benefits).toHaveLength(3);
    expect(model.costs).toHaveLength(4);
    expect(model.benefits[0].base).toBe(3_600_000);
    expect(model.labels.at(-1)).toBe("Training");
    // With low = base = high on every line, every simulated statistic is the deterministic ROI.
    const flat = {
      benefits: model.benefits.map((p) => ({ low: p.base, base: p.base, high: p.base })),
      costs: model.costs.map((p) => ({ low: p.base, base: p.base, high: p.base })),
    };
    const sim = simulateRoi(flat, { trials: 200, seed: 3, distribution: "PERT" });
    const deterministic = financialSummary(seedCase({ benefitRealisation: 0.5 })).annualRoi as number;
    expect(sim.p5).toBeCloseTo(deterministic, 9);
    expect(sim.p95).toBeCloseTo(deterministic, 9);
    const rows = tornado(model, model.labels);
    expect(rows).toHaveLength(7);
    expect(rows[0].label).toBe("Retention");
  });

  it("prices usage by tokens and by call: the seed's US$0.002 per call gives NT$64,000 a month", () => {
    const perCall = {
      share: 1,
      inputTokens: 0,
      outputTokens: 0,
      inputPricePerMillion: 0,
      outputPricePerMillion: 0,
    };
    expect(usageMonthlyCost(1_000_000, 32, [{ ...perCall, pricePerCall: 0.002 }])).toBeCloseTo(64_000, 9);
    // 70% of calls on a model at 1,000 in / 500 out tokens, US$3 / US$15 per million; 30% per call.
    const mix = usageMonthlyCost(1000, 1, [
      {
        share: 0.7,
        inputTokens: 1000,
        outputTokens: 500,
        inputPricePerMillion: 3,
        outputPricePerMillion: 15,
        pricePerCall: 0,
      },
      { ...perCall, share: 0.3, pricePerCall: 0.01 },
    ]);
    expect(mix).toBeCloseTo(700 * 0.0105 + 300 * 0.01, 12);
  });
});

describe("IRR", () => {
  it("agrees with formulajs (Excel's IRR) on conventional flows", () => {
    for (const flows of [
      [-100, 30, 30, 30, 30],
      [-1_650_000, 4_000_000, 18_000_000, 19_000_000],
      [-500, 100, 200, 300],
    ]) {
      expect(irr(flows)).toBeCloseTo(formulajs.IRR(flows) as number, 9);
    }
  });

  it("has no answer without an outlay or without an inflow", () => {
    expect(irr([100, 100, 100])).toBeNull();
    expect(irr([-100, -100])).toBeNull();
    expect(irr([5])).toBeNull();
  });
});

describe("the README's worked example: a contract-review assistant", () => {
  it("gives annual ROI 293.5%, PV ROI 160.4%, NPV NT$6,169,258, payback 5.3 months and no IRR", () => {
    const api =
      usageMonthlyCost(20_000, 32, [
        {
          share: 1,
          inputTokens: 8000,
          outputTokens: 1000,
          inputPricePerMillion: 3,
          outputPricePerMillion: 15,
          pricePerCall: 0,
        },
      ]) * 12;
    expect(api).toBeCloseTo(299_520, 6);
    const s = financialSummary({
      settings,
      benefits: [
        { label: "Lawyer time saved", annual: 2_592_000, timing: "company", risk: 0.1 },
        {
          label: "Faster deal closing",
          annual: 1_200_000,
          timing: "own",
          startMonth: 3,
          rampMonths: 6,
          risk: 0.1,
        },
        { label: "Fewer missed clauses", annual: 800_000, timing: "fixed", startMonth: 6, risk: 0.3 },
        { label: "Outside counsel avoided", annual: 600_000, timing: "company", risk: 0.1 },
      ],
      costs: [
        { label: "Model API", amount: api, kind: "usage", startMonth: 1, risk: 0.1 },
        { label: "Platform", amount: 360_000, kind: "recurring", startMonth: 1, risk: 0.1 },
        { label: "People", amount: 540_000, kind: "recurring", startMonth: 1, risk: 0.1 },
        { label: "Training", amount: 300_000, kind: "oneOff", startMonth: 1, spreadMonths: 3, risk: 0.1 },
        { label: "Governance", amount: 120_000, kind: "recurring", startMonth: 1, risk: 0.1 },
      ],
    });
    expect(s.annualRoi).toBeCloseTo(2.9348, 4);
    expect(s.benefits.years[1]).toBeCloseTo(3_643_666.67, 2);
    expect(s.costs.years[1]).toBeCloseTo(1_557_120, 6);
    expect(s.pvRoi).toBeCloseTo(1.6036, 4);
    expect(s.npv).toBeCloseTo(6_169_257.51, 2);
    expect(s.paybackMonths).toBeCloseTo(5.33, 2);
    expect(s.irr).toBeNull();
  });
});
