/** Tables: the workbook's or a worksheet's collection, and one table (id and name). */
import { rangeAddress, splitQualified } from "../../../src/shared/a1";
import type { FakeRequestContext } from "./context";
import { itemAlreadyExists, itemNotFound, OpError } from "./errors";
import { checkDefinedName, parseAddress, type SheetState, type TableState } from "./model";
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
  implements Subset<Excel.Table, "id" | "name" | "getRange" | "getDataBodyRange">
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
