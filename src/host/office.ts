/**
 * OfficeHost: the WorkbookHost for Excel, through Office.js (DESIGN.md section 5). With the
 * shared-runtime bootstrap, the only module that touches `Excel.*`.
 *
 * How applyPlans runs, inside one Excel.run:
 *   1. read   - sheets, workbook names, the active sheet and the runtime's event flag (one sync);
 *               then which sheets are empty, their tables and sheet-scoped names, and for a rebuild
 *               over the template's own sheet the old input values (one more sync, two for very
 *               large inputs or an older copy marked by its own names);
 *   2. build  - each new sheet under a temporary name ("~genai-build-1"), so the user's sheets are
 *               untouched until everything has succeeded: every block as one 2-D `formulas` array
 *               (cut into row chunks), number formats, styles, widths, tables, validation,
 *               conditional formats, freeze panes, charts. The work is a list of steps packed into
 *               requests under a payload budget (Excel on the web rejects a request over 5 MB),
 *               each request about one sheet, so the number of syncs grows with the payload and
 *               the number of sheets only, never with rows or steps;
 *   3. commit - one request: the replaced sheets step aside, the new sheets take their names and
 *               places, the workbook names point at them, events come back on, Excel recalculates,
 *               and the replaced sheets are deleted last (the only step that cannot be undone);
 *   4. on a failure, roll back: read what exists now and undo it (delete the new sheets, restore
 *               sheet, table and workbook names, the active sheet and the event flag), then throw
 *               ApplyError naming the sheet and the step.
 * Screen updating and API calculation are suspended for each build request and events are off
 * from the first build request until the commit (or the rollback, or `finally`).
 *
 * Requirement sets: the manifest's floor is ExcelApi 1.9 (PLATFORM-NOTES.md), and each call below
 * says which set it needs. The only newer API used, WorksheetChangedEventArgs.triggerSource
 * (1.14), is read after `Office.context.requirements.isSetSupported`; without it the host tells
 * its own writes from the user's by itself.
 */
import {
  parseRange,
  rangeAddress,
  type RangeRef,
  rangeColumns,
  rangeRows,
  sheetPrefix,
  splitQualified,
} from "../templates/a1";
import { blockRange, cellInDialect, withInputs } from "../templates/cells";
import { numberFormat } from "../templates/formats";
import {
  type ChartPlan,
  type ConditionalFormatPlan,
  type Dialect,
  isFormula,
  type PlanCell,
  type PlanValue,
  type SheetPlan,
  TEMPLATE_IDS,
  type TemplateId,
  type ValidationPlan,
} from "../templates/plan";
import { COLORS, LOOKS } from "../templates/theme";
import { decidePlacements, type PlacementDecision, planConflicts } from "./apply-common";
import {
  ApplyError,
  type AppliedSheet,
  type ApplyOptions,
  type ApplyResult,
  type CellValue,
  type CellWrite,
  type ChangeEvent,
  type Conflict,
  type NameLocation,
  type SheetInfo,
  templateMarkerName,
  templateVersionName,
  type Unsubscribe,
  type WorkbookHost,
} from "./workbook-host";

// ---- how OfficeHost reaches Excel ------------------------------------------------------------

export type ExcelBatch<T> = (context: Excel.RequestContext) => Promise<T>;

/**
 * Excel.run, or a stand-in for it (tests, benchmarks): runs a batch in a new request context, or
 * in `reuse`'s context (removing an event handler must use the context that added it).
 */
export type ExcelRunner = <T>(
  batch: ExcelBatch<T>,
  reuse?: OfficeExtension.ClientRequestContext,
) => Promise<T>;

/** Excel.run (ExcelApi 1.1). */
export const excelRun: ExcelRunner = (batch, reuse) => (reuse ? Excel.run(reuse, batch) : Excel.run(batch));

/** The manifest's floor: ExcelApi 1.9 with SharedRuntime 1.1 (PLATFORM-NOTES.md). */
export const EXCEL_API_FLOOR = "1.9";

/** Office's requirement-set check; outside Office (tests, benchmarks) the manifest's floor. */
export function officeSupports(set: string, version: string): boolean {
  try {
    if (typeof Office !== "undefined" && Office.context?.requirements)
      return Office.context.requirements.isSetSupported(set, version);
  } catch {
    // fall through to the floor
  }
  return set === "ExcelApi" && compareVersions(version, EXCEL_API_FLOOR) <= 0;
}

function compareVersions(a: string, b: string): number {
  const [a1, a2] = a.split(".").map(Number);
  const [b1, b2] = b.split(".").map(Number);
  return a1 !== b1 ? a1 - b1 : (a2 ?? 0) - (b2 ?? 0);
}

export interface OfficeHostOptions {
  /** Requirement-set check; defaults to Office.context.requirements.isSetSupported. */
  readonly isSetSupported?: (set: string, version: string) => boolean;
  /** Largest estimated request in bytes; defaults to REQUEST_BUDGET_BYTES. */
  readonly requestBudgetBytes?: number;
}

// ---- payload budget ----------------------------------------------------------------------------

/**
 * Largest request OfficeHost builds, as estimated below. Excel on the web rejects a request over
 * 5 MB (RequestPayloadSizeLimitExceeded, docs/excel/performance.md); the estimate overstates the
 * real request, and the budget leaves room below 4 MB on top of that.
 */
export const REQUEST_BUDGET_BYTES = 3_500_000;
/** Rows of a block go out in chunks of about this size, so requests pack tightly under the budget. */
const CHUNK_BYTES = 900_000;
/** Estimated cost of one queued call or property set (action, object path, ids, names). */
const OPERATION_BYTES = 200;
/** Estimated response bytes per cell read (value and value type). */
const READ_BYTES_PER_CELL = 40;

/** UTF-8 length of a string, without allocating an encoded copy. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? "");
}

/**
 * Consecutive rows cut into chunks of at most `maxBytes` (JSON), never splitting a row. A single
 * row over the limit is a chunk by itself (the request budget check reports it).
 */
function rowChunks<T>(
  rows: readonly T[][],
  maxBytes: number,
): { start: number; rows: T[][]; bytes: number }[] {
  const chunks: { start: number; rows: T[][]; bytes: number }[] = [];
  let current: T[][] = [];
  let bytes = 2;
  let start = 0;
  rows.forEach((row, i) => {
    const size = jsonBytes(row) + 1;
    if (current.length > 0 && bytes + size > maxBytes) {
      chunks.push({ start, rows: current, bytes });
      current = [];
      bytes = 2;
      start = i;
    }
    current.push(row);
    bytes += size;
  });
  if (current.length > 0) chunks.push({ start, rows: current, bytes });
  return chunks;
}

// ---- steps: the unit of work, packed into requests ---------------------------------------------

