/**
 * What is the user's stays the user's, in both hosts (OfficeHost against the recording Excel
 * fake, MemoryHost): a rebuild never moves the model away from the user's figures, a sheet name
 * is decided by one function for the pane and the hosts, a workbook name of the user's is never
 * taken over without a yes, and a formula typed into an input is never replaced by a constant.
 */
import { decidePlacements } from "../../src/host/placement";
import { MemoryHost } from "../../src/host/memory";
import { OfficeHost } from "../../src/host/office";
import { ApplyError, type CellValue, type WorkbookHost } from "../../src/host/workbook-host";
import { planCompleteModel } from "../../src/templates/index";
import { fakeExcelRun, type FakeExcel } from "./excel-fake";
import { nameCell, roiPlan } from "./memory-support";
import { sheetView } from "../../src/preview/sheet-view";

const BASE = { data: "sample" as const, currency: "NT$", locale: "en" as const };

interface Subject {
  readonly host: WorkbookHost;
  /** Adds a sheet of the user's with cells typed as a user types them. */
  readonly userSheet: (name: string, cells: Record<string, CellValue>) => void;
  /** A workbook name the user defined. */
  readonly userName: (name: string, formula: string) => void;
  /** The user types into a cell (a value, or a formula). */
  readonly type: (sheet: string, address: string, input: CellValue) => void;
  /** The formula in a cell, or null for a value or an empty cell. */
  readonly formula: (sheet: string, address: string) => string | null;
  readonly sheetNames: () => Promise<string[]>;
  /** Whether formulas compute (the Excel fake records them only). */
  readonly computes: boolean;
}

function office(): Subject & { excel: FakeExcel } {
  const { excel, run, isSetSupported } = fakeExcelRun();
  return {
    excel,
    host: new OfficeHost(run, { isSetSupported }),
    userSheet: (name, cells) => excel.seedSheet(name, cells),
    userName: (name, formula) => excel.seedName(name, formula),
    type: (sheet, address, input) => excel.userEdit(sheet, address, input),
    formula: (sheet, address) => excel.cell(sheet, address)?.formula ?? null,
    sheetNames: async () => Promise.resolve(excel.sheetNames().filter((n) => n !== "Sheet1")),
    computes: false,
  };
}

function memory(): Subject & { memory: MemoryHost } {
  const host = new MemoryHost();
  const a1 = (address: string): [number, number] => {
    const m = /^([A-Z]+)(\d+)$/.exec(address) as RegExpExecArray;
    return [Number(m[2]) - 1, m[1].charCodeAt(0) - 65];
  };
  return {
    memory: host,
    host,
    userSheet: (name, cells) => {
      const rows: CellValue[][] = [];
      for (const [address, value] of Object.entries(cells)) {
        const [r, c] = a1(address);
        while (rows.length <= r) rows.push([]);
        rows[r][c] = value;
      }
      host.addSheet(
        name,
        rows.map((row) => Array.from({ length: row.length }, (_, i) => row[i] ?? null)),
      );
    },
    userName: (name, formula) => {
      (
        host as unknown as { hf: { addNamedExpression: (n: string, e: string) => void } }
      ).hf.addNamedExpression(name, formula);
    },
    type: (sheet, address, input) => host.typeAsUser(sheet, address, input),
    formula: (sheet, address) => {
      const view = sheetView(host, sheet);
      const [r, c] = a1(address);
      return view.cells[r]?.[c]?.formula ?? null;
    },
    sheetNames: async () => (await host.listSheets()).map((s) => s.name),
    computes: true,
  };
}

const HOSTS: [string, () => Subject][] = [
  ["OfficeHost", office],
  ["MemoryHost", memory],
];

