/**
 * Files the preview opens are read as Excel would read them:
 *
 * - the command line's .xlsx is the model (it carries the marker): it opens rebuilt from the
 *   templates with its options and inputs, every output as the model computes it, and not as
 *   plain sheets full of #NAME? where workbook names are read;
 * - a workbook of another program keeps reading its own sheets: a sheet that takes a free name
 *   ("ROI (2)" beside the model's ROI) takes its references along, in formulas and in the file's
 *   defined names, which come with its sheets (but never replace the model's);
 * - formulas in the spellings of the file format and of Excel (`_xlfn.BETA.INV`, `1E-300`) compute,
 *   from a file, typed in the grid or inside a GENAI function's arguments, and go back into a file
 *   with the prefixes Excel and LibreOffice need;
 * - a shareable copy's live simulation survives open and save: its trials sheet is not opened as a
 *   sheet of broken formulas and stale words, the reopened model simulates, its statistics
 *   recompute after an edit, and the saved file has a trials sheet again that its marker lists.
 */
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import { HyperFormula } from "hyperformula";
import { exportModel, parseCommand } from "../../src/export/cli";
import { TRIALS_SHEET } from "../../src/export/live-simulation";
import { MARKER_SHEET, readMarkedTrials, TRIALS_ROW } from "../../src/export/model-marker";
import { makeShareableCopy } from "../../src/export/shareable";
import { renameSheetReferences } from "../../src/host/formula-tokens";
import { excelFormulaText, installExcelFormulaText, withFilePrefixes } from "../../src/host/formula-text";
import { MemoryHost } from "../../src/host/memory";
import type { CellValue } from "../../src/host/workbook-host";
import { columnLetters } from "../../src/shared/a1";
import { planExtent } from "../../src/templates/cells";
import { planCompleteModel, planModel } from "../../src/templates/index";
import type { SheetPlan } from "../../src/templates/plan";
import { readWorkbookFile, saveWorkbookFile } from "../../src/preview/workbook-file";
import { WorkbookSession } from "../../src/preview/workbook-session";
import { readXlsx, statisticCells } from "../export/export-support";
import { MapStore, reopen } from "./workbook-file-support";
import { nameCell } from "../host/memory-support";

const NOW = new Date("2026-03-01T09:00:00Z");

/** Every value of a plan's sheet over its extent. */
async function values(host: MemoryHost, plan: SheetPlan): Promise<CellValue[][]> {
  const { rows, columns } = planExtent(plan);
  return host.readRange(plan.sheet, `A1:${columnLetters(columns - 1)}${rows}`);
}

const ERROR = /^#(?:NAME\?|REF!|VALUE!|ERROR!|N\/A|NUM!|DIV\/0!|NULL!|SPILL!|CYCLE!)$/;
const errorCells = (rows: CellValue[][]): number =>
  rows.flat().filter((v) => typeof v === "string" && ERROR.test(v)).length;

async function statistics(host: MemoryHost, plans: readonly SheetPlan[]): Promise<CellValue[]> {
  const out: CellValue[] = [];
  for (const c of statisticCells(plans)) out.push((await host.readRange(c.sheet, c.address))[0][0]);
  return out;
}

describe("the command line's .xlsx", () => {
  let folder: string;
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), "genai-cli-open-"));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("opens as the model, rebuilt with its options and inputs: no plain sheets, no error cells, every output as the model computes it", async () => {
    const out = join(folder, "cli.xlsx");
    const command = parseCommand([
      "workbook",
      "--out",
      out,
      "--locale",
      "zh-TW",
      "--currency",
      "US$",
      "--rows",
      "14",
    ])!;
    await exportModel(command, NOW);
    const bytes = new Uint8Array(readFileSync(out));
    const file = await readWorkbookFile(bytes, ExcelJS);
    expect(file.plans.map((p) => [p.template, p.locale, p.currency])).toEqual(
      ["portfolio", "rollout", "roi", "stress"].map((t) => [t, "zh-TW", "US$"]),
    );
    // The Trials sheet is the copy's replay of the simulation: the rebuilt model simulates itself.
    expect(file.sheets.map((s) => s.name)).toEqual([]);
    expect(file.notes).toEqual([]);

    const opened = await reopen(bytes);
    const built = new MemoryHost();
    const plans = planModel(["portfolio", "rollout", "roi", "stress"], {
      data: "sample",
      locale: "zh-TW",
      currency: "US$",
      rows: 14,
    });
    await built.applyPlans(plans, { dialect: "live" });
    for (const plan of plans) {
      const got = await values(opened, plan);
      expect(errorCells(got)).toBe(0);
      expect(got).toEqual(await values(built, plan));
    }
  }, 300_000);
});

