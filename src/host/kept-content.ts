/**
 * What a rebuild keeps of the sheet it replaces, identified the way the user knows it: each
 * table's current body (however many rows it has now, rows typed below it included), each
 * workbook name over inputs, and the few inputs neither in a table nor under a name (the usage
 * block's model rows), which only a rebuild in the same layout version reads, at positions the
 * layout pin (test/templates/layout-pin.test.ts) holds still. Pure: both hosts read the old
 * sheet their own way into a KeptSheet, then put it into the new plan with keepInto.
 *
 * A cell the user typed over an input that the template fills with a default formula (a line's
 * low, high or risk) is theirs: a value, or a formula that is not the template's own (compared
 * row-relative, so a line that moved down still reads alike). A formula typed into an input stays
 * that formula in both dialects, never its value.
 */
import { parseCell, parseRange, type RangeRef } from "../shared/a1";
import { inputCells } from "../templates/cells";
import { isFormula, type PlanCell, type SheetPlan } from "../templates/plan";
import { formulaReads } from "./formula-reads";
import { relativeForm } from "./formula-rows";
import type { KeepReport } from "./workbook-host";

export type { KeepReport };
import { movePlanRows, planCellAt, tableBody, tableLabelCells } from "./plan-rows";

/** A cell as a rebuild reads it: a value, null for blank, or a formula typed (both dialects alike). */
export type KeptCell = PlanCell;

/**
 * A rectangle read from the old sheet: `top` and `left` are its first cell's zero-based position
 * there. A cell left `undefined` was not read (a migration that knows only some columns).
 */
export interface KeptRange {
  readonly top: number;
  readonly left: number;
  readonly cells: readonly (readonly (KeptCell | undefined)[])[];
}

export interface KeptSheet {
  /** Each table's current body, by lower-case table name. */
  readonly tables: ReadonlyMap<string, KeptRange>;
  /** Each workbook name's cells, by lower-case name. */
  readonly names: ReadonlyMap<string, KeptRange>;
  /** Inputs neither in a table nor under a name, by "row,column" (same layout version only). */
  readonly cells: ReadonlyMap<string, KeptCell>;
  /** What an upgrade from an older layout could not carry, in words. */
  readonly notCarried: readonly string[];
  /**
   * Whether a label of a kept matrix (a name with keyedBy; `row` its zero-based row there) named
   * its line by position rather than by the line's own label (an older layout's "Benefit 2" for a
   * line without one): such a row identifies no line. Absent: every non-blank label is the line's.
   */
  readonly positionalLabel?: (label: string, row: number) => boolean;
}

export const NOTHING_KEPT: KeptSheet = {
  tables: new Map(),
  names: new Map(),
  cells: new Map(),
  notCarried: [],
};

export const EMPTY_REPORT: KeepReport = { tables: [], names: 0, inputs: 0, formulas: 0, notCarried: [] };

/** What a host reads from the old sheet for a plan (see the file's comment). */
export interface KeepTargets {
  readonly tables: readonly string[];
  readonly names: readonly string[];
  /** Loose inputs by position; empty unless the old sheet has the plan's layout version. */
  readonly cells: readonly { readonly row: number; readonly column: number }[];
}

function contains(r: RangeRef, row: number, column: number): boolean {
  return row >= r.top && row <= r.bottom && column >= r.left && column <= r.right;
}

/** The plan's inputs and line labels, by "row,column". */
function keptPlaces(plan: SheetPlan): Set<string> {
  return new Set(
    [...inputCells(plan), ...tableLabelCells(plan)].map(({ row, column }) => `${row},${column}`),
  );
}

/**
 * The tables, names and loose inputs of a plan that a rebuild in the same layout reads: every
 * table, every name over an input that lies outside the tables, and the inputs under neither.
 */
