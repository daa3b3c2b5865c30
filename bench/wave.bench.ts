/**
 * wave_100k: GENAI.WAVE over 100,000 units with 1–5-style readiness (many ties), as Excel calls
 * it: one spilled call over the column, and 10,000 calls filled down (one per unit, each passed
 * the whole list of 10,000). Both must sort the list once, not compare every pair.
 *
 * Baseline, in the same run: the engine's own sort of the same 100,000 readiness values
 * (readinessPlaces), so the ratio shows what the Excel boundary (argument checks, per-cell
 * results) adds over one O(n log n) sort. Targets: the spilled call within 20× the engine's sort;
 * wave 1 holding exactly its count.
 */
import { readinessPlaces } from "../src/engine/rollout";
import { Sfc32 } from "../src/engine/random";
import { WAVE } from "../src/functions/functions";
import { ensureCustomFunctionsGlobal } from "../src/host/custom-functions-shim";
import {
  atLeast,
  type Benchmark,
  type BenchEntry,
  below,
  interleaved,
  median,
  round,
  timeMs,
} from "./harness";

const UNITS = 100_000;
const FILLED = 10_000;

/** Readiness as the Rollout sheet computes it: the mean of three 1–5 scores, two decimals. */
function readinessColumn(n: number, seed: number): number[][] {
  const rng = new Sfc32(seed);
  const score = (): number => 1 + Math.floor(rng.next() * 5);
  return Array.from({ length: n }, () => [Math.round(((score() + score() + score()) / 3) * 100) / 100]);
}

function run(): BenchEntry {
  ensureCustomFunctionsGlobal();
  const column = readinessColumn(UNITS, 7);
  // A second list of the same size, alternated with the first, so every timed call reads,
  // validates and sorts its list afresh (the function keeps the last list it read).
  const other = readinessColumn(UNITS, 8);
  const flat = column.map((row) => row[0]);
  const spilled = WAVE(column, column, 3) as number[][];
  const wave1 = spilled.filter(([w]) => w === 1).length;

  let turn = 0;
  const times = interleaved(
    {
      spilled: () => {
        const list = turn++ % 2 === 0 ? other : column;
        return WAVE(list, list, 3);
      },
      engine: () => readinessPlaces(flat),
    },
    6,
    2,
  );
  const spilledMs = median(times.spilled);
  const engineMs = median(times.engine);

  const filledColumn = readinessColumn(FILLED, 11);
  const filledMs = timeMs(() => {
    let sum = 0;
    for (const [r] of filledColumn) sum += (WAVE([[r]], filledColumn, 3) as number[][])[0][0];
    return sum;
  });

  const ratio = spilledMs / engineMs;
  return {
    figures: {
      units: UNITS,
      spilled_call_ms_median: round(spilledMs),
      engine_sort_ms_median: round(engineMs),
      wave1_units: wave1,
      filled_down_calls: FILLED,
      filled_down_total_ms: round(filledMs),
      filled_down_ms_per_call: round(filledMs / FILLED),
    },
    ratios: { spilled_call_to_engine_sort: round(ratio, 3) },
    targets: {
      spilled_call_to_engine_sort: below(ratio, 20),
      wave1_holds_its_count: atLeast(wave1 === 3 ? 1 : 0, 1),
    },
    line:
      `WAVE over ${UNITS.toLocaleString("en-US")} units in one call ${spilledMs.toFixed(0)} ms ` +
      `(${ratio.toFixed(1)}× the engine's sort, target < 20×), wave 1 = ${wave1}; ` +
      `${FILLED.toLocaleString("en-US")} calls filled down ${filledMs.toFixed(0)} ms`,
  };
}

export const wave100k: Benchmark = { name: "wave_100k", run };
