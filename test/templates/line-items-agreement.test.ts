/**
 * The ROI sheet's line tables hold any number of lines: built with 1, 3, 7 and 40 benefit lines
 * and 1, 4 and 12 cost lines (every timing and cost kind, default and typed risks, a negative
 * benefit), in HyperFormula, both dialects give the engine's figures (src/engine/line-items.ts)
 * on every headline output, the TEI rows and the monthly schedule.
 */
import {
  type BenefitLine,
  type CostLine,
  defaultLowHigh,
  financialSummary,
  type LineItemCase,
  threePointModel,
} from "../../src/engine/line-items";
import { adoption } from "../../src/engine/rollout";
import { tornado } from "../../src/engine/sensitivity";
import { MemoryHost } from "../../src/host/memory";
import type { CellValue } from "../../src/host/workbook-host";
import { parseCell, rangeAddress } from "../../src/templates/a1";
import { planModel } from "../../src/templates";
import type { TemplateOptions } from "../../src/templates/plan";
import { COST_KINDS, type LineRow, type LineRows, TIMINGS } from "../../src/templates/roi-lines";

const TIMING_OF = { Company: "company", Wave: "wave", Own: "own", Fixed: "fixed" } as const;
const KIND_OF = { "One-off": "oneOff", Recurring: "recurring", Usage: "usage" } as const;

/** Sample settings the generated case runs on (the ROI sheet's sample values). */
const RISK = 0.1;
const PRICE_CHANGE = -0.1;

/** Deterministic lines: every timing and kind in turn; line 2 of the benefits is negative. */
export function generatedLines(benefits: number, costs: number): { rows: LineRows; lines: LineItemCase } {
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
        companyAdoption: Array.from({ length: 37 }, (_, m) => adoption(m, 0, 6, 1)),
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

const close = (actual: CellValue, expected: number): void => {
  expect(typeof actual).toBe("number");
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
};

const CASES: [number, number][] = [
  [1, 1],
  [3, 4],
  [7, 12],
  [40, 1],
  [40, 12],
];

describe.each(["live", "portable"] as const)(
  "line tables of any size agree with the engine (%s dialect)",
  (dialect) => {
    it.each(CASES)(
      "%i benefit lines and %i cost lines: annual ROI, PV ROI, NPV, IRR, payback, TEI rows and months",
      async (nB, nC) => {
        const { rows, lines } = generatedLines(nB, nC);
        const host = await buildCase(rows, dialect);
        const want = financialSummary(lines);
        const got = await read(host, [
          "AnnualBenefits",
          "AnnualCosts",
          "AnnualROI",
          "PVROI",
          "ThreeYearNPV",
          "ThreeYearIRR",
          "PaybackMonths",
          "RoiYearBenefits",
          "RoiYearCosts",
          "RoiRiskYearNet",
          "RoiMonthlyBenefits",
          "RoiMonthlyCosts",
        ]);
        close(got.AnnualBenefits[0], want.annualBenefits);
        close(got.AnnualCosts[0], want.annualCosts);
        if (want.annualRoi === null) expect(got.AnnualROI[0]).toBe("");
        else close(got.AnnualROI[0], want.annualRoi);
        if (want.pvRoi === null) expect(got.PVROI[0]).toBe("");
        else close(got.PVROI[0], want.pvRoi);
        close(got.ThreeYearNPV[0], want.npv);
        if (want.irr === null) expect(got.ThreeYearIRR[0]).toBe("");
        else expect(Math.abs((got.ThreeYearIRR[0] as number) - want.irr)).toBeLessThan(1e-7);
        if (want.paybackMonths === null) expect(got.PaybackMonths[0]).toBe("Beyond 36 months");
        else close(got.PaybackMonths[0], want.paybackMonths);
        want.benefits.years.forEach((v, y) => close(got.RoiYearBenefits[y], v));
        want.costs.years.forEach((v, y) => close(got.RoiYearCosts[y], v));
        want.riskNet.years.forEach((v, y) => close(got.RoiRiskYearNet[y], v));
        want.monthlyBenefits.forEach((v, k) => close(got.RoiMonthlyBenefits[k], v));
        want.monthlyCosts.forEach((v, k) => close(got.RoiMonthlyCosts[k], v));
      },
      60_000,
    );

    it("feeds the Stress sheet one row per line: the tornado ranks every run-rate line as the engine does", async () => {
      const { rows, lines } = generatedLines(7, 12);
      const host = await buildCase(rows, dialect, ["roi", "stress"]);
      const model = threePointModel(lines);
      const want = tornado(model, model.labels);
      const labels = (await read(host, ["StressLabels"])).StressLabels;
      expect(labels).toEqual([...rows.benefits, ...rows.costs].map((r) => r.label));
      // The tornado block (headed "Rank") lists every line by swing; one-off lines have no run-rate
      // (swing 0) and come last, after the lines the engine ranks.
      const stress = planModel(["roi", "stress"], {
        data: "sample",
        currency: "NT$",
        locale: "en",
        lines: rows,
      })[1];
      const block = stress.blocks.find((b) => b.cells[0][0] === "Rank");
      if (!block) throw new Error("no tornado block");
      const top = parseCell(block.at);
      const n = rows.benefits.length + rows.costs.length;
      const table = await host.readRange(
        "Stress",
        rangeAddress({ top: top.row + 1, left: top.column, bottom: top.row + n, right: top.column + 4 }),
      );
      want.forEach((row, k) => {
        expect(table[k][1]).toBe(row.label);
        close(table[k][2], row.roiAtLow);
        close(table[k][3], row.roiAtHigh);
      });
      for (const row of table.slice(want.length)) expect(row[4]).toBe(0);
    }, 60_000);
  },
);
