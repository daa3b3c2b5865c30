/**
 * finishPackage: the step that makes ExcelJS's package valid. Unit cases for the reordering and
 * the names, then the written files themselves: every worksheet's children in schema order, and
 * workbook names on awkwardly named sheets quoted in workbook.xml as Excel requires (ExcelJS
 * alone writes FY25!$B$5, which Excel repairs by dropping the name).
 */
import JSZip from "jszip";
import {
  FONT_ORDER,
  reorderChildren,
  WORKBOOK_ORDER,
  WORKSHEET_ORDER,
  writeDefinedNames,
} from "../../src/export/package";
import { workbookNames, writePackage } from "../../src/export/xlsx";
import { nativeZip } from "../../src/export/zip";
import { planCompleteModel } from "../../src/templates/index";
import type { SheetPlan } from "../../src/templates/plan";
import { NOW, SAMPLE } from "./export-support";

const SHEET_OPEN = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';

describe("reorderChildren", () => {
  it("moves legacyDrawing before tableParts, keeping each element byte for byte", () => {
    const xml = `${SHEET_OPEN}<sheetData><row r="1"/></sheetData><pageMargins left="0.7"/><tableParts count="1"><tablePart r:id="rId2"/></tableParts><legacyDrawing r:id="rId1"/></worksheet>`;
    const { xml: out, moved } = reorderChildren(xml, "worksheet", WORKSHEET_ORDER);
    expect(moved).toBe(true);
    expect(out).toBe(
      `${SHEET_OPEN}<sheetData><row r="1"/></sheetData><pageMargins left="0.7"/><legacyDrawing r:id="rId1"/><tableParts count="1"><tablePart r:id="rId2"/></tableParts></worksheet>`,
    );
  });

  it("keeps repeated elements in their order and leaves an ordered sheet as it was", () => {
    const xml = `${SHEET_OPEN}<sheetData/><conditionalFormatting sqref="A1"><cfRule priority="1"/></conditionalFormatting><conditionalFormatting sqref="B1"><cfRule priority="2"/></conditionalFormatting><dataValidations count="0"/></worksheet>`;
    expect(reorderChildren(xml, "worksheet", WORKSHEET_ORDER)).toEqual({ xml, moved: false });
  });

  it("is not fooled by '>' in attribute values or by nested elements of the same name", () => {
    const xml = `<styleSheet><fonts><font><color rgb="FF000000"/><sz val="11"/><name val="a>b"/><b/></font></fonts><dxfs><dxf><font><i/><b/></font></dxf></dxfs></styleSheet>`;
    const { xml: out } = reorderChildren(xml, "font", FONT_ORDER);
    expect(out).toBe(
      `<styleSheet><fonts><font><b/><sz val="11"/><color rgb="FF000000"/><name val="a>b"/></font></fonts><dxfs><dxf><font><b/><i/></font></dxf></dxfs></styleSheet>`,
    );
  });

  it("refuses an element the schema does not allow rather than guessing its place", () => {
    expect(() =>
      reorderChildren(`${SHEET_OPEN}<sheetData/><bogus/></worksheet>`, "worksheet", WORKSHEET_ORDER),
    ).toThrow("<bogus> is not allowed inside <worksheet>");
    expect(() =>
      reorderChildren(`${SHEET_OPEN}<sheetData></worksheet>`, "worksheet", WORKSHEET_ORDER),
    ).toThrow(/Mismatched/);
  });

  it("moves an opaque element whole by its closing tag, without walking its content", () => {
    // Unbalanced inside on purpose: only an element that is not walked gets through.
    const inner = `<sheetData><row r="1"><c r="A1"><v>1</v></c></sheetData >`;
    const xml = `${SHEET_OPEN}<legacyDrawing r:id="rId1"/>${inner}</worksheet>`;
    expect(() => reorderChildren(xml, "worksheet", WORKSHEET_ORDER)).toThrow(/Mismatched/);
    expect(reorderChildren(xml, "worksheet", WORKSHEET_ORDER, ["sheetData"])).toEqual({
      xml: `${SHEET_OPEN}${inner}<legacyDrawing r:id="rId1"/></worksheet>`,
      moved: true,
    });
    expect(() =>
      reorderChildren(`${SHEET_OPEN}<sheetData><sheetDataX/></worksheet>`, "worksheet", WORKSHEET_ORDER, [
        "sheetData",
      ]),
    ).toThrow("<sheetData> is never closed.");
  });
});

