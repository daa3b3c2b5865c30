/**
 * A rebuild that keeps inputs keeps what is the user's by table row and workbook name, never by
 * the plan's cell positions, the same in OfficeHost (against the recording Excel fake, whose
 * tables grow when a user types right below them, as Excel's do) and MemoryHost: a row typed
 * below a table, a fourth benefit line, a value typed over a line's default low, a formula typed
 * into an input, and sheets of the ROI's first and fourth layouts, upgraded. A table whose rows
 * are not the user's (the linked Stress table, a row per ROI line) gets at least its planned rows.
 */
import { MemoryHost } from "../../src/host/memory";
import { OfficeHost } from "../../src/host/office";
import { planCellAt, tableBody } from "../../src/host/plan-rows";
import type { CellValue, WorkbookHost } from "../../src/host/workbook-host";
import { cellAddress, parseCell, parseRange } from "../../src/shared/a1";
import { plansFor, readLineCounts } from "../../src/taskpane/model/build";
import { addLine } from "../../src/taskpane/model/line-add";
import { inputCells } from "../../src/templates/cells";
import { planCompleteModel } from "../../src/templates/index";
import { isFormula, type SheetPlan } from "../../src/templates/plan";
import { COL } from "../../src/templates/roi-lines";
import { STRESS_NAMES, STRESS_TABLE } from "../../src/templates/stress";
import { fakeExcelRun } from "./excel-fake";
import ROI_V1 from "../golden/layouts/roi.v1.json";
import { sheetView } from "../../src/preview/sheet-view";
import { roiLayout4 } from "./older-roi-layout";

const SAMPLE = { data: "sample" as const, currency: "NT$", locale: "en" as const };

interface Subject {
  readonly host: WorkbookHost;
  /** The user types into a cell (a value, or text starting with "=" as a formula). */
  readonly type: (sheet: string, address: string, input: CellValue) => void;
  /** A cell as written: its formula, or its value. */
  readonly content: (sheet: string, address: string) => CellValue;
  /** A sheet of the user's with cells as typed, and workbook names. */
  readonly seed: (sheet: string, cells: Record<string, CellValue>, names: Record<string, string>) => void;
  readonly computes: boolean;
}

function office(): Subject {
  const { excel, run, isSetSupported } = fakeExcelRun();
  return {
    host: new OfficeHost(run, { isSetSupported }),
    type: (sheet, address, input) => excel.userEdit(sheet, address, input),
    content: (sheet, address) => {
      const cell = excel.cell(sheet, address);
      return cell?.formula ?? cell?.value ?? null;
    },
    seed: (sheet, cells, names) => {
      excel.seedSheet(sheet, cells);
      for (const [name, formula] of Object.entries(names)) excel.seedName(name, formula);
    },
    computes: false,
  };
}

function memory(): Subject {
  const host = new MemoryHost();
  const hf = (host as unknown as { hf: { addNamedExpression: (n: string, e: string) => void } }).hf;
  return {
    host,
    type: (sheet, address, input) => host.typeAsUser(sheet, address, input),
    content: (sheet, address) => {
      const { row, column } = parseCell(address);
      const cell = sheetView(host, sheet).cells[row]?.[column];
      return cell?.formula ?? cell?.value ?? null;
    },
    seed: (sheet, cells, names) => {
      host.addSheet(sheet);
      for (const [address, value] of Object.entries(cells)) host.typeAsUser(sheet, address, value);
      for (const [name, formula] of Object.entries(names)) hf.addNamedExpression(name, formula);
    },
    computes: true,
  };
}

const HOSTS: [string, () => Subject][] = [
  ["OfficeHost", office],
  ["MemoryHost", memory],
];

function planOf(plans: readonly SheetPlan[], template: SheetPlan["template"]): SheetPlan {
  return plans.find((p) => p.template === template) as SheetPlan;
}

function body(plan: SheetPlan, table: string): { top: number; bottom: number; left: number } {
  const b = tableBody(plan, table);
  if (!b) throw new Error(`no table ${table}`);
  return b;
}

