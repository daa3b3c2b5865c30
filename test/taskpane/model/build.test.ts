import type { SheetInfo } from "../../../src/host/workbook-host";
import {
  defaultPolicies,
  keepBothNames,
  keepsInputs,
  plansFor,
  validRows,
} from "../../../src/taskpane/model/build";

const sheet = (name: string, template: SheetInfo["template"] = null): SheetInfo => ({
  name,
  empty: false,
  template,
  templateVersion: template ? 1 : null,
});
const OPTIONS = { data: "sample", currency: "NT$", locale: "en" } as const;

describe("Build model", () => {
  it("links a new sheet to the template sheets already in the workbook", () => {
    const [roi] = plansFor("roi", OPTIONS, [sheet("Rollout", "rollout"), sheet("Notes")]);
    const adoption = roi.blocks
      .flatMap((b) => b.cells.flat())
      .find((c) => JSON.stringify(c).includes("AdoptedShare"));
    expect(adoption).toBeDefined();
    const [alone] = plansFor("roi", OPTIONS, [sheet("Notes")]);
    expect(JSON.stringify(alone.blocks)).not.toContain("AdoptedShare");
  });

  it("plans all four sheets for the complete model", () => {
    expect(plansFor("complete", OPTIONS, []).map((p) => p.sheet)).toEqual([
      "Portfolio",
      "Rollout",
      "ROI",
      "Stress",
    ]);
  });

  it("keeps both by default, and names each copy as the hosts will", () => {
    const conflicts = [
      { sheet: "ROI", existingTemplate: "roi" as const, plannedTemplate: "roi" as const },
      { sheet: "Stress", existingTemplate: null, plannedTemplate: "stress" as const },
    ];
    expect(defaultPolicies(conflicts)).toEqual({ ROI: "keepBoth", Stress: "keepBoth" });
    expect(keepBothNames(conflicts, [sheet("ROI", "roi"), sheet("ROI (2)"), sheet("Stress")])).toEqual({
      ROI: "ROI (3)",
      Stress: "Stress (2)",
    });
    expect(conflicts.map(keepsInputs)).toEqual([true, false]);
  });

  it("accepts 1 to 5,000 portfolio rows, whole numbers only", () => {
    expect([0, 1, 15, 5000, 5001, 2.5, NaN].map(validRows)).toEqual([
      false,
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});
