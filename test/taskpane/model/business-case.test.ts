import { annualRoi, paybackMonths } from "../../../src/engine/business-case";
import { MemoryHost } from "../../../src/host/memory";
import { BUSINESS_CASE_NAMES, readBusinessCase } from "../../../src/taskpane/model/business-case";
import { planCompleteModel, planModel } from "../../../src/templates/index";

const SAMPLE = { data: "sample", currency: "NT$", locale: "en" } as const;

describe("readBusinessCase", () => {
  it.each([
    ["the complete model (adoption from the Rollout sheet)", planCompleteModel(SAMPLE)],
    ["the ROI sheet alone (its own ramp)", planModel(["roi"], SAMPLE)],
  ])("gives the engine the workbook's ROI and payback for %s", async (_, plans) => {
    const host = new MemoryHost();
    await host.applyPlans(plans, { dialect: "live" });
    const values = await host.readNames([...BUSINESS_CASE_NAMES, "AnnualROI", "PaybackMonths"]);
    const reading = readBusinessCase(values);
    if (!reading.ok) throw new Error(`unexpected ${reading.reason}`);
    expect(reading.businessCase.adoption).toHaveLength(37);
    expect(annualRoi(reading.businessCase)).toBeCloseTo(values.AnnualROI![0][0] as number, 12);
    expect(paybackMonths(reading.businessCase)).toBeCloseTo(values.PaybackMonths![0][0] as number, 9);
  });

  it("says the ROI sheet is missing, or which name holds no number", () => {
    expect(readBusinessCase({})).toEqual({ ok: false, reason: "missing", name: "AnnualBenefits" });
    const values = Object.fromEntries(BUSINESS_CASE_NAMES.map((n) => [n, [[1]]]));
    expect(readBusinessCase({ ...values, AnnualCosts: [["#VALUE!"]] })).toEqual({
      ok: false,
      reason: "invalid",
      name: "AnnualCosts",
    });
    expect(readBusinessCase({ ...values, RoiMonthlyAdoption: [[0], [null]] })).toEqual({
      ok: false,
      reason: "invalid",
      name: "RoiMonthlyAdoption",
    });
  });
});
