/**
 * The Summary tells one story: the simulation holds every lever of the deterministic model.
 * With low = base = high on every line, every statistic the Stress sheet's SIMULATE_ROI spills
 * and every statistic of the pane's own simulation equal the annual ROI in use, whatever the
 * benefit realisation and the scenario. A line with a negative base keeps low ≤ base ≤ high and
 * the Stress sheet computes.
 */
import fc from "fast-check";
import { RoiSimulation } from "../../src/engine/simulate";
import { MemoryHost } from "../../src/host/memory";
import type { CellValue } from "../../src/host/workbook-host";
import { LINE_ITEM_NAMES, readLineItems, statisticsOf } from "../../src/taskpane/model/simulation";
import { readSummary, SUMMARY_NAMES } from "../../src/taskpane/model/summary";
import { cellAddress, parseRange } from "../../src/shared/a1";
import { planCompleteModel, planModel } from "../../src/templates/index";
import type { SheetPlan } from "../../src/templates/plan";
import { COL, type LineRow } from "../../src/templates/roi-lines";
import { SCENARIOS, SIMULATION_ROWS } from "../../src/templates/stress";
import { nameCell } from "./memory-support";

const line = (label: string, kind: LineRow["kind"], base: number): LineRow => ({
  label,
  group: null,
  low: base,
  base,
  high: base,
  kind,
});
const LINES = {
  benefits: [line("A", "Company", 1_000_000), line("B", "Own", 2_000_000), line("C", "Fixed", 500_000)],
  costs: [line("X", "Recurring", 400_000), line("Y", "Usage", 300_000), line("Z", "One-off", 900_000)],
};
const OPTIONS = { data: "sample", currency: "NT$", locale: "en", lines: LINES } as const;

function tableBody(plans: readonly SheetPlan[], table: string): { top: number; left: number } {
  const t = plans.flatMap((p) => p.tables).find((x) => x.name === table)!;
  const r = parseRange(t.range);
  return { top: r.top + 1, left: r.left };
}

describe("one story between the deterministic ROI and the simulation", () => {
  const plans = planCompleteModel(OPTIONS);
  const roi = plans.find((p) => p.template === "roi")!;
  const stress = plans.find((p) => p.template === "stress")!;
  let host: MemoryHost;
  beforeAll(async () => {
    host = new MemoryHost();
    await host.applyPlans(plans, { dialect: "live" });
  }, 120_000);

  it("gives every simulated statistic the annual ROI in use when low = base = high on every line", async () => {
    const simAnchor = parseRange(stress.names.find((n) => n.name === "SimLossProbability")!.range);
    const amount = fc.integer({ min: 1, max: 5_000_000 });
    await fc.assert(
      fc.asyncProperty(
        fc.array(amount, { minLength: 3, maxLength: 3 }),
        fc.array(amount, { minLength: 3, maxLength: 3 }),
        // Realisation in whole percent from 0% to 200% (the range its validation allows).
        fc.integer({ min: 0, max: 200 }).map((p) => p / 100),
        fc.constantFrom(...SCENARIOS),
        async (benefits, costs, realisation, scenario) => {
          const writes = (table: string, values: number[]) => {
            const body = tableBody(plans, table);
            return values.map((v, i) => ({
              sheet: "ROI",
              address: `${cellAddress(body.top + i, COL.low)}:${cellAddress(body.top + i, COL.high)}`,
              values: [[v, v, v]] as CellValue[][],
            }));
          };
          await host.writeCells([
            ...writes("Benefits", benefits),
            ...writes("Costs", costs),
            { sheet: "ROI", address: nameCell(roi, "BenefitRealisation"), values: [[realisation]] },
            { sheet: "Stress", address: nameCell(stress, "Scenario"), values: [[scenario]] },
          ]);
          const annual = (await host.readNames(["AnnualROI"])).AnnualROI![0][0] as number;
          const recurring = costs[0] + costs[1];
          expect(annual).toBeCloseTo(
            (realisation * (benefits[0] + benefits[1] + benefits[2]) - recurring) / recurring,
            9,
          );

          // The sheet's SIMULATE_ROI: Mean, P5 … P95 equal the ROI; P(ROI<0) is 0 or 1 with it.
          const spill = await host.readRange(
            "Stress",
            `B${simAnchor.top + 2 - SIMULATION_ROWS}:B${simAnchor.top + 1}`,
          );
          const sheet = spill.map((r) => r[0] as number);
          sheet.slice(0, 6).forEach((v) => expect(v).toBeCloseTo(annual, 9));
          expect(sheet[6]).toBe(annual < 0 ? 1 : 0);

          // The pane's simulation of the same line items, read where the sheet reads them.
          const reading = readLineItems(await host.readNames(LINE_ITEM_NAMES));
          if (!reading.ok) throw new Error(`line items unreadable: ${JSON.stringify(reading)}`);
          const run = new RoiSimulation(reading.model, { trials: 200, seed: 1, distribution: "PERT" });
          run.run(200);
          const pane = statisticsOf(run.summary());
          pane.slice(0, 6).forEach((v) => expect(v).toBeCloseTo(annual, 9));
          expect(pane[6]).toBe(annual < 0 ? 1 : 0);
        },
      ),
      { numRuns: 6 },
    );
  }, 300_000);
});

describe("a line with a negative base", () => {
  it("orders the Stress sheet's low and high by value when it stands alone, and simulates", async () => {
    const plans = planModel(["stress"], { data: "sample", currency: "NT$", locale: "en" });
    const stress = plans[0];
    const host = new MemoryHost();
    await host.applyPlans(plans, { dialect: "live" });
    const labels = parseRange(stress.names.find((n) => n.name === "StressLabels")!.range);
    const row = labels.top + 1; // the first benefit line, 1-based
    await host.writeCells([{ sheet: "Stress", address: `F${row}`, values: [[-1_000_000]] }]);
    const [[low, base, high]] = await host.readRange("Stress", `E${row}:G${row}`);
    expect([low, base, high]).toEqual([-1_200_000, -1_000_000, -700_000]);
    const [[loss]] = (await host.readNames(["SimLossProbability"])).SimLossProbability!;
    expect(typeof loss).toBe("number");
  }, 120_000);
});

describe("an empty Rollout sheet", () => {
  it.each(["live", "portable"] as const)(
    "makes the ROI sheet and the Summary say that adoption comes from it (%s)",
    async (dialect) => {
      const plans = planCompleteModel({ data: "sample", currency: "NT$", locale: "en" });
      const host = new MemoryHost();
      await host.applyPlans(plans, { dialect });
      const before = readSummary(await host.readNames([...SUMMARY_NAMES]));
      expect(before.adoptionNotice).toBeNull();
      const departments = parseRange(
        plans.flatMap((p) => p.tables).find((t) => t.name === "Departments")!.range,
      );
      const rows = departments.bottom - departments.top;
      await host.writeCells([
        {
          sheet: "Rollout",
          address: `A${departments.top + 2}:E${departments.bottom + 1}`,
          values: Array.from({ length: rows }, () => new Array<CellValue>(5).fill(null)),
        },
      ]);
      const after = readSummary(await host.readNames([...SUMMARY_NAMES]));
      expect(after.adoptionNotice).toBe(
        "Adoption comes from the Rollout sheet, which has no headcount yet: enter departments on Rollout!A18:E29",
      );
      expect(`A${departments.top + 2}:E${departments.bottom + 1}`).toBe("A18:E29");
    },
    120_000,
  );
});
