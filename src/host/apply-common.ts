/**
 * What both hosts, and the pane that predicts them, decide the same way before writing anything:
 * which sheet each plan lands on, which of those collide with existing sheets, what each
 * collision becomes under its policy, which free name a new sheet or a kept copy takes, and which
 * workbook names of the user's a build would take over. One function per decision, so that the
 * dialog's prediction is what the host then does.
 */
import { parseCell, splitQualified } from "../templates/a1";
import { isFormula, type PlanCell, type SheetPlan } from "../templates/plan";
import { inputCells } from "../templates/cells";
import {
  type Conflict,
  type ExistingSheetPolicy,
  type ApplyOptions,
  type AppliedSheet,
  type NameConflict,
  type SheetInfo,
  templateMarkerName,
  templateVersionName,
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

/**
 * The existing sheet a plan lands on: the sheet its template's workbook marker points at (the
 * sheet that drives the model, whatever the user renamed it to), else the sheet of the plan's
 * name (compared as Excel compares names), else none.
 */
export function landingSheet(plan: SheetPlan, sheets: readonly SheetInfo[]): SheetInfo | null {
  return (
    sheets.find((s) => s.drivesModel && s.template === plan.template) ??
    sheets.find((s) => sameName(s.name, plan.sheet)) ??
    null
  );
}

/** Whether a replace carries the existing sheet's inputs into the plan: same template, same layout. */
export function keepsInputsOf(existing: SheetInfo, plan: SheetPlan): boolean {
  return existing.template === plan.template && existing.templateVersion === plan.version;
}

/** Non-empty existing sheets that plans would land on. Empty sheets are simply reused. */
export function planConflicts(plans: readonly SheetPlan[], sheets: readonly SheetInfo[]): Conflict[] {
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
export function decidePlacements(
  plans: readonly SheetPlan[],
  sheets: readonly SheetInfo[],
  options: Pick<ApplyOptions, "policies" | "keepInputs">,
): PlacementDecision[] {
  const taken = sheets.map((s) => s.name);
  return plans.map((plan): PlacementDecision => {
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

/** What each placement decision reports as the sheet's outcome in ApplyResult. */
export const OUTCOMES = {
  create: "created",
  reuseEmpty: "created",
  replace: "replaced",
  keepBoth: "keptBoth",
  skip: "skipped",
} as const satisfies Record<PlacementDecision["outcome"], AppliedSheet["outcome"]>;

/** A workbook name as a host reads it: its name and what it refers to ("=Inputs!$B$2", "=0.08"). */
export interface ExistingWorkbookName {
  readonly name: string;
  readonly formula: string;
}

/**
 * The workbook names of the user's that the plans would point elsewhere: a name a plan defines
 * that exists already and does not refer to a sheet a template built (the user's own
 * DiscountRate on their Assumptions sheet, or a constant they typed). A name whose sheet is gone
 * (#REF!) holds nothing of the user's and is free to take; the markers are always the add-in's.
 */
export function planNameConflicts(
  plans: readonly SheetPlan[],
  sheets: readonly SheetInfo[],
  names: readonly ExistingWorkbookName[],
): NameConflict[] {
  const out: NameConflict[] = [];
  const ours = new Set(
    plans.flatMap((p) =>
      [templateMarkerName(p.template), templateVersionName(p.template)].map((n) => n.toLowerCase()),
    ),
  );
  for (const plan of plans) {
    for (const planned of plan.names) {
      const existing = names.find((n) => sameName(n.name, planned.name));
      if (!existing || ours.has(existing.name.toLowerCase())) continue;
      if (/#REF!/i.test(existing.formula)) continue;
      // A structured reference to a table the model builds (=Benefits[In use]) is the model's.
      const table = /^=([A-Za-z_\\][A-Za-z0-9_.]*)\[/.exec(existing.formula)?.[1];
      if (table && plans.some((p) => p.tables.some((t) => sameName(t.name, table)))) continue;
      const { sheet } = splitQualified(existing.formula.replace(/^=/, ""));
      const on = sheet === null ? null : (sheets.find((s) => sameName(s.name, sheet)) ?? null);
      if (on?.template) continue;
      if (out.some((c) => sameName(c.name, existing.name))) continue;
      out.push({ name: existing.name, refersTo: existing.formula, template: plan.template });
    }
  }
  return out;
}

/** The names of `conflicts` the user has not let the model take (ApplyOptions.takeNames). */
export function unresolvedNames(
  conflicts: readonly NameConflict[],
  options: Pick<ApplyOptions, "takeNames">,
): NameConflict[] {
  const taken = options.takeNames ?? [];
  return conflicts.filter((c) => !taken.some((n) => sameName(n, c.name)));
}

/** The message of a build refused because it would take over the user's names. */
export function nameConflictMessage(conflicts: readonly NameConflict[]): string {
  const list = conflicts.map((c) => `${c.name} (${c.refersTo.replace(/^=/, "")})`).join(", ");
  return `The workbook already has ${conflicts.length === 1 ? "a name" : "names"} of its own that the model would take over: ${list}. Nothing was changed.`;
}

/** What a rebuild keeps of the cells it reads: a value, or a formula the user typed into an input. */
export type KeptCell = PlanCell;

/** The cells a plan writes, by "row,column" key. */
function planCells(plan: SheetPlan): Map<string, PlanCell> {
  const cells = new Map<string, PlanCell>();
  for (const block of plan.blocks) {
    const origin = parseCell(block.at);
    block.cells.forEach((row, r) =>
      row.forEach((cell, c) => cells.set(`${origin.row + r},${origin.column + c}`, cell)),
    );
  }
  return cells;
}

/**
 * The part of what was read that a rebuild puts back: the plan's input cells that the plan fills
 * with a value or leaves blank. An input the template fills with a default formula (a line's low,
 * high or risk) takes the template's formula again, so the template's own formula read back from
 * the old sheet is never counted as one the user typed.
 */
export function keptInputCells(plan: SheetPlan, kept: ReadonlyMap<string, KeptCell>): Map<string, KeptCell> {
  if (kept.size === 0) return new Map();
  const cells = planCells(plan);
  const applied = new Map<string, KeptCell>();
  for (const { row, column } of inputCells(plan)) {
    const key = `${row},${column}`;
    const cell = cells.get(key);
    if (kept.has(key) && !(cell !== undefined && isFormula(cell)))
      applied.set(key, kept.get(key) as KeptCell);
  }
  return applied;
}

/** How many inputs a rebuild keeps, and how many of them are formulas the user typed. */
export function keptCounts(
  plan: SheetPlan,
  kept: ReadonlyMap<string, KeptCell>,
): { readonly inputs: number; readonly formulas: number } {
  const applied = [...keptInputCells(plan, kept).values()];
  return { inputs: applied.length, formulas: applied.filter((v) => v !== null && isFormula(v)).length };
}

/**
 * The plan with the existing sheet's inputs put back: values as they are, and a formula the user
 * typed into an input cell as that formula (in both dialects), never its computed value. Only
 * cells that are inputs in this plan change; the template's formulas are never overwritten.
 */
export function withKeptInputs(plan: SheetPlan, kept: ReadonlyMap<string, KeptCell>): SheetPlan {
  const applied = keptInputCells(plan, kept);
  if (applied.size === 0) return plan;
  const blocks = plan.blocks.map((block) => {
    const origin = parseCell(block.at);
    let changed = false;
    const cells = block.cells.map((row, r) =>
      row.map((cell, c) => {
        const key = `${origin.row + r},${origin.column + c}`;
        if (!applied.has(key)) return cell;
        changed = true;
        return applied.get(key) as PlanCell;
      }),
    );
    return changed ? { ...block, cells } : block;
  });
  return { ...plan, blocks };
}

/** A formula the user typed, as a plan cell: the same text in both dialects. */
export function userFormula(formula: string): PlanCell {
  return { live: formula, portable: formula };
}