describe("a foreign workbook opened beside the model", () => {
  let host: MemoryHost;
  let report: Awaited<ReturnType<WorkbookSession["openWorkbook"]>>;
  beforeAll(async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("ROI").getCell("B2").value = 1000;
    const calc = workbook.addWorksheet("Calc");
    calc.getCell("A1").value = { formula: "ROI!B2*2", result: 2000 };
    // A string that merely looks like the reference stays as written.
    calc.getCell("A2").value = { formula: '"ROI!B2"&ROI!B2', result: "ROI!B21000" };
    calc.getCell("A3").value = { formula: "Doubled+1", result: 2001 };
    calc.getCell("A4").value = { formula: "Local*3", result: 3000 };
    calc.getCell("A5").value = { formula: "AnnualROI", result: 1000 };
    workbook.definedNames.add("ROI!$B$2", "AnnualROI");
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    // ExcelJS writes workbook-scoped names only: the sheet-scoped ones go in by hand.
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file("xl/workbook.xml")!.async("string");
    zip.file(
      "xl/workbook.xml",
      xml.replace(
        "</definedNames>",
        '<definedName name="Doubled">Calc!$A$1</definedName>' +
          '<definedName name="Local" localSheetId="1">ROI!$B$2</definedName>' +
          '<definedName name="Here" localSheetId="0">ROI!$B$2</definedName></definedNames>',
      ),
    );
    const file = await zip.generateAsync({ type: "uint8array" });

    const session = new WorkbookSession(new MapStore(), 1);
    await session.ready();
    await session.current().applyPlans(planCompleteModel({ data: "sample", currency: "NT$", locale: "en" }), {
      dialect: "live",
    });
    report = await session.openWorkbook(file, "foreign.xlsx");
    host = session.current();
  }, 120_000);

  it("keeps reading its own sheet after that sheet takes a free name, in formulas and names", async () => {
    expect(report.sheets).toEqual(["ROI (2)", "Calc"]);
    expect(await host.readRange("Calc", "A1:A4")).toEqual([[2000], ["ROI!B21000"], [2001], [3000]]);
    const calc = host.readSheet("Calc");
    expect(calc.formula(0, 0)).toBe("='ROI (2)'!B2*2");
    expect(calc.formula(1, 0)).toBe("=\"ROI!B2\"&'ROI (2)'!B2");
    const names = host.names();
    expect(names).toEqual(
      expect.arrayContaining([
        { name: "Doubled", scope: null, expression: "=Calc!$A$1" },
        { name: "Local", scope: "Calc", expression: "='ROI (2)'!$B$2" },
        { name: "Here", scope: "ROI (2)", expression: "='ROI (2)'!$B$2" },
      ]),
    );
  });

  it("saves the names that came with the file beside the model's, sheet-scoped ones too, and they open again", async () => {
    const saved = await saveWorkbookFile(host, NOW, ExcelJS);
    const reopened = await reopen(saved);
    expect(reopened.names()).toEqual(
      expect.arrayContaining([
        { name: "Doubled", scope: null, expression: "=Calc!$A$1" },
        { name: "Local", scope: "Calc", expression: "='ROI (2)'!$B$2" },
        { name: "Here", scope: "ROI (2)", expression: "='ROI (2)'!$B$2" },
      ]),
    );
    expect(await reopened.readRange("Calc", "A1:A4")).toEqual([[2000], ["ROI!B21000"], [2001], [3000]]);
  }, 120_000);

  it("does not let the file's name replace the model's, and says so", () => {
    expect(report.notes).toEqual([expect.stringMatching(/"AnnualROI" is not added/)]);
    const model = host.names().filter((n) => n.name === "AnnualROI");
    expect(model).toHaveLength(1);
    expect(model[0].expression).not.toContain("ROI (2)");
  });
});

