/**
 * The shareable copy's simulation stays live: LibreOffice, recalculating the copy from its stored
 * uniforms, native inverse distributions and native statistics, gives the add-in's own
 * GENAI.SIMULATE_ROI figures for the same seed and trials; and after a line's base and high are
 * typed into the file, the recalculated percentiles move and equal the add-in's simulation of the
 * edited model (same seed, same uniforms). Likewise after a benefit's and a cost's Distribution
 * cells are set to Uniform and Triangular: the copy's trials follow the column, and the
 * recalculated statistics equal the add-in's for those per-line shapes. The Stress sheet's
 * rank-correlation status says what the stored trials were drawn with: after a line is renamed in
 * the file, that the stored correlation follows the lines' positions as exported (the statistics
 * unchanged, still the correlated ones); in a copy made while the matrix did not match, that the
 * trials are independent, even after the file's lines are made to match it again.
 *
 * The add-in's figures are, before the edit, the spill of GENAI.SIMULATE_ROI in a MemoryHost built
 * in the live dialect (the Stress sheet's trials set to the count the copy stores, so the copy
 * holds every trial); after it, the custom function's own code (simulateRoiOf) run on the line
 * items LibreOffice computed for the edited file. Every cached result is stripped from the file
 * first: LibreOffice can only show what it computed. Each sample LibreOffice computed is also
 * checked against BETA.INV as @formulajs/formulajs computes it, at the stored uniform.
 *
 * The engine reads each line's inverse distribution from a 4,097-point table while the copy calls
 * BETA.INV and the closed forms, so the figures agree to about 1e-5 of a line's range, not to the
 * last digit (docs/excel-parity.md); the tolerance below is a hundred times tighter than the
 * statistics' own Monte Carlo error at 2,000 trials, so a wrong uniform, a trial out of order or
 * a wrong inverse would fail it.
 *
 * Without LibreOffice the test says so and is skipped; under CI=true it fails instead.
 */
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import * as formulajs from "@formulajs/formulajs";
import * as ExcelJS from "exceljs";
import { STORED_TRIALS, TRIALS_SHEET } from "../../src/export/live-simulation";
import { simulateRoiOf } from "../../src/functions/risk";
import { bundleFor } from "../../src/i18n/bundles";
import type { LineDistribution, LineItem } from "../../src/engine/distributions";
import { RoiSimulation, simulationUniforms } from "../../src/engine/simulate";
import { makeShareableCopy } from "../../src/export/shareable";
import { MemoryHost } from "../../src/host/memory";
import type { CellValue } from "../../src/host/workbook-host";
import { cellAddress, columnLetters, parseRange } from "../../src/shared/a1";
import { planCompleteModel } from "../../src/templates/index";
import type { SheetPlan } from "../../src/templates/plan";
import { COL } from "../../src/templates/roi-lines";
import { SIMULATION_ROWS, STRESS_NAMES } from "../../src/templates/stress";
import { cellValueOf, namedCell, NOW, readXlsx, SAMPLE, tableCell, statisticCells } from "./export-support";
import { describeWithLibreOffice, recalculate } from "./libreoffice";
import { editedXlsx } from "./xlsx-parts";

/** The first trial's row on the trials sheet. */
const FIRST_TRIAL = 16;
/**
 * The largest difference of one trial's ROI between the copy and the engine. The engine reads
 * each inverse from a table of 4,097 quantiles; in the outermost 1/4096 of probability at each
 * end, where the quantile function is steepest, the straight line between two table points can
 * be off by a few percent of the line's range (docs/excel-parity.md). Found: 0.032 in one trial of the
 * seed model (its other trials within 1e-4), 3.2e-3 on the edited model; the mean moves by the
 * mean difference (6e-5), a percentile by at most the largest (found: 4e-7 on the seed model,
 * 8e-4 on the edited one, where a trial near P95 has a uniform in a table's outermost cell).
 */
const TRIAL_TOLERANCE = 0.05;

