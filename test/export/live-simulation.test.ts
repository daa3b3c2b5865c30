/**
 * The shareable copy's live simulation, without a spreadsheet engine: what the Trials sheet holds
 * (the engine's uniforms for the spill's own seed, trials, sampling and correlation), where its
 * formulas read the line items (the names the live formula passes, whatever they are), how many
 * trials it stores and says it stores, and that an argument it cannot read leaves the spill as
 * values with a note rather than a wrong formula. LibreOffice recalculating the copy is in
 * live-simulation-libreoffice.test.ts.
 */
import JSZip from "jszip";
import { simulateRoi, simulationUniforms } from "../../src/engine/simulate";
import { SIMULATION_STATISTICS } from "../../src/engine/simulation-table";
import {
  callArguments,
  STORED_TRIALS,
  TRIALS_SHEET,
  withLiveSimulations,
} from "../../src/export/live-simulation";
import { lookupOf, readPlanValues, type ValueLookup } from "../../src/export/values";
import { writeWorkbook } from "../../src/export/xlsx";
import { MemoryHost } from "../../src/host/memory";
import { STRESS_NAMES } from "../../src/templates/stress";
import type { CellValue } from "../../src/host/workbook-host";
import { cellAddress, parseCell, parseRange } from "../../src/shared/a1";
import { planCompleteModel, planModel } from "../../src/templates/index";
import { isFormula, type PlanCell, type SheetPlan } from "../../src/templates/plan";
import { NOW, SAMPLE } from "./export-support";

/** The plans with the SIMULATE_ROI anchor's live formula replaced (and any names added). */
function withFormula(plans: readonly SheetPlan[], live: string, names: SheetPlan["names"] = []): SheetPlan[] {
  return plans.map((plan) => {
    let found = false;
    const blocks = plan.blocks.map((block) => ({
      at: block.at,
      cells: block.cells.map((row) =>
        row.map((cell): PlanCell => {
          if (isFormula(cell) && (cell.live ?? "").startsWith("=GENAI.SIMULATE_ROI(")) {
            found = true;
            return { live, portable: null };
          }
          return cell;
        }),
      ),
    }));
    return found ? { ...plan, blocks, names: [...plan.names, ...names] } : plan;
  });
}

/** A formula cell of a plan at an A1 address, or its value. */
function planCell(plan: SheetPlan, address: string): PlanCell {
  const at = parseCell(address);
  for (const block of plan.blocks) {
    const origin = parseCell(block.at);
    const cell = block.cells[at.row - origin.row]?.[at.column - origin.column];
    if (cell !== undefined) return cell;
  }
  return null;
}

const formulaOf = (plan: SheetPlan, address: string): string | null => {
  const cell = planCell(plan, address);
  return isFormula(cell) ? cell.portable : null;
};

/** A named range's values through a lookup. */
function namedValues(plans: readonly SheetPlan[], lookup: ValueLookup, name: string): CellValue[][] {
  const plan = plans.find((p) => p.names.some((n) => n.name === name))!;
  const r = parseRange(plan.names.find((n) => n.name === name)!.range);
  return Array.from({ length: r.bottom - r.top + 1 }, (_, i) =>
    Array.from(
      { length: r.right - r.left + 1 },
      (__, j) => lookup(plan.sheet, r.top + i, r.left + j) ?? null,
    ),
  );
}

/** The matrix the sheet's SIMULATE_ROI receives (StressCorrelationInUse): a blank pair 0, a blank diagonal 1. */
function matrixInUse(plans: readonly SheetPlan[], lookup: ValueLookup): number[][] {
  return namedValues(plans, lookup, STRESS_NAMES.correlationInUse).map((row, i) =>
    row.map((v, j) => (v === null || v === "" ? (i === j ? 1 : 0) : Number(v))),
  );
}

const threePoints = (rows: CellValue[][]) =>
  rows
    .filter((row) => row.some((v) => v !== null && v !== ""))
    .map(([low, base, high]) => ({ low: low as number, base: base as number, high: high as number }));

describe("callArguments", () => {
  it("splits a call's top-level arguments, leaving nested calls and quoted commas whole", () => {
    expect(
      callArguments('=GENAI.SIMULATE_ROI(A,B,IF(X="",1,X),"a,b",{1,2;3,4})', "GENAI.SIMULATE_ROI"),
    ).toEqual(["A", "B", 'IF(X="",1,X)', '"a,b"', "{1,2;3,4}"]);
    expect(callArguments("=GENAI.TORNADO(A,B)", "GENAI.SIMULATE_ROI")).toBeNull();
    expect(callArguments("=GENAI.SIMULATE_ROI(A,(B)", "GENAI.SIMULATE_ROI")).toBeNull();
  });
});

