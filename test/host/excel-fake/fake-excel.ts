/**
 * FakeExcel: one fake Excel host with its workbook, request recorder and events, what tests and
 * benchmarks hold. It runs batches as Excel.run does, injects failures, seeds a workbook as a
 * user would have left it, and shows what Excel holds after the host has run.
 */
import { parseCell, rangeAddress } from "../../../src/shared/a1";
import type { ExcelRunner } from "../../../src/host/office";
import type { CellValue } from "../../../src/host/workbook-host";
import { typed } from "./cell-input";
import { FakeRequestContext } from "./context";
import { EventHub } from "./events";
import { type CellState, contains, key, parseAddress, type SheetState, type ValidationState } from "./model";
import { type FakeStats, type OpInfo, REQUEST_LIMIT_BYTES, RequestRecorder } from "./requests";
import { snapshotOf, type WorkbookSnapshot } from "./snapshot";
import { WorkbookModel } from "./workbook-model";

export interface FakeExcelOptions {
  /** Requirement sets the fake host reports (ExcelApi minor version), default 1.9. */
  readonly apiVersion?: string;
  /** Computed values for formula cells; without it a formula cell reads as empty. */
  readonly formulaValue?: (sheet: string, address: string, formula: string) => CellValue;
  /** The request limit to enforce, default 5 MB. */
  readonly requestLimitBytes?: number;
}

/** One write of cells (or formats) and the state of Excel when it happened. */
export interface WriteRecord {
  readonly location: string;
  readonly sheet: string;
  readonly screenUpdatingSuspended: boolean;
  readonly calculationSuspended: boolean;
  readonly eventsEnabled: boolean;
}

const GENERAL_CODE = "GeneralException";
const GENERAL_MESSAGE = "There was an internal error while processing the request.";

export class FakeExcel {
  readonly model = new WorkbookModel();
  readonly events: EventHub;
  readonly requests: RequestRecorder;
  readonly writes: WriteRecord[] = [];
  calculations = 0;
  readonly requestLimitBytes: number;

  constructor(readonly options: FakeExcelOptions = {}) {
    this.requestLimitBytes = options.requestLimitBytes ?? REQUEST_LIMIT_BYTES;
    this.events = new EventHub(this.model.state, this.isSetSupported);
    this.requests = new RequestRecorder(this.requestLimitBytes, () => this.events.deliver());
  }

  get state(): WorkbookModel["state"] {
    return this.model.state;
  }

  get stats(): FakeStats {
    return this.requests.stats;
  }

  /** Every operation applied, as "Class.member". */
  get log(): string[] {
    return this.requests.log;
  }

  /** Excel.run against this fake, with an optional context to reuse (as OfficeHost's runner takes). */
  readonly run: ExcelRunner = async <T>(
    batch: (context: Excel.RequestContext) => Promise<T>,
    reuse?: OfficeExtension.ClientRequestContext,
  ): Promise<T> => {
    const context = (reuse as unknown as FakeRequestContext | undefined) ?? new FakeRequestContext(this);
    let result: T;
    try {
      result = await batch(context as unknown as Excel.RequestContext);
    } catch (error) {
      context.discard();
      throw error;
    }
    // Excel.run sends what the batch left queued.
    if (context.pending > 0) await context.sync();
    return result;
  };

  /** Office.context.requirements.isSetSupported for this fake host. */
  readonly isSetSupported = (set: string, version: string): boolean => {
    if (set !== "ExcelApi") return false;
    const [a1, a2] = version.split(".").map(Number);
    const [b1, b2] = (this.options.apiVersion ?? "1.9").split(".").map(Number);
    return a1 < b1 || (a1 === b1 && (a2 ?? 0) <= b2);
  };

  // ---- injection -------------------------------------------------------------------------------

  /** Fails the operation `n` operations from now (0 = the next one), once. */
  failAt(n: number, code = GENERAL_CODE, message = GENERAL_MESSAGE): void {
    const at = this.requests.operations + n;
    this.requests.failWhen((op) => op.ordinal === at, code, message);
  }

  /**
   * Fails the first operation matching `when` as a lost connection does: that request and every
   * later one fail (a rollback cannot run), until the next failWhen.
   */
  loseConnectionWhen(when: (op: OpInfo) => boolean, message = "The connection to Excel was lost."): void {
    this.requests.failWhen(when, "ConnectionFailure", message, true);
  }

  /** Fails the first operation matching `when`, once. */
  failWhen(when: (op: OpInfo) => boolean, code = GENERAL_CODE, message = GENERAL_MESSAGE): void {
    this.requests.failWhen(when, code, message);
  }

  /** Operations attempted so far (to aim failAt). */
  get operations(): number {
    return this.requests.operations;
  }

  // ---- what the operations report ----------------------------------------------------------------

