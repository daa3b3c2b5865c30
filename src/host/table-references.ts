/**
 * A template sheet's references to its tables as Excel and the .xlsx need them. Plans address a
 * table's rows with plain ranges (`$M$61:$M$63`), which is all HyperFormula understands: the
 * in-memory host grows them itself when it inserts a table row. In Excel a row typed just below a
 * table makes the table grow by itself, without any insertion, so a plain range over the rows
 * built would miss it: there, a range that spans exactly the body of table columns becomes a
 * structured reference (`Benefits[In use]`, `Benefits[[Sim low]:[Sim high]]`), in formulas and
 * in workbook names, and the table's calculated columns are declared, so the new row's formulas
 * fill down (docs/line-items.md). Pure: the Office host and the .xlsx export both use it.
 */
import { parseCell, parseRange, type RangeRef } from "../shared/a1";
import { blockRange } from "../templates/cells";
import {
  isFormula,
  type PlanCell,
  type PlanFormula,
  type SheetPlan,
  type TablePlan,
} from "../templates/plan";
import { offsetFormulaRows, relativeForm } from "./formula-rows";

/** Table names as they are while a build runs (plan name → name in the workbook); default the plan's. */
export type TableNames = ReadonlyMap<string, string>;

function cellAt(plan: SheetPlan, row: number, column: number): PlanCell | undefined {
  for (const block of plan.blocks) {
    const r = blockRange(block);
    if (row >= r.top && row <= r.bottom && column >= r.left && column <= r.right)
      return block.cells[row - r.top][column - r.left];
  }
  return undefined;
}

/**
 * Headers already read, by the plan's blocks and the table: a build rewrites every formula that
 * reads a table, and searching the blocks for the header row each time made a 5,000-row build
 * quadratic. Plans are never changed in place, so the blocks array identifies its headers.
 */
const headersRead = new WeakMap<SheetPlan["blocks"], Map<TablePlan, readonly string[]>>();

/** A table's column headers, as its header row holds them (texts, as Excel requires). */
export function tableHeaders(plan: SheetPlan, table: TablePlan): readonly string[] {
  let read = headersRead.get(plan.blocks);
  if (!read) headersRead.set(plan.blocks, (read = new Map<TablePlan, readonly string[]>()));
  const known = read.get(table);
  if (known) return known;
  const r = parseRange(table.range);
  const headers = Array.from({ length: r.right - r.left + 1 }, (_, i) => {
    const header = cellAt(plan, r.top, r.left + i);
    if (typeof header === "string") return header;
    return typeof header === "number" || typeof header === "boolean" ? String(header) : "";
  });
  read.set(table, headers);
  return headers;
}

