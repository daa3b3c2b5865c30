/** Shared helpers for the MemoryHost tests: the seed ROI plan, name lookups, whole-workbook snapshots. */
import { apiCost } from "../../src/engine/costs";
import { payback, presentValueRoi } from "../../src/engine/cashflow";
import { roi } from "../../src/engine/roi";
import { adoption } from "../../src/engine/rollout";
import { MemoryHost } from "../../src/host/memory";
import type { CellValue, CellWrite } from "../../src/host/workbook-host";
import type { Dialect, SheetPlan, TemplateOptions } from "../../src/templates/plan";
import { HORIZON_MONTHS, roiAssumptions, roiTemplate } from "../../src/templates/roi";
import { sheetView } from "../../src/preview/sheet-view";
import { cellAddress, parseCell } from "../../src/shared/a1";
import { blockRange } from "../../src/templates/cells";

export const ROI_OPTIONS: TemplateOptions = { data: "sample", currency: "NT$", locale: "en", linkedTo: [] };

export function roiPlan(): SheetPlan {
  return roiTemplate(ROI_OPTIONS);
}

/** The cell a plan's name points at, e.g. "B6". */
export function nameCell(plan: SheetPlan, name: string): string {
  const found = plan.names.find((n) => n.name === name);
  if (!found) throw new Error(`no name ${name} in the ${plan.template} plan`);
  return found.range.replace(/\$/g, "");
}

/** The single value of a workbook name. */
export async function nameValue(host: MemoryHost, name: string): Promise<CellValue> {
  const values = (await host.readNames([name]))[name];
  if (!values) throw new Error(`name ${name} is not defined`);
  return values[0][0];
}

/** Everything a user could see: sheets in order, every cell's view on each, every name. */
export async function snapshot(host: MemoryHost): Promise<unknown> {
  const sheets = await host.listSheets();
  return JSON.parse(
    JSON.stringify({
      sheets,
      views: sheets.map((s) => sheetView(host, s.name)),
      names: host.names(),
    }),
  ) as unknown;
}

/** The seed's inputs, by name, with some replaced. */
export function roiInputs(changes: Record<string, number> = {}): Record<string, number> {
  return {
    ...Object.fromEntries(roiAssumptions(ROI_OPTIONS).map((a) => [a.name, a.sample])),
    ...changes,
  };
}

/**
 * The ROI sheet's outputs computed by the engine alone (no spreadsheet): annual line items, the
 * 36-month schedule on the sheet's own adoption ramp, the three-year risk-adjusted view, payback.
 */
export function roiByEngine(a: Record<string, number>): {
  annualBenefits: number;
  annualCosts: number;
  annualRoi: number;
  pvRoi: number;
  paybackMonths: number | null;
} {
  const perYear = a.MonthsPerYear;
  const annualBenefits =
    (a.AgentsBefore - a.AgentsAfter) * a.AgentMonthlyCost * perYear +
    a.CapacityAgents * a.AgentMonthlyCost * perYear +
    a.Customers * a.ChurnReduction * a.Arpu;
  const api = apiCost(a.ApiCallsPerMonth, a.CostPerCall, a.FxRate, perYear);
  const annualCosts =
    api +
    a.PlatformMonthly * perYear +
    a.PeopleFte * a.FteMonthlyCost * perYear +
    a.TrainingOneOff / a.AmortisationYears;
  const yearBenefits = [0, 0, 0, 0];
  const yearCosts = [0, 0, 0, 0];
  const net: number[] = [];
  for (let month = 0; month <= HORIZON_MONTHS; month++) {
    const share = adoption(month, a.RampStartMonth, a.RampMonths, a.AdoptionTarget);
    const benefit = (share * annualBenefits) / perYear;
    const cost = month === 0 ? a.ImplementationCost : (annualCosts - api) / perYear + (share * api) / perYear;
    const year = month === 0 ? 0 : Math.ceil(month / 12);
    yearBenefits[year] += benefit;
    yearCosts[year] += cost;
    net.push(benefit - cost);
  }
  const pv = presentValueRoi(yearBenefits, yearCosts, {
    discountRate: a.DiscountRate,
    benefitRisk: a.BenefitRisk,
    costRisk: a.CostRisk,
  });
  return {
    annualBenefits,
    annualCosts,
    annualRoi: roi(annualBenefits, annualCosts),
    pvRoi: pv.roi as number,
    paybackMonths: payback(net),
  };
}

