/**
 * What OfficeHost writes into the recording Excel fake, and the fake itself: every cell, formula,
 * format and look of a plan at its address, in both dialects.
 */
import { structuredReference } from "../../src/host/table-references";
import { templateMarkerName, templateVersionName } from "../../src/host/workbook-host";
import { parseRange, rangeAddress } from "../../src/shared/a1";
import { inputCells } from "../../src/templates/cells";
import { type SheetPlan } from "../../src/templates/plan";
import { COLORS, LOOKS } from "../../src/templates/theme";
import { FakeExcel, FakeRequestContext, FakeRichApiError } from "./excel-fake";
import { numberFormat } from "../../src/templates/formats";
import { PANE_SPIDER_LINES, STRESS_NAMES } from "../../src/templates/stress";
import {
  AT,
  ABS,
  MB,
  setup,
  roiPlan,
  completeModel,
  expectCellsWritten,
  expectedFormats,
} from "./office-support";

describe("the recording Excel fake", () => {
  it("rejects a request over 5 MB whole, as Excel on the web does, and accepts one under it", async () => {
    const excel = new FakeExcel();
    excel.seedSheet("Sheet1");
    const context = new FakeRequestContext(excel);
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    const text = "x".repeat(1000);
    const big = Array.from({ length: 5500 }, () => [text]);
    sheet.getRange("A1").values = [["first"]];
    sheet.getRange("B1:B5500").values = big;
    const error = await context.sync().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FakeRichApiError);
    expect((error as FakeRichApiError).code).toBe("RequestPayloadSizeLimitExceeded");
    expect(excel.cell("Sheet1", "A1")).toBeNull(); // nothing of a rejected request is applied
    expect(excel.stats.requests[0].bytes).toBeGreaterThan(5 * MB);

    sheet.getRange("B1:B4500").values = big.slice(0, 4500);
    await context.sync();
    expect(excel.cell("Sheet1", "B4500")?.value).toBe(text);
    expect(excel.stats.requests[1].bytes).toBeLessThan(5 * MB);
    expect(excel.stats.syncs).toBe(2);
  });

  it("throws PropertyNotLoaded for a property read before load and sync", async () => {
    const excel = new FakeExcel();
    excel.seedSheet("Sheet1", { A1: 5 });
    const context = new FakeRequestContext(excel);
    const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
    // The point of this test is the misuse the office-addins rules forbid.
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
    expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    range.load("values");
    // eslint-disable-next-line office-addins/call-sync-after-load, office-addins/call-sync-before-read
    expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    await context.sync();
    expect(range.values).toEqual([[5]]);
  });

  it("applies the operations of a failing request up to the failing one, then drops the rest", async () => {
    const excel = new FakeExcel();
    excel.seedSheet("Sheet1");
    const context = new FakeRequestContext(excel);
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    excel.failWhen(
      (op) =>
        op.location === "Range.values" &&
        op.args[0] !== undefined &&
        JSON.stringify(op.args[0]) === '[["b"]]',
    );
    sheet.getRange("A1").values = [["a"]];
    sheet.getRange("A2").values = [["b"]];
    sheet.getRange("A3").values = [["c"]];
    const error = (await context.sync().catch((e: unknown) => e)) as FakeRichApiError;
    expect(error.debugInfo.errorLocation).toBe("Range.values");
    expect(excel.cell("Sheet1", "A1")?.value).toBe("a");
    expect(excel.cell("Sheet1", "A2")).toBeNull();
    expect(excel.cell("Sheet1", "A3")).toBeNull();
  });

  it("keeps a name on its sheet through a rename and shows #REF! once the sheet is gone", async () => {
    const excel = new FakeExcel();
    excel.seedSheet("A");
    excel.seedSheet("B");
    excel.seedName("Rate", "=A!$B$2");
    const context = new FakeRequestContext(excel);
    context.workbook.worksheets.getItem("A").name = "Alpha";
    await context.sync();
    expect(excel.name("Rate")).toBe("=Alpha!$B$2");
    context.workbook.worksheets.getItem("Alpha").delete();
    await context.sync();
    expect(excel.name("Rate")).toBe("=#REF!$B$2");
  });
});

// ---- what OfficeHost writes -----------------------------------------------------------------------

