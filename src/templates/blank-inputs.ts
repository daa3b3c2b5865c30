/**
 * What a blank named input means (docs/blank-inputs.md). Every named input of the templates has
 * one rule, and both formula dialects apply it in the formula itself:
 *
 * - `default`: a blank reads as the stated value. Formulas write `IF(Name="",value,Name)` in
 *   both dialects, so the live dialect never relies on a custom function's own default (Excel
 *   passes an empty cell as null on current builds but as 0 on older desktop builds, and the
 *   portable dialect always reads 0).
 * - `zero`: a blank counts as 0, as Excel's arithmetic reads an empty cell; both dialects agree
 *   without a guard (no custom function receives the cell alone).
 * - `required`: there is no sensible value; the outputs that need the input show the text
 *   "Enter … on Sheet!Cell" instead of a number or an error, in both dialects.
 * - `optional`: a blank switches off the one output that uses it (no budget: no budget status).
 * - `row`: a table column whose blank marks an empty row (the row is left out).
 *
 * Data validation follows the rule: a required input does not ignore blanks, and the message
 * of a defaulted input says what a blank means.
 */
import { DEFAULT_QUADRANT_THRESHOLD } from "../engine/portfolio";
import { DEFAULT_WAVE1_COUNT } from "../engine/rollout";
import { DEFAULT_SIMULATION } from "../engine/simulate";
import { bundleFor } from "../i18n/bundles";
import type { Locale } from "../i18n/locale";

export type BlankRule =
  | { readonly kind: "default"; readonly value: number | string }
  | { readonly kind: "zero" }
  | { readonly kind: "required" }
  | { readonly kind: "optional" }
  | { readonly kind: "row" };

/** Every named input of the complete model and of each sheet built alone. */
export const BLANK_RULES: Readonly<Record<string, BlankRule>> = {
  // Portfolio
  Weights: { kind: "required" },
  GateThresholds: { kind: "required" },
  QuadrantThreshold: { kind: "default", value: DEFAULT_QUADRANT_THRESHOLD },
  QuickWinPicks: { kind: "zero" },
  StrategicBetPicks: { kind: "zero" },
  UseCaseNames: { kind: "row" },
  /** A use case without a department: its linked line follows the company-wide adoption. */
  UseCaseDepartments: { kind: "optional" },
  UseCaseValues: { kind: "zero" },
  UseCaseCosts: { kind: "zero" },
  // Rollout
  WaveStart: { kind: "default", value: 0 },
  WaveRamp: { kind: "default", value: 0 },
  Wave1Count: { kind: "default", value: DEFAULT_WAVE1_COUNT },
  /** Half of the units after wave 1, rounded up (GENAI.WAVE's own default). */
  Wave2Count: { kind: "default", value: "half of the rest" },
  AdoptionTargetAll: { kind: "default", value: 1 },
  ReadinessWeights: { kind: "zero" },
  UserTrainingHours: { kind: "zero" },
  ChampionShare: { kind: "zero" },
  ChampionHours: { kind: "zero" },
  TrainingHourCost: { kind: "zero" },
  DepartmentNames: { kind: "row" },
  // ROI settings
  BenefitRealisation: { kind: "default", value: 1 },
  DiscountRate: { kind: "zero" },
  BenefitRisk: { kind: "zero" },
  CostRisk: { kind: "zero" },
  BenefitLowChange: { kind: "zero" },
  BenefitHighChange: { kind: "zero" },
  CostLowChange: { kind: "zero" },
  CostHighChange: { kind: "zero" },
  RampStartMonth: { kind: "zero" },
  RampMonths: { kind: "zero" },
  AdoptionTarget: { kind: "default", value: 1 },
  LeaderPaybackMonths: { kind: "required" },
  LaggardPaybackMonths: { kind: "required" },
  ApiMonthlyBudget: { kind: "optional" },
  AlertShare: { kind: "zero" },
  // ROI drivers (sample model)
  AgentsBefore: { kind: "zero" },
  AgentsAfter: { kind: "zero" },
  AgentMonthlyCost: { kind: "zero" },
  CapacityAgents: { kind: "zero" },
  Customers: { kind: "zero" },
  ChurnReduction: { kind: "zero" },
  Arpu: { kind: "zero" },
  PlatformMonthly: { kind: "zero" },
  PeopleFte: { kind: "zero" },
  FteMonthlyCost: { kind: "zero" },
  TrainingOneOff: { kind: "zero" },
  AmortisationYears: { kind: "default", value: 1 },
  ImplementationCost: { kind: "zero" },
  // ROI usage block
  ApiCallsPerMonth: { kind: "zero" },
  FxRate: { kind: "default", value: 1 },
  UsagePriceChange: { kind: "zero" },
  CostPerCall: { kind: "zero" },
  ContributionUseCases: { kind: "row" },
  RoiBenefitLabels: { kind: "default", value: "Benefit n" },
  RoiCostLabels: { kind: "default", value: "Cost n" },
  // Stress
  Scenario: { kind: "default", value: "Base" },
  SimTrials: { kind: "default", value: DEFAULT_SIMULATION.trials },
  SimSeed: { kind: "default", value: DEFAULT_SIMULATION.seed },
  SimDistribution: { kind: "default", value: DEFAULT_SIMULATION.distribution },
  SimSampling: { kind: "default", value: DEFAULT_SIMULATION.sampling },
  TargetRoi: { kind: "zero" },
};

/**
 * Inputs whose 0 leaves the model nothing to compute, although their validation allows it: the
 * training cost is divided by the years it is spread over, and the usage cost converts at the
 * exchange rate (GENAI.USAGE_COST refuses a rate of 0). The pane names them when an output is an
 * error; a test sets every named input to 0 in turn, so an input missing here fails it.
 */
export const NONZERO_INPUTS: ReadonlySet<string> = new Set(["AmortisationYears", "FxRate"]);

/** The rule of a named input; a name without one is a fault the tests catch. */
export function blankRule(name: string): BlankRule {
  const rule = BLANK_RULES[name];
  if (!rule) throw new Error(`no blank-input rule for ${name}`);
  return rule;
}

/** `cell`, or the formula text `fallback` when `cell` is blank: the guard both dialects write. */
export function whenBlank(cell: string, fallback: string | number): string {
  return `IF(${cell}="",${fallback},${cell})`;
}

/** A named input with its stated default in place of a blank. */
export function orDefault(name: string): string {
  const rule = blankRule(name);
  if (rule.kind !== "default") throw new Error(`${name} has no default`);
  return whenBlank(name, typeof rule.value === "number" ? rule.value : `"${rule.value}"`);
}

/** The text an output shows while a required input is blank: what to enter, and where. */
export function enterText(locale: Locale, what: string, sheet: string, cell: string): string {
  const at = `${sheet}!${cell.replace(/\$/g, "")}`;
  // Lower-casing the label's first letter reads naturally in English and leaves CJK untouched.
  return bundleFor(locale).validation.enterAt.replace("{at}", at).replace("{what}", lowerFirst(what));
}

function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s[0].toLowerCase() + s.slice(1) : s;
}
