/**
 * The named inputs of the complete model, enumerated from the plans (a name whose cells are
 * input cells), and what each cleared input does to every formula cell in a MemoryHost.
 */
import { MemoryHost } from "../../src/host/memory";
import type { CellValue } from "../../src/host/workbook-host";
import { cellAddress, parseCell, parseRange } from "../../src/shared/a1";
import { inputCells } from "../../src/templates/cells";
import { planCompleteModel } from "../../src/templates/index";
import { type Dialect, isFormula, type SheetPlan } from "../../src/templates/plan";

export const PLANS: readonly SheetPlan[] = planCompleteModel({
  data: "sample",
  currency: "NT$",
  locale: "en",
});

export interface NamedInput {
  readonly name: string;
  readonly sheet: string;
  /** A1 range without "$", e.g. "B5:E5". */
  readonly range: string;
  readonly rows: number;
  readonly columns: number;
}

/** Every workbook name whose cells are all input cells (blue cells the user types into). */
export function namedInputs(plans: readonly SheetPlan[] = PLANS): NamedInput[] {
  return plans.flatMap((plan) => {
    const inputs = new Set(inputCells(plan).map((c) => `${c.row},${c.column}`));
    return plan.names.flatMap((n) => {
      const r = parseRange(n.range);
      for (let row = r.top; row <= r.bottom; row++)
        for (let column = r.left; column <= r.right; column++) if (!inputs.has(`${row},${column}`)) return [];
      return [
        {
          name: n.name,
          sheet: plan.sheet,
          range: n.range.replace(/\$/g, ""),
          rows: r.bottom - r.top + 1,
          columns: r.right - r.left + 1,
        },
      ];
    });
  });
}

export interface FormulaCell {
  readonly sheet: string;
  readonly address: string;
  readonly row: number;
  readonly column: number;
}

/** Formula cells with a form in both dialects (a live spill's covered cells have none). */
export function dualFormulaCells(plans: readonly SheetPlan[] = PLANS): FormulaCell[] {
  return plans.flatMap((plan) =>
    plan.blocks.flatMap((block) => {
      const o = parseCell(block.at);
      return block.cells.flatMap((cells, r) =>
        cells.flatMap((cell, c) =>
          isFormula(cell) && cell.live !== null && cell.portable !== null
            ? [
                {
                  sheet: plan.sheet,
                  address: cellAddress(o.row + r, o.column + c),
                  row: o.row + r,
                  column: o.column + c,
                },
              ]
            : [],
        ),
      );
    }),
  );
}

/** Numbers within a relative 1e-9 (absolute 1e-12 near zero); text equal; empty and "" alike. */
export function agree(a: CellValue, b: CellValue): boolean {
  if (typeof a === "number" && typeof b === "number")
    return Math.abs(a - b) <= Math.max(1e-9 * Math.max(Math.abs(a), Math.abs(b)), 1e-12);
  return (a ?? "") === (b ?? "");
}

export async function builtModel(dialect: Dialect): Promise<MemoryHost> {
  const host = new MemoryHost();
  await host.applyPlans(PLANS, { dialect });
  return host;
}

export function blankOf(input: NamedInput): CellValue[][] {
  return Array.from({ length: input.rows }, () => new Array<CellValue>(input.columns).fill(null));
}

export async function valuesOf(host: MemoryHost, cells: readonly FormulaCell[]): Promise<CellValue[]> {
  const bySheet = new Map<string, CellValue[][]>();
  for (const sheet of new Set(cells.map((c) => c.sheet))) {
    const mine = cells.filter((c) => c.sheet === sheet);
    const bottom = Math.max(...mine.map((c) => c.row));
    const right = Math.max(...mine.map((c) => c.column));
    bySheet.set(sheet, await host.readRange(sheet, `A1:${cellAddress(bottom, right)}`));
  }
  return cells.map((c) => bySheet.get(c.sheet)?.[c.row]?.[c.column] ?? null);
}

/**
 * Runs `inspect` with `input` set to `values` in the host, then puts back what was there.
 */
export async function withInput<T>(
  host: MemoryHost,
  input: NamedInput,
  values: CellValue[][],
  inspect: () => Promise<T>,
): Promise<T> {
  const before = await host.readRange(input.sheet, input.range);
  await host.writeCells([{ sheet: input.sheet, address: input.range, values }]);
  try {
    return await inspect();
  } finally {
    await host.writeCells([{ sheet: input.sheet, address: input.range, values: before }]);
  }
}
