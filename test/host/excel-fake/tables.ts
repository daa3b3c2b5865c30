/** Tables: the workbook's or a worksheet's collection, and one table (id and name). */
import { offsetFormulaRows, relativeForm } from "../../../src/host/formula-rows";
import { rangeAddress, splitQualified } from "../../../src/shared/a1";
import { typed } from "./cell-input";
import type { FakeRequestContext } from "./context";
import { itemAlreadyExists, itemNotFound, OpError } from "./errors";
import { checkDefinedName, key, parseAddress, type SheetState, type TableState } from "./model";
import { FakeObject, pick } from "./object";
import { FakeRange } from "./ranges";
import { FakeScopedCollection } from "./scoped-collection";
import type { Subset } from "./subset";
import type { FakeWorksheet } from "./worksheets";

export class FakeTableCollection
  extends FakeScopedCollection<TableState, FakeTable>
  implements Subset<Excel.TableCollection, "items" | "add" | "getItem" | "getItemOrNullObject">
{
  readonly officeType = "TableCollection";

  constructor(context: FakeRequestContext, parent: FakeObject, worksheet: FakeWorksheet | null) {
    super(context, parent, "tables", worksheet);
  }

  protected override states(): TableState[] {
    const sheet = this.worksheet?.resolve() ?? null;
    return this.fake.state.tables.filter((t) => sheet === null || t.sheet === sheet);
  }

  protected override find(key: string): TableState | null {
    const lower = key.toLowerCase();
    return this.states().find((t) => t.id === key || t.name.toLowerCase() === lower) ?? null;
  }

  protected override keyOf(state: TableState): string {
    return state.id;
  }

  protected override item(
    pathName: string,
    args: readonly unknown[],
    resolver: () => unknown,
    orNull: boolean,
  ): FakeTable {
    return new FakeTable(this.context, this, pathName, args, resolver, orNull);
  }

  add(address: FakeObject | string, hasHeaders: boolean): FakeTable {
    const table = new FakeTable(this.context, this, "add", [address, hasHeaders], () => {
      throw new OpError("InvalidReference", "The table was not created.");
    });
    this.call("add", [address, hasHeaders], () => {
      let sheet: SheetState;
      let range: string;
      if (address instanceof FakeRange) {
        const t = address.resolve();
        sheet = t.sheet;
        range = rangeAddress(t.rect);
      } else {
        if (typeof address !== "string")
          throw new OpError("InvalidArgument", "A table needs a range or an address.");
        const { sheet: named, address: a } = splitQualified(address);
        const found = named
          ? this.fake.model.findSheet(named)
          : (this.worksheet?.resolve() ?? this.fake.state.activeSheet);
        if (!found) throw itemNotFound();
        sheet = found;
        range = a;
      }
      if (this.worksheet && this.worksheet.resolve() !== sheet)
        throw new OpError("InvalidArgument", "The range is on another sheet.");
      table.bind(this.fake.model.newTable(sheet, range, hasHeaders));
    });
    return table;
  }
}

export class FakeTable
  extends FakeObject
  implements Subset<Excel.Table, "id" | "name" | "getRange" | "getDataBodyRange" | "rows">
{
  readonly officeType = "Table";

  constructor(
    context: FakeRequestContext,
    parent: FakeObject,
    pathName: string,
    args: readonly unknown[],
    resolver: () => unknown,
    orNull = false,
  ) {
    super(context, parent, pathName, args, "method", resolver, true, orNull);
  }

  protected override checkAlive(target: unknown): void {
    if (!this.fake.state.tables.includes(target as TableState))
      throw new OpError("InvalidReference", "The table no longer exists.");
  }

  protected override read(state: TableState, properties: readonly string[]): Record<string, unknown> {
    return pick({ id: state.id, name: state.name }, properties);
  }

  get id(): string {
    return this.loaded("id");
  }

  get name(): string {
    return this.loaded("name");
  }

  set name(value: string) {
    this.set("name", value, (state: TableState) => {
      checkDefinedName(value);
      if (this.fake.model.tableOrNameTaken(value, state)) throw itemAlreadyExists(value);
      // Excel renames the table in every formula's structured references to it (names that refer
      // to it follow by themselves: they hold the table, not its name).
      const old = new RegExp(`(?<![A-Za-z0-9_.])${state.name.replace(/[.\\]/g, "\\$&")}\\[`, "gi");
      for (const sheet of this.fake.state.sheets)
        for (const [k, cell] of sheet.cells)
          if (cell.formula !== null && old.test(cell.formula)) {
            old.lastIndex = 0;
            sheet.cells.set(k, { ...cell, formula: cell.formula.replace(old, `${value}[`) });
          }
      state.name = value;
    });
  }

  /** The table's rows: rows.add grows the table as Excel does. */
  get rows(): FakeTableRowCollection {
    return new FakeTableRowCollection(this.context, this);
  }

  /** The whole table, header included, where it is now (it grows as Excel's tables do). */
  getRange(): FakeRange {
    return new FakeRange(this.context, this, "getRange", [], () => {
      const state = this.resolveOrNull() as TableState | null;
      if (!state) return null;
      return { sheet: state.sheet, rect: parseAddress(state.range) };
    });
  }

  /** The table's rows without its header. */
  getDataBodyRange(): FakeRange {
    return new FakeRange(this.context, this, "getDataBodyRange", [], () => {
      const state = this.resolveOrNull() as TableState | null;
      if (!state) return null;
      const rect = parseAddress(state.range);
      return { sheet: state.sheet, rect: { ...rect, top: rect.top + (state.hasHeaders ? 1 : 0) } };
    });
  }
}

