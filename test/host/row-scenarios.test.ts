/**
 * The preview's row operations mixed with the pane's line commands and the user's own formulas,
 * on the complete model. What it protects: after each step every template formula shows what a
 * fresh build of the same plans and inputs shows, a formula reading a deleted cell shows #REF!,
 * and undo (restore) puts the user's formula back.
 */
import { MemoryHost } from "../../src/host/memory";
import type { Dialect } from "../../src/templates/plan";
import { planCompleteModel } from "../../src/templates/index";
import { ROI_SHEET, ROI_TABLES } from "../../src/templates/roi";
import { addUseCaseLines, readPortfolioUseCases } from "../../src/taskpane/model/portfolio-lines";
import { addLine, keepStressInStep } from "../../src/taskpane/model/line-add";
import { differencesFromFreshBuild } from "./memory-support";

async function built(rows?: number, dialect: Dialect = "live"): Promise<MemoryHost> {
  const host = new MemoryHost();
  await host.applyPlans(planCompleteModel({ data: "sample", currency: "NT$", locale: "en", rows }), {
    dialect,
  });
  return host;
}

async function picks(host: MemoryHost): Promise<string[]> {
  return ((await readPortfolioUseCases(host)) ?? []).filter((u) => u.recommended).map((u) => u.name);
}

describe("row operations with the pane's line commands", () => {
  it("a deleted benefit line, then Portfolio use cases added as lines, then the delete undone", async () => {
    const host = await built();
    const removed = await host.deleteTableRows(ROI_SHEET, ROI_TABLES.benefits, 1, 1);
    expect(await differencesFromFreshBuild(host, "live")).toEqual([]);
    await addUseCaseLines(host, await picks(host), "en");
    await keepStressInStep(host);
    expect(await differencesFromFreshBuild(host, "live")).toEqual([]);
    await host.restoreTableRows(ROI_SHEET, ROI_TABLES.benefits, 1, removed);
    await keepStressInStep(host);
    expect(await differencesFromFreshBuild(host, "live")).toEqual([]);
  });

  it("a blank row inserted in Costs is where Add line puts the new line", async () => {
    const host = await built();
    await host.insertTableRows(ROI_SHEET, ROI_TABLES.costs, 2, 1);
    const added = await addLine(host, { kind: "cost", label: "Audit", amount: 1234 }, "en");
    expect(added).toMatchObject({ row: 2, appended: false });
    await keepStressInStep(host);
    expect(await differencesFromFreshBuild(host, "live")).toEqual([]);
  });

  it("rows deleted from the Stress table, then a line added: the tornado covers what the rows show", async () => {
    const host = await built();
    await host.deleteTableRows("Stress", "StressLineItems", 0, 2);
    await addLine(host, { kind: "benefit", label: "New", amount: 1000 }, "en");
    await keepStressInStep(host);
    expect(await differencesFromFreshBuild(host, "live")).toEqual([]);
  });
});

describe("a linked use case's Portfolio row", () => {
  it("deleted and put back: the lines that read it follow, as a fresh build", async () => {
    const host = await built();
    const [first] = await picks(host);
    await addUseCaseLines(host, [first], "en");
    await keepStressInStep(host);
    const names = ((await readPortfolioUseCases(host)) ?? []).map((u) => u.name);
    const index = names.indexOf(first);
    expect(index).toBeGreaterThanOrEqual(0);
    const removed = await host.deleteTableRows("Portfolio", "UseCases", index, 1);
    expect(await differencesFromFreshBuild(host, "live")).toEqual([]);
    await host.insertTableRows("Portfolio", "UseCases", 0, 1);
    expect(await differencesFromFreshBuild(host, "live")).toEqual([]);
    await host.deleteTableRows("Portfolio", "UseCases", 0, 1);
    await host.restoreTableRows("Portfolio", "UseCases", index, removed);
    expect(await differencesFromFreshBuild(host, "live")).toEqual([]);
  });
});

describe("row operations on 200 use cases", () => {
  it.each(["live", "portable"] as const)(
    "insert, delete and undo keep ranks and picks as a fresh build (%s)",
    async (dialect) => {
      const host = await built(200, dialect);
      await host.insertTableRows("Portfolio", "UseCases", 100, 3);
      await host.writeCells([
        { sheet: "Portfolio", address: "A111:H111", values: [["Top", "IT", 5, 1, 5, 5, 1e9, 1]] },
      ]);
      const removed = await host.deleteTableRows("Portfolio", "UseCases", 0, 5);
      expect(await differencesFromFreshBuild(host, dialect)).toEqual([]);
      await host.restoreTableRows("Portfolio", "UseCases", 0, removed);
      expect(await differencesFromFreshBuild(host, dialect)).toEqual([]);
      await host.deleteTableRows("Portfolio", "UseCases", 199, 4);
      expect(await differencesFromFreshBuild(host, dialect)).toEqual([]);
    },
  );
});

describe("the user's formulas over deleted rows", () => {
  it("show #REF! after the delete and their own value after undo", async () => {
    const host = await built();
    host.addSheet("Mine", [["=ROI!A7", "=SUM(Portfolio!G11:G15)", '=Portfolio!A12&"!"']]);
    const before = await host.readRange("Mine", "A1:C1");
    const a = await host.deleteTableRows(ROI_SHEET, ROI_TABLES.benefits, 0, 1);
    const p = await host.deleteTableRows("Portfolio", "UseCases", 1, 1);
    const after = await host.readRange("Mine", "A1:C1");
    expect(after[0][2]).toBe("#REF!");
    await host.restoreTableRows("Portfolio", "UseCases", 1, p);
    await host.restoreTableRows(ROI_SHEET, ROI_TABLES.benefits, 0, a);
    expect(await host.readRange("Mine", "A1:C1")).toEqual(before);
    expect(await differencesFromFreshBuild(host, "live")).toEqual([]);
  });
});
