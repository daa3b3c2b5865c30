/**
 * The live summary as plain data, read from workbook names (no React, no host): annual ROI,
 * three-year PV ROI, payback against the leaders' benchmark, P(ROI<0), the top-ranked use cases
 * and the wave plan. A name that is missing (its sheet is not built) reads as `missing`, so the
 * pane can say which sheet to build.
 */
import { STRESS_NAMES } from "../../templates/stress";
import type { CellValue } from "../../host/workbook-host";
import { ROI_LINE_NAMES, ROI_NAMES } from "../../templates/roi";
import { PORTFOLIO_NAMES } from "../../templates/portfolio";
import { ROLLOUT_NAMES } from "../../templates/rollout";

export type NameValues = Readonly<Record<string, CellValue[][] | null>>;

/** A single figure: a number, a text the sheet shows instead (an error, "Beyond 36 months"), or missing. */
export type Figure =
  | { readonly kind: "missing" }
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "text"; readonly text: string };

export interface UseCaseRank {
  readonly name: string;
  readonly rank: number;
}

export interface Wave {
  readonly wave: number;
  readonly departments: readonly string[];
}

export interface Summary {
  readonly annualRoi: Figure;
  readonly pvRoi: Figure;
  readonly payback: Figure;
  /** The leaders' payback benchmark in months (the seed's 14), when the ROI sheet has it. */
  readonly benchmarkMonths: number | null;
  readonly lossProbability: Figure;
  /** Up to three use cases by rank; null without a Portfolio sheet. */
  readonly topUseCases: readonly UseCaseRank[] | null;
  /** Departments per wave, waves in order; null without a Rollout sheet (or its names). */
  readonly waves: readonly Wave[] | null;
  /** What the ROI sheet says when its adoption comes from an empty Rollout sheet; null otherwise. */
  readonly adoptionNotice: string | null;
  /**
   * Which line table has no line with an amount yet (the annual ROI reads blank until both have
   * one); null without a ROI sheet.
   */
  readonly missingLines: { readonly benefits: boolean; readonly costs: boolean } | null;
  /**
   * Lines per table now and on the Stress sheet, when they differ (lines added since the Stress
   * sheet was built are not in its scenarios, simulation and tornado until it is rebuilt).
   */
  readonly stressBehind: { readonly lines: number; readonly stress: number } | null;
  /** Rows a linked Stress sheet's line table lacks for the lines (the pane appends them). */
  readonly stressRowsShort: number | null;
}

/**
 * The rows a linked Stress sheet's line table lacks for the ROI tables' lines: 0 when it has
 * enough (more rows than lines is fine: the extra rows read blank), and null when there is no
 * linked Stress sheet (no ROI sheet, or a Stress sheet that names fixed rows: see stressLineGap).
 */
export function stressRowsShort(values: NameValues): number | null {
  const b = values[ROI_LINE_NAMES.benefits.labels];
  const c = values[ROI_LINE_NAMES.costs.labels];
  const rows = values[STRESS_NAMES.labels];
  if (!b || !c || !rows || !values[STRESS_NAMES.tornado]) return null;
  return Math.max(0, b.length + c.length - rows.length);
}

/** What stressRowsShort reads. */
export const STRESS_STEP_NAMES = [
  ROI_LINE_NAMES.benefits.labels,
  ROI_LINE_NAMES.costs.labels,
  STRESS_NAMES.labels,
  STRESS_NAMES.tornado,
] as const;

export const SUMMARY_NAMES = [
  ROI_NAMES.annualRoi,
  ROI_NAMES.pvRoi,
  ROI_NAMES.paybackMonths,
  ROI_NAMES.leaderPaybackMonths,
  STRESS_NAMES.lossProbability,
  PORTFOLIO_NAMES.useCaseNames,
  PORTFOLIO_NAMES.useCaseRanks,
  ROLLOUT_NAMES.departmentNames,
  ROLLOUT_NAMES.departmentWaves,
  ROI_NAMES.adoptionNotice,
  ROI_LINE_NAMES.benefits.base,
  ROI_LINE_NAMES.costs.base,
  STRESS_NAMES.benefits,
  STRESS_NAMES.costs,
  // With the names above, what stressRowsShort reads.
  ROI_LINE_NAMES.benefits.labels,
  ROI_LINE_NAMES.costs.labels,
  STRESS_NAMES.labels,
  STRESS_NAMES.tornado,
] as const;

export const TOP_USE_CASES = 3;

/** The first cell of a name. */
export function figureOf(values: NameValues, name: string): Figure {
  const cells = values[name];
  if (!cells) return { kind: "missing" };
  const v = cells[0]?.[0] ?? null;
  if (typeof v === "number" && Number.isFinite(v)) return { kind: "number", value: v };
  if (v === null || v === "") return { kind: "text", text: "" };
  return { kind: "text", text: String(v) };
}

