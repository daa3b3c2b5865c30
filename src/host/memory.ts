/**
 * MemoryHost: an in-memory workbook computed by HyperFormula, for the browser preview and the
 * tests. It applies the same SheetPlans as OfficeHost, with the GENAI
 * functions registered as a plugin so the live dialect computes, and keeps what HyperFormula has
 * no notion of (formats, styles, tables, validation, conditional formats, freeze panes, charts)
 * as data per sheet, which it tells a reader through readSheet.
 *
 * Never imported by the production add-in: HyperFormula is GPL-licensed and heavy.
 *
 * How applyPlans stays all-or-nothing: sheets are only ever added or cleared (never removed), all
 * in HyperFormula batches whose undo entries are the only ones on the undo stack; on a failure
 * the stack is undone to the bottom, which restores sheets, cells and names exactly.
 */
import {
  DetailedCellError,
  type ExportedChange,
  ExportedCellChange,
  HyperFormula,
  type RawCellContent,
  type SimpleCellAddress,
} from "hyperformula";
import {
  cellAddress,
  parseCell,
  parseRange,
  rangeAddress,
  rangeColumns,
  rangeRows,
  referenceParts,
  sheetPrefix,
} from "../shared/a1";
import { blockRange, cellInDialect, inputCells, isInputCell, writableCells } from "../templates/cells";
import {
  isFormula,
  type PlanCell,
  type PlanValue,
  type RangeFormat,
  type SheetPlan,
  TEMPLATE_IDS,
  type TemplateId,
} from "../templates/plan";
import { decidePlacements, planConflicts } from "./placement";
import {
  applyResultOf,
  decideBuild,
  planNameConflicts,
  type KeptCell,
  userFormula,
  withKeptInputs,
} from "./apply-common";
import { registerExcelRounding } from "./excel-rounding";
import { registerLazyIf } from "./lazy-if";
import { keepInto } from "./kept-content";
import { registerGenaiPlugin } from "./genai-plugin";
import { recalculateShapeReaders } from "./shape-readers";
import { installChangeKeys } from "./change-keys";
import { installEdgeIndex } from "./graph-edges";
import { installExcelFormulaText } from "./formula-text";
import { installParseMemo, type ParseMemo } from "./parse-memo";
import { dateFormatsFor, type DateOrder, localeDateOrder } from "./date-order";
import {
  markedSheet,
  type Pending,
  PlanWriter,
  type SheetRecord,
  sheetIdOf,
  type Work,
} from "./memory-apply";
import { restoreSnapshot, snapshotOf, type WorkbookSnapshot } from "./memory-snapshot";
import type { RowWindow, SheetReading } from "./sheet-reading";
import { CellWriteError, checkWrite } from "./memory-writes";
import { moveFormulaRows, movedRow, type RowChange, sameRowFormula } from "./formula-rows";
import { TableRowError } from "./table-row-error";
import {
  carryRowCheck,
  movePlanRows,
  planCellAt,
  planRowEnd,
  tableBody,
  tableLabelCells,
  tableRowRefusal,
  withLabels,
  writableColumns,
  type TableBody,
} from "./plan-rows";
import {
  ApplyError,
  clause,
  type ApplyOptions,
  type ApplyResult,
  type CellValue,
  type CellWrite,
  type KeepReport,
  type ChangeEvent,
  type ApplyStepKind,
  type Conflict,
  type NameConflict,
  type NameLocation,
  type Recovery,
  type SheetInfo,
  type SheetTemplate,
  sheetTemplate,
  templateMarkerName,
  templateVersionName,
  type Unsubscribe,
  type WorkbookHost,
  type WriteResult,
  type SkippedCell,
} from "./workbook-host";

/** The steps of applyPlans, as offered to the failAt hook. */
export type ApplyStep = "prepare" | "names" | "blocks" | "relink" | "values";

/** Each step in words, as ApplyError and progress name it. */
export const APPLY_STEP_WORDS: Readonly<Record<ApplyStep, string>> = {
  prepare: "preparing the sheet",
  names: "pointing the workbook names at the sheet",
  blocks: "writing cells",
  relink: "relinking formulas that read moved names",
  values: "writing computed values",
};

const STEP_KINDS: Record<ApplyStep, ApplyStepKind> = {
  prepare: "preparing",
  names: "names",
  blocks: "cells",
  relink: "linking",
  values: "values",
};

const HAS_DIGIT = /[0-9]/;
const defaultParseDateTime = HyperFormula.defaultConfig.parseDateTime;

/**
 * precisionRounding: HyperFormula rounds numbers as they are read out (to precisionRounding + 1
 * significant digits; the default 10 would break parity at 1e-9). At 15 a value reads back within
 * about 6e-16 relative of the full double; higher settings get no closer (the rounding itself
 * costs an ulp or two), and only `smartRounding: false` would give the exact double, at the cost
 * of HyperFormula's near-equality comparisons.
 *
 * accentSensitive: text compares as Excel compares it, case-insensitive but accent-sensitive
 * ("Módel" is not "Model" in `=` or COUNTIF). HyperFormula's default ignores accents, so a Stress
 * line check would match where Excel does not.
 *
 * parseDateTime: HyperFormula reads a text as a date or time wherever it could be one: as it is
 * typed into a cell, and on both sides of every comparison with text (`C11=""`, `J11="Quick
 * Win"`), four tries per text with its default formats. A date or time has a digit, so a text
 * without one is answered at once: a 5,000-row Portfolio compares about 85,000 texts as it is
 * built. It also keeps as text what Excel keeps as text: HyperFormula's own parser reads ":" as
 * the time 00:00.
 *
 * dateFormats: a typed date is read in the order of the runtime's locale, as Excel reads it in
 * the system's (see date-order.ts); HyperFormula's own default is day first everywhere.
 */
