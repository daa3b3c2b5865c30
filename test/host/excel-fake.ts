/**
 * A recording fake of the part of Excel's JavaScript API that OfficeHost uses, for the host's
 * tests and the benchmarks (DESIGN.md section 6). It behaves like Office.js where OfficeHost could
 * get it wrong:
 *
 * - calls and property sets are queued on the request context and applied only at
 *   `context.sync()`, in order; `load` results appear after that sync, and reading a property
 *   that was not loaded throws PropertyNotLoaded;
 * - every sync is counted and its request measured as JSON (actions with their arguments, plus
 *   the object paths first used in it, as Office.js sends them); a request over 5 MB is rejected
 *   whole with RequestPayloadSizeLimitExceeded, as Excel on the web does;
 * - a failure can be injected at the Nth operation or at an operation matching a predicate; as in
 *   Excel, the operations of that request before it stay applied and the rest are dropped;
 * - the workbook is modelled as sheets of cells (formulas, values, number formats), range-level
 *   formats, column widths, tables, workbook and sheet names (a name follows its sheet's renames
 *   and turns into #REF! when the sheet is deleted), data validation, conditional formats, freeze
 *   panes and charts; `snapshot()` returns all of it as plain data to compare before and after.
 *
 * The subset, by Excel class (each fake class is checked against @types/office-js through
 * `Subset`, so member names and parameter types are the real ones; Excel objects are replaced by
 * their fakes and the context is cast at the boundary, in `run`):
 *   RequestContext: workbook, runtime, sync
 *   Workbook: worksheets, names, tables, application
 *   Application: suspendScreenUpdatingUntilNextSync, suspendApiCalculationUntilNextSync, calculate
 *   Runtime: enableEvents
 *   WorksheetCollection: items, add, getItem, getItemOrNullObject, getActiveWorksheet,
 *     onChanged, onCalculated (same names; EventHandlers are not checked: their class has a
 *     constructor the fake does not share)
 *   Worksheet: id, name, position, tables, charts, names, freezePanes, getRange,
 *     getUsedRangeOrNullObject, activate, delete
 *   Range: address, values, formulas, valueTypes, numberFormat, format, dataValidation,
 *     conditionalFormats; RangeFormat: font, fill, borders, columnWidth; RangeFont: color, bold,
 *     italic, size; RangeFill: color; RangeBorderCollection: getItem; RangeBorder: style, weight, color
 *   DataValidation: rule, errorAlert, clear
 *   ConditionalFormatCollection: add; ConditionalFormat: colorScale, cellValue, custom, with
 *     criteria, rule (and ConditionalFormatRule.formula), format.fill.color
 *   TableCollection: items, add, getItem, getItemOrNullObject; Table: id, name
 *   NamedItemCollection: items, add, getItem, getItemOrNullObject; NamedItem: name, formula,
 *     comment, type, value, delete, getRange
 *   ChartCollection: add; Chart: title.text, axes.categoryAxis/valueAxis.title.text,
 *     legend.visible, series, setPosition; ChartSeriesCollection: getItemAt, add;
 *     ChartSeries: name, setXAxisValues, setValues, setBubbleSizes
 *   WorksheetFreezePanes: freezeAt, freezeRows, freezeColumns
 *   ClientObject: load (string or string[] of property names, "items/x" on collections), isNullObject
 * What it does not model: calculation (a formula cell reads as empty unless `formulaValue` is
 * given), cell references inside formulas following renames, dates typed as text, response size.
 */
import {
  columnLetters,
  parseCell,
  parseRange,
  rangeAddress,
  rangeColumns,
  rangeRows,
  type RangeRef,
  sheetPrefix,
  splitQualified,
} from "../../src/templates/a1";
import type { CellValue } from "../../src/host/workbook-host";
import type { ExcelRunner } from "../../src/host/office";

// ---- typing the subset against @types/office-js --------------------------------------------------

type Fake<T> = T extends readonly (infer U)[]
  ? Fake<U>[]
  : T extends OfficeExtension.ClientObject
    ? FakeObject
    : T;
type FakeArgs<A extends readonly unknown[]> = { [I in keyof A]: Fake<A[I]> };
/** Members K of Excel class T, with their real names and parameter types; Excel objects become fakes. */
export type Subset<T, K extends keyof T> = {
  [P in K]: T[P] extends (...args: infer A) => infer R ? (...args: FakeArgs<A>) => Fake<R> : Fake<T[P]>;
};

// ---- limits and errors, as Office reports them --------------------------------------------------

/** Excel on the web rejects a request over 5 MB (docs/excel/performance.md). */
export const REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;

export interface DebugInfo {
  readonly code: string;
  readonly message: string;
  readonly errorLocation?: string;
  readonly statement?: string;
}

/** Shaped like OfficeExtension.Error ("RichApi.Error"): code, message, debugInfo.errorLocation. */
export class FakeRichApiError extends Error {
  readonly debugInfo: DebugInfo;
  readonly traceMessages: string[] = [];
  constructor(
    readonly code: string,
    message: string,
    errorLocation?: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
    this.debugInfo = {
      code,
      message,
      errorLocation,
      statement: errorLocation ? `${errorLocation}(...);` : undefined,
    };
  }
}

