/**
 * The seed's worked example built in the in-memory workbook, in both dialects, and live
 * recalculation after an input changes.
 */
import { MemoryHost } from "../../src/host/memory";
import { planCellAt } from "../../src/host/plan-rows";
import { cellAddress, parseCell } from "../../src/shared/a1";
import { inputCells } from "../../src/templates/cells";
import { isFormula } from "../../src/templates/plan";
import { ROI_VERSION } from "../../src/templates/roi";
import type { ChangeEvent } from "../../src/host/workbook-host";
import { close, nameCell, nameValue, roiByEngine, roiInputs, roiPlan } from "./memory-support";
import { sheetView } from "../../src/preview/sheet-view";

describe.each(["live", "portable"] as const)("the seed's ROI sheet in MemoryHost (%s dialect)", (dialect) => {
  it("shows benefits 22,000,000, costs 2,974,666.67 and annual ROI 639.6%", async () => {
    const host = new MemoryHost();
    await host.applyPlans([roiPlan()], { dialect });
    expect(await nameValue(host, "AnnualBenefits")).toBeCloseTo(22_000_000, 6);
    expect(await nameValue(host, "AnnualCosts")).toBeCloseTo(2_974_666.67, 2);
    const annualRoi = (await nameValue(host, "AnnualROI")) as number;
    expect(Math.abs(annualRoi * 100 - 639.6)).toBeLessThanOrEqual(0.05);
    expect(annualRoi).toBeCloseTo(6.3958, 4);
  });

  it("agrees with the engine on every headline output", async () => {
    const host = new MemoryHost();
    await host.applyPlans([roiPlan()], { dialect });
    const want = roiByEngine(roiInputs());
    // precisionRounding 15 reads values back within a few units in the last place of a double.
    expect(close(await nameValue(host, "AnnualROI"), want.annualRoi, 1e-15)).toBe(true);
    expect(close(await nameValue(host, "PVROI"), want.pvRoi)).toBe(true);
    expect(close(await nameValue(host, "PaybackMonths"), want.paybackMonths as number)).toBe(true);
  });

  it("recalculates every dependent output when AgentsAfter goes from 35 to 40", async () => {
    const host = new MemoryHost();
    const plan = roiPlan();
    await host.applyPlans([plan], { dialect });
    const before = {
      benefits: await nameValue(host, "AnnualBenefits"),
      roi: await nameValue(host, "AnnualROI"),
      pvRoi: await nameValue(host, "PVROI"),
      payback: await nameValue(host, "PaybackMonths"),
    };
    const events: ChangeEvent[] = [];
    host.onChange((event) => events.push(event));

    await host.writeCells([{ sheet: "ROI", address: nameCell(plan, "AgentsAfter"), values: [[40]] }]);

    const want = roiByEngine(roiInputs({ AgentsAfter: 40 }));
    const after = {
      benefits: await nameValue(host, "AnnualBenefits"),
      roi: await nameValue(host, "AnnualROI"),
      pvRoi: await nameValue(host, "PVROI"),
      payback: await nameValue(host, "PaybackMonths"),
    };
    expect(after.benefits).not.toEqual(before.benefits);
    expect(after.roi).not.toEqual(before.roi);
    expect(after.pvRoi).not.toEqual(before.pvRoi);
    expect(after.payback).not.toEqual(before.payback);
    expect(close(after.benefits, want.annualBenefits)).toBe(true);
    expect(after.benefits).toBe(19_600_000);
    expect(close(after.roi, want.annualRoi)).toBe(true);
    expect(close(after.pvRoi, want.pvRoi)).toBe(true);
    expect(close(after.payback, want.paybackMonths as number)).toBe(true);
    expect(events).toEqual([{ sheets: ["ROI"], source: "user" }]);
  });
});

