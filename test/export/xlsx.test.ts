/**
 * The exported workbook opened with ExcelJS: portable formulas only (nothing a colleague without
 * the add-in would see as #NAME?), cached values, the computed Monte Carlo values with their note,
 * and everything a modeller expects to find: formats, input looks, names, tables, validation,
 * conditional formats, frozen panes, column widths, sheet order.
 */
import * as ExcelJS from "exceljs";
import { lookupOf, readPlanValues, type ValueLookup } from "../../src/export/values";
import { buildWorkbook, exportStats, loadExcelJS, writeWorkbook } from "../../src/export/xlsx";
import { quadrantScore } from "../../src/engine/portfolio";
import { SAMPLE_USE_CASES } from "../../src/templates/samples";
import { validationAreas } from "../../src/export/xlsx-rules";
import { loadJSZip } from "../../src/export/package";
import { structuredFormula, structuredReference } from "../../src/host/table-references";
import { cellAddress, parseRange } from "../../src/shared/a1";
import { inputCells } from "../../src/templates/cells";
import { numberFormat } from "../../src/templates/formats";
import { planCompleteModel, planModel } from "../../src/templates/index";
import type { SheetPlan, ValidationPlan } from "../../src/templates/plan";
import { SIMULATION_ROWS } from "../../src/templates/stress";
import { COLORS, LOOKS } from "../../src/templates/theme";
import {
  cellAt,
  cellValueOf,
  completeModelExport,
  exportThroughMemoryHost,
  namedCell,
  NOW,
  planFormulaCells,
  readXlsx,
  tableCell,
} from "./export-support";

/** ExcelJS reads conditional formats into the worksheet but does not declare them in its types. */
function conditionalFormats(ws: ExcelJS.Worksheet): ExcelJS.ConditionalFormattingOptions[] {
  return (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] })
    .conditionalFormattings;
}

const argb = (hex: string): string => `FF${hex.replace("#", "").toUpperCase()}`;

/** Every formula text in the file: cells, defined names, validation and conditional-format formulas. */
function everyFormula(workbook: ExcelJS.Workbook): { where: string; formula: string }[] {
  const out: { where: string; formula: string }[] = [];
  workbook.eachSheet((ws) => {
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula)
          out.push({ where: `${ws.name}!${cell.address}`, formula: cell.formula });
      }),
    );
    const validations = (
      ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }
    ).dataValidations.model;
    for (const [address, v] of Object.entries(validations))
      for (const f of v?.formulae ?? [])
        out.push({ where: `${ws.name}!${address} validation`, formula: String(f) });
    for (const cf of conditionalFormats(ws))
      for (const rule of cf.rules)
        for (const f of "formulae" in rule ? (rule.formulae ?? []) : [])
          out.push({ where: `${ws.name}!${cf.ref} conditional format`, formula: String(f) });
  });
  for (const n of workbook.definedNames.model)
    out.push({ where: `name ${n.name}`, formula: n.ranges.join(",") });
  return out;
}

