/**
 * A line added the way an Excel user adds it, in the exported .xlsx: the user types a new benefit
 * in the empty row just below the Benefits table. Excel then grows the table by that row (its
 * `ref`), keeps what was typed and fills the calculated columns' formulas into it. This test does
 * exactly that to the file (the table part's ref, the typed inputs, each `<calculatedColumnFormula>`
 * copied down to the new row), lets LibreOffice recalculate everything, and checks that the totals
 * and the ROI outputs count the new line: they equal the engine's figures for the grown case, and
 * differ from the case before the row was typed. It fails if a total, a name or an output still
 * reads a fixed range over the rows built, or if the file carries no calculated column formulas.
 *
 * The Stress sheet's line table grows the same way (the pane appends the row it lacks): its new
 * row's formulas find the last line by position, and the portable tornado in its rows ranks every
 * line, the typed one included, as the engine does.
 */
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import JSZip from "jszip";
import { financialSummary } from "../../src/engine/line-items";
import { tornado } from "../../src/engine/sensitivity";
import { offsetFormulaRows } from "../../src/host/formula-rows";
import type { CellValue } from "../../src/host/workbook-host";
import { cellAddress, columnLetters, parseRange } from "../../src/shared/a1";
import { planCompleteModel } from "../../src/templates/index";
import type { SheetPlan } from "../../src/templates/plan";
import { COL, type LineRow } from "../../src/templates/roi-lines";
import { generatedLines, PRICE_CHANGE } from "../templates/line-items-support";
import { cellValueOf, exportThroughMemoryHost, namedCell, readXlsx } from "./export-support";
import { describeWithLibreOffice, recalculate } from "./libreoffice";
import { cellXml, sheetPartOf, withRow, withValue } from "./xlsx-parts";

/**
 * What Excel does to the file when `line` is typed just below `table`: the table (and its filter)
 * grows by one row, the typed inputs land in that row, and every calculated column's formula
 * fills into it. Returns the new bytes and the number of formulas filled.
 */
async function typeBelowTable(
  bytes: Uint8Array,
  plan: SheetPlan,
  table: string,
  line: LineRow,
  inputs: readonly { address: string; value: number }[],
): Promise<{ bytes: Uint8Array; filled: number }> {
  const zip = await JSZip.loadAsync(bytes);
  const tablePath = (
    await Promise.all(
      Object.keys(zip.files)
        .filter((p) => /^xl\/tables\/table\d+\.xml$/.test(p))
        .map(async (p) => ({ p, xml: await zip.file(p)!.async("string") })),
    )
  ).find(({ xml }) => new RegExp(`<table\\b[^>]*\\bname="${table}"`).test(xml))!;
  const ref = /\bref="([^"]+)"/.exec(tablePath.xml)![1];
  const r = parseRange(ref);
  const newRow = r.bottom + 1; // zero-based
  const grown = `${cellAddress(r.top, r.left)}:${cellAddress(newRow, r.right)}`;
  zip.file(tablePath.p, tablePath.xml.split(`ref="${ref}"`).join(`ref="${grown}"`));

  // Calculated columns, by header, as the file declares them; their formulas are for the first row.
  const formulas = new Map(
    [
      ...tablePath.xml.matchAll(
        /<tableColumn\b[^>]*\bname="([^"]*)"[^>]*>\s*<calculatedColumnFormula>([^<]*)<\/calculatedColumnFormula>/g,
      ),
    ].map((m) => [
      m[1],
      m[2]
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&amp;/g, "&"),
    ]),
  );
  const headers = [...tablePath.xml.matchAll(/<tableColumn\b[^>]*\bname="([^"]*)"/g)].map((m) => m[1]);
  const typed = new Map<number, string | number>();
  const put = (column: number, value: string | number | null | undefined): void => {
    if (value !== null && value !== undefined) typed.set(column, value);
  };
  put(COL.label, line.label);
  put(COL.group, line.group);
  put(COL.base, line.base as number);
  put(COL.kind, line.kind);
  put(COL.start, line.start);
  put(COL.months, line.months);
  put(COL.risk, line.risk as number | undefined);
  const cells: string[] = [];
  let filled = 0;
  headers.forEach((header, offset) => {
    const address = cellAddress(newRow, r.left + offset);
    const value = typed.get(offset);
    if (value !== undefined) cells.push(cellXml(address, value));
    else if (formulas.has(header)) {
      cells.push(
        cellXml(address, { formula: offsetFormulaRows(formulas.get(header)!, newRow - (r.top + 1)) }),
      );
      filled++;
    }
  });
  const sheetPath = await sheetPartOf(zip, plan.sheet);
  let sheetXml = withRow(await zip.file(sheetPath)!.async("string"), newRow + 1, cells);
  for (const input of inputs) sheetXml = withValue(sheetXml, input.address, input.value);
  zip.file(sheetPath, sheetXml);
  return { bytes: await zip.generateAsync({ type: "uint8array" }), filled };
}

