/**
 * What the preview's Save as .xlsx writes computes in another spreadsheet: LibreOffice,
 * recalculating the saved file with every cached result stripped, gives
 * - the Stress sheet's simulation statistics from the file's trials sheet (the simulation is live
 *   in the saved file), equal to the preview's own for the same seed and trials, within the
 *   engine's quantile-table error (docs/excel-parity.md);
 * - a plain sheet's newer functions (BETA.INV, PERCENTILE.INC), which the file must spell with
 *   `_xlfn.`: without the prefix LibreOffice reads them as unknown names (#NAME?).
 *
 * Without LibreOffice the test says so and is skipped; under CI=true it fails instead.
 */
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import ExcelJS from "exceljs";
import { STORED_TRIALS } from "../../src/export/live-simulation";
import { readMarkedTrials } from "../../src/export/model-marker";
import { MemoryHost } from "../../src/host/memory";
import type { CellValue } from "../../src/host/workbook-host";
import { planCompleteModel } from "../../src/templates/index";
import { saveWorkbookFile } from "../../src/preview/workbook-file";
import { cellValueOf, namedCell, NOW, readXlsx, SAMPLE, statisticCells } from "../export/export-support";
import { describeWithLibreOffice, recalculate } from "../export/libreoffice";
import { editedXlsx } from "../export/xlsx-parts";

/**
 * How far a statistic of the file may be from the preview's: the engine reads each inverse
 * distribution from a 4,097-point table while the file calls BETA.INV, which moves a statistic of
 * the seed model by under 1e-3 (found: 4e-7 for a percentile, 6e-5 for the mean); a wrong trial
 * or uniform moves it by the statistic's Monte Carlo error, over 1e-2 at 2,000 trials.
 */
const TOLERANCE = 1e-3;

describeWithLibreOffice(
  "the preview's saved workbook, recalculated by LibreOffice",
  "genai-lo-save-",
  (office) => {
    const plans = planCompleteModel(SAMPLE);
    let preview: CellValue[];
    let recalculated: ExcelJS.Workbook;
    let stripped = 0;

    beforeAll(async () => {
      const host = new MemoryHost();
      await host.applyPlans(plans, { dialect: "live" });
      // The simulation's trials equal the stored trials: the file holds every trial.
      const trials = namedCell(plans, "SimTrials");
      await host.writeCells([{ sheet: trials.sheet, address: trials.address, values: [[STORED_TRIALS]] }]);
      host.addSheet("Mine", [[0.25, "=BETA.INV(A1,2,3)", "=PERCENTILE.INC(A1:B1,0.5)", "=1E+3*A1"]]);
      preview = [];
      for (const c of statisticCells(plans)) preview.push((await host.readRange(c.sheet, c.address))[0][0]);

      const saved = await saveWorkbookFile(host, NOW, ExcelJS);
      expect(readMarkedTrials(await readXlsx(saved))).toEqual(["Trials"]);
      const edited = await editedXlsx(saved, [], { stripResults: true });
      stripped = edited.strippedResults;
      const input = join(office.folder, "saved.xlsx");
      writeFileSync(input, Buffer.from(edited.bytes));
      const output = await recalculate(office.soffice, office.profile, input, join(office.folder, "out"));
      recalculated = await readXlsx(readFileSync(output));
    }, 600_000);

    it("computes the simulation's statistics from the saved trials sheet, as the preview does", () => {
      // The trials alone: ROI and eight lines' samples for each of the stored trials.
      expect(stripped).toBeGreaterThan(STORED_TRIALS * 9);
      const file = statisticCells(plans).map((c) =>
        cellValueOf(recalculated.getWorksheet(c.sheet)!.getCell(c.address)),
      );
      console.log(`Saved workbook's statistics (preview | LibreOffice): ${JSON.stringify([preview, file])}`);
      file.forEach((value, i) => {
        expect(typeof value).toBe("number");
        expect(Math.abs((value as number) - (preview[i] as number))).toBeLessThan(TOLERANCE);
      });
    });

    it("computes a plain sheet's newer functions (saved with their _xlfn. prefix)", () => {
      const mine = recalculated.getWorksheet("Mine")!;
      const [beta, median, thousand] = ["B1", "C1", "D1"].map((a) => cellValueOf(mine.getCell(a)));
      // BETA.INV(0.25, 2, 3): the Beta(2,3) lower quartile.
      expect(beta as number).toBeCloseTo(0.24299, 4);
      expect(median as number).toBeCloseTo((0.25 + (beta as number)) / 2, 9);
      expect(thousand).toBe(250);
    });
  },
);
