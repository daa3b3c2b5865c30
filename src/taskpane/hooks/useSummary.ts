/**
 * The live summary, formatted as the sheets show it. P(ROI<0) comes from the Stress sheet's
 * simulation, or from the pane's own run while that is newer than the Stress sheet's inputs.
 */
import { useEffect, useMemo } from "react";
import { usePane } from "../context/pane-context";
import { keepStressInStep } from "../model/line-add";
import { fill, formatFigure, formatNumber, numberLocale } from "../model/format";
import { ROI_NAMES } from "../../templates/roi";
import { STRESS_NAMES } from "../../templates/stress";
import {
  type Figure,
  readSummary,
  SUMMARY_NAMES,
  type UseCaseRank,
  type Wave,
  withinBenchmark,
} from "../model/summary";
import { isErrorValue } from "../model/unavailable";
import { useUnavailable } from "./useUnavailable";
import { useWorkbookValues } from "./useWorkbookValues";

export interface SummaryView {
  /** False until the first read of the workbook. */
  readonly ready: boolean;
  readonly error: unknown;
  readonly annualRoi: string | null;
  readonly pvRoi: string | null;
  readonly payback: string | null;
  /**
   * For each figure the workbook cannot compute (its name holds a spreadsheet error), what to
   * enter and where; the figure itself is then null.
   */
  readonly unavailable: {
    readonly annualRoi: string | null;
    readonly pvRoi: string | null;
    readonly payback: string | null;
    readonly lossProbability: string | null;
  };
  /** "Leaders' benchmark: 14.0 mo", when the ROI sheet has one. */
  readonly benchmark: string | null;
  readonly withinBenchmark: boolean | null;
  readonly lossProbability: string | null;
  readonly lossSource: string | null;
  readonly topUseCases: readonly UseCaseRank[] | null;
  readonly waves: readonly Wave[] | null;
  /** The ROI sheet's notice that its adoption comes from an empty Rollout sheet. */
  readonly adoptionNotice: string | null;
  /** What the annual ROI still needs: a benefit line, a cost line (empty tables). */
  readonly missing: readonly string[];
  /** The Stress sheet needs a rebuild to cover the lines added since it was built. */
  readonly stressBehind: string | null;
}

/** The figures the Summary shows that a formula computes, so that can be an error. */
const FIGURE_NAMES = [
  ROI_NAMES.annualRoi,
  ROI_NAMES.pvRoi,
  ROI_NAMES.paybackMonths,
  STRESS_NAMES.lossProbability,
] as const;

export function useSummary(): SummaryView {
  const { host, currency, locale, strings: s, lastRun } = usePane();
  const { values, error } = useWorkbookValues(SUMMARY_NAMES);
  // Read once per read of the workbook, not on every render of the pane.
  const summary = useMemo(() => readSummary(values ?? {}), [values]);
  // Lines typed below the ROI tables in Excel: a linked Stress sheet gets the rows it lacks at
  // once. A refused append leaves the rows short (the Stress sheet then covers the first lines);
  // the next change of the workbook tries again.
  const short = summary.stressRowsShort ?? 0;
  useEffect(() => {
    if (short > 0) keepStressInStep(host).catch(() => 0);
  }, [host, short, values]);
  const unavailable = useUnavailable(values, FIGURE_NAMES);
  const figure = (f: Figure, format: Parameters<typeof formatFigure>[1]) =>
    f.kind === "text" && isErrorValue(f.text) ? null : formatFigure(f, format, currency, locale);
  const sheetLoss = figure(summary.lossProbability, "percent");
  const paneLoss = lastRun ? formatNumber(lastRun.probabilityOfLoss, "percent", currency, locale) : null;
  const time = lastRun?.at.toLocaleTimeString(numberLocale(locale), { hour: "2-digit", minute: "2-digit" });
  return {
    ready: values !== null,
    error,
    annualRoi: figure(summary.annualRoi, "percent"),
    pvRoi: figure(summary.pvRoi, "percent"),
    payback: figure(summary.payback, "months"),
    benchmark:
      summary.benchmarkMonths === null
        ? null
        : fill(s.benchmark, { months: formatNumber(summary.benchmarkMonths, "months", currency, locale) }),
    withinBenchmark: withinBenchmark(summary.payback, summary.benchmarkMonths),
    lossProbability: paneLoss ?? sheetLoss,
    lossSource:
      paneLoss !== null ? fill(s.fromPane, { time: time ?? "" }) : sheetLoss !== null ? s.fromSheet : null,
    unavailable: {
      annualRoi: unavailable(ROI_NAMES.annualRoi),
      pvRoi: unavailable(ROI_NAMES.pvRoi),
      payback: unavailable(ROI_NAMES.paybackMonths),
      // The pane's own run is a number: only the sheet's figure can be an error.
      lossProbability: paneLoss === null ? unavailable(STRESS_NAMES.lossProbability) : null,
    },
    topUseCases: summary.topUseCases,
    waves: summary.waves,
    adoptionNotice: summary.adoptionNotice,
    missing: [
      ...(summary.missingLines?.benefits ? [s.missingBenefitLine] : []),
      ...(summary.missingLines?.costs ? [s.missingCostLine] : []),
    ],
    stressBehind:
      summary.stressBehind === null
        ? null
        : fill(s.stressBehind, {
            stress: String(summary.stressBehind.stress),
            lines: String(summary.stressBehind.lines),
          }),
  };
}
