/**
 * simulate_business_case_40_lines: the pane's business-case simulation (annual ROI, risk-adjusted
 * PV ROI, NPV and payback months per trial, with the whole monthly line-item model) for 10,000
 * trials of a 40-line case (bench/case-model.ts), PERT, Latin Hypercube, seed 1; target under 1 s.
 *
 * Bodies, timed after a warm-up:
 * - engine: simulateBusinessCase end to end (quantile tables, uniforms, every trial, the four
 *   outputs' summaries with histograms and CDFs), independent lines;
 * - correlated: the same with the 40 × 40 rank-correlation matrix (Iman-Conover);
 * - baseline: the same 10,000 trials, each computed by calling the deterministic line-item model
 *   (financialSummary) with that trial's drawn line values, then the same summaries. The draws
 *   are made once, untimed, so the baseline is only the per-trial model: the fair comparison
 *   for "compute the full model per trial" done the straightforward way.
 * This runs in Node; the pane runs the same code in a Web Worker (the browser figure is the
 * e2e test's, not this entry's).
 */
import {
  CaseSimulation,
  type CaseSimulationOptions,
  simulateBusinessCase,
  summariseOutput,
} from "../src/engine/case-simulation";
import { financialSummary, type LineItemCase } from "../src/engine/line-items";
import { type Benchmark, type BenchEntry, below, interleaved, median, round, timeMs } from "./harness";
import { CASE_CORRELATION, CASE_LINES, fortyLineCase } from "./case-model";

const TRIALS = 10_000;
const REPETITIONS = 9;
const WARMUPS = 3;
const BASELINE_REPETITIONS = 3;

/** Every trial through financialSummary with that trial's values (the straightforward way). */
function baseline(c: LineItemCase, values: Float64Array, trials: number): number {
  const nB = c.benefits.length;
  const roi = new Float64Array(trials);
  const pv = new Float64Array(trials);
  const npv = new Float64Array(trials);
  const months = new Float64Array(trials);
  for (let t = 0; t < trials; t++) {
    const s = financialSummary({
      settings: c.settings,
      benefits: c.benefits.map((l, j) => ({ ...l, annual: values[j * trials + t] })),
      costs: c.costs.map((l, i) => ({ ...l, amount: values[(nB + i) * trials + t] })),
    });
    roi[t] = s.annualRoi ?? NaN;
    pv[t] = s.pvRoi ?? NaN;
    npv[t] = s.npv;
    months[t] = s.paybackMonths ?? Infinity;
  }
  return [roi, pv, npv, months].map(summariseOutput).length;
}

function run(): BenchEntry {
  const c = fortyLineCase();
  const options: CaseSimulationOptions = {
    trials: TRIALS,
    seed: 1,
    distribution: "PERT",
    sampling: "LHS",
    paybackBenchmark: 14,
  };
  const correlated: CaseSimulationOptions = { ...options, correlation: CASE_CORRELATION };
  const times = interleaved(
    {
      engine: () => simulateBusinessCase(c, options),
      correlated: () => simulateBusinessCase(c, correlated),
    },
    REPETITIONS,
    WARMUPS,
  );
  const draws = new CaseSimulation(c, options).values;
  baseline(c, draws, 200);
  const baselineTimes = Array.from({ length: BASELINE_REPETITIONS }, () =>
    timeMs(() => baseline(c, draws, TRIALS)),
  );
  const engineMs = median(times.engine);
  const correlatedMs = median(times.correlated);
  const baselineMs = median(baselineTimes);
  const summary = simulateBusinessCase(c, options);
  const ratios = {
    baseline_to_engine_time: round(baselineMs / engineMs, 3),
    correlated_to_independent_time: round(correlatedMs / engineMs, 3),
  };
  const targets = {
    engine_ms_10k_trials_40_lines: below(round(engineMs), 1000),
    correlated_ms_10k_trials_40_lines: below(round(correlatedMs), 1000),
  };
  const figures = {
    trials: TRIALS,
    line_items: CASE_LINES,
    months: c.settings.companyAdoption.length,
    distribution: "PERT",
    sampling: "LHS",
    seed: 1,
    repetitions: REPETITIONS,
    baseline_repetitions: BASELINE_REPETITIONS,
    engine_ms_median: round(engineMs),
    correlated_ms_median: round(correlatedMs),
    baseline_financial_summary_per_trial_ms_median: round(baselineMs),
    mean_npv: round(summary.outputs.npv.mean, 6),
    p_payback_within_14_months: round(summary.paybackWithinBenchmark, 4),
    p_payback_within_36_months: round(summary.paybackWithinHorizon, 4),
  };
  const line =
    `10k trials × 40 lines, whole monthly model: ${engineMs.toFixed(1)} ms independent, ` +
    `${correlatedMs.toFixed(1)} ms with a 40×40 rank correlation (target < 1000); ` +
    `financialSummary per trial ${baselineMs.toFixed(0)} ms = ${ratios.baseline_to_engine_time}× the engine`;
  return { figures, ratios, targets, line };
}

export const simulateBusinessCase40Lines: Benchmark = { name: "simulate_business_case_40_lines", run };