describeWithLibreOffice(
  "the shareable copy's simulation, recalculated by LibreOffice",
  "genai-lo-sim-",
  (office) => {
    let plans: SheetPlan[];
    let host: MemoryHost;
    let cells: { sheet: string; address: string }[];
    let stripped = 0;
    let written: ExcelJS.Workbook;
    let before: ExcelJS.Workbook;
    let after: ExcelJS.Workbook;
    let shaped: ExcelJS.Workbook;
    let renamed: ExcelJS.Workbook;
    let independent: ExcelJS.Workbook;
    let refused: ExcelJS.Workbook;
    let zeroLows: ExcelJS.Workbook;
    let resettled: ExcelJS.Workbook;
    let addIn: { before: number[]; after: number[]; shaped: number[] };
    let copy: { before: CellValue[]; after: CellValue[]; shaped: CellValue[] };

    /** The copy of the host's model, edited, stripped of cached results, recalculated. */
    const recalculated = async (
      file: string,
      edits: { sheet: string; address: string; value: CellValue }[],
      from: MemoryHost = host,
    ): Promise<{ workbook: ExcelJS.Workbook; stripped: number }> => {
      const bytes = await makeShareableCopy(from, plans, { now: NOW });
      const edited = await editedXlsx(bytes, edits, { stripResults: true });
      const input = join(office.folder, file);
      writeFileSync(input, Buffer.from(edited.bytes));
      const output = await recalculate(office.soffice, office.profile, input, join(office.folder, "out"));
      return { workbook: await readXlsx(readFileSync(output)), stripped: edited.strippedResults };
    };

    const valueIn = (workbook: ExcelJS.Workbook, sheet: string, address: string): CellValue =>
      cellValueOf(workbook.getWorksheet(sheet)!.getCell(address));
    const statistics = (workbook: ExcelJS.Workbook): CellValue[] =>
      cells.map((c) => valueIn(workbook, c.sheet, c.address));
    /** A named range's values as LibreOffice computed them. */
    const named = (workbook: ExcelJS.Workbook, name: string): CellValue[][] => {
      const plan = plans.find((p) => p.names.some((n) => n.name === name))!;
      const r = parseRange(plan.names.find((n) => n.name === name)!.range);
      return Array.from({ length: r.bottom - r.top + 1 }, (_, i) =>
        Array.from({ length: r.right - r.left + 1 }, (__, j) =>
          valueIn(workbook, plan.sheet, cellAddress(r.top + i, r.left + j)),
        ),
      );
    };
    /**
     * SIMULATE_ROI's value column, as the custom function computes it for these line items and
     * the matrix the Stress sheet passes it (StressCorrelationInUse, as LibreOffice computed it).
     */
    const simulated = (benefits: CellValue[][], costs: CellValue[][], correlation: CellValue[][]): number[] =>
      simulateRoiOf(benefits, costs, STORED_TRIALS, 1, "PERT", "LHS", correlation)
        .slice(0, SIMULATION_ROWS)
        .map((row) => row[1] as number);
    /** The matrix in use, a blank pair 0 and a blank diagonal 1 (as SIMULATE_ROI reads it). */
    const matrixIn = (workbook: ExcelJS.Workbook): number[][] =>
      named(workbook, STRESS_NAMES.correlationInUse).map((row, i) =>
        row.map((v, j) => (v === null || v === "" ? (i === j ? 1 : 0) : Number(v))),
      );

    beforeAll(async () => {
      plans = planCompleteModel(SAMPLE);
      host = new MemoryHost();
      await host.applyPlans(plans, { dialect: "live" });
      cells = statisticCells(plans);
      // The simulation's trials equal the stored trials: the copy holds every trial.
      const trials = namedCell(plans, "SimTrials");
      await host.writeCells([{ sheet: trials.sheet, address: trials.address, values: [[STORED_TRIALS]] }]);

      written = await readXlsx(await makeShareableCopy(host, plans, { now: NOW }));
      const unedited = await recalculated("copy.xlsx", []);
      before = unedited.workbook;
      stripped = unedited.stripped;
      // One cost line's base and high typed over its formulas: costs near the benefits, so some
      // trials lose money.
      after = (
        await recalculated("edited.xlsx", [
          { ...tableCell(plans, "Costs", 1, 5), value: 15_000_000 },
          { ...tableCell(plans, "Costs", 1, 6), value: 30_000_000 },
        ])
      ).workbook;
      // The first benefit (agent savings) as Uniform, the second cost (the platform) as Triangular.
      shaped = (
        await recalculated("shaped.xlsx", [
          { ...tableCell(plans, "Benefits", 0, COL.distribution), value: "Uniform" },
          { ...tableCell(plans, "Costs", 1, COL.distribution), value: "Triangular" },
        ])
      ).workbook;
      // A colleague renames the Model API line in the file: the stored trials stay as drawn.
      const modelApiLabel = tableCell(plans, "Costs", 0, COL.label);
      renamed = (await recalculated("renamed.xlsx", [{ ...modelApiLabel, value: "Model calls" }])).workbook;
      // A copy made while the matrix did not match (the line renamed in the add-in first), whose
      // line the colleague names back in the file so that the labels match the matrix again.
      const unmatched = new MemoryHost();
      await unmatched.applyPlans(plans, { dialect: "live" });
      await unmatched.writeCells([
        { sheet: trials.sheet, address: trials.address, values: [[STORED_TRIALS]] },
        { sheet: modelApiLabel.sheet, address: modelApiLabel.address, values: [["Model calls"]] },
      ]);
      independent = (
        await recalculated("independent.xlsx", [{ ...modelApiLabel, value: "Model API" }], unmatched)
      ).workbook;
      // Lines the add-in refuses: a benefit's low above its base, a negative cost, an unknown shape.
      refused = (
        await recalculated("refused.xlsx", [
          { ...tableCell(plans, "Benefits", 0, COL.low), value: 1e12 },
          { ...tableCell(plans, "Costs", 0, COL.low), value: -100_000 },
          { ...tableCell(plans, "Costs", 2, COL.distribution), value: "Normal" },
        ])
      ).workbook;
      // Every cost line's low at 0 (the ROI sheet's cost low change at −100%): each line is
      // valid, but a trial could draw no cost to divide ROI by.
      const costLowChange = namedCell(plans, "CostLowChange");
      zeroLows = (
        await recalculated("zero-lows.xlsx", [
          { sheet: costLowChange.sheet, address: costLowChange.address, value: -1 },
        ])
      ).workbook;
      // The Stress sheet's trials and sampling changed in the file: the stored trials were drawn
      // with others, and only the add-in can draw them again.
      const samplingCell = namedCell(plans, "SimSampling");
      resettled = (
        await recalculated("resettled.xlsx", [
          { sheet: trials.sheet, address: trials.address, value: 500 },
          { sheet: samplingCell.sheet, address: samplingCell.address, value: "MC" },
        ])
      ).workbook;
      addIn = {
        before: await Promise.all(
          cells.map(async (c) => (await host.readRange(c.sheet, c.address))[0][0] as number),
        ),
        after: simulated(
          named(after, "BenefitThreePoint"),
          named(after, "CostThreePoint"),
          named(after, STRESS_NAMES.correlationInUse),
        ),
        shaped: simulated(
          named(shaped, "BenefitThreePoint"),
          named(shaped, "CostThreePoint"),
          named(shaped, STRESS_NAMES.correlationInUse),
        ),
      };
      copy = { before: statistics(before), after: statistics(after), shaped: statistics(shaped) };
      console.log(
        `Shareable copy, ${STORED_TRIALS} trials (statistic: add-in | LibreOffice):\n` +
          ["Mean", "P5", "P10", "P50", "P90", "P95", "P(ROI<0)"]
            .map(
              (label, i) =>
                `  ${label}: ${addIn.before[i]} | ${String(copy.before[i])}; edited ${addIn.after[i]} | ${String(copy.after[i])}; shaped ${addIn.shaped[i]} | ${String(copy.shaped[i])}`,
            )
            .join("\n"),
      );
    }, 600_000);

    const trialWords = bundleFor("en").notes.trials;
    const sentence = (text: string): string => text.replace("{sheet}", TRIALS_SHEET);

    it("says its trials were drawn with the sample matrix, which matches the lines, and passes it on", () => {
      for (const workbook of [before, after]) {
        expect(named(workbook, STRESS_NAMES.correlationApplied)).toEqual([[1]]);
        expect(named(workbook, STRESS_NAMES.correlationStatus)).toEqual([
          [sentence(trialWords.correlationKept)],
        ]);
        // The sample's benefits correlate at 0.5: the copy's trials are correlated ones.
        expect(matrixIn(workbook)[0][1]).toBe(0.5);
      }
    });

    it("says, after a line is renamed in the file, that the stored correlation follows the positions as exported", () => {
      expect(named(renamed, "RoiCostLabels")[0][0]).toBe("Model calls");
      expect(named(renamed, STRESS_NAMES.correlationStatus)).toEqual([
        [sentence(trialWords.correlationMoved)],
      ]);
      // True: the statistics are the correlated trials', as before the rename (not independent ones).
      expect(named(renamed, STRESS_NAMES.correlationApplied)).toEqual([[1]]);
      expect(matrixIn(renamed)).toEqual(matrixIn(before));
      statistics(renamed).forEach((v, i) => expect(v).toBeCloseTo(copy.before[i] as number, 12));
    });

    it("heads the Trials sheet's columns with the lines' labels, which follow a line renamed in the file", () => {
      const trialsSheet = (workbook: ExcelJS.Workbook) => workbook.getWorksheet("Trials")!;
      const row = (workbook: ExcelJS.Workbook, r: number): CellValue[] =>
        Array.from({ length: 18 }, (_, c) => cellValueOf(trialsSheet(workbook).getCell(r, c + 1)));
      const labels = [...named(before, "RoiBenefitLabels"), ...named(before, "RoiCostLabels")].map(
        (r) => r[0],
      );
      // LibreOffice's headings (every cached result stripped) are the labels, then "Uniform: " and them.
      expect(row(before, 5).slice(2, 10)).toEqual(labels);
      expect(row(before, 15).slice(2)).toEqual([...labels, ...labels.map((l) => `Uniform: ${String(l)}`)]);
      // The copy's own cached headings say the same.
      expect(row(written, 5).slice(2, 10)).toEqual(labels);
      const modelApi = labels.indexOf("Model API");
      expect(modelApi).toBeGreaterThan(2);
      expect(row(renamed, 5)[2 + modelApi]).toBe("Model calls");
      expect(row(renamed, 15)[2 + modelApi]).toBe("Model calls");
      expect(row(renamed, 15)[10 + modelApi]).toBe("Uniform: Model calls");
    });

    it("says its trials are independent when the matrix did not match at the copy, even once the file's lines match it", () => {
      // The file's line has the matrix's label again: the add-in would apply the matrix, the
      // copy's stored trials cannot.
      expect(named(independent, "RoiCostLabels")[0][0]).toBe("Model API");
      expect(named(independent, STRESS_NAMES.correlationStatus)).toEqual([
        [sentence(trialWords.correlationNotDrawn)],
      ]);
      expect(named(independent, STRESS_NAMES.correlationApplied)).toEqual([[0]]);
      expect(
        named(independent, STRESS_NAMES.correlationInUse)
          .flat()
          .every((v) => v === null || v === ""),
      ).toBe(true);
      // And its statistics are the independent simulation's.
      expectAddInFigures(
        independent,
        statistics(independent),
        simulated(named(independent, "BenefitThreePoint"), named(independent, "CostThreePoint"), [[]]),
      );
    });

    it("leaves LibreOffice nothing cached: the trials' formulas lost their values", () => {
      // The trials alone: ROI and eight lines' samples for each of the stored trials.
      expect(stripped).toBeGreaterThan(STORED_TRIALS * 9);
    });

    /** Each trial's ROI in the copy (LibreOffice) and in the engine, for the same line items. */
    const trialRoi = (workbook: ExcelJS.Workbook): { copy: number[]; engine: Float64Array } => {
      const ws = workbook.getWorksheet(TRIALS_SHEET)!;
      // Low, base, high and the line's own shape (blank: the run's PERT), as SIMULATE_ROI reads them.
      const items = (name: string): LineItem[] =>
        named(workbook, name).map(([low, base, high, shape]) => {
          const point = { low, base, high } as LineItem;
          return shape === null || shape === ""
            ? point
            : { ...point, distribution: shape as LineDistribution };
        });
      const simulation = new RoiSimulation(
        { benefits: items("BenefitThreePoint"), costs: items("CostThreePoint") },
        {
          trials: STORED_TRIALS,
          seed: 1,
          distribution: "PERT",
          // An all-blank matrix in use is no correlation, as SIMULATE_ROI reads it.
          correlation: named(workbook, STRESS_NAMES.correlationInUse)
            .flat()
            .every((v) => v === null || v === "")
            ? null
            : matrixIn(workbook),
        },
      );
      simulation.run();
      return {
        copy: Array.from(
          { length: STORED_TRIALS },
          (_, t) => cellValueOf(ws.getCell(`B${FIRST_TRIAL + t}`)) as number,
        ),
        engine: simulation.results(),
      };
    };

    /**
     * The copy's statistics against the add-in's. A percentile moves by at most the largest
     * change of one trial's ROI (order statistics are 1-Lipschitz), the mean by the mean change:
     * those are the bounds, and the trials' changes are the tables' error alone (bounded below).
     */
    const expectAddInFigures = (workbook: ExcelJS.Workbook, ours: CellValue[], theirs: number[]): void => {
      const { copy: roiCopy, engine } = trialRoi(workbook);
      const changes = roiCopy.map((x, t) => Math.abs(x - engine[t]));
      const largest = Math.max(...changes);
      const average = changes.reduce((a, b) => a + b, 0) / changes.length;
      console.log(`Trial ROI, copy against engine: largest difference ${largest}, mean ${average}`);
      expect(largest).toBeLessThan(TRIAL_TOLERANCE);
      ours.forEach((value, i) => {
        expect(typeof value).toBe("number");
        const bound = i === 0 ? average : i === SIMULATION_ROWS - 1 ? 0 : largest;
        if (i === SIMULATION_ROWS - 1) {
          // P(ROI<0): trials whose ROI changed sign are the only ones that can differ.
          const flipped = roiCopy.filter((x, t) => x < 0 !== engine[t] < 0).length;
          expect(Math.abs((value as number) - theirs[i])).toBeLessThanOrEqual(
            flipped / STORED_TRIALS + 1e-12,
          );
        } else expect(Math.abs((value as number) - theirs[i])).toBeLessThanOrEqual(bound + 1e-12);
      });
    };

    it("gives the add-in's mean, percentiles and P(ROI<0) for the same seed and trials", () => {
      expectAddInFigures(before, copy.before, addIn.before);
      // On the seed model the figures agree to a hundred-thousandth of ROI.
      copy.before.forEach((value, i) =>
        expect(Math.abs((value as number) - addIn.before[i])).toBeLessThan(1e-4),
      );
      // The custom function's code on the line items LibreOffice read gives the same figures.
      const again = simulated(
        named(before, "BenefitThreePoint"),
        named(before, "CostThreePoint"),
        named(before, STRESS_NAMES.correlationInUse),
      );
      again.forEach((x, i) => expect(x).toBeCloseTo(addIn.before[i], 12));
    });

    it("recomputes the percentiles after a line's base and high change, as the add-in does", () => {
      // The edit reached the Stress sheet's line items (base 15M, high 30M on the second cost).
      expect(named(after, "CostThreePoint")[1].slice(1, 3)).toEqual([15_000_000, 30_000_000]);
      expectAddInFigures(after, copy.after, addIn.after);
      // The edit moved every statistic far beyond those bounds: the copy computed, not cached.
      for (let i = 0; i < SIMULATION_ROWS; i++)
        expect(Math.abs((copy.after[i] as number) - (copy.before[i] as number))).toBeGreaterThan(0.05);
      // Some trials lose money now.
      expect(copy.after[SIMULATION_ROWS - 1]).toBeGreaterThan(0.05);
    });

    it("follows each line's Distribution column: the statistics are the add-in's for those shapes", () => {
      // The edit reached the line items SIMULATE_ROI reads (their fourth column).
      expect(named(shaped, "BenefitThreePoint").map((r) => r[3] ?? "")).toEqual(["Uniform", "", ""]);
      expect(named(shaped, "CostThreePoint").map((r) => r[3] ?? "")).toEqual(["", "Triangular", "", "", ""]);
      expectAddInFigures(shaped, copy.shaped, addIn.shaped);
      // The shapes moved the statistics well beyond the copy's agreement with the engine (1e-4).
      const moved = copy.shaped.map((v, i) => Math.abs((v as number) - (copy.before[i] as number)));
      expect(Math.max(...moved.slice(0, SIMULATION_ROWS - 1))).toBeGreaterThan(0.01);
      // The first benefit's samples now lie uniformly on its range: L + R·u at the stored uniform.
      const ws = shaped.getWorksheet(TRIALS_SHEET)!;
      const at = (address: string): number => cellValueOf(ws.getCell(address)) as number;
      const uniforms = simulationUniforms(8, { trials: STORED_TRIALS, seed: 1, distribution: "PERT" });
      // Column B is each trial's ROI; the first line's parameters and samples are in column C.
      const [low, high] = [at("C6"), at("C8")];
      expect(at("C9")).toBe("Uniform");
      for (let t = 0; t < 50; t++)
        expect(at(`C${FIRST_TRIAL + t}`)).toBeCloseTo(low + (high - low) * uniforms[0][t], 6);
    });

    it("refuses what the add-in refuses: the Check row says why, and no statistic is a number", () => {
      // SIMULATE_ROI refuses these line items (it names the first problem it meets).
      expect(() =>
        simulateRoiOf(
          named(refused, "BenefitThreePoint"),
          named(refused, "CostThreePoint"),
          STORED_TRIALS,
          1,
          "PERT",
          "LHS",
        ),
      ).toThrow(/must be one of "PERT", "Triangular", "Uniform"; got "Normal"/);
      const ws = refused.getWorksheet(TRIALS_SHEET)!;
      // Row 14: the check of each line (three benefits in C..E, five costs in F..J).
      const checks = ["C", "D", "E", "F", "G", "H", "I", "J"].map(
        (c) => cellValueOf(ws.getCell(`${c}14`)) ?? "",
      );
      expect(checks).toEqual([
        trialWords.checkOrder,
        "",
        "",
        trialWords.checkNegative,
        "",
        trialWords.checkShape,
        "",
        "",
      ]);
      // Every statistic, P(ROI<0) included (a share of the trials left would look like a result).
      expect(statistics(refused)).toEqual(Array.from({ length: SIMULATION_ROWS }, () => "#N/A"));
      // The unedited copy's checks are all blank.
      expect(
        ["C", "D", "E", "F", "G", "H", "I", "J"].map(
          (c) => cellValueOf(before.getWorksheet(TRIALS_SHEET)!.getCell(`${c}14`)) ?? "",
        ),
      ).toEqual(Array.from({ length: 8 }, () => ""));
    });

    it("refuses cost lines whose lows add up to 0, as the add-in does, though each line is valid", () => {
      const costs = named(zeroLows, "CostThreePoint");
      expect(costs.every((row) => row[0] === 0)).toBe(true);
      expect(() =>
        simulateRoiOf(named(zeroLows, "BenefitThreePoint"), costs, STORED_TRIALS, 1, "PERT", "LHS"),
      ).toThrow(/lows must add up to more than 0/);
      const ws = zeroLows.getWorksheet(TRIALS_SHEET)!;
      const checks = ["C", "D", "E", "F", "G", "H", "I", "J"].map(
        (c) => cellValueOf(ws.getCell(`${c}14`)) ?? "",
      );
      expect(checks).toEqual(["", "", "", ...Array.from({ length: 5 }, () => trialWords.checkCostLows)]);
      expect(statistics(zeroLows)).toEqual(Array.from({ length: SIMULATION_ROWS }, () => "#N/A"));
    });

    it("shows #N/A, not the stored trials' figures, while the sheet asks for other trials or sampling", () => {
      const trials = namedCell(plans, "SimTrials");
      expect(valueIn(resettled, trials.sheet, trials.address)).toBe(500);
      expect(statistics(resettled)).toEqual(Array.from({ length: SIMULATION_ROWS }, () => "#N/A"));
      // The same copy unedited gives numbers (the figures of the tests above).
      expect(statistics(before).every((v) => typeof v === "number")).toBe(true);
    });

    it("stores the engine's own uniforms and computes each sample as BETA.INV at them", () => {
      const ws = after.getWorksheet(TRIALS_SHEET)!;
      const at = (address: string): number => cellValueOf(ws.getCell(address)) as number;
      const lines = 8;
      // Reordered by the matrix the Stress sheet passes (the sample's, which matches its lines).
      const uniforms = simulationUniforms(lines, {
        trials: STORED_TRIALS,
        seed: 1,
        distribution: "PERT",
        correlation: matrixIn(after),
      });
      // The file as written holds them to the last bit (LibreOffice saves 15 digits).
      const stored = written.getWorksheet(TRIALS_SHEET)!;
      for (let t = 0; t < STORED_TRIALS; t++)
        for (let j = 0; j < lines; j++)
          if (stored.getCell(`${columnLetters(2 + lines + j)}${FIRST_TRIAL + t}`).value !== uniforms[j][t])
            throw new Error(`trial ${t + 1}, line ${j + 1}: the stored uniform is not the engine's`);
      for (let t = 0; t < 50; t++) {
        const row = FIRST_TRIAL + t;
        let benefits = 0;
        let costs = 0;
        for (let j = 0; j < lines; j++) {
          const p = columnLetters(2 + j);
          const [low, high] = [at(`${p}6`), at(`${p}8`)];
          const exact =
            high > low
              ? (formulajs.BETA.INV(uniforms[j][t], at(`${p}12`), at(`${p}13`), low, high) as number)
              : at(`${p}7`);
          const sample = at(`${p}${row}`);
          expect(Math.abs(sample - exact)).toBeLessThanOrEqual(1e-8 * Math.max(1, high - low));
          if (j < 3) benefits += sample;
          else costs += sample;
        }
        expect(at(`B${row}`)).toBeCloseTo((benefits - costs) / costs, 12);
      }
    });
  },
);