describe("writeDefinedNames", () => {
  const workbook = (inner: string) =>
    `<workbook><sheets><sheet name="FY25" sheetId="1" r:id="rId1"/></sheets>${inner}<calcPr fullCalcOnLoad="1"/></workbook>`;

  it("adds the names after the sheets, escaped", () => {
    expect(writeDefinedNames(workbook(""), [{ name: "Rate", refersTo: "'O''Brien & Co'!$A$1" }])).toBe(
      workbook(
        `<definedNames><definedName name="Rate">&apos;O&apos;&apos;Brien &amp; Co&apos;!$A$1</definedName></definedNames>`,
      ),
    );
  });

  it("replaces a name ExcelJS wrote and keeps the others", () => {
    const before = workbook(
      `<definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">FY25!$A$1</definedName><definedName name="rate">FY25!$A$1</definedName></definedNames>`,
    );
    expect(writeDefinedNames(before, [{ name: "Rate", refersTo: "'FY25'!$A$1" }])).toBe(
      workbook(
        `<definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">FY25!$A$1</definedName><definedName name="Rate">&apos;FY25&apos;!$A$1</definedName></definedNames>`,
      ),
    );
  });

  it("writes a sheet-scoped name with its sheet's position, beside a workbook name of the same name", () => {
    const two = (inner: string) =>
      `<workbook><sheets><sheet name="FY25" sheetId="1" r:id="rId1"/><sheet name="Calc" sheetId="2" r:id="rId2"/></sheets>${inner}</workbook>`;
    const before = two(
      `<definedNames><definedName name="Rate" localSheetId="1">Calc!$B$1</definedName><definedName name="Rate">FY25!$A$1</definedName></definedNames>`,
    );
    expect(writeDefinedNames(before, [{ name: "rate", refersTo: "Calc!$C$1", scope: "calc" }])).toBe(
      two(
        `<definedNames><definedName name="Rate">FY25!$A$1</definedName><definedName name="rate" localSheetId="1">Calc!$C$1</definedName></definedNames>`,
      ),
    );
    expect(() => writeDefinedNames(before, [{ name: "Rate", refersTo: "1", scope: "Gone" }])).toThrow(/Gone/);
  });
});

/** The package's parts as text, by path. */
async function unzip(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, string>();
  for (const path of Object.keys(zip.files))
    if (!zip.files[path].dir) out.set(path, await zip.files[path].async("string"));
  return out;
}

/** The local names of an element's direct children, e.g. the worksheet root's. */
function rootChildren(xml: string, root: string): string[] {
  const body = xml.slice(xml.indexOf(">", xml.indexOf(`<${root}`)) + 1, xml.lastIndexOf(`</${root}>`));
  const names: string[] = [];
  let depth = 0;
  for (const [, close, name, selfClosing] of body.matchAll(
    /<(\/?)([A-Za-z0-9:]+)(?:"[^"]*"|'[^']*'|[^'">])*?(\/?)>/g,
  )) {
    if (close) depth--;
    else {
      if (depth === 0) names.push(name);
      if (!selfClosing) depth++;
    }
  }
  return names;
}

function inSchemaOrder(names: readonly string[], order: readonly string[]): boolean {
  const ranks = names.map((n) => order.indexOf(n));
  return ranks.every((r, i) => r >= 0 && (i === 0 || ranks[i - 1] <= r));
}