describe.each(HOSTS)("%s", (_, make) => {
  it("rebuilds the model's sheet in place with the user's input by default, and every name stays on it", async () => {
    const s = make();
    const plans = planCompleteModel(BASE);
    await s.host.applyPlans(plans, { dialect: "live" });
    const at = nameCell(roiPlan(), "AgentsAfter");
    s.type("ROI", at, 40);
    const before = (await s.host.readNames(["AnnualROI"])).AnnualROI;

    const result = await s.host.applyPlans(planCompleteModel(BASE), { dialect: "live" });

    expect(result.sheets.map((x) => [x.sheet, x.outcome])).toEqual([
      ["Portfolio", "replaced"],
      ["Rollout", "replaced"],
      ["ROI", "replaced"],
      ["Stress", "replaced"],
    ]);
    expect(await s.sheetNames()).toEqual(["Portfolio", "Rollout", "ROI", "Stress"]);
    expect((await s.host.readNames(["AgentsAfter"])).AgentsAfter).toEqual([[40]]);
    expect((await s.host.readNames(["AnnualROI"])).AnnualROI).toEqual(before);
    expect((await s.host.locateNames(["AgentsAfter"])).AgentsAfter?.sheet).toBe("ROI");
  });

  it("creates the sheet the pane predicts: a user's 'roi' and a plan 'ROI' give 'ROI (2)' in both", async () => {
    const s = make();
    s.userSheet("roi", { A1: "my own notes" });
    const plan = roiPlan();
    const predicted = decidePlacements([plan], await s.host.listSheets(), {})[0].targetName;
    const result = await s.host.applyPlans([plan], { dialect: "live" });
    expect(predicted).toBe("ROI (2)");
    expect(result.sheets[0].sheet).toBe(predicted);
    expect(await s.sheetNames()).toContain(predicted);
  });

  it("refuses to take over a workbook name of the user's, before writing anything, unless told it may", async () => {
    const s = make();
    s.userSheet("Assumptions", { A1: "Our hurdle rate", B1: 0.08, B2: "=1000/(1+DiscountRate)" });
    s.userName("DiscountRate", "=Assumptions!$B$1");
    const plans = planCompleteModel(BASE);
    expect(await s.host.nameConflicts(plans)).toEqual([
      { name: "DiscountRate", refersTo: "=Assumptions!$B$1", template: "roi" },
    ]);
    const sheets = await s.sheetNames();

    const error = (await s.host
      .applyPlans(plans, { dialect: "live" })
      .catch((e: unknown) => e)) as ApplyError;

    expect(error).toBeInstanceOf(ApplyError);
    expect(error.message).toMatch(/DiscountRate \(Assumptions!\$B\$1\).*Nothing was changed\.$/);
    expect(await s.sheetNames()).toEqual(sheets);
    expect((await s.host.locateNames(["DiscountRate"])).DiscountRate).toEqual({
      sheet: "Assumptions",
      address: "B1",
    });
    if (s.computes) expect((await s.host.readRange("Assumptions", "B2"))[0][0]).toBeCloseTo(1000 / 1.08, 9);

    await s.host.applyPlans(plans, { dialect: "live", takeNames: ["discountrate"] });
    expect((await s.host.locateNames(["DiscountRate"])).DiscountRate?.sheet).toBe("ROI");
  });

  it("leaves a formula the user typed into an input alone when the pane writes, and says so", async () => {
    const s = make();
    await s.host.applyPlans([roiPlan()], { dialect: "live" });
    const at = nameCell(roiPlan(), "AgentsAfter");
    const other = nameCell(roiPlan(), "AgentsBefore");
    s.type("ROI", at, "=30+10");

    const result = await s.host.writeCells([
      { sheet: "ROI", address: at, values: [[25]] },
      { sheet: "ROI", address: other, values: [[60]] },
    ]);

    expect(result.skipped).toEqual([{ sheet: "ROI", address: at, formula: "=30+10" }]);
    expect(s.formula("ROI", at)).toBe("=30+10");
    if (s.computes) expect((await s.host.readRange("ROI", at))[0][0]).toBe(40);
    expect((await s.host.readRange("ROI", other))[0][0]).toBe(60);
  });

  it("keeps a formula the user typed into an input as that formula when a rebuild keeps inputs", async () => {
    const s = make();
    await s.host.applyPlans([roiPlan()], { dialect: "live" });
    const at = nameCell(roiPlan(), "AgentsAfter");
    s.type("ROI", at, "=30+10");

    const result = await s.host.applyPlans([roiPlan()], { dialect: "live", policies: { ROI: "replace" } });

    expect(result.sheets[0]).toMatchObject({ outcome: "replaced", keptFormulas: 1 });
    expect(s.formula("ROI", at)).toBe("=30+10");
    if (s.computes) expect((await s.host.readRange("ROI", at))[0][0]).toBe(40);
  });
});
