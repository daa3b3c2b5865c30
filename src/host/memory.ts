/**
 * MemoryHost: an in-memory workbook computed by HyperFormula, for the browser preview and the
 * tests (DESIGN.md section 5). It applies the same SheetPlans as OfficeHost, with the GENAI
 * functions registered as a plugin so the live dialect computes, and keeps what HyperFormula has
 * no notion of (formats, styles, tables, validation, conditional formats, freeze panes, charts)
 * as data per sheet for the preview grid.
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
import { parseCell, parseRange, rangeAddress, rangeColumns, rangeRows } from "../templates/a1";
import { inputCells, withInputs } from "../templates/cells";
import { type PlanValue, type SheetPlan, TEMPLATE_IDS, type TemplateId } from "../templates/plan";
import { decidePlacements, OUTCOMES, planConflicts } from "./apply-common";
import { registerGenaiPlugin } from "./genai-plugin";
import {
  markedSheet,
  type Pending,
  PlanWriter,
  type SheetRecord,
  sheetIdOf,
  type Work,
} from "./memory-apply";
import { restoreSnapshot, snapshotOf, type WorkbookSnapshot } from "./memory-snapshot";
import { buildSheetView, referenceParts, type SheetView } from "./memory-view";
import { CellWriteError, checkWrite } from "./memory-writes";
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

/** The steps of applyPlans, as named in ApplyError and offered to the failAt hook. */
export type ApplyStep = "prepare" | "names" | "blocks" | "relink" | "values";

/**
 * precisionRounding: HyperFormula rounds numbers as they are read out (to precisionRounding + 1
 * significant digits; the default 10 would break parity at 1e-9). At 15 a value reads back within
 * about 6e-16 relative of the full double; higher settings get no closer (the rounding itself
 * costs an ulp or two), and only `smartRounding: false` would give the exact double, at the cost
 * of HyperFormula's near-equality comparisons.
 */
const ENGINE_CONFIG = { licenseKey: "gpl-v3", precisionRounding: 15 } as const;

export interface MemoryHostOptions {
  /**
   * Test hook: called before each step of applyPlans with the step and the sheet it is about;
   * returning true makes that step throw, to prove the rollback. Leave unset outside tests.
   */
  readonly failAt?: (step: ApplyStep, sheet: string) => boolean;
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
  private readonly listeners = new Set<(event: ChangeEvent) => void>();

  constructor(private readonly options: MemoryHostOptions = {}) {
    registerGenaiPlugin();
    this.hf = HyperFormula.buildEmpty(ENGINE_CONFIG);
    this.writer = new PlanWriter(this.hf, this.records);
  }

