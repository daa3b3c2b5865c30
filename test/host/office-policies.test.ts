/**
 * How OfficeHost treats sheets that are already there: replace, keep both, skip, and the user's
 * inputs kept through a rebuild.
 */
import { OfficeHost } from "../../src/host/office";
import { withStructuredReferences } from "../../src/host/table-references";
import { type SheetInfo } from "../../src/host/workbook-host";
import { TEMPLATES } from "../../src/templates/index";
import { FakeExcel } from "./excel-fake";
import { typedInputs } from "../helpers/plan-inputs";
import { AT, ABS, BASE, setup, roiPlan, planCell } from "./office-support";

// ---- existing sheets ----------------------------------------------------------------------------------

describe("OfficeHost with sheets that are already there", () => {
  function withUserRoi(): { excel: FakeExcel; host: OfficeHost } {
    const { excel, host } = setup();
    excel.seedSheet("ROI", { A1: "My own ROI", B6: 999 });
    excel.seedSheet("After");
    return { excel, host };
  }

  it("reports the non-empty sheets a plan would land on", async () => {
    const { host } = withUserRoi();
    expect(await host.conflicts([roiPlan()])).toEqual([
      {
        sheet: "ROI",
        existingTemplate: null,
        plannedTemplate: "roi",
        keepsInputs: false,
        drivesModel: false,
      },
    ]);
  });

  it("keeps both by default: the user's sheet is untouched and the new one is ROI (2)", async () => {
    const { excel, host } = withUserRoi();
    const mine = excel.snapshot().sheets.find((s) => s.name === "ROI");
    const result = await host.applyPlans([roiPlan()], { dialect: "live" });
    expect(result.sheets[0]).toMatchObject({ sheet: "ROI (2)", outcome: "keptBoth" });
    expect(excel.snapshot().sheets.find((s) => s.name === "ROI")).toEqual(mine);
    expect(excel.name("AgentsBefore")).toBe(`='ROI (2)'!${ABS.AgentsBefore}`);
    expect(excel.sheetNames()).toEqual(["Sheet1", "ROI", "After", "ROI (2)"]);
  });

  it("cancels: nothing changes", async () => {
    const { excel, host } = withUserRoi();
    const before = excel.snapshot();
    const result = await host.applyPlans([roiPlan()], { dialect: "live", policies: { roi: "cancel" } });
    expect(result.sheets[0]).toMatchObject({ sheet: "ROI", outcome: "skipped" });
    expect(excel.snapshot()).toEqual(before);
  });

  it("replaces a user's sheet in its place and keeps nothing of a sheet the template did not build", async () => {
    const { excel, host } = withUserRoi();
    const result = await host.applyPlans([roiPlan()], { dialect: "live", policies: { ROI: "replace" } });
    expect(result.sheets[0]).toEqual({
      template: "roi",
      sheet: "ROI",
      outcome: "replaced",
      keptInputs: 0,
      keptFormulas: 0,
      copy: null,
    });
    expect(excel.sheetNames()).toEqual(["Sheet1", "ROI", "After"]);
    expect(excel.cell("ROI", AT.AgentsAfter)?.value).toBe(35);
    expect(excel.cell("ROI", "A1")?.value).not.toBe("My own ROI");
  });

  it("reuses an empty sheet of the same name without asking", async () => {
    const { excel, host } = setup();
    excel.seedSheet("ROI");
    excel.seedSheet("After");
    const id = excel.sheet("ROI").id;
    expect(await host.conflicts([roiPlan()])).toEqual([]);
    const result = await host.applyPlans([roiPlan()], { dialect: "live" });
    expect(result.sheets[0]).toMatchObject({ sheet: "ROI", outcome: "created" });
    expect(excel.sheetNames()).toEqual(["Sheet1", "ROI", "After"]);
    expect(excel.sheet("ROI").id).not.toBe(id);
    expect(excel.cell("ROI", AT.AgentsBefore)?.value).toBe(50);
  });

  it("keeps the user's inputs when the template replaces its own sheet", async () => {
    const { excel, host } = setup();
    await host.applyPlans([roiPlan()], { dialect: "live" });
    excel.userEdit("ROI", AT.AgentsAfter, 40); // agents after AI
    excel.userEdit("ROI", AT.FxRate, 12345); // FX rate... any input
    excel.userEdit("ROI", AT.Customers, ""); // cleared: stays cleared
    const result = await host.applyPlans([roiPlan()], { dialect: "live", policies: { ROI: "replace" } });
    expect(result.sheets[0].outcome).toBe("replaced");
    // Every input that holds a value (the cleared one is kept cleared, not counted); the inputs the
    // template fills with a default formula (a line's low, high, risk) keep the template's.
    expect(result.sheets[0].keptInputs).toBe(typedInputs(roiPlan()) - 1);
    expect(excel.cell("ROI", AT.AgentsAfter)?.value).toBe(40);
    expect(excel.cell("ROI", AT.FxRate)?.value).toBe(12345);
    expect(excel.cell("ROI", AT.Customers)).toBeNull();
    expect(excel.cell("ROI", AT.AgentsBefore)?.value).toBe(50);
    expect(planCell(withStructuredReferences(roiPlan()), AT.AnnualBenefits, "live")).toEqual(
      excel.cell("ROI", AT.AnnualBenefits)?.formula,
    );

    await host.applyPlans([roiPlan()], { dialect: "live", policies: { ROI: "replace" }, keepInputs: false });
    expect(excel.cell("ROI", AT.AgentsAfter)?.value).toBe(35);
  });

  it("keeps a replaced template's table name, and gives the table of a kept copy a free one", async () => {
    const { excel, host } = setup();
    const portfolio = TEMPLATES.portfolio({ ...BASE, linkedTo: [] });
    await host.applyPlans([portfolio], { dialect: "live" });
    await host.applyPlans([portfolio], { dialect: "live", policies: { Portfolio: "replace" } });
    expect(excel.snapshot().tables.map((t) => [t.name, t.sheet])).toEqual([["UseCases", "Portfolio"]]);
    await host.applyPlans([portfolio], { dialect: "live", policies: { Portfolio: "keepBoth" } });
    expect(excel.snapshot().tables.map((t) => [t.name, t.sheet])).toEqual([
      ["UseCases", "Portfolio"],
      ["UseCases_2", "Portfolio (2)"],
    ]);
  });

  it("keeps the inputs of an older copy that the template replaces", async () => {
    const { excel, host } = setup();
    await host.applyPlans([roiPlan()], { dialect: "live" });
    await host.applyPlans([roiPlan()], { dialect: "live", policies: { ROI: "keepBoth" } }); // copy "ROI (2)"
    excel.userEdit("ROI", AT.AgentsAfter, 41);
    const result = await host.applyPlans([roiPlan()], { dialect: "live", policies: { ROI: "replace" } });
    expect(result.sheets[0]).toMatchObject({ sheet: "ROI", outcome: "replaced" });
    expect(result.sheets[0].keptInputs).toBeGreaterThan(20);
    expect(excel.cell("ROI", AT.AgentsAfter)?.value).toBe(41);
    expect(excel.name("AgentsAfter")).toBe(`=ROI!${ABS.AgentsAfter}`);
    const older = excel.snapshot().sheets.find((s) => s.name === "ROI (2)")?.names ?? [];
    expect(older).toContainEqual(
      expect.objectContaining({ name: "AgentsAfter", formula: `='ROI (2)'!${ABS.AgentsAfter}` }),
    );
  });

  it("keeps both over the model's sheet: ROI stays the model, the old sheet a copy with its own names", async () => {
    const { excel, host } = setup();
    await host.applyPlans([roiPlan()], { dialect: "live" });
    excel.userEdit("ROI", AT.AgentsAfter, 40);
    const result = await host.applyPlans([roiPlan()], { dialect: "live", policies: { ROI: "keepBoth" } });
    expect(result.sheets[0]).toMatchObject({ sheet: "ROI", outcome: "replaced", copy: "ROI (2)" });
    expect(excel.sheetNames()).toEqual(["Sheet1", "ROI", "ROI (2)"]);
    expect(excel.name("AgentsBefore")).toBe(`=ROI!${ABS.AgentsBefore}`);
    expect(excel.cell("ROI", AT.AgentsAfter)?.value).toBe(40);
    expect(excel.cell("ROI (2)", AT.AgentsAfter)?.value).toBe(40);
    const workbook = excel.snapshot().names.map((n) => n.formula);
    expect(workbook.filter((f) => f.includes("ROI (2)"))).toEqual([]);
    const local = excel.snapshot().sheets.find((s) => s.name === "ROI (2)")?.names ?? [];
    expect(local).toContainEqual(
      expect.objectContaining({ name: "AgentsBefore", formula: `='ROI (2)'!${ABS.AgentsBefore}` }),
    );
    expect(local.map((n) => n.name)).not.toContain("GenAI_Original_Sheet_Name");
    const infos: SheetInfo[] = await host.listSheets();
    expect(infos.filter((s) => s.template === "roi").map((s) => [s.name, s.drivesModel])).toEqual([
      ["ROI", true],
      ["ROI (2)", false],
    ]);
  });
});