describe.each(HOSTS)("%s rebuilding with the user's inputs", (_, make) => {
  it("keeps a use case typed in the row below UseCases: the rebuilt table has that row too", async () => {
    const s = make();
    const plans = planCompleteModel(SAMPLE);
    await s.host.applyPlans(plans, { dialect: "live" });
    const portfolio = planOf(plans, "portfolio");
    const b = body(portfolio, "UseCases");
    const below = b.bottom + 1;
    // Every input of the table's last row has a place in the row below.
    const columns = inputCells(portfolio)
      .filter((c) => c.row === b.bottom)
      .map((c) => c.column);
    expect(columns.length).toBeGreaterThan(0);
    s.type("Portfolio", cellAddress(below, b.left), "Contract review assistant");
    for (const column of columns) if (column !== b.left) s.type("Portfolio", cellAddress(below, column), 3);
    // The dialog is told before the build what the build then keeps.
    const preview = await s.host.keepPreview?.(planCompleteModel(SAMPLE));

    const result = await s.host.applyPlans(planCompleteModel(SAMPLE), { dialect: "live" });

    const sheet = result.sheets.find((x) => x.template === "portfolio");
    const rows = b.bottom - b.top + 1;
    expect(sheet?.outcome).toBe("replaced");
    expect(sheet?.kept?.tables).toEqual([{ name: "UseCases", rows: rows + 1, planned: rows }]);
    expect(preview?.Portfolio).toEqual(sheet?.kept);
    expect(s.content("Portfolio", cellAddress(below, b.left))).toBe("Contract review assistant");
    for (const column of columns)
      if (column !== b.left) expect(s.content("Portfolio", cellAddress(below, column))).toBe(3);
  });

  it("keeps a fourth benefit line typed below Benefits, and the line names cover it", async () => {
    const s = make();
    const plans = planCompleteModel(SAMPLE);
    await s.host.applyPlans(plans, { dialect: "live" });
    const roi = planOf(plans, "roi");
    const b = body(roi, "Benefits");
    const row = b.bottom + 1;
    s.type("ROI", cellAddress(row, b.left + COL.label), "Faster contract review");
    s.type("ROI", cellAddress(row, b.left + COL.base), 240_000);
    s.type("ROI", cellAddress(row, b.left + COL.kind), "Fixed");
    const before = (await s.host.readNames(["AnnualBenefits"])).AnnualBenefits?.[0][0];

    const result = await s.host.applyPlans(plans, { dialect: "live" });

    expect(result.sheets.find((x) => x.template === "roi")?.kept?.tables).toEqual([
      { name: "Benefits", rows: 4, planned: 3 },
      { name: "Costs", rows: 5, planned: 5 },
    ]);
    expect(s.content("ROI", cellAddress(row, b.left + COL.label))).toBe("Faster contract review");
    expect(s.content("ROI", cellAddress(row, b.left + COL.base))).toBe(240_000);
    // The new row has the table's calculated columns, and the names over the lines grew.
    const inUse = s.content("ROI", cellAddress(row, b.left + COL.inUse));
    expect(typeof inUse === "string" && inUse.startsWith("=")).toBe(true);
    const where = (await s.host.locateNames(["RoiBenefitLabels"])).RoiBenefitLabels;
    expect(where?.address).toBe(`${cellAddress(b.top, b.left)}:${cellAddress(row, b.left)}`);
    if (s.computes) {
      const labels = (await s.host.readNames(["RoiBenefitLabels"])).RoiBenefitLabels;
      expect(labels?.map((r) => r[0])).toContain("Faster contract review");
      const after = (await s.host.readNames(["AnnualBenefits"])).AnnualBenefits?.[0][0];
      expect(Number(after) - Number(before)).toBeCloseTo(240_000, 3);
    }
  });

  it("gives the linked Stress table a row per ROI line when lines were added with the pane closed", async () => {
    // Lines added to the ROI tables without the Stress rows the pane appends (typed in Excel with
    // the pane closed): the Stress table is one row per line, whatever rows it had before.
    const s = make();
    const blank = { ...SAMPLE, data: "blank" as const };
    await s.host.applyPlans(planCompleteModel(blank), { dialect: "live" });
    const before = body(planOf(planCompleteModel(blank), "stress"), STRESS_TABLE);
    await addLine(s.host, { kind: "benefit", label: "Faster onboarding", amount: 1_000 }, "en");
    for (const label of ["Model API", "Platform", "People", "Training"])
      await addLine(s.host, { kind: "cost", label, amount: 100 }, "en");
    const counts = await readLineCounts(s.host);
    const lines = (counts?.benefits ?? 0) + (counts?.costs ?? 0);
    expect(lines).toBeGreaterThan(before.bottom - before.top + 1);

    const plans = plansFor("stress", blank, await s.host.listSheets(), counts);
    const result = await s.host.applyPlans(plans, { dialect: "live", policies: { Stress: "replace" } });

    expect(result.sheets[0].kept?.tables).toEqual([{ name: STRESS_TABLE, rows: lines, planned: lines }]);
    const where = (await s.host.locateNames([STRESS_NAMES.labels]))[STRESS_NAMES.labels];
    const r = parseRange(where?.address ?? "A1");
    expect(r.bottom - r.top + 1).toBe(lines);
    if (s.computes) {
      const labels = (await s.host.readNames([STRESS_NAMES.labels]))[STRESS_NAMES.labels]?.map((x) => x[0]);
      expect(labels).toEqual(expect.arrayContaining(["Faster onboarding", "Model API", "Training"]));
    }
  });

  it("keeps a value typed over a line's default low, and leaves the other lows their default formula", async () => {
    const s = make();
    const plans = [planOf(planCompleteModel(SAMPLE), "roi")];
    await s.host.applyPlans(plans, { dialect: "live" });
    const b = body(plans[0], "Benefits");
    const typed = cellAddress(b.top, b.left + COL.low);
    const other = cellAddress(b.top + 1, b.left + COL.low);
    const defaultLow = s.content("ROI", other);
    expect(typeof defaultLow === "string" && defaultLow.startsWith("=")).toBe(true);
    s.type("ROI", typed, 123_456);

    const result = await s.host.applyPlans(plans, { dialect: "live", policies: { ROI: "replace" } });

    expect(s.content("ROI", typed)).toBe(123_456);
    expect(s.content("ROI", other)).toBe(defaultLow);
    expect(result.sheets[0].kept?.formulas).toBe(0);
  });

  it("keeps a formula typed into a line's input as that formula, never its value", async () => {
    const s = make();
    const plans = [planOf(planCompleteModel(SAMPLE), "roi")];
    await s.host.applyPlans(plans, { dialect: "live" });
    const b = body(plans[0], "Costs");
    const high = cellAddress(b.top + 1, b.left + COL.high);
    const risk = cellAddress(b.top + 2, b.left + COL.risk);
    s.type("ROI", high, "=600000*1.25");
    s.type("ROI", risk, "=CostRisk*2");

    const result = await s.host.applyPlans(plans, { dialect: "live", policies: { ROI: "replace" } });

    expect(result.sheets[0].kept?.formulas).toBe(2);
    expect(s.content("ROI", high)).toBe("=600000*1.25");
    expect(s.content("ROI", risk)).toBe("=CostRisk*2");
    if (s.computes) expect((await s.host.readRange("ROI", high))[0][0]).toBe(750_000);
  });

  it("upgrades a sheet of the ROI's first layout: named inputs, renamed lines and a typed-over base go into the tables", async () => {
    const s = make();
    const v1 = ROI_V1.variants["sample, linked"];
    const cells: Record<string, CellValue> = { A1: "ROI: customer-service assistant" };
    const names: Record<string, string> = {
      GenAI_Template_roi: "=ROI!$A$1",
      GenAI_Template_roi_version: "=1",
    };
    for (const [name, range] of Object.entries(v1.names)) names[name] = `=ROI!${absolute(range)}`;
    const inputs: Record<string, number> = {
      AgentsBefore: 60,
      AgentsAfter: 30,
      DiscountRate: 0.08,
      FxRate: 31,
    };
    for (const [name, range] of Object.entries(v1.names))
      if (v1.inputs.includes(range)) cells[range] = inputs[name] ?? 1;
    cells[v1.names.MonthsPerYear] = 12;
    const [benefitLabels] = v1.names.RoiBenefitLabels.split(":");
    const [benefitBase] = v1.names.RoiBenefitBase.split(":");
    const [costBase] = v1.names.RoiCostBase.split(":");
    const at = (address: string, rows: number): string => {
      const { row, column } = parseCell(address);
      return cellAddress(row + rows, column);
    };
    cells[benefitLabels] = "Agent hours saved";
    cells[at(benefitLabels, 1)] = "Capacity value";
    cells[benefitBase] = "=(AgentsBefore-AgentsAfter)*AgentMonthlyCost*MonthsPerYear";
    cells[at(benefitBase, 1)] = "=CapacityAgents*AgentMonthlyCost*MonthsPerYear";
    cells[at(costBase, 1)] = 700_000; // the platform's cost, typed over layout 1's formula
    s.seed("ROI", cells, names);
    expect((await s.host.listSheets()).find((x) => x.name === "ROI")).toMatchObject({
      template: "roi",
      templateVersion: 1,
    });
    const plan = planOf(planCompleteModel(SAMPLE), "roi");

    const result = await s.host.applyPlans([plan], { dialect: "live" });

    expect(result.sheets[0]).toMatchObject({ outcome: "replaced" });
    expect(result.sheets[0].kept?.notCarried).toEqual([]);
    for (const [name, value] of Object.entries(inputs))
      expect((await s.host.readNames([name]))[name]).toEqual([[value]]);
    const benefits = body(plan, "Benefits");
    const costs = body(plan, "Costs");
    expect(s.content("ROI", cellAddress(benefits.top, COL.label))).toBe("Agent hours saved");
    expect(s.content("ROI", cellAddress(costs.top + 1, COL.base))).toBe(700_000);
    // A base layout 1 computed keeps layout 2's own driver formula.
    expect(s.content("ROI", cellAddress(benefits.top, COL.base))).toBe(
      "=(AgentsBefore-AgentsAfter)*AgentMonthlyCost*MonthsPerYear",
    );
    expect((await s.host.listSheets()).find((x) => x.name === "ROI")?.templateVersion).toBe(plan.version);

    // A blank model has no drivers: the upgrade says which inputs it could not carry.
    const again = make();
    again.seed("ROI", cells, names);
    const blank = planOf(planCompleteModel({ ...SAMPLE, data: "blank" }), "roi");
    const upgraded = await again.host.applyPlans([blank], { dialect: "live" });
    expect(upgraded.sheets[0].kept?.notCarried).toEqual(
      expect.arrayContaining([
        "AgentsBefore = 60 (the new layout has no such input)",
        "AgentsAfter = 30 (the new layout has no such input)",
      ]),
    );
    expect((await again.host.readNames(["DiscountRate"])).DiscountRate).toEqual([[0.08]]);
  });

  it("upgrades a sheet of the ROI's layout 4: each line's inputs stay in their columns, the old M0 never lands in Distribution", async () => {
    const s = make();
    const plan = planOf(planCompleteModel(SAMPLE), "roi");
    await s.host.applyPlans([roiLayout4(plan)], { dialect: "live" });
    expect((await s.host.listSheets()).find((x) => x.name === "ROI")?.templateVersion).toBe(4);
    const benefits = body(plan, "Benefits");
    const costs = body(plan, "Costs");
    s.type("ROI", cellAddress(benefits.top, COL.label), "Agent hours saved");
    s.type("ROI", cellAddress(benefits.top + 1, COL.low), 1_000_000);
    s.type("ROI", cellAddress(costs.top, COL.risk), 0.2);
    s.type("ROI", cellAddress(costs.top + 1, COL.months), 6);
    // Layout 4 held M0, a formula, where Distribution is now.
    expect(String(s.content("ROI", cellAddress(benefits.top, COL.distribution)))).toMatch(/^=/);

    const result = await s.host.applyPlans([plan], { dialect: "live" });

    expect(result.sheets[0]).toMatchObject({ outcome: "replaced" });
    expect(result.sheets[0].kept?.notCarried).toEqual([]);
    expect((await s.host.listSheets()).find((x) => x.name === "ROI")?.templateVersion).toBe(plan.version);
    expect(s.content("ROI", cellAddress(benefits.top, COL.label))).toBe("Agent hours saved");
    expect(s.content("ROI", cellAddress(benefits.top + 1, COL.low))).toBe(1_000_000);
    expect(s.content("ROI", cellAddress(costs.top, COL.risk))).toBe(0.2);
    expect(s.content("ROI", cellAddress(costs.top + 1, COL.months))).toBe(6);
    for (const table of [benefits, costs])
      for (let row = table.top; row <= table.bottom; row++) {
        expect(s.content("ROI", cellAddress(row, COL.distribution))).toBeNull();
        const m0 = planCellAt(plan, row, COL.month0);
        expect(s.content("ROI", cellAddress(row, COL.month0))).toBe(
          m0 !== undefined && isFormula(m0) ? m0.live : m0,
        );
      }

    // In the same layout, a chosen distribution is the user's input: a rebuild keeps it.
    s.type("ROI", cellAddress(costs.top, COL.distribution), "Triangular");
    await s.host.applyPlans([plan], { dialect: "live" });
    expect(s.content("ROI", cellAddress(costs.top, COL.distribution))).toBe("Triangular");
    expect(s.content("ROI", cellAddress(costs.top + 1, COL.distribution))).toBeNull();
  });
});

function absolute(range: string): string {
  return range
    .split(":")
    .map((cell) => cell.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2"))
    .join(":");
}
