/** Shared helpers for the export tests: the model exported from a MemoryHost, cells by kind, comparisons. */
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import * as ExcelJS from "exceljs";
import { MemoryHost } from "../../src/host/memory";
import type { CellValue } from "../../src/host/workbook-host";
import { loadJSZip, readableByExcelJS } from "../../src/export/package";
import { lookupOf, readPlanValues, type ValueLookup } from "../../src/export/values";
import { writeWorkbook } from "../../src/export/xlsx";
import { cellAddress, parseCell, parseRange } from "../../src/shared/a1";
import { planCompleteModel, type ModelOptions } from "../../src/templates/index";
import { isFormula, type PlanFormula, type SheetPlan } from "../../src/templates/plan";
import { SIMULATION_ROWS } from "../../src/templates/stress";
import { type LibreOfficeSession, recalculate } from "./libreoffice";
import { editedXlsx } from "./xlsx-parts";

/** The injected clock of every export in the tests. */
export const NOW = new Date("2025-03-14T09:26:53Z");
export const SAMPLE: ModelOptions = { data: "sample", currency: "NT$", locale: "en" };

export interface PlanFormulaCell {
  readonly sheet: string;
  readonly address: string;
  readonly row: number;
  readonly column: number;
  readonly formula: PlanFormula;
}

/** Every formula cell of the plans (both those with a portable form and those without). */
export function planFormulaCells(plans: readonly SheetPlan[]): PlanFormulaCell[] {
  return plans.flatMap((plan) =>
    plan.blocks.flatMap((block) => {
      const origin = parseCell(block.at);
      return block.cells.flatMap((cells, r) =>
        cells.flatMap((cell, c) => {
          if (!isFormula(cell)) return [];
          const row = origin.row + r;
          const column = origin.column + c;
          return [{ sheet: plan.sheet, address: cellAddress(row, column), row, column, formula: cell }];
        }),
      );
    }),
  );
}

/** The single cell a plan name points at, e.g. { sheet: "ROI", address: "B6" }. */
export function namedCell(plans: readonly SheetPlan[], name: string): { sheet: string; address: string } {
  for (const plan of plans) {
    const found = plan.names.find((n) => n.name === name);
    if (found) {
      const r = parseRange(found.range);
      return { sheet: plan.sheet, address: cellAddress(r.top, r.left) };
    }
  }
  throw new Error(`no plan defines the name ${name}`);
}

/**
 * A cell of a plan table by its data row and column (zero-based, under the header), e.g. the
 * impact of the first use case: tableCell(plans, "UseCases", 0, 2) → { sheet: "Portfolio", address: "C11" }.
 */
export function tableCell(
  plans: readonly SheetPlan[],
  table: string,
  row: number,
  column: number,
): { sheet: string; address: string } {
  for (const plan of plans) {
    const found = plan.tables.find((t) => t.name === table);
    if (found) {
      const r = parseRange(found.range);
      return { sheet: plan.sheet, address: cellAddress(r.top + 1 + row, r.left + column) };
    }
  }
  throw new Error(`no plan has the table ${table}`);
}

/** The plans built and computed in a portable MemoryHost, then written to .xlsx bytes. */
export async function exportThroughMemoryHost(
  plans: readonly SheetPlan[],
): Promise<{ bytes: Uint8Array; host: MemoryHost }> {
  const host = new MemoryHost();
  await host.applyPlans(plans, { dialect: "portable" });
  const bytes = await writeWorkbook(plans, await readPlanValues(host, plans), { now: NOW });
  return { bytes, host };
}

export async function completeModelExport(options: ModelOptions = SAMPLE) {
  const plans = planCompleteModel(options);
  return { plans, ...(await exportThroughMemoryHost(plans)) };
}

export async function readXlsx(bytes: Uint8Array | Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  const readable = await readableByExcelJS(Uint8Array.from(bytes), await loadJSZip());
  await workbook.xlsx.load(Buffer.from(readable) as unknown as ArrayBuffer);
  return workbook;
}

/**
 * A cell of a workbook read with ExcelJS. (A plain function: eslint-plugin-office-addins takes a
 * variable assigned from `ws.getCell(...)` for an Office.js proxy that needs load() and sync().)
 */
