/**
 * A sheet of the ROI's layout 4 as a host holds it, for the rebuild tests of the upgrade to the
 * current layout: the current plan with the Distribution column taken out of the line tables'
 * rows (the month numbers, each table's totals, header and body), everything to its right one
 * column to the left, the tables one column narrower. So what a rebuild reads by position is what
 * a layout-4 workbook holds: inputs in A..K, In use and the three points in M..P, and M0, a
 * formula, in column Q where the Distribution input is now. Formulas keep their text (a rebuild
 * never reads a calculated column's formula back), so the old sheet's months need not compute.
 */
import { parseCell, parseRange, rangeAddress, type RangeRef } from "../../src/shared/a1";
import type { SheetPlan } from "../../src/templates/plan";
import { ROI_TABLES } from "../../src/templates/roi";
import { COL } from "../../src/templates/roi-lines";
import { tableBody } from "../../src/host/plan-rows";

export function roiLayout4(plan: SheetPlan): SheetPlan {
  const benefits = tableBody(plan, ROI_TABLES.benefits);
  const costs = tableBody(plan, ROI_TABLES.costs);
  if (!benefits || !costs) throw new Error("no line tables in the plan");
  // The month numbers row is two rows above the Benefits header (then the totals row).
  const top = benefits.top - 1 - 2;
  const bottom = costs.bottom;
  const gone = COL.distribution;
  const inRows = (r: RangeRef): boolean => r.top >= top && r.bottom <= bottom;
  /** A range in the region without the column, or null when it covered only that column. */
  const shrunk = (range: string): string | null => {
    const absolute = range.includes("$");
    const r = parseRange(range.replace(/\$/g, ""));
    if (!inRows(r) || r.right < gone) return range;
    if (r.left === gone && r.right === gone) return null;
    const moved = { ...r, left: r.left > gone ? r.left - 1 : r.left, right: r.right - 1 };
    return rangeAddress(moved, absolute);
  };
  const ranged = <T extends { readonly range: string }>(items: readonly T[]): T[] =>
    items.flatMap((item) => {
      const range = shrunk(item.range);
      return range === null ? [] : [{ ...item, range }];
    });
  const blocks = plan.blocks.map((block) => {
    const origin = parseCell(block.at);
    if (origin.column > gone) throw new Error(`a block right of the Distribution column: ${block.at}`);
    const cells = block.cells.map((row, i) => {
      const at = origin.row + i;
      const index = gone - origin.column;
      return at >= top && at <= bottom && index < row.length
        ? [...row.slice(0, index), ...row.slice(index + 1)]
        : row;
    });
    return { ...block, cells };
  });
  const tables = plan.tables.map((t) => {
    if (t.name !== ROI_TABLES.benefits && t.name !== ROI_TABLES.costs) return t;
    const calculated = (t.calculated ?? []).filter((c) => c !== gone).map((c) => (c > gone ? c - 1 : c));
    return { ...t, range: shrunk(t.range) as string, calculated };
  });
  return {
    ...plan,
    version: 4,
    blocks,
    tables,
    names: ranged(plan.names),
    styles: ranged(plan.styles),
    formats: ranged(plan.formats),
    validations: ranged(plan.validations),
  };
}