export function keepTargets(plan: SheetPlan): KeepTargets {
  const tables = plan.tables.map((t) => parseRange(t.range));
  const inTable = (row: number, column: number): boolean => tables.some((t) => contains(t, row, column));
  const inputs = inputCells(plan).filter(({ row, column }) => !inTable(row, column));
  const names = plan.names.filter((n) => {
    const r = parseRange(n.range);
    return inputs.some(({ row, column }) => contains(r, row, column));
  });
  const named = names.map((n) => parseRange(n.range));
  // A matrix kept by label needs its labels as the old sheet has them.
  const keys = names.flatMap((n) => (n.keyedBy === undefined ? [] : [n.keyedBy]));
  return {
    tables: plan.tables.map((t) => t.name),
    names: [...names.map((n) => n.name), ...keys.filter((k) => !names.some((n) => n.name === k))],
    cells: inputs.filter(({ row, column }) => !named.some((r) => contains(r, row, column))),
  };
}

/** A formula's text compared as Excel gives it back: case and spaces do not matter. */
function normalised(formula: string): string {
  return formula.replace(/\s+/g, "").toUpperCase();
}

/**
 * Whether a kept formula at `fromRow` is the template's own formula of `planned` at `toRow`
 * (either dialect), read row-relative.
 */
function isTemplates(kept: string, fromRow: number, planned: PlanCell, toRow: number): boolean {
  if (!isFormula(planned)) return false;
  const mine = normalised(relativeForm(kept, fromRow));
  return [planned.live, planned.portable].some(
    (text) => text !== null && normalised(relativeForm(text, toRow)) === mine,
  );
}

/**
 * The content a rebuild writes at a kept place, or undefined to leave the plan's: over a value
 * input the kept content as it is (a cleared cell stays cleared); over a default formula a value
 * or a formula of the user's, while a blank or the template's own formula takes the default again.
 */
export function keptContent(
  kept: KeptCell | undefined,
  fromRow: number,
  planned: PlanCell | undefined,
  toRow: number,
): KeptCell | undefined {
  if (kept === undefined) return undefined;
  if (planned === undefined || !isFormula(planned)) return kept;
  if (kept === null || kept === "") return undefined;
  if (isFormula(kept) && kept.live !== null && isTemplates(kept.live, fromRow, planned, toRow))
    return undefined;
  return kept;
}

/**
 * A table body of `rows` rows in the plan: rows inserted inside it (copying its calculated
 * columns down, every range over it growing) or deleted from its end. A body of one row cannot
 * grow inside itself, and a table whose rows mirror lines elsewhere (the Stress sheet's) follows
 * its source, not what it held: both stay, and the caller reports the rows it could not carry.
 */
function resized(plan: SheetPlan, table: string, rows: number): SheetPlan {
  const body = tableBody(plan, table);
  if (!body || !calculatedAlike(plan, body)) return plan;
  const n = body.bottom - body.top + 1;
  if (rows > n && n >= 2) return movePlanRows(plan, { kind: "insert", at: body.bottom, count: rows - n });
  if (rows < n) return movePlanRows(plan, { kind: "delete", at: body.top + rows, count: n - rows });
  return plan;
}

/**
 * Whether each calculated column of a table body holds one formula, the same on every row read
 * row-relative, so that rows copied down are right. Input columns do not count: a sample line's
 * own driver formula is its content, replaced by what the user had. (The preview's row insert,
 * tableRowRefusal, also guards inputs: it keeps what they hold.)
 */
function calculatedAlike(
  plan: SheetPlan,
  body: { top: number; bottom: number; left: number; right: number },
): boolean {
  const inputs = new Set(inputCells(plan).map(({ row, column }) => `${row},${column}`));
  for (let column = body.left; column <= body.right; column++) {
    let seen: string | null | undefined;
    for (let row = body.top; row <= body.bottom; row++) {
      if (inputs.has(`${row},${column}`)) continue;
      const cell = planCellAt(plan, row, column);
      const form =
        cell !== undefined && isFormula(cell)
          ? `${cell.live === null ? "" : relativeForm(cell.live, row)}|${cell.portable === null ? "" : relativeForm(cell.portable, row)}`
          : null;
      if (seen === undefined) seen = form;
      else if (seen !== form) return false;
    }
  }
  return true;
}

/**
 * Whether a table's rows are the user's: its body holds an input or a line's label (the user adds
 * lines, so a rebuild keeps as many rows as they have now). A table without either (every cell the
 * template's formula) shows lines that live elsewhere, one per row, and its plan counts them.
 */