describe("formulas in Excel's and the file format's spellings", () => {
  it("rewrites upper-case E notation and the _xlfn./_xlws. prefixes, leaving strings, sheet names and references alone", () => {
    expect(excelFormulaText("=1E+300+2E3-1.5E-3")).toBe("=1e+300+2e3-1.5e-3");
    expect(excelFormulaText("=_xlfn.BETA.INV(MAX(K16,1E-300),C$12,C$13)")).toBe(
      "=BETA.INV(MAX(K16,1e-300),C$12,C$13)",
    );
    expect(excelFormulaText("=_xlfn._xlws.SORT(A1:A3)")).toBe("=SORT(A1:A3)");
    expect(excelFormulaText("=\"1E+3 _xlfn.X(\"&'2E+3 data'!E5&E1E2")).toBe(
      "=\"1E+3 _xlfn.X(\"&'2E+3 data'!E5&E1E2",
    );
    expect(excelFormulaText("=SUM(A1:E10)*3")).toBe("=SUM(A1:E10)*3");
  });

  it("writes the prefixes back for the functions the file format stores with them, only there", () => {
    expect(withFilePrefixes("=BETA.INV(0.5,2,3)+percentile.inc(A1:A9,0.5)+SUM(A1)")).toBe(
      "=_xlfn.BETA.INV(0.5,2,3)+_xlfn.percentile.inc(A1:A9,0.5)+SUM(A1)",
    );
    expect(withFilePrefixes('=SORT(A1:A3)&"BETA.INV(1)"')).toBe('=_xlfn._xlws.SORT(A1:A3)&"BETA.INV(1)"');
    expect(withFilePrefixes("=_xlfn.BETA.INV(0.5,2,3)")).toBe("=_xlfn.BETA.INV(0.5,2,3)");
  });

  it("follows a renamed sheet in references only, quoting the new name as Excel does", () => {
    const renames = new Map([
      ["roi", "ROI (2)"],
      ["it's", "Data"],
    ]);
    expect(renameSheetReferences("=ROI!B2*2+'It''s'!A1+roi!C3", renames)).toBe(
      "='ROI (2)'!B2*2+Data!A1+'ROI (2)'!C3",
    );
    expect(renameSheetReferences('="ROI!B2"&Other!A1&ROIX!A1', renames)).toBe('="ROI!B2"&Other!A1&ROIX!A1');
  });

  it("computes them wherever they enter the in-memory workbook: a file, the grid, a GENAI argument", async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet("Data");
    ws.getCell("A1").value = { formula: "_xlfn.BETA.INV(MAX(0.25,1E-300),2,3)", result: 0 };
    ws.getCell("A2").value = { formula: "1E+3+2E3", result: 0 };
    ws.getCell("A3").value = { formula: "_xlfn.PERCENTILE.INC(A1:A2,0.5)", result: 0 };
    ws.getCell("A4").value = { formula: '"1E+3"&"x"', result: 0 };
    const host = await reopen(new Uint8Array(await workbook.xlsx.writeBuffer()));
    const [[beta], [sum], [median], [text]] = (await host.readRange("Data", "A1:A4")) as number[][];
    // BETA.INV(0.25, 2, 3) = 0.2430 (the Beta(2,3) quartile), as Excel and LibreOffice give it.
    expect(beta).toBeCloseTo(0.24299, 4);
    expect(sum).toBe(3000);
    expect(median).toBeCloseTo((beta + 3000) / 2, 9);
    expect(text).toBe("1E+3x");
    // The workbook shows them as Excel does, without the file format's prefix.
    expect(host.readSheet("Data").formula(0, 0)).toBe("=BETA.INV(MAX(0.25,1e-300),2,3)");

    host.typeAsUser("Data", "B1", "=2E+3/1E1");
    host.typeAsUser("Data", "B2", "=GENAI.ROI(3E+3,1E+3)");
    expect(await host.readRange("Data", "B1:B2")).toEqual([[200], [2]]);
  });

  it("saves a plain sheet's newer functions with the _xlfn. prefix Excel and LibreOffice need", async () => {
    const host = new MemoryHost();
    await host.applyPlans(planCompleteModel({ data: "sample", currency: "NT$", locale: "en" }), {
      dialect: "live",
    });
    host.addSheet("Mine", [[0.25, "=BETA.INV(A1,2,3)", "=PERCENTILE.INC(A1:B1,0.5)"]]);
    const saved = await readXlsx(await saveWorkbookFile(host, NOW, ExcelJS));
    const mine = saved.getWorksheet("Mine")!;
    expect([mine.getCell("B1").formula, mine.getCell("C1").formula]).toEqual([
      "_xlfn.BETA.INV(A1,2,3)",
      "_xlfn.PERCENTILE.INC(A1:B1,0.5)",
    ]);
  }, 120_000);

  it("has the parser hook installed on this HyperFormula (an upgrade that changes its shape fails here)", () => {
    const hf = HyperFormula.buildEmpty({ licenseKey: "gpl-v3" });
    expect(installExcelFormulaText(hf)).toBe(true);
    hf.addSheet("S");
    hf.setCellContents({ sheet: 0, row: 0, col: 0 }, [["=1E+3"]]);
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 0 })).toBe(1000);
  });
});

