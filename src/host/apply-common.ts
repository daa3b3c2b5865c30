/**
 * What both hosts decide the same way before writing anything: which plans collide with existing
 * sheets, what each collision becomes under its policy, and which free name "keep both" takes.
 */
import type { SheetPlan } from "../templates/plan";
import {
  type Conflict,
  DEFAULT_EXISTING_SHEET_POLICY,
  type ExistingSheetPolicy,
  type ApplyOptions,
  type AppliedSheet,
  type SheetInfo,
} from "./workbook-host";

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

/** Non-empty existing sheets that plans would land on. Empty sheets are simply reused. */
export function planConflicts(plans: readonly SheetPlan[], sheets: readonly SheetInfo[]): Conflict[] {
  const out: Conflict[] = [];
  for (const plan of plans) {
    const existing = sheets.find((s) => sameName(s.name, plan.sheet));
    if (existing && !existing.empty) {
      out.push({ sheet: existing.name, existingTemplate: existing.template, plannedTemplate: plan.template });
    }
  }
  return out;
}

export interface PlacementDecision {
  readonly plan: SheetPlan;
  /** What happens to the plan's sheet. */
  readonly outcome: "create" | "reuseEmpty" | "replace" | "keepBoth" | "skip";
  /** The name the new sheet will have. */
  readonly targetName: string;
  /** The existing sheet involved, if any. */
  readonly existing: SheetInfo | null;
  /** Whether to carry the existing sheet's input values into the new one. */
  readonly keepInputs: boolean;
}

/**
 * Decides, for each plan in order, where it goes. Names taken by earlier decisions of the same
 * call count as taken, so two keep-both copies never collide.
 */
export function decidePlacements(
  plans: readonly SheetPlan[],
  sheets: readonly SheetInfo[],
  options: Pick<ApplyOptions, "policies" | "keepInputs">,
): PlacementDecision[] {
  const taken = sheets.map((s) => s.name);
  return plans.map((plan) => {
    const existing = sheets.find((s) => sameName(s.name, plan.sheet)) ?? null;
    if (!existing) {
      taken.push(plan.sheet);
      return { plan, outcome: "create", targetName: plan.sheet, existing: null, keepInputs: false };
    }
    if (existing.empty) {
      return { plan, outcome: "reuseEmpty", targetName: existing.name, existing, keepInputs: false };
    }
    const policy: ExistingSheetPolicy =
      Object.entries(options.policies ?? {}).find(([name]) => sameName(name, existing.name))?.[1] ??
      DEFAULT_EXISTING_SHEET_POLICY;
    if (policy === "cancel")
      return { plan, outcome: "skip", targetName: existing.name, existing, keepInputs: false };
    if (policy === "replace") {
      const sameTemplate = existing.template === plan.template && existing.templateVersion === plan.version;
      return {
        plan,
        outcome: "replace",
        targetName: existing.name,
        existing,
        keepInputs: (options.keepInputs ?? true) && sameTemplate,
      };
    }
    const targetName = freeSheetName(plan.sheet, taken);
    taken.push(targetName);
    return { plan, outcome: "keepBoth", targetName, existing, keepInputs: false };
  });
}

/** What each placement decision reports as the sheet's outcome in ApplyResult. */
export const OUTCOMES = {
  create: "created",
  reuseEmpty: "created",
  replace: "replaced",
  keepBoth: "keptBoth",
  skip: "skipped",
} as const satisfies Record<PlacementDecision["outcome"], AppliedSheet["outcome"]>;
