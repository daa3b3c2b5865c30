/**
 * OfficeHost: the WorkbookHost for Excel, through Office.js (docs/architecture.md). This file
 * keeps the host's public face, each method a thin call into its module:
 *   runner.ts          Excel.run and the requirement-set check;
 *   apply.ts           applyPlans in one Excel.run: read, build, commit, or roll back (its header
 *                      walks through the phases); read-workbook.ts, prepare-builds.ts,
 *                      build-steps.ts, excel-rules.ts and commit.ts are those phases;
 *   requests.ts        steps packed into requests under a payload budget, and what failed;
 *   read-values.ts     reading ranges and names for the pane;
 *   cell-content.ts    what is written to cells and what a read gives back;
 *   names.ts           workbook names, where they point, and template markers.
 *
 * Requirement sets: the manifest's floor is ExcelApi 1.9, and each call says
 * which set it needs. The only newer API used, WorksheetChangedEventArgs.triggerSource (1.14), is
 * read after `Office.context.requirements.isSetSupported`; without it the host tells its own
 * writes from the user's by itself.
 */
import { bundleFor } from "../i18n/bundles";
import { cellAddress, parseRange, rangeColumns, rangeRows } from "../shared/a1";
import { numberFormat } from "../templates/formats";
import type { SheetPlan } from "../templates/plan";
import { planNameConflicts } from "./apply-common";
import { decidePlacements, planConflicts } from "./placement";
import { keepInto } from "./kept-content";
import { recoverInExcel } from "./office/recover";
import { applyInExcel } from "./office/apply";
import { inputContent } from "./office/cell-content";
import { locateNamedRanges, readNameValues, readRangeValues } from "./office/read-values";
import { readWorkbook } from "./office/read-workbook";
import {
  chunkedWrites,
  excelError,
  packSteps,
  REQUEST_BUDGET_BYTES,
  type RequestSettings,
  syncBatches,
} from "./office/requests";
import { excelRun, type ExcelRunner, officeSupports } from "./office/runner";
import type {
  ApplyOptions,
  ApplyResult,
  CellValue,
  CellWrite,
  ChangeEvent,
  KeepReport,
  Conflict,
  NameConflict,
  NameLocation,
  Recovery,
  SkippedCell,
  SheetInfo,
  Unsubscribe,
  WorkbookHost,
  WriteResult,
} from "./workbook-host";

export { columnWidthPoints } from "./office/build-steps";
export { asText } from "./office/cell-content";
export { REQUEST_BUDGET_BYTES } from "./office/requests";
export {
  EXCEL_API_FLOOR,
  type ExcelBatch,
  excelRun,
  type ExcelRunner,
  officeSupports,
} from "./office/runner";

export interface OfficeHostOptions {
  /** Requirement-set check; defaults to Office.context.requirements.isSetSupported. */
  readonly isSetSupported?: (set: string, version: string) => boolean;
  /** Largest estimated request in bytes; defaults to REQUEST_BUDGET_BYTES. */
  readonly requestBudgetBytes?: number;
}

