/**
 * The pane's "Add Portfolio use cases" through the in-memory workbook, in both dialects: the
 * recommended PoCs of the complete model become benefit and cost lines at the end of the ROI
 * sheet's tables (the sample's lines stay as they were), linked by formula to the Portfolio, so
 * the totals, the contribution block and the engine agree, and a value changed on the Portfolio
 * flows into the ROI. The sample's own use case (the customer-service assistant) is not added
 * twice.
 */
import { financialSummary } from "../../../src/engine/line-items";
import { MemoryHost } from "../../../src/host/memory";
import type { CellValue } from "../../../src/host/workbook-host";
import { parseRange } from "../../../src/shared/a1";
import { planCompleteModel } from "../../../src/templates/index";
import { addUseCaseLines, readPortfolioUseCases } from "../../../src/taskpane/model/portfolio-lines";

const near = (actual: CellValue | undefined, expected: number): void => {
  expect(typeof actual).toBe("number");
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
};

async function built(dialect: "live" | "portable"): Promise<MemoryHost> {
  const host = new MemoryHost();
  await host.applyPlans(planCompleteModel({ data: "sample", currency: "NT$", locale: "en" }), { dialect });
  return host;
}

async function column(host: MemoryHost, name: string): Promise<CellValue[]> {
  return ((await host.readNames([name]))[name] ?? []).map((r) => r[0]);
}

describe.each(["live", "portable"] as const)("Add Portfolio use cases (%s dialect)", (dialect) => {
  it("adds a linked benefit and cost line per recommended PoC, and the totals, contribution and engine agree", async () => {
    const host = await built(dialect);
    const useCases = (await readPortfolioUseCases(host)) ?? [];
    const picks = useCases.filter((u) => u.recommended).map((u) => u.name);
    expect(picks).toContain("Customer service assistant");
    expect(picks.length).toBeGreaterThanOrEqual(3);
    const before = await host.readNames([
      "AnnualBenefits",
      "AnnualCosts",
      "RoiBenefitLabels",
      "RoiCostLabels",
    ]);

    const result = await addUseCaseLines(host, picks, "en");
    expect(result.already).toEqual(["Customer service assistant"]);
    expect(result.added).toEqual(picks.filter((p) => p !== "Customer service assistant"));

    // The sample's lines stay first, the new ones follow in order.
    const benefitLabels = await column(host, "RoiBenefitLabels");
    expect(benefitLabels).toEqual([...(before.RoiBenefitLabels ?? []).map((r) => r[0]), ...result.added]);
    const costLabels = await column(host, "RoiCostLabels");
    expect(costLabels.slice(-result.added.length)).toEqual(result.added.map((u) => `${u}: running cost`));

    // Run-rate year: each use case adds its Portfolio value and cost.
    const names = await column(host, "UseCaseNames");
    const values = await column(host, "UseCaseValues");
    const costs = await column(host, "UseCaseCosts");
    const of = (u: string): { value: number; cost: number } => {
      const i = names.indexOf(u);
      return { value: values[i] as number, cost: costs[i] as number };
    };
    const added = result.added.map(of);
    const after = await host.readNames(["AnnualBenefits", "AnnualCosts"]);
    near(
      after.AnnualBenefits?.[0][0],
      (before.AnnualBenefits?.[0][0] as number) + added.reduce((s, a) => s + a.value, 0),
    );
    near(
      after.AnnualCosts?.[0][0],
      (before.AnnualCosts?.[0][0] as number) + added.reduce((s, a) => s + a.cost, 0),
    );

    // The contribution block lists every pick; each one's figures are the engine's for its lines.
    const listed = await column(host, "ContributionUseCases");
    expect(listed.slice(0, picks.length)).toEqual(["Customer service assistant", ...result.added]);
    const roi = await column(host, "ContributionRoi");
    const payback = await column(host, "ContributionPayback");
    const benefits = await column(host, "ContributionBenefits");
    near(benefits[0], 22_000_000);
    const settings = await host.readNames([
      "RoiMonthlyAdoption",
      "DepartmentNames",
      "DepartmentWaves",
      "WaveStart",
      "WaveRamp",
      "AdoptionTargetAll",
    ]);
    const departments = await column(host, "UseCaseDepartments");
    result.added.forEach((u, k) => {
      const department = departments[names.indexOf(u)];
      const d = (settings.DepartmentNames ?? []).findIndex((r) => r[0] === department);
      expect(d).toBeGreaterThanOrEqual(0);
      const wave = settings.DepartmentWaves?.[d][0] as number;
      const startMonth = settings.WaveStart?.[wave - 1][0] as number;
      const want = financialSummary({
        benefits: [
          {
            label: u,
            annual: of(u).value,
            timing: "wave",
            wave: {
              startMonth,
              rampMonths: settings.WaveRamp?.[wave - 1][0] as number,
              target: settings.AdoptionTargetAll?.[0][0] as number,
            },
            risk: 0.1,
          },
        ],
        costs: [{ label: u, amount: of(u).cost, kind: "recurring", startMonth, risk: 0.1 }],
        settings: {
          companyAdoption: (settings.RoiMonthlyAdoption ?? []).map((r) => r[0] as number),
          monthsPerYear: 12,
          benefitRealisation: 1,
          scenario: "Base",
          usagePriceChange: 0,
          discountRate: 0.1,
        },
      });
      near(roi[k + 1], want.annualRoi as number);
      if (want.paybackMonths === null) expect(payback[k + 1]).toBe("Beyond 36 months");
      else near(payback[k + 1], want.paybackMonths);
    });
  }, 120_000);

  it("follows the Portfolio: a new annual value flows into the ROI", async () => {
    const host = await built(dialect);
    const target = "Internal knowledge search";
    await addUseCaseLines(host, [target], "en");
    const before = (await host.readNames(["AnnualBenefits"])).AnnualBenefits?.[0][0] as number;
    const at = (await host.locateNames(["UseCaseValues"])).UseCaseValues;
    if (!at) throw new Error("no UseCaseValues");
    const names = await column(host, "UseCaseNames");
    const r = parseRange(at.address);
    const row = r.top + names.indexOf(target) + 1;
    const old = (await column(host, "UseCaseValues"))[names.indexOf(target)] as number;
    await host.writeCells([{ sheet: at.sheet, address: `G${row}`, values: [[old + 1_000_000]] }]);
    near((await host.readNames(["AnnualBenefits"])).AnnualBenefits?.[0][0], before + 1_000_000);
    const listed = await column(host, "ContributionUseCases");
    near((await column(host, "ContributionBenefits"))[listed.indexOf(target)], old + 1_000_000);
  }, 120_000);

  it("adds nothing twice: a second run finds every use case already named", async () => {
    const host = await built(dialect);
    await addUseCaseLines(host, ["Contract review"], "en");
    const again = await addUseCaseLines(host, ["Contract review"], "en");
    expect(again).toEqual({ added: [], already: ["Contract review"], notInContribution: [] });
    expect((await column(host, "RoiBenefitLabels")).filter((l) => l === "Contract review")).toHaveLength(1);
  }, 120_000);
});
