/**
 * A business case with lines linked to the Portfolio (the pane's "Add Portfolio use cases"),
 * exported to .xlsx and recalculated by LibreOffice:
 * every formula cell, the linked lines' own formulas and the contribution block included, equals
 * the in-memory workbook's value. What it protects: a link (INDEX/MATCH over the Portfolio's
 * names, the wave start of a department, the contribution block's SUMIFS) that only HyperFormula
 * evaluates, or an export that drops the appended rows.
 */
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { MemoryHost } from "../../src/host/memory";
import { planCompleteModel } from "../../src/templates/index";
import { addUseCaseLines, readPortfolioUseCases } from "../../src/taskpane/model/portfolio-lines";
import { libreOfficeDisagreements } from "./export-support";
import { findSoffice, makeRecalculatingProfile } from "./libreoffice";

const soffice = findSoffice();

if (!soffice) {
  if (process.env.CI === "true")
    it("finds LibreOffice (soffice) on CI", () => {
      throw new Error("soffice is not installed: .ci/run installs libreoffice-calc-nogui.");
    });
  else it.skip("recalculates linked lines in LibreOffice (soffice not installed)", () => undefined);
} else {
  describe("linked lines, exported and recalculated by LibreOffice", () => {
    let folder = "";
    let profile = "";
    beforeAll(() => {
      folder = mkdtempSync(join(tmpdir(), "genai-lo-links-"));
      profile = makeRecalculatingProfile();
    });
    afterAll(() => {
      for (const path of [folder, profile]) if (path) rmSync(path, { recursive: true, force: true });
    });

    it("gives every formula cell the MemoryHost's value", async () => {
      const host = new MemoryHost();
      await host.applyPlans(planCompleteModel({ data: "sample", currency: "NT$", locale: "en" }), {
        dialect: "portable",
      });
      const picks = ((await readPortfolioUseCases(host)) ?? [])
        .filter((u) => u.recommended)
        .map((u) => u.name);
      const added = await addUseCaseLines(host, [...picks, "Contract review"], "en");
      expect(added.added.length).toBeGreaterThanOrEqual(2);
      const { compared: cells, differing } = await libreOfficeDisagreements(
        host,
        soffice,
        profile,
        folder,
        "linked",
      );
      // The linked lines' formulas are among the cells compared.
      expect(
        cells.some(
          (c) => c.formula.portable?.includes("MATCH($C") && c.formula.portable.includes("UseCaseValues"),
        ),
      ).toBe(true);
      console.log(
        `LibreOffice verified ${cells.length - differing.length} of ${cells.length} formula cells (linked lines).`,
      );
      expect(differing).toEqual([]);
    }, 300_000);
  });
}
