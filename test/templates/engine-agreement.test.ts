/**
 * The complete model computed in the in-memory workbook agrees with the engine computing the same
 * inputs on its own, in both dialects, before and after inputs change: the portfolio's scores,
 * quadrants, ranks, picks and gates; the rollout's waves and company-wide adoption; the Stress
 * scenarios on the ROI sheet; payback from the ROI sheet's own schedule. It also checks that every
 * formula cell that shows a number has a number format.
 */
import { paybackMonths, type BusinessCase } from "../../src/engine/business-case";
import {
  gate,
  quadrant,
  quadrantScore,
  rankDescending,
  recommendPocs,
  type GateMetrics,
} from "../../src/engine/portfolio";
import { roi } from "../../src/engine/roi";
import { adoption, waves } from "../../src/engine/rollout";
import { MemoryHost } from "../../src/host/memory";
import type { CellValue } from "../../src/host/workbook-host";
import { cellAddress, parseCell, parseRange } from "../../src/shared/a1";
import { planCompleteModel } from "../../src/templates";
import { ROI_LINE_NAMES } from "../../src/templates/roi";
import { type Dialect, isFormula, type SheetPlan } from "../../src/templates/plan";

const options = { data: "sample" as const, currency: "NT$", locale: "en" as const };
const plans = planCompleteModel(options);
const plan = (template: string): SheetPlan => plans.find((p) => p.template === template) as SheetPlan;

async function built(dialect: Dialect): Promise<MemoryHost> {
  const host = new MemoryHost();
  await host.applyPlans(plans, { dialect });
  return host;
}

const num = (v: CellValue): number => v as number;
const round2 = (x: number): number => Math.round(x * 100) / 100;

/** The UseCases table's body as rows of values. */
async function useCaseRows(host: MemoryHost): Promise<CellValue[][]> {
  const table = plan("portfolio").tables.find((t) => t.name === "UseCases");
  const r = parseRange(table?.range ?? "A1");
  const body = `${cellAddress(r.top + 1, r.left)}:${cellAddress(r.bottom, r.right)}`;
  return (await host.readRange("Portfolio", body)).filter((row) => row[0] !== null);
}

async function expectPortfolioMatchesEngine(host: MemoryHost): Promise<void> {
  const rows = await useCaseRows(host);
  const scores = rows.map((row) => round2(quadrantScore(num(row[2]), num(row[3]), num(row[4]), num(row[5]))));
  const quadrants = rows.map((row) => quadrant(num(row[2]), num(row[3])));
  rows.forEach((row, i) => {
    expect(row[8]).toBeCloseTo(scores[i], 9);
    expect(row[9]).toBe(quadrants[i]);
  });
  expect(rows.map((row) => row[10])).toEqual(rankDescending(scores));
  const picks = recommendPocs(scores.map((score, i) => ({ score, quadrant: quadrants[i] })));
  expect(rows.map((row) => row[11] === "PoC")).toEqual(picks);
  rows.forEach((row) => {
    const metrics = row.slice(12, 17);
    if (metrics.some((m) => m === null)) return expect(row[17]).toBe("Pending");
    const [quality, p95LatencySeconds, hallucinationRate, timeSaved, adoptionIntent] = metrics.map(num);
    const m: GateMetrics = { quality, p95LatencySeconds, hallucinationRate, timeSaved, adoptionIntent };
    expect(row[17]).toBe(gate(m));
  });
}

/** Departments: readiness (F) → waves (G), starts (H), ramps (I); adoption share by headcount. */
async function expectRolloutMatchesEngine(host: MemoryHost): Promise<void> {
  const table = parseRange(plan("rollout").tables.find((t) => t.name === "Departments")?.range ?? "A1");
  const rows = (
    await host.readRange("Rollout", `${cellAddress(table.top + 1, 0)}:${cellAddress(table.bottom, 10)}`)
  ).filter((row) => row[0] !== null);
  const readiness = rows.map((row) => num(row[5]));
  const [[wave1]] = (await host.readNames(["Wave1Count"])).Wave1Count as CellValue[][];
  const [[wave2]] = (await host.readNames(["Wave2Count"])).Wave2Count as CellValue[][];
  expect(rows.map((row) => row[6])).toEqual(waves(readiness, num(wave1), num(wave2)));
  const [share] = (await host.readNames(["AdoptedShare"])).AdoptedShare as CellValue[][];
  const [[target]] = (await host.readNames(["AdoptionTargetAll"])).AdoptionTargetAll as CellValue[][];
  const headcount = rows.reduce((s, row) => s + num(row[1]), 0);
  share.forEach((value, month) => {
    const expected =
      rows.reduce((s, row) => s + num(row[1]) * adoption(month, num(row[7]), num(row[8]), num(target)), 0) /
      headcount;
    expect(value).toBeCloseTo(expected, 12);
  });
  // The ROI sheet's monthly adoption is the Rollout's company-wide share (linked by name).
  const adoptionColumn = (
    (await host.readNames(["RoiMonthlyAdoption"])).RoiMonthlyAdoption as CellValue[][]
  ).map((row) => row[0]);
  expect(adoptionColumn).toEqual(share);
}

async function businessCase(host: MemoryHost): Promise<BusinessCase> {
  const names = ["AnnualBenefits", "AnnualCosts", "ApiAnnualCost", "MonthsPerYear"];
  const v = await host.readNames([...names, "RoiMonthlyAdoption", "RoiMonthlyCosts"]);
  const one = (n: string): number => num((v[n] as CellValue[][])[0][0]);
  return {
    annualBenefits: one("AnnualBenefits"),
    annualCosts: one("AnnualCosts"),
    apiAnnualCost: one("ApiAnnualCost"),
    // The one-off costs of month 0 (the implementation line, at the scenario's value).
    implementationCost: one("RoiMonthlyCosts"),
    monthsPerYear: one("MonthsPerYear"),
    adoption: (v.RoiMonthlyAdoption as CellValue[][]).map((row) => num(row[0])),
  };
}

