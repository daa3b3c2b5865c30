/** The statistic goal seek's answer in words, with numbers formatted as the sheets show them. */
import { SEEK_RANGE } from "../../../engine/case-simulation";
import type { Locale } from "../../../i18n/locale";
import type { PaneStrings } from "../../../i18n/bundle";
import { fill, formatMultiplier, formatNumber } from "../../model/format";
import type { SeekAnswer } from "./useStatisticSeek";

/** The statistic's name, and a value of it formatted. */
export function statisticText(
  answer: Pick<SeekAnswer, "goal">,
  value: number,
  s: PaneStrings,
  currency: string,
  locale: Locale,
): { name: string; value: string; target: string } {
  const loss = answer.goal.statistic === "lossProbability";
  const format = (v: number): string => formatNumber(v, loss ? "percent" : "currency", currency, locale);
  return {
    name: loss ? s.seekStatLoss : s.seekStatNpvP10,
    value: Number.isFinite(value) ? format(value) : s.caseNotDefined,
    target: `${loss ? "≤" : "≥"} ${format(answer.goal.target)}`,
  };
}

/** The lever's name, and one of its values formatted (a share, or a line's amount with its factor). */
function leverText(
  answer: SeekAnswer,
  value: number,
  s: PaneStrings,
  currency: string,
  locale: Locale,
): { name: string; value: string } {
  const { lever, line } = answer;
  if (lever.kind === "realisation")
    return { name: s.seekLeverRealisation, value: formatNumber(value, "percent", currency, locale) };
  if (lever.kind === "adoptionTarget")
    return { name: s.seekLeverAdoption, value: formatNumber(value, "percent", currency, locale) };
  const label = line?.label ?? "";
  const base = line?.base ?? 0;
  return {
    name: fill(s.seekLeverLine, { label }),
    value: `${formatNumber(base * value, "currency", currency, locale)} (${formatMultiplier(value, locale)})`,
  };
}

/** The sentences that answer the seek. */
export function seekAnswerText(
  answer: SeekAnswer,
  s: PaneStrings,
  currency: string,
  locale: Locale,
): string[] {
  const { result, lever } = answer;
  const stat = statisticText(answer, result.statistic, s, currency, locale);
  const [min, max] = SEEK_RANGE[lever.kind];
  const range = `${leverText(answer, min, s, currency, locale).value} – ${leverText(answer, max, s, currency, locale).value}`;
  const name = leverText(answer, 0, s, currency, locale).name;
  // A lever that does not move the statistic answers nothing: say so, not "met even at 0%".
  if (result.unmoved)
    return [fill(s.seekUnmoved, { lever: name, range, statistic: stat.name, value: stat.value })];
  if (result.value === null)
    return [
      fill(s.seekNever, { lever: name, range, statistic: stat.name, value: stat.value, target: stat.target }),
    ];
  const at = leverText(answer, result.value, s, currency, locale).value;
  if (result.metEverywhere)
    return [fill(s.seekAlways, { lever: name, range, statistic: stat.name, value: stat.value, at })];
  // The most the lever may be where lowering it helps (a cost line), else the least it needs.
  const most = !result.upward;
  const lines = [
    fill(most ? s.seekMost : s.seekLeast, {
      lever: name,
      at,
      statistic: stat.name,
      value: stat.value,
      target: stat.target,
    }),
  ];
  if (answer.line) lines.push(fill(s.seekTypeLine, { cell: answer.line.cell }));
  return lines;
}
