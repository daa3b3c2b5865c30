/** The goal-seek answer in words: "Benefit realisation of 13.5% gives ROI = 0", or why there is none. */
import type { Locale } from "../../../i18n/locale";
import type { PaneStrings } from "../../../i18n/bundle";
import { fill, formatNumber } from "../../model/format";
import type { GoalLever, GoalTarget } from "../../model/goal-seek";
import type { GoalSeekOutcome } from "./useGoalSeek";

export function targetLabel(target: GoalTarget, months: number, s: PaneStrings): string {
  return target === "roi" ? s.targetRoi : fill(s.targetPayback, { months: Number(months.toFixed(2)) });
}

export function leverLabel(lever: GoalLever, s: PaneStrings): string {
  return lever === "benefits" ? s.benefitRealisation : s.adoptionTarget;
}

export function outcomeText(outcome: GoalSeekOutcome, s: PaneStrings, locale: Locale): string | null {
  switch (outcome.kind) {
    case "none":
      return null;
    case "needsRoi":
      return s.needBusinessCase;
    case "invalid":
      return fill(s.invalidBusinessCase, { name: outcome.name });
  }
  const percent = (v: number): string => formatNumber(v, "percent", "", locale);
  const params = {
    lever: leverLabel(outcome.lever, s),
    target: targetLabel(outcome.target, outcome.targetValue, s),
  };
  const a = outcome.answer;
  switch (a.kind) {
    case "answer":
      return fill(s.answer, { ...params, value: percent(a.value) });
    case "noEffect":
      return s.noEffect;
    case "zeroLever":
      return fill(s.zeroLever, params);
    case "beyondLimit":
      return fill(s.beyondLimit, { ...params, value: percent(a.value), limit: percent(a.limit) });
    case "unreachable":
      return fill(s.unreachable, params);
  }
}
