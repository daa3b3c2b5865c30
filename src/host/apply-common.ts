/**
 * What both hosts do the same way around a build: which workbook names of the user's a build
 * would take over, what each placement reports as its outcome and the result it assembles, and
 * how the user's inputs are carried into a rebuilt sheet. Where each plan lands is decided in placement.ts.
 */
import { parseCell, splitQualified } from "../shared/a1";
import type { PlanCell, SheetPlan } from "../templates/plan";
import { inputCells } from "../templates/cells";
import {
  ApplyError,
  type ApplyOptions,
  type ApplyResult,
  type AppliedSheet,
  type KeepReport,
  type NameConflict,
  type SheetInfo,
  templateMarkerName,
  templateVersionName,
} from "./workbook-host";
import { keptContent } from "./kept-content";
import { decidePlacements, type PlacementDecision, sameName } from "./placement";

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

/**
 * Where each plan lands, after refusing a build that would take over names of the user's they
 * have not let the model take: both hosts decide the same way from what they read.
 */
export function decideBuild(
  plans: readonly SheetPlan[],
  sheets: readonly SheetInfo[],
  names: readonly ExistingWorkbookName[],
  options: ApplyOptions,
): PlacementDecision[] {
  const refused = unresolvedNames(planNameConflicts(plans, sheets, names), options);
  if (refused.length > 0) {
    const sheet = plans.find((p) => p.template === refused[0].template)?.sheet ?? "";
    throw new ApplyError(
      nameConflictMessage(refused),
      sheet,
      "checking the workbook names",
      undefined,
      true,
      "names",
    );
  }
  return decidePlacements(plans, sheets, options);
}

/** The result of a build: one entry per decision, with what the rebuild kept where it kept inputs. */
export function applyResultOf(
  decisions: readonly PlacementDecision[],
  keptBy: (decision: PlacementDecision) => KeepReport | null,
): ApplyResult {
  return {
    sheets: decisions.map((d): AppliedSheet => {
      const kept = keptBy(d);
      return {
        template: d.plan.template,
        sheet: d.targetName,
        outcome: OUTCOMES[d.outcome],
        keptInputs: kept?.inputs ?? 0,
        keptFormulas: kept?.formulas ?? 0,
        copy: d.copyName,
        ...(kept ? { kept } : {}),
      };
    }),
  };
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
 * The part of what was read that is put back into the plan: every input cell read. An input the
 * template fills with a default formula (a line's low, high or risk, a sample line's driver) keeps
 * a value or a formula the user typed over it; read back blank or as the template's own formula,
 * it takes the default again, so the template's formula is never counted as the user's.
 */
export function keptInputCells(plan: SheetPlan, kept: ReadonlyMap<string, KeptCell>): Map<string, KeptCell> {
  if (kept.size === 0) return new Map();
  const cells = planCells(plan);
  const applied = new Map<string, KeptCell>();
  for (const { row, column } of inputCells(plan)) {
    const key = `${row},${column}`;
    // As a rebuild keeps them: over a default formula (a sample line's driver), a value or a
    // formula of the user's is theirs; a blank or the template's own formula takes the default.
    const content = keptContent(kept.get(key), row, cells.get(key), row);
    if (content !== undefined) applied.set(key, content);
  }
  return applied;
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
