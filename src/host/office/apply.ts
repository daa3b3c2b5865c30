/**
 * applyPlans inside one Excel.run.
 *
 *   1. read   - sheets, workbook names, the active sheet and the runtime's event flag (one sync);
 *               then which sheets are empty, their tables and sheet-scoped names, and for a rebuild
 *               over the template's own sheet the old input values (one more sync, two for very
 *               large inputs or an older copy marked by its own names): read-workbook.ts;
 *   2. build  - each new sheet under a temporary name ("~genai-build-1"), so the user's sheets are
 *               untouched until everything has succeeded: every block as one 2-D `formulas` array
 *               (cut into row chunks), number formats, styles, widths, tables, validation,
 *               conditional formats, freeze panes, charts (prepare-builds.ts, build-steps.ts). The
 *               work is a list of steps packed into requests under a payload budget (Excel on the
 *               web rejects a request over 5 MB), each request about one sheet, so the number of
 *               syncs grows with the payload and the number of sheets only, never with rows or
 *               steps (requests.ts);
 *   3. commit - one request: the replaced sheets step aside, the new sheets take their names and
 *               places, the workbook names point at them, events come back on, Excel recalculates,
 *               and the replaced sheets are deleted last (the only step that cannot be undone):
 *               commit.ts;
 *   4. on a failure, roll back: read what exists now and undo it (delete the new sheets, restore
 *               sheet, table and workbook names, the active sheet and the event flag), then throw
 *               ApplyError naming the sheet and the step.
 * Screen updating and API calculation are suspended for each build request and events are off
 * from the first build request until the commit (or the rollback, or `finally`).
 */
import type { SheetPlan } from "../../templates/plan";
import { applyResultOf, decideBuild } from "../apply-common";
import {
  ApplyError,
  type ApplyOptions,
  type ApplyResult,
  type ApplyStepKind,
  clause,
} from "../workbook-host";
import { buildSteps } from "./build-steps";
import { cleanupSteps, commitSteps, type Journal, rollback } from "./commit";
import { prepareBuilds } from "./prepare-builds";
import { readWorkbook, type WorkbookState } from "./read-workbook";
import {
  messageOf,
  packSteps,
  type RequestSettings,
  StepFailure,
  suspendUntilNextSync,
  syncBatches,
} from "./requests";

/** The kind of each build step (Step.kind), as progress reports it to the pane. */
const PROGRESS_KINDS: Readonly<Record<string, ApplyStepKind>> = {
  "adding the sheet": "preparing",
  "writing cells": "cells",
  "number formats": "formats",
  styles: "formats",
  "column widths": "formats",
  "freeze panes": "formats",
  tables: "tables",
  "data validation": "rules",
  "conditional formats": "rules",
  charts: "charts",
};

/**
 * Applies plans in order, all or nothing. `knownSheetNames` (sheet names by id, for change events)
 * learns the sheets read and built, and forgets the sheets replaced.
 */
export async function applyInExcel(
  context: Excel.RequestContext,
  plans: readonly SheetPlan[],
  options: ApplyOptions,
  settings: RequestSettings,
  knownSheetNames: Map<string, string>,
): Promise<ApplyResult> {
  const progress = options.onProgress ?? (() => undefined);
  let state: WorkbookState;
  try {
    state = await readWorkbook(context, plans, options, settings.budget, knownSheetNames);
  } catch (error) {
    const sheet = plans[0]?.sheet ?? "";
    throw new ApplyError(
      `Reading the workbook before building "${sheet}" failed: ${clause(messageOf(error))}. Nothing was changed.`,
      sheet,
      "reading the workbook",
      error,
      true,
      "reading",
    );
  }

  const infos = state.sheets.map((s) => s.info);
  const decisions = decideBuild(plans, infos, [...state.names.values()], options);
  const builds = prepareBuilds(decisions, plans, state);
  const result = applyResultOf(decisions, (d) => builds.find((x) => x.decision === d)?.kept ?? null);
  if (builds.length === 0) return result;

  const journal: Journal = { names: new Set(), localNames: [] };
  const buildBatches = packSteps(
    builds.flatMap((b) => buildSteps(b, options.dialect)),
    settings.budget,
  );
  const commit = commitSteps(builds, state, journal);
  const total = buildBatches.length + 2;
  const first = builds[0].plan.sheet;
  progress({ step: "reading the workbook", kind: "reading", sheet: first, done: 1, total });

  let eventsOff = false;
  try {
    await syncBatches(
      context,
      buildBatches,
      (ctx, i) => {
        suspendUntilNextSync(ctx, settings.supports, true);
        if (i === 0) {
          ctx.runtime.enableEvents = false; // ExcelApi 1.8: no handler runs for a half-built sheet
          eventsOff = true;
        }
      },
      (i, batch) =>
        progress({
          step: `${batch[0].label} (${batch[0].sheet})`,
          kind: PROGRESS_KINDS[batch[0].kind] ?? "cells",
          sheet: batch[0].sheet,
          range: batch[0].range,
          done: i + 2,
          total,
        }),
    );
    // The commit is one request whatever its size: it is small, and it must not be split.
    await syncBatches(
      context,
      [commit],
      (ctx) => suspendUntilNextSync(ctx, settings.supports, false),
      () => progress({ step: "finishing", kind: "finishing", sheet: first, done: total, total }),
    );
    eventsOff = false;
  } catch (error) {
    throw await undone(error);
  } finally {
    if (eventsOff) {
      try {
        context.runtime.enableEvents = state.enableEvents;
        await context.sync();
      } catch {
        // Nothing more can be done from here; Excel resets the flag when the add-in reloads.
      }
    }
  }
  const cleanup = cleanupSteps(builds);
  if (cleanup.length > 0) {
    try {
      await syncBatches(context, [cleanup]);
    } catch {
      // The build stands; the next build or pane start removes the set-aside sheets (recover.ts).
    }
  }
  for (const b of builds) if (b.sheet) knownSheetNames.set(b.sheet.id, b.decision.targetName);
  for (const b of builds) if (b.replaces) knownSheetNames.delete(b.replaces.id);
  return result;

  /** Rolls back after a failure, and the ApplyError that says what failed and what was undone. */
  async function undone(error: unknown): Promise<ApplyError> {
    const failure =
      error instanceof StepFailure
        ? error
        : new StepFailure(
            {
              sheet: builds[0].plan.sheet,
              label: "building",
              kind: "building",
              apis: [],
              bytes: 0,
              queue: () => undefined,
            },
            error,
          );
    let undo = "The workbook was left as it was.";
    let restored = true;
    try {
      await rollback(context, state, journal, settings.supports);
      eventsOff = false;
    } catch (rollbackError) {
      undo = `Undoing the partial build also failed (${clause(messageOf(rollbackError))}); the next build or the next start of the pane restores what it left.`;
      restored = false;
    }
    return new ApplyError(
      `Building sheet "${failure.step.sheet}" failed at step "${failure.step.label}": ${clause(failure.message)}. ${undo}`,
      failure.step.sheet,
      failure.step.label,
      failure.cause,
      restored,
      PROGRESS_KINDS[failure.step.kind] ?? "cells",
      failure.step.range,
    );
  }
}
