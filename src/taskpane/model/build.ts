/**
 * What a build asks of the workbook, as plain data: the plans for a selection linked to the
 * template sheets already present, the default decision per conflicting sheet, and what each
 * choice would do (the names it gives, the sheet the model then uses), predicted by the same
 * function the hosts apply.
 */
import { decidePlacements, defaultPolicy } from "../../host/placement";
import type {
  ApplyOptions,
  ApplyResult,
  BuildRequest,
  CellValue,
  Conflict,
  ExistingSheetPolicy,
  KeepReport,
  LineCounts,
  NameConflict,
  PlanOutline,
  SheetInfo,
  WorkbookHost,
} from "../../host/workbook-host";
import { ROI_LINE_NAMES } from "../../templates/roi";
import { EMPTY_LINE } from "../../templates/roi-lines";
import { planModel, type ModelOptions } from "../../templates/index";
import { type SheetPlan, TEMPLATE_IDS, type TemplateId } from "../../templates/plan";

export type { BuildRequest, LineCounts } from "../../host/workbook-host";

/** "complete" builds all four sheets; otherwise one template. */
export type BuildTarget = TemplateId | "complete";

export const CURRENCIES = ["NT$", "US$", "€", "£", "¥"] as const;
export const MAX_PORTFOLIO_ROWS = 5_000;

export function selectionOf(target: BuildTarget): TemplateId[] {
  return target === "complete" ? [...TEMPLATE_IDS] : [target];
}

/** Templates whose sheets are in the workbook: new sheets link to them through their names. */
export function presentTemplates(sheets: readonly SheetInfo[]): TemplateId[] {
  return TEMPLATE_IDS.filter((id) => sheets.some((s) => s.template === id));
}

/** The line tables' current row counts, or null when the workbook has no ROI sheet. */
export async function readLineCounts(host: WorkbookHost): Promise<LineCounts | null> {
  const { benefits, costs } = ROI_LINE_NAMES;
  const v = await host.readNames([benefits.labels, costs.labels]);
  const b = v[benefits.labels];
  const c = v[costs.labels];
  if (!b || !c) return null;
  const named = (labels: CellValue[][]): string[] =>
    labels.map(([label]) => (label === null || label === undefined ? "" : String(label)));
  return { benefits: b.length, costs: c.length, labels: { benefits: named(b), costs: named(c) } };
}

/**
 * The plans of a build. With the ROI tables' current row counts, the Stress sheet is planned with
 * one row per current line (its rows mirror the tables by position), so a rebuild covers the
 * lines added in Excel or by the pane since it was built. The ROI plan needs no counts: a rebuild
 * keeps its tables' current rows.
 */
export function plansFor(
  target: BuildTarget,
  options: ModelOptions,
  sheets: readonly SheetInfo[],
  lineCounts: LineCounts | null = null,
): SheetPlan[] {
  const present = presentTemplates(sheets);
  const plans = planModel(selectionOf(target), options, present);
  const linked = [...selectionOf(target), ...present].includes("roi");
  if (!lineCounts || !linked) return plans;
  // Linked to the ROI sheet, the Stress sheet reads only how many lines each table has.
  const empty = (n: number, labels: readonly string[] | undefined) =>
    Array.from({ length: n }, (_, i) => ({ ...EMPTY_LINE, label: labels?.[i] || null }));
  const lines = {
    benefits: empty(lineCounts.benefits, lineCounts.labels?.benefits),
    costs: empty(lineCounts.costs, lineCounts.labels?.costs),
  };
  return plans.map((plan) =>
    plan.template === "stress"
      ? planModel(["stress"], { ...options, lines }, [...selectionOf(target), ...present])[0]
      : plan,
  );
}

/** A build's plans and what they would run into, read from the workbook the plans are for. */
export interface PlannedBuild {
  readonly plans: SheetPlan[];
  readonly sheets: SheetInfo[];
  readonly lineCounts: LineCounts | null;
  readonly conflicts: Conflict[];
  readonly nameConflicts: NameConflict[];
  readonly keeps: Record<string, KeepReport>;
}

/**
 * Plans a build against the workbook as it is now and reads what it would run into: the one way a
 * build is decided, run by the pane for Excel and by the preview's worker next to its workbook.
 */
export async function planBuild(host: WorkbookHost, request: BuildRequest): Promise<PlannedBuild> {
  const sheets = await host.listSheets();
  const lineCounts = await readLineCounts(host);
  const plans = plansFor(request.target, request.options, sheets, lineCounts);
  const conflicts = await host.conflicts(plans);
  const nameConflicts = await host.nameConflicts(plans);
  const keeps = conflicts.length > 0 ? ((await host.keepPreview?.(plans)) ?? {}) : {};
  return { plans, sheets, lineCounts, conflicts, nameConflicts, keeps };
}

/** A plan's outline: what the pane predicts placements from and remembers of a built sheet. */
export function outlineOf(plan: SheetPlan): PlanOutline {
  return { template: plan.template, version: plan.version, sheet: plan.sheet, currency: plan.currency };
}

