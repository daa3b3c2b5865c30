/**
 * Requests: OfficeHost's work is a list of steps, each queuing a few Office.js calls, packed into
 * requests under a payload budget and sent one sync per request. This module estimates payloads,
 * cuts large ranges into row chunks, packs steps and sends them, and tells which step a failed
 * request failed at.
 */
import { rangeAddress, type RangeRef, rangeColumns, rangeRows } from "../../shared/a1";

/**
 * Largest request OfficeHost builds, as estimated below. Excel on the web rejects a request over
 * 5 MB (RequestPayloadSizeLimitExceeded, docs/excel/performance.md); the estimate overstates the
 * real request, and the budget leaves room below 4 MB on top of that.
 */
export const REQUEST_BUDGET_BYTES = 3_500_000;
/** Rows of a block go out in chunks of about this size, so requests pack tightly under the budget. */
const CHUNK_BYTES = 900_000;
/** Estimated cost of one queued call or property set (action, object path, ids, names). */
export const OPERATION_BYTES = 200;
/** Estimated response bytes per cell read (value and value type). */
const READ_BYTES_PER_CELL = 40;

/** What every request depends on: the payload budget and the requirement sets Excel has. */
export interface RequestSettings {
  /** Largest estimated request in bytes. */
  readonly budget: number;
  /** Requirement-set check (Office.context.requirements.isSetSupported or a stand-in). */
  readonly supports: (set: string, version: string) => boolean;
}

// ---- payload estimates -------------------------------------------------------------------------

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

export function jsonBytes(value: unknown): number {
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

// ---- steps -------------------------------------------------------------------------------------

/** One piece of work that queues Office.js calls; steps are packed into requests by size. */
export interface Step {
  /** The sheet it is about, as the user will see it (for ApplyError). */
  readonly sheet: string;
  /** What it does, in words (for ApplyError and progress): "writing cells A1:R2000". */
  readonly label: string;
  /** The kind of step, when the label cannot be told apart: "writing cells". */
  readonly kind: string;
  /** The range a chunked step covers ("A1:R2000"), for progress in the pane's language. */
  readonly range?: string;
  /**
   * The Office.js members it calls ("Range.formulas"), to tell which step of a request an Excel
   * error came from: Office reports the failing member in `debugInfo.errorLocation`.
   */
  readonly apis: readonly string[];
  /** Estimated request bytes. */
  readonly bytes: number;
  readonly queue: (context: Excel.RequestContext) => void;
}

/** What a chunked step is about; its label is followed by the chunk's address. */
type ChunkAbout = Pick<Step, "sheet" | "label" | "kind" | "apis">;

/**
 * Steps that write a 2-D array over `range` (values, formulas, number formats) in row chunks of
 * about CHUNK_BYTES, so that many chunks share a request and no chunk fills one alone.
 */
export function chunkedWrites<T>(
  range: RangeRef,
  rows: readonly T[][],
  about: ChunkAbout,
  write: (context: Excel.RequestContext, address: string, rows: T[][]) => void,
): Step[] {
  return rowChunks(rows, CHUNK_BYTES).map((chunk) => {
    const address = rangeAddress({
      ...range,
      top: range.top + chunk.start,
      bottom: range.top + chunk.start + chunk.rows.length - 1,
    });
    return {
      ...about,
      label: `${about.label} ${address}`,
      range: address,
      bytes: chunk.bytes + 2 * OPERATION_BYTES,
      queue: (context) => write(context, address, chunk.rows),
    };
  });
}

/**
 * Steps that load `range` in row chunks, so that no response passes Excel on the web's 5 MB;
 * `load` queues the load of one chunk.
 */
export function chunkedReads(
  range: RangeRef,
  about: ChunkAbout,
  load: (address: string, part: RangeRef) => void,
): Step[] {
  const rowsPerChunk = Math.max(1, Math.floor(CHUNK_BYTES / READ_BYTES_PER_CELL / rangeColumns(range)));
  const steps: Step[] = [];
  for (let top = range.top; top <= range.bottom; top += rowsPerChunk) {
    const part = { ...range, top, bottom: Math.min(range.bottom, top + rowsPerChunk - 1) };
    const address = rangeAddress(part);
    steps.push({
      ...about,
      label: `${about.label} ${address}`,
      bytes: rangeRows(part) * rangeColumns(part) * READ_BYTES_PER_CELL,
      queue: () => load(address, part),
    });
  }
  return steps;
}

/**
 * Steps in order, cut into requests of at most `budget` estimated bytes, each about one sheet
 * (`bySheet`, for writes): Excel names only the failing member (debugInfo.errorLocation), so a
 * request that mixed sheets could not say which sheet failed.
 */
export function packSteps(steps: readonly Step[], budget: number, bySheet = true): Step[][] {
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

// ---- sending requests --------------------------------------------------------------------------

const NOTHING = (): void => undefined;

/** Sends each batch of steps as one request; a failure names the step Excel points at. */
export async function syncBatches(
  context: Excel.RequestContext,
  batches: readonly (readonly Step[])[],
  before: (context: Excel.RequestContext, index: number) => void = NOTHING,
  after: (index: number, batch: readonly Step[]) => void = NOTHING,
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

/** Suspends what slows a bulk write until the next sync (called once per request, never per row). */
export function suspendUntilNextSync(
  context: Excel.RequestContext,
  supports: RequestSettings["supports"],
  calculation: boolean,
): void {
  const app = context.workbook.application;
  // ExcelApi 1.9. Called once per request: more calls would flicker, fewer would show the build.
  if (supports("ExcelApi", "1.9")) app.suspendScreenUpdatingUntilNextSync();
  // ExcelApi 1.6. Not on the commit request, which asks Excel to recalculate.
  if (calculation) app.suspendApiCalculationUntilNextSync();
}

// ---- failures ----------------------------------------------------------------------------------

/** A request that failed, with the step it failed in. */
export class StepFailure extends Error {
  constructor(
    readonly step: Step,
    override readonly cause: unknown,
  ) {
    super(messageOf(cause));
    this.name = "StepFailure";
  }
}

/** The error Excel raised, without the step it was found in (for the read and write calls). */
export function excelError(error: unknown): never {
  throw error instanceof StepFailure ? error.cause : error;
}

export function messageOf(error: unknown): string {
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
  // Only what the candidates share is certain: their kind, or each kind they may be.
  const kinds = [...new Set(candidates.map((s) => s.kind))];
  return { ...candidates[0], label: kinds.join(" or "), range: undefined };
}
