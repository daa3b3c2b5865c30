/** The run's statistics and histogram description, formatted as the Stress sheet shows them. */
import { bundleFor } from "../../../i18n/bundles";
import type { Locale } from "../../../i18n/locale";
import type { PaneStrings } from "../../../i18n/bundle";
import { PANE_STATISTICS } from "../../../templates/stress";
import { fill, formatNumber, numberLocale } from "../../model/format";
import { statisticsOf } from "../../model/simulation";
import type { SimulationRun } from "./SimulationPanel.types";

export interface StatisticRow {
  readonly label: string;
  readonly value: number;
  readonly text: string;
}

type Done = Extract<SimulationRun, { kind: "done" }>;

export function statisticRows(run: Done, locale: Locale): StatisticRow[] {
  const values = statisticsOf(run.summary);
  // The statistics' names as SIMULATE_ROI spills them, read in the pane's language.
  const labels = bundleFor(locale).results.statistics;
  return PANE_STATISTICS.map((name, i) => ({
    label: labels[name],
    value: values[i],
    text: formatNumber(values[i], "percent", "", locale),
  }));
}

export function histogramText(run: Done, s: PaneStrings, locale: Locale) {
  const percent = (v: number): string => formatNumber(v, "percent", "", locale);
  const min = run.bins[0]?.from ?? 0;
  const max = run.bins[run.bins.length - 1]?.to ?? 0;
  return {
    minLabel: percent(min),
    maxLabel: percent(max),
    description: fill(s.histogramDescription, {
      trials: run.summary.trials.toLocaleString(numberLocale(locale)),
      bins: run.bins.length,
      min: percent(min),
      max: percent(max),
      p10: percent(run.summary.p10),
      p50: percent(run.summary.p50),
      p90: percent(run.summary.p90),
    }),
  };
}