/** One piece of work that queues Office.js calls; steps are packed into requests by size. */
interface Step {
  /** The sheet it is about, as the user will see it (for ApplyError). */
  readonly sheet: string;
  /** What it does, in words (for ApplyError and progress): "writing cells A1:R2000". */
  readonly label: string;
  /** The kind of step, when the label cannot be told apart: "writing cells". */
  readonly kind: string;
  /**
   * The Office.js members it calls ("Range.formulas"), to tell which step of a request an Excel
   * error came from: Office reports the failing member in `debugInfo.errorLocation`.
   */
  readonly apis: readonly string[];
  /** Estimated request bytes. */
  readonly bytes: number;
  readonly queue: (context: Excel.RequestContext) => void;
}

/**
 * Steps in order, cut into requests of at most `budget` estimated bytes, each about one sheet
 * (`bySheet`, for writes): Excel names only the failing member (debugInfo.errorLocation), so a
 * request that mixed sheets could not say which sheet failed.
 */
function packSteps(steps: readonly Step[], budget: number, bySheet = true): Step[][] {
  const batches: Step[][] = [];
  let current: Step[] = [];
  let bytes = 0;
  for (const step of steps) {
    const otherSheet = bySheet && current.length > 0 && step.sheet !== current[0].sheet;
    if (current.length > 0 && (bytes + step.bytes > budget || otherSheet)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(step);
    bytes += step.bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** A request that failed, with the step it failed in. */
class StepFailure extends Error {
  constructor(
    readonly step: Step,
    override readonly cause: unknown,
  ) {
    super(messageOf(cause));
    this.name = "StepFailure";
  }
}

/** The error Excel raised, without the step it was found in (for the read and write calls). */
function excelError(error: unknown): never {
  throw error instanceof StepFailure ? error.cause : error;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The step of a failed request that Excel's error points at (its debugInfo.errorLocation). When
 * several steps of the request call that member, only what they have in common is certain.
 */
function failedStep(batch: readonly Step[], error: unknown): Step {
  const location = (error as { debugInfo?: { errorLocation?: unknown } } | null)?.debugInfo?.errorLocation;
  const hits = typeof location === "string" ? batch.filter((s) => s.apis.includes(location)) : [];
  if (hits.length === 1) return hits[0];
  const candidates = hits.length > 0 ? hits : batch;
  const kinds = new Set(candidates.map((s) => s.kind));
  return { ...candidates[0], label: kinds.size === 1 ? candidates[0].kind : "building" };
}

// ---- cell contents -----------------------------------------------------------------------------

/**
 * Text that Excel would take for something else when it is written (a number, date, time,
 * boolean, error or formula: writing a string to `values` or `formulas` works like typing it)
 * gets the apostrophe prefix that keeps it text; the apostrophe is not part of the value.
 */
const TYPED_AS_OTHER =
  /^(?:[=+\-@'#\s\d.,(]|[$€£¥]\s*\d|(?:true|false)$|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[\s\-/.]*\d)/i;

export function asText(text: string): string {
  return TYPED_AS_OTHER.test(text) ? `'${text}` : text;
}

/** A plan cell as Excel's `formulas` takes it: a formula string, a constant, or null (left as is). */
function excelContent(cell: PlanCell, dialect: Dialect): PlanValue {
  if (isFormula(cell)) return cellInDialect(cell, dialect);
  return typeof cell === "string" ? asText(cell) : cell;
}

/** A value read back: empty cells are null (Excel reads them as ""), errors stay their strings. */
function readValue(value: unknown, type: unknown): CellValue {
  if (String(type) === "Empty") return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  return null;
}

/** An input value as written by writeCells: null clears the cell; text never becomes a formula. */
function inputContent(value: CellValue): string | number | boolean {
  if (value === null) return "";
  return typeof value === "string" ? asText(value) : value;
}

/** Plan widths are in characters of the default font (as in .xlsx); Excel's API takes points. */
export function columnWidthPoints(characters: number): number {
  // Calibri 11: 7 px per character plus 5 px of padding; 96 px = 72 pt.
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

function absolute(range: string): string {
  return rangeAddress(parseRange(range), true);
}

const CHART_TYPES = {
  bubble: "Bubble",
  line: "Line",
  bar: "BarClustered",
  column: "ColumnClustered",
} as const;

const OUTCOMES = {
  create: "created",
  reuseEmpty: "created",
  replace: "replaced",
  keepBoth: "keptBoth",
  skip: "skipped",
} as const;

const sameName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
const NOTHING = (): void => undefined;

// ---- what the read phase finds -----------------------------------------------------------------

interface ExistingName {
  readonly name: string;
  readonly formula: string;
}

interface ExistingSheet {
  readonly id: string;
  readonly name: string;
  readonly position: number;
  readonly info: SheetInfo;
  readonly tables: readonly { readonly id: string; readonly name: string }[];
  /** Sheet-scoped names (a "keep both" leaves the older copy its own). */
  readonly names: ReadonlyMap<string, ExistingName>;
}

interface WorkbookState {
  readonly sheets: readonly ExistingSheet[];
  /** Workbook-scoped names by lower-case name. */
  readonly names: ReadonlyMap<string, ExistingName>;
  readonly activeId: string | null;
  readonly enableEvents: boolean;
  /** For each plan index, the old sheet's values at the plan's input ranges (rebuild candidates). */
  readonly oldInputs: ReadonlyMap<number, Map<string, PlanValue>>;
}

/** What the commit changes that a rollback must know of. */
interface Journal {
  /** Workbook names pointed at the new sheets (or added). */
  readonly names: Set<string>;
  /** Sheet-scoped copies of names given to an older copy that stays. */
  readonly localNames: { readonly sheetId: string; readonly name: string }[];
}

/** One sheet being built in this call. */
interface Build {
  readonly decision: PlacementDecision;
  /** The plan, with kept inputs, on its final sheet name. */
  readonly plan: SheetPlan;
  readonly tempName: string;
  readonly keptInputs: number;
  /** The existing sheet this build replaces (replace, or an empty sheet reused). */
  readonly replaces: ExistingSheet | null;
  /** Tables whose plan name is taken until the replaced sheet steps aside: named at commit. */
  readonly deferredTables: { readonly index: number; readonly name: string }[];
  sheet: Excel.Worksheet | null;
  tables: Excel.Table[];
}

function templateMarkers(
  names: ReadonlyMap<string, ExistingName>,
): Map<string, { template: TemplateId; version: number | null }> {
  const out = new Map<string, { template: TemplateId; version: number | null }>();
  for (const template of TEMPLATE_IDS) {
    const marker = names.get(templateMarkerName(template).toLowerCase());
    if (!marker) continue;
    const { sheet } = splitQualified(marker.formula.replace(/^=/, ""));
    if (!sheet) continue;
    out.set(sheet.toLowerCase(), { template, version: versionOf(names, template) });
  }
  return out;
}

function versionOf(names: ReadonlyMap<string, ExistingName>, template: TemplateId): number | null {
  const version = names.get(templateVersionName(template).toLowerCase());
  const n = version ? Number(version.formula.replace(/^=/, "")) : NaN;
  return Number.isFinite(n) ? n : null;
}

/** The distinct input ranges of a plan (where a rebuild reads the user's values). */
function inputRanges(plan: SheetPlan): string[] {
  return [...new Set(plan.styles.filter((s) => s.style === "input").map((s) => s.range))];
}

/** Base64 of bytes, in slices so String.fromCharCode never gets more arguments than an engine allows. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  const slice = 0x8000;
  for (let i = 0; i < bytes.length; i += slice)
    binary += String.fromCharCode(...bytes.subarray(i, i + slice));
  return btoa(binary);
}

// ---- the host ----------------------------------------------------------------------------------

export class OfficeHost implements WorkbookHost {
  private readonly supports: (set: string, version: string) => boolean;
  private readonly budget: number;
  /** Sheet names by id, for change events (which carry the id). */
  private readonly sheetNames = new Map<string, string>();
  /** Writes of this host in flight: their change events come from the add-in. */
  private ownWrites = 0;

  constructor(
    private readonly run: ExcelRunner = excelRun,
    options: OfficeHostOptions = {},
  ) {
    this.supports = options.isSetSupported ?? officeSupports;
    this.budget = options.requestBudgetBytes ?? REQUEST_BUDGET_BYTES;
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.run(async (context) =>
      (await this.readWorkbook(context, [], {})).sheets.map((s) => s.info),
    ).catch(excelError);
  }

  async conflicts(plans: readonly SheetPlan[]): Promise<Conflict[]> {
    return planConflicts(plans, await this.listSheets());
  }

  async applyPlans(plans: readonly SheetPlan[], options: ApplyOptions): Promise<ApplyResult> {
    return this.run((context) => this.apply(context, plans, options));
  }

  async readRange(sheet: string, address: string): Promise<CellValue[][]> {
    return this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet); // ExcelApi 1.1
      const whole = parseRange(address);
      // Large reads go in row chunks, packed so that no response passes Excel on the web's 5 MB.
      const rowsPerChunk = Math.max(1, Math.floor(CHUNK_BYTES / READ_BYTES_PER_CELL / rangeColumns(whole)));
      const loaded: Excel.Range[] = [];
      const steps: Step[] = [];
      for (let top = whole.top; top <= whole.bottom; top += rowsPerChunk) {
        const part = { ...whole, top, bottom: Math.min(whole.bottom, top + rowsPerChunk - 1) };
        const k = steps.length;
        steps.push({
          sheet,
          label: `reading ${rangeAddress(part)}`,
          kind: "reading",
          apis: ["Range.values"],
          bytes: rangeRows(part) * rangeColumns(part) * READ_BYTES_PER_CELL,
          queue: () => {
            loaded[k] = ws.getRange(rangeAddress(part));
            loaded[k].load("values,valueTypes"); // ExcelApi 1.1
          },
        });
      }
      await this.syncBatches(context, packSteps(steps, this.budget), NOTHING, NOTHING);
      return loaded.flatMap((r) =>
        r.values.map((row, i) => row.map((v, j) => readValue(v, r.valueTypes[i][j]))),
      );
    }).catch(excelError);
  }

  async readNames(names: readonly string[]): Promise<Record<string, CellValue[][] | null>> {
    return this.run(async (context) => {
      const items = names.map((name) => {
        const item = context.workbook.names.getItemOrNullObject(name); // ExcelApi 1.4
        item.load("type,value");
        return item;
      });
      await context.sync();
      const ranges = items.map((item) => {
        if (item.isNullObject || item.type !== "Range") return null;
        const range = item.getRange(); // ExcelApi 1.1
        range.load("values,valueTypes");
        return range;
      });
      if (ranges.some((r) => r !== null)) await context.sync();
      return Object.fromEntries(
        names.map((name, i): [string, CellValue[][] | null] => {
          const item = items[i];
          const range = ranges[i];
          if (item.isNullObject) return [name, null];
          if (range)
            return [
              name,
              range.values.map((row, r) => row.map((v, c) => readValue(v, range.valueTypes[r][c]))),
            ];
          return [name, [[readValue(item.value, "Value")]]];
        }),
      );
    });
  }

  async locateNames(names: readonly string[]): Promise<Record<string, NameLocation | null>> {
    return this.run(async (context) => {
      const items = names.map((name) => {
        const item = context.workbook.names.getItemOrNullObject(name); // ExcelApi 1.4
        item.load("type,formula"); // formula: ExcelApi 1.7
        return item;
      });
      await context.sync();
      return Object.fromEntries(
        names.map((name, i): [string, NameLocation | null] => {
          const item = items[i];
          if (item.isNullObject || item.type !== "Range") return [name, null];
          const { sheet, address } = splitQualified(String(item.formula).replace(/^=/, ""));
          return [name, sheet ? { sheet, address: address.replace(/\$/g, "") } : null];
        }),
      );
    });
  }

  async writeCells(writes: readonly CellWrite[]): Promise<void> {
    if (writes.length === 0) return;
    this.ownWrites++;
    try {
      await this.run(async (context) => {
        const steps = writes.flatMap((w): Step[] => {
          const r = parseRange(w.address);
          const rows = w.values.map((row) => row.map(inputContent));
          return rowChunks(rows, CHUNK_BYTES).map((chunk) => {
            const part = {
              ...r,
              top: r.top + chunk.start,
              bottom: r.top + chunk.start + chunk.rows.length - 1,
            };
            return {
              sheet: w.sheet,
              label: `writing ${rangeAddress(part)}`,
              kind: "writing input values",
              apis: ["Range.values"],
              bytes: chunk.bytes + 2 * OPERATION_BYTES,
              queue: (ctx) => {
                // Range.values (ExcelApi 1.1): values only; text is kept from turning into a formula.
                ctx.workbook.worksheets.getItem(w.sheet).getRange(rangeAddress(part)).values = chunk.rows;
              },
            };
          });
        });
        await this.syncBatches(context, packSteps(steps, this.budget), NOTHING, NOTHING);
      }).catch(excelError);
    } finally {
      // Excel delivers the change events after the sync; they still count as the add-in's.
      setTimeout(() => this.ownWrites--, 0);
    }
  }

  onChange(listener: (event: ChangeEvent) => void): Unsubscribe {
    const withTrigger = this.supports("ExcelApi", "1.14");
    // Which writes are the add-in's: Excel says so from ExcelApi 1.14 (triggerSource); before
    // that, the host counts its own writes in flight.
    const sourceOf = (trigger: string | undefined): ChangeEvent["source"] => {
      if (trigger !== undefined) return trigger === "ThisLocalAddin" ? "addin" : "user";
      return this.ownWrites > 0 ? "addin" : "user";
    };
    const emit = async (worksheetId: string, trigger: string | undefined): Promise<void> => {
      const source = sourceOf(trigger);
      const name = await this.sheetNameOf(worksheetId).catch(() => null);
      listener({ sheets: name === null ? [] : [name], source });
    };
    let removed = false;
    const registration = this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      // WorksheetCollection.onChanged (ExcelApi 1.9) and onCalculated (1.8): one handler for every
      // sheet, so a sheet rebuilt under the same name is still heard (a handler on the old
      // Worksheet object would die with it).
      const results = [
        sheets.onChanged.add((e) => emit(e.worksheetId, withTrigger ? e.triggerSource : undefined)),
        sheets.onCalculated.add((e) => emit(e.worksheetId, undefined)),
      ];
      await context.sync();
      return results;
    }).catch(() => []); // no events where Excel refuses them; the pane still refreshes after its own actions
    return () => {
      if (removed) return;
      removed = true;
      void registration
        .then((results) =>
          results.length === 0
            ? undefined
            : this.run(async (context) => {
                for (const r of results) r.remove();
                await context.sync();
              }, results[0].context),
        )
        .catch(() => undefined);
    };
  }

  /**
   * Opens .xlsx bytes as a new workbook in its own Excel window: the pane's shareable copy.
   * Excel.createWorkbook (ExcelApi 1.8) takes the file as base64. Not part of WorkbookHost, as
   * only Excel can open a second workbook; the browser preview downloads the file instead.
   */
  async createWorkbook(bytes: Uint8Array): Promise<void> {
    await Excel.createWorkbook(bytesToBase64(bytes));
  }

  // ---- reading the workbook ------------------------------------------------------------------

  private async sheetNameOf(id: string): Promise<string | null> {
    const known = this.sheetNames.get(id);
    if (known !== undefined) return known;
    return this.run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(id); // ExcelApi 1.4
      ws.load("name");
      await context.sync();
      if (ws.isNullObject) return null;
      this.sheetNames.set(id, ws.name);
      return ws.name;
    });
  }

  /**
   * Two syncs: sheets, names, the active sheet and the event flag; then per sheet whether it is
   * empty, its tables and sheet-scoped names, and the old inputs of plans that may rebuild it.
   */
  private async readWorkbook(
    context: Excel.RequestContext,
    plans: readonly SheetPlan[],
    options: Pick<ApplyOptions, "policies" | "keepInputs">,
  ): Promise<WorkbookState> {
    const wb = context.workbook;
    const sheets = wb.worksheets;
    sheets.load("items/name,items/id,items/position"); // ExcelApi 1.1
    const names = wb.names;
    names.load("items/name,items/formula"); // NamedItem.formula: ExcelApi 1.7
    const active = sheets.getActiveWorksheet(); // ExcelApi 1.1
    active.load("id");
    const runtime = context.runtime;
    runtime.load("enableEvents"); // ExcelApi 1.8
    await context.sync();

    const workbookNames = new Map(
      names.items.map((n): [string, ExistingName] => [
        n.name.toLowerCase(),
        { name: n.name, formula: String(n.formula) },
      ]),
    );
    const markers = templateMarkers(workbookNames);
    let perSheet: {
      ws: Excel.Worksheet;
      used: Excel.Range;
      tables: Excel.TableCollection;
      local: Excel.NamedItemCollection;
    }[] = [];
    const infoStep: Step = {
      sheet: "",
      label: "reading the sheets",
      kind: "reading the sheets",
      apis: ["Worksheet.getUsedRangeOrNullObject", "TableCollection.load", "NamedItemCollection.load"],
      bytes: sheets.items.length * 4 * OPERATION_BYTES,
      queue: () => {
        perSheet = sheets.items.map((ws) => {
          const used = ws.getUsedRangeOrNullObject(true); // ExcelApi 1.4; values only: formats do not count
          used.load("address");
          const tables = ws.tables;
          tables.load("items/name,items/id"); // ExcelApi 1.1
          const local = ws.names; // Worksheet.names: ExcelApi 1.4
          local.load("items/name,items/formula");
          return { ws, used, tables, local };
        });
      },
    };
    // Old input values, for plans that would replace their own template's sheet: one load per
    // input range (in row chunks, so no response passes 5 MB), read with the sheets when the
    // workbook's marker already tells, else once the sheet's own marker is known. Whether they
    // are used is decided once emptiness is known.
    const oldInputLoads = new Map<number, { rect: RangeRef; range: Excel.Range }[]>();
    const candidate = (
      plan: SheetPlan,
      sheet: string,
      template: TemplateId | null,
      version: number | null,
    ): boolean => {
      if (options.keepInputs === false || template !== plan.template || version !== plan.version)
        return false;
      const policy = Object.entries(options.policies ?? {}).find(([name]) => sameName(name, sheet))?.[1];
      return policy === "replace";
    };
    const inputSteps = (index: number, ws: Excel.Worksheet): Step[] => {
      const loads: { rect: RangeRef; range: Excel.Range }[] = [];
      oldInputLoads.set(index, loads);
      return inputRanges(plans[index]).flatMap((address) => {
        const whole = parseRange(address);
        const rowsPerLoad = Math.max(1, Math.floor(CHUNK_BYTES / READ_BYTES_PER_CELL / rangeColumns(whole)));
        const parts: RangeRef[] = [];
        for (let top = whole.top; top <= whole.bottom; top += rowsPerLoad)
          parts.push({ ...whole, top, bottom: Math.min(whole.bottom, top + rowsPerLoad - 1) });
        return parts.map((rect): Step => ({
          sheet: plans[index].sheet,
          label: `reading the inputs ${rangeAddress(rect)}`,
          kind: "reading the inputs",
          apis: ["Range.load"],
          bytes: rangeRows(rect) * rangeColumns(rect) * READ_BYTES_PER_CELL,
          queue: () => {
            const range = ws.getRange(rangeAddress(rect));
            range.load("values,valueTypes"); // ExcelApi 1.1
            loads.push({ rect, range });
          },
        }));
      });
    };
    const early = plans.flatMap((plan, index) => {
      const ws = sheets.items.find((s) => sameName(s.name, plan.sheet));
      const marked = ws ? markers.get(ws.name.toLowerCase()) : undefined;
      return ws && marked && candidate(plan, ws.name, marked.template, marked.version)
        ? inputSteps(index, ws)
        : [];
    });
    await this.syncBatches(context, packSteps([infoStep, ...early], this.budget, false), NOTHING, NOTHING);

    const existing = perSheet.map(({ ws, used, tables, local }): ExistingSheet => {
      const localNames = new Map(
        local.items.map((n): [string, ExistingName] => [
          n.name.toLowerCase(),
          { name: n.name, formula: String(n.formula) },
        ]),
      );
      const template = this.templateOf(ws.name, localNames, markers);
      this.sheetNames.set(ws.id, ws.name);
      return {
        id: ws.id,
        name: ws.name,
        position: ws.position,
        info: { name: ws.name, empty: used.isNullObject, ...template },
        tables: tables.items.map((t) => ({ id: t.id, name: t.name })),
        names: localNames,
      };
    });

    const late = plans.flatMap((plan, index) => {
      const sheet = existing.find((s) => sameName(s.name, plan.sheet));
      if (!sheet || oldInputLoads.has(index)) return [];
      const { template, templateVersion } = sheet.info;
      if (!candidate(plan, sheet.name, template, templateVersion)) return [];
      return inputSteps(index, perSheet[existing.indexOf(sheet)].ws);
    });
    if (late.length > 0)
      await this.syncBatches(context, packSteps(late, this.budget, false), NOTHING, NOTHING);

    const oldInputs = new Map<number, Map<string, PlanValue>>();
    oldInputLoads.forEach((loads, i) => {
      const kept = new Map<string, PlanValue>();
      for (const { rect: r, range } of loads) {
        range.values.forEach((row, dr) =>
          row.forEach((value, dc) => {
            const type = String(range.valueTypes[dr][dc]);
            if (type === "Error") return; // an error is not a value the user chose
            kept.set(`${r.top + dr},${r.left + dc}`, readValue(value, type));
          }),
        );
      }
      oldInputs.set(i, kept);
    });
    return {
      sheets: existing,
      names: workbookNames,
      activeId: active.id,
      enableEvents: runtime.enableEvents,
      oldInputs,
    };
  }

  /** Which template built a sheet: its own sheet-scoped marker first (an older copy), then the workbook's. */
  private templateOf(
    sheet: string,
    local: ReadonlyMap<string, ExistingName>,
    markers: ReadonlyMap<string, { template: TemplateId; version: number | null }>,
  ): { template: TemplateId | null; templateVersion: number | null } {
    for (const template of TEMPLATE_IDS) {
      if (local.has(templateMarkerName(template).toLowerCase()))
        return { template, templateVersion: versionOf(local, template) };
    }
    const marked = markers.get(sheet.toLowerCase());
    return marked
      ? { template: marked.template, templateVersion: marked.version }
      : { template: null, templateVersion: null };
  }

  // ---- applying ------------------------------------------------------------------------------

  private async apply(
    context: Excel.RequestContext,
    plans: readonly SheetPlan[],
    options: ApplyOptions,
  ): Promise<ApplyResult> {
    const progress = options.onProgress ?? (() => undefined);
    let state: WorkbookState;
    try {
      state = await this.readWorkbook(context, plans, options);
    } catch (error) {
      const sheet = plans[0]?.sheet ?? "";
      throw new ApplyError(
        `Reading the workbook before building "${sheet}" failed: ${messageOf(error)}. Nothing was changed.`,
        sheet,
        "reading the workbook",
        error,
      );
    }

    const decisions = decidePlacements(
      plans,
      state.sheets.map((s) => s.info),
      options,
    );
    const builds = this.prepareBuilds(decisions, plans, state);
    const result: ApplyResult = {
      sheets: decisions.map((d): AppliedSheet => ({
        template: d.plan.template,
        sheet: d.targetName,
        outcome: OUTCOMES[d.outcome],
        keptInputs: builds.find((b) => b.decision === d)?.keptInputs ?? 0,
      })),
    };
    if (builds.length === 0) return result;

    const journal: Journal = { names: new Set(), localNames: [] };
    const buildBatches = packSteps(
      builds.flatMap((b) => this.buildSteps(b, options.dialect)),
      this.budget,
    );
    const commit = this.commitSteps(builds, state, journal);
    const total = buildBatches.length + 2;
    progress({ step: "reading the workbook", done: 1, total });

    let eventsOff = false;
    try {
      await this.syncBatches(
        context,
        buildBatches,
        (ctx, i) => {
          this.suspend(ctx, true);
          if (i === 0) {
            ctx.runtime.enableEvents = false; // ExcelApi 1.8: no handler runs for a half-built sheet
            eventsOff = true;
          }
        },
        (i, batch) => progress({ step: `${batch[0].label} (${batch[0].sheet})`, done: i + 2, total }),
      );
      // The commit is one request whatever its size: it is small, and it must not be split.
      await this.syncBatches(
        context,
        [commit],
        (ctx) => this.suspend(ctx, false),
        () => progress({ step: "finishing", done: total, total }),
      );
      eventsOff = false;
    } catch (error) {
      const failure =
        error instanceof StepFailure
          ? error
          : new StepFailure(
              {
                sheet: builds[0].plan.sheet,
                label: "building",
                kind: "building",
                apis: [],
                bytes: 0,
                queue: () => undefined,
              },
              error,
            );
      let undo = "The workbook was left as it was.";
      try {
        await this.rollback(context, state, journal);
        eventsOff = false;
      } catch (rollbackError) {
        undo = `Undoing the partial build also failed (${messageOf(rollbackError)}); check the sheets named "~genai-…".`;
      }
      throw new ApplyError(
        `Building sheet "${failure.step.sheet}" failed at step "${failure.step.label}": ${failure.message}. ${undo}`,
        failure.step.sheet,
        failure.step.label,
        failure.cause,
      );
    } finally {
      if (eventsOff) {
        try {
          context.runtime.enableEvents = state.enableEvents;
          await context.sync();
        } catch {
          // Nothing more can be done from here; Excel resets the flag when the add-in reloads.
        }
      }
    }
    for (const b of builds) if (b.sheet) this.sheetNames.set(b.sheet.id, b.decision.targetName);
    for (const b of builds) if (b.replaces) this.sheetNames.delete(b.replaces.id);
    return result;
  }

  /** Suspends what slows a bulk write until the next sync (called once per request, never per row). */
  private suspend(context: Excel.RequestContext, calculation: boolean): void {
    const app = context.workbook.application;
    // ExcelApi 1.9. Called once per request: more calls would flicker, fewer would show the build.
    if (this.supports("ExcelApi", "1.9")) app.suspendScreenUpdatingUntilNextSync();
    // ExcelApi 1.6. Not on the commit request, which asks Excel to recalculate.
    if (calculation) app.suspendApiCalculationUntilNextSync();
  }

  /** Sends each batch of steps as one request; a failure names the step Excel points at. */
  private async syncBatches(
    context: Excel.RequestContext,
    batches: readonly (readonly Step[])[],
    before: (context: Excel.RequestContext, index: number) => void,
    after: (index: number, batch: readonly Step[]) => void,
  ): Promise<void> {
    for (const [i, batch] of batches.entries()) {
      before(context, i);
      let step = batch[0];
      try {
        for (step of batch) step.queue(context);
      } catch (error) {
        throw new StepFailure(step, error);
      }
      try {
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per request-sized batch of steps (packSteps), never per row: the count grows with the payload only
        await context.sync();
      } catch (error) {
        throw new StepFailure(failedStep(batch, error), error);
      }
      after(i, batch);
    }
  }

  /** Each decision that builds a sheet, with the kept inputs, a temporary name and table names. */
  private prepareBuilds(
    decisions: readonly PlacementDecision[],
    plans: readonly SheetPlan[],
    state: WorkbookState,
  ): Build[] {
    const takenSheets = new Set(state.sheets.map((s) => s.name.toLowerCase()));
    let serial = 0;
    const tempName = (): string => {
      let name: string;
      do name = `~genai-build-${++serial}`;
      while (takenSheets.has(name));
      takenSheets.add(name);
      return name;
    };
    // Table names share a namespace with each other and with defined names.
    const tablesStaying = new Set<string>();
    const tablesLeaving = new Set<string>();
    const replaced = new Set(
      decisions
        .filter((d) => d.outcome === "replace" || d.outcome === "reuseEmpty")
        .map((d) => d.existing?.name.toLowerCase()),
    );
    for (const s of state.sheets)
      for (const t of s.tables)
        (replaced.has(s.name.toLowerCase()) ? tablesLeaving : tablesStaying).add(t.name.toLowerCase());
    for (const key of state.names.keys()) tablesStaying.add(key);
    for (const s of state.sheets) for (const key of s.names.keys()) tablesStaying.add(key);

    return decisions
      .filter((d) => d.outcome !== "skip")
      .map((decision, n): Build => {
        const index = plans.indexOf(decision.plan);
        const temp = tempName();
        const kept = decision.keepInputs
          ? (state.oldInputs.get(index) ?? new Map<string, PlanValue>())
          : new Map<string, PlanValue>();
        const replaces =
          decision.outcome === "replace" || decision.outcome === "reuseEmpty"
            ? (state.sheets.find((s) => sameName(s.name, decision.targetName)) ?? null)
            : null;
        const deferredTables: { index: number; name: string }[] = [];
        const tables = decision.plan.tables.map((t, i) => {
          let name = t.name;
          if (tablesLeaving.has(name.toLowerCase()) && !tablesStaying.has(name.toLowerCase())) {
            deferredTables.push({ index: i, name });
            tablesStaying.add(name.toLowerCase());
            return { ...t, name: `GenAI_build_${n + 1}_${i + 1}` };
          }
          for (let n = 2; tablesStaying.has(name.toLowerCase()) || tablesLeaving.has(name.toLowerCase()); n++)
            name = `${t.name}_${n}`;
          tablesStaying.add(name.toLowerCase());
          return { ...t, name };
        });
        return {
          decision,
          plan: { ...withInputs(decision.plan, kept), sheet: decision.targetName, tables },
          tempName: temp,
          keptInputs: kept.size,
          replaces,
          deferredTables,
          sheet: null,
          tables: [],
        };
      });
  }

  /** The build of one sheet, as steps; the first creates the temporary sheet the others use. */
  private buildSteps(b: Build, dialect: Dialect): Step[] {
    const { plan } = b;
    const sheet = plan.sheet;
    const ws = (): Excel.Worksheet => b.sheet as Excel.Worksheet;
    const steps: Step[] = [
      {
        sheet,
        label: "adding the sheet",
        kind: "adding the sheet",
        apis: ["WorksheetCollection.add"],
        bytes: 2 * OPERATION_BYTES,
        queue: (context) => {
          b.sheet = context.workbook.worksheets.add(b.tempName); // ExcelApi 1.1
          b.sheet.load("id");
        },
      },
    ];

    // Cells: each block as one 2-D array of formulas and constants (Range.formulas, ExcelApi 1.1),
    // in row chunks; many chunks share a request.
    for (const block of plan.blocks) {
      const r = blockRange(block);
      const rows = block.cells.map((row) => row.map((cell) => excelContent(cell, dialect)));
      for (const chunk of rowChunks(rows, CHUNK_BYTES)) {
        const address = rangeAddress({
          ...r,
          top: r.top + chunk.start,
          bottom: r.top + chunk.start + chunk.rows.length - 1,
        });
        steps.push({
          sheet,
          label: `writing cells ${address}`,
          kind: "writing cells",
          apis: ["Worksheet.getRange", "Range.formulas"],
          bytes: chunk.bytes + 2 * OPERATION_BYTES,
          queue: () => {
            ws().getRange(address).formulas = chunk.rows;
          },
        });
      }
    }

    // Number formats (Range.numberFormat, ExcelApi 1.1): a 2-D array the size of the range.
    for (const f of plan.formats) {
      const r = parseRange(f.range);
      const row: string[] = new Array<string>(rangeColumns(r)).fill(numberFormat(f.format, plan.currency));
      const rows = Array.from({ length: rangeRows(r) }, () => row);
      for (const chunk of rowChunks(rows, CHUNK_BYTES)) {
        const address = rangeAddress({
          ...r,
          top: r.top + chunk.start,
          bottom: r.top + chunk.start + chunk.rows.length - 1,
        });
        steps.push({
          sheet,
          label: `number format ${address}`,
          kind: "number formats",
          apis: ["Worksheet.getRange", "Range.numberFormat"],
          bytes: chunk.bytes + 2 * OPERATION_BYTES,
          queue: () => {
            ws().getRange(address).numberFormat = chunk.rows;
          },
        });
      }
    }

    // Styles (RangeFont, RangeFill, RangeBorder: ExcelApi 1.1).
    for (const s of plan.styles) {
      const look = LOOKS[s.style];
      const r = parseRange(s.range);
      const calls = [look.fontColor, look.bold, look.italic, look.size, look.fill].filter(
        (v) => v !== undefined,
      ).length;
      if (calls === 0 && !look.underline) continue;
      steps.push({
        sheet,
        label: `style "${s.style}" on ${s.range}`,
        kind: "styles",
        apis: [
          "RangeFont.color",
          "RangeFont.bold",
          "RangeFont.italic",
          "RangeFont.size",
          "RangeFill.color",
          "RangeBorder.style",
          "RangeBorder.weight",
        ],
        bytes: (calls + 6) * OPERATION_BYTES,
        queue: () => {
          const format = ws().getRange(s.range).format;
          if (look.fontColor !== undefined) format.font.color = look.fontColor;
          if (look.bold !== undefined) format.font.bold = look.bold;
          if (look.italic !== undefined) format.font.italic = look.italic;
          if (look.size !== undefined) format.font.size = look.size;
          if (look.fill !== undefined) format.fill.color = look.fill;
          if (look.underline) {
            // A thin line under every cell: the bottom edge, and between the rows of a taller range.
            const edges =
              rangeRows(r) > 1 ? (["EdgeBottom", "InsideHorizontal"] as const) : (["EdgeBottom"] as const);
            for (const edge of edges) {
              const border = format.borders.getItem(edge);
              border.style = "Continuous";
              border.weight = "Thin";
            }
          }
        },
      });
    }

    // Column widths (RangeFormat.columnWidth, ExcelApi 1.2), in points.
    if (plan.columnWidths.length > 0)
      steps.push({
        sheet,
        label: "column widths",
        kind: "column widths",
        apis: ["RangeFormat.columnWidth"],
        bytes: plan.columnWidths.length * 3 * OPERATION_BYTES,
        queue: () => {
          for (const w of plan.columnWidths)
            ws().getRange(`${w.column}:${w.column}`).format.columnWidth = columnWidthPoints(w.width);
        },
      });

    // Tables, over ranges already filled (TableCollection.add, ExcelApi 1.1). A name taken by the
    // replaced sheet's table is given at commit, once that table has stepped aside.
    plan.tables.forEach((t, i) =>
      steps.push({
        sheet,
        label: `table ${b.decision.plan.tables[i].name}`,
        kind: "tables",
        apis: ["TableCollection.add", "Table.name"],
        bytes: 3 * OPERATION_BYTES,
        queue: () => {
          const table = ws().tables.add(ws().getRange(t.range), true);
          table.name = t.name;
          table.load("id");
          b.tables[i] = table;
        },
      }),
    );

    // Data validation (Range.dataValidation, ExcelApi 1.8): cleared first, so overlapping plan
    // rules apply in order (the later wins) instead of meeting a mix of rules.
    for (const v of plan.validations)
      steps.push({
        sheet,
        label: `validation on ${v.range}`,
        kind: "data validation",
        apis: ["DataValidation.clear", "DataValidation.rule", "DataValidation.errorAlert"],
        bytes: jsonBytes(v) + 4 * OPERATION_BYTES,
        queue: () => {
          const dv = ws().getRange(v.range).dataValidation;
          dv.clear();
          dv.rule = validationRule(v);
          dv.errorAlert = { message: v.message, showAlert: true, style: "Stop", title: "" };
        },
      });

    // Conditional formats (ExcelApi 1.6).
    for (const c of plan.conditionalFormats)
      steps.push({
        sheet,
        label: `conditional format on ${c.range}`,
        kind: "conditional formats",
        apis: [
          "ConditionalFormatCollection.add",
          "ColorScaleConditionalFormat.criteria",
          "CellValueConditionalFormat.rule",
          "ConditionalFormatRule.formula",
          "ConditionalRangeFill.color",
        ],
        bytes: jsonBytes(c) + 5 * OPERATION_BYTES,
        queue: () => addConditionalFormat(ws().getRange(c.range), c),
      });

    // Freeze panes (WorksheetFreezePanes, ExcelApi 1.7).
    const freeze = plan.freeze;
    if (freeze && (freeze.rows > 0 || freeze.columns > 0))
      steps.push({
        sheet,
        label: "freeze panes",
        kind: "freeze panes",
        apis: [
          "WorksheetFreezePanes.freezeAt",
          "WorksheetFreezePanes.freezeRows",
          "WorksheetFreezePanes.freezeColumns",
        ],
        bytes: 2 * OPERATION_BYTES,
        queue: () => {
          const panes = ws().freezePanes;
          if (freeze.rows > 0 && freeze.columns > 0)
            panes.freezeAt(
              ws().getRange(
                rangeAddress({ top: 0, left: 0, bottom: freeze.rows - 1, right: freeze.columns - 1 }),
              ),
            );
          else if (freeze.rows > 0) panes.freezeRows(freeze.rows);
          else panes.freezeColumns(freeze.columns);
        },
      });

    // Charts (ChartCollection.add, ExcelApi 1.1; series ranges, ExcelApi 1.7).
    for (const chart of plan.charts)
      steps.push({
        sheet,
        label: `chart "${chart.title}"`,
        kind: "charts",
        apis: [
          "ChartCollection.add",
          "ChartSeriesCollection.add",
          "ChartSeries.setXAxisValues",
          "ChartSeries.setValues",
          "ChartSeries.setBubbleSizes",
          "Chart.setPosition",
        ],
        bytes: jsonBytes(chart) + (8 + 5 * chart.series.length) * OPERATION_BYTES,
        queue: () => addChart(ws(), chart),
      });
    return steps;
  }

  /**
   * One request that makes the build the workbook's: replaced sheets step aside, new sheets take
   * their names and places, tables and workbook names follow, events come back, Excel recalculates,
   * and the replaced sheets go last (deleting is the one step that cannot be undone).
   */
  private commitSteps(builds: readonly Build[], state: WorkbookState, journal: Journal): Step[] {
    const steps: Step[] = [];
    const small = (sheet: string, label: string, apis: string[], queue: Step["queue"]): void => {
      steps.push({ sheet, label, kind: label, apis, bytes: 4 * OPERATION_BYTES, queue });
    };
    const taken = new Set([
      ...state.sheets.map((s) => s.name.toLowerCase()),
      ...builds.map((b) => b.tempName.toLowerCase()),
    ]);
    let serial = 0;
    const aside = new Map<Build, Excel.Worksheet>();

    // 1. The replaced sheets and their clashing tables step aside (Worksheet.name, Table.name: 1.1).
    for (const b of builds) {
      const old = b.replaces;
      if (!old) continue;
      let asideName: string;
      do asideName = `~genai-old-${++serial}`;
      while (taken.has(asideName));
      taken.add(asideName);
      const n = serial;
      small(b.plan.sheet, "moving the old sheet aside", ["Worksheet.name", "Table.name"], (context) => {
        const ws = context.workbook.worksheets.getItem(old.id);
        ws.name = asideName;
        aside.set(b, ws);
        for (const d of b.deferredTables) {
          const clash = old.tables.find((t) => sameName(t.name, d.name));
          if (clash) context.workbook.tables.getItem(clash.id).name = `GenAI_old_${n}_${d.index + 1}`;
        }
      });
    }

    // 2. The new sheets take their names, and the places of the sheets they replace
    // (Worksheet.position, ExcelApi 1.1). Moving a sheet shifts the later ones, hence the order.
    const moved: number[] = [];
    const placed = [...builds].sort(
      (a, b) => (a.replaces?.position ?? Infinity) - (b.replaces?.position ?? Infinity),
    );
    for (const b of placed) {
      const position = b.replaces
        ? b.replaces.position + moved.filter((p) => p < (b.replaces as ExistingSheet).position).length
        : null;
      if (b.replaces) moved.push(b.replaces.position);
      small(
        b.plan.sheet,
        "naming the new sheet",
        ["Worksheet.name", "Worksheet.position", "Table.name"],
        () => {
          const ws = b.sheet as Excel.Worksheet;
          ws.name = b.plan.sheet;
          if (position !== null) ws.position = position;
          for (const d of b.deferredTables) b.tables[d.index].name = d.name;
        },
      );
    }

    // 3. Workbook names point at the new sheets (NamedItemCollection.add: 1.4; NamedItem.formula
    // set: 1.7), marker and version included. A template's older copy that keeps living ("keep
    // both") first gets sheet-scoped copies of its names (Worksheet.names, 1.4), so its own
    // formulas keep reading its own cells, and it still reads as built by the template.
    const defined = new Set(state.names.keys());
    for (const b of builds) {
      const { plan } = b;
      const prefix = sheetPrefix(plan.sheet);
      const wanted = [
        ...plan.names.map((n) => ({
          name: n.name,
          formula: `=${prefix}${absolute(n.range)}`,
          comment: n.comment,
        })),
        {
          name: templateMarkerName(plan.template),
          formula: `=${prefix}$A$1`,
          comment: `Built by the GenAI Business Case add-in (${plan.template})`,
        },
        {
          name: templateVersionName(plan.template),
          formula: `=${plan.version}`,
          comment: `Layout version of the ${plan.template} sheet`,
        },
      ];
      const older = this.olderCopy(b, builds, state);
      small(
        plan.sheet,
        "pointing the workbook names at the sheet",
        ["NamedItemCollection.add", "NamedItem.formula"],
        (context) => {
          const names = context.workbook.names;
          if (older) {
            const keep = context.workbook.worksheets.getItem(older.id).names;
            for (const w of wanted) {
              const current = state.names.get(w.name.toLowerCase());
              if (!current || older.names.has(w.name.toLowerCase())) continue;
              if (
                w.name === templateVersionName(plan.template) ||
                this.pointsAt(current.formula, older.name)
              ) {
                keep.add(current.name, current.formula, "Kept for this copy when a new copy was built");
                journal.localNames.push({ sheetId: older.id, name: current.name });
              }
            }
          }
          for (const w of wanted) {
            const key = w.name.toLowerCase();
            journal.names.add(w.name);
            if (defined.has(key)) names.getItem(w.name).formula = w.formula;
            else {
              names.add(w.name, w.formula, w.comment);
              defined.add(key);
            }
          }
        },
      );
    }

    // 4. The first built sheet comes forward (Worksheet.activate, 1.1), events come back (1.8),
    // and Excel recalculates what was written while calculation was suspended (1.1).
    small(
      builds[0].plan.sheet,
      "finishing",
      ["Worksheet.activate", "Runtime.enableEvents", "Application.calculate"],
      (context) => {
        (builds[0].sheet as Excel.Worksheet).activate();
        context.runtime.enableEvents = state.enableEvents;
        context.workbook.application.calculate("Recalculate");
      },
    );

    // 5. Last, the replaced sheets go (Worksheet.delete, 1.1).
    for (const b of builds) {
      if (!b.replaces) continue;
      small(b.plan.sheet, "removing the replaced sheet", ["Worksheet.delete"], () => {
        (aside.get(b) as Excel.Worksheet).delete();
      });
    }
    return steps;
  }

  /** The sheet a template's workbook marker points at, when this call leaves it standing. */
  private olderCopy(b: Build, builds: readonly Build[], state: WorkbookState): ExistingSheet | null {
    const marker = state.names.get(templateMarkerName(b.plan.template).toLowerCase());
    if (!marker) return null;
    const { sheet } = splitQualified(marker.formula.replace(/^=/, ""));
    const older = state.sheets.find((s) => sheet !== null && sameName(s.name, sheet)) ?? null;
    if (!older || builds.some((other) => other.replaces === older)) return null;
    if (older.names.has(templateMarkerName(b.plan.template).toLowerCase())) return null;
    return older;
  }

  private pointsAt(formula: string, sheet: string): boolean {
    const { sheet: target } = splitQualified(formula.replace(/^=/, ""));
    return target !== null && sameName(target, sheet);
  }

  /**
   * Undoes a partial build from what exists now (two syncs): sheets that were not there are
   * deleted, renamed sheets and tables get their names back, the names this call touched get
   * their formulas back (or go, if they are new), the active sheet and the event flag return.
   */
  private async rollback(
    context: Excel.RequestContext,
    state: WorkbookState,
    journal: Journal,
  ): Promise<void> {
    const wb = context.workbook;
    const sheets = wb.worksheets;
    sheets.load("items/id,items/name");
    const names = wb.names;
    names.load("items/name");
    const tables = wb.tables;
    tables.load("items/id,items/name");
    await context.sync();

    this.suspend(context, false);
    const before = new Map(state.sheets.map((s) => [s.id, s]));
    for (const ws of sheets.items) if (!before.has(ws.id)) ws.delete();
    for (const ws of sheets.items) {
      const was = before.get(ws.id);
      if (was && was.name !== ws.name) ws.name = was.name;
    }
    const tablesBefore = new Map(state.sheets.flatMap((s) => s.tables.map((t) => [t.id, t.name] as const)));
    for (const t of tables.items) {
      const was = tablesBefore.get(t.id);
      if (was !== undefined && was !== t.name) t.name = was;
    }
    const present = new Set(names.items.map((n) => n.name.toLowerCase()));
    for (const name of journal.names) {
      const key = name.toLowerCase();
      const was = state.names.get(key);
      if (was && present.has(key)) wb.names.getItem(was.name).formula = was.formula;
      else if (!was && present.has(key)) wb.names.getItem(name).delete(); // NamedItem.delete: 1.4
    }
    // Sheet-scoped copies made for an older copy (a null object's delete does nothing).
    for (const { sheetId, name } of journal.localNames)
      if (before.has(sheetId)) sheets.getItem(sheetId).names.getItemOrNullObject(name).delete();
    if (state.activeId && before.has(state.activeId)) sheets.getItem(state.activeId).activate();
    context.runtime.enableEvents = state.enableEvents;
    await context.sync();
  }
}

