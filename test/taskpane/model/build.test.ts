import type { SheetInfo } from "../../../src/host/workbook-host";
import { TEMPLATES } from "../../../src/templates/index";
import { DEFAULT_OPTIONS } from "../../../src/templates/plan";
import { planConflicts } from "../../../src/host/placement";
import { defaultPolicies, plansFor, predictChoices, validRows } from "../../../src/taskpane/model/build";

const sheet = (
  name: string,
  template: SheetInfo["template"] = null,
  drivesModel = template !== null,
): SheetInfo => ({
  name,
  empty: false,
  template,
  templateVersion: template ? TEMPLATES[template](DEFAULT_OPTIONS).version : null,
  drivesModel,
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

  it("by default rebuilds the model's own sheet in place and builds beside a sheet of the user's", () => {
    const sheets = [sheet("ROI", "roi"), sheet("ROI (2)"), sheet("Stress")];
    const plans = plansFor("complete", OPTIONS, sheets);
    const conflicts = planConflicts(plans, sheets);
    const policies = defaultPolicies(conflicts);
    expect(policies).toEqual({ ROI: "replace", Stress: "keepBoth" });
    const predicted = predictChoices(plans, sheets, conflicts, policies);
    expect(predicted.ROI.replace).toEqual({ built: "ROI", copy: null, modelSheet: "ROI", keepsInputs: true });
    expect(predicted.ROI.keepBoth).toEqual({
      built: "ROI",
      copy: "ROI (3)",
      modelSheet: "ROI",
      keepsInputs: true,
    });
    expect(predicted.ROI.cancel).toEqual({ built: null, copy: null, modelSheet: "ROI", keepsInputs: false });
    expect(predicted.Stress.keepBoth).toMatchObject({ built: "Stress (2)", modelSheet: "Stress (2)" });
    expect(predicted.Stress.cancel).toMatchObject({ built: null, modelSheet: null });
  });

  it("predicts the name the hosts give: a user's 'roi' and a plan 'ROI' give 'ROI (2)'", () => {
    const sheets = [sheet("roi")];
    const plans = plansFor("roi", OPTIONS, sheets);
    const conflicts = planConflicts(plans, sheets);
    expect(conflicts.map((c) => c.sheet)).toEqual(["roi"]);
    expect(predictChoices(plans, sheets, conflicts, defaultPolicies(conflicts)).roi.keepBoth.built).toBe(
      "ROI (2)",
    );
  });

  it("lands on the model's sheet whatever the user renamed it to", () => {
    const sheets = [sheet("My ROI", "roi"), sheet("ROI")];
    const plans = plansFor("roi", OPTIONS, sheets);
    expect(planConflicts(plans, sheets).map((c) => [c.sheet, c.keepsInputs])).toEqual([["My ROI", true]]);
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
