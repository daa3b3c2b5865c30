/**
 * The Stress sheet follows the ROI tables' current lines with no rebuild: on the sample model in
 * the in-memory workbook, a benefit line and a cost line added to the tables (the tables grow)
 * reach the live GENAI.SIMULATE_ROI spill, the tornado rows in both dialects and the pane's
 * simulation, once the pane has appended the Stress rows it lacks. What it protects: a line typed
 * after the build is never missing from the scenarios' per-line view, the simulation or the
 * tornado, and both dialects still rank it alike.
 */
import { tornado } from "../../src/engine/sensitivity";
import { simulateRoiOf } from "../../src/functions/risk";
import { MemoryHost } from "../../src/host/memory";
import type { CellValue } from "../../src/host/workbook-host";
import { parseCell, rangeAddress } from "../../src/shared/a1";
import { addLine, keepStressInStep } from "../../src/taskpane/model/line-add";
import { LINE_ITEM_NAMES, readLineItems } from "../../src/taskpane/model/simulation";
import { planCompleteModel } from "../../src/templates/index";
import { isFormula, type Dialect, type SheetPlan } from "../../src/templates/plan";
import { ROI_LINE_NAMES } from "../../src/templates/roi";
import { STRESS_NAMES, SIMULATION_ROWS } from "../../src/templates/stress";

const OPTIONS = { data: "sample", currency: "NT$", locale: "en" } as const;
const NEW_BENEFIT = { kind: "benefit", label: "Faster onboarding", amount: 3_000_000 } as const;
const NEW_COST = { kind: "cost", label: "Vector database", amount: 900_000 } as const;

async function names(host: MemoryHost, list: readonly string[]): Promise<Record<string, CellValue[][]>> {
  const v = await host.readNames(list);
  return Object.fromEntries(list.map((n) => [n, v[n] ?? []]));
}

/** Where the plan's live SIMULATE_ROI spill starts. */
function simulationAnchor(plan: SheetPlan): { row: number; column: number } {
  for (const block of plan.blocks) {
    const origin = parseCell(block.at);
    for (const [r, line] of block.cells.entries())
      for (const [c, cell] of line.entries())
        if (isFormula(cell) && (cell.live ?? "").startsWith("=GENAI.SIMULATE_ROI"))
          return { row: origin.row + r, column: origin.column + c };
  }
  throw new Error("no SIMULATE_ROI on the Stress sheet");
}

async function simulationSpill(host: MemoryHost): Promise<CellValue[][]> {
  const plan = host.appliedPlans().find((p) => p.template === "stress");
  if (!plan) throw new Error("no Stress sheet");
  const at = simulationAnchor(plan);
  const address = rangeAddress({
    top: at.row,
    left: at.column,
    bottom: at.row + SIMULATION_ROWS - 1,
    right: at.column + 1,
  });
  return host.readRange(plan.sheet, address);
}

async function sampleWithTwoMoreLines(dialect: Dialect) {
  const host = new MemoryHost();
  await host.applyPlans(planCompleteModel(OPTIONS), { dialect });
  const before = {
    roi: (await names(host, ["AnnualROI"])).AnnualROI[0][0],
    tornado: await names(host, [STRESS_NAMES.tornado]),
    spill: dialect === "live" ? await simulationSpill(host) : null,
  };
  const added = [await addLine(host, NEW_BENEFIT, "en"), await addLine(host, NEW_COST, "en")];
  return { host, before, added };
}