export function rowsAreUsers(plan: SheetPlan, table: string): boolean {
  const body = tableBody(plan, table);
  if (!body) return true;
  return [...keptPlaces(plan)].some((key) => {
    const [row, column] = key.split(",").map(Number);
    return row >= body.top && row <= body.bottom && column >= body.left && column <= body.right;
  });
}

/** Rows of a kept table that hold anything (trailing empty rows Excel keeps count too). */
function rowsOf(range: KeptRange): number {
  return Math.max(1, range.cells.length);
}

function hasContent(cell: KeptCell | undefined): boolean {
  return cell !== undefined && cell !== null && cell !== "";
}

/**
 * For each table, the input columns the template fills with one default formula on every row (a
 * line's low, high and risk), as that formula's row-relative form. A formula that differs from
 * row to row (a sample line's driver formula for its base) is the row's content, not a default.
 */
function defaultColumns(plan: SheetPlan): Map<string, Map<number, string>> {
  const inputs = new Set(inputCells(plan).map(({ row, column }) => `${row},${column}`));
  const out = new Map<string, Map<number, string>>();
  for (const t of plan.tables) {
    const body = tableBody(plan, t.name);
    if (!body) continue;
    const columns = new Map<number, string>();
    for (let column = body.left; column <= body.right; column++) {
      let form: string | null | undefined;
      for (let row = body.top; row <= body.bottom && form !== null; row++) {
        const cell = planCellAt(plan, row, column);
        if (!inputs.has(`${row},${column}`) || cell === undefined || !isFormula(cell) || cell.live === null)
          form = null;
        else {
          const here = normalised(relativeForm(cell.live, row));
          form = form === undefined || form === here ? here : null;
        }
      }
      if (typeof form === "string") columns.set(column, form);
    }
    out.set(t.name.toLowerCase(), columns);
  }
  return out;
}

/**
 * The plan with the kept content put in (see the file's comment), and what was kept. Tables take
 * their row count first (the user's, or at least the plan's for a table whose rows are not the
 * user's: rowsAreUsers), so everything below them moves as the rows do.
 */