/** Base64 of bytes, in slices so String.fromCharCode never gets more arguments than an engine allows. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  const slice = 0x8000;
  for (let i = 0; i < bytes.length; i += slice)
    binary += String.fromCharCode(...bytes.subarray(i, i + slice));
  return btoa(binary);
}

export class OfficeHost implements WorkbookHost {
  private readonly settings: RequestSettings;
  /** Sheet names by id, for change events (which carry the id). */
  private readonly sheetNames = new Map<string, string>();
  /** Writes of this host in flight: their change events come from the add-in. */
  private ownWrites = 0;

  constructor(
    private readonly run: ExcelRunner = excelRun,
    options: OfficeHostOptions = {},
  ) {
    this.settings = {
      supports: options.isSetSupported ?? officeSupports,
      budget: options.requestBudgetBytes ?? REQUEST_BUDGET_BYTES,
    };
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.run(async (context) =>
      (await readWorkbook(context, [], {}, this.settings.budget, this.sheetNames)).sheets.map((s) => s.info),
    ).catch(excelError);
  }

  async conflicts(plans: readonly SheetPlan[]): Promise<Conflict[]> {
    return planConflicts(plans, await this.listSheets());
  }

  async nameConflicts(plans: readonly SheetPlan[]): Promise<NameConflict[]> {
    return this.run(async (context) => {
      const state = await readWorkbook(context, [], {}, this.settings.budget, this.sheetNames);
      return planNameConflicts(
        plans,
        state.sheets.map((s) => s.info),
        [...state.names.values()],
      );
    }).catch(excelError);
  }

  async keepPreview(plans: readonly SheetPlan[]): Promise<Record<string, KeepReport>> {
    return this.run(async (context) => {
      const state = await readWorkbook(context, plans, {}, this.settings.budget, this.sheetNames);
      const out: Record<string, KeepReport> = {};
      for (const d of decidePlacements(
        plans,
        state.sheets.map((s) => s.info),
        { policies: {} },
      )) {
        const kept = state.kept.get(plans.indexOf(d.plan));
        if (d.existing && d.keepInputs && kept) out[d.existing.name] = keepInto(d.plan, kept).report;
      }
      return out;
    }).catch(excelError);
  }

  async recoverInterrupted(): Promise<Recovery> {
    return this.run((context) => recoverInExcel(context, this.sheetNames)).catch(excelError);
  }

  async applyPlans(plans: readonly SheetPlan[], options: ApplyOptions): Promise<ApplyResult> {
    return this.run((context) => applyInExcel(context, plans, options, this.settings, this.sheetNames));
  }

  async readRange(sheet: string, address: string): Promise<CellValue[][]> {
    return this.run((context) => readRangeValues(context, sheet, address, this.settings.budget)).catch(
      excelError,
    );
  }

  async readNames(names: readonly string[]): Promise<Record<string, CellValue[][] | null>> {
    return this.run((context) => readNameValues(context, names));
  }

  async locateNames(names: readonly string[]): Promise<Record<string, NameLocation | null>> {
    return this.run((context) => locateNamedRanges(context, names));
  }

  async writeCells(writes: readonly CellWrite[]): Promise<WriteResult> {
    if (writes.length === 0) return { skipped: [] };
    this.ownWrites++;
    try {
      return await this.run(async (context) => {
        // What the cells hold now (Range.formulas, ExcelApi 1.1): a formula the user typed where
        // the pane would write a value is theirs, and is left alone and reported.
        const current = writes.map((w) => {
          const range = context.workbook.worksheets.getItem(w.sheet).getRange(w.address);
          range.load("formulas");
          return range;
        });
        await context.sync();
        const skipped: SkippedCell[] = [];
        const steps = writes.flatMap((w, i) => {
          const { top, left } = parseRange(w.address);
          const formulas = current[i].formulas as unknown[][];
          const isFormula = (r: number, c: number): boolean => {
            const f = formulas[r]?.[c];
            return typeof f === "string" && f.startsWith("=");
          };
          const about = {
            sheet: w.sheet,
            label: "writing",
            kind: "writing input values",
            apis: ["Range.values"],
          };
          const write = (ctx: Excel.RequestContext, address: string, rows: unknown[][]): void => {
            // Range.values (ExcelApi 1.1): values only; text is kept from turning into a formula.
            ctx.workbook.worksheets.getItem(w.sheet).getRange(address).values = rows;
          };
          if (!w.values.some((row, r) => row.some((_, c) => isFormula(r, c))))
            return chunkedWrites(
              parseRange(w.address),
              w.values.map((row) => row.map(inputContent)),
              about,
              write,
            );
          // Some cells hold formulas: the others are written one by one (a rare, small write).
          return w.values.flatMap((row, r) =>
            row.flatMap((value, c) => {
              const address = cellAddress(top + r, left + c);
              if (isFormula(r, c)) {
                skipped.push({ sheet: w.sheet, address, formula: String(formulas[r][c]) });
                return [];
              }
              return chunkedWrites(parseRange(address), [[inputContent(value)]], about, write);
            }),
          );
        });
        await syncBatches(context, packSteps(steps, this.settings.budget));
        // Range.numberFormat (ExcelApi 1.1) over a write that carries its unit.
        const formatted = writes.flatMap((w) => (w.format ? [{ ...w, format: w.format }] : []));
        for (const w of formatted) {
          const { kind, currency, locale } = w.format;
          const text = numberFormat(kind, currency, bundleFor(locale).conventions.units);
          const r = parseRange(w.address);
          context.workbook.worksheets.getItem(w.sheet).getRange(w.address).numberFormat = Array.from(
            { length: rangeRows(r) },
            () => new Array<string>(rangeColumns(r)).fill(text),
          );
        }
        if (formatted.length) await context.sync();
        return { skipped };
      }).catch(excelError);
    } finally {
      // Excel delivers the change events after the sync; they still count as the add-in's.
      setTimeout(() => this.ownWrites--, 0);
    }
  }

  /**
   * Appends rows to a table (WorkbookHost) below its last row (Table.rows.add without an index,
   * ExcelApi 1.1), as a line typed just below the table adds one: the table grows, and so does
   * every reference to it by table (the template writes its ranges and names over whole table
   * columns as structured references, Benefits[Amount]), while a reference to the last row stays on
   * it, as Excel keeps a reference on its cells. (Rows inserted before the last row would move the
   * last row's cells, and every reference to them, onto the new rows.) Each new row takes the given
   * inputs in the table's first cells and the last row's formulas in the others (Range.formulasR1C1,
   * 1.1, in which a calculated column reads alike on every row). A table of a single row is refused,
   * as the in-memory workbook refuses it.
   */
  async appendTableRows(
    sheet: string,
    table: string,
    rows: readonly (readonly CellValue[])[],
  ): Promise<void> {
    if (rows.length === 0) return;
    this.ownWrites++;
    try {
      await this.run(async (context) => {
        const found = context.workbook.worksheets.getItem(sheet).tables.getItem(table);
        const body = found.getDataBodyRange();
        body.load("rowCount,columnCount");
        const last = body.getLastRow();
        last.load("formulasR1C1");
        await context.sync();
        const n = body.rowCount;
        if (n < 2)
          throw new Error(
            `The ${table} table has a single row. Type the first line in that row, insert a row, then add the rest.`,
          );
        const template = (last.formulasR1C1 as unknown[][])[0];
        const line = (given: readonly CellValue[]): unknown[] =>
          template.map((cell, c) => (c < given.length ? (given[c] ?? "") : cell));
        found.rows.add(
          undefined,
          rows.map(() => template.map(() => "")),
        );
        found
          .getDataBodyRange()
          .getRow(n)
          .getResizedRange(rows.length - 1, 0).formulasR1C1 = rows.map(line);
        await context.sync();
      }).catch(excelError);
    } finally {
      setTimeout(() => this.ownWrites--, 0);
    }
  }

  onChange(listener: (event: ChangeEvent) => void): Unsubscribe {
    const withTrigger = this.settings.supports("ExcelApi", "1.14");
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

  /** A sheet's name from its id (change events carry the id), remembered once known. */
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
}
