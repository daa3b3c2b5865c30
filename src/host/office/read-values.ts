/**
 * Reads for the pane: a range's values, the values of workbook names, and where names point.
 */
import { parseRange } from "../../shared/a1";
import type { CellValue, NameLocation } from "../workbook-host";
import { readValue, valuesOf } from "./cell-content";
import { nameTarget } from "./names";
import { chunkedReads, packSteps, syncBatches } from "./requests";

/** Values of a range, in row chunks packed so that no response passes Excel on the web's 5 MB. */
export async function readRangeValues(
  context: Excel.RequestContext,
  sheet: string,
  address: string,
  budget: number,
): Promise<CellValue[][]> {
  const ws = context.workbook.worksheets.getItem(sheet); // ExcelApi 1.1
  const loaded: Excel.Range[] = [];
  const steps = chunkedReads(
    parseRange(address),
    { sheet, label: "reading", kind: "reading", apis: ["Range.values"] },
    (chunk) => {
      const range = ws.getRange(chunk);
      range.load("values,valueTypes"); // ExcelApi 1.1
      loaded.push(range);
    },
  );
  await syncBatches(context, packSteps(steps, budget));
  return loaded.flatMap(valuesOf);
}

/** Values of workbook names (two syncs: the names, then the ranges they refer to); a missing name is null. */
export async function readNameValues(
  context: Excel.RequestContext,
  names: readonly string[],
): Promise<Record<string, CellValue[][] | null>> {
  const items = names.map((name) => {
    const item = context.workbook.names.getItemOrNullObject(name); // ExcelApi 1.4
    item.load("type,value");
    return item;
  });
  await context.sync();
  const ranges = items.map((item) => {
    if (item.isNullObject || item.type !== "Range") return null;
    const range = item.getRange(); // ExcelApi 1.1
    range.load("values,valueTypes");
    return range;
  });
  if (ranges.some((r) => r !== null)) await context.sync();
  return Object.fromEntries(
    names.map((name, i): [string, CellValue[][] | null] => {
      const item = items[i];
      const range = ranges[i];
      if (item.isNullObject) return [name, null];
      if (range) return [name, valuesOf(range)];
      return [name, [[readValue(item.value, "Value")]]];
    }),
  );
}

/** Where workbook names point (sheet and A1 address without `$`); null for a missing or non-range name. */
export async function locateNamedRanges(
  context: Excel.RequestContext,
  names: readonly string[],
): Promise<Record<string, NameLocation | null>> {
  const items = names.map((name) => {
    const item = context.workbook.names.getItemOrNullObject(name); // ExcelApi 1.4
    item.load("type,formula"); // formula: ExcelApi 1.7
    return item;
  });
  await context.sync();
  const located = names.map((name, i): NameLocation | null => {
    const item = items[i];
    if (item.isNullObject || item.type !== "Range") return null;
    const { sheet, address } = nameTarget(String(item.formula));
    return sheet ? { sheet, address: address.replace(/\$/g, "") } : null;
  });
  // A name over a table's column (`=Benefits[Line]`) has no address in its formula: Excel
  // resolves it to the column's current body, which follows the table as it grows.
  const structured = names.flatMap((_, i) => {
    const item = items[i];
    if (located[i] !== null || item.isNullObject || item.type !== "Range") return [];
    const range = item.getRange();
    range.load("address");
    return [{ i, range }];
  });
  if (structured.length > 0) {
    await context.sync();
    for (const { i, range } of structured) {
      const { sheet, address } = nameTarget(`=${range.address}`);
      located[i] = sheet ? { sheet, address: address.replace(/\$/g, "") } : null;
    }
  }
  return Object.fromEntries(names.map((name, i) => [name, located[i]]));
}