export function keepInto(plan: SheetPlan, kept: KeptSheet): { plan: SheetPlan; report: KeepReport } {
  if (kept.tables.size + kept.names.size + kept.cells.size + kept.notCarried.length === 0)
    return { plan, report: EMPTY_REPORT };
  const defaults = defaultColumns(plan);
  const places = keptPlaces(plan);
  let out = plan;
  const notCarried = [...kept.notCarried];
  const tables: { name: string; rows: number; planned: number }[] = [];
  for (const t of plan.tables) {
    const range = kept.tables.get(t.name.toLowerCase());
    if (!range) continue;
    const before = tableBody(out, t.name);
    const planned = before ? before.bottom - before.top + 1 : 0;
    // A table that holds nothing of the user's has rows derived from elsewhere (the linked Stress
    // table shows the ROI tables' lines by position): the plan counted them, so it keeps at least
    // those; a row it holds beyond them is kept, in case the user typed into it.
    out = resized(out, t.name, rowsAreUsers(plan, t.name) ? rowsOf(range) : Math.max(rowsOf(range), planned));
    const after = tableBody(out, t.name);
    const rows = after ? after.bottom - after.top + 1 : 0;
    tables.push({ name: t.name, rows, planned });
    // Columns where a row holds what is the user's (inputs, the line's label), from the table's left.
    const own = before
      ? new Set(
          Array.from({ length: before.right - before.left + 1 }, (_, j) => j).filter((j) =>
            places.has(`${before.top},${before.left + j}`),
          ),
        )
      : new Set<number>();
    const lost = range.cells
      .slice(rows)
      .filter((line) => line.some((cell, j) => own.has(j) && hasContent(cell)));
    if (lost.length > 0)
      notCarried.push(
        `${t.name}: ${lost.length} of ${range.cells.length} rows (the new table has ${rows} and cannot grow to hold them)`,
      );
  }

  // Every place to fill, "row,column", with the content it takes.
  const target = keptPlaces(out);
  const inputs = new Set(inputCells(out).map(({ row, column }) => `${row},${column}`));
  const fills = new Map<string, { cell: KeptCell; input: boolean }>();
  const put = (
    row: number,
    column: number,
    cell: KeptCell | undefined,
    from: number,
    table?: string,
  ): void => {
    const key = `${row},${column}`;
    if (!target.has(key)) return;
    const planned = planCellAt(out, row, column);
    const fallback = table === undefined ? undefined : defaults.get(table)?.get(column);
    const isDefault =
      fallback !== undefined &&
      planned !== undefined &&
      isFormula(planned) &&
      planned.live !== null &&
      normalised(relativeForm(planned.live, row)) === fallback;
    // In a table, a cell that is not a default formula is the row's own: the user's content as is.
    // The template's own formula read back is not the user's: the plan's stays.
    if (
      cell !== undefined &&
      isFormula(cell) &&
      cell.live !== null &&
      planned !== undefined &&
      isTemplates(cell.live, from, planned, row)
    )
      return;
    const content = table !== undefined && !isDefault ? cell : keptContent(cell, from, planned, row);
    if (content !== undefined) fills.set(key, { cell: content, input: inputs.has(key) });
  };
  for (const t of out.tables) {
    const range = kept.tables.get(t.name.toLowerCase());
    const body = tableBody(out, t.name);
    if (!range || !body) continue;
    range.cells.forEach((line, i) => {
      if (body.top + i > body.bottom) return;
      line.forEach((cell, j) => {
        if (body.left + j <= body.right)
          put(body.top + i, body.left + j, cell, range.top + i, t.name.toLowerCase());
      });
    });
  }
  let names = 0;
  for (const n of out.names) {
    const read = kept.names.get(n.name.toLowerCase());
    const byLabel = read && n.keyedBy !== undefined ? keyedMatrix(out, n, read, kept) : null;
    if (byLabel) notCarried.push(...byLabel.notCarried);
    const range = byLabel ? byLabel.range : read;
    if (!range) continue;
    const r = parseRange(n.range);
    const before = fills.size;
    range.cells.forEach((line, i) =>
      line.forEach((cell, j) => {
        if (r.top + i <= r.bottom && r.left + j <= r.right) put(r.top + i, r.left + j, cell, range.top + i);
      }),
    );
    if (fills.size > before) names++;
  }
  for (const [key, cell] of kept.cells) {
    const [row, column] = key.split(",").map(Number);
    put(row, column, cell, row);
  }

  const blocks = out.blocks.map((block) => {
    const origin = parseCell(block.at);
    let changed = false;
    const cells = block.cells.map((line, r) =>
      line.map((cell, c) => {
        const fill = fills.get(`${origin.row + r},${origin.column + c}`);
        if (!fill) return cell;
        changed = true;
        return fill.cell;
      }),
    );
    return changed ? { ...block, cells } : block;
  });
  // Counted: inputs that take a value or a formula of the user's (a cleared input, or a line's
  // label, is carried but not counted).
  const values = [...fills.values()].filter((v) => v.input && v.cell !== null && v.cell !== "");
  return {
    plan: { ...out, blocks },
    report: {
      tables,
      names,
      inputs: values.length,
      formulas: values.filter((v) => isFormula(v.cell)).length,
      notCarried,
    },
  };
}

/** A label as the sheet holds it: its text, a blank label "". */
function labelText(cell: KeptCell | undefined): string {
  if (cell === undefined || cell === null || isFormula(cell)) return "";
  return String(cell);
}

/**
 * A label as the sheet compares it: the matrix applies only while each of its labels "=" the line
 * now at its position, and Excel's "=" on text ignores case but not spaces or accents
 * ("Model API" = "MODEL API"; "Model API " and "Model API" differ). The carry compares alike, so a
 * pair the sheet applies before a rebuild is applied after it.
 */
function labelKey(label: string): string {
  return label.toLowerCase();
}

/** A pair's content as a sentence shows it. */
function shownPair(value: KeptCell): string {
  return isFormula(value) ? (value.live ?? "") : String(value);
}

