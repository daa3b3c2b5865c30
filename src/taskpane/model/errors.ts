/**
 * What the pane says about a failure: what happened and what to do next. A failed build says
 * which sheet and step (ApplyError); anything else gives the caller's title and advice with the
 * error's own message as the detail.
 */
import type { Conventions, PaneStrings } from "../../i18n/bundle";
import { ApplyError, type SkippedCell } from "../../host/workbook-host";
import { fill } from "./format";
import { stepText } from "./steps";

export interface ErrorReport {
  readonly title: string;
  readonly lines: readonly string[];
}

export function errorDetail(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

export function describeError(
  error: unknown,
  s: PaneStrings,
  fallback: { title: string; next: string } = { title: s.unexpectedError, next: s.unexpectedNext },
): ErrorReport {
  if (error instanceof ApplyError) {
    // The step in the pane's language when the host says its kind (as progress does).
    const step = error.kind
      ? stepText({ kind: error.kind, sheet: error.sheet, range: error.range }, s)
      : error.step;
    const params = { sheet: error.sheet, step };
    // The detail is what Excel (or the workbook) said: the sheet and step are already above.
    const cause = error.cause === undefined ? error : error.cause;
    return {
      title: s.buildFailed,
      lines: error.restored
        ? [
            fill(s.buildFailedAt, params),
            fill(s.buildFailedNext, params),
            fill(s.details, { detail: errorDetail(cause) }),
          ]
        : [fill(s.buildFailedNotRestored, params), fill(s.details, { detail: errorDetail(cause) })],
    };
  }
  return { title: fallback.title, lines: [fallback.next, fill(s.details, { detail: errorDetail(error) })] };
}

/** Cells a write left alone, as the user finds them: ROI!B6 (=30+10). */
export function skippedCells(cells: readonly SkippedCell[], c: Conventions): string {
  return cells.map((x) => `${x.sheet}!${x.address}${c.open}${x.formula}${c.close}`).join(c.listSeparator);
}
