/**
 * shareStyles (src/export/xlsx.ts) lets cells that look the same share one style object so
 * ExcelJS renders each look once when it writes. It must not change the file: these tests write
 * the complete model (cached values included, so formula cells carry number, text and blank
 * results) with and without it and compare every part, and check that sharing really happened.
 */
import type { Workbook } from "exceljs";
import { loadJSZip } from "../../src/export/package";
import { lookupOf, readPlanValues } from "../../src/export/values";
import { buildWorkbook, loadExcelJS, shareStyles } from "../../src/export/xlsx";
import { MemoryHost } from "../../src/host/memory";
import { planCompleteModel } from "../../src/templates/index";
import { NOW, SAMPLE } from "./export-support";

async function parts(workbook: Workbook): Promise<Map<string, string>> {
  const JSZip = await loadJSZip();
  const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
  const out = new Map<string, string>();
  for (const path of Object.keys(zip.files).sort())
    if (!zip.files[path].dir) out.set(path, await zip.file(path)!.async("string"));
  return out;
}

function styleObjects(workbook: Workbook): { cells: number; objects: number } {
  const objects = new Set<unknown>();
  let cells = 0;
  workbook.eachSheet((ws) =>
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        cells++;
        objects.add(cell.style);
      }),
    ),
  );
  return { cells, objects: objects.size };
}

describe("shareStyles", () => {
  it("writes exactly the same parts, with far fewer style objects", async () => {
    const plans = planCompleteModel({ ...SAMPLE, rows: 60 });
    const host = new MemoryHost();
    await host.applyPlans(plans, { dialect: "portable" });
    const values = lookupOf(await readPlanValues(host, plans));
    const excel = await loadExcelJS();
    const own = buildWorkbook(excel, plans, values, NOW);
    const shared = buildWorkbook(excel, plans, values, NOW);
    const before = styleObjects(shared);
    shareStyles(shared);
    const after = styleObjects(shared);

    expect(after.cells).toBe(before.cells);
    expect(before.objects).toBe(before.cells);
    expect(after.objects).toBeLessThan(before.cells / 10);
    const [a, b] = await Promise.all([parts(own), parts(shared)]);
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [path, xml] of a) expect({ path, xml: b.get(path) }).toEqual({ path, xml });
  });

  it("keeps apart cells whose style only differs in the default their value type gives", async () => {
    const excel = await loadExcelJS();
    const make = (share: boolean): Workbook => {
      const workbook = new excel.Workbook();
      const ws = workbook.addWorksheet("S");
      const bold = { bold: true };
      ws.getCell("A1").value = 1;
      ws.getCell("A2").value = "text";
      ws.getCell("A3").value = new Date(Date.UTC(2025, 0, 31));
      for (const address of ["A1", "A2", "A3"]) ws.getCell(address).font = { ...bold };
      if (share) shareStyles(workbook);
      return workbook;
    };
    const [a, b] = await Promise.all([parts(make(false)), parts(make(true))]);
    expect(b.get("xl/worksheets/sheet1.xml")).toBe(a.get("xl/worksheets/sheet1.xml"));
    expect(b.get("xl/styles.xml")).toBe(a.get("xl/styles.xml"));
  });
});
