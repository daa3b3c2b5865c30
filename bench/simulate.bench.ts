/**
 * simulate_roi_seed_100k: the simulation behind GENAI.SIMULATE_ROI on the seed example (7 line
 * items, 100,000 trials, PERT, seed 1) as the add-in runs it by default, Latin Hypercube, here
 * with a full rank-correlation matrix (every pair of lines correlated, Iman-Conover), against a
 * raw loop of the same PRNG (sfc32) drawing as many uniforms (700,000) in the same process.
 *
 * Bodies timed, interleaved, after a warm-up:
 * - simulate: simulateRoi end to end (tables, correlation check, blocks, summary with its
 *   intervals); the "100,000 trials under 50 ms" target applies here;
 * - sampling: RoiSimulation.run over the 100,000 trials once constructed: Latin Hypercube
 *   strata, Iman-Conover reordering and the line-item draws, whose rate the target compares
 *   with the raw PRNG ("line-item samples per second at least 0.2 of raw uniforms per second");
 * - raw: 700,000 calls of Sfc32.next, summed, nothing else: the same generator class the
 *   sampler draws from, in the same process, timed in the same interleaved rounds, so the ratio
 *   samples_to_raw (line-item samples per second over raw uniforms per second) compares like with
 *   like on whatever machine state the run saw; a sample needs at least one uniform, so 1 is the
 *   ceiling;
 * - for comparison, without a target: independent Latin Hypercube, and plain Monte Carlo (the
 *   earlier default, drawing as before).
 * Where the correlated sampling's time goes (fastest of 40 runs, phases timed inside the block):
 * the shuffles that give each line its strata, jitter and normal scores about 25%; the score
 * correlations (21 dot products a block) 10%; ranking T's six columns 47% (their weighted sums
 * 14%, the bucket sort and its insertion pass 33%: per value about 5 ns for the bucket through
 * the tabulated Φ, 5 for the count, 2.5 for the scatter, 3 for the insertion pass); dealing the
 * draws out through the quantile tables 14%; the ROI per trial and the block's bookkeeping the
 * rest. Independent Latin Hypercube costs about 8 ns a sample against 2.6 for a raw uniform: the
 * draw, the Fisher-Yates swap and the read of a 32 kB quantile table at a random cell (about
 * half of it). The uncorrelated runs also left V8's optimised code once per block, and every
 * summary did so in its selection passes (see RoiSimulation.nextBlock): about a tenth of a plain
 * Monte Carlo run and of a 10,000-trial SIMULATE_ROI call.
 * Peak memory for 1,000,000 trials is measured in a child process (simulate-memory.ts).
 *
 * lhs_vs_mc_standard_error: the true spread of the mean over many seeds at equal trials, Latin
 * Hypercube against plain Monte Carlo, and the standard error each run states against that
 * spread.
 */
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { Sfc32 } from "../src/engine/random";
import { RoiSimulation, simulateRoi, type SimulationOptions } from "../src/engine/simulate";
import {
  atLeast,
  type Benchmark,
  type BenchEntry,
  below,
  interleaved,
  median,
  millions,
  round,
} from "./harness";
import type { MemoryProbe } from "./simulate-memory";
import { SEED_LINE_ITEMS, SEED_MODEL, seedOptions } from "./seed-model";

const TRIALS = 100_000;
const MEMORY_TRIALS = 1_000_000;
const REPETITIONS = 15;
const WARMUPS = 5;

function rawUniforms(count: number, seed: number): number {
  const rng = new Sfc32(seed);
  let sum = 0;
  for (let i = 0; i < count; i++) sum += rng.next();
  return sum;
}

function measureMemory(): MemoryProbe {
  const script = path.join(__dirname, "simulate-memory.js");
  const output = execFileSync(process.execPath, ["--expose-gc", script, String(MEMORY_TRIALS)], {
    encoding: "utf8",
  });
  return JSON.parse(output) as MemoryProbe;
}