/**
 * A table's rows (ExcelApi 1.1). `add(index, values)` inserts rows into the table before its body
 * row `index` (at the end without one), as Excel does: the cells of the table's columns from there
 * down move down, the table grows, a calculated column (one formula, the same in relative form on
 * every body row) fills into the new rows, and the values given land in them ("" leaves a cell as
 * filled); tables and names over the moved cells move with them. What the fake leaves out:
 * formulas are not rewritten for the moved cells (it computes nothing), nor formats or charts.
 */
export class FakeTableRowCollection extends FakeObject implements Subset<Excel.TableRowCollection, "add"> {
  readonly officeType = "TableRowCollection";

  constructor(context: FakeRequestContext, table: FakeTable) {
    super(context, table, "rows", [], "property", () => table.resolveOrNull(), false);
  }

  add(index?: number, given?: string | number | boolean | (string | number | boolean)[][]): FakeObject {
    // One row may be given as a single value; a 2-D array gives one array per row.
    const values: unknown[][] | undefined =
      given === undefined ? undefined : Array.isArray(given) ? given : [[given]];
    this.call("add", [index, given], (state: TableState) => {
      const rect = parseAddress(state.range);
      const bodyTop = rect.top + (state.hasHeaders ? 1 : 0);
      const n = rect.bottom - bodyTop + 1;
      const at = bodyTop + (index === undefined || index === null ? n : index);
      const count = values?.length ?? 1;
      if (at < bodyTop || at > rect.bottom + 1 || count < 1)
        throw new OpError("InvalidArgument", "The row index is outside the table.");
      const sheet = state.sheet;
      const calculated = new Map<number, string>();
      for (let column = rect.left; column <= rect.right; column++) {
        const forms = new Set<string>();
        let formulas = 0;
        for (let row = bodyTop; row <= rect.bottom; row++) {
          const formula = sheet.cells.get(key(row, column))?.formula ?? null;
          if (formula === null) continue;
          formulas++;
          forms.add(relativeForm(formula, row));
        }
        const first = sheet.cells.get(key(bodyTop, column))?.formula ?? null;
        if (n > 0 && formulas === n && forms.size === 1 && first !== null) calculated.set(column, first);
      }
      // The table's columns from `at` down move down by `count` rows, bottom first.
      const moving = [...sheet.cells.entries()]
        .map(([k, cell]) => {
          const [row, column] = k.split(",").map(Number);
          return { row, column, cell };
        })
        .filter(({ row, column }) => row >= at && column >= rect.left && column <= rect.right)
        .sort((a, b) => b.row - a.row);
      for (const { row, column, cell } of moving) {
        sheet.cells.delete(key(row, column));
        sheet.cells.set(key(row + count, column), cell);
      }
      // Tables and names over the moved cells move with them (a range the rows go into grows).
      const within = (r: { left: number; right: number }): boolean =>
        r.left >= rect.left && r.right <= rect.right;
      for (const other of this.fake.state.tables) {
        const o = parseAddress(other.range);
        if (other !== state && other.sheet === sheet && within(o) && o.top >= at)
          other.range = rangeAddress({ ...o, top: o.top + count, bottom: o.bottom + count });
      }
      for (const names of [this.fake.state.names, sheet.names])
        for (const name of names.values()) {
          const ref = name.ref;
          if (!("sheet" in ref) || ref.sheet !== sheet) continue;
          const r = parseAddress(ref.address);
          if (!within(r) || r.bottom < at) continue;
          const moved = { ...r, top: r.top >= at ? r.top + count : r.top, bottom: r.bottom + count };
          name.ref = { sheet, address: rangeAddress(moved, true) };
        }
      for (let k = 0; k < count; k++) {
        const row = at + k;
        for (let column = rect.left; column <= rect.right; column++) {
          const formula = calculated.get(column);
          if (formula !== undefined)
            sheet.cells.set(key(row, column), {
              formula: offsetFormulaRows(formula, row - bodyTop),
              value: null,
            });
          const given = values?.[k]?.[column - rect.left];
          if (given === undefined || given === null || given === "") continue;
          const cell = typed(given);
          if (cell !== "clear" && cell !== "unchanged") sheet.cells.set(key(row, column), cell);
        }
      }
      state.range = rangeAddress({ ...rect, bottom: rect.bottom + count });
      this.fake.noteWrite(
        "TableRowCollection.add",
        sheet,
        rangeAddress({ ...rect, top: at, bottom: at + count - 1 }),
        true,
      );
    });
    return this;
  }
}