describe("the preview's view of a built sheet", () => {
  it("marks inputs with their rule, keeps formats and styles, and resolves the chart's series", async () => {
    const host = new MemoryHost();
    const plan = roiPlan();
    await host.applyPlans([plan], { dialect: "live" });
    const view = sheetView(host, "ROI");
    const at = (address: string) => {
      const match = /^([A-Z]+)(\d+)$/.exec(address) as RegExpExecArray;
      return view.cells[Number(match[2]) - 1][match[1].charCodeAt(0) - 65];
    };
    const discount = at(nameCell(plan, "DiscountRate"));
    expect(discount).toMatchObject({ value: 0.1, input: true, style: "input", format: "percent" });
    expect(discount?.validation?.rule).toEqual({ kind: "decimal", min: 0, max: 1 });
    const roiCell = at(nameCell(plan, "AnnualROI"));
    expect(roiCell).toMatchObject({ input: false, style: "output", format: "percent" });
    expect(roiCell?.formula).toMatch(/GENAI\.ROI\(/);
    expect(view).toMatchObject({
      template: "roi",
      version: ROI_VERSION,
      dialect: "live",
      currency: "NT$",
      locale: "en",
    });
    expect(view.freeze).toEqual(plan.freeze);
    expect(view.charts).toHaveLength(1);
    const series = view.charts[0].series[0];
    expect(series.x).toHaveLength(37);
    expect(series.x?.[36]).toBe(36);
    expect(series.y.every((y) => typeof y === "number")).toBe(true);
    // The cumulative cash flow ends where the schedule's last row ends.
    const last = await host.readRange("ROI", plan.charts[0].series[0].y.replace(/\$/g, "").split(":")[1]);
    expect(series.y[36]).toBe(last[0][0]);
    expect(JSON.parse(JSON.stringify(view))).toEqual(view); // plain, serialisable data
  });

  it("reads a missing name as null and errors as Excel's strings", async () => {
    const host = new MemoryHost();
    host.addSheet("Scratch", [[1, "=1/0", "=NOPE(1)", "=A1+#REF!"]]);
    expect(await host.readNames(["NoSuchName"])).toEqual({ NoSuchName: null });
    const [row] = await host.readRange("Scratch", "A1:E1");
    expect(row).toEqual([1, "#DIV/0!", "#NAME?", "#REF!", null]);
  });
});

describe("the plans as applied", () => {
  it("carry each template sheet's real name and current inputs, and rebuild the same values", async () => {
    const host = new MemoryHost();
    const plan = roiPlan();
    await host.applyPlans([plan], { dialect: "live" });
    await host.applyPlans([plan], { dialect: "live", policies: { ROI: "keepBoth" } }); // copy "ROI (2)"
    host.addSheet("Notes", [["not a template"]]);
    await host.writeCells([{ sheet: "ROI", address: nameCell(plan, "AgentsAfter"), values: [[40]] }]);

    const applied = host.appliedPlans();

    expect(applied.map((p) => p.sheet)).toEqual(["ROI", "ROI (2)"]);
    const copy = new MemoryHost();
    await copy.applyPlans([applied[0]], { dialect: "portable" });
    expect(await copy.readRange("ROI", nameCell(plan, "AgentsAfter"))).toEqual([[40]]);
    expect(await nameValue(copy, "AnnualROI")).toBeCloseTo(
      (await nameValue(host, "AnnualROI")) as number,
      12,
    );
  });

  it("keeps what the user typed over an input's default formula (a sample line's driver) in the plans it saves", async () => {
    const host = new MemoryHost();
    const plan = roiPlan();
    await host.applyPlans([plan], { dialect: "live" });
    // Input cells the template fills with a formula: the sample lines' drivers, low and high.
    const defaults = inputCells(plan)
      .map(({ row, column }) => ({ row, column, cell: planCellAt(plan, row, column) }))
      .filter((c) => c.cell !== undefined && isFormula(c.cell));
    expect(defaults.length).toBeGreaterThan(2);
    const [typedValue, typedFormula, untouched] = defaults.map((c) => cellAddress(c.row, c.column));
    host.typeAsUser("ROI", typedValue, 12_345);
    host.typeAsUser("ROI", typedFormula, "=1000*12");
    const saved = host.appliedPlans()[0];
    const at = (address: string) => {
      const { row, column } = parseCell(address);
      return planCellAt(saved, row, column);
    };
    expect(at(typedValue)).toBe(12_345);
    expect(at(typedFormula)).toEqual({ live: "=1000*12", portable: "=1000*12" });
    expect(at(untouched)).toEqual(defaults[2].cell);
    // Built again from what was saved, the workbook shows the user's entries.
    const copy = new MemoryHost();
    await copy.applyPlans([saved], { dialect: "portable" });
    expect(await copy.readRange("ROI", typedValue)).toEqual([[12_345]]);
    expect(await copy.readRange("ROI", typedFormula)).toEqual([[12_000]]);
  });
});