describe("OfficeHost writes the ROI sheet", () => {
  it("writes every formula and value of the live dialect at its address, GENAI.ROI included", async () => {
    const { excel, host } = setup();
    const plan = roiPlan();
    const result = await host.applyPlans([plan], { dialect: "live" });
    expect(result.sheets).toEqual([
      { template: "roi", sheet: "ROI", outcome: "created", keptInputs: 0, keptFormulas: 0, copy: null },
    ]);
    expectCellsWritten(excel, "ROI", plan, "live");
    const roiCell = excel.name("AnnualROI")?.replace("=ROI!", "").replace(/\$/g, "") ?? "";
    expect(excel.cell("ROI", roiCell)?.formula).toMatch(/GENAI\.ROI\(/);
    expect(excel.cell("ROI", AT.AgentsBefore)?.value).toBe(50); // agents before AI
    expect(excel.cell("ROI", AT.AgentsAfter)?.value).toBe(35);
    expect(excel.cell("ROI", "A1")?.value).toBe(plan.blocks[0].cells[0][0]);
  });

  it("writes the portable dialect without a single GENAI function", async () => {
    const { excel, host } = setup();
    const plan = roiPlan();
    await host.applyPlans([plan], { dialect: "portable" });
    expectCellsWritten(excel, "ROI", plan, "portable");
    const formulas = Object.values(excel.snapshot().sheets.find((s) => s.name === "ROI")?.cells ?? {})
      .map((c) => c.formula)
      .filter((f): f is string => f !== null);
    expect(formulas.length).toBeGreaterThan(100);
    expect(formulas.filter((f) => f.includes("GENAI."))).toEqual([]);
  });

  it("puts each number format on its range and the input look on the input cells", async () => {
    const { excel, host } = setup();
    const plan = roiPlan();
    await host.applyPlans([plan], { dialect: "live" });
    const wrong = [...expectedFormats(plan)].filter(([a, f]) => excel.numberFormatAt("ROI", a) !== f);
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(excel.numberFormatAt("ROI", AT.AgentMonthlyCost)).toBe('"NT$"#,##0;-"NT$"#,##0'); // monthly cost per agent
    expect(excel.numberFormatAt("ROI", "A1")).toBe("General");

    const inputs = inputCells(plan);
    expect(inputs.length).toBeGreaterThan(20);
    for (const { row, column } of inputs) {
      const look = excel.formatAt(
        "ROI",
        rangeAddress({ top: row, left: column, bottom: row, right: column }),
      );
      expect(look["font.color"]).toBe(LOOKS.input.fontColor);
      expect(look["fill.color"]).toBe(LOOKS.input.fill);
    }
    expect(excel.formatAt("ROI", "A1")).toMatchObject({ "font.bold": true, "font.size": 16 });
    expect(excel.formatAt("ROI", "A4")).toMatchObject({
      "font.bold": true,
      "border.EdgeBottom.style": "Continuous",
    });
    expect(excel.sheet("ROI").columnWidths.get("A")).toBeCloseTo((46 * 7 + 5) * 0.75);
  });

  it("points every workbook name, the template marker and its version at the right cells", async () => {
    const { excel, host } = setup();
    const plan = roiPlan();
    await host.applyPlans([plan], { dialect: "live" });
    for (const n of plan.names)
      expect([n.name, excel.name(n.name)]).toEqual([
        n.name,
        `=${structuredReference(plan, n.range) ?? `ROI!${rangeAddress(parseRange(n.range), true)}`}`,
      ]);
    expect(excel.name("AgentsBefore")).toBe(`=ROI!${ABS.AgentsBefore}`);
    expect(excel.name(templateMarkerName("roi"))).toBe("=ROI!$A$1");
    expect(excel.name(templateVersionName("roi"))).toBe(`=${plan.version}`);
    expect(await host.readNames(["AgentsBefore", "FxRate", "NoSuchName"])).toEqual({
      AgentsBefore: [[50]],
      FxRate: [[32]],
      NoSuchName: null,
    });
  });

  it("adds validation with its alert, conditional formats, freeze panes and the chart", async () => {
    const { excel, host } = setup();
    const plan = roiPlan();
    await host.applyPlans([plan], { dialect: "live" });
    const churn = excel.name("ChurnReduction")?.replace(/^=ROI!|\$/g, "") ?? "";
    expect(excel.validationAt("ROI", churn)).toEqual({
      rule: { decimal: { formula1: 0, formula2: 1, operator: "Between" } },
      errorAlert: { message: "Enter a rate from 0% to 100%.", showAlert: true, style: "Stop", title: "" },
      ignoreBlanks: true,
    });
    // A required input (the leaders' payback benchmark) does not ignore blanks.
    const leader = excel.name("LeaderPaybackMonths")?.replace(/^=ROI!|\$/g, "") ?? "";
    expect(excel.validationAt("ROI", leader)?.ignoreBlanks).toBe(false);
    expect(excel.validationAt("ROI", AT.AgentsBefore)?.rule).toEqual({
      decimal: { formula1: 0, formula2: 1e12, operator: "Between" },
    });

    const sheet = excel.sheet("ROI");
    const textRules = plan.conditionalFormats.filter((c) => c.rule.kind === "textEquals");
    expect(sheet.conditionalFormats).toHaveLength(plan.conditionalFormats.length);
    expect(sheet.conditionalFormats[plan.conditionalFormats.indexOf(textRules[0])]).toEqual({
      range: textRules[0].range,
      type: "CellValue",
      props: {
        "format.fill.color": COLORS[(textRules[0].rule as { fill: keyof typeof COLORS }).fill],
        rule: { formula1: `="${(textRules[0].rule as { text: string }).text}"`, operator: "EqualTo" },
      },
    });
    expect(sheet.freeze).toBe("A1:A3");
    const charts = excel.snapshot().sheets.find((s) => s.name === "ROI")?.charts ?? [];
    expect(charts).toHaveLength(1);
    const chart = charts[0] as { series: unknown[] };
    const series = plan.charts[0].series[0];
    expect(chart).toMatchObject({ type: "Line", title: plan.charts[0].title, legendVisible: false });
    expect(chart.series).toEqual([
      {
        name: series.name,
        x: `ROI!${series.x?.replace(/\$/g, "")}`,
        y: `ROI!${series.y.replace(/\$/g, "")}`,
        sizes: null,
      },
    ]);
    expect(excel.snapshot().activeSheet).toBe("ROI");
  });

  it("keeps text that looks like a number, a boolean or a formula as text", async () => {
    const { excel, host } = setup();
    const labels = [
      "2025",
      "TRUE",
      "- not a formula",
      { live: "=1+1", portable: "=1+1" },
      "50%",
      "#N/A",
      "3–6 months",
      7,
    ];
    const plan: SheetPlan = {
      ...roiPlan(),
      sheet: "Labels",
      template: "stress",
      names: [],
      charts: [],
      blocks: [{ at: "A1", cells: [labels] }],
    };
    await host.applyPlans([plan], { dialect: "live" });
    expect(["A1", "B1", "C1", "E1", "F1", "G1"].map((a) => excel.cell("Labels", a))).toEqual(
      ["2025", "TRUE", "- not a formula", "50%", "#N/A", "3–6 months"].map((value) => ({
        formula: null,
        value,
      })),
    );
    expect(excel.cell("Labels", "D1")?.formula).toBe("=1+1");
    expect(excel.cell("Labels", "H1")?.value).toBe(7);
  });
});

describe("the Stress sheet's sensitivity charts and the pane's formatted writes", () => {
  it("makes the spider from its block by rows, so Excel names each series after its line's cell", async () => {
    const { excel, host } = setup();
    const plans = completeModel(0);
    await host.applyPlans(plans, { dialect: "live" });
    const stress = plans.find((p) => p.template === "stress")!;
    const spiderPlan = stress.charts.find((c) => c.source)!;
    const charts = (excel.snapshot().sheets.find((s) => s.name === "Stress")?.charts ?? []) as {
      type: string;
      title: string;
      source: string;
      seriesBy: string;
      legendVisible: boolean;
    }[];
    const spider = charts.find((c) => c.title === spiderPlan.title)!;
    expect(spider).toMatchObject({
      type: "Line",
      source: `Stress!${spiderPlan.source!.range.replace(/\$/g, "")}`,
      seriesBy: "Rows",
      legendVisible: true,
    });
    // The block's first row names the percentiles, the five rows below it the lines.
    const at = excel.name(STRESS_NAMES.paneSensitivity)?.replace(/^=Stress!|\$/g, "") ?? "";
    const block = parseRange(at);
    const source = parseRange(spiderPlan.source!.range);
    expect([source.top, source.left, source.right]).toEqual([block.top - 1, block.left, block.right]);
    expect(source.bottom - source.top).toBe(PANE_SPIDER_LINES);
  });

  it("sets a write's number format over its rectangle, in the currency and units of its language", async () => {
    const { excel, host } = setup();
    await host.applyPlans(completeModel(0), { dialect: "live" });
    const at = excel.name(STRESS_NAMES.paneSensitivity)?.replace(/^=Stress!|\$/g, "") ?? "";
    const r = parseRange(at);
    const values = Array.from({ length: r.bottom - r.top + 1 }, (_, i) => [
      `Line ${i}`,
      ...new Array<number>(r.right - r.left).fill(i * 1000),
    ]);
    await host.writeCells([
      { sheet: "Stress", address: at, values, format: { kind: "currency", currency: "NT$", locale: "en" } },
    ]);
    const last = rangeAddress({ ...r, left: r.right, top: r.bottom });
    expect(excel.numberFormatAt("Stress", last)).toBe(numberFormat("currency", "NT$"));
    expect(excel.cell("Stress", last)?.value).toBe((r.bottom - r.top) * 1000);
    // A write without a format leaves the cells' formats alone.
    await host.writeCells([{ sheet: "Stress", address: last, values: [[7]] }]);
    expect(excel.numberFormatAt("Stress", last)).toBe(numberFormat("currency", "NT$"));
  });
});