describe("withLiveSimulations", () => {
  let plans: SheetPlan[];
  let lookup: ValueLookup;

  beforeAll(async () => {
    plans = planCompleteModel(SAMPLE);
    const host = new MemoryHost();
    await host.applyPlans(plans, { dialect: "live" });
    lookup = lookupOf(await readPlanValues(host, plans));
  }, 60_000);

  const stressOf = (all: readonly SheetPlan[]) =>
    all.find((p) => p.template === "stress" && p.sheet === "Stress")!;
  const trialsOf = (all: readonly SheetPlan[]) => all.find((p) => p.sheet === TRIALS_SHEET)!;

  it("stores the engine's uniforms for the spill's seed and at most STORED_TRIALS trials, and says so", () => {
    const live = withLiveSimulations(plans, lookup);
    expect(live.simulations).toHaveLength(1);
    const [simulation] = live.simulations;
    expect(simulation).toMatchObject({ sheet: "Stress", trialsSheet: TRIALS_SHEET, trials: 10_000 });
    expect(simulation.stored).toBe(STORED_TRIALS);
    const trials = trialsOf(live.plans);
    expect(live.plans.map((p) => p.sheet)).toEqual(["Portfolio", "Rollout", "ROI", "Stress", TRIALS_SHEET]);
    expect(planCell(trials, "A3")).toBe(
      "The model asks for 10,000 trials; this copy stores 2,000, so its statistics are the add-in's for 2,000 trials with the same seed.",
    );
    // Eight lines (three benefits, five costs): uniforms in columns K..R from row 16, reordered by
    // the Stress sheet's matrix, which matches the lines (the sample's benefits correlate).
    const uniforms = simulationUniforms(8, {
      trials: STORED_TRIALS,
      seed: 1,
      distribution: "PERT",
      correlation: matrixInUse(plans, lookup),
    });
    for (const t of [0, 1, 999, STORED_TRIALS - 1])
      for (let j = 0; j < 8; j++) expect(planCell(trials, cellAddress(15 + t, 10 + j))).toBe(uniforms[j][t]);
    expect(planCell(trials, cellAddress(15 + STORED_TRIALS, 10))).toBeNull();
  });

  it("caches the engine's statistics for the stored trials in the spill's cells", () => {
    const live = withLiveSimulations(plans, lookup);
    const summary = simulateRoi(
      {
        benefits: threePoints(namedValues(plans, lookup, "BenefitThreePoint")),
        costs: threePoints(namedValues(plans, lookup, "CostThreePoint")),
      },
      {
        trials: STORED_TRIALS,
        seed: 1,
        distribution: "PERT",
        sampling: "LHS",
        correlation: matrixInUse(plans, lookup),
      },
    );
    const stress = stressOf(live.plans);
    const anchor = parseCell(live.simulations[0].anchor);
    SIMULATION_STATISTICS.forEach((statistic, i) => {
      expect(live.lookup("Stress", anchor.row + i, anchor.column + 1)).toBe(statistic.of(summary));
      expect(planCell(stress, cellAddress(anchor.row + i, anchor.column))).toBe(statistic.label);
    });
    expect(formulaOf(stress, cellAddress(anchor.row + 3, anchor.column + 1))).toMatch(
      new RegExp(
        `^=IF\\(AND\\(.*SimTrials.*SimSeed.*SimSampling.*\\),_xlfn\\.PERCENTILE\\.INC\\(${TRIALS_SHEET}!\\$B\\$16:\\$B\\$2015,0\\.5\\),NA\\(\\)\\)$`,
      ),
    );
  });

  it("follows the sheet's rule: a matrix that does not match the lines is not applied, so the uniforms are independent", () => {
    // What the Stress sheet computes when the lines changed after its build: the matrix not
    // applied (0) and the matrix the simulation receives blank.
    const inUse = plans
      .find((p) => p.template === "stress")!
      .names.find((n) => n.name === STRESS_NAMES.correlationInUse)!;
    const r = parseRange(inUse.range);
    const unmatched: ValueLookup = (sheet, row, column) =>
      sheet === "Stress" && row >= r.top && row <= r.bottom && column >= r.left && column <= r.right
        ? ""
        : lookup(sheet, row, column);
    const trials = trialsOf(withLiveSimulations(plans, unmatched).plans);
    const independent = simulationUniforms(8, { trials: STORED_TRIALS, seed: 1, distribution: "PERT" });
    const correlated = simulationUniforms(8, {
      trials: STORED_TRIALS,
      seed: 1,
      distribution: "PERT",
      correlation: matrixInUse(plans, lookup),
    });
    for (const t of [0, 1, 999])
      for (let j = 0; j < 8; j++)
        expect(planCell(trials, cellAddress(15 + t, 10 + j))).toBe(independent[j][t]);
    // The two differ, so the test tells them apart.
    expect(independent.map((u) => u.slice(0, 10))).not.toEqual(correlated.map((u) => u.slice(0, 10)));
  });

  it("heads each line's columns with its label in the model, live, and with its number where the label is blank", () => {
    // The second benefit's label blanked: its columns fall back to "Benefit 2".
    const roi = plans.find((p) => p.names.some((n) => n.name === "RoiBenefitLabels"))!;
    const labels = parseRange(roi.names.find((n) => n.name === "RoiBenefitLabels")!.range);
    // The third label is a logical, which label&"" reads as TRUE.
    const secondBlank: ValueLookup = (sheet, row, column) =>
      sheet === roi.sheet && row === labels.top + 1 && column === labels.left
        ? null
        : sheet === roi.sheet && row === labels.top + 2 && column === labels.left
          ? true
          : lookup(sheet, row, column);
    const live = withLiveSimulations(plans, secondBlank);
    const trials = trialsOf(live.plans);
    const cached = (address: string) => {
      const at = parseCell(address);
      return live.lookup(TRIALS_SHEET, at.row, at.column);
    };
    const first = lookup(roi.sheet, labels.top, labels.left);
    expect(first).toBe("Agent cost saved");
    // Above the parameters (row 5) and the samples (row 15), and the uniforms (columns K..R).
    const heading = planCell(trials, "C5");
    expect(isFormula(heading) && heading.portable).toBe(
      '=IF(INDEX(RoiBenefitLabels,1)="","Benefit 1",INDEX(RoiBenefitLabels,1)&"")',
    );
    expect(planCell(trials, "C15")).toEqual(heading);
    expect([cached("C5"), cached("C15"), cached("K15")]).toEqual([first, first, `Uniform: ${first}`]);
    expect([cached("D5"), cached("D15"), cached("L15")]).toEqual([
      "Benefit 2",
      "Benefit 2",
      "Uniform: Benefit 2",
    ]);
    expect(cached("E5")).toBe("TRUE");
    // The costs read their own table's labels.
    const cost = planCell(trials, "F5");
    expect(isFormula(cost) && cost.portable).toContain("INDEX(RoiCostLabels,1)");
    expect(cached("F5")).toBe("Model API");
  });

  it("heads a Stress sheet's own lines with its one column of labels, costs below the benefits", async () => {
    // The Stress sheet alone keeps its lines (benefits, then costs) and their labels itself.
    const alone = planModel(["stress"], SAMPLE);
    const host = new MemoryHost();
    await host.applyPlans(alone, { dialect: "live" });
    const ownLookup = lookupOf(await readPlanValues(host, alone));
    const live = withLiveSimulations(alone, ownLookup, { storedTrials: 10 });
    const trials = trialsOf(live.plans);
    const stress = alone[0];
    const labels = parseRange(stress.names.find((n) => n.name === STRESS_NAMES.labels)!.range);
    const benefits = parseRange(stress.names.find((n) => n.name === STRESS_NAMES.benefits)!.range);
    const nB = benefits.bottom - benefits.top + 1;
    const labelAt = (i: number) => ownLookup(stress.sheet, labels.top + i, labels.left);
    const heading = (j: number) => {
      const cell = planCell(trials, cellAddress(4, 2 + j));
      return isFormula(cell) ? cell.portable : cell;
    };
    expect(heading(0)).toBe(`=IF(INDEX(StressLabels,1)="","Benefit 1",INDEX(StressLabels,1)&"")`);
    expect(heading(nB)).toBe(
      `=IF(INDEX(StressLabels,${nB + 1})="","Cost 1",INDEX(StressLabels,${nB + 1})&"")`,
    );
    expect(live.lookup(TRIALS_SHEET, 4, 2)).toBe(labelAt(0));
    expect(live.lookup(TRIALS_SHEET, 4, 2 + nB)).toBe(labelAt(nB));
    expect(typeof labelAt(nB)).toBe("string");
  });

  it("stores every trial when the model asks for no more than the limit", () => {
    const live = withLiveSimulations(plans, lookup, { storedTrials: 20_000 });
    expect(live.simulations[0].stored).toBe(10_000);
    expect(planCell(trialsOf(live.plans), "A3")).toBe("10,000 trials stored, as the model asks.");
  });

  it('reads a blank setting as the formula\'s own default (IF(name="",default,name))', () => {
    const trials = parseRange(
      plans.find((p) => p.sheet === "Stress")!.names.find((n) => n.name === "SimTrials")!.range,
    );
    const blankTrials: ValueLookup = (sheet, row, column) =>
      sheet === "Stress" && row === trials.top && column === trials.left ? null : lookup(sheet, row, column);
    const live = withLiveSimulations(plans, blankTrials, { storedTrials: 100 });
    expect(live.simulations[0]).toMatchObject({ trials: 10_000, stored: 100 });
  });

  it("reads the line items through the names the live formula passes, and its sampling and shape", () => {
    // The linked Stress sheet may read the ROI tables' three-point names directly.
    const edited = withFormula(
      plans,
      '=GENAI.SIMULATE_ROI(BenefitThreePoint,CostThreePoint,IF(SimTrials="",10000,SimTrials),7,"Triangular","MC")',
    );
    const live = withLiveSimulations(edited, lookup, { storedTrials: 500 });
    const trials = trialsOf(live.plans);
    expect(formulaOf(trials, "C6")).toBe("=INDEX(BenefitThreePoint,1,1)");
    expect(formulaOf(trials, "E8")).toBe("=INDEX(BenefitThreePoint,3,3)");
    expect(formulaOf(trials, "F7")).toBe("=INDEX(CostThreePoint,1,2)");
    // The ROI tables' names carry each line's Distribution as a fourth column: blank, the formula's.
    expect(formulaOf(trials, "C9")).toBe(
      '=TRIM(IF(INDEX(BenefitThreePoint,1,4)="","Triangular",INDEX(BenefitThreePoint,1,4)))',
    );
    expect(planCell(trials, "A2")).toContain("seed 7, plain Monte Carlo");
    const model = {
      benefits: threePoints(namedValues(edited, lookup, "BenefitThreePoint")),
      costs: threePoints(namedValues(edited, lookup, "CostThreePoint")),
    };
    const options = { trials: 500, seed: 7, distribution: "Triangular", sampling: "MC" } as const;
    const k = model.benefits.length + model.costs.length;
    const uniforms = simulationUniforms(k, options);
    for (let j = 0; j < k; j++) expect(planCell(trials, cellAddress(15, 2 + k + j))).toBe(uniforms[j][0]);
    const summary = simulateRoi(model, options);
    const anchor = parseCell(live.simulations[0].anchor);
    expect(live.lookup("Stress", anchor.row + 3, anchor.column + 1)).toBe(summary.p50);
  });

  it("keeps the default distribution's own expression, so a colleague can switch it", () => {
    const trials = trialsOf(withLiveSimulations(plans, lookup, { storedTrials: 10 }).plans);
    expect(formulaOf(trials, "C9")).toBe(
      '=TRIM(IF(INDEX(BenefitThreePoint,1,4)="",IF(SimDistribution="","PERT",SimDistribution),INDEX(BenefitThreePoint,1,4)))',
    );
  });

  it("reorders the uniforms by the correlation argument, as the engine does", () => {
    // A correlation matrix in cells: the three benefit lines at 0.6 with each other.
    const k = 8;
    const matrix = Array.from({ length: k }, (_, i) =>
      Array.from({ length: k }, (__, j) => (i === j ? 1 : i < 3 && j < 3 ? 0.6 : 0)),
    );
    const corner = { row: 200, column: 0 };
    const name = {
      name: "LineCorrelation",
      range: `${cellAddress(corner.row, corner.column)}:${cellAddress(corner.row + k - 1, corner.column + k - 1)}`,
      comment: "",
    };
    const edited = withFormula(
      plans,
      "=GENAI.SIMULATE_ROI(BenefitThreePoint,CostThreePoint,SimTrials,SimSeed,SimDistribution,,LineCorrelation)",
      [name],
    );
    const withMatrix: ValueLookup = (sheet, row, column) =>
      sheet === "Stress" &&
      row >= corner.row &&
      row < corner.row + k &&
      column >= corner.column &&
      column < corner.column + k
        ? matrix[row - corner.row][column - corner.column]
        : lookup(sheet, row, column);
    const live = withLiveSimulations(edited, withMatrix, { storedTrials: 300 });
    const trials = trialsOf(live.plans);
    const uniforms = simulationUniforms(k, {
      trials: 300,
      seed: 1,
      distribution: "PERT",
      correlation: matrix,
    });
    const independent = simulationUniforms(k, { trials: 300, seed: 1, distribution: "PERT" });
    // The first line keeps its draws in place; the others are paired to the target.
    expect(uniforms[2]).not.toEqual(independent[2]);
    for (const t of [0, 150, 299])
      for (let j = 0; j < k; j++)
        expect(planCell(trials, cellAddress(15 + t, 2 + k + j))).toBe(uniforms[j][t]);
    expect(planCell(trials, "A2")).toContain("Latin Hypercube, rank-correlated");
  });

  it("reads each line's own distribution from a fourth column, blank: the default", () => {
    // Costs as a four-column range: low, base, high and the line's distribution.
    const costs: CellValue[][] = [
      [90, 100, 150, "Uniform"],
      [40, 50, 80, ""],
      [10, 20, 25, "Triangular"],
    ];
    const top = 300;
    const edited = withFormula(
      plans,
      '=GENAI.SIMULATE_ROI(BenefitThreePoint,ShapedCosts,500,3,IF(SimDistribution="","PERT",SimDistribution))',
      [{ name: "ShapedCosts", range: `A${top + 1}:D${top + 3}`, comment: "" }],
    );
    const withCosts: ValueLookup = (sheet, row, column) =>
      sheet === "Stress" && row >= top && row < top + 3 && column < 4
        ? costs[row - top][column]
        : lookup(sheet, row, column);
    const live = withLiveSimulations(edited, withCosts);
    const trials = trialsOf(live.plans);
    // Three benefit lines, then the costs in columns F, G, H.
    expect(formulaOf(trials, "F9")).toBe(
      '=TRIM(IF(INDEX(ShapedCosts,1,4)="",IF(SimDistribution="","PERT",SimDistribution),INDEX(ShapedCosts,1,4)))',
    );
    expect([5, 6, 7].map((column) => live.lookup(TRIALS_SHEET, 8, column))).toEqual([
      "Uniform",
      "PERT",
      "Triangular",
    ]);
    const summary = simulateRoi(
      {
        benefits: threePoints(namedValues(plans, lookup, "BenefitThreePoint")),
        costs: [
          { low: 90, base: 100, high: 150, distribution: "Uniform" },
          { low: 40, base: 50, high: 80 },
          { low: 10, base: 20, high: 25, distribution: "Triangular" },
        ],
      },
      { trials: 500, seed: 3, distribution: "PERT", sampling: "LHS" },
    );
    const anchor = parseCell(live.simulations[0].anchor);
    expect(live.lookup("Stress", anchor.row, anchor.column + 1)).toBe(summary.mean);
  });

  it("leaves the spill as values with a note when an argument cannot be read", () => {
    for (const live of [
      "=GENAI.SIMULATE_ROI(BenefitThreePoint,CostThreePoint,SimTrials*2,SimSeed,SimDistribution)",
      "=GENAI.SIMULATE_ROI(Stress!E12:G14,CostThreePoint,SimTrials,SimSeed,SimDistribution)",
      "=GENAI.SIMULATE_ROI(BenefitThreePoint,CostThreePoint,SimTrials,SimSeed,GENAI.CHOICE(1))",
    ]) {
      const edited = withFormula(plans, live);
      const out = withLiveSimulations(edited, lookup, { storedTrials: 10 });
      expect(out.simulations).toEqual([]);
      expect(out.plans).toEqual(edited);
    }
    // Without computed values (an export that could not compute), nothing is guessed either.
    expect(withLiveSimulations(plans, () => undefined).simulations).toEqual([]);
  });

  it("writes the trials' formulas once per column, as shared formulas, with the _xlfn prefix", async () => {
    const bytes = await writeWorkbook(plans, lookup, { now: NOW, liveSimulation: { storedTrials: 50 } });
    const zip = await JSZip.loadAsync(bytes);
    const workbook = await zip.file("xl/workbook.xml")!.async("string");
    const sheets = [...workbook.matchAll(/<sheet\b[^>]*name="([^"]+)"/g)].map((m) => m[1]);
    const part = await zip
      .file(`xl/worksheets/sheet${sheets.indexOf(TRIALS_SHEET) + 1}.xml`)!
      .async("string");
    const masters = [...part.matchAll(/<f t="shared" ref="([A-Z]+16:[A-Z]+65)" si="\d+">([^<]+)<\/f>/g)];
    expect(masters).toHaveLength(9); // ROI and eight lines
    expect(masters[1][2]).toContain("_xlfn.BETA.INV(MAX(K16,1E-300),C$12,C$13)");
    expect([...part.matchAll(/<f t="shared" si="\d+"\/>/g)]).toHaveLength(9 * 49);
  });
});