/**
 * A kept square matrix (a name with keyedBy) moved into the plan's rows and columns by label: the
 * row labelled X in the old matrix goes to the row labelled X in the new one, and its column with
 * it. A new line's row and column are blank (its diagonal the plan's). Reported as not carried,
 * when it held anything but 0: a pair whose line is gone; a pair of a label that names more than
 * one line (in the old matrix or among the lines now), since nothing tells which of them it was
 * written for, unless the labels are the same, row for row, as the sheet's own check requires to
 * apply the matrix (then nothing moves); a pair of a row without a label of its line's own (blank,
 * or an older layout's name by position, see KeptSheet.positionalLabel), which identifies no line
 * (a sort of the table moves an unlabelled line to another position), unless nothing moves; a
 * formula whose pair moves or that reads cells of the sheet the rebuild rewrites (see
 * carriedFormulas). Null when the old labels were not read (the matrix is then kept by position,
 * as any name).
 */
function keyedMatrix(
  plan: SheetPlan,
  name: SheetPlan["names"][number],
  read: KeptRange,
  kept: KeptSheet,
): { range: KeptRange; notCarried: string[] } | null {
  const oldLabels = kept.names.get((name.keyedBy ?? "").toLowerCase());
  const labelsPlan = plan.names.find((n) => n.name === name.keyedBy);
  if (!oldLabels || !labelsPlan) return null;
  const where = parseRange(labelsPlan.range);
  const newLabels = Array.from({ length: where.bottom - where.top + 1 }, (_, i) =>
    labelText(planCellAt(plan, where.top + i, where.left)),
  );
  const old = oldLabels.cells.map((row) => labelText(row[0]));
  // A name by position is no line's label, even where a line now has that label.
  const positional = (a: number): boolean => kept.positionalLabel?.(old[a], a) ?? false;
  const sameLines =
    old.length === newLabels.length &&
    old.every((o, k) => labelKey(o) === labelKey(newLabels[k]) && !positional(k));
  const counts = (labels: readonly string[]): Map<string, number> => {
    const out = new Map<string, number>();
    for (const l of labels) out.set(labelKey(l), (out.get(labelKey(l)) ?? 0) + 1);
    return out;
  };
  const [oldCounts, newCounts] = [counts(old), counts(newLabels)];
  const repeated = (label: string): boolean =>
    !sameLines && ((oldCounts.get(labelKey(label)) ?? 0) > 1 || (newCounts.get(labelKey(label)) ?? 0) > 1);
  // An old row that names no line of its own: blank, or named by its position.
  const anonymous = (a: number): boolean => old[a] === "" || positional(a);
  // Row i of the new matrix: the old row with the same label, or -1 (a new line, or a label that
  // does not say which line it is).
  const from = newLabels.map((label, i) => {
    if (sameLines) return i;
    if (label === "" || repeated(label)) return -1;
    return old.findIndex((o, a) => labelKey(o) === labelKey(label) && !anonymous(a));
  });
  const used = new Set(from.filter((a) => a >= 0));
  const matrix = parseRange(name.range);
  const carried = carriedFormulas(plan.sheet, matrix, read, from);
  const notCarried: string[] = [];
  const cells = newLabels.map((_, i) =>
    newLabels.map((__, j): KeptCell | undefined => {
      const a = from[i];
      const b = from[j];
      if (a < 0 || b < 0) return i === j ? undefined : null;
      const value = read.cells[a]?.[b];
      if (i === j || value === undefined || !isFormula(value) || carried.kept.has(`${i},${j}`)) return value;
      notCarried.push(
        `${name.name}: ${shownPair(value)} between “${newLabels[i] || "(blank)"}” and “${newLabels[j] || "(blank)"}” (${
          carried.moves.has(`${i},${j}`)
            ? "a formula whose pair moves in the rebuilt matrix, where it would read other cells"
            : "a formula reading cells the rebuild rewrites"
        }: type it again)`,
      );
      // Blank: the simulation takes the other triangle's entry (a blank pair mirrors it).
      return null;
    }),
  );
  for (let a = 0; a < old.length; a++)
    for (let b = a + 1; b < old.length; b++) {
      if (used.has(a) && used.has(b)) continue;
      const value = read.cells[a]?.[b] ?? read.cells[b]?.[a];
      if (value === undefined || !hasContent(value) || value === 0) continue;
      const unnamed = [a, b].find((x) => anonymous(x) && !used.has(x));
      const many = [old[a], old[b]].find((l) => repeated(l));
      notCarried.push(
        `${name.name}: ${shownPair(value)} between “${old[a] || "(blank)"}” and “${old[b] || "(blank)"}” (${
          unnamed !== undefined
            ? old[unnamed] === ""
              ? "a row without a label, so which line it was written for is not known: label the line and type the pair again"
              : `“${old[unnamed]}” named a line without a label by its position, so which line it was written for is not known: label the line and type the pair again`
            : many === undefined
              ? "a line no longer in the model"
              : `more than one line is labelled “${many || "(blank)"}”, so which one it was written for is not known`
        })`,
      );
    }
  return { range: { top: read.top, left: read.left, cells }, notCarried };
}