/** A build ready to apply once the user has decided about what it runs into. */
export interface ReadyBuild {
  readonly request: BuildRequest;
  readonly outlines: readonly PlanOutline[];
  readonly sheets: readonly SheetInfo[];
  readonly conflicts: readonly Conflict[];
  readonly nameConflicts: readonly NameConflict[];
  readonly keeps: Readonly<Record<string, KeepReport>>;
  /** Applies the plans with the user's choices, where they were made. */
  apply(options: ApplyOptions): Promise<ApplyResult>;
  /**
   * The plans themselves (the shareable copy reuses them). Where the host planned them, they are
   * planned again here, on first use, from the same request, sheets and line counts: the same
   * plans (planning is a pure function of those).
   */
  plans(): readonly SheetPlan[];
}

/**
 * Readies a build: where the host plans next to its workbook (prepareBuild), only the request
 * goes to it and only outlines come back; otherwise the plans are made here and handed to
 * applyPlans. Either way planBuild decides what is built.
 */
export async function prepareBuild(host: WorkbookHost, request: BuildRequest): Promise<ReadyBuild> {
  if (host.prepareBuild && host.applyBuild) {
    const applyBuild = host.applyBuild.bind(host);
    const prepared = await host.prepareBuild(request);
    let plans: SheetPlan[] | null = null;
    return {
      request,
      outlines: prepared.outlines,
      sheets: prepared.sheets,
      conflicts: prepared.conflicts,
      nameConflicts: prepared.nameConflicts,
      keeps: prepared.keeps,
      apply: (options) => applyBuild(prepared.ticket, options),
      plans: () =>
        (plans ??= plansFor(request.target, request.options, prepared.sheets, prepared.lineCounts)),
    };
  }
  const planned = await planBuild(host, request);
  return {
    request,
    outlines: planned.plans.map(outlineOf),
    sheets: planned.sheets,
    conflicts: planned.conflicts,
    nameConflicts: planned.nameConflicts,
    keeps: planned.keeps,
    apply: (options) => host.applyPlans(planned.plans, options),
    plans: () => planned.plans,
  };
}

/** A sheet the pane built this session: its template, the name it got, and its plan on demand. */
export interface BuiltSheet {
  readonly template: TemplateId;
  readonly sheet: string;
  readonly currency: string;
  /** The plan it was built from, under the name it got ("ROI (2)" after keep both). */
  readonly plan: () => SheetPlan;
}

/** The sheets a build made, from its result: each under the name it got, skipped ones left out. */
export function builtSheets(ready: ReadyBuild, result: ApplyResult): BuiltSheet[] {
  return result.sheets
    .filter((s) => s.outcome !== "skipped")
    .flatMap((s) => {
      const outline = ready.outlines.find((p) => p.template === s.template);
      if (!outline) return [];
      const plan = (): SheetPlan => ({
        ...ready.plans().find((p) => p.template === s.template)!,
        sheet: s.sheet,
      });
      return [{ template: s.template, sheet: s.sheet, currency: outline.currency, plan }];
    });
}

export type Policies = Record<string, ExistingSheetPolicy>;

/** The choice per conflicting sheet when the user has not chosen: the hosts' own default. */
export function defaultPolicies(conflicts: readonly Conflict[]): Policies {
  return Object.fromEntries(conflicts.map((c) => [c.sheet, defaultPolicy(c)]));
}

/** What one choice for one sheet does, as the hosts will do it (decidePlacements decides both). */
export interface ChoiceOutcome {
  /** The sheet the plan is built as, or null when it is not built. */
  readonly built: string | null;
  /** The name the old sheet keeps as a copy no workbook name points to, if any. */
  readonly copy: string | null;
  /** The sheet the model's names point at afterwards for this template, or null for none. */
  readonly modelSheet: string | null;
  readonly keepsInputs: boolean;
}

export const CHOICES: readonly ExistingSheetPolicy[] = ["replace", "keepBoth", "cancel"];

/**
 * For each conflicting sheet and each choice, what the build would do, with the other sheets'
 * current choices: the dialog says it before anything is written, and the host then does it.
 */
export function predictChoices(
  plans: readonly PlanOutline[],
  sheets: readonly SheetInfo[],
  conflicts: readonly Conflict[],
  policies: Policies,
): Record<string, Record<ExistingSheetPolicy, ChoiceOutcome>> {
  const out: Record<string, Record<ExistingSheetPolicy, ChoiceOutcome>> = {};
  for (const c of conflicts) {
    const entries = CHOICES.map((policy): [ExistingSheetPolicy, ChoiceOutcome] => {
      const decisions = decidePlacements(plans, sheets, { policies: { ...policies, [c.sheet]: policy } });
      const d = decisions.find((x) => x.existing?.name === c.sheet && x.plan.template === c.plannedTemplate);
      if (!d || d.outcome === "skip")
        return [
          policy,
          { built: null, copy: null, modelSheet: c.drivesModel ? c.sheet : null, keepsInputs: false },
        ];
      return [
        policy,
        { built: d.targetName, copy: d.copyName, modelSheet: d.targetName, keepsInputs: d.keepInputs },
      ];
    });
    out[c.sheet] = Object.fromEntries(entries) as Record<ExistingSheetPolicy, ChoiceOutcome>;
  }
  return out;
}

/** Whether a rows entry is a whole number the Portfolio template accepts. */
export function validRows(rows: number): boolean {
  return Number.isInteger(rows) && rows >= 1 && rows <= MAX_PORTFOLIO_ROWS;
}