function engineConfig(order: DateOrder) {
  return {
    licenseKey: "gpl-v3",
    precisionRounding: 15,
    accentSensitive: true,
    dateFormats: dateFormatsFor(order),
    parseDateTime: (text: string, dateFormat?: string, timeFormat?: string) =>
      HAS_DIGIT.test(text) ? defaultParseDateTime(text, dateFormat, timeFormat) : undefined,
  } as const;
}

export interface MemoryHostOptions {
  /**
   * Test hook: called before each step of applyPlans with the step and the sheet it is about;
   * returning true makes that step throw, to prove the rollback. Leave unset outside tests.
   */
  readonly failAt?: (step: ApplyStep, sheet: string) => boolean;
  /**
   * Test hook: false parses every formula a plan writes through HyperFormula alone (parse-memo.ts),
   * to prove the memo changes nothing. Leave unset outside tests.
   */
  readonly memoizeParses?: boolean;
  /** How typed dates are read (default: as the runtime's locale writes them). */
  readonly dateOrder?: DateOrder;
}

/** The fewest rows a table keeps: a row operation copies the calculated columns between neighbours. */
export const MIN_TABLE_ROWS = 2;
/** The most rows one operation inserts or deletes. */
export const MAX_ROW_OPERATION = 1_000;

export { TableRowError } from "./table-row-error";

/** A formula the user owns (a cell or a name) as a row delete left it, and as it was before. */
export interface ChangedFormula {
  /** The formula before the delete. */
  readonly before: string;
  /** The formula right after it (with #REF! where it read a deleted cell, shorter ranges). */
  readonly after: string;
}

/**
 * What deleteTableRows took away: the user's cells of each deleted row (inputs, labels, and
 * anything typed beside the template's cells: values, and formulas as text), and every formula of
 * the user's elsewhere in the workbook (cells on any sheet, names) that the delete changed, so
 * restoreTableRows puts them all back as Excel's undo does.
 */
export interface RemovedRows {
  readonly rows: readonly (readonly { readonly column: number; readonly content: CellValue }[])[];
  /** Cells at their address after the delete (sheet by name). */
  readonly formulas?: readonly (ChangedFormula & {
    readonly sheet: string;
    readonly row: number;
    readonly column: number;
  })[];
  /** Names, with the sheet they are scoped to (null: the workbook). */
  readonly names?: readonly (ChangedFormula & { readonly name: string; readonly scope: string | null })[];
}

/** A HyperFormula value as the WorkbookHost reads it: errors as Excel's strings, empty as null. */
export function cellValue(value: unknown): CellValue {
  if (value instanceof DetailedCellError) return value.value;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  return null;
}

export class MemoryHost implements WorkbookHost {
  private readonly hf: HyperFormula;
  /** Template sheets by HyperFormula sheet id (ids survive clearing and renaming). */
  private readonly records = new Map<number, SheetRecord>();
  private readonly writer: PlanWriter;
  /** Parses of formulas by relative form, while a plan's blocks are written. */
  private readonly parseMemo: ParseMemo;
  private readonly listeners = new Set<(event: ChangeEvent) => void>();

  constructor(private readonly options: MemoryHostOptions = {}) {
    registerGenaiPlugin();
    registerExcelRounding();
    registerLazyIf();
    // Before the first workbook: its change lists then have number keys from the start.
    installChangeKeys();
    this.hf = HyperFormula.buildEmpty(engineConfig(options.dateOrder ?? localeDateOrder()));
    // Rows that all read the same name would otherwise make building a large sheet quadratic.
    installEdgeIndex(this.hf);
    // Formulas as Excel spells them (1E-300, _xlfn.BETA.INV), whichever way they come in.
    installExcelFormulaText(this.hf);
    // After the spelling fix, so that it sees formulas as written.
    this.parseMemo =
      options.memoizeParses === false ? { during: (write) => write() } : installParseMemo(this.hf);
    this.writer = new PlanWriter(this.hf, this.records);
  }

  /** A workbook restored from a snapshot (the preview's storage), recalculated. */
  static fromSnapshot(snapshot: WorkbookSnapshot, options: MemoryHostOptions = {}): MemoryHost {
    const host = new MemoryHost(options);
    // The sheets are added before any cell is written: one memo serves the whole restore.
    host.parseMemo.during(() => restoreSnapshot(host.hf, host.records, snapshot));
    return host;
  }

  /** The workbook as plain data: cells as written, names, and the plans of template sheets. */
  snapshot(): WorkbookSnapshot {
    return snapshotOf(this.hf, this.records);
  }

  async listSheets(): Promise<SheetInfo[]> {
    return Promise.resolve(this.sheetInfos());
  }

  async conflicts(plans: readonly SheetPlan[]): Promise<Conflict[]> {
    return Promise.resolve(planConflicts(plans, this.sheetInfos()));
  }

  async nameConflicts(plans: readonly SheetPlan[]): Promise<NameConflict[]> {
    return Promise.resolve(planNameConflicts(plans, this.sheetInfos(), this.workbookNames()));
  }

  /**
   * Nothing to recover: a failed applyPlans undoes HyperFormula's batches exactly, so a
   * MemoryHost is never left with temporary sheets.
   */
  async recoverInterrupted(): Promise<Recovery> {
    return Promise.resolve({ restored: [], removed: [], kept: [] });
  }

  async keepPreview(plans: readonly SheetPlan[]): Promise<Record<string, KeepReport>> {
    const out: Record<string, KeepReport> = {};
    for (const d of decidePlacements(plans, this.sheetInfos(), { policies: {} }))
      if (d.existing && d.keepInputs)
        out[d.existing.name] = keepInto(d.plan, this.writer.keptSheet(d)).report;
    return Promise.resolve(out);
  }

