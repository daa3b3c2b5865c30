/**
 * The simulation's results table, declared once: which statistics it reports, in which order,
 * and the columns SIMULATE_ROI spills. The custom function's spill, the Stress sheet's
 * simulation block and the pane's simulation column and statistics list all read this order.
 */
import type { SimulationSummary } from "./simulate";

/** One reported statistic: its label (as the spill shows it, in every language) and its value. */
export interface SimulationStatistic {
  readonly label: string;
  readonly of: (summary: SimulationSummary) => number;
}

/** The statistics, one row each, in order: the mean, five percentiles, the probability of a loss. */
export const SIMULATION_STATISTICS = [
  { label: "Mean", of: (s) => s.mean },
  { label: "P5", of: (s) => s.p5 },
  { label: "P10", of: (s) => s.p10 },
  { label: "P50", of: (s) => s.p50 },
  { label: "P90", of: (s) => s.p90 },
  { label: "P95", of: (s) => s.p95 },
  { label: "P(ROI<0)", of: (s) => s.probabilityOfLoss },
] as const satisfies readonly SimulationStatistic[];

/** The labels alone, in order. */
export const SIMULATION_LABELS = SIMULATION_STATISTICS.map((s) => s.label);

/** The statistics of a summary, in the table's order. */
export function statisticsOf(summary: SimulationSummary): number[] {
  return SIMULATION_STATISTICS.map((s) => s.of(summary));
}

/**
 * The columns of SIMULATE_ROI's spill: the statistic's label, its value, the Monte Carlo
 * standard error (of the mean and of P(ROI<0); blank for percentiles, whose precision is their
 * interval) and the statistic's 95% interval.
 */
export const SIMULATION_COLUMNS = ["Statistic", "Value", "Standard error", "95% low", "95% high"] as const;

/** The extra row when a correlation matrix is given: the largest change made to make it consistent. */
export const CORRELATION_ROW = {
  asGiven: "Correlation as given",
  adjusted: "Correlation adjusted by",
} as const;
