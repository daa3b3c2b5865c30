/**
 * OfficeHost against the recording Excel fake: what it writes, how
 * many requests it takes and how large they are, what it leaves behind when Excel fails part-way,
 * and how it treats sheets that are already there.
 */
import { bytesToBase64, OfficeHost } from "../../src/host/office";
import { structuredReference, withStructuredReferences } from "../../src/host/table-references";
import {
  ApplyError,
  type ApplyOptions,
  type SheetInfo,
  templateMarkerName,
  templateVersionName,
} from "../../src/host/workbook-host";
import { parseCell, parseRange, rangeAddress } from "../../src/shared/a1";
import { blockRange, cellInDialect, inputCells } from "../../src/templates/cells";
import { numberFormat } from "../../src/templates/formats";
import { planCompleteModel, TEMPLATES } from "../../src/templates/index";
import { DEFAULT_OPTIONS, type Dialect, isFormula, type SheetPlan } from "../../src/templates/plan";
import { roiTemplate } from "../../src/templates/roi";
import { COLORS, LOOKS } from "../../src/templates/theme";
import {
  FakeExcel,
  type FakeExcelOptions,
  fakeExcelRun,
  FakeRequestContext,
  FakeRichApiError,
} from "./excel-fake";

/** Input cells the plan fills with a value (not blank, not a formula). */
function valueInputs(plan: SheetPlan): number {
  const values = new Set<string>();
  for (const block of plan.blocks) {
    const origin = parseCell(block.at);
    block.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell !== null && cell !== "" && !isFormula(cell))
          values.add(`${origin.row + r},${origin.column + c}`);
      }),
    );
  }
  return inputCells(plan).filter(({ row, column }) => values.has(`${row},${column}`)).length;
}

/** Addresses of the ROI sheet's named inputs, by name (the layout moves; the names do not). */
const ROI_NAMES = roiTemplate(DEFAULT_OPTIONS).names;
const AT: Record<string, string> = Object.fromEntries(
  ROI_NAMES.map((n) => [n.name, n.range.replace(/\$/g, "")]),
);
const ABS: Record<string, string> = Object.fromEntries(
  ROI_NAMES.map((n) => [n.name, rangeAddress(parseRange(n.range), true)]),
);

const MB = 1024 * 1024;
const BASE = { data: "sample" as const, currency: "NT$", locale: "en" as const };

function setup(options: FakeExcelOptions = {}): { excel: FakeExcel; host: OfficeHost } {
  const { excel, run, isSetSupported } = fakeExcelRun(options);
  return { excel, host: new OfficeHost(run, { isSetSupported }) };
}

function roiPlan(): SheetPlan {
  return roiTemplate(DEFAULT_OPTIONS);
}

/** The complete model, with the portfolio at `rows` use cases (generated after the samples: every row filled). */
function completeModel(rows: number): SheetPlan[] {
  return planCompleteModel(BASE).map((p) =>
    p.template === "portfolio"
      ? TEMPLATES.portfolio({ ...BASE, rows, generated: true, linkedTo: ["rollout", "roi", "stress"] })
      : p,
  );
}

/** The cell of a plan at an address, as written in a dialect. */
function planCell(plan: SheetPlan, address: string, dialect: Dialect): unknown {
  const { top, left } = parseRange(address);
  for (const block of plan.blocks) {
    const r = blockRange(block);
    if (top >= r.top && top <= r.bottom && left >= r.left && left <= r.right)
      return cellInDialect(block.cells[top - r.top][left - r.left], dialect);
  }
  return undefined;
}

/**
 * Every cell of every block of a plan is in the fake as a formula or a value; a range over whole
 * table columns as the structured reference Excel receives (Benefits[In use]).
 */