  async applyPlans(plans: readonly SheetPlan[], options: ApplyOptions): Promise<ApplyResult> {
    const infos = this.sheetInfos();
    const decisions = decideBuild(plans, infos, this.workbookNames(), options);
    const work: Work[] = decisions
      .filter((d) => d.outcome !== "skip")
      .map((decision) => {
        const keeps = decision.keepInputs && decision.existing !== null;
        const { plan: withKept, report } = keepInto(decision.plan, this.writer.keptSheet(decision));
        const plan = { ...withKept, sheet: decision.targetName };
        // HyperFormula reads no contents inside a batch: the copy's are read now.
        const from = decision.copyName && decision.existing ? this.sheetId(decision.existing.name) : null;
        const copyContent = from === null ? null : this.hf.getSheetSerialized(from);
        return {
          decision,
          plan,
          kept: keeps ? report : null,
          copyContent,
          sheetId: -1,
        };
      });
    const result = applyResultOf(decisions, (d) => work.find((x) => x.decision === d)?.kept ?? null);
    if (work.length === 0) return Promise.resolve(result);

    const recordsBefore = new Map(this.records);
    const total = work.length * 4;
    let done = 0;
    let at: { step: ApplyStep; sheet: string } = { step: "prepare", sheet: work[0].plan.sheet };
    const step = (name: ApplyStep, sheet: string, run: () => void, counted = true): void => {
      at = { step: name, sheet };
      if (this.options.failAt?.(name, sheet)) throw new Error(`injected failure (${name}, ${sheet})`);
      run();
      if (counted)
        options.onProgress?.({
          step: `${APPLY_STEP_WORDS[name]} (${sheet})`,
          kind: STEP_KINDS[name],
          sheet,
          done: ++done,
          total,
        });
    };

    // Concatenated, never spread into push(): a 5,000-row build reports hundreds of thousands of
    // changes, more arguments than a Web Worker's stack holds.
    let changes: ExportedChange[] = [];
    this.hf.clearUndoStack();
    try {
      const pending: Pending[] = [];
      const renamed = new Set<string>();
      changes = changes.concat(
        this.hf.batch(() => {
          for (const w of work)
            step("prepare", w.plan.sheet, () => {
              this.writer.keepCopy(w);
              this.writer.prepare(w, options.dialect);
            });
          const targets = new Set(work.map((w) => w.sheetId));
          for (const w of work)
            step("names", w.plan.sheet, () => this.writer.defineNames(w, targets, renamed));
          recalculateShapeReaders(this.hf);
          // Every sheet exists by now: sheet names resolve the same way for every block.
          this.parseMemo.during(() => {
            for (const w of work)
              step("blocks", w.plan.sheet, () => this.writer.writeBlocks(w, options.dialect, pending));
          });
          this.writer.relink(targets, renamed, (sheet, run) => step("relink", sheet, run, false));
        }),
      );
      // Portable cells without a native form take the live result, once it is computed.
      const values = pending.map((p) => cellValue(this.hf.getCellValue(this.address(p))));
      changes = changes.concat(
        this.hf.batch(() => {
          for (const w of work)
            step("values", w.plan.sheet, () =>
              this.writer.writeValues(
                w,
                options.dialect,
                pending.filter((p) => p.sheetId === w.sheetId),
                values.filter((_, i) => pending[i].sheetId === w.sheetId),
              ),
            );
        }),
      );
    } catch (error) {
      while (this.hf.isThereSomethingToUndo()) this.hf.undo();
      this.hf.clearUndoStack();
      this.records.clear();
      for (const [id, record] of recordsBefore) this.records.set(id, record);
      const detail = clause(error instanceof Error ? error.message : String(error));
      throw new ApplyError(
        `Building sheet "${at.sheet}" failed at step "${APPLY_STEP_WORDS[at.step]}": ${detail}. The workbook was left as it was.`,
        at.sheet,
        APPLY_STEP_WORDS[at.step],
        error,
        true,
        STEP_KINDS[at.step],
      );
    }
    this.hf.clearUndoStack();
    this.emit(
      changes,
      "addin",
      work.map((w) => w.sheetId),
    );
    return Promise.resolve(result);
  }

  async readRange(sheet: string, address: string): Promise<CellValue[][]> {
    const id = this.sheetIdOrThrow(sheet);
    const r = parseRange(address);
    const values = this.hf.getRangeValues({
      start: { sheet: id, row: r.top, col: r.left },
      end: { sheet: id, row: r.bottom, col: r.right },
    });
    return Promise.resolve(values.map((row) => row.map(cellValue)));
  }

  async readNames(names: readonly string[]): Promise<Record<string, CellValue[][] | null>> {
    return Promise.resolve(Object.fromEntries(names.map((name) => [name, this.nameValues(name)])));
  }

  async locateNames(names: readonly string[]): Promise<Record<string, NameLocation | null>> {
    return Promise.resolve(
      Object.fromEntries(
        names.map((name): [string, NameLocation | null] => {
          const named = this.hf.getNamedExpression(name);
          const parts = named ? referenceParts(String(named.expression)) : null;
          return [name, parts?.sheet ? { sheet: parts.sheet, address: rangeAddress(parts.range) } : null];
        }),
      ),
    );
  }