function run(): BenchEntry {
  const samples = TRIALS * SEED_LINE_ITEMS;
  const options = seedOptions(TRIALS);
  const independent: SimulationOptions = { ...options, correlation: null };
  const monteCarlo: SimulationOptions = { ...options, sampling: "MC", correlation: null };
  let prepared = new RoiSimulation(SEED_MODEL, options);

  const times = interleaved(
    {
      simulate: () => simulateRoi(SEED_MODEL, options),
      sampling: {
        setup: () => {
          prepared = new RoiSimulation(SEED_MODEL, options);
        },
        body: () => prepared.run(),
      },
      raw: () => rawUniforms(samples, 1),
      independent: () => simulateRoi(SEED_MODEL, independent),
      monteCarlo: () => simulateRoi(SEED_MODEL, monteCarlo),
    },
    REPETITIONS,
    WARMUPS,
  );

  const simulateMs = median(times.simulate);
  const samplingMs = median(times.sampling);
  const rawMs = median(times.raw);
  const samplesPerSecond = samples / (samplingMs / 1e3);
  const rawPerSecond = samples / (rawMs / 1e3);
  const endToEndPerSecond = samples / (simulateMs / 1e3);
  const memory = measureMemory();

  const ratios = {
    samples_to_raw: round(samplesPerSecond / rawPerSecond, 3),
    end_to_end_samples_to_raw: round(endToEndPerSecond / rawPerSecond, 3),
    correlated_to_independent_time: round(simulateMs / median(times.independent), 3),
    lhs_to_plain_mc_time: round(median(times.independent) / median(times.monteCarlo), 3),
  };
  const targets = {
    samples_to_raw: atLeast(ratios.samples_to_raw, 0.2),
    simulate_ms_per_100k_trials: below(round(simulateMs), 50),
    peak_rss_above_baseline_mb_1m_trials: below(round(memory.peakRssAboveBaselineMb), 64),
  };
  const figures = {
    trials: TRIALS,
    line_items: SEED_LINE_ITEMS,
    distribution: options.distribution,
    sampling: "LHS",
    correlation: "full 7×7 (benefits 0.6, costs 0.3, across −0.2)",
    seed: options.seed,
    repetitions: REPETITIONS,
    warmups: WARMUPS,
    simulate_ms_median: round(simulateMs),
    sampling_ms_median: round(samplingMs),
    raw_uniforms_ms_median: round(rawMs),
    raw_baseline: `Sfc32.next() summed, ${samples.toLocaleString("en-US")} calls, same process, interleaved`,
    independent_lhs_ms_median: round(median(times.independent)),
    plain_mc_ms_median: round(median(times.monteCarlo)),
    line_item_samples_per_second: round(samplesPerSecond),
    raw_uniforms_per_second: round(rawPerSecond),
    end_to_end_samples_per_second: round(endToEndPerSecond),
    under_50_ms: simulateMs < 50,
    memory_trials: MEMORY_TRIALS,
    peak_rss_above_baseline_mb: round(memory.peakRssAboveBaselineMb),
    peak_heap_and_array_buffers_above_baseline_mb: round(memory.peakHeapAboveBaselineMb),
    p50_roi_1m_trials: round(memory.p50, 6),
  };
  const line =
    `100k trials, LHS + full correlation, in ${simulateMs.toFixed(1)} ms end to end (target < 50; ` +
    `independent LHS ${median(times.independent).toFixed(1)} ms, plain MC ${median(times.monteCarlo).toFixed(1)} ms); ` +
    `sampling ${samplingMs.toFixed(1)} ms: ${millions(samplesPerSecond)} samples/s vs raw sfc32 ` +
    `${millions(rawPerSecond)} uniforms/s = ${ratios.samples_to_raw} (target ≥ 0.2; end to end ` +
    `${ratios.end_to_end_samples_to_raw}); 1M trials peak +${memory.peakRssAboveBaselineMb.toFixed(1)} MB RSS, ` +
    `+${memory.peakHeapAboveBaselineMb.toFixed(1)} MB heap (target < 64)`;
  return { figures, ratios, targets, line };
}

export const simulateRoiSeed100k: Benchmark = { name: "simulate_roi_seed_100k", run };

const SE_TRIALS = 10_000;
const SE_SEEDS = 40;

/** The spread of the mean over seeds (the true standard error) and the mean stated one. */
function spreadOverSeeds(options: Omit<SimulationOptions, "seed">): { actual: number; stated: number } {
  const runs = Array.from({ length: SE_SEEDS }, (_, seed) =>
    simulateRoi(SEED_MODEL, { ...options, seed: seed + 1 }),
  );
  const means = runs.map((r) => r.mean);
  const m = means.reduce((a, b) => a + b, 0) / means.length;
  const actual = Math.sqrt(means.reduce((a, b) => a + (b - m) ** 2, 0) / (means.length - 1));
  const stated = Math.sqrt(runs.reduce((a, r) => a + r.standardError ** 2, 0) / runs.length);
  return { actual, stated };
}

function standardErrors(): BenchEntry {
  const base = { trials: SE_TRIALS, distribution: "PERT" as const };
  const lhs = spreadOverSeeds({ ...base, sampling: "LHS" });
  const mc = spreadOverSeeds({ ...base, sampling: "MC" });
  const correlation = seedOptions(SE_TRIALS).correlation;
  const lhsCorrelated = spreadOverSeeds({ ...base, sampling: "LHS", correlation });
  const mcCorrelated = spreadOverSeeds({ ...base, sampling: "MC", correlation });
  const ratios = {
    lhs_to_mc_standard_error: round(lhs.actual / mc.actual, 4),
    lhs_to_mc_standard_error_correlated: round(lhsCorrelated.actual / mcCorrelated.actual, 4),
    stated_to_actual_lhs: round(lhs.stated / lhs.actual, 3),
    stated_to_actual_mc: round(mc.stated / mc.actual, 3),
  };
  return {
    figures: {
      trials: SE_TRIALS,
      seeds: SE_SEEDS,
      model: "seed, PERT",
      lhs_standard_error: lhs.actual,
      mc_standard_error: mc.actual,
      lhs_standard_error_correlated: lhsCorrelated.actual,
      mc_standard_error_correlated: mcCorrelated.actual,
      lhs_stated_standard_error: lhs.stated,
      mc_stated_standard_error: mc.stated,
    },
    ratios,
    targets: {},
    line:
      `standard error of the mean at ${SE_TRIALS} trials over ${SE_SEEDS} seeds: LHS ${lhs.actual.toExponential(2)} ` +
      `vs plain MC ${mc.actual.toExponential(2)} = ${ratios.lhs_to_mc_standard_error} (with the full correlation ` +
      `${ratios.lhs_to_mc_standard_error_correlated}); stated/actual LHS ${ratios.stated_to_actual_lhs}, MC ${ratios.stated_to_actual_mc}`,
  };
}

export const lhsVsMcStandardError: Benchmark = { name: "lhs_vs_mc_standard_error", run: standardErrors };
