/**
 * Each line's Distribution column reaches every simulation: on the sample model in the in-memory
 * workbook, with one benefit line set to Uniform and one cost to Triangular, the Stress sheet's
 * live SIMULATE_ROI spill equals the engine's simulateRoi with those per-line shapes (and not the
 * all-PERT figures it showed before), the pane's Simulate panel reads the same shapes, and the
 * pane's whole-case simulation, goal seek and sensitivity get them from the case reading. What it
 * protects: a shape the user chose is never silently replaced by the sheet's default, and a word
 * the simulation does not know is reported at its cell rather than ignored.
 */
import { CaseSimulation, compileCase, sensitivityAtPercentiles } from "../../../src/engine/case-simulation";
import type { LineDistribution, LineItem } from "../../../src/engine/distributions";
import { simulateRoi } from "../../../src/engine/simulate";
import { statisticsOf } from "../../../src/engine/simulation-table";
import { MemoryHost } from "../../../src/host/memory";
import type { CellValue } from "../../../src/host/workbook-host";
import { formatProblem } from "../../../src/i18n/messages";
import { cellAddress, parseCell, rangeAddress } from "../../../src/shared/a1";
import { readCase, readCaseFrom } from "../../../src/taskpane/model/case-reading";
import { caseRun } from "../../../src/taskpane/model/case-run";
import { correlationOption, readCaseCorrelation } from "../../../src/taskpane/model/correlation";
import { LINE_ITEM_NAMES, readLineItems } from "../../../src/taskpane/model/simulation";
import { planCompleteModel } from "../../../src/templates/index";
import { isFormula, type SheetPlan } from "../../../src/templates/plan";
import { ROI_LINE_NAMES } from "../../../src/templates/roi";
import { COL } from "../../../src/templates/roi-lines";
import { SIMULATION_ROWS, STRESS_NAMES } from "../../../src/templates/stress";

const OPTIONS = { data: "sample", currency: "NT$", locale: "en" } as const;

/** The first row of each line table's body (0-based), from the three-point names. */
async function firstRows(host: MemoryHost): Promise<{ sheet: string; benefits: number; costs: number }> {
  const at = await host.locateNames([ROI_LINE_NAMES.benefits.threePoint, ROI_LINE_NAMES.costs.threePoint]);
  const b = at[ROI_LINE_NAMES.benefits.threePoint];
  const c = at[ROI_LINE_NAMES.costs.threePoint];
  if (!b || !c) throw new Error("no three-point names");
  const top = (address: string): number => parseCell(address.split(":")[0]).row;
  return { sheet: b.sheet, benefits: top(b.address), costs: top(c.address) };
}

async function setShape(host: MemoryHost, sheet: string, row: number, shape: string): Promise<void> {
  await host.writeCells([{ sheet, address: cellAddress(row, COL.distribution), values: [[shape]] }]);
}

async function simulationSpill(host: MemoryHost): Promise<CellValue[][]> {
  const plan = host.appliedPlans().find((p) => p.template === "stress") as SheetPlan;
  for (const block of plan.blocks) {
    const origin = parseCell(block.at);
    for (const [r, line] of block.cells.entries())
      for (const [c, cell] of line.entries())
        if (isFormula(cell) && (cell.live ?? "").startsWith("=GENAI.SIMULATE_ROI")) {
          const top = origin.row + r;
          const left = origin.column + c;
          const address = rangeAddress({ top, left, bottom: top + SIMULATION_ROWS - 1, right: left + 1 });
          return host.readRange(plan.sheet, address);
        }
  }
  throw new Error("no SIMULATE_ROI on the Stress sheet");
}

/** The three-point names' rows as line items with the given shapes (benefits, then costs). */
function itemsOf(rows: CellValue[][], shapes: readonly (LineDistribution | null)[]): LineItem[] {
  return rows.map((r, i) => {
    const [low, base, high] = r.slice(0, 3) as number[];
    const shape = shapes[i];
    return shape ? { low, base, high, distribution: shape } : { low, base, high };
  });
}

