/**
 * One declaration per input range (src/engine/inputs.ts): the sheets' data validation, the What-if
 * sliders, goal seek's limits and the custom functions' argument checks all take their bounds from
 * it, so an input one of them accepts is accepted by all. Each check compares what a consumer
 * actually uses with the declared range: a bound typed again anywhere and changed fails here.
 */
import { bounds, REALISATION, SEED, SHARE, TRIALS } from "../../src/engine/inputs";
import { parameterOf } from "../../src/functions/catalogue";
import { planCompleteModel } from "../../src/templates";
import type { SheetPlan } from "../../src/templates/plan";
import { ROI_NAMES } from "../../src/templates/roi";
import { ROLLOUT_NAMES } from "../../src/templates/rollout";
import { STRESS_NAMES } from "../../src/templates/stress";
import { DRIVERS } from "../../src/taskpane/model/drivers";
import { LEVER_LIMITS } from "../../src/taskpane/model/goal-seek";

const plans = planCompleteModel({ data: "sample", currency: "NT$", locale: "en" });

/** The validation rule on the cell a name refers to. */
function ruleOn(name: string): { kind: string; min?: number; max?: number } {
  const plan = plans.find((p: SheetPlan) => p.names.some((n) => n.name === name));
  const range = plan?.names.find((n) => n.name === name)?.range.replace(/\$/g, "");
  const validation = plan?.validations.find((v) => v.range === range);
  if (!validation) throw new Error(`No validation on ${name}`);
  return validation.rule;
}

describe("Input ranges declared once", () => {
  it("benefit realisation: the ROI sheet's validation, the slider and goal seek's limit", () => {
    expect(ruleOn(ROI_NAMES.benefitRealisation)).toEqual({ kind: "decimal", ...bounds(REALISATION) });
    expect({ min: DRIVERS.benefitRealisation.min, max: DRIVERS.benefitRealisation.max }).toEqual(
      bounds(REALISATION),
    );
    expect(LEVER_LIMITS.benefits).toBe(REALISATION.max);
  });

  it("adoption target: both sheets' validation, the slider, goal seek's limit and ADOPTION's target", () => {
    expect(ruleOn(ROI_NAMES.adoptionTarget)).toEqual({ kind: "decimal", ...bounds(SHARE) });
    expect(ruleOn(ROLLOUT_NAMES.adoptionTargetAll)).toEqual({ kind: "decimal", ...bounds(SHARE) });
    expect({ min: DRIVERS.adoptionTarget.min, max: DRIVERS.adoptionTarget.max }).toEqual(bounds(SHARE));
    expect(LEVER_LIMITS.adoption).toBe(SHARE.max);
    expect(parameterOf("ADOPTION", "target").range).toBe(SHARE);
  });

  it("simulation trials and seed: the Stress sheet's validation and SIMULATE_ROI's arguments", () => {
    expect(ruleOn(STRESS_NAMES.trials)).toMatchObject(bounds(TRIALS));
    expect(ruleOn(STRESS_NAMES.seed)).toMatchObject(bounds(SEED));
    expect(parameterOf("SIMULATE_ROI", "trials").range).toBe(TRIALS);
    expect(parameterOf("SIMULATE_ROI", "seed").range).toBe(SEED);
  });

  it("a closed range gives its bounds; an open one cannot be a slider's or validation's span", () => {
    expect(bounds(SHARE)).toEqual({ min: 0, max: 1 });
    expect(() => bounds({ greaterThan: 0 })).toThrow();
  });
});
