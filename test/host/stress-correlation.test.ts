/**
 * The Stress sheet's rank-correlation matrix in the in-memory workbook (HyperFormula), live
 * dialect: the sheet's GENAI.SIMULATE_ROI with the sample matrix gives the engine's correlated
 * figures, and a wider P5–P95 than independent lines; a matrix is never applied to lines it was not
 * written for (a benefit line added after the build moves the costs down: the status says the
 * matrix does not match and the simulation runs the lines independently); a rebuild carries the
 * user's pair by label to its lines' new positions, and the simulation uses it again. Labels
 * compare in the carry as in the sheet's check (a case-only rename carries, a trailing space does
 * not); a label two lines share carries no pair; a formula pair comes back only where what it
 * reads stays, never reading another cell, and is reported otherwise. A line with a value and no
 * label is no line the matrix can name: while one is in the model, the matrix is not applied (the
 * sheet says which line to label, the pane agrees), so two unlabelled lines that trade places
 * never take each other's pairs, and a rebuild reports their pairs rather than moving them.
 */
import { type Matrix } from "../../src/engine/correlation";
import { DEFAULT_SIMULATION, simulateRoi, type SimulationSummary } from "../../src/engine/simulate";
import { MemoryHost } from "../../src/host/memory";
import type { CellValue } from "../../src/host/workbook-host";
import { sheetView } from "../../src/preview/sheet-view";
import { cellAddress, parseCell, parseRange } from "../../src/shared/a1";
import { plansFor, readLineCounts } from "../../src/taskpane/model/build";
import { addLine } from "../../src/taskpane/model/line-add";
import { readCaseCorrelation, readCorrelation } from "../../src/taskpane/model/correlation";
import { keptLineRows, LINE_ITEM_NAMES, readLineItems } from "../../src/taskpane/model/simulation";
import { planCompleteModel } from "../../src/templates/index";
import { isFormula } from "../../src/templates/plan";
import { ROI_LINE_NAMES } from "../../src/templates/roi";
import { planModel } from "../../src/templates/index";
import {
  SAMPLE_CORRELATION,
  STRESS_NAMES,
  STRESS_SHEET,
  STRESS_VERSION,
  SIMULATION_ROWS,
} from "../../src/templates/stress";
import STRESS_V4 from "../golden/layouts/stress.v4.json";

const OPTIONS = { data: "sample", currency: "NT$", locale: "en" } as const;

async function value_(host: MemoryHost, name: string): Promise<CellValue> {
  return (await host.readNames([name]))[name]?.[0]?.[0] ?? null;
}

/** A matrix as SIMULATE_ROI reads a range: a blank pair 0, a blank diagonal 1. */
function asMatrix(rows: CellValue[][]): number[][] {
  return rows.map((row, i) => row.map((v, j) => (v === null || v === "" ? (i === j ? 1 : 0) : Number(v))));
}

/** The sheet's spill: the seven statistics' values, in order. */
async function spill(host: MemoryHost): Promise<{ values: number[]; rows: CellValue[][] }> {
  const plan = host.appliedPlans().find((p) => p.template === "stress");
  if (!plan) throw new Error("no Stress sheet");
  for (const block of plan.blocks) {
    const origin = parseRange(block.at);
    for (const [r, line] of block.cells.entries())
      for (const [c, cell] of line.entries())
        if (isFormula(cell) && (cell.live ?? "").startsWith("=GENAI.SIMULATE_ROI")) {
          const at = `${cellAddress(origin.top + r, origin.left + c)}:${cellAddress(origin.top + r + SIMULATION_ROWS, origin.left + c + 1)}`;
          const rows = await host.readRange(plan.sheet, at);
          return { values: rows.slice(0, SIMULATION_ROWS).map((row) => Number(row[1])), rows };
        }
  }
  throw new Error("no SIMULATE_ROI on the Stress sheet");
}

function figures(s: SimulationSummary): number[] {
  return [s.mean, s.p5, s.p10, s.p50, s.p90, s.p95, s.probabilityOfLoss];
}