/** An error raised while applying an operation; becomes a FakeRichApiError naming the operation. */
class OpError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function propertyNotLoaded(property: string): FakeRichApiError {
  return new FakeRichApiError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

// ---- the workbook ------------------------------------------------------------------------------

export interface CellState {
  /** The formula as written ("=..."), or null for a constant. */
  readonly formula: string | null;
  readonly value: CellValue;
  readonly error?: boolean;
}

interface RangeOnSheet {
  readonly sheet: SheetState;
  readonly rect: RangeRef;
}

interface FormatRecord {
  readonly range: string;
  readonly property: string;
  readonly value: unknown;
}

interface ConditionalFormatState {
  readonly range: string;
  readonly type: string;
  readonly props: Record<string, unknown>;
}

/** A range a chart reads; it follows its sheet's renames, as Excel's references do. */
interface SheetRef {
  readonly sheet: SheetState;
  readonly address: string;
}

interface SeriesState {
  name: string;
  x: SheetRef | null;
  y: SheetRef | null;
  sizes: SheetRef | null;
}

interface ChartState {
  readonly type: string;
  readonly source: SheetRef;
  readonly seriesBy: string;
  title: string | null;
  xTitle: string | null;
  yTitle: string | null;
  legendVisible: boolean;
  position: { from: string; to: string | null } | null;
  readonly series: SeriesState[];
}

interface SheetState {
  readonly id: string;
  name: string;
  readonly cells: Map<string, CellState>;
  readonly numberFormats: Map<string, string>;
  readonly formats: FormatRecord[];
  readonly columnWidths: Map<string, number>;
  readonly validations: Map<
    string,
    { rule: Excel.DataValidationRule | null; errorAlert: Excel.DataValidationErrorAlert | null }
  >;
  readonly conditionalFormats: ConditionalFormatState[];
  freeze: string | null;
  readonly charts: ChartState[];
  readonly names: Map<string, NameState>;
}

interface TableState {
  readonly id: string;
  name: string;
  readonly sheet: SheetState;
  readonly range: string;
  readonly hasHeaders: boolean;
}

type NameRef = { readonly sheet: SheetState; readonly address: string } | { readonly formula: string };

interface NameState {
  readonly name: string;
  ref: NameRef;
  comment: string;
}

interface WorkbookState {
  readonly sheets: SheetState[];
  readonly tables: TableState[];
  readonly names: Map<string, NameState>;
  activeSheet: SheetState | null;
  enableEvents: boolean;
}

const key = (row: number, column: number): string => `${row},${column}`;

function cellsOf(rect: RangeRef): { row: number; column: number }[] {
  const out: { row: number; column: number }[] = [];
  for (let row = rect.top; row <= rect.bottom; row++)
    for (let column = rect.left; column <= rect.right; column++) out.push({ row, column });
  return out;
}

function contains(outer: RangeRef, row: number, column: number): boolean {
  return row >= outer.top && row <= outer.bottom && column >= outer.left && column <= outer.right;
}

function overlaps(a: RangeRef, b: RangeRef): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/** A column range "B:B" or "B:D" as a rectangle over every row. */
function parseAddress(address: string): RangeRef {
  const whole = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/.exec(address.trim());
  if (whole) {
    const a = parseRange(`${whole[1]}1`).left;
    const b = parseRange(`${whole[2]}1`).left;
    return { top: 0, bottom: 1_048_575, left: Math.min(a, b), right: Math.max(a, b) };
  }
  try {
    return parseRange(address);
  } catch {
    throw new OpError(
      "InvalidArgument",
      `The argument is invalid or missing or has an incorrect format: ${address}`,
    );
  }
}

const ERRORS = new Set([
  "#N/A",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
]);
const NUMBER = /^\s*[-+]?(?:\d+(?:,\d{3})*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?\s*(%?)\s*$/;

/**
 * What Excel makes of a value written to `values` or `formulas` (like typing it): null leaves the
 * cell, "" clears it, "=" (and "+" or "-" before non-numbers) starts a formula, "'" keeps text,
 * numbers, percentages, booleans and error literals become what they look like.
 */
function typed(input: unknown): CellState | "unchanged" | "clear" {
  if (input === null || input === undefined) return "unchanged";
  if (typeof input === "number") {
    if (!Number.isFinite(input)) throw new OpError("InvalidArgument", "A number must be finite.");
    return { formula: null, value: input };
  }
  if (typeof input === "boolean") return { formula: null, value: input };
  if (typeof input !== "string")
    throw new OpError("InvalidArgument", `Unsupported cell value: ${JSON.stringify(input)}`);
  if (input === "") return "clear";
  if (input.startsWith("'")) return { formula: null, value: input.slice(1) };
  if (input.startsWith("=")) return { formula: input, value: null };
  const number = NUMBER.exec(input);
  if (number) {
    const n = Number(input.replace(/[,%\s]/g, ""));
    return { formula: null, value: number[1] ? n / 100 : n };
  }
  if (input.startsWith("+") || input.startsWith("-")) return { formula: `=${input}`, value: null };
  if (/^(true|false)$/i.test(input)) return { formula: null, value: input.toLowerCase() === "true" };
  if (ERRORS.has(input.toUpperCase())) return { formula: null, value: input.toUpperCase(), error: true };
  return { formula: null, value: input };
}

const SHEET_NAME_BAD = /[[\]:*?/\\]/;

function checkSheetName(name: string, sheets: readonly SheetState[], self?: SheetState): void {
  if (!name || name.length > 31 || SHEET_NAME_BAD.test(name) || name.startsWith("'") || name.endsWith("'"))
    throw new OpError("InvalidArgument", `The sheet name "${name}" is not valid.`);
  if (sheets.some((s) => s !== self && s.name.toLowerCase() === name.toLowerCase()))
    throw new OpError("ItemAlreadyExists", `The resource being created already exists: ${name}`);
}

const NAME_OK = /^[A-Za-z_\\][A-Za-z0-9_.\\]*$/;

function checkDefinedName(name: string): void {
  if (!NAME_OK.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[rRcC]$/.test(name))
    throw new OpError("InvalidArgument", `The name "${name}" is not valid.`);
}

// ---- operations and requests ----------------------------------------------------------------------

/** What a failure predicate sees of an operation. */
export interface OpInfo {
  /** 0-based count of operations attempted since the fake was made. */
  readonly ordinal: number;
  /** Office class and member, as Office's errorLocation names them: "Range.formulas". */
  readonly location: string;
  readonly kind: "set" | "call" | "load";
  /** The sheet the operation is on, when it has one. */
  readonly sheet: string | null;
  readonly args: readonly unknown[];
}

interface QueuedOp {
  readonly target: FakeObject;
  readonly member: string;
  readonly kind: "set" | "call" | "load";
  readonly args: readonly unknown[];
  readonly apply: () => void;
}

/** One write of cells (or formats) and the state of Excel when it happened. */
export interface WriteRecord {
  readonly location: string;
  readonly sheet: string;
  readonly screenUpdatingSuspended: boolean;
  readonly calculationSuspended: boolean;
  readonly eventsEnabled: boolean;
}

export interface SyncRecord {
  readonly bytes: number;
  readonly operations: number;
  readonly rejected: string | null;
  readonly screenUpdatingSuspended: boolean;
  readonly calculationSuspended: boolean;
}

export interface FakeStats {
  syncs: number;
  largestPayloadBytes: number;
  totalPayloadBytes: number;
  readonly requests: SyncRecord[];
}

const OBJECT_PATH_TYPE = { property: 4, method: 3, global: 1 } as const;
const ACTION_TYPE = { set: 4, call: 3, load: 2 } as const;

/** Plain arguments as JSON, with fake objects replaced by their object-path ids (as Office sends them). */
function wireArgs(args: readonly unknown[]): unknown[] {
  return args.map((a) => (a instanceof FakeObject ? { _ObjectPathId: a.pathId } : a));
}

// ---- the fake Excel ------------------------------------------------------------------------------

export interface FakeExcelOptions {
  /** Requirement sets the fake host reports (ExcelApi minor version), default 1.9. */
  readonly apiVersion?: string;
  /** Computed values for formula cells; without it a formula cell reads as empty. */
  readonly formulaValue?: (sheet: string, address: string, formula: string) => CellValue;
  /** The request limit to enforce, default 5 MB. */
  readonly requestLimitBytes?: number;
}

export class FakeExcel {
  readonly state: WorkbookState = {
    sheets: [],
    tables: [],
    names: new Map(),
    activeSheet: null,
    enableEvents: true,
  };
  readonly stats: FakeStats = { syncs: 0, largestPayloadBytes: 0, totalPayloadBytes: 0, requests: [] };
  /** Every operation applied, as "Class.member". */
  readonly log: string[] = [];
  readonly writes: WriteRecord[] = [];
  calculations = 0;
  private ordinal = 0;
  private nextSheet = 1;
  private nextTable = 1;
  private failure: { when: (op: OpInfo) => boolean; code: string; message: string } | null = null;
  /** Flags of the request being applied. */
  screenSuspended = false;
  calculationSuspended = false;
  private readonly handlers = {
    changed: new Set<(args: Excel.WorksheetChangedEventArgs) => Promise<unknown>>(),
    calculated: new Set<(args: Excel.WorksheetCalculatedEventArgs) => Promise<unknown>>(),
  };
  private pendingEvents: (() => Promise<unknown>)[] = [];
  private deliveries: Promise<unknown>[] = [];
  readonly requestLimitBytes: number;

  constructor(readonly options: FakeExcelOptions = {}) {
    this.requestLimitBytes = options.requestLimitBytes ?? REQUEST_LIMIT_BYTES;
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
  failAt(
    n: number,
    code = "GeneralException",
    message = "There was an internal error while processing the request.",
  ): void {
    const at = this.ordinal + n;
    this.failure = { when: (op) => op.ordinal === at, code, message };
  }

  /** Fails the first operation matching `when`, once. */
  failWhen(
    when: (op: OpInfo) => boolean,
    code = "GeneralException",
    message = "There was an internal error while processing the request.",
  ): void {
    this.failure = { when, code, message };
  }

  /** Operations attempted so far (to aim failAt). */
  get operations(): number {
    return this.ordinal;
  }

  // ---- executing a request ----------------------------------------------------------------------

  /** Applies a request: measure, reject if too large, apply in order until a failure, fill loads. */
  async execute(ops: readonly QueuedOp[]): Promise<void> {
    await Promise.resolve();
    const bytes = this.measure(ops);
    this.stats.syncs++;
    this.stats.totalPayloadBytes += bytes;
    this.stats.largestPayloadBytes = Math.max(this.stats.largestPayloadBytes, bytes);
    if (bytes > this.requestLimitBytes) {
      this.stats.requests.push({
        bytes,
        operations: ops.length,
        rejected: "RequestPayloadSizeLimitExceeded",
        screenUpdatingSuspended: false,
        calculationSuspended: false,
      });
      throw new FakeRichApiError(
        "RequestPayloadSizeLimitExceeded",
        "The request payload size has exceeded the limit. See the Resource limits and performance optimization for Office Add-ins article for more information.",
      );
    }
    const record = {
      bytes,
      operations: ops.length,
      rejected: null as string | null,
      screenUpdatingSuspended: false,
      calculationSuspended: false,
    };
    this.stats.requests.push(record);
    this.screenSuspended = false;
    this.calculationSuspended = false;
    const loaded: (() => void)[] = [];
    this.loadResults = loaded;
    try {
      for (const op of ops) {
        const location = `${op.target.officeType}.${op.member}`;
        const ordinal = this.ordinal++;
        if (this.failure) {
          const info: OpInfo = {
            ordinal,
            location,
            kind: op.kind,
            sheet: op.target.sheetName(),
            args: op.args,
          };
          if (this.failure.when(info)) {
            const { code, message } = this.failure;
            this.failure = null;
            throw new FakeRichApiError(code, message, location);
          }
        }
        try {
          op.apply();
        } catch (error) {
          if (error instanceof FakeRichApiError) throw error;
          if (error instanceof OpError) throw new FakeRichApiError(error.code, error.message, location);
          throw error;
        }
        this.log.push(location);
      }
    } catch (error) {
      record.rejected = error instanceof FakeRichApiError ? error.code : "Error";
      this.finishRequest(record);
      throw error;
    }
    for (const fill of loaded) fill();
    this.finishRequest(record);
  }

  loadResults: (() => void)[] = [];

  private finishRequest(record: { screenUpdatingSuspended: boolean; calculationSuspended: boolean }): void {
    record.screenUpdatingSuspended = this.screenSuspended;
    record.calculationSuspended = this.calculationSuspended;
    this.screenSuspended = false;
    this.calculationSuspended = false;
    const events = this.pendingEvents;
    this.pendingEvents = [];
    if (events.length > 0)
      this.deliveries.push(
        new Promise((resolve) => setTimeout(resolve, 0)).then(() =>
          Promise.all(events.map((e) => e().catch(() => undefined))),
        ),
      );
  }

  /** The request as JSON: its actions with their arguments, and the object paths first used in it. */
  private measure(ops: readonly QueuedOp[]): number {
    const paths: Record<string, unknown> = {};
    const addPath = (o: FakeObject | null): void => {
      for (let p = o; p && !(p.pathId in paths) && !p.sent; p = p.parent) {
        paths[p.pathId] = {
          Id: p.pathId,
          ObjectPathType: p.parent ? OBJECT_PATH_TYPE[p.pathKind] : OBJECT_PATH_TYPE.global,
          Name: p.pathName,
          ParentObjectPathId: p.parent?.pathId,
          ArgumentInfo: { Arguments: wireArgs(p.pathArgs) },
        };
      }
    };
    const actions = ops.map((op, i) => {
      addPath(op.target);
      for (const a of op.args) if (a instanceof FakeObject) addPath(a);
      return {
        Id: i + 1,
        ActionType: ACTION_TYPE[op.kind],
        Name: op.member,
        ObjectPathId: op.target.pathId,
        ArgumentInfo: { Arguments: wireArgs(op.args) },
      };
    });
    for (const op of ops) op.target.markSent();
    return Buffer.byteLength(JSON.stringify({ Actions: actions, ObjectPaths: paths }), "utf8");
  }

  // ---- what the operations call ------------------------------------------------------------------

  noteWrite(location: string, sheet: SheetState, address: string, cells: boolean): void {
    this.writes.push({
      location,
      sheet: sheet.name,
      screenUpdatingSuspended: this.screenSuspended,
      calculationSuspended: this.calculationSuspended,
      eventsEnabled: this.state.enableEvents,
    });
    if (cells && this.state.enableEvents) this.queueChanged(sheet, address, "ThisLocalAddin");
  }

  private queueChanged(sheet: SheetState, address: string, trigger: "ThisLocalAddin" | "Unknown"): void {
    const args = {
      type: "WorksheetChanged",
      worksheetId: sheet.id,
      address,
      changeType: "RangeEdited",
      source: "Local",
      ...(this.isSetSupported("ExcelApi", "1.14") ? { triggerSource: trigger } : {}),
    } as unknown as Excel.WorksheetChangedEventArgs;
    for (const h of this.handlers.changed) this.pendingEvents.push(() => h(args));
  }

  queueCalculated(): void {
    if (!this.state.enableEvents) return;
    for (const sheet of this.state.sheets) {
      const args = {
        type: "WorksheetCalculated",
        worksheetId: sheet.id,
        address: "",
      } as unknown as Excel.WorksheetCalculatedEventArgs;
      for (const h of this.handlers.calculated) this.pendingEvents.push(() => h(args));
    }
  }

  addHandler(kind: "changed" | "calculated", handler: (args: never) => Promise<unknown>): void {
    (this.handlers[kind] as Set<unknown>).add(handler);
  }

  removeHandler(kind: "changed" | "calculated", handler: (args: never) => Promise<unknown>): void {
    (this.handlers[kind] as Set<unknown>).delete(handler);
  }

  get handlerCount(): number {
    return this.handlers.changed.size + this.handlers.calculated.size;
  }

  /** Waits until every event raised so far has been delivered and handled. */
  async idle(): Promise<void> {
    while (this.deliveries.length > 0) {
      const all = this.deliveries;
      this.deliveries = [];
      await Promise.all(all);
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }

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

  tableOrNameTaken(name: string, except?: TableState): boolean {
    const lower = name.toLowerCase();
    return (
      this.state.tables.some((t) => t !== except && t.name.toLowerCase() === lower) ||
      this.state.names.has(lower)
    );
  }

  deleteSheet(sheet: SheetState): void {
    const i = this.state.sheets.indexOf(sheet);
    if (i < 0) throw new OpError("ItemNotFound", "The requested resource doesn't exist.");
    if (this.state.sheets.length === 1)
      throw new OpError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
    this.state.sheets.splice(i, 1);
    for (let t = this.state.tables.length - 1; t >= 0; t--)
      if (this.state.tables[t].sheet === sheet) this.state.tables.splice(t, 1);
    if (this.state.activeSheet === sheet) this.state.activeSheet = this.state.sheets[Math.max(0, i - 1)];
  }

  findSheet(key: string): SheetState | null {
    const lower = key.toLowerCase();
    return this.state.sheets.find((s) => s.id === key || s.name.toLowerCase() === lower) ?? null;
  }

  /** A name reference from a formula "=Sheet!$A$1" or a range; anything else stays a formula. */
  nameRef(reference: unknown): NameRef {
    if (reference instanceof FakeRange) {
      const { sheet, rect } = reference.resolve();
      return { sheet, address: rangeAddress(rect, true) };
    }
    if (typeof reference !== "string")
      throw new OpError("InvalidArgument", "A name needs a formula or a range.");
    const formula = reference.startsWith("=") ? reference : `=${reference}`;
    const { sheet, address } = splitQualified(formula.slice(1));
    const target = sheet ? this.findSheet(sheet) : null;
    if (target && /^\$?[A-Za-z]{1,3}\$?\d+(:\$?[A-Za-z]{1,3}\$?\d+)?$/.test(address))
      return { sheet: target, address: address.toUpperCase() };
    return { formula };
  }

  nameFormula(state: NameState): string {
    const ref = state.ref;
    if ("formula" in ref) return ref.formula;
    return this.state.sheets.includes(ref.sheet)
      ? `=${sheetPrefix(ref.sheet.name)}${ref.address}`
      : `=#REF!${ref.address}`;
  }

  // ---- seeding and inspecting (tests) ------------------------------------------------------------

  /** Adds a sheet with cells written as a user would type them ("=A1*2", 5, "text"). */
  seedSheet(name: string, cells: Readonly<Record<string, unknown>> = {}): void {
    const sheet = this.newSheet(name);
    for (const [address, input] of Object.entries(cells)) {
      const { row, column } = parseCell(address);
      const t = typed(input);
      if (t !== "unchanged" && t !== "clear") sheet.cells.set(key(row, column), t);
    }
  }

  /** Adds a workbook-scoped name ("=Sheet!$A$1" or a constant "=1"). */
  seedName(name: string, formula: string, comment = ""): void {
    this.state.names.set(name.toLowerCase(), { name, ref: this.nameRef(formula), comment });
  }

  seedTable(sheetName: string, range: string, name: string): void {
    const sheet = this.findSheet(sheetName);
    if (!sheet) throw new Error(`no sheet ${sheetName}`);
    this.newTable(sheet, range, true).name = name;
  }

  /** A user's edit: the cell changes and, with events on, the change is reported as not the add-in's. */
  userEdit(sheetName: string, address: string, input: unknown): void {
    const sheet = this.findSheet(sheetName);
    if (!sheet) throw new Error(`no sheet ${sheetName}`);
    const { row, column } = parseCell(address);
    const t = typed(input);
    if (t === "clear") sheet.cells.delete(key(row, column));
    else if (t !== "unchanged") sheet.cells.set(key(row, column), t);
    if (this.state.enableEvents) this.queueChanged(sheet, address, "Unknown");
    this.finishRequest({ screenUpdatingSuspended: false, calculationSuspended: false });
  }

  sheet(name: string): SheetState {
    const sheet = this.findSheet(name);
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

  validationAt(
    sheetName: string,
    address: string,
  ): { rule: Excel.DataValidationRule | null; errorAlert: Excel.DataValidationErrorAlert | null } | null {
    const { row, column } = parseCell(address);
    return this.sheet(sheetName).validations.get(key(row, column)) ?? null;
  }

  /** A workbook name's formula ("=ROI!$B$5"), or null. */
  name(name: string): string | null {
    const state = this.state.names.get(name.toLowerCase());
    return state ? this.nameFormula(state) : null;
  }

  /** Everything in the workbook, as plain data, to compare before and after. */
  snapshot(): WorkbookSnapshot {
    const sortedEntries = <V>(map: Map<string, V>): [string, V][] =>
      [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const address = (k: string): string => {
      const [row, column] = k.split(",").map(Number);
      return `${columnLetters(column)}${row + 1}`;
    };
    return JSON.parse(
      JSON.stringify({
        activeSheet: this.state.activeSheet?.name ?? null,
        enableEvents: this.state.enableEvents,
        sheets: this.state.sheets.map((s) => ({
          id: s.id,
          name: s.name,
          cells: Object.fromEntries(sortedEntries(s.cells).map(([k, v]) => [address(k), v])),
          numberFormats: Object.fromEntries(sortedEntries(s.numberFormats).map(([k, v]) => [address(k), v])),
          formats: s.formats,
          columnWidths: Object.fromEntries(sortedEntries(s.columnWidths)),
          validations: Object.fromEntries(sortedEntries(s.validations).map(([k, v]) => [address(k), v])),
          conditionalFormats: s.conditionalFormats,
          freeze: s.freeze,
          charts: s.charts.map((c) => ({
            ...c,
            source: renderRef(this.state, c.source),
            series: c.series.map((x) => ({
              name: x.name,
              x: renderRef(this.state, x.x),
              y: renderRef(this.state, x.y),
              sizes: renderRef(this.state, x.sizes),
            })),
          })),
          names: sortedEntries(s.names).map(([, n]) => ({
            name: n.name,
            formula: this.nameFormula(n),
            comment: n.comment,
          })),
        })),
        tables: this.state.tables
          .map((t) => ({ id: t.id, name: t.name, sheet: t.sheet.name, range: t.range }))
          .sort((a, b) => (a.name < b.name ? -1 : 1)),
        names: sortedEntries(this.state.names).map(([, n]) => ({
          name: n.name,
          formula: this.nameFormula(n),
          comment: n.comment,
        })),
      }),
    ) as WorkbookSnapshot;
  }
}

export interface WorkbookSnapshot {
  readonly activeSheet: string | null;
  readonly enableEvents: boolean;
  readonly sheets: readonly {
    readonly id: string;
    readonly name: string;
    readonly cells: Readonly<Record<string, CellState>>;
    readonly numberFormats: Readonly<Record<string, string>>;
    readonly formats: readonly FormatRecord[];
    readonly columnWidths: Readonly<Record<string, number>>;
    readonly validations: Readonly<Record<string, unknown>>;
    readonly conditionalFormats: readonly unknown[];
    readonly freeze: string | null;
    readonly charts: readonly unknown[];
    readonly names: readonly { name: string; formula: string; comment: string }[];
  }[];
  readonly tables: readonly { id: string; name: string; sheet: string; range: string }[];
  readonly names: readonly { name: string; formula: string; comment: string }[];
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

// ---- proxies ---------------------------------------------------------------------------------------

let nextPathId = 1;

/** The base of every fake Excel object: an object path, queued operations, loaded properties. */
export abstract class FakeObject {
  abstract readonly officeType: string;
  readonly pathId = nextPathId++;
  sent = false;
  private bound: unknown = undefined;
  private loadedProps: Record<string, unknown> | null = null;
  private nullObject: boolean | null = null;

  constructor(
    readonly context: FakeRequestContext,
    readonly parent: FakeObject | null,
    readonly pathName: string,
    readonly pathArgs: readonly unknown[],
    readonly pathKind: "property" | "method",
    private readonly resolver: () => unknown,
    /** Bind to the first target found (Office tracks objects by reference inside Excel.run). */
    private readonly binds: boolean,
    /** A *OrNullObject: resolves to null instead of failing. */
    readonly orNull = false,
  ) {}

  get fake(): FakeExcel {
    return this.context.fake;
  }

  markSent(): void {
    if (this.sent) return;
    this.sent = true;
    this.parent?.markSent();
  }

  /** Binds an object created by an operation (worksheets.add, tables.add, ...). */
  bind(target: unknown): void {
    this.bound = target;
  }

  /** The target or null (a null object, or a null parent). Throws ItemNotFound for a missing item. */
  resolveOrNull(): unknown {
    if (this.bound !== undefined) {
      this.checkAlive(this.bound);
      return this.bound;
    }
    const target = this.resolver();
    if (target === null && !this.orNull) {
      const parentIsNull = this.parent?.orNullChain() ?? false;
      if (!parentIsNull) throw new OpError("ItemNotFound", "The requested resource doesn't exist.");
    }
    if (this.binds && target !== null) this.bound = target;
    return target;
  }

  /** Whether this object or an ancestor is a *OrNullObject. */
  orNullChain(): boolean {
    return this.orNull || (this.parent?.orNullChain() ?? false);
  }

  protected checkAlive(target: unknown): void {
    const state = this.fake.state;
    if (isSheet(target) && !state.sheets.includes(target))
      throw new OpError(
        "InvalidReference",
        "This reference is not valid for the current operation (the sheet was deleted).",
      );
  }

  /** The sheet name of the target, for failure predicates (null when it has none or cannot resolve). */
  sheetName(): string | null {
    try {
      const t = this.resolveOrNull();
      if (isSheet(t)) return t.name;
      if (t && typeof t === "object" && "sheet" in t && isSheet(t.sheet)) return t.sheet.name;
    } catch {
      // not resolvable yet
    }
    return this.parent?.sheetName() ?? null;
  }

  protected queue(kind: QueuedOp["kind"], member: string, args: readonly unknown[], apply: () => void): void {
    this.context.enqueue({ target: this, member, kind, args, apply });
  }

  /** Queues a property set; applied to the resolved target, or ignored on a null object. */
  protected set(member: string, value: unknown, apply: (target: never) => void): void {
    this.queue("set", member, [value], () => {
      const t = this.resolveOrNull();
      if (t !== null) apply(t as never);
    });
  }

  /** Queues a method call; ignored on a null object. */
  protected call(member: string, args: readonly unknown[], apply: (target: never) => void): void {
    this.queue("call", member, args, () => {
      const t = this.resolveOrNull();
      if (t !== null) apply(t as never);
    });
  }

  /** ClientObject.load: queued; the values appear after the sync. */
  load(properties?: string | string[]): this {
    const list = (Array.isArray(properties) ? properties : (properties ?? "").split(","))
      .map((p) => p.trim())
      .filter((p) => p !== "");
    this.queue("load", "load", [list.join(",")], () => {
      const t = this.resolveOrNull();
      const values = t === null ? null : this.read(t, list);
      this.fake.loadResults.push(() => {
        this.nullObject = t === null;
        if (values) this.loadedProps = { ...(this.loadedProps ?? {}), ...values };
      });
    });
    return this;
  }

  /** The loaded properties of a target (per class). */
  protected read(_target: unknown, _properties: readonly string[]): Record<string, unknown> {
    return {};
  }

  protected loaded<T>(property: string): T {
    if (!this.loadedProps || !(property in this.loadedProps)) throw propertyNotLoaded(property);
    return this.loadedProps[property] as T;
  }

  get isNullObject(): boolean {
    if (this.nullObject === null) throw propertyNotLoaded("isNullObject");
    return this.nullObject;
  }

  /** For collections: items whose properties were read with the collection. */
  protected setLoaded(values: Record<string, unknown>): void {
    this.loadedProps = { ...(this.loadedProps ?? {}), ...values };
    this.nullObject = false;
  }
}

function isSheet(t: unknown): t is SheetState {
  return typeof t === "object" && t !== null && "cells" in t && "numberFormats" in t;
}

/** Properties asked of a collection's items ("items/name" or "name"). */
function itemProps(properties: readonly string[]): string[] {
  return properties.map((p) => p.replace(/^items\//, "")).filter((p) => p !== "items");
}

// ---- request context, workbook, application, runtime ----------------------------------------------

export class FakeRequestContext implements Subset<Excel.RequestContext, "workbook" | "runtime" | "sync"> {
  readonly workbook: FakeWorkbook;
  readonly runtime: FakeRuntime;
  private ops: QueuedOp[] = [];

  constructor(readonly fake: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
    this.runtime = new FakeRuntime(this);
  }

  enqueue(op: QueuedOp): void {
    this.ops.push(op);
  }

  get pending(): number {
    return this.ops.length;
  }

  discard(): void {
    this.ops = [];
  }

  async sync(): Promise<void> {
    const ops = this.ops;
    this.ops = [];
    await this.fake.execute(ops);
  }
}

export class FakeWorkbook
  extends FakeObject
  implements Subset<Excel.Workbook, "worksheets" | "names" | "tables" | "application">
{
  readonly officeType = "Workbook";
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  readonly tables: FakeTableCollection;
  readonly application: FakeApplication;

  constructor(context: FakeRequestContext) {
    super(context, null, "workbook", [], "property", () => context.fake.state, true);
    this.worksheets = new FakeWorksheetCollection(context, this);
    this.names = new FakeNamedItemCollection(context, this, null);
    this.tables = new FakeTableCollection(context, this, null);
    this.application = new FakeApplication(context, this);
  }
}

export class FakeApplication
  extends FakeObject
  implements
    Subset<
      Excel.Application,
      "suspendScreenUpdatingUntilNextSync" | "suspendApiCalculationUntilNextSync" | "calculate"
    >
{
  readonly officeType = "Application";

  constructor(context: FakeRequestContext, parent: FakeObject) {
    super(context, parent, "application", [], "property", () => context.fake.state, true);
  }

  suspendScreenUpdatingUntilNextSync(): void {
    this.call("suspendScreenUpdatingUntilNextSync", [], () => {
      if (!this.fake.isSetSupported("ExcelApi", "1.9"))
        throw new OpError("ApiNotFound", "The API you are trying to use could not be found (ExcelApi 1.9).");
      this.fake.screenSuspended = true;
    });
  }

  suspendApiCalculationUntilNextSync(): void {
    this.call("suspendApiCalculationUntilNextSync", [], () => {
      this.fake.calculationSuspended = true;
    });
  }

  calculate(calculationType: string): void {
    this.call("calculate", [calculationType], () => {
      this.fake.calculations++;
      this.fake.queueCalculated();
    });
  }
}

export class FakeRuntime extends FakeObject implements Subset<Excel.Runtime, "enableEvents"> {
  readonly officeType = "Runtime";

  constructor(context: FakeRequestContext) {
    super(context, null, "runtime", [], "property", () => context.fake.state, true);
  }

  protected override read(target: WorkbookState): Record<string, unknown> {
    return { enableEvents: target.enableEvents };
  }

  get enableEvents(): boolean {
    return this.loaded("enableEvents");
  }

  set enableEvents(value: boolean) {
    this.set("enableEvents", value, (state: WorkbookState) => {
      state.enableEvents = value;
    });
  }
}

// ---- events ---------------------------------------------------------------------------------------

/** EventHandlers with Office's member names (add returns { context, remove }). */
export class FakeEventHandlers<T> {
  constructor(
    private readonly owner: FakeObject,
    private readonly kind: "changed" | "calculated",
    private readonly member: string,
  ) {}

  add(handler: (args: T) => Promise<unknown>): OfficeExtension.EventHandlerResult<T> {
    const owner = this.owner;
    const kind = this.kind;
    const queueOn = (member: string, apply: () => void): void => {
      owner.context.enqueue({ target: owner, member, kind: "call", args: [], apply });
    };
    queueOn(`${this.member}.add`, () => owner.fake.addHandler(kind, handler));
    // The result's context is the fake one: OfficeHost hands it back to the runner to remove.
    const result = {
      context: owner.context,
      remove: () => queueOn(`${this.member}.remove`, () => owner.fake.removeHandler(kind, handler)),
    };
    return result as unknown as OfficeExtension.EventHandlerResult<T>;
  }
}

// ---- worksheets -----------------------------------------------------------------------------------

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
      ws.fill(sheet, props);
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
      while (this.fake.findSheet(`Sheet${n}`)) n++;
      ws.bind(this.fake.newSheet(name ?? `Sheet${n}`));
    });
    return ws;
  }

  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, this, "getItem", [key], () => this.fake.findSheet(key));
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(
      this.context,
      this,
      "getItemOrNullObject",
      [key],
      () => this.fake.findSheet(key),
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

  fill(sheet: SheetState, props: readonly string[]): void {
    this.setLoaded(this.read(sheet, props.length > 0 ? props : ["id", "name", "position"]));
  }

  protected override read(sheet: SheetState, properties: readonly string[]): Record<string, unknown> {
    const all: Record<string, unknown> = {
      id: sheet.id,
      name: sheet.name,
      position: this.fake.state.sheets.indexOf(sheet),
    };
    const props = properties.length > 0 ? properties : Object.keys(all);
    return Object.fromEntries(props.filter((p) => p in all).map((p) => [p, all[p]]));
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
    this.call("delete", [], (sheet: SheetState) => this.fake.deleteSheet(sheet));
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

// ---- ranges -----------------------------------------------------------------------------------------

export class FakeRange
  extends FakeObject
  implements
    Subset<
      Excel.Range,
      | "address"
      | "values"
      | "formulas"
      | "valueTypes"
      | "numberFormat"
      | "format"
      | "dataValidation"
      | "conditionalFormats"
    >
{
  readonly officeType = "Range";
  readonly format: FakeRangeFormat;
  readonly dataValidation: FakeDataValidation;
  readonly conditionalFormats: FakeConditionalFormatCollection;

  constructor(
    context: FakeRequestContext,
    parent: FakeObject,
    pathName: string,
    args: readonly unknown[],
    resolver: () => unknown,
    orNull = false,
  ) {
    super(context, parent, pathName, args, "method", resolver, false, orNull);
    this.format = new FakeRangeFormat(context, this);
    this.dataValidation = new FakeDataValidation(context, this);
    this.conditionalFormats = new FakeConditionalFormatCollection(context, this);
  }

  resolve(): RangeOnSheet {
    const t = this.resolveOrNull() as RangeOnSheet | null;
    if (!t) throw new OpError("ItemNotFound", "The requested resource doesn't exist.");
    return t;
  }

  private cellValue(
    sheet: SheetState,
    row: number,
    column: number,
  ): { value: unknown; type: string; formula: unknown } {
    const cell = sheet.cells.get(key(row, column));
    if (!cell) return { value: "", type: "Empty", formula: "" };
    let value = cell.value;
    if (cell.formula !== null)
      value =
        this.fake.options.formulaValue?.(sheet.name, `${columnLetters(column)}${row + 1}`, cell.formula) ??
        null;
    const type =
      value === null || value === ""
        ? "Empty"
        : cell.error || (typeof value === "string" && ERRORS.has(value) && cell.formula !== null)
          ? "Error"
          : typeof value === "number"
            ? "Double"
            : typeof value === "boolean"
              ? "Boolean"
              : "String";
    return { value: value ?? "", type, formula: cell.formula ?? value ?? "" };
  }

  protected override read(t: RangeOnSheet, properties: readonly string[]): Record<string, unknown> {
    const { sheet, rect } = t;
    const cells = rangeRows(rect) * rangeColumns(rect);
    if (cells > 5_000_000)
      throw new OpError(
        "RangeExceedsLimit",
        "The cell count in the range has exceeded the maximum supported number.",
      );
    const props =
      properties.length > 0 ? properties : ["address", "values", "formulas", "valueTypes", "numberFormat"];
    const grid = <T>(f: (row: number, column: number) => T): T[][] =>
      Array.from({ length: rangeRows(rect) }, (_, r) =>
        Array.from({ length: rangeColumns(rect) }, (__, c) => f(rect.top + r, rect.left + c)),
      );
    const out: Record<string, unknown> = {};
    for (const p of props) {
      if (p === "address") out.address = `${sheetPrefix(sheet.name)}${rangeAddress(rect)}`;
      else if (p === "values") out.values = grid((r, c) => this.cellValue(sheet, r, c).value);
      else if (p === "formulas") out.formulas = grid((r, c) => this.cellValue(sheet, r, c).formula);
      else if (p === "valueTypes") out.valueTypes = grid((r, c) => this.cellValue(sheet, r, c).type);
      else if (p === "numberFormat")
        out.numberFormat = grid((r, c) => sheet.numberFormats.get(key(r, c)) ?? "General");
      else if (p === "rowCount") out.rowCount = rangeRows(rect);
      else if (p === "columnCount") out.columnCount = rangeColumns(rect);
    }
    return out;
  }

  get address(): string {
    return this.loaded("address");
  }

  get values(): unknown[][] {
    return this.loaded("values");
  }

  set values(values: unknown[][]) {
    this.writeCells("values", values);
  }

  get formulas(): unknown[][] {
    return this.loaded("formulas");
  }

  set formulas(formulas: unknown[][]) {
    this.writeCells("formulas", formulas);
  }

  get valueTypes(): Excel.RangeValueType[][] {
    return this.loaded("valueTypes");
  }

  get numberFormat(): unknown[][] {
    return this.loaded("numberFormat");
  }

  set numberFormat(formats: unknown[][]) {
    this.set("numberFormat", formats, (t: RangeOnSheet) => {
      this.checkShape(t.rect, formats);
      formats.forEach((row, r) =>
        row.forEach((f, c) => {
          if (f === null) return;
          const k = key(t.rect.top + r, t.rect.left + c);
          if (f === "" || f === "General") t.sheet.numberFormats.delete(k);
          else if (typeof f === "string") t.sheet.numberFormats.set(k, f);
          else throw new OpError("InvalidArgument", `Not a number format: ${JSON.stringify(f)}`);
        }),
      );
      this.fake.noteWrite("Range.numberFormat", t.sheet, rangeAddress(t.rect), false);
    });
  }

  private checkShape(rect: RangeRef, rows: readonly unknown[][]): void {
    if (
      !Array.isArray(rows) ||
      rows.length !== rangeRows(rect) ||
      rows.some((r) => !Array.isArray(r) || r.length !== rangeColumns(rect))
    )
      throw new OpError(
        "InvalidArgument",
        "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
      );
  }

  private writeCells(member: "values" | "formulas", rows: unknown[][]): void {
    this.set(member, rows, (t: RangeOnSheet) => {
      this.checkShape(t.rect, rows);
      rows.forEach((row, r) =>
        row.forEach((input, c) => {
          const k = key(t.rect.top + r, t.rect.left + c);
          const cell = typed(input);
          if (cell === "clear") t.sheet.cells.delete(k);
          else if (cell !== "unchanged") t.sheet.cells.set(k, cell);
        }),
      );
      this.fake.noteWrite(`Range.${member}`, t.sheet, rangeAddress(t.rect), true);
    });
  }
}

/** A property of a range's format kept as a record "font.color" = "#0000FF" over the range. */
abstract class FakeFormatPart extends FakeObject {
  constructor(
    context: FakeRequestContext,
    parent: FakeObject,
    pathName: string,
    args: readonly unknown[],
    private readonly range: FakeRange,
    private readonly prefix: string,
  ) {
    super(context, parent, pathName, args, "property", () => range.resolveOrNull(), false);
  }

  protected record(property: string, value: unknown, check?: (value: unknown) => void): void {
    this.set(property, value, (t: RangeOnSheet) => {
      check?.(value);
      t.sheet.formats.push({ range: rangeAddress(t.rect), property: `${this.prefix}${property}`, value });
      this.fake.noteWrite(`${this.officeType}.${property}`, t.sheet, rangeAddress(t.rect), false);
    });
  }

  protected override read(t: RangeOnSheet, properties: readonly string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const p of properties) {
      const values = new Set<unknown>();
      for (const { row, column } of cellsOf(t.rect)) {
        let v: unknown = null;
        for (const f of t.sheet.formats)
          if (f.property === `${this.prefix}${p}` && contains(parseAddress(f.range), row, column))
            v = f.value;
        values.add(v);
      }
      out[p] = values.size === 1 ? [...values][0] : null;
    }
    return out;
  }
}

const COLOR = /^(#[0-9A-Fa-f]{6}|[a-z]+)$/;
const checkColor = (v: unknown): void => {
  if (typeof v !== "string" || !COLOR.test(v))
    throw new OpError("InvalidArgument", `Not a colour: ${String(v)}`);
};

export class FakeRangeFormat
  extends FakeFormatPart
  implements Subset<Excel.RangeFormat, "font" | "fill" | "borders" | "columnWidth">
{
  readonly officeType = "RangeFormat";
  readonly font: FakeRangeFont;
  readonly fill: FakeRangeFill;
  readonly borders: FakeRangeBorderCollection;

  constructor(context: FakeRequestContext, range: FakeRange) {
    super(context, range, "format", [], range, "");
    this.font = new FakeRangeFont(context, this, range);
    this.fill = new FakeRangeFill(context, this, range);
    this.borders = new FakeRangeBorderCollection(context, this, range);
  }

  get columnWidth(): number {
    return this.loaded("columnWidth");
  }

  set columnWidth(points: number) {
    this.set("columnWidth", points, (t: RangeOnSheet) => {
      if (!(points >= 0)) throw new OpError("InvalidArgument", "A column width must be positive.");
      for (let c = t.rect.left; c <= t.rect.right; c++) t.sheet.columnWidths.set(columnLetters(c), points);
      this.fake.noteWrite("RangeFormat.columnWidth", t.sheet, rangeAddress(t.rect), false);
    });
  }
}

export class FakeRangeFont
  extends FakeFormatPart
  implements Subset<Excel.RangeFont, "color" | "bold" | "italic" | "size">
{
  readonly officeType = "RangeFont";

  constructor(context: FakeRequestContext, parent: FakeObject, range: FakeRange) {
    super(context, parent, "font", [], range, "font.");
  }

  get color(): string {
    return this.loaded("color");
  }
  set color(value: string) {
    this.record("color", value, checkColor);
  }
  get bold(): boolean {
    return this.loaded("bold");
  }
  set bold(value: boolean) {
    this.record("bold", value);
  }
  get italic(): boolean {
    return this.loaded("italic");
  }
  set italic(value: boolean) {
    this.record("italic", value);
  }
  get size(): number {
    return this.loaded("size");
  }
  set size(value: number) {
    this.record("size", value);
  }
}

export class FakeRangeFill extends FakeFormatPart implements Subset<Excel.RangeFill, "color"> {
  readonly officeType = "RangeFill";

  constructor(context: FakeRequestContext, parent: FakeObject, range: FakeRange) {
    super(context, parent, "fill", [], range, "fill.");
  }

  get color(): string {
    return this.loaded("color");
  }
  set color(value: string) {
    this.record("color", value, checkColor);
  }
}

const BORDER_INDEXES = new Set([
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideVertical",
  "InsideHorizontal",
  "DiagonalDown",
  "DiagonalUp",
]);

export class FakeRangeBorderCollection
  extends FakeObject
  implements Subset<Excel.RangeBorderCollection, "getItem">
{
  readonly officeType = "RangeBorderCollection";

  constructor(
    context: FakeRequestContext,
    parent: FakeObject,
    private readonly range: FakeRange,
  ) {
    super(context, parent, "borders", [], "property", () => range.resolveOrNull(), false);
  }

  getItem(index: string): FakeRangeBorder {
    if (!BORDER_INDEXES.has(index)) throw new Error(`InvalidArgument: border index ${index}`);
    return new FakeRangeBorder(this.context, this, this.range, index);
  }
}

export class FakeRangeBorder
  extends FakeFormatPart
  implements Subset<Excel.RangeBorder, "style" | "weight" | "color">
{
  readonly officeType = "RangeBorder";

  constructor(context: FakeRequestContext, parent: FakeObject, range: FakeRange, index: string) {
    super(context, parent, "getItem", [index], range, `border.${index}.`);
  }

  get style(): Excel.RangeBorder["style"] {
    return this.loaded("style");
  }
  set style(value: Excel.RangeBorder["style"]) {
    this.record("style", value);
  }
  get weight(): Excel.RangeBorder["weight"] {
    return this.loaded("weight");
  }
  set weight(value: Excel.RangeBorder["weight"]) {
    this.record("weight", value);
  }
  get color(): string {
    return this.loaded("color");
  }
  set color(value: string) {
    this.record("color", value, checkColor);
  }
}

// ---- data validation and conditional formats ---------------------------------------------------

export class FakeDataValidation
  extends FakeObject
  implements Subset<Excel.DataValidation, "rule" | "errorAlert" | "clear">
{
  readonly officeType = "DataValidation";

  constructor(context: FakeRequestContext, range: FakeRange) {
    super(context, range, "dataValidation", [], "property", () => range.resolveOrNull(), false);
  }

  get rule(): Excel.DataValidationRule {
    return this.loaded("rule");
  }

  set rule(rule: Excel.DataValidationRule) {
    this.set("rule", rule, (t: RangeOnSheet) => {
      const kinds = Object.keys(rule).filter((k) => (rule as Record<string, unknown>)[k] !== undefined);
      if (kinds.length !== 1)
        throw new OpError("InvalidArgument", "A data validation rule has exactly one type.");
      // Assumed from Excel's UI: a rule cannot be set over cells that already carry different rules.
      const existing = new Set(
        cellsOf(t.rect)
          .map(({ row, column }) => t.sheet.validations.get(key(row, column))?.rule)
          .filter((r) => r)
          .map((r) => JSON.stringify(r)),
      );
      if (existing.size > 1)
        throw new OpError(
          "InvalidOperation",
          "The range has more than one data validation rule; clear it first.",
        );
      for (const { row, column } of cellsOf(t.rect)) {
        const k = key(row, column);
        t.sheet.validations.set(k, {
          rule: JSON.parse(JSON.stringify(rule)) as Excel.DataValidationRule,
          errorAlert: t.sheet.validations.get(k)?.errorAlert ?? null,
        });
      }
      this.fake.noteWrite("DataValidation.rule", t.sheet, rangeAddress(t.rect), false);
    });
  }

  get errorAlert(): Excel.DataValidationErrorAlert {
    return this.loaded("errorAlert");
  }

  set errorAlert(alert: Excel.DataValidationErrorAlert) {
    this.set("errorAlert", alert, (t: RangeOnSheet) => {
      for (const { row, column } of cellsOf(t.rect)) {
        const k = key(row, column);
        t.sheet.validations.set(k, {
          rule: t.sheet.validations.get(k)?.rule ?? null,
          errorAlert: { ...alert },
        });
      }
    });
  }

  clear(): void {
    this.call("clear", [], (t: RangeOnSheet) => {
      for (const { row, column } of cellsOf(t.rect)) t.sheet.validations.delete(key(row, column));
    });
  }
}

const CONDITIONAL_TYPES = new Set([
  "Custom",
  "DataBar",
  "ColorScale",
  "IconSet",
  "TopBottom",
  "PresetCriteria",
  "ContainsText",
  "CellValue",
]);

export class FakeConditionalFormatCollection
  extends FakeObject
  implements Subset<Excel.ConditionalFormatCollection, "add">
{
  readonly officeType = "ConditionalFormatCollection";

  constructor(
    context: FakeRequestContext,
    private readonly range: FakeRange,
  ) {
    super(context, range, "conditionalFormats", [], "property", () => range.resolveOrNull(), false);
  }

  add(type: string): FakeConditionalFormat {
    const cf = new FakeConditionalFormat(this.context, this, type);
    this.call("add", [type], (t: RangeOnSheet) => {
      if (!CONDITIONAL_TYPES.has(type))
        throw new OpError("InvalidArgument", `Unknown conditional format type ${type}`);
      const state: ConditionalFormatState = { range: rangeAddress(t.rect), type, props: {} };
      t.sheet.conditionalFormats.push(state);
      cf.bind(state);
    });
    return cf;
  }
}

/** A conditional format and its parts: each property set lands in the format's `props` by path. */
export class FakeConditionalFormat
  extends FakeObject
  implements Subset<Excel.ConditionalFormat, "colorScale" | "cellValue" | "custom">
{
  readonly officeType = "ConditionalFormat";
  readonly colorScale: FakeColorScaleConditionalFormat;
  readonly cellValue: FakeCellValueConditionalFormat;
  readonly custom: FakeCustomConditionalFormat;

  constructor(context: FakeRequestContext, parent: FakeObject, type: string) {
    super(context, parent, "add", [type], "method", () => null, false);
    this.colorScale = new FakeColorScaleConditionalFormat(context, this);
    this.cellValue = new FakeCellValueConditionalFormat(context, this);
    this.custom = new FakeCustomConditionalFormat(context, this);
  }

  protected override checkAlive(): void {
    // bound at creation
  }
}

/** A typed part of a conditional format (colorScale, cellValue, custom); it checks the format's type. */
abstract class FakeConditionalPart extends FakeObject {
  constructor(
    context: FakeRequestContext,
    cf: FakeObject,
    pathName: string,
    readonly type: string,
  ) {
    super(context, cf, pathName, [], "property", () => cf.resolveOrNull(), false);
  }

  protected override checkAlive(): void {
    // the format is bound at creation
  }

  /** Sets a property of the format, kept under `path` in its props. */
  put(
    member: string,
    path: string,
    value: unknown,
    check?: (value: unknown) => void,
    by: FakeObject = this,
  ): void {
    by.context.enqueue({
      target: by,
      member,
      kind: "set",
      args: [value],
      apply: () => {
        const state = this.resolveOrNull() as ConditionalFormatState | null;
        if (state === null) return;
        if (state.type !== this.type)
          throw new OpError(
            "InvalidOperation",
            `This is a ${state.type} conditional format, not ${this.type}.`,
          );
        check?.(value);
        state.props[path] = JSON.parse(JSON.stringify(value)) as unknown;
      },
    });
  }
}

export class FakeColorScaleConditionalFormat
  extends FakeConditionalPart
  implements Subset<Excel.ColorScaleConditionalFormat, "criteria">
{
  readonly officeType = "ColorScaleConditionalFormat";

  constructor(context: FakeRequestContext, cf: FakeObject) {
    super(context, cf, "colorScale", "ColorScale");
  }

  get criteria(): Excel.ConditionalColorScaleCriteria {
    return this.loaded("criteria");
  }

  set criteria(value: Excel.ConditionalColorScaleCriteria) {
    this.put("criteria", "criteria", value, () => {
      for (const c of [value.minimum, value.midpoint, value.maximum]) if (c?.color) checkColor(c.color);
    });
  }
}

export class FakeCellValueConditionalFormat
  extends FakeConditionalPart
  implements Subset<Excel.CellValueConditionalFormat, "rule" | "format">
{
  readonly officeType = "CellValueConditionalFormat";
  readonly format: FakeConditionalRangeFormat;

  constructor(context: FakeRequestContext, cf: FakeObject) {
    super(context, cf, "cellValue", "CellValue");
    this.format = new FakeConditionalRangeFormat(context, this);
  }

  get rule(): Excel.ConditionalCellValueRule {
    return this.loaded("rule");
  }

  set rule(value: Excel.ConditionalCellValueRule) {
    this.put("rule", "rule", value);
  }
}

export class FakeCustomConditionalFormat
  extends FakeConditionalPart
  implements Subset<Excel.CustomConditionalFormat, "rule" | "format">
{
  readonly officeType = "CustomConditionalFormat";
  readonly rule: FakeConditionalRule;
  readonly format: FakeConditionalRangeFormat;

  constructor(context: FakeRequestContext, cf: FakeObject) {
    super(context, cf, "custom", "Custom");
    this.rule = new FakeConditionalRule(context, this);
    this.format = new FakeConditionalRangeFormat(context, this);
  }
}

export class FakeConditionalRule
  extends FakeObject
  implements Subset<Excel.ConditionalFormatRule, "formula">
{
  readonly officeType = "ConditionalFormatRule";

  constructor(
    context: FakeRequestContext,
    private readonly part: FakeConditionalPart,
  ) {
    super(context, part, "rule", [], "property", () => part.resolveOrNull(), false);
  }

  protected override checkAlive(): void {
    // the format is bound at creation
  }

  get formula(): string {
    return this.loaded("formula");
  }

  set formula(value: string) {
    this.part.put("formula", "rule.formula", value, undefined, this);
  }
}

export class FakeConditionalRangeFormat
  extends FakeObject
  implements Subset<Excel.ConditionalRangeFormat, "fill">
{
  readonly officeType = "ConditionalRangeFormat";
  readonly fill: FakeConditionalRangeFill;

  constructor(context: FakeRequestContext, part: FakeConditionalPart) {
    super(context, part, "format", [], "property", () => part.resolveOrNull(), false);
    this.fill = new FakeConditionalRangeFill(context, this, part);
  }

  protected override checkAlive(): void {
    // the format is bound at creation
  }
}

export class FakeConditionalRangeFill
  extends FakeObject
  implements Subset<Excel.ConditionalRangeFill, "color">
{
  readonly officeType = "ConditionalRangeFill";

  constructor(
    context: FakeRequestContext,
    parent: FakeObject,
    private readonly part: FakeConditionalPart,
  ) {
    super(context, parent, "fill", [], "property", () => part.resolveOrNull(), false);
  }

  protected override checkAlive(): void {
    // the format is bound at creation
  }

  get color(): string {
    return this.loaded("color");
  }

  set color(value: string) {
    this.part.put("color", "format.fill.color", value, checkColor, this);
  }
}

// ---- tables ---------------------------------------------------------------------------------------

export class FakeTableCollection
  extends FakeObject
  implements Subset<Excel.TableCollection, "items" | "add" | "getItem" | "getItemOrNullObject">
{
  readonly officeType = "TableCollection";

  constructor(
    context: FakeRequestContext,
    parent: FakeObject,
    /** The sheet of a Worksheet.tables collection; null for the workbook's. */
    private readonly worksheet: FakeWorksheet | null,
  ) {
    super(
      context,
      parent,
      "tables",
      [],
      "property",
      () => (worksheet ? worksheet.resolveOrNull() : context.fake.state),
      false,
    );
  }

  private scope(): TableState[] {
    const sheet = this.worksheet?.resolve() ?? null;
    return this.fake.state.tables.filter((t) => sheet === null || t.sheet === sheet);
  }

  protected override read(_target: unknown, properties: readonly string[]): Record<string, unknown> {
    const props = itemProps(properties);
    const items = this.scope().map((state) => {
      const table = new FakeTable(this.context, this, "getItem", [state.id], () => state);
      table.bind(state);
      table.fill(state, props);
      return table;
    });
    return { items };
  }

  get items(): FakeTable[] {
    return this.loaded("items");
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
          ? this.fake.findSheet(named)
          : (this.worksheet?.resolve() ?? this.fake.state.activeSheet);
        if (!found) throw new OpError("ItemNotFound", "The requested resource doesn't exist.");
        sheet = found;
        range = a;
      }
      if (this.worksheet && this.worksheet.resolve() !== sheet)
        throw new OpError("InvalidArgument", "The range is on another sheet.");
      table.bind(this.fake.newTable(sheet, range, hasHeaders));
    });
    return table;
  }

  getItem(key: string): FakeTable {
    return new FakeTable(this.context, this, "getItem", [key], () => this.find(key));
  }

  getItemOrNullObject(key: string): FakeTable {
    return new FakeTable(this.context, this, "getItemOrNullObject", [key], () => this.find(key), true);
  }

  private find(key: string): TableState | null {
    const lower = key.toLowerCase();
    return this.scope().find((t) => t.id === key || t.name.toLowerCase() === lower) ?? null;
  }
}

export class FakeTable extends FakeObject implements Subset<Excel.Table, "id" | "name"> {
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

  fill(state: TableState, props: readonly string[]): void {
    this.setLoaded(this.read(state, props.length > 0 ? props : ["id", "name"]));
  }

  protected override read(state: TableState, properties: readonly string[]): Record<string, unknown> {
    const all: Record<string, unknown> = { id: state.id, name: state.name };
    const props = properties.length > 0 ? properties : Object.keys(all);
    return Object.fromEntries(props.filter((p) => p in all).map((p) => [p, all[p]]));
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
      if (this.fake.tableOrNameTaken(value, state))
        throw new OpError("ItemAlreadyExists", `The resource being created already exists: ${value}`);
      state.name = value;
    });
  }
}

// ---- names ----------------------------------------------------------------------------------------

export class FakeNamedItemCollection
  extends FakeObject
  implements Subset<Excel.NamedItemCollection, "items" | "add" | "getItem" | "getItemOrNullObject">
{
  readonly officeType = "NamedItemCollection";

  constructor(
    context: FakeRequestContext,
    parent: FakeObject,
    /** The sheet of a Worksheet.names collection; null for the workbook's names. */
    private readonly worksheet: FakeWorksheet | null,
  ) {
    super(
      context,
      parent,
      "names",
      [],
      "property",
      () => (worksheet ? worksheet.resolveOrNull() : context.fake.state),
      false,
    );
  }

  private map(): Map<string, NameState> {
    return this.worksheet ? this.worksheet.resolve().names : this.fake.state.names;
  }

  protected override read(_target: unknown, properties: readonly string[]): Record<string, unknown> {
    const props = itemProps(properties);
    const items = [...this.map().values()].map((state) => {
      const item = new FakeNamedItem(
        this.context,
        this,
        "getItem",
        [state.name],
        () => state,
        false,
        this.worksheet,
      );
      item.bind(state);
      item.fill(state, props);
      return item;
    });
    return { items };
  }

  get items(): FakeNamedItem[] {
    return this.loaded("items");
  }

  add(name: string, reference: FakeObject | string, comment?: string): FakeNamedItem {
    const item = new FakeNamedItem(
      this.context,
      this,
      "add",
      [name, reference, comment],
      () => null,
      false,
      this.worksheet,
    );
    this.call("add", [name, reference, comment], () => {
      checkDefinedName(name);
      const map = this.map();
      const lower = name.toLowerCase();
      if (
        map.has(lower) ||
        (!this.worksheet && this.fake.state.tables.some((t) => t.name.toLowerCase() === lower))
      )
        throw new OpError("ItemAlreadyExists", `The resource being created already exists: ${name}`);
      const state: NameState = { name, ref: this.fake.nameRef(reference), comment: comment ?? "" };
      map.set(lower, state);
      item.bind(state);
    });
    return item;
  }

  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(
      this.context,
      this,
      "getItem",
      [name],
      () => this.map().get(name.toLowerCase()) ?? null,
      false,
      this.worksheet,
    );
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(
      this.context,
      this,
      "getItemOrNullObject",
      [name],
      () => this.map().get(name.toLowerCase()) ?? null,
      true,
      this.worksheet,
    );
  }
}

export class FakeNamedItem
  extends FakeObject
  implements
    Subset<Excel.NamedItem, "name" | "formula" | "comment" | "type" | "value" | "delete" | "getRange">
{
  readonly officeType = "NamedItem";

  constructor(
    context: FakeRequestContext,
    parent: FakeObject,
    pathName: string,
    args: readonly unknown[],
    resolver: () => unknown,
    orNull: boolean,
    private readonly worksheet: FakeWorksheet | null,
  ) {
    super(context, parent, pathName, args, "method", resolver, true, orNull);
  }

  private owner(): Map<string, NameState> {
    return this.worksheet ? this.worksheet.resolve().names : this.fake.state.names;
  }

  protected override checkAlive(target: unknown): void {
    if (![...this.owner().values()].includes(target as NameState))
      throw new OpError("InvalidReference", "The name no longer exists.");
  }

  fill(state: NameState, props: readonly string[]): void {
    this.setLoaded(
      this.read(state, props.length > 0 ? props : ["name", "formula", "comment", "type", "value"]),
    );
  }

  protected override read(state: NameState, properties: readonly string[]): Record<string, unknown> {
    const formula = this.fake.nameFormula(state);
    const constant = formula.slice(1);
    const type =
      "sheet" in state.ref
        ? formula.startsWith("=#REF!")
          ? "Error"
          : "Range"
        : NUMBER.test(constant)
          ? "Double"
          : /^(true|false)$/i.test(constant)
            ? "Boolean"
            : /^".*"$/.test(constant)
              ? "String"
              : "Error";
    const value =
      type === "Range"
        ? formula.slice(1)
        : type === "Double"
          ? Number(constant)
          : type === "Boolean"
            ? constant.toLowerCase() === "true"
            : type === "String"
              ? constant.slice(1, -1).replace(/""/g, '"')
              : formula.startsWith("=#REF!")
                ? "#REF!"
                : constant;
    const all: Record<string, unknown> = { name: state.name, formula, comment: state.comment, type, value };
    const props = properties.length > 0 ? properties : Object.keys(all);
    return Object.fromEntries(props.filter((p) => p in all).map((p) => [p, all[p]]));
  }

  get name(): string {
    return this.loaded("name");
  }

  get formula(): unknown {
    return this.loaded("formula");
  }

  set formula(value: unknown) {
    this.set("formula", value, (state: NameState) => {
      state.ref = this.fake.nameRef(value);
    });
  }

  get comment(): string {
    return this.loaded("comment");
  }

  set comment(value: string) {
    this.set("comment", value, (state: NameState) => {
      state.comment = value;
    });
  }

  get type(): Excel.NamedItem["type"] {
    return this.loaded("type");
  }

  get value(): unknown {
    return this.loaded("value");
  }

  delete(): void {
    this.call("delete", [], (state: NameState) => {
      this.owner().delete(state.name.toLowerCase());
    });
  }

  getRange(): FakeRange {
    return new FakeRange(this.context, this, "getRange", [], () => {
      const state = this.resolveOrNull() as NameState | null;
      if (!state) return null;
      const ref = state.ref;
      if (!("sheet" in ref) || !this.fake.state.sheets.includes(ref.sheet))
        throw new OpError("InvalidReference", "This reference is not valid for the current operation.");
      return { sheet: ref.sheet, rect: parseAddress(ref.address) };
    });
  }
}

// ---- charts ---------------------------------------------------------------------------------------

const CHART_TYPES = new Set(["Bubble", "Line", "BarClustered", "ColumnClustered", "XYScatter", "Pie"]);

function rangeRef(range: FakeObject | string, sheet: SheetState): SheetRef {
  if (range instanceof FakeRange) {
    const t = range.resolve();
    return { sheet: t.sheet, address: rangeAddress(t.rect) };
  }
  if (typeof range !== "string") throw new OpError("InvalidArgument", "A chart needs a range.");
  return { sheet, address: range };
}

/** "Sheet!A1:B2" with the sheet's current name, or "#REF!A1:B2" once it is gone. */
function renderRef(state: WorkbookState, ref: SheetRef | null): string | null {
  if (!ref) return null;
  return `${state.sheets.includes(ref.sheet) ? sheetPrefix(ref.sheet.name) : "#REF!"}${ref.address}`;
}

export class FakeChartCollection extends FakeObject implements Subset<Excel.ChartCollection, "add"> {
  readonly officeType = "ChartCollection";

