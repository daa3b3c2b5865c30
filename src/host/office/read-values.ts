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
  return Object.fromEntries(
    names.map((name, i): [string, NameLocation | null] => {
      const item = items[i];
      if (item.isNullObject || item.type !== "Range") return [name, null];
      const { sheet, address } = nameTarget(String(item.formula));
      return [name, sheet ? { sheet, address: address.replace(/\$/g, "") } : null];
    }),
  );
}