function expectCellsWritten(excel: FakeExcel, sheet: string, plan: SheetPlan, dialect: Dialect): void {
  const mismatches: string[] = [];
  for (const block of withStructuredReferences(plan).blocks) {
    const r = blockRange(block);
    block.cells.forEach((row, i) =>
      row.forEach((cell, j) => {
        const address = rangeAddress({
          top: r.top + i,
          left: r.left + j,
          bottom: r.top + i,
          right: r.left + j,
        });
        const got = excel.cell(sheet, address);
        const want = cellInDialect(cell, dialect);
        const ok = isFormula(cell)
          ? want === null
            ? got === null
            : got?.formula === want
          : want === null || want === ""
            ? got === null
            : got?.formula === null && got.value === want;
        if (!ok) mismatches.push(`${address}: want ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
      }),
    );
  }
  expect(mismatches.slice(0, 5)).toEqual([]);
}

/** The number format and look each cell should end with: the plan's ranges applied in order. */
function expectedFormats(plan: SheetPlan): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of plan.formats) {
    const r = parseRange(f.range);
    for (let row = r.top; row <= r.bottom; row++)
      for (let column = r.left; column <= r.right; column++)
        out.set(
          rangeAddress({ top: row, left: column, bottom: row, right: column }),
          numberFormat(f.format, plan.currency),
        );
  }
  return out;
}

// ---- the fake itself -------------------------------------------------------------------------

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
    expect(excel.numberFormatAt("Big", "R5000")).toBe("0.0");
    expect(excel.snapshot().tables).toEqual([
      { id: expect.any(String), name: "BigTable", sheet: "Big", range: "A1:R5000" },
    ]);
  });
});

// ---- failure part-way ---------------------------------------------------------------------------------

describe("OfficeHost after a failure part-way", () => {
  /** A workbook with user content, an earlier ROI build with an edited input, and a user name. */
  async function seeded(): Promise<{ excel: FakeExcel; host: OfficeHost }> {
    const { excel, host } = setup();
    excel.seedSheet("Notes", { A1: "My notes", B2: 42, C3: "=B2*2" });
    excel.seedName("MyRate", "=Notes!$B$2");
    await host.applyPlans([roiPlan()], { dialect: "live" });
    excel.userEdit("ROI", AT.AgentsAfter, 40);
    await excel.idle();
    return { excel, host };
  }

  const rebuild = (): SheetPlan[] => [
    roiTemplate({ ...DEFAULT_OPTIONS, linkedTo: ["stress"] }),
    TEMPLATES.stress({ ...DEFAULT_OPTIONS, linkedTo: ["roi"] }),
  ];
  const replace = { dialect: "live" as const, policies: { ROI: "replace" as const } };

  /**
   * Injects a failure at each of many operations of one apply (every one of the first requests
   * and of the commit, a sample in between) and checks the workbook comes back exactly.
   */
  async function expectRollbackEverywhere(
    seed: () => Promise<{ excel: FakeExcel; host: OfficeHost }>,
    plans: () => SheetPlan[],
    options: ApplyOptions,
    sheets: readonly string[],
  ): Promise<number> {
    const dry = await seed();
    const start = dry.excel.operations;
    await dry.host.applyPlans(plans(), options);
    const end = dry.excel.operations - start;
    const built = dry.excel.snapshot();
    const points = [
      ...new Set([
        ...Array.from({ length: 12 }, (_, i) => i),
        ...Array.from({ length: 25 }, (_, i) => Math.floor((i * end) / 25)),
        ...Array.from({ length: 40 }, (_, i) => end - 1 - i),
      ]),
    ].filter((k) => k >= 0 && k < end);
    for (const k of points) {
      const { excel, host } = await seed();
      const before = excel.snapshot();
      excel.failAt(k);
      const error = await host.applyPlans(plans(), options).then(
        () => null,
        (e: unknown) => e,
      );
      if (error === null) {
        // A failure in the clean-up after the commit: the build stands, and the next start of
        // the pane removes the replaced sheet that was left set aside.
        expect((await host.recoverInterrupted()).restored).toEqual([]);
        expect([k, excel.snapshot()]).toEqual([k, built]);
        continue;
      }
      expect([k, error]).toEqual([k, expect.any(ApplyError)]);
      const applyError = error as ApplyError;
      expect(sheets).toContain(applyError.sheet);
      expect(applyError.step).not.toBe("");
      // The kind lets the pane word the failed step in its own language, as it words progress.
      expect([k, applyError.kind]).toEqual([k, expect.any(String)]);
      expect(applyError.message).toMatch(/The workbook was left as it was\.|Nothing was changed\./);
      expect(applyError.message).not.toMatch(/\.\./);
      expect([k, excel.snapshot()]).toEqual([k, before]);
    }
    return points.length;
  }

  it("leaves the workbook exactly as it was, whichever operation of a rebuild fails", async () => {
    const tried = await expectRollbackEverywhere(seeded, rebuild, replace, ["ROI", "Stress"]);
    expect(tried).toBeGreaterThan(60);
  }, 120_000);

  it("leaves it exactly as it was when the failure comes in a keep-both copy or a table's rename", async () => {
    const seed = async (): Promise<{ excel: FakeExcel; host: OfficeHost }> => {
      const { excel, host } = await seeded();
      await host.applyPlans([TEMPLATES.portfolio({ ...BASE, linkedTo: [] })], { dialect: "live" });
      return { excel, host };
    };
    const plans = (): SheetPlan[] => [roiPlan(), TEMPLATES.portfolio({ ...BASE, linkedTo: [] })];
    const options = {
      dialect: "live" as const,
      policies: { Portfolio: "replace" as const, ROI: "keepBoth" as const },
    };
    const tried = await expectRollbackEverywhere(seed, plans, options, ["ROI", "Portfolio"]);
    expect(tried).toBeGreaterThan(60);
  }, 120_000);

  it("names the step Excel failed at: a chart on the Stress sheet", async () => {
    const { excel, host } = await seeded();
    const before = excel.snapshot();
    let charts = 0; // the ROI sheet's chart comes first, then the Stress sheet's
    excel.failWhen((op) => op.location === "ChartCollection.add" && ++charts === 2);
    const error = (await host.applyPlans(rebuild(), replace).catch((e: unknown) => e)) as ApplyError;
    expect(error).toBeInstanceOf(ApplyError);
    expect(error.sheet).toBe("Stress");
    expect(error.step).toMatch(/^chart /);
    expect(error.kind).toBe("charts");
    expect(error.message).toMatch(
      /Building sheet "Stress" failed at step "chart .*": There was an internal error while processing the request\. The workbook was left as it was\.$/,
    );
    expect(excel.snapshot()).toEqual(before);
  });

  it("lets a build stand when only deleting the replaced sheet fails, and the next start removes it", async () => {
    const { excel, host } = await seeded();
    excel.failWhen((op) => op.location === "Worksheet.delete");
    const result = await host.applyPlans(rebuild(), replace);
    expect(result.sheets.map((s) => [s.sheet, s.outcome])).toEqual([
      ["ROI", "replaced"],
      ["Stress", "created"],
    ]);
    expect(excel.sheetNames()).toContain("~genai-old-1");
    expect(excel.name("AgentsAfter")).toBe(`=ROI!${ABS.AgentsAfter}`);
    expect(excel.cell("ROI", AT.AgentsAfter)?.value).toBe(40);
    excel.failWhen(() => false);
    expect(await host.recoverInterrupted()).toEqual({ restored: [], removed: ["~genai-old-1"], kept: [] });
    expect(excel.sheetNames()).not.toContain("~genai-old-1");
    expect(excel.cell("ROI", AT.AgentsAfter)?.value).toBe(40);
  });

  it("reports a request Excel on the web would reject and leaves nothing behind", async () => {
    const { excel, run, isSetSupported } = fakeExcelRun({ requestLimitBytes: 1_000_000 });
    const host = new OfficeHost(run, { isSetSupported });
    const before = excel.snapshot();
    const error = (await host
      .applyPlans(completeModel(2000), { dialect: "live" })
      .catch((e: unknown) => e)) as ApplyError;
    expect(error).toBeInstanceOf(ApplyError);
    expect((error.cause as FakeRichApiError).code).toBe("RequestPayloadSizeLimitExceeded");
    expect(excel.snapshot()).toEqual(before);
  });
});

// ---- existing sheets ----------------------------------------------------------------------------------

describe("OfficeHost with sheets that are already there", () => {
  function withUserRoi(): { excel: FakeExcel; host: OfficeHost } {
    const { excel, host } = setup();
    excel.seedSheet("ROI", { A1: "My own ROI", B6: 999 });
    excel.seedSheet("After");
    return { excel, host };
  }

  it("reports the non-empty sheets a plan would land on", async () => {
    const { host } = withUserRoi();
    expect(await host.conflicts([roiPlan()])).toEqual([
      {
        sheet: "ROI",
        existingTemplate: null,
        plannedTemplate: "roi",
        keepsInputs: false,
        drivesModel: false,
      },
    ]);
  });

  it("keeps both by default: the user's sheet is untouched and the new one is ROI (2)", async () => {
    const { excel, host } = withUserRoi();
    const mine = excel.snapshot().sheets.find((s) => s.name === "ROI");
    const result = await host.applyPlans([roiPlan()], { dialect: "live" });
    expect(result.sheets[0]).toMatchObject({ sheet: "ROI (2)", outcome: "keptBoth" });
    expect(excel.snapshot().sheets.find((s) => s.name === "ROI")).toEqual(mine);
    expect(excel.name("AgentsBefore")).toBe(`='ROI (2)'!${ABS.AgentsBefore}`);
    expect(excel.sheetNames()).toEqual(["Sheet1", "ROI", "After", "ROI (2)"]);
  });

  it("cancels: nothing changes", async () => {
    const { excel, host } = withUserRoi();
    const before = excel.snapshot();
    const result = await host.applyPlans([roiPlan()], { dialect: "live", policies: { roi: "cancel" } });
    expect(result.sheets[0]).toMatchObject({ sheet: "ROI", outcome: "skipped" });
    expect(excel.snapshot()).toEqual(before);
  });

  it("replaces a user's sheet in its place and keeps nothing of a sheet the template did not build", async () => {
    const { excel, host } = withUserRoi();
    const result = await host.applyPlans([roiPlan()], { dialect: "live", policies: { ROI: "replace" } });
    expect(result.sheets[0]).toEqual({
      template: "roi",
      sheet: "ROI",
      outcome: "replaced",
      keptInputs: 0,
      keptFormulas: 0,
      copy: null,
    });
    expect(excel.sheetNames()).toEqual(["Sheet1", "ROI", "After"]);
    expect(excel.cell("ROI", AT.AgentsAfter)?.value).toBe(35);
    expect(excel.cell("ROI", "A1")?.value).not.toBe("My own ROI");
  });

  it("reuses an empty sheet of the same name without asking", async () => {
    const { excel, host } = setup();
    excel.seedSheet("ROI");
    excel.seedSheet("After");
    const id = excel.sheet("ROI").id;
    expect(await host.conflicts([roiPlan()])).toEqual([]);
    const result = await host.applyPlans([roiPlan()], { dialect: "live" });
    expect(result.sheets[0]).toMatchObject({ sheet: "ROI", outcome: "created" });
    expect(excel.sheetNames()).toEqual(["Sheet1", "ROI", "After"]);
    expect(excel.sheet("ROI").id).not.toBe(id);
    expect(excel.cell("ROI", AT.AgentsBefore)?.value).toBe(50);
  });

  it("keeps the user's inputs when the template replaces its own sheet", async () => {
    const { excel, host } = setup();
    await host.applyPlans([roiPlan()], { dialect: "live" });
    excel.userEdit("ROI", AT.AgentsAfter, 40); // agents after AI
    excel.userEdit("ROI", AT.FxRate, 12345); // FX rate... any input
    excel.userEdit("ROI", AT.Customers, ""); // cleared: stays cleared
    const result = await host.applyPlans([roiPlan()], { dialect: "live", policies: { ROI: "replace" } });
    expect(result.sheets[0].outcome).toBe("replaced");
    // Every input that holds a value (the cleared one is kept cleared, not counted); the inputs the
    // template fills with a default formula (a line's low, high, risk) keep the template's.
    expect(result.sheets[0].keptInputs).toBe(valueInputs(roiPlan()) - 1);
    expect(excel.cell("ROI", AT.AgentsAfter)?.value).toBe(40);
    expect(excel.cell("ROI", AT.FxRate)?.value).toBe(12345);
    expect(excel.cell("ROI", AT.Customers)).toBeNull();
    expect(excel.cell("ROI", AT.AgentsBefore)?.value).toBe(50);
    expect(planCell(withStructuredReferences(roiPlan()), AT.AnnualBenefits, "live")).toEqual(
      excel.cell("ROI", AT.AnnualBenefits)?.formula,
    );

    await host.applyPlans([roiPlan()], { dialect: "live", policies: { ROI: "replace" }, keepInputs: false });
    expect(excel.cell("ROI", AT.AgentsAfter)?.value).toBe(35);
  });

  it("keeps a replaced template's table name, and gives the table of a kept copy a free one", async () => {
    const { excel, host } = setup();
    const portfolio = TEMPLATES.portfolio({ ...BASE, linkedTo: [] });
    await host.applyPlans([portfolio], { dialect: "live" });
    await host.applyPlans([portfolio], { dialect: "live", policies: { Portfolio: "replace" } });
    expect(excel.snapshot().tables.map((t) => [t.name, t.sheet])).toEqual([["UseCases", "Portfolio"]]);
    await host.applyPlans([portfolio], { dialect: "live", policies: { Portfolio: "keepBoth" } });
    expect(excel.snapshot().tables.map((t) => [t.name, t.sheet])).toEqual([
      ["UseCases", "Portfolio"],
      ["UseCases_2", "Portfolio (2)"],
    ]);
  });

  it("keeps the inputs of an older copy that the template replaces", async () => {
    const { excel, host } = setup();
    await host.applyPlans([roiPlan()], { dialect: "live" });
    await host.applyPlans([roiPlan()], { dialect: "live", policies: { ROI: "keepBoth" } }); // copy "ROI (2)"
    excel.userEdit("ROI", AT.AgentsAfter, 41);
    const result = await host.applyPlans([roiPlan()], { dialect: "live", policies: { ROI: "replace" } });
    expect(result.sheets[0]).toMatchObject({ sheet: "ROI", outcome: "replaced" });
    expect(result.sheets[0].keptInputs).toBeGreaterThan(20);
    expect(excel.cell("ROI", AT.AgentsAfter)?.value).toBe(41);
    expect(excel.name("AgentsAfter")).toBe(`=ROI!${ABS.AgentsAfter}`);
    const older = excel.snapshot().sheets.find((s) => s.name === "ROI (2)")?.names ?? [];
    expect(older).toContainEqual(
      expect.objectContaining({ name: "AgentsAfter", formula: `='ROI (2)'!${ABS.AgentsAfter}` }),
    );
  });

  it("keeps both over the model's sheet: ROI stays the model, the old sheet a copy with its own names", async () => {
    const { excel, host } = setup();
    await host.applyPlans([roiPlan()], { dialect: "live" });
    excel.userEdit("ROI", AT.AgentsAfter, 40);
    const result = await host.applyPlans([roiPlan()], { dialect: "live", policies: { ROI: "keepBoth" } });
    expect(result.sheets[0]).toMatchObject({ sheet: "ROI", outcome: "replaced", copy: "ROI (2)" });
    expect(excel.sheetNames()).toEqual(["Sheet1", "ROI", "ROI (2)"]);
    expect(excel.name("AgentsBefore")).toBe(`=ROI!${ABS.AgentsBefore}`);
    expect(excel.cell("ROI", AT.AgentsAfter)?.value).toBe(40);
    expect(excel.cell("ROI (2)", AT.AgentsAfter)?.value).toBe(40);
    const workbook = excel.snapshot().names.map((n) => n.formula);
    expect(workbook.filter((f) => f.includes("ROI (2)"))).toEqual([]);
    const local = excel.snapshot().sheets.find((s) => s.name === "ROI (2)")?.names ?? [];
    expect(local).toContainEqual(
      expect.objectContaining({ name: "AgentsBefore", formula: `='ROI (2)'!${ABS.AgentsBefore}` }),
    );
    expect(local.map((n) => n.name)).not.toContain("GenAI_Original_Sheet_Name");
    const infos: SheetInfo[] = await host.listSheets();
    expect(infos.filter((s) => s.template === "roi").map((s) => [s.name, s.drivesModel])).toEqual([
      ["ROI", true],
      ["ROI (2)", false],
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

// ---- reading, writing inputs, events -----------------------------------------------------------------

describe("OfficeHost reads, writes inputs and reports changes", () => {
  it("locates workbook names on their sheet, and gives null for unknown names", async () => {
    const { host } = setup();
    const plan = roiPlan();
    await host.applyPlans([plan], { dialect: "live" });
    const where = await host.locateNames(["AgentsAfter", "NoSuchName"]);
    const expected = plan.names.find((n) => n.name === "AgentsAfter")?.range.replace(/\$/g, "");
    expect(where.AgentsAfter).toEqual({ sheet: "ROI", address: expected });
    expect(where.NoSuchName).toBeNull();
  });

  it("reads values with empty cells as null and errors as their text", async () => {
    const { excel, host } = setup();
    excel.seedSheet("Data", { A1: 1, B1: "text", A2: true, B2: "#N/A" });
    expect(await host.readRange("Data", "A1:C2")).toEqual([
      [1, "text", null],
      [true, "#N/A", null],
    ]);
  });

  it("passes on Excel's own error for a sheet that is not there", async () => {
    const { host } = setup();
    await expect(host.readRange("Nowhere", "A1")).rejects.toMatchObject({ code: "ItemNotFound" });
    await expect(host.writeCells([{ sheet: "Nowhere", address: "A1", values: [[1]] }])).rejects.toMatchObject(
      {
        code: "ItemNotFound",
      },
    );
  });

  it("writes input values only: a string that starts with = stays text, null clears", async () => {
    const { excel, host } = setup();
    excel.seedSheet("Data", { A1: 1, B1: 2 });
    await host.writeCells([{ sheet: "Data", address: "A1:C1", values: [["=B1*2", null, 3.5]] }]);
    expect(excel.cell("Data", "A1")).toEqual({ formula: null, value: "=B1*2" });
    expect(excel.cell("Data", "B1")).toBeNull();
    expect(excel.cell("Data", "C1")?.value).toBe(3.5);
    // One sync reads what the cells hold (a formula of the user's is never overwritten), one writes.
    expect(excel.stats.syncs).toBe(2);
  });

  it("reports a user's edit and its own writes, and stops after unsubscribing", async () => {
    const { excel, host } = setup({ apiVersion: "1.14" });
    excel.seedSheet("Data");
    const events: { sheets: readonly string[]; source: string }[] = [];
    const unsubscribe = host.onChange((e) => events.push(e));
    await excel.idle();
    expect(excel.handlerCount).toBe(2);
    excel.userEdit("Data", "A1", 5);
    await excel.idle();
    expect(events).toContainEqual({ sheets: ["Data"], source: "user" });
    await host.writeCells([{ sheet: "Data", address: "B1", values: [[6]] }]);
    await excel.idle();
    expect(events).toContainEqual({ sheets: ["Data"], source: "addin" });
    unsubscribe();
    await excel.idle();
    expect(excel.handlerCount).toBe(0);
    const seen = events.length;
    excel.userEdit("Data", "A1", 7);
    await excel.idle();
    expect(events).toHaveLength(seen);
  });

  it("tells its own writes from the user's without ExcelApi 1.14's trigger source", async () => {
    const { excel, host } = setup({ apiVersion: "1.9" });
    excel.seedSheet("Data");
    const events: { sheets: readonly string[]; source: string }[] = [];
    host.onChange((e) => events.push(e));
    await excel.idle();
    await host.writeCells([{ sheet: "Data", address: "B1", values: [[6]] }]);
    await excel.idle();
    excel.userEdit("Data", "A1", 5);
    await excel.idle();
    expect(events.filter((e) => e.sheets[0] === "Data").map((e) => e.source)).toEqual(["addin", "user"]);
  });

  it("lists sheets with emptiness and the template that built them", async () => {
    const { excel, host } = setup();
    excel.seedSheet("Notes", { A1: "x" });
    await host.applyPlans([roiPlan()], { dialect: "live" });
    expect(await host.listSheets()).toEqual([
      { name: "Sheet1", empty: true, template: null, templateVersion: null, drivesModel: false },
      { name: "Notes", empty: false, template: null, templateVersion: null, drivesModel: false },
      { name: "ROI", empty: false, template: "roi", templateVersion: roiPlan().version, drivesModel: true },
    ]);
  });
});

// ---- the shareable copy ------------------------------------------------------------------------

describe("OfficeHost opens a shareable copy as a new workbook", () => {
  afterEach(() => {
    delete (globalThis as { Excel?: unknown }).Excel;
  });

  it("hands Excel.createWorkbook the file as base64", async () => {
    // Excel.createWorkbook is a static of the Excel namespace, outside the request context the
    // recording fake stands in for: a stand-in global records the call.
    const createWorkbook = jest.fn((_base64?: string) => Promise.resolve());
    (globalThis as { Excel?: unknown }).Excel = { createWorkbook };
    const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 7) % 256);
    await new OfficeHost().createWorkbook(bytes);
    expect(createWorkbook).toHaveBeenCalledTimes(1);
    expect(Buffer.from(createWorkbook.mock.calls[0][0]!, "base64").equals(Buffer.from(bytes))).toBe(true);
  });

  it("encodes bytes as base64 in slices, the same as Node's encoder", () => {
    for (const length of [0, 1, 2, 3, 0x8000, 0x8001, 100_000]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 31 + 7) % 256);
      expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString("base64"));
    }
  });
});