  async writeCells(writes: readonly CellWrite[]): Promise<WriteResult> {
    const skipped: SkippedCell[] = [];
    const checked = writes.map((w) => {
      const id = this.sheetId(w.sheet);
      if (id === null) throw new CellWriteError(`There is no sheet named "${w.sheet}".`, w.sheet, w.address);
      const name = this.hf.getSheetName(id) ?? w.sheet;
      const plan = this.records.get(id)?.plan ?? null;
      // A formula the user typed where a value belongs (an input of a template sheet) is theirs:
      // the write leaves it and says so. Anywhere else a formula refuses the write (checkWrite).
      const users = (row: number, column: number): string | null => {
        const at = { sheet: id, row, col: column };
        if (plan === null || !isInputCell(plan, row, column) || !this.hf.doesCellHaveFormula(at)) return null;
        return this.hf.getCellFormula(at) ?? null;
      };
      checkWrite(
        w,
        name,
        plan,
        (row, column) => users(row, column) === null && this.isComputed({ sheet: id, row, col: column }),
      );
      const at = parseCell(w.address.split(":")[0]);
      const cells: { row: number; column: number; value: CellValue }[] = [];
      w.values.forEach((line, r) =>
        line.forEach((value, c) => {
          const formula = users(at.row + r, at.column + c);
          if (formula === null) cells.push({ row: at.row + r, column: at.column + c, value });
          else skipped.push({ sheet: name, address: cellAddress(at.row + r, at.column + c), formula });
        }),
      );
      return {
        id,
        at,
        values: w.values,
        cells,
        whole: cells.length === w.values.length * (w.values[0]?.length ?? 0),
      };
    });
    if (checked.length === 0) return Promise.resolve({ skipped });
    // A write's number format joins its sheet's plan formats, which the preview shows (replacing
    // the format an earlier write gave the same range).
    for (const w of writes) {
      const id = this.sheetId(w.sheet);
      const record = id === null ? undefined : this.records.get(id);
      if (!w.format || id === null || !record) continue;
      const format: RangeFormat = { range: w.address, format: w.format.kind };
      const formats = [...record.plan.formats.filter((f) => f.range !== w.address), format];
      this.records.set(id, { ...record, plan: { ...record.plan, formats } });
    }
    const changes = this.hf.batch(() => {
      for (const { id, at, values, cells, whole } of checked) {
        if (whole)
          this.hf.setCellContents({ sheet: id, row: at.row, col: at.column }, values as RawCellContent[][]);
        else
          for (const c of cells)
            this.hf.setCellContents({ sheet: id, row: c.row, col: c.column }, [[c.value]]);
      }
    });
    this.hf.clearUndoStack();
    this.emit(
      changes,
      "user",
      checked.map((c) => c.id),
    );
    return Promise.resolve({ skipped });
  }

  /**
   * Inserts `count` empty rows into a table of a template sheet before its body row `index`
   * (0 = above the first row, the row count = below the last), as Excel's "Insert table rows"
   * does: the table, every range over its rows (totals, ranks, names, charts) and what lies below
   * grow with it; the new rows take the calculated columns' formulas and have empty inputs.
   *
   * The sheet rows are inserted where the new rows go, so every reference to a row below them,
   * on any sheet and in any name, moves down with that row (a formula reading the first use case
   * still reads it once a row is inserted above it). A range over a whole table column does not
   * take in rows inserted at its edge that way, where the table's own column would: the template's
   * ranges over the table (its formulas and names) are then pointed at the grown table, as the
   * plan has them. The user's own formulas keep Excel's rule for a plain range.
   */
  async insertTableRows(sheet: string, table: string, index: number, count = 1): Promise<void> {
    const { id, record, body } = this.tableOrThrow(sheet, table);
    const n = body.bottom - body.top + 1;
    if (!Number.isInteger(index) || index < 0 || index > n)
      throw new TableRowError("rowsNoPosition", { table: body.name, rows: n, position: index });
    this.checkRowCount(count);
    this.refuseRows(record.plan, body);
    const at = body.top + index;
    const change: RowChange = { kind: "insert", at, count, table: { top: body.top, bottom: body.bottom } };
    const plan = movePlanRows(record.plan, change);
    const moved = tableBody(plan, body.name);
    if (moved) carryRowCheck(record.plan, plan, body, moved);
    const stretched = index === 0 || index === n ? this.stretched(id, record, plan, change) : null;
    const changes = this.hf.batch(() => {
      this.hf.addRows(id, [at, count]);
      for (let row = at; row < at + count; row++) {
        const line: RawCellContent[] = [];
        for (let column = 0; column <= planRowEnd(plan, row); column++) {
          const cell = planCellAt(plan, row, column);
          line.push(cell === undefined ? null : cellInDialect(cell, record.dialect));
        }
        this.hf.setCellContents({ sheet: id, row, col: 0 }, [line]);
      }
      for (const c of stretched?.cells ?? [])
        this.hf.setCellContents({ sheet: id, row: c.row, col: c.column }, [[c.formula]]);
    });
    // Names are re-pointed once the rows are in: HyperFormula 3.5 evaluates a name changed inside
    // the same batch as a row insert before the cells it reads ("Value of the formula cell is not
    // computed").
    const renamed = this.hf.batch(() => {
      for (const { name, expression } of stretched?.names ?? [])
        this.hf.changeNamedExpression(name, expression);
      recalculateShapeReaders(this.hf);
    });
    this.records.set(id, { ...record, plan });
    this.hf.clearUndoStack();
    this.emit(changes.concat(renamed), "user", [id]);
    return Promise.resolve();
  }