export function cellAt(workbook: ExcelJS.Workbook, sheet: string, address: string): ExcelJS.Cell {
  const ws = workbook.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet} in the workbook`);
  return ws.getCell(address);
}

/** A cell as the WorkbookHost reads it: a formula's cached result, errors as "#N/A" text, empty as null. */
export function cellValueOf(cell: ExcelJS.Cell): CellValue {
  const raw: unknown = cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
  if (raw === undefined || raw === null) return null;
  if (typeof raw === "object" && "error" in raw) return String(raw.error);
  if (typeof raw === "number" || typeof raw === "string" || typeof raw === "boolean") return raw;
  throw new Error(`unexpected value in ${cell.address}: ${JSON.stringify(raw)}`);
}

/** Numbers within a relative 1e-9 (absolute 1e-12 near zero); text equal; empty and "" alike. */
export function agree(a: CellValue, b: CellValue): boolean {
  if (typeof a === "number" && typeof b === "number")
    return Math.abs(a - b) <= Math.max(1e-9 * Math.max(Math.abs(a), Math.abs(b)), 1e-12);
  return (a ?? "") === (b ?? "");
}

/** The Stress sheet's statistics cells (the SIMULATE_ROI spill's value column), from the plans. */
export function statisticCells(plans: readonly SheetPlan[]): { sheet: string; address: string }[] {
  for (const plan of plans)
    for (const block of plan.blocks) {
      const origin = parseCell(block.at);
      for (let r = 0; r < block.cells.length; r++)
        for (let c = 0; c < block.cells[r].length; c++) {
          const cell = block.cells[r][c];
          if (isFormula(cell) && (cell.live ?? "").startsWith("=GENAI.SIMULATE_ROI("))
            return Array.from({ length: SIMULATION_ROWS }, (_, i) => ({
              sheet: plan.sheet,
              address: cellAddress(origin.row + r + i, origin.column + c + 1),
            }));
        }
    }
  throw new Error("no SIMULATE_ROI spill in the plans");
}

/** A formula cell whose value LibreOffice and the in-memory workbook disagree on. */
export interface Disagreement {
  readonly cell: string;
  readonly formula: string | null;
  readonly libreOffice: CellValue;
  readonly memoryHost: CellValue;
}

/**
 * The workbook `host` holds, exported as .xlsx with every cached result removed (so LibreOffice
 * computes each formula itself) and recalculated by LibreOffice: the formula cells compared (those
 * with a portable form) and the ones whose values disagree.
 */
export async function libreOfficeDisagreements(
  host: MemoryHost,
  { soffice, profile, folder }: LibreOfficeSession,
  name: string,
): Promise<{ compared: PlanFormulaCell[]; differing: Disagreement[] }> {
  const plans = host.appliedPlans();
  const values = await readPlanValues(host, plans);
  const expected = lookupOf(values);
  const bytes = await writeWorkbook(plans, values, { now: new Date("2026-01-01T00:00:00Z") });
  const input = join(folder, `${name}.xlsx`);
  writeFileSync(input, Buffer.from((await editedXlsx(bytes, [], { stripResults: true })).bytes));
  const recalculated = await readXlsx(
    readFileSync(await recalculate(soffice, profile, input, join(folder, "out"))),
  );
  return disagreements(plans, recalculated, expected);
}

/**
 * The plans' formula cells with a portable form, and those whose value in `recalculated` (a
 * workbook LibreOffice computed) disagrees with `expected` (the in-memory workbook's).
 */
export function disagreements(
  plans: readonly SheetPlan[],
  recalculated: ExcelJS.Workbook,
  expected: ValueLookup,
): { compared: PlanFormulaCell[]; differing: Disagreement[] } {
  const compared = planFormulaCells(plans).filter((c) => c.formula.portable !== null);
  const differing = compared
    .map((c) => ({
      cell: `${c.sheet}!${c.address}`,
      formula: c.formula.portable,
      libreOffice: cellValueOf(recalculated.getWorksheet(c.sheet)!.getCell(c.address)),
      memoryHost: expected(c.sheet, c.row, c.column) ?? null,
    }))
    .filter((d) => !agree(d.libreOffice, d.memoryHost));
  return { compared, differing };
}