/** A header inside brackets: `[`, `]`, `#` and `'` take an apostrophe before them (Excel's escape). */
function escapeHeader(header: string): string {
  return header.replace(/(['#[\]])/g, "'$1");
}

/**
 * The structured reference for a range that covers exactly the body rows of one or more adjacent
 * columns of a table, e.g. `Benefits[In use]` or `Benefits[[Sim low]:[Sim high]]`; null for any
 * other range (a part of the body, the header, a range beside the table).
 */
export function structuredReference(plan: SheetPlan, range: string, names?: TableNames): string | null {
  let byBlocks = referencesRead.get(plan.tables);
  if (!byBlocks) referencesRead.set(plan.tables, (byBlocks = new WeakMap()));
  let byNames = byBlocks.get(plan.blocks);
  if (!byNames)
    byBlocks.set(plan.blocks, (byNames = new Map<TableNames | undefined, Map<string, string | null>>()));
  let read = byNames.get(names);
  if (!read) byNames.set(names, (read = new Map<string, string | null>()));
  let reference = read.get(range);
  if (reference === undefined) read.set(range, (reference = referenceOver(plan, range, names)));
  return reference;
}

/**
 * References already worked out, by the plan's tables and blocks and the build's table names:
 * the formulas of a sheet repeat the same few ranges thousands of times.
 */
const referencesRead = new WeakMap<
  SheetPlan["tables"],
  WeakMap<SheetPlan["blocks"], Map<TableNames | undefined, Map<string, string | null>>>
>();

function referenceOver(plan: SheetPlan, range: string, names?: TableNames): string | null {
  const r = parseRange(range);
  for (const { table, body } of growingTables(plan)) {
    if (r.top !== body.top || r.bottom !== body.bottom || r.left < body.left || r.right > body.right)
      continue;
    const headers = tableHeaders(plan, table);
    const name = names?.get(table.name) ?? table.name;
    const first = escapeHeader(headers[r.left - body.left]);
    if (r.left === r.right) return `${name}[${first}]`;
    return `${name}[[${first}]:[${escapeHeader(headers[r.right - body.left])}]]`;
  }
  return null;
}

const growingRead = new WeakMap<SheetPlan["tables"], readonly { table: TablePlan; body: RangeRef }[]>();

/**
 * The tables read by structured reference, with their body rows: only a table the template lets
 * grow in Excel (one with calculated columns: the line tables) is; other tables change only where
 * their source does. A table without body rows has no column body to name. Read once per plan:
 * every formula of a build asks.
 */
function growingTables(plan: SheetPlan): readonly { table: TablePlan; body: RangeRef }[] {
  const known = growingRead.get(plan.tables);
  if (known) return known;
  const growing = plan.tables.flatMap((table) => {
    if (!table.calculated) return [];
    const t = parseRange(table.range);
    return t.bottom <= t.top ? [] : [{ table, body: { ...t, top: t.top + 1 } }];
  });
  growingRead.set(plan.tables, growing);
  return growing;
}

/** A range whose rows are both absolute (`$M$61:$M$63`, `M$61:P$63`), outside names and sheet prefixes. */
const ABSOLUTE_RANGE =
  /(?<![A-Za-z0-9_.!$'])(\$?[A-Z]{1,3}\$[1-9][0-9]*):(\$?[A-Z]{1,3}\$[1-9][0-9]*)(?![A-Za-z0-9_.(!])/g;

/**
 * A formula with every range over whole table columns written as a structured reference. Only
 * ranges with absolute rows are read: a relative range is one a copy down would move, which is
 * never a table's whole body. Text in string literals is left alone.
 */
export function structuredFormula(plan: SheetPlan, formula: string, names?: TableNames): string {
  // A range over a table's body starts at its first body row, written `$<row>`: a formula without
  // one of those cannot hold one (most formulas of a sheet, and the cheap test keeps builds fast).
  const growing = growingTables(plan);
  if (!growing.some(({ body }) => formula.includes(`$${body.top + 1}:`))) return formula;
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(
            ABSOLUTE_RANGE,
            (whole, a: string, b: string) => structuredReference(plan, `${a}:${b}`, names) ?? whole,
          ),
    )
    .join("");
}

function structuredCell(plan: SheetPlan, cell: PlanCell, names?: TableNames): PlanCell {
  if (!isFormula(cell)) return cell;
  const live = cell.live === null ? null : structuredFormula(plan, cell.live, names);
  const portable = cell.portable === null ? null : structuredFormula(plan, cell.portable, names);
  return live === cell.live && portable === cell.portable ? cell : { live, portable };
}

/** The plan with its formulas' ranges over whole table columns written as structured references. */
export function withStructuredReferences(plan: SheetPlan, names?: TableNames): SheetPlan {
  if (!plan.tables.some((t) => t.calculated)) return plan;
  return {
    ...plan,
    blocks: plan.blocks.map((block) => ({
      ...block,
      cells: block.cells.map((row) => row.map((cell) => structuredCell(plan, cell, names))),
    })),
  };
}

/** The cells whose formula a structured reference changes: what a host rewrites once the tables exist. */
export function structuredCells(
  plan: SheetPlan,
  names?: TableNames,
): { row: number; column: number; cell: PlanFormula }[] {
  const out: { row: number; column: number; cell: PlanFormula }[] = [];
  for (const block of plan.blocks) {
    const origin = parseCell(block.at);
    block.cells.forEach((line, r) =>
      line.forEach((cell, c) => {
        const changed = structuredCell(plan, cell, names);
        if (changed !== cell && isFormula(changed))
          out.push({ row: origin.row + r, column: origin.column + c, cell: changed });
      }),
    );
  }
  return out;
}

/** A calculated column of a table: its header, sheet column and the formula of its first body row. */
export interface CalculatedColumn {
  /** Column inside the table (0 = its first). */
  readonly offset: number;
  readonly header: string;
  /** Sheet column, zero-based. */
  readonly column: number;
  /** The formula as written in the first body row; the other rows hold it copied down. */
  readonly formula: PlanFormula;
}

/**
 * The table's calculated columns (TablePlan.calculated) with the formula each fills down. The
 * formula is the one most body rows hold (in relative form): a row whose cell holds something
 * else (the user's value or formula, kept by a rebuild) is an exception, not the rule.
 */
export function calculatedColumns(plan: SheetPlan, table: TablePlan): CalculatedColumn[] {
  const t = parseRange(table.range);
  if (!table.calculated || t.bottom <= t.top) return [];
  const headers = tableHeaders(plan, table);
  return table.calculated.flatMap((offset) => {
    const column = t.left + offset;
    const forms = new Map<string, { count: number; row: number; cell: PlanFormula }>();
    for (let row = t.top + 1; row <= t.bottom; row++) {
      const cell = cellAt(plan, row, column);
      if (cell === undefined || !isFormula(cell)) continue;
      const key = `${relativeForm(cell.live ?? "", row)}\u0000${relativeForm(cell.portable ?? "", row)}`;
      const seen = forms.get(key);
      if (seen) seen.count++;
      else forms.set(key, { count: 1, row, cell });
    }
    let best: { count: number; row: number; cell: PlanFormula } | undefined;
    for (const f of forms.values()) if (!best || f.count > best.count) best = f;
    if (!best) return [];
    const shift = t.top + 1 - best.row;
    const at = (f: string | null): string | null => (f === null ? null : offsetFormulaRows(f, shift));
    return [
      {
        offset,
        header: headers[offset],
        column,
        formula: { live: at(best.cell.live), portable: at(best.cell.portable) },
      },
    ];
  });
}