  /**
   * Appends rows with their inputs to the end of a table of a template sheet (WorkbookHost), as
   * rows inserted below its last row: the table and the template's ranges over it (totals, names,
   * the formulas that read them) grow to take them in, and every reference to the table's rows
   * stays on its row. Calculated columns take the formulas of the last row; each given row fills
   * the table's first cells (formulas in same-row R1C1 form, "RC3").
   */
  async appendTableRows(
    sheet: string,
    table: string,
    rows: readonly (readonly CellValue[])[],
  ): Promise<void> {
    const { id, record, body } = this.tableOrThrow(sheet, table);
    const n = body.bottom - body.top + 1;
    const count = rows.length;
    this.checkRowCount(count);
    if (n < MIN_TABLE_ROWS) throw new TableRowError("rowsAppendSingle", { table: body.name });
    this.refuseRows(record.plan, body);
    const at = body.bottom + 1;
    const change: RowChange = { kind: "insert", at, count, table: { top: body.top, bottom: body.bottom } };
    const moved = movePlanRows(record.plan, change);
    const columns = writableColumns(record.plan, body.bottom);
    const content = (value: CellValue | undefined, row: number): RawCellContent =>
      typeof value === "string" && value.startsWith("=") ? sameRowFormula(value, row) : (value ?? null);
    // The plan holds what the rows hold (a copy down would give them the row above's inputs), so an
    // export or a later row operation writes the lines' own inputs.
    const written = new Map<string, PlanCell>();
    rows.forEach((given, k) =>
      columns.forEach((column) => {
        const held = content(given[column - body.left], at + k);
        written.set(
          `${at + k},${column}`,
          typeof held === "string" && held.startsWith("=")
            ? userFormula(held)
            : ((held ?? null) as PlanValue),
        );
      }),
    );
    const plan = withPlanCells(moved, written);
    const stretched = this.stretched(id, record, plan, change);
    const changes = this.hf.batch(() => {
      this.hf.addRows(id, [at, count]);
      for (let row = at; row < at + count; row++) {
        const line: RawCellContent[] = [];
        for (let column = 0; column <= planRowEnd(plan, row); column++) {
          const cell = planCellAt(plan, row, column);
          line.push(cell === undefined ? null : cellInDialect(cell, record.dialect));
        }
        this.hf.setCellContents({ sheet: id, row, col: 0 }, [line]);
      }
      for (const c of stretched.cells)
        this.hf.setCellContents({ sheet: id, row: c.row, col: c.column }, [[c.formula]]);
      rows.forEach((given, k) => {
        for (const column of columns)
          this.hf.setCellContents({ sheet: id, row: at + k, col: column }, [
            [content(given[column - body.left], at + k)],
          ]);
      });
    });
    const renamed = this.hf.batch(() => {
      for (const { name, expression } of stretched.names) this.hf.changeNamedExpression(name, expression);
      recalculateShapeReaders(this.hf);
    });
    this.records.set(id, { ...record, plan });
    this.hf.clearUndoStack();
    this.emit(changes.concat(renamed), "user", [id]);
    return Promise.resolve();
  }

  /**
   * Deletes `count` rows of a table from its body row `index`, as Excel's "Delete table rows"
   * does: ranges over the table shrink, what lies below moves up, and a formula that read a
   * deleted cell reads #REF!. A table keeps MIN_TABLE_ROWS. Resolves with what the rows held and
   * the user's formulas the delete changed, for restoreTableRows.
   */
  async deleteTableRows(sheet: string, table: string, index: number, count = 1): Promise<RemovedRows> {
    const { id, record, body } = this.tableOrThrow(sheet, table);
    const n = body.bottom - body.top + 1;
    this.checkRowCount(count);
    if (!Number.isInteger(index) || index < 0 || index + count > n)
      throw new TableRowError("rowsNotInTable", {
        table: body.name,
        rows: n,
        first: index + 1,
        last: index + count,
      });
    if (n - count < MIN_TABLE_ROWS)
      throw new TableRowError("rowsKeepAtLeast", { table: body.name, min: MIN_TABLE_ROWS });
    this.refuseRows(record.plan, body);
    const at = body.top + index;
    const rows = Array.from({ length: count }, (_, k) => this.userRow(id, record.plan, at + k));
    const change: RowChange = { kind: "delete", at, count };
    const plan = movePlanRows(record.plan, change);
    const moved = tableBody(plan, body.name);
    if (moved) carryRowCheck(record.plan, plan, body, moved);
    const formulasBefore = this.userFormulas().filter(
      (f) => f.sheet !== id || f.row < at || f.row >= at + count,
    );
    const namesBefore = this.hf.getAllNamedExpressionsSerialized();
    const changes = this.hf.batch(() => this.hf.removeRows(id, [at, count]));
    this.records.set(id, { ...record, plan });
    this.hf.clearUndoStack();
    const formulas = formulasBefore.flatMap((f) => {
      const row = f.sheet === id ? (movedRow(f.row, change) as number) : f.row;
      const after = this.hf.getCellFormula({ sheet: f.sheet, row, col: f.column });
      const name = this.hf.getSheetName(f.sheet);
      return after === undefined || after === f.formula || name === undefined
        ? []
        : [{ sheet: name, row, column: f.column, before: f.formula, after }];
    });
    const namesAfter = this.hf.getAllNamedExpressionsSerialized();
    const names = namesBefore.flatMap((b) => {
      const a = namesAfter.find((x) => x.name === b.name && x.scope === b.scope);
      const [before, after] = [String(b.expression), String(a?.expression)];
      if (!a || before === after) return [];
      const scope = b.scope === undefined ? null : (this.hf.getSheetName(b.scope) ?? null);
      return [{ name: b.name, scope, before, after }];
    });
    this.emit(changes, "user", [id]);
    return Promise.resolve({ rows, formulas, names });
  }

