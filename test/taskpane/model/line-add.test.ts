/**
 * The pane's "Add line" through the in-memory workbook, in both dialects, starting from a blank
 * model: the first lines fill the tables' empty rows, the next ones grow the tables (their
 * calculated columns filled), and the totals and the annual ROI equal the engine's on the same
 * lines. The linked Stress sheet takes the new lines without a rebuild once the pane has
 * appended the rows its line table lacks; a Stress sheet that names fixed rows (built alone) is
 * reported as behind the tables until it is rebuilt, and then covers every line.
 */
import { financialSummary, type BenefitLine, type CostLine } from "../../../src/engine/line-items";
import { MemoryHost } from "../../../src/host/memory";
import type { CellValue } from "../../../src/host/workbook-host";
import { planCompleteModel, planModel } from "../../../src/templates/index";
import { plansFor, readLineCounts } from "../../../src/taskpane/model/build";
import { BLANK_TABLE_ROWS } from "../../../src/templates/roi-lines";
import { addLine, keepStressInStep, LineAddError, stressLineGap } from "../../../src/taskpane/model/line-add";

const OPTIONS = { data: "blank", currency: "NT$", locale: "en" } as const;

async function column(host: MemoryHost, name: string): Promise<CellValue[]> {
  return ((await host.readNames([name]))[name] ?? []).map((r) => r[0]);
}

const value = async (host: MemoryHost, name: string): Promise<CellValue> => (await column(host, name))[0];

// A contract-review case, not the sample: three benefits (one more than a blank table's rows,
// so the last one grows the table) and three costs.
const BENEFITS = [
  { label: "Lawyer hours saved", amount: 2_400_000 },
  { label: "Faster deal closing", amount: 1_500_000 },
  { label: "Fewer missed clauses", amount: 600_000 },
];
const COSTS = [
  { label: "Review platform licence", amount: 720_000 },
  { label: "Legal engineer", amount: 960_000 },
  { label: "Model usage", amount: 180_000 },
];

describe.each(["live", "portable"] as const)("Add line (%s dialect)", (dialect) => {
  it("fills the blank rows, then grows the table; totals and ROI follow the engine, and so does the Stress sheet", async () => {
    const host = new MemoryHost();
    await host.applyPlans(planCompleteModel(OPTIONS), { dialect });
    expect(await value(host, "AnnualROI")).toBe("");

    const added = [];
    for (const b of BENEFITS) added.push(await addLine(host, { kind: "benefit", ...b }, "en"));
    for (const c of COSTS) added.push(await addLine(host, { kind: "cost", ...c }, "en"));
    expect(added.map((a) => a.appended)).toEqual([false, false, true, false, false, true]);
    expect(BLANK_TABLE_ROWS).toBe(2);

    expect(await column(host, "RoiBenefitLabels")).toEqual(BENEFITS.map((b) => b.label));
    expect(await column(host, "RoiCostLabels")).toEqual(COSTS.map((c) => c.label));
    // The appended rows have their calculated columns: in use, and the default low and high.
    expect(await column(host, "RoiBenefitInUse")).toEqual(BENEFITS.map((b) => b.amount));
    expect(await column(host, "RoiBenefitLow")).toEqual(BENEFITS.map((b) => b.amount * 0.7));
    expect(await column(host, "RoiCostHigh")).toEqual(COSTS.map((c) => c.amount * 1.3));

    const adoption = (await column(host, "RoiMonthlyAdoption")).map(Number);
    const benefits: BenefitLine[] = BENEFITS.map((b) => ({
      label: b.label,
      annual: b.amount,
      timing: "company",
    }));
    const costs: CostLine[] = COSTS.map((c) => ({ label: c.label, amount: c.amount, kind: "recurring" }));
    const engine = financialSummary({
      benefits,
      costs,
      settings: {
        companyAdoption: adoption,
        monthsPerYear: 12,
        benefitRealisation: 1,
        scenario: "Base",
        usagePriceChange: 0,
        discountRate: 0,
      },
    });
    expect(await value(host, "AnnualBenefits")).toBeCloseTo(engine.annualBenefits, 6);
    expect(await value(host, "AnnualCosts")).toBeCloseTo(engine.annualCosts, 6);
    expect(engine.annualRoi).toBeCloseTo((4_500_000 - 1_860_000) / 1_860_000, 12);
    expect(await value(host, "AnnualROI")).toBeCloseTo(engine.annualRoi as number, 9);
    const schedule = (await column(host, "RoiMonthlyBenefits")).map(Number);
    schedule.forEach((v, k) => expect(v).toBeCloseTo(engine.monthlyBenefits[k], 4));

    // The Stress sheet was built with four rows (two per blank table): they show the first four
    // lines, benefits first; the pane appends the two it lacks, and no rebuild is asked for.
    const labels = [...BENEFITS, ...COSTS].map((l) => l.label);
    expect(await column(host, "StressLabels")).toEqual(labels.slice(0, 4));
    expect(await stressLineGap(host)).toBeNull();
    expect(await keepStressInStep(host)).toBe(2);
    expect(await column(host, "StressLabels")).toEqual(labels);
    expect(await keepStressInStep(host)).toBe(0);
  }, 120_000);

  it("says a Stress sheet built alone (its own fixed rows) is behind the tables, until it is rebuilt", async () => {
    const host = new MemoryHost();
    await host.applyPlans(planModel(["roi"], OPTIONS), { dialect });
    await host.applyPlans(planModel(["stress"], OPTIONS), { dialect });
    expect(await stressLineGap(host)).toEqual({ benefits: 2, costs: 2, stressBenefits: 3, stressCosts: 4 });
    // Its rows are its own: the pane appends nothing.
    expect(await keepStressInStep(host)).toBe(0);
    const counts = await readLineCounts(host);
    await host.applyPlans(plansFor("stress", OPTIONS, await host.listSheets(), counts), { dialect });
    expect(await stressLineGap(host)).toBeNull();
  }, 120_000);
});

describe("removing a line", () => {
  it("deletes its table row: the tables, totals and annual ROI count only the lines left", async () => {
    const host = new MemoryHost();
    await host.applyPlans(planCompleteModel(OPTIONS), { dialect: "portable" });
    for (const b of BENEFITS) await addLine(host, { kind: "benefit", ...b }, "en");
    for (const c of COSTS) await addLine(host, { kind: "cost", ...c }, "en");
    await host.deleteTableRows("ROI", "Benefits", 1);
    await host.deleteTableRows("ROI", "Costs", 0);
    expect(await column(host, "RoiBenefitLabels")).toEqual([BENEFITS[0].label, BENEFITS[2].label]);
    expect(await column(host, "RoiCostLabels")).toEqual([COSTS[1].label, COSTS[2].label]);
    expect(await value(host, "AnnualBenefits")).toBe(3_000_000);
    expect(await value(host, "AnnualCosts")).toBe(1_140_000);
    expect(await value(host, "AnnualROI")).toBeCloseTo((3_000_000 - 1_140_000) / 1_140_000, 12);
  }, 120_000);
});

describe("Add line refusals", () => {
  it("needs a label and the ROI sheet", async () => {
    const host = new MemoryHost();
    await host.applyPlans(planModel(["portfolio"], OPTIONS), { dialect: "live" });
    await expect(addLine(host, { kind: "benefit", label: "  " }, "en")).rejects.toThrow(LineAddError);
    await expect(addLine(host, { kind: "benefit", label: "Hours saved" }, "en")).rejects.toThrow(
      "Build the ROI sheet first.",
    );
  });
});
