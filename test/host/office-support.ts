/**
 * What the Office host's tests share: the recording Excel fake set up behind an OfficeHost, the
 * plans they build, and the checks of what a build wrote (cells, formats).
 */
import { OfficeHost } from "../../src/host/office";
import { withStructuredReferences } from "../../src/host/table-references";
import { parseRange, rangeAddress } from "../../src/shared/a1";
import { blockRange, cellInDialect } from "../../src/templates/cells";
import { numberFormat } from "../../src/templates/formats";
import { planCompleteModel, TEMPLATES } from "../../src/templates/index";
import { DEFAULT_OPTIONS, type Dialect, isFormula, type SheetPlan } from "../../src/templates/plan";
import { roiTemplate } from "../../src/templates/roi";
import { FakeExcel, type FakeExcelOptions, fakeExcelRun } from "./excel-fake";

/** Addresses of the ROI sheet's named inputs, by name (the layout moves; the names do not). */
export const ROI_NAMES = roiTemplate(DEFAULT_OPTIONS).names;
export const AT: Record<string, string> = Object.fromEntries(
  ROI_NAMES.map((n) => [n.name, n.range.replace(/\$/g, "")]),
);
export const ABS: Record<string, string> = Object.fromEntries(
  ROI_NAMES.map((n) => [n.name, rangeAddress(parseRange(n.range), true)]),
);

export const MB = 1024 * 1024;
export const BASE = { data: "sample" as const, currency: "NT$", locale: "en" as const };

export function setup(options: FakeExcelOptions = {}): { excel: FakeExcel; host: OfficeHost } {
  const { excel, run, isSetSupported } = fakeExcelRun(options);
  return { excel, host: new OfficeHost(run, { isSetSupported }) };
}

export function roiPlan(): SheetPlan {
  return roiTemplate(DEFAULT_OPTIONS);
}

/** The complete model, with the portfolio at `rows` use cases (generated after the samples: every row filled). */
export function completeModel(rows: number): SheetPlan[] {
  return planCompleteModel(BASE).map((p) =>
    p.template === "portfolio"
      ? TEMPLATES.portfolio({ ...BASE, rows, generated: true, linkedTo: ["rollout", "roi", "stress"] })
      : p,
  );
}

/** The cell of a plan at an address, as written in a dialect. */
export function planCell(plan: SheetPlan, address: string, dialect: Dialect): unknown {
  const { top, left } = parseRange(address);
  for (const block of plan.blocks) {
    const r = blockRange(block);
    if (top >= r.top && top <= r.bottom && left >= r.left && left <= r.right)
      return cellInDialect(block.cells[top - r.top][left - r.left], dialect);
  }
  return undefined;
}

/**
 * Every cell of every block of a plan is in the fake as a formula or a value; a range over whole
 * table columns as the structured reference Excel receives (Benefits[In use]).
 */
export function expectCellsWritten(excel: FakeExcel, sheet: string, plan: SheetPlan, dialect: Dialect): void {
  const mismatches: string[] = [];
  for (const block of withStructuredReferences(plan).blocks) {
    const r = blockRange(block);
    block.cells.forEach((row, i) =>
      row.forEach((cell, j) => {
        const address = rangeAddress({
          top: r.top + i,
          left: r.left + j,
          bottom: r.top + i,
          right: r.left + j,
        });
        const got = excel.cell(sheet, address);
        const want = cellInDialect(cell, dialect);
        const ok = isFormula(cell)
          ? want === null
            ? got === null
            : got?.formula === want
          : want === null || want === ""
            ? got === null
            : got?.formula === null && got.value === want;
        if (!ok) mismatches.push(`${address}: want ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
      }),
    );
  }
  expect(mismatches.slice(0, 5)).toEqual([]);
}

/** The number format and look each cell should end with: the plan's ranges applied in order. */
export function expectedFormats(plan: SheetPlan): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of plan.formats) {
    const r = parseRange(f.range);
    for (let row = r.top; row <= r.bottom; row++)
      for (let column = r.left; column <= r.right; column++)
        out.set(
          rangeAddress({ top: row, left: column, bottom: row, right: column }),
          numberFormat(f.format, plan.currency),
        );
  }
  return out;
}

// ---- the fake itself -------------------------------------------------------------------------
