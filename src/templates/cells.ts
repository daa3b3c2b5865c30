/**
 * Reading a plan the way every sink needs it: the cell contents in one dialect, and where the
 * inputs are (the cells a rebuild keeps and the preview lets the user edit).
 */
import { parseCell, parseRange, type RangeRef } from "../shared/a1";
import {
  type Block,
  type CellStyle,
  type Dialect,
  isFormula,
  type PlanCell,
  type PlanValue,
  type SheetPlan,
} from "./plan";

/**
 * The content of a cell in a dialect: a value, or a formula string starting with "=".
 * A live spill's covered cells are null (left empty). A portable cell without a native form
 * yields `valueOf` (the live result) when given, else null.
 */
export function cellInDialect(cell: PlanCell, dialect: Dialect, valueOf?: () => PlanValue): PlanValue {
  if (!isFormula(cell)) return cell;
  const text = dialect === "live" ? cell.live : cell.portable;
  if (text !== null) return text;
  return dialect === "portable" && valueOf ? valueOf() : null;
}

/** Every input cell of a plan, as (row, column) zero-based, in plan order. */
export function inputCells(plan: SheetPlan): { row: number; column: number }[] {
  return cellsStyled(plan, ["input"]);
}

/** The cells a host may write after a build: the inputs, and the results the pane records. */
export function writableCells(plan: SheetPlan): { row: number; column: number }[] {
  return cellsStyled(plan, ["input", "result"]);
}

/**
 * Whether a cell is an input (as inputCells lists them), and whether a host may write it (as
 * writableCells lists them), without listing the plan's cells: an edit checks a few cells of a
 * sheet that may hold 50,000 inputs.
 */
export function isInputCell(plan: SheetPlan, row: number, column: number): boolean {
  return hasStyle(plan, ["input"], row, column);
}

export function isWritableCell(plan: SheetPlan, row: number, column: number): boolean {
  return hasStyle(plan, ["input", "result"], row, column);
}

/** Style ranges read once per plan's styles (plans are never changed in place). */
const styleRanges = new WeakMap<SheetPlan["styles"], readonly { style: CellStyle; range: RangeRef }[]>();

/** Whether any of the plan's style ranges in `styles` holds the cell. */
export function hasStyle(
  plan: SheetPlan,
  styles: readonly CellStyle[],
  row: number,
  column: number,
): boolean {
  let ranges = styleRanges.get(plan.styles);
  if (!ranges) {
    ranges = plan.styles.map((s) => ({ style: s.style, range: parseRange(s.range) }));
    styleRanges.set(plan.styles, ranges);
  }
  return ranges.some(
    ({ style, range: r }) =>
      styles.includes(style) && row >= r.top && row <= r.bottom && column >= r.left && column <= r.right,
  );
}

function cellsStyled(plan: SheetPlan, styles: readonly CellStyle[]): { row: number; column: number }[] {
  const out: { row: number; column: number }[] = [];
  const seen = new Set<string>();
  for (const s of plan.styles) {
    if (!styles.includes(s.style)) continue;
    const r = parseRange(s.range);
    for (let row = r.top; row <= r.bottom; row++) {
      for (let column = r.left; column <= r.right; column++) {
        const key = `${row},${column}`;
        if (!seen.has(key)) {
          seen.add(key);
          out.push({ row, column });
        }
      }
    }
  }
  return out;
}

/** The bounding rectangle of a block. */
export function blockRange(block: Block): RangeRef {
  const origin = parseCell(block.at);
  return {
    top: origin.row,
    left: origin.column,
    bottom: origin.row + block.cells.length - 1,
    right: origin.column + (block.cells[0]?.length ?? 1) - 1,
  };
}

/**
 * The plan with some input cells set to kept values (a rebuild over the template's own sheet).
 * Only cells that are inputs in this plan change; formulas are never overwritten.
 */
export function withInputs(plan: SheetPlan, kept: ReadonlyMap<string, PlanValue>): SheetPlan {
  if (kept.size === 0) return plan;
  const inputs = new Set(inputCells(plan).map(({ row, column }) => `${row},${column}`));
  const blocks = plan.blocks.map((block) => {
    const origin = parseCell(block.at);
    let changed = false;
    const cells = block.cells.map((row, r) =>
      row.map((cell, c) => {
        const key = `${origin.row + r},${origin.column + c}`;
        if (inputs.has(key) && kept.has(key) && !isFormula(cell)) {
          changed = true;
          return kept.get(key) as PlanValue;
        }
        return cell;
      }),
    );
    return changed ? { ...block, cells } : block;
  });
  return { ...plan, blocks };
}

/**
 * The rectangle from A1 that a plan covers: its blocks and its styled and formatted ranges (a
 * styled empty header still belongs to the sheet). Readers and views size themselves by it.
 */
export function planExtent(plan: SheetPlan): { rows: number; columns: number } {
  let rows = 0;
  let columns = 0;
  const ranges = [
    ...plan.blocks.map(blockRange),
    ...[...plan.styles, ...plan.formats].map((entry) => parseRange(entry.range)),
  ];
  for (const r of ranges) {
    rows = Math.max(rows, r.bottom + 1);
    columns = Math.max(columns, r.right + 1);
  }
  return { rows, columns };
}
