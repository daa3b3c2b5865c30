/**
 * A template sheet's plan after rows are inserted into or deleted from one of its tables, kept in
 * step with what the workbook holds: blocks, formats, styles, validation, conditional formats,
 * names, tables and charts move with their rows (formula-rows.ts), ranges that span the change
 * grow or shrink, and an inserted row takes the calculated columns of the row above it (its
 * formulas, copied down as a paste copies them) with empty inputs. Pure: MemoryHost applies the
 * same change to its workbook and keeps the plan this returns.
 */
import { columnLetters, parseCell, parseRange, type RangeRef } from "../shared/a1";
import { blockRange, hasStyle, writableCells } from "../templates/cells";
import { type Block, isFormula, type PlanCell, type SheetPlan } from "../templates/plan";
import { moveFormulaRows, offsetFormulaRows, relativeForm, type RowChange } from "./formula-rows";

/** A table's body (its rows without the header), zero-based and inclusive. */
export interface TableBody extends RangeRef {
  readonly name: string;
}

export function tableBody(plan: SheetPlan, table: string): TableBody | null {
  const found = plan.tables.find((t) => t.name.toLowerCase() === table.toLowerCase());
  if (!found) return null;
  const r = parseRange(found.range);
  return { name: found.name, top: r.top + 1, left: r.left, bottom: r.bottom, right: r.right };
}

/** "A11:H25" moved by a change, or null when all its rows are deleted. */
function movedRange(range: string, change: RowChange): string | null {
  const moved = moveFormulaRows(range, change);
  return moved.includes("#REF!") ? null : moved;
}

/** A cell's formulas moved by a change; `row` is where the cell sits before it (its own row). */
function movedCell(cell: PlanCell, change: RowChange, row: number): PlanCell {
  if (!isFormula(cell)) return cell;
  return {
    live: cell.live === null ? null : moveFormulaRows(cell.live, change, row),
    portable: cell.portable === null ? null : moveFormulaRows(cell.portable, change, row),
  };
}

/**
 * A row copied `rows` rows down (up when negative) into a new row: its calculated formulas move
 * as a paste moves them; values and what the user writes (inputs, labels, even where an input
 * holds a formula of its own line) are left empty.
 */
function copiedRow(row: readonly PlanCell[], rows: number, writable: (index: number) => boolean): PlanCell[] {
  return row.map((cell, i) =>
    isFormula(cell) && !writable(i)
      ? {
          live: cell.live === null ? null : offsetFormulaRows(cell.live, rows),
          portable: cell.portable === null ? null : offsetFormulaRows(cell.portable, rows),
        }
      : null,
  );
}

/**
 * Where an insert puts its new rows in a block and which row they copy: the row above, or, for
 * rows joining a table at its top edge, the table's first row (then below them).
 */
function insertSource(
  r: RangeRef,
  change: RowChange,
): { readonly source: number; readonly before: boolean } | null {
  const { at, table } = change;
  const covers = table !== undefined && r.top <= table.top && r.bottom >= table.bottom;
  if (covers && at === table.top) return { source: at, before: true };
  if (covers && at === table.bottom + 1) return { source: at - 1, before: false };
  if (at > r.top && at <= r.bottom) return { source: at - 1, before: false };
  return null;
}

function movedBlock(block: Block, change: RowChange, writable: ReadonlySet<string>): Block | null {
  const r = blockRange(block);
  const cells = block.cells.map((line, i) => line.map((cell) => movedCell(cell, change, r.top + i)));
  const origin = parseCell(block.at);
  const column = block.at.replace(/\$?\d+$/, "").replace(/\$/g, "");
  if (change.kind === "insert") {
    const inside = insertSource(r, change);
    if (inside === null) {
      if (change.at <= r.top) return { at: `${column}${origin.row + change.count + 1}`, cells };
      return { at: block.at, cells };
    }
    const { source, before } = inside;
    const i = source - r.top;
    const isWritable = (c: number): boolean => writable.has(`${source},${r.left + c}`);
    // The new rows sit at change.at...; the row they copy ends up `count` rows lower when they go above it.
    const shift = before ? change.count : 0;
    const added = Array.from({ length: change.count }, (_, k) =>
      copiedRow(cells[i], change.at + k - (source + shift), isWritable),
    );
    const split = before ? i : i + 1;
    return { at: block.at, cells: [...cells.slice(0, split), ...added, ...cells.slice(split)] };
  }
  const end = change.at + change.count;
  const kept = cells.filter((_, i) => r.top + i < change.at || r.top + i >= end);
  if (kept.length === 0) return null;
  const top = r.top < change.at ? r.top : Math.max(change.at, r.top - change.count);
  return { at: `${column}${top + 1}`, cells: kept };
}