/** The engine's run on the lines the sheet simulates, with the sheet's settings. */
async function engineRun(host: MemoryHost, correlation: Matrix | null, sampling: "LHS" | "MC" = "LHS") {
  const values = await host.readNames(LINE_ITEM_NAMES);
  const reading = readLineItems(values);
  if (!reading.ok) throw new Error(`the lines cannot be read: ${JSON.stringify(reading)}`);
  // A matrix over every row of the lines, blank ones included, is read over the lines simulated,
  // as SIMULATE_ROI reads it (a blank row's row and column left out).
  const kept = keptLineRows(values).flatMap((keep, i) => (keep ? [i] : []));
  const matrix =
    correlation && correlation.length > kept.length
      ? kept.map((i) => kept.map((j) => correlation[i][j]))
      : correlation;
  return simulateRoi(reading.model, { ...DEFAULT_SIMULATION, sampling, correlation: matrix });
}

/** Where a pair of the matrix is: the cell at row i, column j of StressCorrelation. */
async function pairCell(host: MemoryHost, i: number, j: number): Promise<string> {
  const at = (await host.locateNames([STRESS_NAMES.correlation]))[STRESS_NAMES.correlation];
  if (!at) throw new Error("no matrix");
  const r = parseRange(at.address);
  return cellAddress(r.top + i, r.left + j);
}

/** The pane's "rebuild, keep inputs" of the Stress sheet; what it could not carry. */
async function rebuild(host: MemoryHost): Promise<{ notCarried: readonly string[] }> {
  const plans = plansFor("stress", OPTIONS, await host.listSheets(), await readLineCounts(host));
  const result = await host.applyPlans(plans, { dialect: "live", policies: { [STRESS_SHEET]: "replace" } });
  return { notCarried: result.sheets[0].kept?.notCarried ?? [] };
}

/** The k-th cost line (0 = the first) renamed on the ROI sheet, as typed in Excel. */
async function renameCost(host: MemoryHost, k: number, label: string): Promise<void> {
  const labels = (await host.locateNames([ROI_LINE_NAMES.costs.labels]))[ROI_LINE_NAMES.costs.labels];
  if (!labels) throw new Error("no cost labels");
  const r = parseRange(labels.address);
  host.typeAsUser(labels.sheet, cellAddress(r.top + k, r.left), label);
}

/**
 * A line typed into the k-th row (0 = the first) of an ROI table: its label (null: none), its
 * value, and a low and high 20% either side (a blank model has no default changes).
 */
async function typeLine(
  host: MemoryHost,
  table: "benefits" | "costs",
  k: number,
  label: string | null,
  base: number,
): Promise<void> {
  const names = ROI_LINE_NAMES[table];
  const typed: [string, CellValue][] = [
    [names.labels, label],
    [names.low, base * 0.8],
    [names.base, base],
    [names.high, base * 1.2],
  ];
  const at = await host.locateNames(typed.map(([name]) => name));
  for (const [name, value] of typed) {
    const where = at[name];
    if (!where) throw new Error(`no ${name}`);
    const r = parseRange(where.address);
    host.typeAsUser(where.sheet, cellAddress(r.top + k, r.left), value);
  }
}

/** The formula a Stress cell holds, or null. */
function formulaAt(host: MemoryHost, address: string): string | null {
  const { row, column } = parseCell(address);
  return sheetView(host, STRESS_SHEET).cells[row]?.[column]?.formula ?? null;
}

function expectFigures(actual: number[], expected: number[]): void {
  actual.forEach((x, k) => expect(x).toBeCloseTo(expected[k], 9));
}

