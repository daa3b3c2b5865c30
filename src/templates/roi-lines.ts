/**
 * The ROI sheet's line tables as data (docs/line-items.md): the column layout both tables share,
 * the rows a template writes (the seed's sample, one empty row in a blank model, or any rows a
 * caller gives), and the list values of the kind columns.
 */
import { bundleFor } from "../i18n/bundles";
import { orDefault } from "./blank-inputs";
import { SAMPLE_USE_CASES } from "./samples";
import { same } from "./builder";
import type { PlanCell, TemplateOptions } from "./plan";
import type { LineDistribution } from "../engine/distributions";

/** List values the formulas compare against: English in every locale (docs/line-items.md). */
export const TIMINGS = ["Company", "Wave", "Own", "Fixed"] as const;
export const COST_KINDS = ["One-off", "Recurring", "Usage"] as const;
export type Timing = (typeof TIMINGS)[number];
export type CostKindLabel = (typeof COST_KINDS)[number];

/** One row of the Benefits or Costs table. Missing low, high and risk get their default formulas. */
export interface LineRow {
  readonly label: string | null;
  /** Benefits: value dimension; costs: category. */
  readonly group: string | null;
  readonly useCase?: string | null;
  readonly department?: string | null;
  readonly low?: PlanCell;
  /** Benefits: annual value at full adoption; costs: one-off total or amount per year. */
  readonly base: PlanCell;
  readonly high?: PlanCell;
  /** Benefits: a Timing; costs: a cost kind. */
  readonly kind: Timing | CostKindLabel | null;
  readonly start?: number | null;
  /** Benefits: ramp months (Own); costs: spread months (One-off). */
  readonly months?: number | null;
  readonly risk?: PlanCell;
  readonly basis?: string | null;
  /** The line's own shape in the simulation; blank (the default): the Stress sheet's SimDistribution. */
  readonly distribution?: LineDistribution | null;
}

export interface LineRows {
  readonly benefits: readonly LineRow[];
  readonly costs: readonly LineRow[];
}

/** Column offsets inside each table (0 = column A). */
export const COL = {
  label: 0,
  group: 1,
  useCase: 2,
  department: 3,
  low: 4,
  base: 5,
  high: 6,
  kind: 7,
  start: 8,
  months: 9,
  risk: 10,
  basis: 11,
  inUse: 12,
  simLow: 13,
  simBase: 14,
  simHigh: 15,
  /**
   * The line's distribution in the simulation (an input between calculated columns), so the names
   * over Sim low .. Distribution give the simulation functions four columns per line.
   */
  distribution: 16,
  /** M0 .. M36. */
  month0: 17,
} as const;

export const EMPTY_LINE: LineRow = { label: null, group: null, base: null, kind: null };

/** The seed's customer-service case as rows (docs/line-items.md, "Sample rows"). */
export function sampleLines(options: TemplateOptions): LineRows {
  const L = bundleFor(options.locale).roi;
  const basis = bundleFor(options.locale).samples.roiBasis;
  const useCase = sampleUseCase(options);
  const named = (line: LineRow): LineRow => (useCase === null ? line : { ...line, useCase });
  const rows: LineRows = {
    benefits: [
      {
        label: L.agentSavings,
        group: L.efficiency,
        base: same("=(AgentsBefore-AgentsAfter)*AgentMonthlyCost*MonthsPerYear"),
        kind: "Company",
        basis: basis.agentSavings,
      },
      {
        label: L.capacityValue,
        group: L.efficiency,
        base: same("=CapacityAgents*AgentMonthlyCost*MonthsPerYear"),
        kind: "Company",
        basis: basis.capacityValue,
      },
      {
        label: L.retention,
        group: L.revenue,
        base: same("=Customers*ChurnReduction*Arpu"),
        kind: "Company",
        basis: basis.retention,
      },
    ],
    costs: [
      {
        label: L.modelApi,
        group: L.catModelApi,
        base: same("=UsageMonthlyCost*MonthsPerYear"),
        kind: "Usage",
        start: 1,
        basis: basis.modelApi,
      },
      {
        label: L.platform,
        group: L.catPlatform,
        base: same("=PlatformMonthly*MonthsPerYear"),
        kind: "Recurring",
        start: 1,
        basis: basis.platform,
      },
      {
        label: L.peopleCost,
        group: L.catPeople,
        base: same("=PeopleFte*FteMonthlyCost*MonthsPerYear"),
        kind: "Recurring",
        start: 1,
        basis: basis.people,
      },
      {
        label: L.training,
        group: L.catTraining,
        // A blank spread counts the whole cost in one year (docs/blank-inputs.md).
        base: same(`=TrainingOneOff/${orDefault("AmortisationYears")}`),
        kind: "Recurring",
        start: 1,
        basis: basis.training,
      },
      {
        label: L.implementation,
        group: L.catPlatform,
        base: same("=ImplementationCost"),
        kind: "One-off",
        start: 0,
        basis: L.implementationBasis,
      },
    ],
  };
  return { benefits: rows.benefits.map(named), costs: rows.costs.map(named) };
}

/**
 * The Portfolio use case the sample's lines belong to when the Portfolio is in the model: the
 * seed's customer-service assistant, its first sample use case. Its lines then count in the
 * contribution block, and the pane does not add the use case a second time.
 */
export function sampleUseCase(options: TemplateOptions): string | null {
  if (options.data !== "sample" || !options.linkedTo.includes("portfolio")) return null;
  return bundleFor(options.locale).samples.useCases[SAMPLE_USE_CASES[0].id];
}

/**
 * Empty rows a blank model's tables start with: two, so a line can always be added, by the pane
 * or by inserting a row in the preview, inside the ranges over the table (a range over a single
 * row cannot grow by an insertion inside it).
 */
export const BLANK_TABLE_ROWS = 2;

/** The rows a template writes: given ones, the sample, or BLANK_TABLE_ROWS empty rows per table. */
export function roiLines(options: TemplateOptions): LineRows {
  if (options.lines) return options.lines;
  if (options.data === "sample") return sampleLines(options);
  const empty = (): LineRow[] => Array.from({ length: BLANK_TABLE_ROWS }, () => EMPTY_LINE);
  return { benefits: empty(), costs: empty() };
}
