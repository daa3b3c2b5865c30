/**
 * How OfficeHost talks to Excel during a build: how many requests and how large, the progress it
 * reports, and Excel suspended (screen, calculation, events) while it writes.
 */
import { ApplyError } from "../../src/host/workbook-host";
import { parseRange } from "../../src/shared/a1";
import { type SheetPlan } from "../../src/templates/plan";
import { setup, roiPlan, completeModel, expectCellsWritten } from "./office-support";

// ---- requests: how many, how large ------------------------------------------------------------------

describe("OfficeHost requests", () => {
  it("applies the complete model with a 5,000-row portfolio in at most 10 syncs, none over 4 MB", async () => {
    const { excel, host } = setup();
    const plans = completeModel(5000);
    const portfolio = plans.find((p) => p.template === "portfolio") as SheetPlan;
    expect(Math.max(...portfolio.blocks.map((b) => b.cells.length))).toBeGreaterThan(5000);
    await host.applyPlans(plans, { dialect: "live" });

    expect(excel.stats.syncs).toBeLessThanOrEqual(10);
    expect(excel.stats.largestPayloadBytes).toBeLessThan(4_000_000);
    expect(excel.stats.requests.every((r) => r.rejected === null)).toBe(true);
    expect(excel.sheetNames()).toEqual(["Sheet1", "Portfolio", "Rollout", "ROI", "Stress"]);
    for (const plan of plans) expectCellsWritten(excel, plan.sheet, plan, "live");
    // Blocks go out as a few 2-D arrays, not row by row; a table with calculated columns adds a
    // few rectangles of its own (its calculated columns, its totals, the outputs that read it).
    const cellWrites = excel.log.filter((l) => l === "Range.formulas").length;
    const growing = plans.reduce((n, p) => n + p.tables.filter((t) => t.calculated).length, 0);
    expect(cellWrites).toBeLessThan(plans.reduce((n, p) => n + p.blocks.length, 0) + 10 + 10 * growing);
    const lastRow =
      excel
        .snapshot()
        .tables.find((t) => t.name === "UseCases")
        ?.range.split(":")[1] ?? "";
    expect(lastRow.replace(/^[A-Z]+/, "")).toBe(String(parseRange(portfolio.tables[0].range).bottom + 1));
    expect(excel.cell("Portfolio", `A${parseRange(portfolio.tables[0].range).bottom + 1}`)).not.toBeNull();
  });

  it("needs no more syncs for 5,000 use cases than the payload requires: rows do not add syncs", async () => {
    const small = setup();
    await small.host.applyPlans(completeModel(10), { dialect: "live" });
    const large = setup();
    await large.host.applyPlans(completeModel(5000), { dialect: "live" });
    const extraBytes = large.excel.stats.totalPayloadBytes - small.excel.stats.totalPayloadBytes;
    expect(large.excel.stats.syncs - small.excel.stats.syncs).toBeLessThanOrEqual(
      Math.ceil(extraBytes / 3_000_000),
    );
  });

  it("splits one 5,000 × 18 block into chunks that share requests, each under 4 MB", async () => {
    const { excel, host } = setup();
    const rows = Array.from({ length: 5000 }, (_, r) =>
      Array.from({ length: 18 }, (_, c) =>
        c % 3 === 0
          ? `Use case ${r} with a fairly long descriptive label`
          : {
              live: `=GENAI.QUADRANT_SCORE(C${r + 2},D${r + 2},E${r + 2},F${r + 2})*${c}`,
              portable: `=C${r + 2}*${c}`,
            },
      ),
    );
    const plan: SheetPlan = {
      ...roiPlan(),
      sheet: "Big",
      template: "portfolio",
      names: [],
      charts: [],
      validations: [],
      conditionalFormats: [],
      formats: [{ range: "A1:R5000", format: "score" }],
      styles: [],
      tables: [{ name: "BigTable", range: "A1:R5000" }],
      blocks: [{ at: "A1", cells: rows }],
    };
    await host.applyPlans([plan], { dialect: "live" });
    const chunks = excel.log.filter((l) => l === "Range.formulas").length;
    expect(chunks).toBeGreaterThan(1);
    expect(excel.stats.syncs).toBeLessThan(chunks + 3); // several chunks per request
    expect(excel.stats.largestPayloadBytes).toBeLessThan(4_000_000);
    expect(excel.cell("Big", "R5000")?.formula).toBe("=GENAI.QUADRANT_SCORE(C5001,D5001,E5001,F5001)*17");
    expect(excel.numberFormatAt("Big", "R5000")).toBe("0.00");
    expect(excel.snapshot().tables).toEqual([
      { id: expect.any(String), name: "BigTable", sheet: "Big", range: "A1:R5000" },
    ]);
  });
});

// ---- screen, calculation and events ------------------------------------------------------------------

describe("OfficeHost reports progress", () => {
  it("reports each request of a build, ending at the total", async () => {
    const { excel, host } = setup();
    const seen: { step: string; done: number; total: number }[] = [];
    await host.applyPlans(completeModel(50), { dialect: "live", onProgress: (p) => seen.push(p) });
    expect(seen.map((p) => p.done)).toEqual(seen.map((_, i) => i + 1));
    expect(seen.every((p) => p.total === seen.length)).toBe(true);
    expect(seen.length).toBe(excel.stats.syncs - 1); // the two reads count as one step
    expect(seen.map((p) => p.step)).toContain("adding the sheet (Portfolio)");
  });
});

describe("OfficeHost suspends Excel during a build", () => {
  it("writes every cell and format with screen updating and calculation suspended and events off", async () => {
    const { excel, host } = setup();
    await host.applyPlans(completeModel(200), { dialect: "live" });
    const writes = excel.writes.filter(
      (w) => w.location === "Range.formulas" || w.location === "Range.numberFormat",
    );
    expect(writes.length).toBeGreaterThan(10);
    expect(
      writes.filter((w) => !w.screenUpdatingSuspended || !w.calculationSuspended || w.eventsEnabled),
    ).toEqual([]);
    expect(excel.stats.requests.at(-1)?.screenUpdatingSuspended).toBe(true);
    expect(excel.state.enableEvents).toBe(true);
    expect(excel.calculations).toBe(1);
  });

  it("turns events back on after a failure too", async () => {
    const { excel, host } = setup();
    excel.failWhen((op) => op.location === "TableCollection.add");
    await expect(host.applyPlans(completeModel(20), { dialect: "live" })).rejects.toBeInstanceOf(ApplyError);
    expect(excel.state.enableEvents).toBe(true);
  });

  it("does not ask for screen suspension where ExcelApi 1.9 is missing", async () => {
    const { excel, host } = setup({ apiVersion: "1.8" });
    await host.applyPlans([roiPlan()], { dialect: "live" });
    expect(excel.log).not.toContain("Application.suspendScreenUpdatingUntilNextSync");
    expect(excel.log).toContain("Application.suspendApiCalculationUntilNextSync");
  });
});
