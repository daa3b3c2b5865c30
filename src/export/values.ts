/**
 * The computed values an export writes next to each formula (the cached values a viewer without
 * a calculation engine shows). Two sources supply them: the CLI reads a MemoryHost built in the
 * portable dialect, the task pane reads the live Excel workbook; both go through the
 * WorkbookHost's readRange, one rectangle per sheet, so either can be given as a lookup.
 */
import { columnLetters, parseCell } from "../shared/a1";
import { planExtent } from "../templates/cells";
import type { SheetPlan } from "../templates/plan";
import type { CellValue, WorkbookHost } from "../host/workbook-host";

/** A sheet's values as a 2-D grid whose top-left cell is `at` (e.g. "A1"). */
export interface SheetValues {
  readonly sheet: string;
  readonly at: string;
  readonly values: readonly (readonly CellValue[])[];
}

/**
 * The value of a cell (zero-based row and column) on a sheet, or undefined when unknown. An
 * unknown value leaves a formula without a cached value (Excel computes it on opening).
 */
export type ValueLookup = (sheet: string, row: number, column: number) => CellValue | undefined;

/** Either form; writeWorkbook accepts both. */
export type ComputedValues = ValueLookup | readonly SheetValues[];

/** Rows read per readRange call: keeps each request well under Excel on the web's 5 MB limit. */
export const READ_CHUNK_ROWS = 5_000;

/** A lookup over grids (sheet names compare case-insensitively, as Excel compares them). */
export function lookupOf(values: ComputedValues): ValueLookup {
  if (typeof values === "function") return values;
  const bySheet = new Map<string, { top: number; left: number; grid: SheetValues }[]>();
  for (const grid of values) {
    const origin = parseCell(grid.at);
    const key = grid.sheet.toLowerCase();
    bySheet.set(key, [...(bySheet.get(key) ?? []), { top: origin.row, left: origin.column, grid }]);
  }
  return (sheet, row, column) => {
    for (const { top, left, grid } of bySheet.get(sheet.toLowerCase()) ?? []) {
      const line = grid.values[row - top];
      if (line && column >= left && column - left < line.length) return line[column - left];
    }
    return undefined;
  };
}

/**
 * Reads the values of every plan's cells from a workbook: the rectangle from A1 to the plan's
 * extent on the sheet named `plan.sheet`, in chunks of READ_CHUNK_ROWS rows.
 */
export async function readPlanValues(
  host: Pick<WorkbookHost, "readRange">,
  plans: readonly SheetPlan[],
): Promise<SheetValues[]> {
  const out: SheetValues[] = [];
  for (const plan of plans) {
    const { rows, columns } = planExtent(plan);
    if (rows === 0) continue;
    const lastColumn = columnLetters(columns - 1);
    for (let top = 0; top < rows; top += READ_CHUNK_ROWS) {
      const bottom = Math.min(rows, top + READ_CHUNK_ROWS) - 1;
      // Sequential on purpose: OfficeHost batches each read in its own sync, and order keeps memory flat.
      const values = await host.readRange(plan.sheet, `A${top + 1}:${lastColumn}${bottom + 1}`);
      out.push({ sheet: plan.sheet, at: `A${top + 1}`, values });
    }
  }
  return out;
}
