/** Worksheets: the collection (with its events), one worksheet, and its freeze panes. */
import { rangeAddress } from "../../../src/shared/a1";
import { FakeChartCollection } from "./charts";
import type { FakeRequestContext } from "./context";
import { OpError } from "./errors";
import { FakeEventHandlers } from "./events";
import { checkSheetName, parseAddress, type SheetState, type WorkbookState } from "./model";
import { FakeNamedItemCollection } from "./names";
import { FakeObject, itemProps, pick } from "./object";
import { FakeRange } from "./ranges";
import type { Subset } from "./subset";
import { FakeTableCollection } from "./tables";

export class FakeWorksheetCollection
  extends FakeObject
  implements
    Subset<
      Excel.WorksheetCollection,
      "items" | "add" | "getItem" | "getItemOrNullObject" | "getActiveWorksheet"
    >
{
  readonly officeType = "WorksheetCollection";
  /** WorksheetCollection.onChanged (ExcelApi 1.9). */
  readonly onChanged: FakeEventHandlers<Excel.WorksheetChangedEventArgs>;
  /** WorksheetCollection.onCalculated (ExcelApi 1.8). */
  readonly onCalculated: FakeEventHandlers<Excel.WorksheetCalculatedEventArgs>;

  constructor(context: FakeRequestContext, parent: FakeObject) {
    super(context, parent, "worksheets", [], "property", () => context.fake.state, true);
    this.onChanged = new FakeEventHandlers(this, "changed", "onChanged");
    this.onCalculated = new FakeEventHandlers(this, "calculated", "onCalculated");
  }

  protected override read(state: WorkbookState, properties: readonly string[]): Record<string, unknown> {
    const props = itemProps(properties);
    const items = state.sheets.map((sheet) => {
      const ws = new FakeWorksheet(this.context, this, "getItem", [sheet.id], () => sheet);
      ws.bind(sheet);
      ws.markLoaded(sheet, props);
      return ws;
    });
    return { items };
  }

  get items(): FakeWorksheet[] {
    return this.loaded("items");
  }

  add(name?: string): FakeWorksheet {
    const ws = new FakeWorksheet(this.context, this, "add", [name], () => {
      throw new OpError("InvalidReference", "The sheet was not created.");
    });
    this.call("add", [name], () => {
      let n = this.fake.state.sheets.length + 1;
      while (this.fake.model.findSheet(`Sheet${n}`)) n++;
      ws.bind(this.fake.model.newSheet(name ?? `Sheet${n}`));
    });
    return ws;
  }

  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, this, "getItem", [key], () => this.fake.model.findSheet(key));
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(
      this.context,
      this,
      "getItemOrNullObject",
      [key],
      () => this.fake.model.findSheet(key),
      true,
    );
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, this, "getActiveWorksheet", [], () => this.fake.state.activeSheet);
  }
}

export class FakeWorksheet
  extends FakeObject
  implements
    Subset<
      Excel.Worksheet,
      | "id"
      | "name"
      | "position"
      | "tables"
      | "charts"
      | "names"
      | "freezePanes"
      | "getRange"
      | "getUsedRangeOrNullObject"
      | "activate"
      | "delete"
    >
{
  readonly officeType = "Worksheet";
  readonly tables: FakeTableCollection;
  readonly names: FakeNamedItemCollection;
  readonly charts: FakeChartCollection;
  readonly freezePanes: FakeFreezePanes;

  constructor(
    context: FakeRequestContext,
    parent: FakeObject,
    pathName: string,
    args: readonly unknown[],
    resolver: () => unknown,
    orNull = false,
  ) {
    super(context, parent, pathName, args, "method", resolver, true, orNull);
    this.tables = new FakeTableCollection(context, this, this);
    this.names = new FakeNamedItemCollection(context, this, this);
    this.charts = new FakeChartCollection(context, this);
    this.freezePanes = new FakeFreezePanes(context, this);
  }

  resolve(): SheetState {
    return this.resolveOrNull() as SheetState;
  }

  protected override read(sheet: SheetState, properties: readonly string[]): Record<string, unknown> {
    return pick(
      { id: sheet.id, name: sheet.name, position: this.fake.state.sheets.indexOf(sheet) },
      properties,
    );
  }

  get id(): string {
    return this.loaded("id");
  }

  get name(): string {
    return this.loaded("name");
  }

  set name(value: string) {
    this.set("name", value, (sheet: SheetState) => {
      checkSheetName(value, this.fake.state.sheets, sheet);
      sheet.name = value;
    });
  }

  get position(): number {
    return this.loaded("position");
  }

  set position(value: number) {
    this.set("position", value, (sheet: SheetState) => {
      const sheets = this.fake.state.sheets;
      sheets.splice(sheets.indexOf(sheet), 1);
      sheets.splice(Math.max(0, Math.min(value, sheets.length)), 0, sheet);
    });
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, this, "getRange", [address], () => {
      const sheet = this.resolveOrNull() as SheetState | null;
      return sheet ? { sheet, rect: parseAddress(address ?? "A1:XFD1048576") } : null;
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(
      this.context,
      this,
      "getUsedRangeOrNullObject",
      [valuesOnly],
      () => {
        const sheet = this.resolveOrNull() as SheetState | null;
        if (!sheet) return null;
        const rect = { top: Infinity, bottom: -Infinity, left: Infinity, right: -Infinity };
        const cover = (k: string): void => {
          const [row, column] = k.split(",").map(Number);
          rect.top = Math.min(rect.top, row);
          rect.bottom = Math.max(rect.bottom, row);
          rect.left = Math.min(rect.left, column);
          rect.right = Math.max(rect.right, column);
        };
        for (const k of sheet.cells.keys()) cover(k);
        if (!valuesOnly) for (const k of sheet.numberFormats.keys()) cover(k);
        return rect.top === Infinity ? null : { sheet, rect };
      },
      true,
    );
  }

  activate(): void {
    this.call("activate", [], (sheet: SheetState) => {
      this.fake.state.activeSheet = sheet;
    });
  }

  delete(): void {
    this.call("delete", [], (sheet: SheetState) => this.fake.model.deleteSheet(sheet));
  }
}

export class FakeFreezePanes
  extends FakeObject
  implements Subset<Excel.WorksheetFreezePanes, "freezeAt" | "freezeRows" | "freezeColumns">
{
  readonly officeType = "WorksheetFreezePanes";

  constructor(context: FakeRequestContext, parent: FakeWorksheet) {
    super(context, parent, "freezePanes", [], "property", () => parent.resolveOrNull(), false);
  }

  freezeAt(frozenRange: FakeObject | string): void {
    this.call("freezeAt", [frozenRange], (sheet: SheetState) => {
      if (frozenRange instanceof FakeRange) sheet.freeze = rangeAddress(frozenRange.resolve().rect);
      else if (typeof frozenRange === "string") sheet.freeze = frozenRange;
      else throw new OpError("InvalidArgument", "freezeAt needs a range or an address.");
    });
  }

  freezeRows(count?: number): void {
    this.call("freezeRows", [count], (sheet: SheetState) => {
      sheet.freeze = `rows:${count ?? 1}`;
    });
  }

  freezeColumns(count?: number): void {
    this.call("freezeColumns", [count], (sheet: SheetState) => {
      sheet.freeze = `columns:${count ?? 1}`;
    });
  }
}