/** A name's cells as one list (a column or a row), read row by row. */
export function flat(values: NameValues, name: string): CellValue[] | null {
  const cells = values[name];
  return cells ? cells.flat() : null;
}

function numberOf(values: NameValues, name: string): number | null {
  const f = figureOf(values, name);
  return f.kind === "number" ? f.value : null;
}

/**
 * Use cases with a name and a numeric rank, best first (ties keep table order). One pass that
 * keeps the best `count` seen so far: the Summary reads this after every change, and a
 * 5,000-row portfolio sorted whole on each read cost the page tens of milliseconds.
 */
export function topUseCases(values: NameValues, count = TOP_USE_CASES): UseCaseRank[] | null {
  const names = values[PORTFOLIO_NAMES.useCaseNames];
  const ranks = values[PORTFOLIO_NAMES.useCaseRanks];
  if (!names || !ranks) return null;
  const best: UseCaseRank[] = [];
  for (let i = 0; i < names.length; i++) {
    const cell = names[i][0];
    const rank = ranks[i]?.[0];
    const name = typeof cell === "string" ? cell.trim() : "";
    if (name === "" || typeof rank !== "number") continue;
    // Rows come in table order, so a tie goes after the ranks already kept.
    if (best.length === count && rank >= best[count - 1].rank) continue;
    let at = best.length;
    while (at > 0 && best[at - 1].rank > rank) at--;
    best.splice(at, 0, { name, rank });
    if (best.length > count) best.pop();
  }
  return best;
}

/** Departments grouped by their wave (1, 2, 3, ...), in table order within a wave. */
export function wavePlan(values: NameValues): Wave[] | null {
  const names = flat(values, ROLLOUT_NAMES.departmentNames);
  const waves = flat(values, ROLLOUT_NAMES.departmentWaves);
  if (!names || !waves) return null;
  const byWave = new Map<number, string[]>();
  names.forEach((name, i) => {
    const wave = waves[i];
    if (typeof name !== "string" || name.trim() === "" || typeof wave !== "number") return;
    const departments = byWave.get(wave);
    if (departments) departments.push(name.trim());
    else byWave.set(wave, [name.trim()]);
  });
  return [...byWave.entries()]
    .sort(([a], [b]) => a - b)
    .map(([wave, departments]) => ({ wave, departments }));
}

function noticeOf(values: NameValues): string | null {
  const f = figureOf(values, ROI_NAMES.adoptionNotice);
  return f.kind === "text" && f.text !== "" ? f.text : null;
}

/** Whether a column of line amounts holds no number at all (an empty table). */
function noAmount(values: NameValues, name: string): boolean {
  return !(values[name] ?? []).some((row) => typeof row[0] === "number");
}

function missingLinesOf(values: NameValues): Summary["missingLines"] {
  if (!values[ROI_LINE_NAMES.benefits.base] || !values[ROI_LINE_NAMES.costs.base]) return null;
  return {
    benefits: noAmount(values, ROI_LINE_NAMES.benefits.base),
    costs: noAmount(values, ROI_LINE_NAMES.costs.base),
  };
}

function stressBehindOf(values: NameValues): Summary["stressBehind"] {
  const b = values[ROI_LINE_NAMES.benefits.base];
  const c = values[ROI_LINE_NAMES.costs.base];
  const sb = values[STRESS_NAMES.benefits];
  const sc = values[STRESS_NAMES.costs];
  // A linked Stress sheet (its tornado columns named) follows the tables: the pane appends rows.
  if (!b || !c || !sb || !sc || values[STRESS_NAMES.tornado]) return null;
  if (b.length === sb.length && c.length === sc.length) return null;
  return { lines: b.length + c.length, stress: sb.length + sc.length };
}

export function readSummary(values: NameValues): Summary {
  return {
    annualRoi: figureOf(values, ROI_NAMES.annualRoi),
    pvRoi: figureOf(values, ROI_NAMES.pvRoi),
    payback: figureOf(values, ROI_NAMES.paybackMonths),
    benchmarkMonths: numberOf(values, ROI_NAMES.leaderPaybackMonths),
    lossProbability: figureOf(values, STRESS_NAMES.lossProbability),
    topUseCases: topUseCases(values),
    waves: wavePlan(values),
    adoptionNotice: noticeOf(values),
    missingLines: missingLinesOf(values),
    stressBehind: stressBehindOf(values),
    stressRowsShort: stressRowsShort(values),
  };
}

/** Whether a payback figure is within the benchmark: null when either is unknown. */
export function withinBenchmark(payback: Figure, benchmarkMonths: number | null): boolean | null {
  if (benchmarkMonths === null) return null;
  if (payback.kind === "number") return payback.value <= benchmarkMonths;
  // A text payback is "Beyond 36 months" (or an error): not within.
  return payback.kind === "text" && payback.text !== "" && !payback.text.startsWith("#") ? false : null;
}
