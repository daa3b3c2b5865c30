/** Generated line tables for the tests: the same case as sheet rows and as engine lines. */
import {
  type BenefitLine,
  type CostLine,
  defaultLowHigh,
  type LineItemCase,
} from "../../src/engine/line-items";
import { adoption } from "../../src/engine/rollout";
import { MemoryHost } from "../../src/host/memory";
import type { CellValue } from "../../src/host/workbook-host";
import { planModel } from "../../src/templates";
import type { TemplateOptions } from "../../src/templates/plan";
import { COST_KINDS, type LineRow, type LineRows, TIMINGS } from "../../src/templates/roi-lines";

const TIMING_OF = { Company: "company", Wave: "wave", Own: "own", Fixed: "fixed" } as const;
const KIND_OF = { "One-off": "oneOff", Recurring: "recurring", Usage: "usage" } as const;

/** Sample settings the generated case runs on (the ROI sheet's sample values). */
const RISK = 0.1;
export const PRICE_CHANGE = -0.1;

/** Deterministic lines: every timing and kind in turn; line 2 of the benefits is negative. */
export function generatedLines(
  benefits: number,
  costs: number,
  companyAdoption: readonly number[] = Array.from({ length: 37 }, (_, m) => adoption(m, 0, 6, 1)),
): { rows: LineRows; lines: LineItemCase } {
  const benefitRows: LineRow[] = [];
  const benefitLines: BenefitLine[] = [];
  for (let k = 0; k < benefits; k++) {
    const timing = TIMINGS[k % TIMINGS.length];
    const base = 250_000 * (k + 1) * (k === 1 ? -0.2 : 1);
    const start = timing === "Own" || timing === "Fixed" ? k % 5 : null;
    const ramp = timing === "Own" ? k % 7 : null;
    const risk = k % 3 === 2 ? 0.25 : null;
    benefitRows.push({
      label: `Benefit ${k + 1}`,
      group: "Efficiency",
      base,
      kind: timing,
      start,
      months: ramp,
      ...(risk === null ? {} : { risk }),
    });
    benefitLines.push({
      label: `Benefit ${k + 1}`,
      annual: base,
      ...defaultLowHigh(base, -0.3, 0.2),
      timing: TIMING_OF[timing],
      startMonth: start ?? 0,
      rampMonths: ramp ?? 0,
      risk: risk ?? RISK,
    });
  }
  const costRows: LineRow[] = [];
  const costLines: CostLine[] = [];
  for (let k = 0; k < costs; k++) {
    const kind = COST_KINDS[k % COST_KINDS.length];
    const amount = 40_000 * (k + 1);
    const start = k % 3;
    const spread = kind === "One-off" && k % 4 > 0 ? k % 4 : null;
    const risk = k % 4 === 3 ? 0.3 : null;
    costRows.push({
      label: `Cost ${k + 1}`,
      group: "Platform and infrastructure",
      base: amount,
      kind,
      start,
      months: spread,
      ...(risk === null ? {} : { risk }),
    });
    costLines.push({
      label: `Cost ${k + 1}`,
      amount,
      ...defaultLowHigh(amount, -0.1, 0.3),
      kind: KIND_OF[kind],
      startMonth: start,
      spreadMonths: spread ?? 1,
      risk: risk ?? RISK,
    });
  }
  return {
    rows: { benefits: benefitRows, costs: costRows },
    lines: {
      benefits: benefitLines,
      costs: costLines,
      settings: {
        companyAdoption,
        monthsPerYear: 12,
        benefitRealisation: 1,
        scenario: "Base",
        usagePriceChange: PRICE_CHANGE,
        discountRate: 0.1,
      },
    },
  };
}

export async function buildCase(
  rows: LineRows,
  dialect: "live" | "portable",
  templates: ("roi" | "stress")[] = ["roi"],
): Promise<MemoryHost> {
  const host = new MemoryHost();
  const options: Omit<TemplateOptions, "linkedTo"> = {
    data: "sample",
    currency: "NT$",
    locale: "en",
    lines: rows,
  };
  const plans = planModel(templates, options);
  await host.applyPlans(plans, { dialect });
  const roi = plans[0];
  const at = roi.names.find((n) => n.name === "UsagePriceChange")?.range.replace(/\$/g, "") ?? "";
  await host.writeCells([{ sheet: "ROI", address: at, values: [[PRICE_CHANGE]] }]);
  return host;
}

export async function read(host: MemoryHost, names: string[]): Promise<Record<string, CellValue[]>> {
  const values = await host.readNames(names);
  return Object.fromEntries(names.map((n) => [n, (values[n] ?? []).flat()]));
}
