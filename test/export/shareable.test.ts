/**
 * "Make a shareable copy" against a MemoryHost built in the live dialect (the add-in's own
 * workbook): the copy carries the user's edited inputs and the recomputed results, has no GENAI
 * formula, and reading it leaves the workbook exactly as it was.
 */
import * as ExcelJS from "exceljs";
import { STORED_TRIALS } from "../../src/export/live-simulation";
import { makeShareableCopy } from "../../src/export/shareable";
import { bytesToBase64 } from "../../src/host/office";
import { MemoryHost } from "../../src/host/memory";
import { planCompleteModel } from "../../src/templates/index";
import type { SheetPlan } from "../../src/templates/plan";
import { SIMULATION_ROWS } from "../../src/templates/stress";
import { snapshot } from "../host/memory-support";
import { cellAt, cellValueOf, namedCell, NOW, planFormulaCells, readXlsx, SAMPLE } from "./export-support";

describe("makeShareableCopy", () => {
  let plans: SheetPlan[];
  let host: MemoryHost;

  beforeEach(async () => {
    plans = planCompleteModel(SAMPLE);
    host = new MemoryHost();
    await host.applyPlans(plans, { dialect: "live" });
  });

  const value = async (name: string) => (await host.readNames([name]))[name]![0][0];

  it("keeps the user's edited input and caches the results recomputed from it", async () => {
    const agents = namedCell(plans, "AgentsAfter");
    await host.writeCells([{ sheet: agents.sheet, address: agents.address, values: [[40]] }]);
    const copy = await readXlsx(await makeShareableCopy(host, plans, { now: NOW }));

    expect(copy.getWorksheet(agents.sheet)!.getCell(agents.address).value).toBe(40);
    const roi = namedCell(plans, "AnnualROI");
    const cached = cellAt(copy, roi.sheet, roi.address);
    expect(cached.type).toBe(ExcelJS.ValueType.Formula);
    expect(cached.result as number).toBeCloseTo((await value("AnnualROI")) as number, 12);
    expect(cached.result as number).toBeCloseTo(5.589, 3); // was 6.396 before the edit
  });

  it("replaces every GENAI formula by a native one: the simulation's statistics read a trials sheet", async () => {
    const copy = await readXlsx(await makeShareableCopy(host, plans, { now: NOW }));
    const genai: string[] = [];
    copy.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Formula && /GENAI/i.test(cell.formula))
            genai.push(cell.address);
        }),
      ),
    );
    expect(genai).toEqual([]);
    // The spill's labels stay text; its values are native statistics over the trials' ROI.
    const sims = planFormulaCells(plans).filter((c) => c.formula.portable === null);
    expect(sims).toHaveLength(2 * SIMULATION_ROWS);
    const formulas = sims
      .filter((c) => c.column === sims[0].column + 1)
      .map((c) => cellAt(copy, c.sheet, c.address));
    // Each #N/A while the Stress sheet's trials, seed or sampling read other values than the
    // stored trials were drawn with.
    const settings =
      'AND((IF(SimTrials="",10000,SimTrials))=10000,(IF(SimSeed="",1,SimSeed))=1,' +
      'UPPER(TRIM(IF(SimSampling="","LHS",SimSampling)))="LHS")';
    const guarded = (statistic: string): string => `IF(${settings},${statistic},NA())`;
    expect(formulas.map((cell) => cell.formula)).toEqual([
      guarded(`AVERAGE(Trials!$B$16:$B$${15 + STORED_TRIALS})`),
      ...[0.05, 0.1, 0.5, 0.9, 0.95].map((p) =>
        guarded(`_xlfn.PERCENTILE.INC(Trials!$B$16:$B$${15 + STORED_TRIALS},${p})`),
      ),
      guarded(
        `IF(COUNT(Trials!$B$16:$B$${15 + STORED_TRIALS})<ROWS(Trials!$B$16:$B$${15 + STORED_TRIALS}),NA(),` +
          `COUNTIF(Trials!$B$16:$B$${15 + STORED_TRIALS},"<0")/ROWS(Trials!$B$16:$B$${15 + STORED_TRIALS}))`,
      ),
    ]);
    for (const cell of formulas) expect(cell.note).toBeFalsy();
    const labels = sims
      .filter((c) => c.column === sims[0].column)
      .map((c) => cellAt(copy, c.sheet, c.address).value);
    expect(labels).toEqual(["Mean", "P5", "P10", "P50", "P90", "P95", "P(ROI<0)"]);
    // The first label's note says where the statistics come from, and that they are fewer trials.
    const note = cellAt(copy, sims[0].sheet, sims[0].address).note;
    expect(note).toBe(
      "Native formulas over the Trials sheet: 2,000 of the model's 10,000 trials, seed 1. They recompute when a line's low, base or high changes. #N/A if the trials, seed or sampling change.",
    );
    expect(typeof note === "string" ? note.length : Infinity).toBeLessThan(200);
    expect(copy.worksheets.map((ws) => ws.name)).toEqual([
      "Portfolio",
      "Rollout",
      "ROI",
      "Stress",
      "Trials",
      "GenAI_Model",
    ]);
  });

  it("can still carry the simulation as values with a note (liveSimulation: false)", async () => {
    const copy = await readXlsx(await makeShareableCopy(host, plans, { now: NOW, liveSimulation: false }));
    const sims = planFormulaCells(plans).filter((c) => c.formula.portable === null);
    for (const c of sims) {
      const cell = cellAt(copy, c.sheet, c.address);
      expect(cellValueOf(cell)).toEqual((await host.readRange(c.sheet, c.address))[0][0]);
      expect(cell.note).toBeTruthy();
    }
    expect(copy.getWorksheet("Trials")).toBeUndefined();
  });

  it("leaves the workbook untouched", async () => {
    const agents = namedCell(plans, "AgentsAfter");
    await host.writeCells([{ sheet: agents.sheet, address: agents.address, values: [[40]] }]);
    const before = await snapshot(host);
    const changes: unknown[] = [];
    host.onChange((e) => changes.push(e));
    await makeShareableCopy(host, plans, { now: NOW });
    expect(await snapshot(host)).toEqual(before);
    expect(changes).toEqual([]);
  });

  it("reads each sheet under its name in the workbook (a copy kept beside an older sheet)", async () => {
    await host.applyPlans(planCompleteModel(SAMPLE).slice(2, 3), {
      dialect: "live",
      policies: { ROI: "keepBoth" },
    });
    const applied = host.appliedPlans();
    expect(applied.map((p) => p.sheet)).toEqual(["Portfolio", "Rollout", "ROI", "Stress", "ROI (2)"]);
    // Both ROI sheets define the same workbook names: the copy takes one sheet per template.
    await expect(makeShareableCopy(host, applied, { now: NOW })).rejects.toThrow(
      'Sheets "ROI" and "ROI (2)" both define the workbook name',
    );
    const latest = applied.filter((p) => p.sheet !== "ROI");
    const copy = await readXlsx(await makeShareableCopy(host, latest, { now: NOW }));
    // The visible sheets (the simulation's trials last); the hidden GenAI_Model sheet marks the
    // file as the model.
    expect(copy.worksheets.filter((ws) => ws.state === "visible").map((ws) => ws.name)).toEqual([
      "Portfolio",
      "Rollout",
      "Stress",
      "ROI (2)",
      "Trials",
    ]);
    expect(copy.getWorksheet("GenAI_Model")?.state).toBe("hidden");
    const roi = namedCell(latest, "AnnualROI");
    expect(roi.sheet).toBe("ROI (2)");
    expect(copy.definedNames.model.find((n) => n.name === "AnnualROI")?.ranges).toEqual([
      `'ROI (2)'!${roi.address.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2")}`,
    ]);
    expect(copy.getWorksheet("ROI (2)")!.getCell(roi.address).result as number).toBeCloseTo(6.396, 3);
  });

  it("says which sheet is missing instead of writing a partial copy", async () => {
    const renamed = plans.map((p) => (p.template === "rollout" ? { ...p, sheet: "Rollout plan" } : p));
    await expect(makeShareableCopy(host, renamed, { now: NOW })).rejects.toThrow(
      'the workbook has no sheet named "Rollout plan"',
    );
  });

  it("encodes the copy as base64 for Excel.createWorkbook, byte for byte", async () => {
    const bytes = await makeShareableCopy(host, plans, { now: NOW });
    expect(bytes.length).toBeGreaterThan(0x8000); // more than one slice
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString("base64"));
  });
});