function moveEntries<T extends { readonly range: string }>(entries: readonly T[], change: RowChange): T[] {
  return entries.flatMap((entry) => {
    const range = movedRange(entry.range, change);
    return range === null ? [] : [{ ...entry, range }];
  });
}

/** The plan with its rows changed (see the file's comment); `change.at` is a sheet row. */
export function movePlanRows(plan: SheetPlan, change: RowChange): SheetPlan {
  const writable = new Set(
    change.kind === "insert"
      ? [...writableCells(plan), ...tableLabelCells(plan)].map(({ row, column }) => `${row},${column}`)
      : [],
  );
  const anchor = (cell: string): string => {
    const moved = moveFormulaRows(cell, change);
    return moved === "#REF!" ? cell.replace(/\d+$/, String(change.at + 1)) : moved;
  };
  let freeze = plan.freeze;
  if (freeze && change.at < freeze.rows) {
    const rows =
      change.kind === "insert"
        ? freeze.rows + change.count
        : freeze.rows - (Math.min(freeze.rows, change.at + change.count) - change.at);
    freeze = { ...freeze, rows };
  }
  return {
    ...plan,
    blocks: plan.blocks.flatMap((b) => movedBlock(b, change, writable) ?? []),
    formats: moveEntries(plan.formats, change),
    styles: moveEntries(plan.styles, change),
    tables: moveEntries(plan.tables, change),
    names: moveEntries(plan.names, change),
    validations: moveEntries(plan.validations, change),
    conditionalFormats: moveEntries(plan.conditionalFormats, change).map((f) =>
      f.rule.kind === "formula"
        ? { ...f, rule: { ...f.rule, formula: moveFormulaRows(f.rule.formula, change) } }
        : f,
    ),
    freeze,
    charts: plan.charts.map((chart) => ({
      ...chart,
      anchor: { from: anchor(chart.anchor.from), to: anchor(chart.anchor.to) },
      ...(chart.source
        ? { source: { ...chart.source, range: moveFormulaRows(chart.source.range, change) } }
        : {}),
      series: chart.series.map((s) => ({
        ...s,
        y: moveFormulaRows(s.y, change),
        ...(s.x !== undefined ? { x: moveFormulaRows(s.x, change) } : {}),
        ...(s.size !== undefined ? { size: moveFormulaRows(s.size, change) } : {}),
      })),
    })),
  };
}

/** The plan's cell at a sheet position, or undefined where no block writes. */
export function planCellAt(plan: SheetPlan, row: number, column: number): PlanCell | undefined {
  for (const block of plan.blocks) {
    const r = blockRange(block);
    if (row >= r.top && row <= r.bottom && column >= r.left && column <= r.right)
      return block.cells[row - r.top][column - r.left];
  }
  return undefined;
}

/**
 * A line's label in a table (a cell styled "label" in the first column of a table's body): the
 * user may rename the line, as text, like an input. Other label columns (a line's kind, which
 * formulas compare against) stay as the template wrote them.
 */
export function tableLabelCells(plan: SheetPlan): { row: number; column: number }[] {
  const bodies = plan.tables.flatMap((t) => tableBody(plan, t.name) ?? []);
  const out: { row: number; column: number }[] = [];
  for (const s of plan.styles) {
    if (s.style !== "label") continue;
    const r = parseRange(s.range);
    for (let row = r.top; row <= r.bottom; row++)
      for (let column = r.left; column <= r.right; column++)
        if (bodies.some((b) => row >= b.top && row <= b.bottom && column === b.left))
          out.push({ row, column });
  }
  return out;
}

/** Whether a cell is one of tableLabelCells, without listing them: a line's label in a table. */
export function isTableLabelCell(plan: SheetPlan, row: number, column: number): boolean {
  return (
    hasStyle(plan, ["label"], row, column) &&
    plan.tables.some((t) => {
      const b = tableBody(plan, t.name);
      return b !== null && row >= b.top && row <= b.bottom && column === b.left;
    })
  );
}

/** The last column any block writes in a row (-1 if none). */
export function planRowEnd(plan: SheetPlan, row: number): number {
  let end = -1;
  for (const block of plan.blocks) {
    const r = blockRange(block);
    if (row >= r.top && row <= r.bottom) end = Math.max(end, r.right);
  }
  return end;
}

