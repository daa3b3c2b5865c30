/**
 * The complete model after the preview's table row operations (inserts, deletes, an undone
 * delete, typed rows) on every table, exported to .xlsx and recalculated by LibreOffice: every
 * formula cell equals the in-memory workbook's value. What it protects: a row operation that
 * leaves the workbook and the plan the export writes out of step (a range, a name or a calculated
 * column that grew or shrank in one and not the other).
 */
import { MemoryHost } from "../../src/host/memory";
import { planCompleteModel } from "../../src/templates/index";
import { ROI_SHEET, ROI_TABLES } from "../../src/templates/roi";
import { libreOfficeDisagreements } from "./export-support";
import { describeWithLibreOffice } from "./libreoffice";

describeWithLibreOffice(
  "a model after row operations, exported and recalculated by LibreOffice",
  "genai-lo-rowops-",
  (office) => {
    it("gives every formula cell the MemoryHost's value", async () => {
      const host = new MemoryHost();
      await host.applyPlans(planCompleteModel({ data: "sample", currency: "NT$", locale: "en" }), {
        dialect: "portable",
      });
      await host.insertTableRows("Portfolio", "UseCases", 3, 2);
      await host.writeCells([
        { sheet: "Portfolio", address: "A14:H14", values: [["Typed", "IT", 4, 2, 4, 4, 5e6, 2e5]] },
      ]);
      const removed = await host.deleteTableRows("Portfolio", "UseCases", 0, 1);
      await host.deleteTableRows(ROI_SHEET, ROI_TABLES.benefits, 1, 1);
      await host.insertTableRows(ROI_SHEET, ROI_TABLES.costs, 0, 1);
      await host.insertTableRows("Stress", "StressLineItems", 2, 1);
      await host.deleteTableRows("Rollout", "Departments", 0, 1);
      await host.restoreTableRows("Portfolio", "UseCases", 0, removed);

      const { differing } = await libreOfficeDisagreements(host, office, "rowops");
      expect({ count: differing.length, first: differing.slice(0, 8) }).toEqual({ count: 0, first: [] });
    }, 300_000);
  },
);
