/** Validating wrappers for portfolio screening: QUADRANT_SCORE, QUADRANT, GATE. */
import {
  DEFAULT_WEIGHTS,
  gate,
  type GateThresholds,
  quadrant,
  quadrantScore,
  quadrantScores,
  SCORE_MAX,
  SCORE_MIN,
  SEED_GATE_THRESHOLDS,
} from "../engine/portfolio";
import { numericDefault, parameterOf } from "./catalogue";
import { checkNumber, fail, fixedList, isBlank, scalarNumber } from "./arguments";
import { broadcast, cellPosition, mapCells } from "./broadcast";
import { cellResult, type SpillCell, spillResult } from "./boundary";

const SCORE_ARGUMENTS = ["impact", "complexity", "learning_value", "time_window"] as const;
const SCORE_RULES = SCORE_ARGUMENTS.map((name) => parameterOf("QUADRANT_SCORE", name).range);
const WEIGHTS = parameterOf("QUADRANT_SCORE", "weights");
const QUADRANT_RULES = {
  impact: parameterOf("QUADRANT", "impact").range,
  complexity: parameterOf("QUADRANT", "complexity").range,
};
const THRESHOLD = parameterOf("QUADRANT", "threshold");

function readWeights(weights: unknown): readonly number[] {
  if (isBlank(weights)) return DEFAULT_WEIGHTS;
  const list = fixedList(weights, "weights", 4, "weights", WEIGHTS.range);
  const sum = list.reduce((s, w) => s + w, 0);
  if (!(sum > 0)) fail("sumNotPositive", { argument: "weights", got: sum });
  return list;
}

export function quadrantScoreOf(
  impact: unknown,
  complexity: unknown,
  learningValue: unknown,
  timeWindow: unknown,
  weights: unknown,
): SpillCell[][] {
  return spillResult("QUADRANT_SCORE", () => {
    const w = readWeights(weights);
    const values = [impact, complexity, learningValue, timeWindow];
    const bulk = scoresInBulk(values, w);
    if (bulk) return bulk;
    const shape = broadcast(SCORE_ARGUMENTS.map((name, i) => ({ name, value: values[i] })));
    return mapCells(shape, 4, (cells, r, c) => {
      if (cells.every(isBlank)) return "";
      return cellResult("QUADRANT_SCORE", () => {
        const place = cellPosition(shape, r, c);
        const [i, x, l, t] = cells.map((cell, k) =>
          checkNumber(cell, SCORE_ARGUMENTS[k], SCORE_RULES[k], place),
        );
        return quadrantScore(i, x, l, t, w);
      });
    });
  });
}

/**
 * The fast path for a whole column (100k rows in one call): when the four ranges have the same
 * shape and every cell is a valid score, they go through the engine's typed-array loop with no
 * allocation per row. Anything else (blanks, errors, broadcasting) takes the cell-by-cell path,
 * which gives identical numbers.
 */
function scoresInBulk(values: readonly unknown[], weights: readonly number[]): number[][] | null {
  const first = values[0];
  if (!Array.isArray(first) || first.length === 0 || !Array.isArray(first[0])) return null;
  const rows = first.length;
  const columns = (first[0] as unknown[]).length;
  if (columns === 0) return null;
  const columnsOf = values.map(() => new Float64Array(rows * columns));
  for (let k = 0; k < values.length; k++) {
    const matrix = values[k];
    if (!Array.isArray(matrix) || matrix.length !== rows) return null;
    const target = columnsOf[k];
    for (let r = 0; r < rows; r++) {
      const row: unknown = matrix[r];
      if (!Array.isArray(row) || row.length !== columns) return null;
      for (let c = 0; c < columns; c++) {
        const v: unknown = row[c];
        if (typeof v !== "number" || !(v >= SCORE_MIN && v <= SCORE_MAX)) return null;
        target[r * columns + c] = v;
      }
    }
  }
  const [i, x, l, t] = columnsOf;
  const scores = quadrantScores(i, x, l, t, weights);
  const out: number[][] = new Array<number[]>(rows);
  for (let r = 0; r < rows; r++) {
    if (columns === 1) {
      out[r] = [scores[r]];
      continue;
    }
    const row: number[] = [];
    for (let c = 0; c < columns; c++) row.push(scores[r * columns + c]);
    out[r] = row;
  }
  return out;
}

export function quadrantOf(impact: unknown, complexity: unknown, threshold: unknown): SpillCell[][] {
  return spillResult("QUADRANT", () => {
    const t = scalarNumber(threshold, "threshold", THRESHOLD.range, numericDefault(THRESHOLD));
    const shape = broadcast([
      { name: "impact", value: impact },
      { name: "complexity", value: complexity },
    ]);
    return mapCells(shape, 2, (cells, r, c) => {
      if (cells.every(isBlank)) return "";
      return cellResult("QUADRANT", () => {
        const place = cellPosition(shape, r, c);
        return quadrant(
          checkNumber(cells[0], "impact", QUADRANT_RULES.impact, place),
          checkNumber(cells[1], "complexity", QUADRANT_RULES.complexity, place),
          t,
        );
      });
    });
  });
}

const GATE_ARGUMENTS = [
  "quality",
  "p95_latency_s",
  "hallucination_rate",
  "time_saved",
  "adoption_intent",
] as const;
const GATE_RULES = GATE_ARGUMENTS.map((name) => parameterOf("GATE", name).range);
const THRESHOLDS = parameterOf("GATE", "thresholds");
const STOP_FAILURES = parameterOf("GATE", "stop_failures");

function readThresholds(thresholds: unknown): GateThresholds {
  if (isBlank(thresholds)) return SEED_GATE_THRESHOLDS;
  const [quality, p95LatencySeconds, hallucinationRate, timeSaved, adoptionIntent] = fixedList(
    thresholds,
    "thresholds",
    5,
    "thresholds",
    THRESHOLDS.range,
  );
  return { quality, p95LatencySeconds, hallucinationRate, timeSaved, adoptionIntent };
}

export function gateOf(
  quality: unknown,
  latency: unknown,
  hallucination: unknown,
  timeSaved: unknown,
  adoptionIntent: unknown,
  thresholds: unknown,
  stopFailures?: unknown,
): SpillCell[][] {
  return spillResult("GATE", () => {
    const limits = readThresholds(thresholds);
    const stop = scalarNumber(
      stopFailures,
      "stop_failures",
      STOP_FAILURES.range,
      numericDefault(STOP_FAILURES),
    );
    const values = [quality, latency, hallucination, timeSaved, adoptionIntent];
    const shape = broadcast(GATE_ARGUMENTS.map((name, i) => ({ name, value: values[i] })));
    return mapCells(shape, 5, (cells, r, c) => {
      if (cells.some(isBlank)) return "Pending";
      return cellResult("GATE", () => {
        const place = cellPosition(shape, r, c);
        const [q, p95, h, saved, intent] = cells.map((cell, k) =>
          checkNumber(cell, GATE_ARGUMENTS[k], GATE_RULES[k], place),
        );
        return gate(
          {
            quality: q,
            p95LatencySeconds: p95,
            hallucinationRate: h,
            timeSaved: saved,
            adoptionIntent: intent,
          },
          limits,
          stop,
        );
      });
    });
  });
}