/** The plan with its table labels set to kept values (keys "row,column"); formulas stay. */
export function withLabels(plan: SheetPlan, kept: ReadonlyMap<string, PlanCell>): SheetPlan {
  const labels = new Set(tableLabelCells(plan).map(({ row, column }) => `${row},${column}`));
  if (labels.size === 0) return plan;
  const blocks = plan.blocks.map((block) => {
    const origin = parseCell(block.at);
    const cells = block.cells.map((line, r) =>
      line.map((cell, c) => {
        const key = `${origin.row + r},${origin.column + c}`;
        return labels.has(key) && kept.has(key) && !isFormula(cell) ? (kept.get(key) as PlanCell) : cell;
      }),
    );
    return { ...block, cells };
  });
  return { ...plan, blocks };
}

/** The cells of a row the user may write: inputs, results and the labels of table lines. */
export function writableColumns(plan: SheetPlan, row: number): number[] {
  return [...writableCells(plan), ...tableLabelCells(plan)].filter((c) => c.row === row).map((c) => c.column);
}

/** Why rows of a table cannot be inserted or deleted: a calculated column, by its header or letter. */
export interface RowRefusal {
  readonly table: string;
  readonly column: string;
}

/**
 * Why rows of a table cannot be inserted or deleted, or null when they can. A row operation needs
 * every calculated column to hold one formula per row, the same on each row once its own row is
 * taken as the reference point (a copy down gives the new row its formulas). A column whose rows
 * each read a different line of another sheet (the Stress sheet's line items mirror the ROI
 * sheet's lines, INDEX(…,1), INDEX(…,2), …) would be copied wrong: such a table changes where its
 * source does. The check covers whole sheet rows, so formulas beside a table (the Rollout sheet's
 * adoption grid, row for row) count too.
 *
 * Input columns (and line labels) never count: what they hold is the user's, a line's own driver
 * formula as much as a number. Their formulas move with their rows as Excel moves them, and a new
 * row's inputs start empty.
 */
export function tableRowRefusal(plan: SheetPlan, body: TableBody): RowRefusal | null {
  const key = `${body.name}:${body.top}:${body.bottom}`;
  const known = checked.get(plan)?.get(key);
  if (known !== undefined) return known;
  const answer = checkTableRows(plan, body, new Set(writableColumns(plan, body.top)));
  checked.set(plan, (checked.get(plan) ?? new Map<string, RowRefusal | null>()).set(key, answer));
  return answer;
}

/**
 * Answers already given, per plan (plans are immutable). Reading every formula of a 5,000-row
 * table takes a while, and an insert (rows copied down) or a delete keeps a table that passed
 * passing: movePlanRows carries the answer to the plan it makes.
 */
const checked = new WeakMap<SheetPlan, Map<string, RowRefusal | null>>();

/** Records that the moved plan's table passes, as the plan it came from did. */
export function carryRowCheck(from: SheetPlan, to: SheetPlan, before: TableBody, after: TableBody): void {
  if (checked.get(from)?.get(`${before.name}:${before.top}:${before.bottom}`) === null)
    checked.set(
      to,
      (checked.get(to) ?? new Map<string, RowRefusal | null>()).set(
        `${after.name}:${after.top}:${after.bottom}`,
        null,
      ),
    );
}

function checkTableRows(plan: SheetPlan, body: TableBody, skip: ReadonlySet<number>): RowRefusal | null {
  const columns = new Set<number>();
  for (const block of plan.blocks) {
    const r = blockRange(block);
    if (r.bottom < body.top || r.top > body.bottom) continue;
    for (let c = r.left; c <= r.right; c++) if (!skip.has(c)) columns.add(c);
  }
  for (const column of columns) {
    let seen: { live: string | null; portable: string | null } | undefined;
    let formulas = 0;
    for (let row = body.top; row <= body.bottom; row++) {
      const cell = planCellAt(plan, row, column);
      if (cell === undefined || !isFormula(cell)) continue;
      formulas++;
      const form = {
        live: cell.live === null ? null : relativeForm(cell.live, row),
        portable: cell.portable === null ? null : relativeForm(cell.portable, row),
      };
      if (seen === undefined) seen = form;
      else if (seen.live !== form.live || seen.portable !== form.portable) {
        return refusal(plan, body, column);
      }
    }
    if (formulas > 0 && formulas < body.bottom - body.top + 1) return refusal(plan, body, column);
  }
  return null;
}

function refusal(plan: SheetPlan, body: TableBody, column: number): RowRefusal {
  const header = planCellAt(plan, body.top - 1, column);
  const named = typeof header === "string" && header !== "" ? `"${header}"` : columnLetters(column);
  return { table: body.name, column: named };
}