/** |a − b| within a relative tolerance (absolute near zero). */
export function close(a: unknown, b: number, relative = 1e-9): boolean {
  return typeof a === "number" && Math.abs(a - b) <= relative * Math.max(1, Math.abs(b));
}

/** Every cell value of the template blocks of the named sheets, keyed "Sheet!A1" (as the grid shows them). */
export function templateValues(host: MemoryHost, sheets: readonly string[]): Map<string, CellValue> {
  const out = new Map<string, CellValue>();
  for (const plan of host.appliedPlans()) {
    if (!sheets.includes(plan.sheet)) continue;
    const view = sheetView(host, plan.sheet);
    for (const block of plan.blocks) {
      const r = blockRange(block);
      for (let row = r.top; row <= r.bottom; row++)
        for (let column = r.left; column <= r.right; column++)
          out.set(`${plan.sheet}!${cellAddress(row, column)}`, view.cells[row]?.[column]?.value ?? null);
    }
  }
  return out;
}

/** The keys whose values differ (numbers within a relative 1e-9), as "key: got ≠ wanted". */
export function valueDifferences(got: Map<string, CellValue>, wanted: Map<string, CellValue>): string[] {
  return [...wanted]
    .filter(([key, value]) => {
      const other = got.get(key);
      return typeof value === "number" && typeof other === "number"
        ? Math.abs(value - other) > 1e-9 * Math.max(1, Math.abs(value))
        : other !== value;
    })
    .map(([key, value]) => `${key}: ${String(got.get(key))} ≠ ${String(value)}`);
}

/** The user's inputs as the grid shows them: every input cell holding a value (not a formula). */
export function userInputs(host: MemoryHost): CellWrite[] {
  const out: CellWrite[] = [];
  for (const plan of host.appliedPlans()) {
    const view = sheetView(host, plan.sheet);
    view.cells.forEach((line, row) =>
      line?.forEach((cell, column) => {
        if (cell?.input && cell.formula === undefined && cell.value !== null)
          out.push({ sheet: plan.sheet, address: cellAddress(row, column), values: [[cell.value]] });
      }),
    );
  }
  return out;
}

/**
 * Every formula cell of `host`'s templates against a fresh workbook built from the plans `host`
 * now holds, with `host`'s inputs typed in: the first six differences and their count, [] when
 * none. (Cells without a formula are the plans' own values; in the portable dialect they include
 * the statistics that have no native formula, written once at build time, which a fresh build
 * computes anew.)
 */
export async function differencesFromFreshBuild(host: MemoryHost, dialect: Dialect): Promise<string[]> {
  const plans = host.appliedPlans();
  const fresh = new MemoryHost();
  await fresh.applyPlans(plans, { dialect });
  await fresh.writeCells(userInputs(host));
  const sheets = plans.map((p) => p.sheet);
  const views = new Map(sheets.map((s) => [s, sheetView(host, s)]));
  const formulas = (values: Map<string, CellValue>) =>
    new Map(
      [...values].filter(([key]) => {
        const [sheet, address] = key.split("!");
        const { row, column } = parseCell(address);
        return views.get(sheet)?.cells[row]?.[column]?.formula !== undefined;
      }),
    );
  const d = valueDifferences(formulas(templateValues(host, sheets)), formulas(templateValues(fresh, sheets)));
  return d.length > 6 ? [...d.slice(0, 6), `… ${d.length} in all`] : d;
}
