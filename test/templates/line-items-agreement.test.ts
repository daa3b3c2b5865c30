/**
 * The ROI sheet's line tables hold any number of lines: built with 1, 3, 7 and 40 benefit lines
 * and 1, 4 and 12 cost lines (every timing and cost kind, default and typed risks, a negative
 * benefit), in HyperFormula, both dialects give the engine's figures (src/engine/line-items.ts)
 * on every headline output, the TEI rows and the monthly schedule.
 */
import { financialSummary, threePointModel } from "../../src/engine/line-items";
import { tornado } from "../../src/engine/sensitivity";
import type { CellValue } from "../../src/host/workbook-host";
import { parseCell, rangeAddress } from "../../src/shared/a1";
import { planModel } from "../../src/templates";
import { buildCase, generatedLines, read } from "./line-items-support";

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
      // The table's tornado columns (headed "Tornado line item") list every line by swing, the
      // table's k-th row the line ranked k; one-off lines have no run-rate (swing 0) and come
      // last, after the lines the engine ranks.
      const stress = planModel(["roi", "stress"], {
        data: "sample",
        currency: "NT$",
        locale: "en",
        lines: rows,
      })[1];
      const block = stress.blocks.find((b) => b.cells[0].includes("Tornado line item"));
      if (!block) throw new Error("no tornado columns");
      const top = parseCell(block.at);
      const left = top.column + block.cells[0].indexOf("Tornado line item") - 1;
      const n = rows.benefits.length + rows.costs.length;
      const table = await host.readRange(
        "Stress",
        rangeAddress({ top: top.row + 1, left, bottom: top.row + n, right: left + 4 }),
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
