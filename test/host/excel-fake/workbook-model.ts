/**
 * The workbook the fake's operations change: sheets, tables and names, with the rules Excel
 * keeps between them (unique names, tables that do not overlap, a name that follows its sheet
 * and turns into #REF! when the sheet is deleted).
 */
import { rangeAddress, sheetPrefix, splitQualified } from "../../../src/shared/a1";
import { itemNotFound, OpError } from "./errors";
import {
  checkSheetName,
  type NameRef,
  type NameState,
  overlaps,
  parseAddress,
  type SheetState,
  structuredRect,
  type TableState,
  type WorkbookState,
} from "./model";

export class WorkbookModel {
  readonly state: WorkbookState = {
    sheets: [],
    tables: [],
    names: new Map(),
    activeSheet: null,
    enableEvents: true,
  };
  private nextSheet = 1;
  private nextTable = 1;

  newSheet(name: string): SheetState {
    checkSheetName(name, this.state.sheets);
    const sheet: SheetState = {
      id: `{00000000-0001-0000-${String(this.nextSheet++).padStart(4, "0")}-000000000000}`,
      name,
      cells: new Map(),
      numberFormats: new Map(),
      formats: [],
      columnWidths: new Map(),
      validations: new Map(),
      conditionalFormats: [],
      freeze: null,
      charts: [],
      names: new Map(),
    };
    this.state.sheets.push(sheet);
    this.state.activeSheet ??= sheet;
    return sheet;
  }

  newTable(sheet: SheetState, range: string, hasHeaders: boolean): TableState {
    const rect = parseAddress(range);
    for (const t of this.state.tables)
      if (t.sheet === sheet && overlaps(parseAddress(t.range), rect))
        throw new OpError("InvalidOperation", "A table can't overlap another table.");
    let n = this.nextTable++;
    while (this.tableOrNameTaken(`Table${n}`)) n = this.nextTable++;
    const table: TableState = {
      id: String(n),
      name: `Table${n}`,
      sheet,
      range: rangeAddress(rect),
      hasHeaders,
    };
    this.state.tables.push(table);
    return table;
  }

  /** Table names share a namespace with each other and with workbook names. */
  tableOrNameTaken(name: string, except?: TableState): boolean {
    const lower = name.toLowerCase();
    return (
      this.state.tables.some((t) => t !== except && t.name.toLowerCase() === lower) ||
      this.state.names.has(lower)
    );
  }

  deleteSheet(sheet: SheetState): void {
    const i = this.state.sheets.indexOf(sheet);
    if (i < 0) throw itemNotFound();
    if (this.state.sheets.length === 1)
      throw new OpError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
    this.state.sheets.splice(i, 1);
    for (let t = this.state.tables.length - 1; t >= 0; t--)
      if (this.state.tables[t].sheet === sheet) this.state.tables.splice(t, 1);
    if (this.state.activeSheet === sheet) this.state.activeSheet = this.state.sheets[Math.max(0, i - 1)];
  }

  /** A sheet by id or by name (case-insensitive). */
  findSheet(key: string): SheetState | null {
    const lower = key.toLowerCase();
    return this.state.sheets.find((s) => s.id === key || s.name.toLowerCase() === lower) ?? null;
  }

  /** A name reference from a formula "=Sheet!$A$1"; anything else stays a formula. */
  nameRef(reference: unknown): NameRef {
    if (typeof reference !== "string")
      throw new OpError("InvalidArgument", "A name needs a formula or a range.");
    const formula = reference.startsWith("=") ? reference : `=${reference}`;
    const structured = /^=([A-Za-z_\\][A-Za-z0-9_.]*)(\[.*\])$/.exec(formula);
    const table = structured
      ? this.state.tables.find((t) => t.name.toLowerCase() === structured[1].toLowerCase())
      : undefined;
    if (structured && table) {
      if (!structuredRect(table, structured[2]))
        throw new OpError("InvalidArgument", `The reference ${formula} is not valid.`);
      return { table, columns: structured[2] };
    }
    const { sheet, address } = splitQualified(formula.slice(1));
    const target = sheet ? this.findSheet(sheet) : null;
    if (target && /^\$?[A-Za-z]{1,3}\$?\d+(:\$?[A-Za-z]{1,3}\$?\d+)?$/.test(address))
      return { sheet: target, address: address.toUpperCase() };
    return { formula };
  }

  nameFormula(state: NameState): string {
    const ref = state.ref;
    if ("formula" in ref) return ref.formula;
    if ("table" in ref) return `=${ref.table.name}${ref.columns}`;
    return this.state.sheets.includes(ref.sheet)
      ? `=${sheetPrefix(ref.sheet.name)}${ref.address}`
      : `=#REF!${ref.address}`;
  }
}
