/**
 * A business case with lines linked to the Portfolio (the pane's "Add Portfolio use cases"),
 * exported to .xlsx and recalculated by LibreOffice:
 * every formula cell, the linked lines' own formulas and the contribution block included, equals
 * the in-memory workbook's value. What it protects: a link (INDEX/MATCH over the Portfolio's
 * names, the wave start of a department, the contribution block's SUMIFS) that only HyperFormula
 * evaluates, or an export that drops the appended rows.
 */
import { MemoryHost } from "../../src/host/memory";
import { planCompleteModel } from "../../src/templates/index";
import { addUseCaseLines, readPortfolioUseCases } from "../../src/taskpane/model/portfolio-lines";
import { libreOfficeDisagreements } from "./export-support";
import { describeWithLibreOffice } from "./libreoffice";

describeWithLibreOffice(
  "linked lines, exported and recalculated by LibreOffice",
  "genai-lo-links-",
  (office) => {
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
      const { compared: cells, differing } = await libreOfficeDisagreements(host, office, "linked");
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
  },
);