describe("each line's Distribution", () => {
  it("reaches the live SIMULATE_ROI spill, the Simulate panel and the pane's whole-case simulation", async () => {
    const host = new MemoryHost();
    await host.applyPlans(planCompleteModel(OPTIONS), { dialect: "live" });
    const allPert = await simulationSpill(host);
    const rows = await firstRows(host);
    // Agent savings as Uniform (lowercase: the functions compare names as Excel compares text),
    // the platform cost as Triangular.
    await setShape(host, rows.sheet, rows.benefits, "uniform");
    await setShape(host, rows.sheet, rows.costs + 1, "Triangular");

    const points = await host.readNames([
      ROI_LINE_NAMES.benefits.threePoint,
      ROI_LINE_NAMES.costs.threePoint,
    ]);
    const benefits = points[ROI_LINE_NAMES.benefits.threePoint] ?? [];
    const costs = points[ROI_LINE_NAMES.costs.threePoint] ?? [];
    expect(benefits[0]).toHaveLength(4);
    const settings = await host.readNames([
      STRESS_NAMES.trials,
      STRESS_NAMES.seed,
      STRESS_NAMES.distribution,
    ]);
    // The sample's rank-correlation matrix, which the sheet's SIMULATE_ROI applies while it
    // matches the lines (it does: only shapes changed), read as the pane reads it.
    const correlation = correlationOption(await readCaseCorrelation(host));
    expect(correlation).not.toBeNull();
    const options = {
      trials: settings[STRESS_NAMES.trials]?.[0][0] as number,
      seed: settings[STRESS_NAMES.seed]?.[0][0] as number,
      distribution: settings[STRESS_NAMES.distribution]?.[0][0] as LineDistribution,
      correlation,
    };
    expect(options.distribution).toBe("PERT");
    const benefitShapes: (LineDistribution | null)[] = benefits.map((_, i) => (i === 0 ? "Uniform" : null));
    const costShapes: (LineDistribution | null)[] = costs.map((_, i) => (i === 1 ? "Triangular" : null));
    const model = { benefits: itemsOf(benefits, benefitShapes), costs: itemsOf(costs, costShapes) };
    const expected = statisticsOf(simulateRoi(model, options));
    const pert = statisticsOf(
      simulateRoi({ benefits: itemsOf(benefits, []), costs: itemsOf(costs, []) }, options),
    );

    const spill = await simulationSpill(host);
    spill.forEach((row, i) => expect(row[1] as number).toBeCloseTo(expected[i], 12));
    // Before the edit the spill showed the all-PERT figures, which differ.
    allPert.forEach((row, i) => expect(row[1] as number).toBeCloseTo(pert[i], 12));
    expect(Math.abs(expected[0] - pert[0])).toBeGreaterThan(1e-3);
    expect(Math.abs(expected[5] - pert[5])).toBeGreaterThan(1e-3);

    // The Simulate panel (annual ROI) reads the same shapes from the same names.
    const panel = readLineItems(await host.readNames(LINE_ITEM_NAMES));
    if (!panel.ok) throw new Error("the pane read no lines");
    expect(panel.model).toEqual(model);
    expect(statisticsOf(simulateRoi(panel.model, options))).toEqual(expected);

    // The whole-case simulation: the reading carries each line's shape, benefits then costs.
    const reading = await readCaseFrom(host);
    if (!reading.ok) throw new Error(JSON.stringify(reading));
    expect(reading.lineDistributions).toEqual([...benefitShapes, ...costShapes]);
    const caseOptions = {
      ...options,
      lineDistributions: reading.lineDistributions,
      paybackBenchmark: reading.paybackBenchmark,
    };
    const run = caseRun({ businessCase: reading.businessCase, options: caseOptions });
    while (run.step());
    const result = run.result();
    const compiled = compileCase(reading.businessCase);
    const direct = new CaseSimulation(compiled, caseOptions);
    direct.run();
    const plain = new CaseSimulation(compiled, { ...caseOptions, lineDistributions: undefined });
    plain.run();
    expect(result.summary.outputs.npv.percentiles).toEqual(direct.summary().outputs.npv.percentiles);
    expect(result.summary.outputs.npv.percentiles).not.toEqual(plain.summary().outputs.npv.percentiles);
    // The sensitivity at percentiles reads each line's own shape too: Agent savings at P10 and P90.
    const mine = sensitivityAtPercentiles(compiled, "npv", "PERT", reading.lineDistributions);
    const pertOnly = sensitivityAtPercentiles(compiled, "npv", "PERT");
    expect(result.sensitivity.npv.lines).toEqual(mine.lines);
    const agent = (s: typeof mine) => s.lines.find((l) => l.index === 0)?.inputs;
    expect(agent(mine)).not.toEqual(agent(pertOnly));
  }, 120_000);

  it("reads a line's shape in any case, blank as the run's, and an unknown word as a problem at its cell", () => {
    const settings = {
      RoiMonthlyAdoption: [[0], [1]],
      MonthsPerYear: [[12]],
      BenefitRealisation: [[1]],
      UsagePriceChange: [[null]],
      DiscountRate: [[0.1]],
      LeaderPaybackMonths: [[14]],
    };
    const row = (shape: CellValue): CellValue[] => {
      const r: CellValue[] = new Array<CellValue>(COL.distribution + 1).fill(null);
      r[COL.label] = "L";
      r[COL.low] = 1;
      r[COL.base] = 2;
      r[COL.high] = 5;
      r[COL.kind] = "Company";
      r[COL.distribution] = shape;
      return r;
    };
    const good = readCase(settings, {
      benefits: { rows: [row(" TRIANGULAR "), row(null), row("")], firstRow: 40 },
      costs: { rows: [row("pert"), row("Uniform")], firstRow: 50 },
    });
    expect(good.ok && good.lineDistributions).toEqual(["Triangular", null, null, "PERT", "Uniform"]);
    const bad = readCase(settings, {
      benefits: { rows: [row(null)], firstRow: 40 },
      costs: { rows: [row(null), row("Lognormal")], firstRow: 50 },
    });
    if (bad.ok || bad.reason !== "invalid") throw new Error("an unknown shape was read");
    expect(formatProblem(bad.problem, "en")).toBe(
      'Costs row 51, column Q must be one of "PERT", "Triangular", "Uniform"; got Lognormal',
    );
  });
});