// ---- Excel objects from plan parts ---------------------------------------------------------------

function validationRule(v: ValidationPlan): Excel.DataValidationRule {
  const rule = v.rule;
  switch (rule.kind) {
    case "decimal":
      return { decimal: { formula1: rule.min, formula2: rule.max, operator: "Between" } };
    case "whole":
      return { wholeNumber: { formula1: rule.min, formula2: rule.max, operator: "Between" } };
    case "list":
      // A comma-separated source (Excel's list separator in the API is always the comma).
      return { list: { inCellDropDown: true, source: rule.values.join(",") } };
  }
}

function addConditionalFormat(range: Excel.Range, c: ConditionalFormatPlan): void {
  const rule = c.rule;
  switch (rule.kind) {
    case "colorScale": {
      const cf = range.conditionalFormats.add("ColorScale");
      cf.colorScale.criteria = {
        minimum: { type: "Number", formula: "0", color: COLORS[rule.min] },
        maximum: { type: "Number", formula: "1", color: COLORS[rule.max] },
      };
      return;
    }
    case "textEquals": {
      // "Cell value equal to" a quoted text: an exact match, where containsText would also match longer texts.
      const cf = range.conditionalFormats.add("CellValue");
      cf.cellValue.format.fill.color = COLORS[rule.fill];
      cf.cellValue.rule = { formula1: `="${rule.text.replace(/"/g, '""')}"`, operator: "EqualTo" };
      return;
    }
    case "formula": {
      const cf = range.conditionalFormats.add("Custom");
      cf.custom.rule.formula = rule.formula;
      cf.custom.format.fill.color = COLORS[rule.fill];
      return;
    }
  }
}

/**
 * A chart from the first series' values; the series then get their ranges explicitly (the
 * approach of Microsoft's bubble-chart sample), so Excel never guesses which column is which.
 */
function addChart(ws: Excel.Worksheet, plan: ChartPlan): void {
  const [first] = plan.series;
  if (!first) return;
  const chart = ws.charts.add(CHART_TYPES[plan.kind], ws.getRange(first.y), "Auto");
  chart.title.text = plan.title;
  chart.setPosition(ws.getRange(plan.anchor.from), ws.getRange(plan.anchor.to));
  if (plan.xTitle) chart.axes.categoryAxis.title.text = plan.xTitle;
  if (plan.yTitle) chart.axes.valueAxis.title.text = plan.yTitle;
  chart.legend.visible = plan.series.length > 1;
  plan.series.forEach((s, i) => {
    const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(s.name); // add: ExcelApi 1.7
    series.name = s.name;
    if (s.x) series.setXAxisValues(ws.getRange(s.x)); // ExcelApi 1.7
    series.setValues(ws.getRange(s.y)); // ExcelApi 1.7
    if (s.size && plan.kind === "bubble") series.setBubbleSizes(ws.getRange(s.size)); // ExcelApi 1.7
  });
}
