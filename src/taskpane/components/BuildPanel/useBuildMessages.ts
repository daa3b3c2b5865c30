/** The Build panel's progress and outcome texts, from its status. */
import { sheetShown } from "../../model/sheet-names";
import type { Bundle, PaneStrings } from "../../../i18n/bundle";
import type { AppliedSheet, Recovery } from "../../../host/workbook-host";
import { describeError, type ErrorReport } from "../../model/errors";
import { fill } from "../../model/format";
import { stepText } from "../../model/steps";
import type { BuildStatus } from "./BuildPanel.types";

export interface BuildMessages {
  /** 0..1 while building; undefined before the host reports progress (an indeterminate bar). */
  readonly progressValue?: number;
  readonly progressText: string | null;
  readonly success: { title: string; lines: string[] } | null;
  readonly failure: ErrorReport | null;
}

export { stepText };

/** What a recovery of an interrupted build did, line by line. */
export function recoveryLines(r: Recovery, { pane: s, conventions: c }: Bundle): string[] {
  const list = (names: readonly string[]): string =>
    names.map((n) => `"${sheetShown(n, s)}"`).join(c.listSeparator);
  return [
    ...(r.restored.length > 0 ? [fill(s.recoveredRestored, { sheets: list(r.restored) })] : []),
    ...(r.removed.length > 0 ? [fill(s.recoveredRemoved, { sheets: list(r.removed) })] : []),
    ...(r.kept.length > 0 ? [fill(s.recoveredKept, { sheets: list(r.kept) })] : []),
  ];
}

function outcomeText(sheet: AppliedSheet, s: PaneStrings): string {
  const params = { sheet: sheetShown(sheet.sheet, s), count: sheet.keptInputs };
  switch (sheet.outcome) {
    case "created":
      return fill(s.outcomeCreated, params);
    case "replaced":
      return fill(sheet.keptInputs > 0 ? s.outcomeReplacedKept : s.outcomeReplaced, params);
    case "keptBoth":
      return fill(s.outcomeKeptBoth, params);
    case "skipped":
      return fill(s.outcomeSkipped, params);
  }
}

export function buildMessages(status: BuildStatus, { pane: s, conventions: c }: Bundle): BuildMessages {
  switch (status.kind) {
    case "building": {
      const p = status.progress;
      if (!p) return { progressText: s.building, success: null, failure: null };
      return {
        progressValue: p.total > 0 ? p.done / p.total : undefined,
        progressText: fill(s.progressStep, { done: p.done, total: p.total, step: stepText(p, s) }),
        success: null,
        failure: null,
      };
    }
    case "done": {
      const built = status.result.sheets.filter((x) => x.outcome !== "skipped");
      const lines =
        built.length === 0
          ? [s.nothingBuilt]
          : [
              fill(s.builtSheets, { sheets: built.map((x) => sheetShown(x.sheet, s)).join(c.listSeparator) }),
              ...status.result.sheets.flatMap((x) => [
                outcomeText(x, s),
                ...(x.copy ? [fill(s.outcomeCopy, { copy: x.copy })] : []),
                ...(x.keptFormulas > 0 ? [fill(s.outcomeFormulasKept, { count: x.keptFormulas })] : []),
              ]),
            ];
      return {
        progressText: null,
        success: { title: built.length > 0 ? s.built : "", lines },
        failure: null,
      };
    }
    case "failed":
      return { progressText: null, success: null, failure: describeError(status.error, s) };
    default:
      return { progressText: null, success: null, failure: null };
  }
}
