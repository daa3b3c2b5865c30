/**
 * The pane reads the ROI sheet's line tables into the engine's case exactly: the business case
 * it simulates is the workbook's own, figure for figure.
 */
import { financialSummary } from "../../../src/engine/line-items";
import { readCase, readCaseFrom } from "../../../src/taskpane/model/case-reading";
import { buildCase, generatedLines, read } from "../../templates/line-items-support";

function close(got: unknown, want: number): void {
  expect(typeof got).toBe("number");
  expect(Math.abs((got as number) - want)).toBeLessThanOrEqual(Math.abs(want) * 1e-9 + 1e-6);
}

describe("readCaseFrom", () => {
  it("reads every timing, kind, start, ramp, spread and risk: financialSummary gives the sheet's figures", async () => {
    const { rows, lines } = generatedLines(7, 12);
    const host = await buildCase(rows, "live");
    const reading = await readCaseFrom(host);
    if (!reading.ok) throw new Error(JSON.stringify(reading));
    const c = reading.businessCase;
    expect(c.benefits.map((l) => [l.label, l.timing, l.startMonth, l.rampMonths, l.risk])).toEqual(
      lines.benefits.map((l) => [l.label, l.timing, l.startMonth, l.rampMonths, l.risk]),
    );
    expect(c.costs.map((l) => [l.label, l.kind, l.startMonth, l.spreadMonths, l.risk])).toEqual(
      lines.costs.map((l) => [l.label, l.kind, l.startMonth, l.spreadMonths, l.risk]),
    );
    c.benefits.forEach((l, i) => {
      close(l.low, lines.benefits[i].low as number);
      close(l.high, lines.benefits[i].high as number);
    });
    expect(reading.paybackBenchmark).toBe(14);
    const want = financialSummary(c);
    const got = await read(host, ["AnnualROI", "PVROI", "ThreeYearNPV", "PaybackMonths"]);
    close(got.AnnualROI[0], want.annualRoi as number);
    close(got.PVROI[0], want.pvRoi as number);
    close(got.ThreeYearNPV[0], want.npv);
    close(got.PaybackMonths[0], want.paybackMonths as number);
  }, 60_000);

  it("reads the leaders' payback benchmark the user typed", async () => {
    const { rows } = generatedLines(2, 2);
    const host = await buildCase(rows, "portable");
    const at = (await host.locateNames(["LeaderPaybackMonths"])).LeaderPaybackMonths;
    if (!at) throw new Error("no LeaderPaybackMonths");
    await host.writeCells([{ sheet: at.sheet, address: at.address, values: [[18]] }]);
    const reading = await readCaseFrom(host);
    expect(reading.ok && reading.paybackBenchmark).toBe(18);
  }, 60_000);

  it("reports the ROI sheet missing, and a line whose low is above its base by table and row", () => {
    const settings = {
      RoiMonthlyAdoption: [[0], [1]],
      MonthsPerYear: [[12]],
      BenefitRealisation: [[1]],
      UsagePriceChange: [[null]],
      DiscountRate: [[0.1]],
      LeaderPaybackMonths: [[14]],
    };
    const row = (low: number, base: number | string | null) => [
      "L",
      "",
      "",
      "",
      low,
      base,
      5,
      "Company",
      null,
      null,
      null,
    ];
    const good = readCase(settings, {
      benefits: { rows: [row(1, 2), row(1, null)], firstRow: 40 },
      costs: { rows: [row(1, 2)], firstRow: 50 },
    });
    // A row with a blank value is empty, as its calculated columns read it.
    expect(good.ok && good.businessCase.benefits.length).toBe(1);
    const bad = readCase(settings, {
      benefits: { rows: [row(1, 2), row(3, 2)], firstRow: 40 },
      costs: { rows: [], firstRow: 50 },
    });
    expect(bad).toEqual({
      ok: false,
      reason: "invalid",
      problem: expect.objectContaining({
        key: "lineItemOrder",
        params: expect.objectContaining({ argument: "Benefits", row: 41 }),
      }),
    });
    // A cost below zero, refused as the annual-ROI simulation and GENAI.SIMULATE_ROI refuse it.
    const rebate = readCase(settings, {
      benefits: { rows: [row(1, 2)], firstRow: 40 },
      costs: { rows: [row(1, 2), row(-3, -2)], firstRow: 50 },
    });
    expect(rebate).toEqual({
      ok: false,
      reason: "invalid",
      problem: expect.objectContaining({
        key: "atLeast",
        params: expect.objectContaining({ argument: "Costs", row: 51, min: 0, got: -3 }),
      }),
    });
    const text = readCase(settings, {
      benefits: { rows: [row(1, "many")], firstRow: 40 },
      costs: { rows: [], firstRow: 50 },
    });
    expect(text.ok || text.reason).toBe("invalid");
    expect(readCase({}, { benefits: { rows: [], firstRow: 1 }, costs: { rows: [], firstRow: 1 } })).toEqual({
      ok: false,
      reason: "missing",
      name: "RoiMonthlyAdoption",
    });
  });
});