describe("the exported complete model, opened with ExcelJS", () => {
  let plans: SheetPlan[];
  let workbook: ExcelJS.Workbook;
  let computed: ValueLookup;
  /** The workbook part's defined names as written: ExcelJS reads a structured reference as no range. */
  let namesXml: Map<string, string>;
  const cell = (sheet: string, address: string): ExcelJS.Cell =>
    workbook.getWorksheet(sheet)!.getCell(address);

  beforeAll(async () => {
    const exported = await completeModelExport();
    plans = exported.plans;
    workbook = await readXlsx(exported.bytes);
    computed = lookupOf(await readPlanValues(exported.host, plans));
    const zip = await (await loadJSZip()).loadAsync(exported.bytes);
    const xml = await zip.file("xl/workbook.xml")!.async("string");
    namesXml = new Map(
      [...xml.matchAll(/<definedName name="([^"]+)"[^>]*>([^<]*)<\/definedName>/g)].map((m) => [
        m[1],
        m[2].replace(/&apos;/g, "'").replace(/&amp;/g, "&"),
      ]),
    );
  });

  it("has the plans' sheets in the plans' order", () => {
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(["Portfolio", "Rollout", "ROI", "Stress"]);
  });

  it("contains no GENAI function anywhere: cells, names, validation or conditional formats", () => {
    const formulas = everyFormula(workbook);
    expect(formulas.length).toBeGreaterThan(1000);
    expect(formulas.filter((f) => /GENAI/i.test(f.formula))).toEqual([]);
  });

  it("writes every plan formula cell as its portable formula with a cached value", () => {
    const cells = planFormulaCells(plans).filter((c) => c.formula.portable !== null);
    // Ranges over a growing table's column bodies are written as structured references.
    const planOf = (sheet: string): SheetPlan => plans.find((p) => p.sheet === sheet)!;
    const wrong = cells
      .map((c) => ({ c, x: cell(c.sheet, c.address) }))
      .filter(
        ({ c, x }) =>
          x.type !== ExcelJS.ValueType.Formula ||
          `=${x.formula}` !== structuredFormula(planOf(c.sheet), c.formula.portable!),
      )
      .map(({ c }) => `${c.sheet}!${c.address}`);
    expect(wrong).toEqual([]);
    // ExcelJS reads an empty text result back as no result: only those may lack one.
    const uncached = cells.filter(
      (c) => cell(c.sheet, c.address).result === undefined && computed(c.sheet, c.row, c.column) !== "",
    );
    expect(uncached.map((c) => `${c.sheet}!${c.address}`)).toEqual([]);
  });

  it("writes the Monte Carlo results (no native form) as values, each with a note on how and when", () => {
    const computed = planFormulaCells(plans).filter((c) => c.formula.portable === null);
    expect(computed).toHaveLength(2 * SIMULATION_ROWS);
    for (const c of computed) {
      const x = cell(c.sheet, c.address);
      expect(x.type).not.toBe(ExcelJS.ValueType.Formula);
      expect(cellValueOf(x)).not.toBeNull();
      const note = typeof x.note === "string" ? x.note : (x.note.texts ?? []).map((t) => t.text).join("");
      expect(note).toContain("Computed by the GenAI Business Case add-in on 2025-03-14");
      expect(note).toContain("GENAI.SIMULATE_ROI; SimTrials = 10000, SimSeed = 1");
      expect(note.length).toBeLessThan(200);
      expect(note).toContain("SimTrials = 10000");
      expect(note).toContain("SimSeed = 1");
    }
    const labels = computed.filter((c) => c.column === 0).map((c) => cellValueOf(cell(c.sheet, c.address)));
    expect(labels).toContain("P(ROI<0)");
  });

  it("caches the seed's annual ROI of 639.6%", () => {
    const roi = namedCell(plans, "AnnualROI");
    const x = cell(roi.sheet, roi.address);
    expect(x.formula).toMatch(/\(B\d+-B\d+\)\/B\d+/); // run-rate benefits less costs, over costs
    expect(x.result as number).toBeCloseTo(6.396, 3);
    expect(x.numFmt).toBe("0.0%");
  });

  it("gives every input cell the input look (blue font, light fill) and every formatted cell its number format", () => {
    const input = LOOKS.input;
    for (const plan of plans) {
      const notBlue = inputCells(plan)
        .map(({ row, column }) => cell(plan.sheet, cellAddress(row, column)))
        .filter((x) => x.font?.color?.argb !== argb(input.fontColor!) || x.fill?.type !== "pattern")
        .map((x) => `${plan.sheet}!${x.address}`);
      expect(notBlue).toEqual([]);
      for (const f of plan.formats) {
        const r = parseRange(f.range);
        // General is a cell's default format: the file leaves it unstated.
        const code = numberFormat(f.format, "NT$");
        expect(cell(plan.sheet, cellAddress(r.bottom, r.right)).numFmt).toBe(
          code === "General" ? undefined : code,
        );
      }
    }
    const rate = namedCell(plans, "AgentMonthlyCost");
    expect(cell(rate.sheet, rate.address).numFmt).toBe('"NT$"#,##0;-"NT$"#,##0');
    const fill = cell(rate.sheet, rate.address).fill as ExcelJS.FillPattern;
    expect(fill.fgColor?.argb).toBe(argb(input.fill!));
    // Key outputs are bold.
    const annual = namedCell(plans, "AnnualROI");
    expect(cell(annual.sheet, annual.address).font?.bold).toBe(true);
  });

  it("defines every plan name, workbook-scoped, as an absolute reference to its sheet", () => {
    const defined = new Map(workbook.definedNames.model.map((n) => [n.name, n.ranges]));
    for (const plan of plans)
      for (const n of plan.names) {
        const r = parseRange(n.range);
        const absolute = `${plan.sheet}!${cellAddress(r.top, r.left, true)}${
          r.top === r.bottom && r.left === r.right ? "" : `:${cellAddress(r.bottom, r.right, true)}`
        }`;
        // A name over a growing table's column body follows the table: a structured reference.
        const structured = structuredReference(plan, n.range);
        if (structured !== null) expect([n.name, namesXml.get(n.name)]).toEqual([n.name, structured]);
        else expect([n.name, defined.get(n.name)]).toEqual([n.name, [absolute]]);
      }
  });

  it("makes each plan table an Excel Table whose headers are the plan's header cells, over formulas kept intact", () => {
    for (const plan of plans)
      for (const t of plan.tables) {
        const ws = workbook.getWorksheet(plan.sheet)!;
        const table = ws.getTable(t.name) as unknown as {
          table: { tableRef: string; columns: { name: string }[] };
        };
        expect(table.table.tableRef).toBe(t.range);
        const r = parseRange(t.range);
        const headers = Array.from({ length: r.right - r.left + 1 }, (_, k) =>
          cellValueOf(ws.getCell(r.top + 1, r.left + k + 1)),
        );
        expect(table.table.columns.map((c) => c.name)).toEqual(headers);
      }
    expect(plans.flatMap((p) => p.tables.map((t) => t.name))).toEqual([
      "UseCases",
      "Departments",
      "Benefits",
      "Costs",
      "StressLineItems",
    ]);
    // Inside the table: the score formula and its cached value are still there.
    const score = tableCell(plans, "UseCases", 0, 8);
    expect(cell(score.sheet, score.address).formula).toContain("ROUND(100*");
    const [impact, complexity, learning, time] = SAMPLE_USE_CASES[0].scores;
    expect(cell(score.sheet, score.address).result).toBeCloseTo(
      quadrantScore(impact, complexity, learning, time),
      9,
    );
  });

  it("carries data validation with its message: a rate, a whole number, the scenario list", () => {
    const rate = namedCell(plans, "DiscountRate");
    expect(cell(rate.sheet, rate.address).dataValidation).toMatchObject({
      type: "decimal",
      operator: "between",
      formulae: [0, 1],
      showErrorMessage: true,
      error: "Enter a rate from 0% to 100%.",
    });
    const trials = namedCell(plans, "SimTrials");
    expect(cell(trials.sheet, trials.address).dataValidation).toMatchObject({
      type: "whole",
      formulae: [1, 1000000],
    });
    const scenario = namedCell(plans, "Scenario");
    expect(cell(scenario.sheet, scenario.address).dataValidation).toMatchObject({
      type: "list",
      formulae: ['"Worst,Base,Best"'],
      error: "Worst, Base, Best",
    });
    const impact = tableCell(plans, "UseCases", 0, 2);
    expect(cell(impact.sheet, impact.address).dataValidation).toMatchObject({
      type: "decimal",
      formulae: [1, 5],
    });
  });

  it("carries the conditional formats in the theme's colours: the Gantt colour scale and the text fills", () => {
    for (const plan of plans)
      expect(conditionalFormats(workbook.getWorksheet(plan.sheet)!)).toHaveLength(
        plan.conditionalFormats.length,
      );
    const gantt = conditionalFormats(workbook.getWorksheet("Rollout")!)[0];
    const rollout = plans.find((p) => p.template === "rollout")!;
    expect(gantt.ref).toBe(rollout.conditionalFormats.find((c) => c.rule.kind === "colorScale")!.range);
    expect(gantt.rules[0]).toMatchObject({
      type: "colorScale",
      color: [{ argb: argb(COLORS.neutralLight) }, { argb: argb(COLORS.accent) }],
    });
    const quickWin = conditionalFormats(workbook.getWorksheet("Portfolio")!)[0];
    expect(quickWin.rules[0]).toMatchObject({ type: "cellIs", operator: "equal", formulae: ['"Quick Win"'] });
    expect(quickWin.rules[0].style?.fill).toMatchObject({ bgColor: { argb: argb(COLORS.goodLight) } });
  });

  it("freezes the header rows and label columns of each plan, and sets the column widths", () => {
    for (const plan of plans) {
      const view = workbook.getWorksheet(plan.sheet)!.views[0] as Partial<ExcelJS.WorksheetViewFrozen>;
      expect([plan.sheet, view.state, view.xSplit ?? 0, view.ySplit ?? 0]).toEqual([
        plan.sheet,
        "frozen",
        plan.freeze!.columns,
        plan.freeze!.rows,
      ]);
      for (const w of plan.columnWidths)
        expect(workbook.getWorksheet(plan.sheet)!.getColumn(w.column).width).toBe(w.width);
    }
  });
});