  /** Records a write with the request's flags; a write of cells raises a change event (events on). */
  noteWrite(location: string, sheet: SheetState, address: string, cells: boolean): void {
    this.writes.push({
      location,
      sheet: sheet.name,
      screenUpdatingSuspended: this.requests.screenSuspended,
      calculationSuspended: this.requests.calculationSuspended,
      eventsEnabled: this.state.enableEvents,
    });
    if (cells && this.state.enableEvents) this.events.queueChanged(sheet, address, "ThisLocalAddin");
  }

  get handlerCount(): number {
    return this.events.handlerCount;
  }

  /** Waits until every event raised so far has been delivered and handled. */
  async idle(): Promise<void> {
    await this.events.idle();
  }

  // ---- seeding (tests) ---------------------------------------------------------------------------

  /** Adds a sheet with cells written as a user would type them ("=A1*2", 5, "text"). */
  seedSheet(name: string, cells: Readonly<Record<string, unknown>> = {}): void {
    const sheet = this.model.newSheet(name);
    for (const [address, input] of Object.entries(cells)) {
      const { row, column } = parseCell(address);
      const t = typed(input);
      if (t !== "unchanged" && t !== "clear") sheet.cells.set(key(row, column), t);
    }
  }

  /** Adds a workbook-scoped name ("=Sheet!$A$1" or a constant "=1"). */
  seedName(name: string, formula: string, comment = ""): void {
    this.state.names.set(name.toLowerCase(), { name, ref: this.model.nameRef(formula), comment });
  }

  seedTable(sheetName: string, range: string, name: string): void {
    const sheet = this.model.findSheet(sheetName);
    if (!sheet) throw new Error(`no sheet ${sheetName}`);
    this.model.newTable(sheet, range, true).name = name;
  }

  /**
   * A user's edit: the cell changes and, with events on, the change is reported as not the
   * add-in's. A value typed in the row right below a table, within its columns, makes the table
   * one row longer, as Excel's AutoCorrect ("include new rows in the table", on by default) does.
   */
  userEdit(sheetName: string, address: string, input: unknown): void {
    const sheet = this.model.findSheet(sheetName);
    if (!sheet) throw new Error(`no sheet ${sheetName}`);
    const { row, column } = parseCell(address);
    const t = typed(input);
    if (t === "clear") sheet.cells.delete(key(row, column));
    else if (t !== "unchanged") sheet.cells.set(key(row, column), t);
    if (t !== "clear" && t !== "unchanged")
      for (const table of this.state.tables) {
        const r = parseAddress(table.range);
        if (table.sheet === sheet && row === r.bottom + 1 && column >= r.left && column <= r.right)
          table.range = rangeAddress({ ...r, bottom: r.bottom + 1 });
      }
    if (this.state.enableEvents) this.events.queueChanged(sheet, address, "Unknown");
    this.events.deliver();
  }

  // ---- inspecting (tests) ------------------------------------------------------------------------

  sheet(name: string): SheetState {
    const sheet = this.model.findSheet(name);
    if (!sheet) throw new Error(`no sheet named ${name}`);
    return sheet;
  }

  sheetNames(): string[] {
    return this.state.sheets.map((s) => s.name);
  }

  cell(sheetName: string, address: string): CellState | null {
    const { row, column } = parseCell(address);
    return this.sheet(sheetName).cells.get(key(row, column)) ?? null;
  }

  numberFormatAt(sheetName: string, address: string): string {
    const { row, column } = parseCell(address);
    return this.sheet(sheetName).numberFormats.get(key(row, column)) ?? "General";
  }

  /** The formats in effect on a cell ("font.color", "fill.color", "border.EdgeBottom.style", ...). */
  formatAt(sheetName: string, address: string): Record<string, unknown> {
    const { row, column } = parseCell(address);
    const out: Record<string, unknown> = {};
    for (const f of this.sheet(sheetName).formats)
      if (contains(parseAddress(f.range), row, column)) out[f.property] = f.value;
    return out;
  }

  validationAt(sheetName: string, address: string): ValidationState | null {
    const { row, column } = parseCell(address);
    return this.sheet(sheetName).validations.get(key(row, column)) ?? null;
  }

  /** A workbook name's formula ("=ROI!$B$5"), or null. */
  name(name: string): string | null {
    const state = this.state.names.get(name.toLowerCase());
    return state ? this.model.nameFormula(state) : null;
  }

  /** Everything in the workbook, as plain data, to compare before and after. */
  snapshot(): WorkbookSnapshot {
    return snapshotOf(this.model);
  }
}

/**
 * For benchmarks and tests: Excel.run against a fresh fake, with its statistics (syncs, largest
 * and total request bytes) kept up to date as the host runs.
 */
export function fakeExcelRun(options: FakeExcelOptions = {}): {
  run: ExcelRunner;
  stats: FakeStats;
  excel: FakeExcel;
  isSetSupported: (set: string, version: string) => boolean;
} {
  const excel = new FakeExcel(options);
  if (excel.state.sheets.length === 0) excel.seedSheet("Sheet1");
  return { run: excel.run, stats: excel.stats, excel, isSetSupported: excel.isSetSupported };
}