describe("a shareable copy's live simulation, through open and save", () => {
  const plans = planCompleteModel({ data: "sample", currency: "NT$", locale: "en" });
  let copy: Uint8Array;
  beforeAll(async () => {
    const host = new MemoryHost();
    await host.applyPlans(plans, { dialect: "live" });
    copy = await makeShareableCopy(host, plans, { now: NOW, excel: ExcelJS });
  }, 120_000);

  it("lists the copy's trials sheet in its marker", async () => {
    expect(readMarkedTrials(await readXlsx(copy))).toEqual([TRIALS_SHEET]);
  });

  it("opens without the trials sheet, simulates, its statistics recompute after an edit, and saving makes it live again", async () => {
    const file = await readWorkbookFile(copy, ExcelJS);
    expect(file.sheets.map((s) => s.name)).toEqual([]);
    const host = await reopen(copy);
    const before = await statistics(host, plans);
    expect(before.every((v) => typeof v === "number" && Number.isFinite(v))).toBe(true);
    // The platform's monthly fee, which the sample's platform cost line reads, five times over.
    const roi = plans.find((p) => p.template === "roi")!;
    const fee = nameCell(roi, "PlatformMonthly");
    const [[monthly]] = (await host.readRange(roi.sheet, fee)) as number[][];
    await host.writeCells([{ sheet: roi.sheet, address: fee, values: [[monthly * 5]] }]);
    const after = await statistics(host, plans);
    expect(after).not.toEqual(before);
    // Costs up: the mean ROI falls.
    expect(after[0] as number).toBeLessThan(before[0] as number);
    // A sheet of the user's own under the name the copy gives its trials sheet.
    host.addSheet(TRIALS_SHEET, [["my own trials"]]);

    // Saved: the simulation is live in the file (a trials sheet its marker lists, under a free
    // name, the statistics native formulas over it), and reopening drops that sheet again.
    const saved = await saveWorkbookFile(host, NOW, ExcelJS);
    const workbook = await readXlsx(saved);
    expect(readMarkedTrials(workbook)).toEqual([`${TRIALS_SHEET} (2)`]);
    const p50 = statisticCells(plans)[3];
    expect(workbook.getWorksheet(p50.sheet)!.getCell(p50.address).formula).toContain(
      `_xlfn.PERCENTILE.INC('${TRIALS_SHEET} (2)'!`,
    );
    const again = await readWorkbookFile(saved, ExcelJS);
    expect(again.sheets.map((s) => s.name)).toEqual([TRIALS_SHEET]);
    const reopened = await reopen(saved);
    expect(await statistics(reopened, plans)).toEqual(after);
    expect(await reopened.readRange(TRIALS_SHEET, "A1")).toEqual([["my own trials"]]);
  }, 240_000);

  it("drops the trials sheet of a copy whose marker does not list it (written before it did), by its title", async () => {
    const workbook = await readXlsx(copy);
    const marker = workbook.getWorksheet(MARKER_SHEET)!;
    for (let r = marker.rowCount; r >= 4; r--)
      if (marker.getCell(r, 1).value === TRIALS_ROW) marker.spliceRows(r, 1);
    workbook.addWorksheet("Trials (3)").getCell("A1").value = "not a trials title";
    const older = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(readMarkedTrials(await readXlsx(older))).toEqual([]);
    const file = await readWorkbookFile(older, ExcelJS);
    expect(file.plans).toHaveLength(4);
    // A sheet so named without the trials title is the user's: it stays.
    expect(file.sheets.map((s) => s.name)).toEqual(["Trials (3)"]);
  }, 120_000);
});