describe("writeWorkbook", () => {
  it("takes the cached values as a lookup function or as grids alike", async () => {
    const plans = planModel(["roi"], { data: "sample", currency: "NT$", locale: "en" });
    const { host } = await exportThroughMemoryHost(plans);
    const grid = await host.readRange("ROI", "A1:H100");
    const asGrids = [{ sheet: "ROI", at: "A1", values: grid }];
    const viaGrids = await readXlsx(await writeWorkbook(plans, asGrids, { now: NOW }));
    const viaLookup = await readXlsx(await writeWorkbook(plans, lookupOf(asGrids), { now: NOW }));
    const roi = namedCell(plans, "AnnualROI");
    for (const wb of [viaGrids, viaLookup])
      expect(wb.getWorksheet("ROI")!.getCell(roi.address).result as number).toBeCloseTo(6.396, 3);
  });

  it("leaves a formula without a cached value when no value is known (Excel computes it on opening)", async () => {
    const plans = planModel(["roi"], { data: "sample", currency: "NT$", locale: "en" });
    const wb = await readXlsx(await writeWorkbook(plans, () => undefined, { now: NOW }));
    const roi = namedCell(plans, "AnnualROI");
    const x = cellAt(wb, "ROI", roi.address);
    expect(x.formula).toMatch(/\(B\d+-B\d+\)\/B\d+/);
    expect(x.result).toBeUndefined();
    // ExcelJS does not read calcPr back: check the workbook before it is saved.
    expect(
      buildWorkbook(await loadExcelJS(), plans, () => undefined, NOW).calcProperties.fullCalcOnLoad,
    ).toBe(true);
  });

  it("writes the note in the plan's language (zh-TW) and the chosen currency's formats", async () => {
    const plans = planCompleteModel({ data: "sample", currency: "US$", locale: "zh-TW" });
    const { bytes } = await exportThroughMemoryHost(plans);
    const wb = await readXlsx(bytes);
    const computed = planFormulaCells(plans).find((c) => c.formula.portable === null)!;
    const note = wb.getWorksheet(computed.sheet)!.getCell(computed.address).note;
    expect(typeof note === "string" ? note : "").toContain("由 GenAI Business Case 增益集於 2025-03-14 計算");
    const cost = namedCell(plans, "AgentMonthlyCost");
    expect(wb.getWorksheet(cost.sheet)!.getCell(cost.address).numFmt).toBe('"US$"#,##0;-"US$"#,##0');
  });

  it("counts what it writes: cells, formulas and computed values", () => {
    const stats = exportStats(planCompleteModel({ data: "sample", currency: "NT$", locale: "en" }));
    expect(stats.sheets).toEqual(["Portfolio", "Rollout", "ROI", "Stress"]);
    expect(stats.computedValues).toBe(2 * SIMULATION_ROWS);
    expect(stats.formulas).toBeGreaterThan(1000);
    expect(stats.cells).toBeGreaterThan(stats.formulas + stats.computedValues);
  });
});

describe("validationAreas", () => {
  const v = (range: string, max: number): ValidationPlan => ({
    range,
    rule: { kind: "decimal", min: 0, max },
    message: String(max),
  });

  it("lets a later rule take the cells it shares with an earlier one, so no two ranges overlap", () => {
    const areas = validationAreas([v("B5:B20", 1e12), v("B9", 1), v("B12:B13", 1)]);
    expect(areas.map((a) => [a.validation.message, a.ranges])).toEqual([
      ["1000000000000", ["B5:B8", "B10:B11", "B14:B20"]],
      ["1", ["B9"]],
      ["1", ["B12:B13"]],
    ]);
  });

  it("covers a rectangle with a hole in it by rectangles", () => {
    const areas = validationAreas([v("A1:C3", 10), v("B2", 1)]);
    expect(areas[0].ranges).toEqual(["A1:C1", "A2", "C2", "A3:C3"]);
  });

  it("drops a rule that later rules cover entirely", () => {
    expect(validationAreas([v("A1", 10), v("A1:A2", 1)]).map((a) => a.ranges)).toEqual([["A1:A2"]]);
  });
});