  constructor(
    context: FakeRequestContext,
    private readonly worksheet: FakeWorksheet,
  ) {
    super(context, worksheet, "charts", [], "property", () => worksheet.resolveOrNull(), false);
  }

  add(type: string, sourceData: FakeObject, seriesBy?: string): FakeChart {
    const chart = new FakeChart(this.context, this, [type, sourceData, seriesBy]);
    this.call("add", [type, sourceData, seriesBy], (sheet: SheetState) => {
      if (!CHART_TYPES.has(type)) throw new OpError("InvalidArgument", `Unknown chart type ${type}`);
      if (!(sourceData instanceof FakeRange))
        throw new OpError("InvalidArgument", "The source must be a range.");
      const source = rangeRef(sourceData, sheet);
      const state: ChartState = {
        type,
        source,
        seriesBy: seriesBy ?? "Auto",
        title: null,
        xTitle: null,
        yTitle: null,
        legendVisible: true,
        position: null,
        series: [{ name: "Series1", x: null, y: source, sizes: null }],
      };
      sheet.charts.push(state);
      chart.bind(state);
      this.fake.noteWrite("ChartCollection.add", sheet, source.address, false);
    });
    return chart;
  }

  sheetState(): SheetState {
    return this.worksheet.resolve();
  }
}

/** A chart and its small parts (title, axes, legend) as property paths on the chart's state. */
export class FakeChart
  extends FakeObject
  implements Subset<Excel.Chart, "title" | "axes" | "legend" | "series" | "setPosition">
{
  readonly officeType = "Chart";
  readonly title: FakeChartText;
  readonly axes: FakeChartAxes;
  readonly legend: FakeChartLegend;
  readonly series: FakeChartSeriesCollection;

  constructor(
    context: FakeRequestContext,
    readonly collection: FakeChartCollection,
    args: readonly unknown[],
  ) {
    super(context, collection, "add", args, "method", () => null, false);
    this.title = new FakeChartText(context, this, "title", "ChartTitle", (c, v) => (c.title = v));
    this.axes = new FakeChartAxes(context, this);
    this.legend = new FakeChartLegend(context, this);
    this.series = new FakeChartSeriesCollection(context, this);
  }

  protected override checkAlive(): void {
    // bound at creation
  }

  setPosition(startCell: FakeObject | string, endCell?: FakeObject | string): void {
    this.call("setPosition", [startCell, endCell], (chart: ChartState) => {
      const address = (c: FakeObject | string): string => {
        if (c instanceof FakeRange) return rangeAddress(c.resolve().rect);
        if (typeof c === "string") return c;
        throw new OpError("InvalidArgument", "setPosition needs ranges or addresses.");
      };
      chart.position = { from: address(startCell), to: endCell === undefined ? null : address(endCell) };
    });
  }
}

class FakeChartPart extends FakeObject {
  constructor(
    context: FakeRequestContext,
    parent: FakeObject,
    pathName: string,
    readonly officeType: string,
  ) {
    super(context, parent, pathName, [], "property", () => parent.resolveOrNull(), false);
  }