describe("the written package", () => {
  // The template sheets renamed the way users rename them; the data stays the sample's.
  const AWKWARD = ["FY25", "2025", "O'Brien", "營收 Q1"];
  let plans: SheetPlan[];
  let parts: Map<string, string>;
  let report: Awaited<ReturnType<typeof writePackage>>["report"];

  beforeAll(async () => {
    plans = planCompleteModel(SAMPLE).map((p, i) => ({ ...p, sheet: AWKWARD[i] }));
    const written = await writePackage(plans, () => undefined, { now: NOW });
    parts = await unzip(written.bytes);
    report = written.report;
  });

  it("has every worksheet's children in CT_Worksheet order (legacyDrawing before tableParts)", () => {
    const sheets = [...parts.keys()].filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p));
    expect(sheets).toHaveLength(4);
    for (const sheet of sheets) {
      const children = rootChildren(parts.get(sheet)!, "worksheet");
      expect([sheet, inSchemaOrder(children, WORKSHEET_ORDER), children]).toEqual([sheet, true, children]);
    }
    const stress = rootChildren(parts.get("xl/worksheets/sheet4.xml")!, "worksheet");
    expect(stress).toEqual(expect.arrayContaining(["legacyDrawing", "tableParts"]));
    expect(stress.indexOf("legacyDrawing")).toBeLessThan(stress.indexOf("tableParts"));
    expect(inSchemaOrder(rootChildren(parts.get("xl/workbook.xml")!, "workbook"), WORKBOOK_ORDER)).toBe(true);
  });

  it("writes every workbook name with its sheet quoted as Excel requires", () => {
    const xml = parts.get("xl/workbook.xml")!;
    const written = new Map(
      [...xml.matchAll(/<definedName name="([^"]+)">([^<]*)<\/definedName>/g)].map(([, name, text]) => [
        name,
        text.replace(/&apos;/g, "'").replace(/&amp;/g, "&"),
      ]),
    );
    expect(written.size).toBe(plans.reduce((n, p) => n + p.names.length, 0));
    // A name over a growing table's columns refers to the table (Benefits[Label]), which carries
    // no sheet; every other name refers to its sheet, quoted.
    const overTables = [...written.values()].filter((r) => /^[A-Za-z_][\w.]*\[/.test(r));
    const tables = new Set(plans.flatMap((p) => p.tables.filter((t) => t.calculated).map((t) => t.name)));
    expect(overTables.length).toBeGreaterThan(0);
    expect(overTables.filter((r) => !tables.has(r.slice(0, r.indexOf("["))))).toEqual([]);
    const prefixes = new Set(
      [...written.values()]
        .filter((r) => !overTables.includes(r))
        .map((r) => r.slice(0, r.lastIndexOf("!") + 1)),
    );
    expect([...prefixes].sort()).toEqual(["'2025'!", "'FY25'!", "'O''Brien'!", "'營收 Q1'!"]);
    expect(Object.fromEntries(written)).toEqual(
      Object.fromEntries(workbookNames(plans).map((n) => [n.name, n.refersTo])),
    );
  });

  it("reports the parts, names, tables and notes it wrote", () => {
    expect(report.parts).toEqual(expect.arrayContaining(["xl/workbook.xml", "xl/styles.xml"]));
    expect(report.names).toHaveLength(plans.reduce((n, p) => n + p.names.length, 0));
    expect(report.tables.map((t) => `${t.sheet}/${t.name}`).sort()).toEqual(
      plans.flatMap((p) => p.tables.map((t) => `${p.sheet}/${t.name}`)).sort(),
    );
    expect(report.notes).toEqual([{ sheet: "營收 Q1", count: expect.any(Number) as number }]);
    expect(report.notes[0].count).toBeGreaterThan(0);
    expect(report.reordered).toEqual(expect.arrayContaining(["xl/styles.xml", "xl/worksheets/sheet4.xml"]));
  });

  it("holds the same entries and parts when finished with the native zip (the command line's path)", async () => {
    const read = jest.fn(nativeZip.read);
    const native = await writePackage(plans, () => undefined, { now: NOW, zip: { ...nativeZip, read } });
    // ExcelJS's stored package is read natively, not left to JSZip.
    expect(read.mock.results.map((r) => r.value === null)).toEqual([false]);
    expect(await unzip(native.bytes)).toEqual(parts);
    expect(native.report).toEqual(report);
    // Folders too, in the same order, and a size within a few per cent of JSZip's.
    const entries = async (bytes: Uint8Array) => Object.keys((await JSZip.loadAsync(bytes)).files);
    const jszipWritten = await writePackage(plans, () => undefined, { now: NOW });
    expect(await entries(native.bytes)).toEqual(await entries(jszipWritten.bytes));
    expect(Math.abs(native.bytes.length / jszipWritten.bytes.length - 1)).toBeLessThan(0.05);
  });
});
