/**
 * What OfficeHost gives Excel for the ROI sheet's line tables, so that a line added the way an
 * Excel user adds it (typed just below the table, which Excel then grows by itself) is counted:
 * names and totals refer to the tables by structured reference, never by a fixed range over the
 * rows built, and each calculated column is written as one formula down its whole body once the
 * table exists (what makes Excel fill it into a new row). Checked against the recording fake.
 */
import { OfficeHost } from "../../src/host/office";
import { calculatedColumns } from "../../src/host/table-references";
import { columnLetters, parseRange } from "../../src/shared/a1";
import { planCompleteModel } from "../../src/templates/index";
import type { SheetPlan } from "../../src/templates/plan";
import { fakeExcelRun, type FakeExcel } from "./excel-fake";
import type { OpInfo } from "./excel-fake/requests";

const BASE = { data: "sample" as const, currency: "NT$", locale: "en" as const };

function setup(): { excel: FakeExcel; host: OfficeHost; ops: OpInfo[] } {
  const { excel, run, isSetSupported } = fakeExcelRun({});
  const ops: OpInfo[] = [];
  excel.failWhen((op) => {
    ops.push(op);
    return false;
  });
  return { excel, host: new OfficeHost(run, { isSetSupported }), ops };
}

const plans = (): SheetPlan[] => planCompleteModel(BASE);
const roiOf = (p: readonly SheetPlan[]): SheetPlan => p.find((x) => x.sheet === "ROI")!;

/** Every formula on a sheet of the fake. */
function formulasOn(excel: FakeExcel, sheet: string): string[] {
  return Object.values(excel.snapshot().sheets.find((s) => s.name === sheet)?.cells ?? {})
    .map((c) => c.formula)
    .filter((f): f is string => f !== null);
}

describe("OfficeHost and the line tables", () => {
  it("defines the names over the tables as structured references, and the model reads them", async () => {
    const { excel, host } = setup();
    await host.applyPlans(plans(), { dialect: "live" });
    expect(excel.name("RoiBenefitLabels")).toBe("=Benefits[Line]");
    expect(excel.name("RoiBenefitInUse")).toBe("=Benefits[In use]");
    expect(excel.name("BenefitThreePoint")).toBe("=Benefits[[Sim low]:[Distribution]]");
    expect(excel.name("CostThreePoint")).toBe("=Costs[[Run-rate low]:[Distribution]]");
    expect(excel.name("RoiCostLabels")).toBe("=Costs[Line]");
    // readNames resolves them to the tables' current rows.
    const read = await host.readNames(["RoiBenefitLabels", "RoiCostLabels"]);
    expect(read.RoiBenefitLabels?.map((r) => r[0])).toEqual([
      "Agent cost saved",
      "Capacity from shorter handling",
      "Retention",
    ]);
    expect(read.RoiCostLabels).toHaveLength(5);
  });

  it("leaves no formula on any sheet with a fixed range over a table's rows", async () => {
    const { excel, host } = setup();
    const p = plans();
    await host.applyPlans(p, { dialect: "portable" });
    const roi = roiOf(p);
    const fixed = roi.tables.map((t) => {
      const r = parseRange(t.range);
      return new RegExp(`\\$?[A-Z]{1,3}\\$${r.top + 2}:\\$?[A-Z]{1,3}\\$${r.bottom + 1}(?![0-9])`);
    });
    const formulas = p.flatMap((plan) => formulasOn(excel, plan.sheet));
    expect(formulas.filter((f) => fixed.some((re) => re.test(f)))).toEqual([]);
    const roiFormulas = formulasOn(excel, "ROI");
    expect(roiFormulas).toContain("=SUM(Benefits[In use])");
    expect(roiFormulas).toContain('=SUMIF(Costs[Kind],"<>One-off",Costs[In use])');
    expect(roiFormulas.filter((f) => /^=SUM\((Benefits|Costs)\[(M|Y|RY)\d+\]\)$/.test(f))).toHaveLength(
      2 * (37 + 8),
    );
  });

  it("writes each calculated column as one formula down its whole body, after the table exists", async () => {
    const { host, ops } = setup();
    const p = plans();
    await host.applyPlans(p, { dialect: "live" });
    const roi = roiOf(p);
    const benefits = roi.tables.find((t) => t.name === "Benefits")!;
    const tableAdded = ops.findIndex(
      (op) => op.location === "TableCollection.add" && op.sheet !== null && /ROI|genai-build/.test(op.sheet),
    );
    expect(tableAdded).toBeGreaterThan(-1);
    const writes = ops.slice(tableAdded).filter((op) => op.location === "Range.formulas");
    const columns = calculatedColumns(roi, benefits);
    expect(columns.length).toBe(benefits.calculated?.length);
    const rows = parseRange(benefits.range).bottom - parseRange(benefits.range).top;
    const top = parseRange(benefits.range).top;
    for (const c of columns) {
      const first = c.formula.live!;
      // A write of the whole body (every row) whose column holds the first row's formula.
      const found = writes.flatMap((op) => {
        const rowsWritten = op.args[0] as unknown[][];
        if (!Array.isArray(rowsWritten) || rowsWritten.length !== rows) return [];
        const j = rowsWritten[0].indexOf(first);
        return j < 0 ? [] : [rowsWritten.map((r) => String(r[j]))];
      });
      expect([c.header, found.length > 0]).toEqual([c.header, true]);
      // The same formula on every row, copied down (relative rows move, absolute ones stay).
      const forms = found[0].map((f, k) =>
        f.replace(new RegExp(`(?<=[A-Z])${top + 2 + k}(?![0-9])`, "g"), "#"),
      );
      expect(new Set(forms).size).toBe(1);
    }
  });

  it("writes a cell that holds something else than its calculated column's formula after it (an exception)", async () => {
    // What a rebuild that keeps a line's own risk gives the host: a value in the Risk column.
    const { excel, host } = setup();
    const p = plans();
    const roi = roiOf(p);
    const benefits = roi.tables.find((t) => t.name === "Benefits")!;
    const risk = calculatedColumns(roi, benefits).find((c) => c.header === "Risk")!;
    const body = parseRange(benefits.range).top + 1;
    const edited: SheetPlan = {
      ...roi,
      blocks: roi.blocks.map((b) => {
        const r = parseRange(b.at);
        if (r.top !== body - 1 || r.left !== 0) return b;
        return {
          ...b,
          cells: b.cells.map((row, i) => (i === 2 ? row.map((c, j) => (j === risk.column ? 0.4 : c)) : row)),
        };
      }),
    };
    await host.applyPlans(
      p.map((x) => (x === roi ? edited : x)),
      { dialect: "live" },
    );
    const letter = columnLetters(risk.column);
    expect(excel.cell("ROI", `${letter}${body + 2}`)?.value).toBe(0.4);
    expect(excel.cell("ROI", `${letter}${body + 2}`)?.formula).toBeNull();
    expect(excel.cell("ROI", `${letter}${body + 1}`)?.formula).toBe(risk.formula.live);
    expect(excel.cell("ROI", `${letter}${body + 3}`)?.formula).toBe(
      risk.formula.live!.replace(String(body + 1), String(body + 3)),
    );
  });
});
