/**
 * Where each plan lands, decided the same way by both hosts and by the pane that predicts them:
 * which existing sheet a plan lands on, which of those collide, what each collision becomes under
 * its policy, and which free name a new sheet or a kept copy takes. Part of the WorkbookHost
 * contract (pure: no workbook is touched), so the dialog's prediction is what the host then does.
 */
import { canKeep } from "./layout-migrations";
import {
  type Conflict,
  type ExistingSheetPolicy,
  type ApplyOptions,
  type PlanOutline,
  type SheetInfo,
} from "./workbook-host";
import type { SheetPlan } from "../templates/plan";

/** Excel's limit on sheet-name length. */
export const MAX_SHEET_NAME = 31;

/** Excel compares sheet and workbook names case-insensitively. */
export function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** "ROI" → "ROI (2)", "ROI (3)", ... : the first name not taken (Excel compares names case-insensitively). */
export function freeSheetName(wanted: string, taken: readonly string[]): string {
  if (!taken.some((t) => sameName(t, wanted))) return wanted;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = wanted.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!taken.some((t) => sameName(t, candidate))) return candidate;
  }
}

/**
 * The existing sheet a plan lands on: the sheet its template's workbook marker points at (the
 * sheet that drives the model, whatever the user renamed it to), else the sheet of the plan's
 * name (compared as Excel compares names), else none.
 */
export function landingSheet(plan: PlanOutline, sheets: readonly SheetInfo[]): SheetInfo | null {
  return (
    sheets.find((s) => s.drivesModel && s.template === plan.template) ??
    sheets.find((s) => sameName(s.name, plan.sheet)) ??
    null
  );
}

/** Whether a replace carries the existing sheet's inputs into the plan: same template, same layout. */
export function keepsInputsOf(existing: SheetInfo, plan: PlanOutline): boolean {
  // canKeep reads the plan's template and layout version only: an outline is enough.
  return canKeep(plan as SheetPlan, existing.template, existing.templateVersion);
}

/** Non-empty existing sheets that plans would land on. Empty sheets are simply reused. */
export function planConflicts(plans: readonly PlanOutline[], sheets: readonly SheetInfo[]): Conflict[] {
  const out: Conflict[] = [];
  for (const plan of plans) {
    const existing = landingSheet(plan, sheets);
    if (existing && !existing.empty) {
      out.push({
        sheet: existing.name,
        existingTemplate: existing.template,
        plannedTemplate: plan.template,
        keepsInputs: keepsInputsOf(existing, plan),
        drivesModel: existing.drivesModel && existing.template === plan.template,
      });
    }
  }
  return out;
}

/**
 * The choice made when the user has not chosen, the one that never moves the model away from the
 * user's figures: the model's own sheet is rebuilt in place with its inputs kept; a model sheet
 * of an older layout (its inputs cannot be carried over) is left as it is; a sheet the template
 * did not build is left alone and the new sheet gets a free name beside it.
 */
export function defaultPolicy(conflict: Conflict): ExistingSheetPolicy {
  if (conflict.existingTemplate !== conflict.plannedTemplate) return "keepBoth";
  return conflict.keepsInputs ? "replace" : "cancel";
}

export interface PlacementDecision<P extends PlanOutline = SheetPlan> {
  readonly plan: P;
  /** What happens to the plan's sheet. */
  readonly outcome: "create" | "reuseEmpty" | "replace" | "keepBoth" | "skip";
  /** The name the new sheet will have. */
  readonly targetName: string;
  /** The existing sheet involved, if any. */
  readonly existing: SheetInfo | null;
  /** Whether to carry the existing sheet's input values into the new one. */
  readonly keepInputs: boolean;
  /**
   * For "keep both" over the template's own sheet: the name the old sheet keeps as a copy. The
   * model stays on the sheet the user's figures are in (rebuilt in place); no workbook name
   * points at the copy, which reads its own cells through names scoped to it.
   */
  readonly copyName: string | null;
}

function policyFor(options: Pick<ApplyOptions, "policies">, sheet: string): ExistingSheetPolicy | undefined {
  return Object.entries(options.policies ?? {}).find(([name]) => sameName(name, sheet))?.[1];
}

/**
 * Decides, for each plan in order, where it goes. Names taken by earlier decisions of the same
 * call count as taken, so two new sheets or copies never collide.
 */
export function decidePlacements<P extends PlanOutline>(
  plans: readonly P[],
  sheets: readonly SheetInfo[],
  options: Pick<ApplyOptions, "policies" | "keepInputs">,
): PlacementDecision<P>[] {
  const taken = sheets.map((s) => s.name);
  return plans.map((plan): PlacementDecision<P> => {
    const existing = landingSheet(plan, sheets);
    const none = { existing, keepInputs: false, copyName: null };
    if (!existing) {
      taken.push(plan.sheet);
      return { plan, outcome: "create", targetName: plan.sheet, ...none };
    }
    if (existing.empty) return { plan, outcome: "reuseEmpty", targetName: existing.name, ...none };
    const [conflict] = planConflicts([plan], [existing]);
    const policy = policyFor(options, existing.name) ?? defaultPolicy(conflict);
    if (policy === "cancel") return { plan, outcome: "skip", targetName: existing.name, ...none };
    const keepInputs = (options.keepInputs ?? true) && conflict.keepsInputs;
    if (policy === "replace")
      return { plan, outcome: "replace", targetName: existing.name, existing, keepInputs, copyName: null };
    if (existing.template === plan.template) {
      const copyName = freeSheetName(existing.name, taken);
      taken.push(copyName);
      return { plan, outcome: "replace", targetName: existing.name, existing, keepInputs, copyName };
    }
    const targetName = freeSheetName(plan.sheet, taken);
    taken.push(targetName);
    return { plan, outcome: "keepBoth", targetName, ...none };
  });
}