describe.each(["live", "portable"] as const)(
  "the Stress sheet follows added lines (%s dialect)",
  (dialect) => {
    it("appends the Stress rows the tables outgrew; the tornado ranks every line, the new ones included, as the engine does", async () => {
      const { host, before, added } = await sampleWithTwoMoreLines(dialect);
      // The seed's case first: annual ROI 639.6%, and the sample's tables have no empty row, so both lines grow them.
      expect(before.roi as number).toBeCloseTo(6.396, 3);
      expect(added.map((a) => a.appended)).toEqual([true, true]);
      const lines = await names(host, [ROI_LINE_NAMES.benefits.labels, ROI_LINE_NAMES.costs.labels]);
      const labels = [...lines.RoiBenefitLabels, ...lines.RoiCostLabels].map((r) => r[0]);
      expect(labels).toContain(NEW_BENEFIT.label);
      expect(labels).toContain(NEW_COST.label);

      const rowsBefore = (await names(host, [STRESS_NAMES.labels])).StressLabels.length;
      expect(rowsBefore).toBe(labels.length - 2);
      expect(await keepStressInStep(host)).toBe(2);
      const stressLabels = (await names(host, [STRESS_NAMES.labels])).StressLabels.map((r) => r[0]);
      expect(stressLabels).toEqual(labels);

      // The tornado rows: every line, ranked as the engine ranks the tables' three points.
      const points = await names(host, [ROI_LINE_NAMES.benefits.threePoint, ROI_LINE_NAMES.costs.threePoint]);
      const point = (r: CellValue[]) => ({ low: Number(r[0]), base: Number(r[1]), high: Number(r[2]) });
      const want = tornado(
        { benefits: points.BenefitThreePoint.map(point), costs: points.CostThreePoint.map(point) },
        labels.map(String),
      );
      const rows = (await names(host, [STRESS_NAMES.tornado])).StressTornado;
      expect(rows).toHaveLength(labels.length);
      expect(rows.length).toBeGreaterThan(before.tornado.StressTornado.length);
      want.forEach((w, k) => {
        expect(rows[k][0]).toBe(w.label);
        expect(rows[k][1] as number).toBeCloseTo(w.roiAtLow, 9);
        expect(rows[k][2] as number).toBeCloseTo(w.roiAtHigh, 9);
        expect(rows[k][3] as number).toBeCloseTo(w.swing, 9);
      });
      expect(rows.map((r) => r[0])).toEqual(expect.arrayContaining([NEW_BENEFIT.label, NEW_COST.label]));
    }, 120_000);
  },
);

describe("the live simulation follows added lines", () => {
  it("SIMULATE_ROI's spill and the pane's simulation read every line at once, with no rebuild", async () => {
    const { host, before } = await sampleWithTwoMoreLines("live");
    const spill = await simulationSpill(host);
    // The spill changed (a new benefit worth 3,000,000 a year and a cost of 900,000 a year) ...
    expect(spill[0][1]).not.toEqual(before.spill?.[0][1]);
    // ... and equals GENAI.SIMULATE_ROI over the tables' three points now, at the sheet's settings.
    const points = await names(host, [ROI_LINE_NAMES.benefits.threePoint, ROI_LINE_NAMES.costs.threePoint]);
    const settings = await names(host, [STRESS_NAMES.trials, STRESS_NAMES.seed, STRESS_NAMES.distribution]);
    const direct = simulateRoiOf(
      points.BenefitThreePoint,
      points.CostThreePoint,
      settings.SimTrials[0][0],
      settings.SimSeed[0][0],
      settings.SimDistribution[0][0],
    );
    spill.forEach((row, i) => {
      expect(row[0]).toBe(direct[i][0]);
      expect(row[1] as number).toBeCloseTo(direct[i][1] as number, 12);
    });
    // The pane's Simulate panel reads the same lines: four benefits and six costs.
    const reading = readLineItems(await host.readNames(LINE_ITEM_NAMES));
    if (!reading.ok) throw new Error("the pane read no lines");
    expect(reading.model.benefits).toHaveLength(points.BenefitThreePoint.length);
    expect(reading.model.costs).toHaveLength(points.CostThreePoint.length);
    expect(reading.model.benefits.map((b) => b.base)).toContain(NEW_BENEFIT.amount);
    expect(reading.model.costs.map((c) => c.base)).toContain(NEW_COST.amount);
  }, 120_000);
});