  protected override checkAlive(): void {
    // the chart is bound at creation
  }
}

export class FakeChartAxes
  extends FakeChartPart
  implements Subset<Excel.ChartAxes, "categoryAxis" | "valueAxis">
{
  readonly categoryAxis: FakeChartAxis;
  readonly valueAxis: FakeChartAxis;

  constructor(context: FakeRequestContext, chart: FakeChart) {
    super(context, chart, "axes", "ChartAxes");
    this.categoryAxis = new FakeChartAxis(context, this, "categoryAxis", (c, v) => (c.xTitle = v));
    this.valueAxis = new FakeChartAxis(context, this, "valueAxis", (c, v) => (c.yTitle = v));
  }
}

export class FakeChartAxis extends FakeChartPart implements Subset<Excel.ChartAxis, "title"> {
  readonly title: FakeChartText;

  constructor(
    context: FakeRequestContext,
    axes: FakeChartAxes,
    pathName: string,
    apply: (chart: ChartState, value: string) => void,
  ) {
    super(context, axes, pathName, "ChartAxis");
    this.title = new FakeChartText(context, this, "title", "ChartAxisTitle", apply);
  }
}

export class FakeChartText extends FakeChartPart implements Subset<Excel.ChartTitle, "text"> {
  constructor(
    context: FakeRequestContext,
    parent: FakeObject,
    pathName: string,
    officeType: string,
    private readonly apply: (chart: ChartState, value: string) => void,
  ) {
    super(context, parent, pathName, officeType);
  }