  /**
   * Puts back rows that deleteTableRows took, at the same place, with what they held, and the
   * user's formulas and names the delete changed, as they were before it. A formula or name
   * changed again since the delete is the user's newer work and stays as it is.
   */
  async restoreTableRows(sheet: string, table: string, index: number, removed: RemovedRows): Promise<void> {
    const target = this.tableOrThrow(sheet, table);
    const formulas = (removed.formulas ?? []).flatMap((f) => {
      const id = this.sheetId(f.sheet);
      if (id === null || this.hf.getCellFormula({ sheet: id, row: f.row, col: f.column }) !== f.after)
        return [];
      return [{ ...f, id }];
    });
    const names = (removed.names ?? []).flatMap((n) => {
      const scope = n.scope === null ? undefined : (this.sheetId(n.scope) ?? -1);
      if (scope === -1) return [];
      const now = this.hf
        .getAllNamedExpressionsSerialized()
        .find((x) => x.name === n.name && x.scope === scope);
      return now && String(now.expression) === n.after ? [{ ...n, id: scope }] : [];
    });
    const count = removed.rows.length;
    await this.insertTableRows(sheet, table, index, count);
    const { id, record, body } = this.tableOrThrow(sheet, table);
    const at = body.top + index;
    // The template's own values in the rows (a line's note) go back into its plan too.
    const writable = new Set(writableCells(record.plan).map(({ row, column }) => `${row},${column}`));
    const values = new Map<string, PlanCell>();
    removed.rows.forEach((cells, k) => {
      for (const { column, content } of cells) {
        const cell = planCellAt(record.plan, at + k, column);
        if (cell !== undefined && !isFormula(cell) && !writable.has(`${at + k},${column}`))
          values.set(`${at + k},${column}`, content);
      }
    });
    if (values.size > 0) this.records.set(id, { ...record, plan: withPlanCells(record.plan, values) });
    const changes = this.hf.batch(() => {
      removed.rows.forEach((cells, k) => {
        for (const { column, content } of cells)
          this.hf.setCellContents({ sheet: id, row: at + k, col: column }, [[content]]);
      });
      // Rows at or below the restored ones are back where they were before the delete.
      for (const f of formulas) {
        const row = f.id === target.id && f.row >= at ? f.row + count : f.row;
        this.hf.setCellContents({ sheet: f.id, row, col: f.column }, [[f.before]]);
      }
      for (const n of names) this.hf.changeNamedExpression(n.name, n.before, n.id);
      recalculateShapeReaders(this.hf);
    });
    this.hf.clearUndoStack();
    this.emit(changes, "user", [id]);
  }

