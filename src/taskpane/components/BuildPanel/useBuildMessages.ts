/** The Build panel's progress and outcome texts, from its status. */
import type { PaneStrings } from "../../../i18n/pane";
import type { AppliedSheet } from "../../../host/workbook-host";
import { describeError, type ErrorReport } from "../../model/errors";
import { fill } from "../../model/format";
import type { BuildStatus } from "./BuildPanel.types";

export interface BuildMessages {
  /** 0..1 while building; undefined before the host reports progress (an indeterminate bar). */
  readonly progressValue?: number;
  readonly progressText: string | null;
  readonly success: { title: string; lines: string[] } | null;
  readonly failure: ErrorReport | null;
}

function outcomeText(sheet: AppliedSheet, s: PaneStrings): string {
  const params = { sheet: sheet.sheet, count: sheet.keptInputs };
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

export function buildMessages(status: BuildStatus, s: PaneStrings): BuildMessages {
  switch (status.kind) {
    case "building": {
      const p = status.progress;
      if (!p) return { progressText: s.building, success: null, failure: null };
      return {
        progressValue: p.total > 0 ? p.done / p.total : undefined,
        progressText: fill(s.progressStep, { done: p.done, total: p.total, step: p.step }),
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
              fill(s.builtSheets, { sheets: built.map((x) => x.sheet).join(", ") }),
              ...status.result.sheets.map((x) => outcomeText(x, s)),
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