  /** A workbook restored from a snapshot (the preview's storage), recalculated. */
  static fromSnapshot(snapshot: WorkbookSnapshot, options: MemoryHostOptions = {}): MemoryHost {
    const host = new MemoryHost(options);
    restoreSnapshot(host.hf, host.records, snapshot);
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

  async applyPlans(plans: readonly SheetPlan[], options: ApplyOptions): Promise<ApplyResult> {
    const decisions = decidePlacements(plans, this.sheetInfos(), options);
    const work: Work[] = decisions
      .filter((d) => d.outcome !== "skip")
      .map((decision) => {
        const kept = this.writer.keptInputs(decision);
        const plan = { ...withInputs(decision.plan, kept), sheet: decision.targetName };
        return { decision, plan, kept: kept.size, sheetId: -1 };
      });
    const result: ApplyResult = {
      sheets: decisions.map((d): AppliedSheet => ({
        template: d.plan.template,
        sheet: d.targetName,
        outcome: OUTCOMES[d.outcome],
        keptInputs: work.find((w) => w.decision === d)?.kept ?? 0,
      })),
    };
    if (work.length === 0) return Promise.resolve(result);

    const recordsBefore = new Map(this.records);
    const total = work.length * 4;
    let done = 0;
    let at: { step: ApplyStep; sheet: string } = { step: "prepare", sheet: work[0].plan.sheet };
    const step = (name: ApplyStep, sheet: string, run: () => void, counted = true): void => {
      at = { step: name, sheet };
      if (this.options.failAt?.(name, sheet)) throw new Error(`injected failure (${name}, ${sheet})`);
      run();
      if (counted) options.onProgress?.({ step: `${name}: ${sheet}`, done: ++done, total });
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
          for (const w of work) step("prepare", w.plan.sheet, () => this.writer.prepare(w, options.dialect));
          const targets = new Set(work.map((w) => w.sheetId));
          for (const w of work)
            step("names", w.plan.sheet, () => this.writer.defineNames(w, targets, renamed));
          for (const w of work)
            step("blocks", w.plan.sheet, () => this.writer.writeBlocks(w, options.dialect, pending));
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
      const detail = error instanceof Error ? error.message : String(error);
      throw new ApplyError(
        `Building sheet "${at.sheet}" failed at step "${at.step}": ${detail}. The workbook was left as it was.`,
        at.sheet,
        at.step,
        error,
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

  async writeCells(writes: readonly CellWrite[]): Promise<void> {
    const checked = writes.map((w) => {
      const id = this.sheetId(w.sheet);
      if (id === null) throw new CellWriteError(`There is no sheet named "${w.sheet}".`, w.sheet, w.address);
      checkWrite(w, this.hf.getSheetName(id) ?? w.sheet, this.records.get(id)?.plan ?? null, (row, column) =>
        this.isComputed({ sheet: id, row, col: column }),
      );
      return { id, at: parseCell(w.address.split(":")[0]), values: w.values };
    });
    if (checked.length === 0) return Promise.resolve();
    const changes = this.hf.batch(() => {
      for (const { id, at, values } of checked)
        this.hf.setCellContents({ sheet: id, row: at.row, col: at.column }, values as RawCellContent[][]);
    });
    this.hf.clearUndoStack();
    this.emit(
      changes,
      "user",
      checked.map((c) => c.id),
    );
    return Promise.resolve();
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

  /** The preview grid's view of a sheet: values, formulas, formats, styles, inputs, charts. */
  sheetView(sheet: string): SheetView {
    const id = this.sheetIdOrThrow(sheet);
    const record = this.records.get(id) ?? null;
    const name = this.hf.getSheetName(id) ?? sheet;
    const values = this.hf.getSheetValues(id);
    const formulas = this.hf.getSheetFormulas(id);
    const dims = this.hf.getSheetDimensions(id);
    return buildSheetView({
      name,
      plan: record?.plan ?? null,
      dialect: record?.dialect ?? null,
      dimensions: { rows: dims.height, columns: dims.width },
      value: (row, column) => cellValue(values[row]?.[column]),
      formula: (row, column) => formulas[row]?.[column],
      errorMessage: (row, column) => {
        const v = values[row]?.[column];
        return v instanceof DetailedCellError ? v.message : undefined;
      },
      values: (reference) => this.referenceValues(reference, name),
    });
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
   * The template sheets' plans as the workbook now holds them, in tab order: each under its real
   * name, with the inputs' current values (for the .xlsx export of a built workbook).
   */
  appliedPlans(): SheetPlan[] {
    return this.hf.getSheetNames().flatMap((name) => {
      const id = this.hf.getSheetId(name) as number;
      const record = this.records.get(id);
      if (!record) return [];
      const current = new Map<string, PlanValue>();
      for (const { row, column } of inputCells(record.plan)) {
        const raw = this.hf.getCellSerialized({ sheet: id, row, col: column });
        if (raw === null || ["number", "string", "boolean"].includes(typeof raw))
          current.set(`${row},${column}`, raw as PlanValue);
      }
      return [{ ...withInputs(record.plan, current), sheet: name }];
    });
  }

  // ---- reading --------------------------------------------------------------------------

  private sheetInfos(): SheetInfo[] {
    return this.hf.getSheetNames().map((name) => {
      const id = this.hf.getSheetId(name) as number;
      const dims = this.hf.getSheetDimensions(id);
      return { name, empty: dims.width === 0 && dims.height === 0, ...this.templateOf(id) };
    });
  }

  /** Which template built a sheet, from its marker name (sheet-scoped first, then the workbook's). */
  private templateOf(id: number): { template: TemplateId | null; templateVersion: number | null } {
    for (const template of TEMPLATE_IDS) {
      const marker = templateMarkerName(template);
      let scope: number | undefined;
      if (this.hf.getNamedExpression(marker, id)) scope = id;
      else if (markedSheet(this.hf, template) !== id) continue;
      const version = this.hf.getNamedExpressionValue(templateVersionName(template), scope);
      return { template, templateVersion: typeof version === "number" ? version : null };
    }
    return { template: null, templateVersion: null };
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
