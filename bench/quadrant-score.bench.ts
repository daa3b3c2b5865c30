/**
 * quadrant_score_100k: GENAI.QUADRANT_SCORE over 100,000 rows in one call, as Excel calls it
 * (four 100,000×1 columns of 1–5 scores as any[][], default weights), against the engine's
 * column scorer (quadrantScores over Float64Arrays) on the same rows: the ratio shows what the
 * Excel boundary (argument checks, blank handling, per-cell results) costs over the tight core.
 * No target: the figure is recorded for comparison between runs.
 */
import { Sfc32 } from "../src/engine/random";
import { quadrantScores } from "../src/engine/portfolio";
import { QUADRANT_SCORE } from "../src/functions/functions";
import { ensureCustomFunctionsGlobal } from "../src/host/custom-functions-shim";
import { type Benchmark, type BenchEntry, interleaved, median, millions, round } from "./harness";

const ROWS = 100_000;
const REPETITIONS = 15;
const WARMUPS = 3;

/** A column of whole scores 1–5, drawn from a fixed seed. */
function scoreColumn(seed: number): number[][] {
  const rng = new Sfc32(seed);
  return Array.from({ length: ROWS }, () => [1 + Math.floor(rng.next() * 5)]);
}

function run(): BenchEntry {
  ensureCustomFunctionsGlobal(); // the functions build their error values with it; Node has none
  const [impact, complexity, learning, time] = [1, 2, 3, 4].map(scoreColumn);
  const typed = [impact, complexity, learning, time].map((column) =>
    Float64Array.from(column, (row) => row[0]),
  );

  const first = QUADRANT_SCORE(impact, complexity, learning, time);
  const reference = quadrantScores(typed[0], typed[1], typed[2], typed[3]);
  if (first.length !== ROWS || first.some((row, r) => Math.abs((row[0] as number) - reference[r]) > 1e-9)) {
    throw new Error("QUADRANT_SCORE disagrees with the engine's quadrantScores");
  }

  const times = interleaved(
    {
      function: () => QUADRANT_SCORE(impact, complexity, learning, time),
      engine: () => quadrantScores(typed[0], typed[1], typed[2], typed[3]),
    },
    REPETITIONS,
    WARMUPS,
  );
  const functionMs = median(times.function);
  const engineMs = median(times.engine);
  const rowsPerSecond = ROWS / (functionMs / 1e3);
  const engineRowsPerSecond = ROWS / (engineMs / 1e3);
  const ratios = { function_rows_to_engine_rows: round(rowsPerSecond / engineRowsPerSecond, 3) };
  return {
    figures: {
      rows: ROWS,
      repetitions: REPETITIONS,
      warmups: WARMUPS,
      ms_per_call_median: round(functionMs),
      rows_per_second: round(rowsPerSecond),
      engine_ms_median: round(engineMs),
      engine_rows_per_second: round(engineRowsPerSecond),
    },
    ratios,
    targets: {},
    line:
      `100k rows in ${functionMs.toFixed(1)} ms per call = ${millions(rowsPerSecond)} rows/s ` +
      `(engine column scorer ${engineMs.toFixed(2)} ms; ratio ${ratios.function_rows_to_engine_rows})`,
  };
}

export const quadrantScore100k: Benchmark = { name: "quadrant_score_100k", run };