/**
 * The formula pairs of a kept matrix that a rebuild may write back as typed, by new "i,j": a
 * formula means the same after the rebuild only if every cell of this sheet it reads holds what it
 * held, and the rebuild rewrites them all but the matrix's pairs that stay where they were with
 * what they held. So a formula is kept when each cell of this sheet it reads is such a pair and,
 * if its own pair moves, its value does not depend on where it is: =ROI!B5 or =0.3 anywhere, a
 * mirror =E15 while neither pair moves. A mirror whose lines move reads another pair: left out,
 * as any formula the text cannot prove or that reads cells around the matrix; the user types it
 * again. `moves`: the formulas left out because their pair moves (each cell they read is a pair).
 */
function carriedFormulas(
  sheet: string,
  matrix: RangeRef,
  read: KeptRange,
  from: readonly number[],
): { kept: Set<string>; moves: Set<string> } {
  const inPlace = (i: number, j: number): boolean =>
    read.top === matrix.top && read.left === matrix.left && from[i] === i && from[j] === j;
  const moves = new Set<string>();
  const formulas = new Map<string, ReturnType<typeof formulaReads>>();
  // Pairs kept in place with what they held: values and blanks now, formulas while they prove so.
  const stays = new Set<string>();
  from.forEach((a, i) =>
    from.forEach((b, j) => {
      if (a < 0 || b < 0 || i === j) return;
      const value = read.cells[a]?.[b];
      if (value === undefined) return;
      const key = `${i},${j}`;
      if (!isFormula(value)) {
        if (inPlace(i, j)) stays.add(key);
        return;
      }
      const reads = value.live === null ? null : formulaReads(value.live, sheet);
      const inMatrix = (r: RangeRef): boolean =>
        r.top >= matrix.top && r.left >= matrix.left && r.bottom <= matrix.bottom && r.right <= matrix.right;
      if (!inPlace(i, j) && reads !== null && reads.ranges.every(inMatrix)) moves.add(key);
      formulas.set(key, reads);
      if (reads && (inPlace(i, j) || !reads.positional)) stays.add(key);
    }),
  );
  // A cell read stays what it was only if it is a pair kept in place (the diagonal and every
  // cell around the matrix are the plan's again).
  const readsKept = (r: RangeRef): boolean => {
    if (r.top < matrix.top || r.left < matrix.left || r.bottom > matrix.bottom || r.right > matrix.right)
      return false;
    for (let row = r.top; row <= r.bottom; row++)
      for (let column = r.left; column <= r.right; column++) {
        const [i, j] = [row - matrix.top, column - matrix.left];
        if (!inPlace(i, j) || !stays.has(`${i},${j}`)) return false;
      }
    return true;
  };
  // Drop the formulas that read a cell not kept, until none does (a formula reading a dropped one
  // is dropped in turn).
  for (let changed = true; changed;) {
    changed = false;
    for (const [key, reads] of formulas) {
      if (!stays.has(key) || !reads || reads.ranges.every(readsKept)) continue;
      stays.delete(key);
      changed = true;
    }
  }
  return { kept: new Set([...formulas.keys()].filter((key) => stays.has(key))), moves };
}

/** A formula the user typed, as a plan cell: the same text in both dialects. */
export function userFormula(formula: string): PlanCell {
  return { live: formula, portable: formula };
}

/** A cell's content as read from a host: text starting with "=" is a formula the user typed. */
export function keptFromRaw(raw: unknown): KeptCell | undefined {
  if (typeof raw === "string" && raw.startsWith("=")) return userFormula(raw);
  if (raw === null || raw === undefined || raw === "") return null;
  if (typeof raw === "number" || typeof raw === "string" || typeof raw === "boolean") return raw;
  return undefined;
}
