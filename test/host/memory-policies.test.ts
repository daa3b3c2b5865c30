/**
 * Users' work is never lost: what each existing-sheet policy does in MemoryHost.
 */
import { MemoryHost } from "../../src/host/memory";
import type { ChangeEvent } from "../../src/host/workbook-host";
import { typedInputs } from "../helpers/plan-inputs";
import { close, nameCell, nameValue, roiByEngine, roiInputs, roiPlan, snapshot } from "./memory-support";
import { sheetView } from "../../src/preview/sheet-view";

async function builtRoi(): Promise<MemoryHost> {
  const host = new MemoryHost();
  await host.applyPlans([roiPlan()], { dialect: "live" });
  return host;
}

describe("existing-sheet policies in MemoryHost", () => {
  it("by default rebuilds the model's own sheet in place with the user's inputs: the model never switches", async () => {
    const host = await builtRoi();
    const plan = roiPlan();
    await host.writeCells([{ sheet: "ROI", address: nameCell(plan, "AgentsAfter"), values: [[40]] }]);
    const want = roiByEngine(roiInputs({ AgentsAfter: 40 }));

    const result = await host.applyPlans([plan], { dialect: "live" });

    expect(result.sheets).toEqual([
      {
        template: "roi",
        sheet: "ROI",
        outcome: "replaced",
        keptInputs: typedInputs(plan),
        keptFormulas: 0,
        copy: null,
        kept: {
          tables: [
            { name: "Benefits", rows: 3, planned: 3 },
            { name: "Costs", rows: 5, planned: 5 },
          ],
          names: expect.any(Number) as number,
          inputs: typedInputs(plan),
          formulas: 0,
          notCarried: [],
        },
      },
    ]);
    expect((await host.listSheets()).map((s) => s.name)).toEqual(["ROI"]);
    expect(await nameValue(host, "AgentsAfter")).toBe(40);
    expect(close(await nameValue(host, "AnnualROI"), want.annualRoi)).toBe(true);
  });

  it("keep both over the template's own sheet keeps the old sheet as a copy that no workbook name points to", async () => {
    const host = await builtRoi();
    const plan = roiPlan();
    await host.writeCells([{ sheet: "ROI", address: nameCell(plan, "AgentsAfter"), values: [[40]] }]);
    const oldValues = sheetView(host, "ROI").cells.map((row) => row.map((c) => c?.value ?? null));
    const want = roiByEngine(roiInputs({ AgentsAfter: 40 }));

    const result = await host.applyPlans([plan], { dialect: "live", policies: { ROI: "keepBoth" } });

    expect(result.sheets[0]).toMatchObject({ sheet: "ROI", outcome: "replaced", copy: "ROI (2)" });
    const sheets = await host.listSheets();
    expect(sheets.map((s) => [s.name, s.drivesModel])).toEqual([
      ["ROI", true],
      ["ROI (2)", false],
    ]);
    // The model (every workbook name) stays on ROI, with the user's figures.
    const workbookNames = host.names().filter((n) => n.scope === null);
    expect(workbookNames.filter((n) => n.expression.includes("ROI (2)"))).toEqual([]);
    expect(await nameValue(host, "AgentsAfter")).toBe(40);
    expect(close(await nameValue(host, "AnnualROI"), want.annualRoi)).toBe(true);
    // The copy shows what the old sheet showed, and still computes from its own cells.
    expect(sheetView(host, "ROI (2)").cells.map((row) => row.map((c) => c?.value ?? null))).toEqual(
      oldValues,
    );
    await host.writeCells([{ sheet: "ROI (2)", address: nameCell(plan, "AgentsAfter"), values: [[45]] }]);
    const [[copyBenefits]] = await host.readRange("ROI (2)", nameCell(plan, "AnnualBenefits"));
    expect(close(copyBenefits, roiByEngine(roiInputs({ AgentsAfter: 45 })).annualBenefits)).toBe(true);
    expect(close(await nameValue(host, "AnnualBenefits"), want.annualBenefits)).toBe(true);
  });

  it("keep both beside a sheet the template did not build leaves it untouched and builds ROI (2)", async () => {
    const host = new MemoryHost();
    host.addSheet("ROI", [["My own ROI", 999]]);
    const result = await host.applyPlans([roiPlan()], { dialect: "live" });
    expect(result.sheets[0]).toMatchObject({ sheet: "ROI (2)", outcome: "keptBoth", copy: null });
    expect(await host.readRange("ROI", "A1:B1")).toEqual([["My own ROI", 999]]);
    expect((await host.locateNames(["AgentsAfter"])).AgentsAfter?.sheet).toBe("ROI (2)");
  });

  it("replace over the template's own sheet keeps edited inputs, and the outputs follow them", async () => {
    const host = await builtRoi();
    const plan = roiPlan();
    await host.writeCells([
      { sheet: "ROI", address: nameCell(plan, "AgentsAfter"), values: [[40]] },
      { sheet: "ROI", address: nameCell(plan, "ChurnReduction"), values: [[0.01]] },
    ]);

    const result = await host.applyPlans([plan], { dialect: "portable", policies: { ROI: "replace" } });

    expect(result.sheets).toEqual([
      {
        template: "roi",
        sheet: "ROI",
        outcome: "replaced",
        keptInputs: typedInputs(plan),
        keptFormulas: 0,
        copy: null,
        kept: {
          tables: [
            { name: "Benefits", rows: 3, planned: 3 },
            { name: "Costs", rows: 5, planned: 5 },
          ],
          names: expect.any(Number) as number,
          inputs: typedInputs(plan),
          formulas: 0,
          notCarried: [],
        },
      },
    ]);
    expect((await host.listSheets()).map((s) => s.name)).toEqual(["ROI"]);
    expect(await nameValue(host, "AgentsAfter")).toBe(40);
    expect(await nameValue(host, "ChurnReduction")).toBe(0.01);
    const want = roiByEngine(roiInputs({ AgentsAfter: 40, ChurnReduction: 0.01 }));
    expect(close(await nameValue(host, "AnnualBenefits"), want.annualBenefits)).toBe(true);
    expect(close(await nameValue(host, "AnnualROI"), want.annualRoi)).toBe(true);
    expect(sheetView(host, "ROI").dialect).toBe("portable");
  });

  it("replace with keepInputs false starts from the template's values", async () => {
    const host = await builtRoi();
    const plan = roiPlan();
    await host.writeCells([{ sheet: "ROI", address: nameCell(plan, "AgentsAfter"), values: [[40]] }]);
    const result = await host.applyPlans([plan], {
      dialect: "live",
      policies: { ROI: "replace" },
      keepInputs: false,
    });
    expect(result.sheets[0]).toMatchObject({ outcome: "replaced", keptInputs: 0 });
    expect(await nameValue(host, "AgentsAfter")).toBe(35);
  });

  it("replace over a user's own sheet keeps nothing from it", async () => {
    const host = new MemoryHost();
    const plan = roiPlan();
    const agentsAfter = nameCell(plan, "AgentsAfter");
    const row = Number(agentsAfter.slice(1)) - 1;
    const userRows = Array.from({ length: row + 1 }, (_, r) =>
      r === row ? ["mine", 999] : [`note ${r}`, null],
    );
    host.addSheet("ROI", [
      ...userRows,
      ...Array.from({ length: 80 }, () => [
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        "stray",
      ]),
    ]);

    const result = await host.applyPlans([plan], { dialect: "live", policies: { ROI: "replace" } });

    expect(result.sheets[0]).toMatchObject({ sheet: "ROI", outcome: "replaced", keptInputs: 0 });
    expect(await nameValue(host, "AgentsAfter")).toBe(35);
    const view = sheetView(host, "ROI");
    const texts = view.cells.flat().map((c) => c?.value);
    expect(texts).not.toContain("stray");
    expect(texts).not.toContain("mine");
    expect(texts).not.toContain(999);
    expect(await nameValue(host, "AnnualBenefits")).toBe(22_000_000);
  });

  it("cancel leaves everything as it was and reports the sheet skipped", async () => {
    const host = await builtRoi();
    await host.writeCells([{ sheet: "ROI", address: nameCell(roiPlan(), "AgentsAfter"), values: [[40]] }]);
    const before = await snapshot(host);
    const events: ChangeEvent[] = [];
    host.onChange((e) => events.push(e));

    const result = await host.applyPlans([roiPlan()], { dialect: "portable", policies: { ROI: "cancel" } });

    expect(result.sheets).toEqual([
      { template: "roi", sheet: "ROI", outcome: "skipped", keptInputs: 0, keptFormulas: 0, copy: null },
    ]);
    expect(await snapshot(host)).toEqual(before);
    expect(events).toEqual([]);
  });

  it("reuses an empty sheet of the same name instead of making a copy", async () => {
    const host = new MemoryHost();
    host.addSheet("Notes", [["keep me"]]);
    host.addSheet("ROI");
    expect(await host.conflicts([roiPlan()])).toEqual([]);

    const result = await host.applyPlans([roiPlan()], { dialect: "live" });

    expect(result.sheets[0]).toMatchObject({ sheet: "ROI", outcome: "created" });
    expect((await host.listSheets()).map((s) => [s.name, s.template, s.empty])).toEqual([
      ["Notes", null, false],
      ["ROI", "roi", false],
    ]);
    expect(await host.readRange("Notes", "A1")).toEqual([["keep me"]]);
  });

  it("reports a conflict for a non-empty sheet, naming the template that built it", async () => {
    const host = await builtRoi();
    host.addSheet("Stress", [["someone's notes"]]);
    const plans = [roiPlan(), { ...roiPlan(), template: "stress" as const, sheet: "stress" }];
    expect(await host.conflicts(plans)).toEqual([
      { sheet: "ROI", existingTemplate: "roi", plannedTemplate: "roi", keepsInputs: true, drivesModel: true },
      {
        sheet: "Stress",
        existingTemplate: null,
        plannedTemplate: "stress",
        keepsInputs: false,
        drivesModel: false,
      },
    ]);
  });
});