  get text(): string {
    return this.loaded("text");
  }

  set text(value: string) {
    this.set("text", value, (chart: ChartState) => this.apply(chart, value));
  }
}

export class FakeChartLegend extends FakeChartPart implements Subset<Excel.ChartLegend, "visible"> {
  constructor(context: FakeRequestContext, chart: FakeChart) {
    super(context, chart, "legend", "ChartLegend");
  }

  get visible(): boolean {
    return this.loaded("visible");
  }

  set visible(value: boolean) {
    this.set("visible", value, (chart: ChartState) => {
      chart.legendVisible = value;
    });
  }
}

export class FakeChartSeriesCollection
  extends FakeChartPart
  implements Subset<Excel.ChartSeriesCollection, "getItemAt" | "add">
{
  constructor(
    context: FakeRequestContext,
    readonly chart: FakeChart,
  ) {
    super(context, chart, "series", "ChartSeriesCollection");
  }

  getItemAt(index: number): FakeChartSeries {
    return new FakeChartSeries(this.context, this, "getItemAt", [index], () => {
      const chart = this.chart.resolveOrNull() as ChartState | null;
      return chart ? (chart.series[index] ?? null) : null;
    });
  }

  add(name?: string, index?: number): FakeChartSeries {
    const series = new FakeChartSeries(this.context, this, "add", [name, index], () => null);
    this.call("add", [name, index], (chart: ChartState) => {
      const state: SeriesState = {
        name: name ?? `Series${chart.series.length + 1}`,
        x: null,
        y: null,
        sizes: null,
      };
      chart.series.splice(index ?? chart.series.length, 0, state);
      series.bind(state);
    });
    return series;
  }
}

export class FakeChartSeries
  extends FakeObject
  implements Subset<Excel.ChartSeries, "name" | "setXAxisValues" | "setValues" | "setBubbleSizes">
{
  readonly officeType = "ChartSeries";

  constructor(
    context: FakeRequestContext,
    private readonly collection: FakeChartSeriesCollection,
    pathName: string,
    args: readonly unknown[],
    resolver: () => unknown,
  ) {
    super(context, collection, pathName, args, "method", resolver, true);
  }

  protected override checkAlive(): void {
    // bound to its chart's state
  }

  private sheet(): SheetState {
    return this.collection.chart.collection.sheetState();
  }

  get name(): string {
    return this.loaded("name");
  }

  set name(value: string) {
    this.set("name", value, (s: SeriesState) => {
      s.name = value;
    });
  }

  setXAxisValues(sourceData: FakeObject): void {
    this.call("setXAxisValues", [sourceData], (s: SeriesState) => {
      s.x = rangeRef(sourceData, this.sheet());
    });
  }

  setValues(sourceData: FakeObject): void {
    this.call("setValues", [sourceData], (s: SeriesState) => {
      s.y = rangeRef(sourceData, this.sheet());
    });
  }

  setBubbleSizes(sourceData: FakeObject): void {
    this.call("setBubbleSizes", [sourceData], (s: SeriesState) => {
      const chart = this.collection.chart.resolveOrNull() as ChartState;
      if (chart.type !== "Bubble")
        throw new OpError("InvalidOperation", "Bubble sizes apply to bubble charts only.");
      s.sizes = rangeRef(sourceData, this.sheet());
    });
  }
}
