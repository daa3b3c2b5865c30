/**
 * Cells that read a name's shape (ROWS, COLUMNS) follow the name when it changes, in the
 * in-memory workbook. What it protects: HyperFormula recalculates ROWS and COLUMNS on structural
 * changes only, so after the pane added lines to the ROI tables (rows added, then the table names
 * re-pointed) the Stress sheet's line count `ROWS(RoiBenefitLabels)+ROWS(RoiCostLabels)` kept one
 * table's old count and said "10 lines" where the names and LibreOffice gave 12, and the whole
 * Stress sheet disagreed with the shared file. Each case here compares the workbook after the
 * change with a fresh build of its own plans, cell by cell, which fails with the fault.
 */
import { HyperFormula } from "hyperformula";
import { MemoryHost } from "../../src/host/memory";
import { recalculateShapeReaders } from "../../src/host/shape-readers";
import type { Dialect } from "../../src/templates/plan";
import { planCompleteModel } from "../../src/templates/index";
import { ROI_LINE_NAMES, ROI_SHEET, ROI_TABLES } from "../../src/templates/roi";
import { addUseCaseLines, readPortfolioUseCases } from "../../src/taskpane/model/portfolio-lines";
import { differencesFromFreshBuild } from "./memory-support";

const OPTIONS = { data: "sample", currency: "NT$", locale: "en" } as const;

async function built(dialect: Dialect): Promise<MemoryHost> {
  const host = new MemoryHost();
  await host.applyPlans(planCompleteModel(OPTIONS), { dialect });
  return host;
}

/** The model's line count as the Stress sheet reads it, computed now from the names. */
async function lineCount(host: MemoryHost): Promise<number> {
  const names = await host.readNames([ROI_LINE_NAMES.benefits.labels, ROI_LINE_NAMES.costs.labels]);
  return Object.values(names).reduce((sum, v) => sum + (v?.length ?? 0), 0);
}

describe("cells that read a name's shape", () => {
  it("are marked for recalculation in this HyperFormula (its internal list is where it was)", () => {
    const hf = HyperFormula.buildEmpty({ licenseKey: "gpl-v3" });
    expect(recalculateShapeReaders(hf)).toBe(true);
    hf.destroy();
  });

  it.each(["live", "portable"] as const)(
    "follow the ROI tables' names after Portfolio use cases are added as lines (%s)",
    async (dialect) => {
      const host = await built(dialect);
      const before = await lineCount(host);
      const picks = ((await readPortfolioUseCases(host)) ?? [])
        .filter((u) => u.recommended)
        .map((u) => u.name);
      const added = await addUseCaseLines(host, [...picks, "Contract review"], "en");
      expect(added.added.length).toBeGreaterThanOrEqual(2);
      // Both tables grew, so each name was re-pointed.
      expect(await lineCount(host)).toBe(before + 2 * added.added.length);
      host.addSheet("Check", [["=ROWS(RoiBenefitLabels)+ROWS(RoiCostLabels)"]]);
      expect(await host.readRange("Check", "A1")).toEqual([[before + 2 * added.added.length]]);
      expect(await differencesFromFreshBuild(host, dialect)).toEqual([]);
    },
  );

  it("follow a table's name when a deleted line is put back (undo)", async () => {
    const host = await built("live");
    host.addSheet("Check", [["=ROWS(RoiBenefitLabels)", "=COLUMNS(RoiBenefitLabels)"]]);
    const [[rows]] = (await host.readRange("Check", "A1")) as number[][];
    const removed = await host.deleteTableRows(ROI_SHEET, ROI_TABLES.benefits, 0, 1);
    expect(await host.readRange("Check", "A1:B1")).toEqual([[rows - 1, 1]]);
    await host.restoreTableRows(ROI_SHEET, ROI_TABLES.benefits, 0, removed);
    expect(await host.readRange("Check", "A1:B1")).toEqual([[rows, 1]]);
    expect(await differencesFromFreshBuild(host, "live")).toEqual([]);
  });

  it("read a name defined after them", async () => {
    const host = new MemoryHost();
    host.addSheet("Data", [[1], [2], [3]]);
    host.addSheet("Check", [["=ROWS(Span)", "=COLUMNS(Span)", "=SUM(Span)"]]);
    expect(host.addName("Span", "=Data!$A$1:$A$3")).toBe(true);
    expect(await host.readRange("Check", "A1:C1")).toEqual([[3, 1, 6]]);
  });
});