describe("the Stress sheet's rank-correlation matrix (memory host, live dialect)", () => {
  it("gives the engine's correlated figures with the sample matrix, wider than independent lines", async () => {
    const host = new MemoryHost();
    await host.applyPlans(planCompleteModel(OPTIONS), { dialect: "live" });
    expect(await value_(host, STRESS_NAMES.correlationApplied)).toBe(1);
    expect(await value_(host, STRESS_NAMES.correlationStatus)).toMatch(/^Matches the lines/);
    const matrix = asMatrix(
      (await host.readNames([STRESS_NAMES.correlation]))[STRESS_NAMES.correlation] ?? [],
    );
    // The seed's three benefits, then the Model API line (usage-priced), then the other costs.
    expect(matrix[0][1]).toBe(SAMPLE_CORRELATION.benefitPairs);
    expect(matrix[2][3]).toBe(SAMPLE_CORRELATION.usageWithBenefit);
    expect(matrix[3][4]).toBe(0);

    const sheet = await spill(host);
    const correlated = await engineRun(host, matrix);
    const independent = await engineRun(host, null);
    expectFigures(sheet.values, figures(correlated));
    // The spill says the matrix was used as given (it is consistent).
    expect(sheet.rows[SIMULATION_ROWS][0]).toBe("Correlation as given");
    const width = (s: SimulationSummary): number => s.p95 - s.p5;
    // Seed model, 10,000 LHS trials: P5–P95 about 1.92 with the sample matrix, 1.62 independent.
    expect(width(correlated)).toBeGreaterThan(width(independent) * 1.1);
    expect(sheet.values[5] - sheet.values[1]).toBeCloseTo(width(correlated), 9);

    // The sampling setting reaches the function: plain Monte Carlo gives the engine's MC figures.
    await host.writeCells([
      {
        sheet: STRESS_SHEET,
        address: (await host.locateNames([STRESS_NAMES.sampling]))[STRESS_NAMES.sampling]!.address,
        values: [["MC"]],
      },
    ]);
    expectFigures((await spill(host)).values, figures(await engineRun(host, matrix, "MC")));
  });

  it("is not applied to lines it was not written for, and a rebuild carries a pair by label", async () => {
    const host = new MemoryHost();
    await host.applyPlans(planCompleteModel(OPTIONS), { dialect: "live" });
    // The user's pair: Retention (benefit 3) with Model API (cost 1, line 4) at 0.6.
    const [retention, modelApi] = [2, 3];
    host.typeAsUser(STRESS_SHEET, await pairCell(host, retention, modelApi), 0.6);
    host.typeAsUser(STRESS_SHEET, await pairCell(host, modelApi, retention), 0.6);
    const edited = asMatrix(
      (await host.readNames([STRESS_NAMES.correlation]))[STRESS_NAMES.correlation] ?? [],
    );
    expectFigures((await spill(host)).values, figures(await engineRun(host, edited)));

    // A benefit line added: the costs move down one position, the matrix no longer fits.
    await addLine(host, { kind: "benefit", label: "Faster onboarding", amount: 3_000_000 }, "en");
    expect(await value_(host, STRESS_NAMES.correlationApplied)).toBe(0);
    expect(await value_(host, STRESS_NAMES.correlationStatus)).toMatch(
      /^Does not match: the model has 9 lines, the matrix 8/,
    );
    const unmatched = await spill(host);
    expectFigures(unmatched.values, figures(await engineRun(host, null)));
    // Independent, and the spill says nothing of a correlation.
    expect([null, ""]).toContain(unmatched.rows[SIMULATION_ROWS][0]);

    // The pane's rebuild of the Stress sheet, keeping the inputs.
    const plans = plansFor("stress", OPTIONS, await host.listSheets(), await readLineCounts(host));
    const result = await host.applyPlans(plans, { dialect: "live", policies: { [STRESS_SHEET]: "replace" } });
    expect(result.sheets[0].kept?.notCarried).toEqual([]);
    expect(await value_(host, STRESS_NAMES.correlationApplied)).toBe(1);
    const labels = (
      (await host.readNames([STRESS_NAMES.correlationLabels]))[STRESS_NAMES.correlationLabels] ?? []
    ).map((r) => r[0]);
    expect(labels.slice(0, 5)).toEqual([
      "Agent cost saved",
      "Capacity from shorter handling",
      "Retention",
      "Faster onboarding",
      "Model API",
    ]);
    const rebuilt = asMatrix(
      (await host.readNames([STRESS_NAMES.correlation]))[STRESS_NAMES.correlation] ?? [],
    );
    // The pair follows its lines: Model API is now line 5.
    expect(rebuilt[retention][4]).toBe(0.6);
    expect(rebuilt[4][retention]).toBe(0.6);
    expect(rebuilt[0][1]).toBe(SAMPLE_CORRELATION.benefitPairs);
    // The new line: a blank row and column (independent), its diagonal 1.
    const raw = (await host.readNames([STRESS_NAMES.correlation]))[STRESS_NAMES.correlation] ?? [];
    expect(raw[3].filter((_, j) => j !== 3).every((v) => v === null || v === "")).toBe(true);
    expect(raw[3][3]).toBe(1);
    expectFigures((await spill(host)).values, figures(await engineRun(host, rebuilt)));
  });

  it("reports a pair whose line is gone as not carried", async () => {
    const host = new MemoryHost();
    await host.applyPlans(planCompleteModel(OPTIONS), { dialect: "live" });
    host.typeAsUser(STRESS_SHEET, await pairCell(host, 0, 6), 0.25);
    // The Training line renamed on the ROI sheet: its old label has no line any more.
    const labels = (await host.locateNames(["RoiCostLabels"])).RoiCostLabels;
    if (!labels) throw new Error("no cost labels");
    const r = parseRange(labels.address);
    host.typeAsUser(labels.sheet, cellAddress(r.top + 3, r.left), "Enablement");
    expect(await value_(host, STRESS_NAMES.correlationStatus)).toBe(
      "Does not match: row 7 was written for “Training and change”, the line there is now “Enablement”. The lines are simulated independently; rebuild the Stress sheet to carry the matrix over by label.",
    );
    const plans = plansFor("stress", OPTIONS, await host.listSheets(), await readLineCounts(host));
    const result = await host.applyPlans(plans, { dialect: "live", policies: { [STRESS_SHEET]: "replace" } });
    expect(result.sheets[0].kept?.notCarried).toEqual([
      "StressCorrelation: 0.25 between “Agent cost saved” and “Training and change” (a line no longer in the model)",
    ]);
    expect(await value_(host, STRESS_NAMES.correlationApplied)).toBe(1);
  });

  it("carries a line renamed in case only, as the sheet's check matches it, and not one the check does not match", async () => {
    const host = new MemoryHost();
    await host.applyPlans(planCompleteModel(OPTIONS), { dialect: "live" });
    const [retention, modelApi] = [2, 3];
    host.typeAsUser(STRESS_SHEET, await pairCell(host, retention, modelApi), 0.6);
    host.typeAsUser(STRESS_SHEET, await pairCell(host, modelApi, retention), 0.6);
    // The Model API line renamed on the ROI sheet in capitals: the sheet's = ignores case.
    await renameCost(host, 0, "MODEL API");
    expect(await value_(host, STRESS_NAMES.correlationStatus)).toMatch(/^Matches the lines/);
    expect((await rebuild(host)).notCarried).toEqual([]);
    expect(await value_(host, STRESS_NAMES.correlationApplied)).toBe(1);
    // A benefit added, rebuilt: the pairs follow "MODEL API" to line 5.
    await addLine(host, { kind: "benefit", label: "Faster onboarding", amount: 3_000_000 }, "en");
    expect((await rebuild(host)).notCarried).toEqual([]);
    const matrix = asMatrix(
      (await host.readNames([STRESS_NAMES.correlation]))[STRESS_NAMES.correlation] ?? [],
    );
    expect([matrix[retention][4], matrix[4][retention], matrix[0][4]]).toEqual([
      0.6,
      0.6,
      SAMPLE_CORRELATION.usageWithBenefit,
    ]);
    expectFigures((await spill(host)).values, figures(await engineRun(host, matrix)));
    // A trailing space makes another label for the sheet's =: no match, and the rebuild says so.
    await renameCost(host, 0, "MODEL API ");
    expect(await value_(host, STRESS_NAMES.correlationStatus)).toMatch(/^Does not match: row 5/);
    expect((await rebuild(host)).notCarried).toContain(
      "StressCorrelation: 0.6 between “Retention” and “MODEL API” (a line no longer in the model)",
    );
  });

  it("reports the pairs of a label two lines share instead of giving them to one", async () => {
    const host = new MemoryHost();
    await host.applyPlans(planCompleteModel(OPTIONS), { dialect: "live" });
    // The platform line renamed "Model API": two lines now carry that label.
    await renameCost(host, 1, "Model API");
    const { notCarried } = await rebuild(host);
    const why = "more than one line is labelled “Model API”, so which one it was written for is not known";
    expect(notCarried).toEqual(
      ["Agent cost saved", "Capacity from shorter handling", "Retention"].map(
        (benefit) =>
          `StressCorrelation: ${SAMPLE_CORRELATION.usageWithBenefit} between “${benefit}” and “Model API” (${why})`,
      ),
    );
    const raw = (await host.readNames([STRESS_NAMES.correlation]))[STRESS_NAMES.correlation] ?? [];
    for (const line of [3, 4]) {
      expect(raw[line].filter((_, j) => j !== line).every((v) => v === null || v === "")).toBe(true);
      expect(raw.filter((_, i) => i !== line).every((row) => row[line] === null || row[line] === "")).toBe(
        true,
      );
    }
    expect(raw[0][1]).toBe(SAMPLE_CORRELATION.benefitPairs);
    expect(await value_(host, STRESS_NAMES.correlationApplied)).toBe(1);
  });

  it("never lets a formula pair mean something else: kept only where what it reads stays, reported otherwise", async () => {
    const host = new MemoryHost();
    await host.applyPlans(planCompleteModel(OPTIONS), { dialect: "live" });
    const [retention, modelApi] = [2, 3];
    const upper = await pairCell(host, retention, modelApi);
    expect(upper).toBe("E15");
    host.typeAsUser(STRESS_SHEET, upper, 0.6);
    // The mirror reads the pair; another pair reads a cell the rebuild does not keep.
    host.typeAsUser(STRESS_SHEET, await pairCell(host, modelApi, retention), `=${upper}`);
    host.typeAsUser(STRESS_SHEET, await pairCell(host, 0, 5), "=$Z$1");
    host.typeAsUser(STRESS_SHEET, "Z1", 0.2);

    // Rebuilt with the same lines: the mirror stays as typed, =$Z$1 would read a blank.
    expect((await rebuild(host)).notCarried).toEqual([
      "StressCorrelation: =$Z$1 between “Agent cost saved” and “People (build and run)” (a formula reading cells the rebuild rewrites: type it again)",
    ]);
    expect(formulaAt(host, await pairCell(host, modelApi, retention))).toBe(`=${upper}`);
    expect(formulaAt(host, await pairCell(host, 0, 5))).toBeNull();

    // A benefit added: the lines move, the mirror would read another pair. Reported, left blank:
    // the simulation mirrors the upper triangle, so the matrix stays symmetric and applied.
    await addLine(host, { kind: "benefit", label: "Faster onboarding", amount: 3_000_000 }, "en");
    expect((await rebuild(host)).notCarried).toEqual([
      `StressCorrelation: =${upper} between “Model API” and “Retention” (a formula whose pair moves in the rebuilt matrix, where it would read other cells: type it again)`,
    ]);
    const raw = (await host.readNames([STRESS_NAMES.correlation]))[STRESS_NAMES.correlation] ?? [];
    expect([raw[retention][4], raw[4][retention]]).toEqual([0.6, null]);
    expect(formulaAt(host, await pairCell(host, 4, retention))).toBeNull();
    expect(await value_(host, STRESS_NAMES.correlationApplied)).toBe(1);
    const sheet = await spill(host);
    expect(sheet.rows[SIMULATION_ROWS][0]).toBe("Correlation as given");
    const mirrored = asMatrix(raw).map((row, i) =>
      row.map((v, j) => (raw[i][j] === null ? asMatrix(raw)[j][i] : v)),
    );
    expectFigures(sheet.values, figures(await engineRun(host, mirrored)));
  });

  it("never applies a pair to an unlabelled line: the status asks for its label, the pane agrees, a sort moves nothing", async () => {
    const BLANK = { ...OPTIONS, data: "blank" } as const;
    const host = new MemoryHost();
    await host.applyPlans(planCompleteModel(BLANK), { dialect: "live" });
    // Two benefits with a value and no label, one labelled cost; the Stress sheet rebuilt for them.
    await typeLine(host, "benefits", 0, null, 1_000_000);
    await typeLine(host, "benefits", 1, null, 5_000_000);
    await typeLine(host, "costs", 0, "Platform", 600_000);
    const plans = plansFor("stress", BLANK, await host.listSheets(), await readLineCounts(host));
    await host.applyPlans(plans, { dialect: "live", policies: { [STRESS_SHEET]: "replace" } });
    // Their rows are blank, not "Benefit 1" and "Benefit 2": a position names no line.
    const labels = (await host.readNames([STRESS_NAMES.correlationLabels]))[STRESS_NAMES.correlationLabels];
    expect(labels?.map((r) => r[0] ?? "")).toEqual(["", "", "Platform", ""]);
    // The user's pair: the first benefit (1,000,000 now) with Platform.
    host.typeAsUser(STRESS_SHEET, await pairCell(host, 0, 2), 0.8);
    host.typeAsUser(STRESS_SHEET, await pairCell(host, 2, 0), 0.8);

    const unlabelled =
      "Does not match: label the line in row 1 of the Benefits table on the ROI sheet to correlate it. A line with a value and no label cannot be told from another line, so the matrix is not applied and the lines are simulated independently.";
    const independent = async (): Promise<void> => {
      expect(await value_(host, STRESS_NAMES.correlationApplied)).toBe(0);
      expect(await value_(host, STRESS_NAMES.correlationStatus)).toBe(unlabelled);
      const sheet = await spill(host);
      expectFigures(sheet.values, figures(await engineRun(host, null)));
      expect([null, ""]).toContain(sheet.rows[SIMULATION_ROWS][0]);
      // The pane's readers follow the sheet: independent lines, with the sheet's words.
      expect(await readCaseCorrelation(host)).toEqual({ kind: "unmatched", status: unlabelled });
      const items = await host.readNames([...LINE_ITEM_NAMES, ...Object.values(STRESS_NAMES)]);
      expect(readCorrelation(items, keptLineRows(items))).toEqual({ kind: "unmatched", status: unlabelled });
    };
    await independent();
    // A sort of the Benefits table trades the two lines' places: still nothing applied.
    await typeLine(host, "benefits", 0, null, 5_000_000);
    await typeLine(host, "benefits", 1, null, 1_000_000);
    await independent();

    // Labelled, the lines are the matrix's no more (its rows were blank): the rebuild says the
    // pair had no line to go to, and the matrix applies to the labelled lines without it.
    await typeLine(host, "benefits", 0, "Retention", 5_000_000);
    await typeLine(host, "benefits", 1, "Onboarding", 1_000_000);
    expect(await value_(host, STRESS_NAMES.correlationStatus)).toMatch(
      /^Does not match: row 1 was written for “”/,
    );
    expect((await rebuild(host)).notCarried).toEqual([
      "StressCorrelation: 0.8 between “(blank)” and “Platform” (a row without a label, so which line it was written for is not known: label the line and type the pair again)",
    ]);
    expect(await value_(host, STRESS_NAMES.correlationApplied)).toBe(1);
    const raw = (await host.readNames([STRESS_NAMES.correlation]))[STRESS_NAMES.correlation] ?? [];
    expect([raw[0][2], raw[2][0], raw[1][2]]).toEqual([null, null, null]);
    expectFigures((await spill(host)).values, figures(await engineRun(host, asMatrix(raw))));
  });

  it("upgrades a Stress sheet of layout 4: every setting kept by name, the matrix and Sampling added", async () => {
    const host = new MemoryHost();
    await host.applyPlans(planModel(["roi"], OPTIONS), { dialect: "live" });
    // A layout-4 Stress sheet as the user left it: its named settings at layout 4's cells.
    const v4 = STRESS_V4.variants["sample, linked"].names as Record<string, string>;
    const typed: Record<string, CellValue> = {
      Scenario: "Worst",
      SimTrials: 5000,
      SimSeed: 42,
      SimDistribution: "Triangular",
      TargetRoi: 0.5,
    };
    host.addSheet(STRESS_SHEET);
    for (const [name, value] of Object.entries(typed)) host.typeAsUser(STRESS_SHEET, v4[name], value);
    const hf = (host as unknown as { hf: { addNamedExpression: (n: string, e: string) => void } }).hf;
    hf.addNamedExpression("GenAI_Template_stress", `=${STRESS_SHEET}!$A$1`);
    hf.addNamedExpression("GenAI_Template_stress_version", "=4");
    for (const name of Object.keys(typed)) {
      const { top, left } = parseRange(v4[name]);
      hf.addNamedExpression(name, `=${STRESS_SHEET}!$${String.fromCharCode(65 + left)}$${top + 1}`);
    }
    expect((await host.listSheets()).find((x) => x.name === STRESS_SHEET)?.templateVersion).toBe(4);

    const result = await host.applyPlans(planModel(["stress"], OPTIONS, ["roi"]), {
      dialect: "live",
      policies: { [STRESS_SHEET]: "replace" },
    });
    expect(result.sheets[0]).toMatchObject({ outcome: "replaced" });
    expect(result.sheets[0].kept?.notCarried).toEqual([]);
    for (const [name, value] of Object.entries(typed)) expect(await value_(host, name)).toBe(value);
    expect(await value_(host, STRESS_NAMES.sampling)).toBe("LHS");
    expect(await value_(host, STRESS_NAMES.correlationApplied)).toBe(1);
    expect((await host.listSheets()).find((x) => x.name === STRESS_SHEET)?.templateVersion).toBe(
      STRESS_VERSION,
    );
  });
});