describeWithLibreOffice(
  "a benefit typed below the Benefits table, recalculated by LibreOffice",
  "genai-lo-grow-",
  (office) => {
    it("counts the new line in every total and output, as the engine does for the grown case", async () => {
      // Built with 5 benefits and 6 costs; the user then types the 6th benefit of the generated case
      // (a Wave line whose risk the user types over the default).
      const built = generatedLines(5, 6);
      const grown = generatedLines(6, 6);
      const plans = planCompleteModel({ data: "sample", currency: "NT$", locale: "en", lines: built.rows });
      const roi = plans.find((p) => p.tables.some((t) => t.name === "Benefits"))!;
      const exported = await exportThroughMemoryHost(plans);
      // The generated case runs on a usage price change (the engine's figures assume it).
      const priceChange = namedCell(plans, "UsagePriceChange");
      const { bytes, filled } = await typeBelowTable(
        exported.bytes,
        roi,
        "Benefits",
        grown.rows.benefits[5],
        [{ address: priceChange.address, value: PRICE_CHANGE }],
      );
      // Every calculated column is declared in the file: from In use to the last year, plus low and high.
      expect(filled).toBeGreaterThan(45);

      const input = join(office.folder, "typed-below.xlsx");
      writeFileSync(input, Buffer.from(bytes));
      const output = await recalculate(office.soffice, office.profile, input, join(office.folder, "out"));
      const book = await readXlsx(readFileSync(output));
      const named = (name: string): CellValue[] => {
        const n = roi.names.find((x) => x.name === name)!;
        const r = parseRange(n.range);
        const ws = book.getWorksheet(roi.sheet)!;
        const out: CellValue[] = [];
        for (let row = r.top; row <= r.bottom; row++)
          for (let column = r.left; column <= r.right; column++)
            out.push(cellValueOf(ws.getCell(row + 1, column + 1)));
        return out;
      };

      // The grown table's new row computed its own In use (the calculated column filled down).
      const body = parseRange(roi.tables.find((t) => t.name === "Benefits")!.range);
      const ws = book.getWorksheet(roi.sheet)!;
      const inUse = cellValueOf(ws.getCell(`${columnLetters(COL.inUse)}${body.bottom + 2}`));
      expect(inUse).toBe(grown.lines.benefits[5].annual);

      const adoption = named("RoiMonthlyAdoption") as number[];
      const want = financialSummary(generatedLines(6, 6, adoption).lines);
      const before = financialSummary(generatedLines(5, 6, adoption).lines);
      const near = (a: CellValue, b: number | null, tolerance = 1e-9): void => {
        expect(typeof a).toBe("number");
        expect(Math.abs((a as number) - (b as number))).toBeLessThanOrEqual(
          tolerance * Math.max(1, Math.abs(b as number)),
        );
      };
      near(named("AnnualBenefits")[0], want.annualBenefits);
      near(named("AnnualROI")[0], want.annualRoi);
      near(named("PVROI")[0], want.pvRoi);
      near(named("ThreeYearNPV")[0], want.npv);
      near(named("ThreeYearIRR")[0], want.irr, 1e-7);
      near(named("PaybackMonths")[0], want.paybackMonths);
      expect(Math.abs((named("AnnualROI")[0] as number) - (before.annualRoi as number))).toBeGreaterThan(
        0.01,
      );
      console.log(
        `Typed below Benefits (5 → 6 lines): annual ROI ${String(before.annualRoi)} → ${String(named("AnnualROI")[0])}, ` +
          `NPV ${before.npv} → ${String(named("ThreeYearNPV")[0])}; ${filled} calculated formulas filled.`,
      );
    }, 240_000);

    it("ranks the typed line in the Stress sheet's portable tornado once its table has a row for it", async () => {
      const built = generatedLines(5, 6);
      const grown = generatedLines(6, 6);
      const plans = planCompleteModel({ data: "sample", currency: "NT$", locale: "en", lines: built.rows });
      const roi = plans.find((p) => p.tables.some((t) => t.name === "Benefits"))!;
      const stress = plans.find((p) => p.template === "stress")!;
      const exported = await exportThroughMemoryHost(plans);
      const typed = await typeBelowTable(exported.bytes, roi, "Benefits", grown.rows.benefits[5], []);
      // The Stress table's row below it, as the pane's append gives it: every column filled down.
      const empty: LineRow = { label: null, group: null, base: null, kind: null };
      const appended = await typeBelowTable(typed.bytes, stress, "StressLineItems", empty, []);
      const stressTable = parseRange(stress.tables.find((t) => t.name === "StressLineItems")!.range);
      expect(appended.filled).toBe(stressTable.right - stressTable.left + 1);

      const input = join(office.folder, "stress-grown.xlsx");
      writeFileSync(input, Buffer.from(appended.bytes));
      const output = await recalculate(
        office.soffice,
        office.profile,
        input,
        join(office.folder, "out-stress"),
      );
      const book = await readXlsx(readFileSync(output));
      const rows = (sheet: string, range: { top: number; bottom: number }, left: number, right: number) => {
        const ws = book.getWorksheet(sheet)!;
        const out: CellValue[][] = [];
        for (let row = range.top; row <= range.bottom; row++) {
          const line: CellValue[] = [];
          for (let column = left; column <= right; column++)
            line.push(cellValueOf(ws.getCell(row + 1, column + 1)));
          out.push(line);
        }
        return out;
      };
      // The ROI tables as recalculated: Benefits one row longer.
      const table = (name: string, grownBy: number) => {
        const r = parseRange(roi.tables.find((t) => t.name === name)!.range);
        return rows(roi.sheet, { top: r.top + 1, bottom: r.bottom + grownBy }, r.left, r.right);
      };
      const benefits = table("Benefits", 1);
      const costs = table("Costs", 0);
      const labels = [...benefits, ...costs].map((r) => String(r[COL.label]));
      expect(labels).toContain(grown.rows.benefits[5].label);
      const point = (r: CellValue[]) => ({
        low: r[COL.simLow] as number,
        base: r[COL.simBase] as number,
        high: r[COL.simHigh] as number,
      });
      const want = tornado({ benefits: benefits.map(point), costs: costs.map(point) }, labels);

      const body = { top: stressTable.top + 1, bottom: stressTable.bottom + 1 };
      expect(rows(stress.sheet, body, 0, 0).map((r) => r[0])).toEqual(labels);
      const got = rows(stress.sheet, body, 15, 18);
      // Lines the engine ranks first by swing; lines without a run-rate swing (one-off) come last at 0.
      want.forEach((w, k) => {
        expect(got[k][0]).toBe(w.label);
        expect(Math.abs((got[k][1] as number) - w.roiAtLow)).toBeLessThanOrEqual(
          1e-9 * Math.max(1, Math.abs(w.roiAtLow)),
        );
        expect(Math.abs((got[k][2] as number) - w.roiAtHigh)).toBeLessThanOrEqual(
          1e-9 * Math.max(1, Math.abs(w.roiAtHigh)),
        );
      });
      expect(got.map((r) => r[0])).toContain(grown.rows.benefits[5].label);
    }, 240_000);
  },
);