async function value(host: MemoryHost, name: string): Promise<CellValue> {
  return ((await host.readNames([name]))[name] as CellValue[][])[0][0];
}

async function write(host: MemoryHost, name: string, v: CellValue): Promise<void> {
  const where = (await host.locateNames([name]))[name];
  if (!where) throw new Error(`no name ${name}`);
  await host.writeCells([{ sheet: where.sheet, address: where.address.split(":")[0], values: [[v]] }]);
}

describe.each<Dialect>(["live", "portable"])(
  "the complete model (%s dialect) agrees with the engine",
  (dialect) => {
    let host: MemoryHost;
    beforeAll(async () => {
      host = await built(dialect);
    }, 60_000);

    it("scores, places, ranks, picks and gates the portfolio as the engine does", async () => {
      await expectPortfolioMatchesEngine(host);
    });

    it("still does after a use case's impact score changes (4 → 5 on the third row)", async () => {
      const table = parseRange(plan("portfolio").tables.find((t) => t.name === "UseCases")?.range ?? "A1");
      const before = await useCaseRows(host);
      await host.writeCells([{ sheet: "Portfolio", address: cellAddress(table.top + 3, 2), values: [[5]] }]);
      const after = await useCaseRows(host);
      expect(after[2][8]).not.toBe(before[2][8]);
      await expectPortfolioMatchesEngine(host);
    });

    it("assigns waves and adoption as the engine does, and feeds the ROI sheet's schedule", async () => {
      await expectRolloutMatchesEngine(host);
    });

    it("still does after a department's readiness changes (Operations' data readiness 2 → 5)", async () => {
      const table = parseRange(plan("rollout").tables.find((t) => t.name === "Departments")?.range ?? "A1");
      const operations = table.top + 8; // the eighth sample department
      const paybackBefore = await value(host, "PaybackMonths");
      await host.writeCells([{ sheet: "Rollout", address: cellAddress(operations, 2), values: [[5]] }]);
      await expectRolloutMatchesEngine(host);
      expect(await value(host, "PaybackMonths")).not.toBe(paybackBefore);
      expect(await value(host, "PaybackMonths")).toBeCloseTo(
        paybackMonths(await businessCase(host)) as number,
        9,
      );
    });

    it("holds each wave to its count when every department is equally ready (ties in list order)", async () => {
      const table = parseRange(plan("rollout").tables.find((t) => t.name === "Departments")?.range ?? "A1");
      const first = table.top + 1;
      const rows = (await host.readRange("Rollout", `A${first}:A${table.bottom + 1}`)).filter(
        ([name]) => name !== null,
      );
      await host.writeCells([
        {
          sheet: "Rollout",
          address: `${cellAddress(first, 2)}:${cellAddress(first + rows.length - 1, 4)}`,
          values: rows.map(() => [3, 3, 3]),
        },
      ]);
      await expectRolloutMatchesEngine(host);
      const [[wave1]] = (await host.readNames(["Wave1Count"])).Wave1Count as CellValue[][];
      const assigned = (await host.readNames(["DepartmentWaves"])).DepartmentWaves as CellValue[][];
      expect(assigned.filter(([w]) => w === 1)).toHaveLength(num(wave1));
    });

    it("applies the Scenario switch: Worst takes low benefits and high costs, Best the reverse", async () => {
      // The lines' low, base and high as the linked Stress sheet reads them: the ROI tables'.
      const [benefits, costs] = [ROI_LINE_NAMES.benefits.threePoint, ROI_LINE_NAMES.costs.threePoint].map(
        async (n) => (await host.readNames([n]))[n] as CellValue[][],
      );
      const b = await benefits;
      const c = await costs;
      const sum = (rows: CellValue[][], column: number): number =>
        rows.reduce((s, row) => s + num(row[column]), 0);
      const realisation = num(await value(host, "BenefitRealisation"));
      for (const [scenario, benefitColumn, costColumn] of [
        ["Worst", 0, 2],
        ["Best", 2, 0],
        ["Base", 1, 1],
      ] as const) {
        await write(host, "Scenario", scenario);
        expect(await value(host, "AnnualROI")).toBeCloseTo(
          roi(realisation * sum(b, benefitColumn), sum(c, costColumn)),
          12,
        );
        expect(await value(host, "PaybackMonths")).toBeCloseTo(
          paybackMonths(await businessCase(host)) as number,
          9,
        );
      }
    });

    it("shows every numeric formula result with a number format", async () => {
      for (const p of plans) {
        const formats = p.formats.map((f) => parseRange(f.range));
        for (const block of p.blocks) {
          const origin = parseCell(block.at);
          const values = await host.readRange(
            p.sheet,
            `${block.at}:${cellAddress(origin.row + block.cells.length - 1, origin.column + block.cells[0].length - 1)}`,
          );
          block.cells.forEach((row, r) =>
            row.forEach((cell, c) => {
              if (!isFormula(cell) || typeof values[r][c] !== "number") return;
              const [row0, col0] = [origin.row + r, origin.column + c];
              const covered = formats.some(
                (f) => row0 >= f.top && row0 <= f.bottom && col0 >= f.left && col0 <= f.right,
              );
              const where = `${p.sheet}!${cellAddress(row0, col0)}`;
              expect(`${where} ${covered ? "formatted" : "unformatted"}`).toBe(`${where} formatted`);
            }),
          );
        }
      }
    });
  },
);