  onChange(listener: (event: ChangeEvent) => void): Unsubscribe {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Adds a sheet as a user would make one (tests and the preview): values at A1, where text
   * starting with "=" is a formula the user typed.
   */
  addSheet(name: string, rows: readonly (readonly CellValue[])[] = []): void {
    const id = this.hf.getSheetId(this.hf.addSheet(name)) as number;
    if (rows.length > 0) this.hf.setCellContents({ sheet: id, row: 0, col: 0 }, rows as RawCellContent[][]);
    this.hf.clearUndoStack();
  }

  /**
   * Defines a name as a user would (the preview, opening a workbook's own names): `expression`
   * as a formula with its "=", workbook-scoped or scoped to `scope`'s sheet. False, and nothing
   * changed, when the workbook cannot hold it (the name is taken in that scope, or is not a valid
   * name, or the expression does not parse).
   */
  addName(name: string, expression: string, scope: string | null = null): boolean {
    const id = scope === null ? undefined : this.sheetId(scope);
    if (id === null) return false;
    if (!this.hf.isItPossibleToAddNamedExpression(name, expression, id)) return false;
    this.hf.batch(() => {
      this.hf.addNamedExpression(name, expression, id);
      recalculateShapeReaders(this.hf);
    });
    this.hf.clearUndoStack();
    return true;
  }

  /**
   * A cell typed as a user types it in Excel, outside the pane's rules (tests, and an editing
   * grid): a value, or text starting with "=" as a formula. Reported as the user's change.
   */
  typeAsUser(sheet: string, address: string, input: CellValue): void {
    const id = this.sheetIdOrThrow(sheet);
    const at = parseCell(address);
    const changes = this.hf.setCellContents({ sheet: id, row: at.row, col: at.column }, [[input]]);
    this.hf.clearUndoStack();
    this.emit(changes, "user", [id]);
  }

  /**
   * What the sheet holds, for a reader outside the host (the preview's grid): its plan, values,
   * formulas and error messages. With a `window`, only the cells of those rows (and of the frozen
   * rows) are read: the grid asks for the rows in view, so an edit in a 5,000-row sheet does not
   * copy 100,000 cells.
   */
  readSheet(sheet: string, window: RowWindow | null = null): SheetReading {
    const id = this.sheetIdOrThrow(sheet);
    const record = this.records.get(id) ?? null;
    const name = this.hf.getSheetName(id) ?? sheet;
    const dims = this.hf.getSheetDimensions(id);
    const dimensions = { rows: dims.height, columns: dims.width };
    // The bands of rows to read: all of them, or the frozen rows and the window.
    const bands: { top: number; values: unknown[][]; formulas: (string | undefined)[][] }[] = [];
    const read = (top: number, bottom: number): void => {
      if (bottom < top || dims.width === 0) return;
      const range = {
        start: { sheet: id, row: top, col: 0 },
        end: { sheet: id, row: bottom, col: dims.width - 1 },
      };
      bands.push({ top, values: this.hf.getRangeValues(range), formulas: this.hf.getRangeFormulas(range) });
    };
    if (window === null) read(0, dims.height - 1);
    else {
      const frozen = Math.min(record?.plan.freeze?.rows ?? 0, dims.height);
      read(0, frozen - 1);
      read(Math.max(frozen, window.top), Math.min(window.bottom, dims.height - 1));
    }
    const band = (row: number) => bands.find((b) => row >= b.top && row < b.top + b.values.length);
    const raw = (row: number, column: number): unknown => band(row)?.values[row - band(row)!.top]?.[column];
    return {
      name,
      plan: record?.plan ?? null,
      dialect: record?.dialect ?? null,
      dimensions,
      value: (row, column) => cellValue(raw(row, column)),
      formula: (row, column) => {
        const b = band(row);
        return b?.formulas[row - b.top]?.[column];
      },
      errorMessage: (row, column) => {
        const v = raw(row, column);
        return v instanceof DetailedCellError ? v.message : undefined;
      },
      values: (reference) => this.referenceValues(reference, name),
    };
  }

  /** Every defined name, workbook-scoped (scope null) or sheet-scoped, with what it refers to. */
  names(): { name: string; scope: string | null; expression: string }[] {
    return this.hf.getAllNamedExpressionsSerialized().map((n) => ({
      name: n.name,
      scope: n.scope === undefined ? null : (this.hf.getSheetName(n.scope) ?? null),
      expression: String(n.expression),
    }));
  }

  /**
   * The tables of a template sheet as the workbook now holds them (name and A1 range, header row
   * included; rows added or removed since the build included); [] for another sheet. The
   * preview's undo compares them to tell whether a table's rows moved since an edit.
   */
  tableLayout(sheet: string): { name: string; range: string }[] {
    const id = this.sheetId(sheet);
    const record = id === null ? undefined : this.records.get(id);
    return (record?.plan.tables ?? []).map((t) => ({ name: t.name, range: t.range }));
  }

  /**
   * The template sheets' plans as the workbook now holds them, in tab order: each under its real
   * name, with the inputs' current values (for the .xlsx export of a built workbook).
   */
  appliedPlans(): SheetPlan[] {
    return this.hf.getSheetNames().flatMap((name) => {
      const id = this.hf.getSheetId(name) as number;
      const record = this.records.get(id);
      if (!record) return [];
      const current = new Map<string, KeptCell>();
      for (const { row, column } of [...inputCells(record.plan), ...tableLabelCells(record.plan)]) {
        const raw = this.hf.getCellSerialized({ sheet: id, row, col: column });
        if (typeof raw === "string" && raw.startsWith("=")) current.set(`${row},${column}`, userFormula(raw));
        else if (raw === null || ["number", "string", "boolean"].includes(typeof raw))
          current.set(`${row},${column}`, raw as PlanValue);
      }
      return [{ ...withLabels(withKeptInputs(record.plan, current), current), sheet: name }];
    });
  }

  // ---- table rows -----------------------------------------------------------------------

  private tableOrThrow(sheet: string, table: string): { id: number; record: SheetRecord; body: TableBody } {
    const id = this.sheetIdOrThrow(sheet);
    const record = this.records.get(id);
    const body = record ? tableBody(record.plan, table) : null;
    if (!record || !body)
      throw new TableRowError("rowsNoTable", { sheet: this.hf.getSheetName(id) ?? sheet, table });
    return { id, record, body };
  }

  private checkRowCount(count: number): void {
    if (!Number.isInteger(count) || count < 1 || count > MAX_ROW_OPERATION)
      throw new TableRowError("rowsCount", { max: MAX_ROW_OPERATION, count: String(count) });
  }

  private refuseRows(plan: SheetPlan, body: TableBody): void {
    const refusal = tableRowRefusal(plan, body);
    if (refusal) throw new TableRowError("rowsFormulaColumn", { ...refusal });
  }

  /**
   * The template's formulas and names over a whole table that a plain insert at the table's edge
   * leaves short of the new rows (HyperFormula, like Excel, grows a range only for rows inserted
   * inside it): each with what the grown plan has, at its place after the insert.
   */
  private stretched(
    id: number,
    record: SheetRecord,
    plan: SheetPlan,
    change: RowChange,
  ): {
    cells: { row: number; column: number; formula: string }[];
    names: { name: string; expression: string }[];
  } {
    const plain: RowChange = { kind: change.kind, at: change.at, count: change.count };
    const writable = new Set(writableCells(record.plan).map(({ row, column }) => `${row},${column}`));
    const cells: { row: number; column: number; formula: string }[] = [];
    for (const block of record.plan.blocks) {
      const r = blockRange(block);
      block.cells.forEach((line, i) =>
        line.forEach((cell, j) => {
          const [row, column] = [r.top + i, r.left + j];
          if (!isFormula(cell) || writable.has(`${row},${column}`)) return;
          const text = cellInDialect(cell, record.dialect);
          if (typeof text !== "string" || !text.includes(":")) return;
          if (moveFormulaRows(text, plain, row) === moveFormulaRows(text, change, row)) return;
          const to = movedRow(row, plain) as number;
          const wanted = planCellAt(plan, to, column);
          const formula = wanted === undefined ? null : cellInDialect(wanted, record.dialect);
          if (typeof formula === "string") cells.push({ row: to, column, formula });
        }),
      );
    }
    // A name still pointing where the template put it; one the user re-pointed is theirs.
    const prefix = sheetPrefix(this.hf.getSheetName(id) ?? record.plan.sheet);
    const names = record.plan.names.flatMap(({ name, range }) => {
      const grown = moveFormulaRows(range, change);
      if (grown === moveFormulaRows(range, plain)) return [];
      const current = this.hf.getNamedExpression(name);
      const built = `=${prefix}${rangeAddress(parseRange(range), true)}`;
      if (!current || String(current.expression) !== built) return [];
      return [{ name, expression: `=${prefix}${rangeAddress(parseRange(grown), true)}` }];
    });
    return { cells, names };
  }

  /** A cell as written: its value, or its formula as text. */
  private serialized(at: SimpleCellAddress): CellValue {
    const raw = this.hf.getCellSerialized(at);
    return typeof raw === "number" || typeof raw === "string" || typeof raw === "boolean" ? raw : null;
  }

  /** A row's writable cells (inputs, labels) as written. */
  private writables(id: number, plan: SheetPlan, row: number): { column: number; content: CellValue }[] {
    return writableColumns(plan, row).map((column) => ({
      column,
      content: this.serialized({ sheet: id, row, col: column }),
    }));
  }

  /**
   * What a row holds that its calculated formulas do not give back, as written: its writable
   * cells, the template's own values in it (a line's note), and whatever was typed where the
   * template writes nothing (beside the table), which a sheet row's delete takes too.
   */
  private userRow(id: number, plan: SheetPlan, row: number): { column: number; content: CellValue }[] {
    const cells = this.writables(id, plan, row);
    const width = this.hf.getSheetDimensions(id).width;
    for (let column = 0; column < width; column++) {
      const cell = planCellAt(plan, row, column);
      if ((cell !== undefined && isFormula(cell)) || cells.some((c) => c.column === column)) continue;
      const content = this.serialized({ sheet: id, row, col: column });
      if (content !== null) cells.push({ column, content });
    }
    return cells;
  }

  /**
   * Every formula of the user's in the workbook: on a template sheet, those in its writable cells
   * and where the template writes nothing; on any other sheet, all of them.
   */
  private userFormulas(): { sheet: number; row: number; column: number; formula: string }[] {
    const out: { sheet: number; row: number; column: number; formula: string }[] = [];
    for (const name of this.hf.getSheetNames()) {
      const sheet = this.hf.getSheetId(name) as number;
      const plan = this.records.get(sheet)?.plan ?? null;
      const { width, height } = this.hf.getSheetDimensions(sheet);
      // The template's calculated cells, marked once (a 5,000-row sheet has 100,000 of them).
      const calculated = new Uint8Array(width * height);
      if (plan) {
        for (const block of plan.blocks) {
          const r = blockRange(block);
          block.cells.forEach((line, i) =>
            line.forEach((cell, j) => {
              const [row, column] = [r.top + i, r.left + j];
              if (row < height && column < width && isFormula(cell)) calculated[row * width + column] = 1;
            }),
          );
        }
        for (const { row, column } of writableCells(plan))
          if (row < height && column < width) calculated[row * width + column] = 0;
      }
      for (let row = 0; row < height; row++)
        for (let column = 0; column < width; column++) {
          if (calculated[row * width + column] === 1) continue;
          const at = { sheet, row, col: column };
          if (!this.hf.doesCellHaveFormula(at)) continue;
          const formula = this.hf.getCellFormula(at);
          if (formula !== undefined) out.push({ sheet, row, column, formula });
        }
    }
    return out;
  }

  // ---- reading --------------------------------------------------------------------------

  private sheetInfos(): SheetInfo[] {
    return this.hf.getSheetNames().map((name) => {
      const id = this.hf.getSheetId(name) as number;
      const dims = this.hf.getSheetDimensions(id);
      const template = this.templateOf(id);
      const drivesModel = template.template !== null && markedSheet(this.hf, template.template) === id;
      return { name, empty: dims.width === 0 && dims.height === 0, ...template, drivesModel };
    });
  }

  /** Workbook-scoped names with what they refer to. */
  private workbookNames(): { name: string; formula: string }[] {
    return this.hf.listNamedExpressions().map((name) => ({
      name,
      formula: String(this.hf.getNamedExpression(name)?.expression ?? ""),
    }));
  }

  /** Which template built a sheet, from its marker name (sheet-scoped first, then the workbook's). */
  private templateOf(id: number): SheetTemplate {
    const version = (template: TemplateId, scope?: number): number | null => {
      const value = this.hf.getNamedExpressionValue(templateVersionName(template), scope);
      return typeof value === "number" ? value : null;
    };
    return sheetTemplate(
      (template) =>
        this.hf.getNamedExpression(templateMarkerName(template), id) ? version(template, id) : undefined,
      () => {
        const template = TEMPLATE_IDS.find((t) => markedSheet(this.hf, t) === id);
        return template ? { template, version: version(template) } : null;
      },
    );
  }

  /**
   * A workbook name's values. A name of a range is read as that range (HyperFormula evaluates a
   * range-valued name on its own to #VALUE!, as a single cell would show it).
   */
  private nameValues(name: string): CellValue[][] | null {
    const named = this.hf.getNamedExpression(name);
    if (!named) return null;
    const parts = referenceParts(String(named.expression));
    if (parts?.sheet) return this.referenceValues(String(named.expression).replace(/^=/, ""), parts.sheet);
    const value: unknown = this.hf.getNamedExpressionValue(name);
    return Array.isArray(value) ? value.map((row: unknown[]) => row.map(cellValue)) : [[cellValue(value)]];
  }

  /** A chart's reference: a range on `sheet`, a sheet-qualified range, or a workbook name. */
  private referenceValues(reference: string, sheet: string): CellValue[][] | null {
    const parts = referenceParts(reference);
    if (!parts) return this.nameValues(reference);
    const id = this.sheetId(parts.sheet ?? sheet);
    if (id === null) return null;
    const r = parts.range;
    if (rangeRows(r) * rangeColumns(r) > 1_000_000) return null;
    return this.hf
      .getRangeValues({
        start: { sheet: id, row: r.top, col: r.left },
        end: { sheet: id, row: r.bottom, col: r.right },
      })
      .map((row) => row.map(cellValue));
  }

  private isComputed(at: SimpleCellAddress): boolean {
    return this.hf.doesCellHaveFormula(at) || this.hf.isCellPartOfArray(at);
  }

  private address(p: Pending): SimpleCellAddress {
    return { sheet: p.sheetId, row: p.row, col: p.column };
  }

  private sheetId(name: string): number | null {
    return sheetIdOf(this.hf, name);
  }

  private sheetIdOrThrow(name: string): number {
    const id = this.sheetId(name);
    if (id === null) throw new Error(`There is no sheet named "${name}".`);
    return id;
  }

  private emit(
    changes: readonly ExportedChange[],
    source: ChangeEvent["source"],
    touched: readonly number[],
  ): void {
    const ids = new Set(touched);
    for (const change of changes) if (change instanceof ExportedCellChange) ids.add(change.address.sheet);
    const sheets = [...ids].map((id) => this.hf.getSheetName(id)).filter((n): n is string => n !== undefined);
    const event: ChangeEvent = { sheets, source };
    for (const listener of this.listeners) listener(event);
  }
}

/** The plan with some cells replaced (keys "row,column", zero-based). */
function withPlanCells(plan: SheetPlan, cells: ReadonlyMap<string, PlanCell>): SheetPlan {
  const blocks = plan.blocks.map((block) => {
    const origin = parseCell(block.at);
    return {
      ...block,
      cells: block.cells.map((line, r) =>
        line.map((cell, c) => {
          const key = `${origin.row + r},${origin.column + c}`;
          return cells.has(key) ? (cells.get(key) as PlanCell) : cell;
        }),
      ),
    };
  });
  return { ...plan, blocks };
}
