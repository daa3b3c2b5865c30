/** Validating wrappers for risk analysis: SIMULATE_ROI and TORNADO. */
import { DISTRIBUTIONS, type Distribution, type ThreePoint } from "../engine/distributions";
import {
  DEFAULT_SIMULATION,
  type LineItemModel,
  lineItemProblem,
  MAX_TRIALS,
  simulateRoi,
} from "../engine/simulate";
import { tornado } from "../engine/sensitivity";
import {
  checkNumber,
  describe,
  fail,
  isBlank,
  ProblemError,
  scalarNumber,
  scalarText,
  toMatrix,
} from "./arguments";
import { type SpillCell, spillResult } from "./boundary";

/**
 * Line items as an N×3 range of low, base, high. Rows left entirely blank are skipped, so a
 * table with room for more items works; a partly filled row is a problem.
 */
export function readLineItems(
  value: unknown,
  argument: string,
): { items: ThreePoint[]; rows: number; kept: number[] } {
  const m = toMatrix(value, argument);
  if (m[0].length !== 3)
    fail("columnCount", { argument, expected: 3, meaning: "low, base, high", got: m[0].length });
  const items: ThreePoint[] = [];
  const kept: number[] = [];
  m.forEach((row, r) => {
    if (row.every(isBlank)) return;
    const [low, base, high] = row.map((cell, c) =>
      checkNumber(cell, argument, {}, { row: r + 1, column: c + 1 }),
    );
    items.push({ low, base, high });
    kept.push(r);
  });
  if (items.length === 0) fail("empty", { argument });
  return { items, rows: m.length, kept };
}

interface ReadModel {
  readonly model: LineItemModel;
  /** Row indexes kept, counted across benefits' rows then costs' rows (for labels). */
  readonly keptRows: number[];
  readonly totalRows: number;
}

export function readModel(benefits: unknown, costs: unknown): ReadModel {
  const b = readLineItems(benefits, "benefits");
  const c = readLineItems(costs, "costs");
  const model = { benefits: b.items, costs: c.items };
  const problem = lineItemProblem(model);
  if (problem) throw new ProblemError(problem);
  return { model, keptRows: [...b.kept, ...c.kept.map((r) => r + b.rows)], totalRows: b.rows + c.rows };
}

function readDistribution(value: unknown): Distribution {
  const text = scalarText(value, "distribution", DEFAULT_SIMULATION.distribution);
  const match = DISTRIBUTIONS.find((d) => d.toLowerCase() === text.trim().toLowerCase());
  if (!match)
    fail("choice", {
      argument: "distribution",
      choices: DISTRIBUTIONS.map((d) => `"${d}"`).join(", "),
      got: describe(text),
    });
  return match;
}

export const SIMULATION_LABELS = ["Mean", "P5", "P10", "P50", "P90", "P95", "P(ROI<0)"] as const;

export function simulateRoiOf(
  benefits: unknown,
  costs: unknown,
  trials: unknown,
  seed: unknown,
  distribution: unknown,
): SpillCell[][] {
  return spillResult("SIMULATE_ROI", () => {
    const { model } = readModel(benefits, costs);
    const options = {
      trials: scalarNumber(
        trials,
        "trials",
        { min: 1, max: MAX_TRIALS, whole: true },
        DEFAULT_SIMULATION.trials,
      ),
      seed: scalarNumber(
        seed,
        "seed",
        { min: 0, max: Number.MAX_SAFE_INTEGER, whole: true },
        DEFAULT_SIMULATION.seed,
      ),
      distribution: readDistribution(distribution),
    };
    const s = simulateRoi(model, options);
    const values = [s.mean, s.p5, s.p10, s.p50, s.p90, s.p95, s.probabilityOfLoss];
    return SIMULATION_LABELS.map((label, i) => [label, values[i]]);
  });
}

/**
 * One label per line item: either one per kept item, or one per row of benefits then costs
 * (blank rows included), so a label column beside the two ranges lines up. Blank → "Benefit 2".
 */
function readLabels(value: unknown, read: ReadModel): string[] {
  const benefitCount = read.model.benefits.length;
  const count = benefitCount + read.model.costs.length;
  const fallback = (i: number): string =>
    i < benefitCount ? `Benefit ${i + 1}` : `Cost ${i - benefitCount + 1}`;
  if (isBlank(value)) return Array.from({ length: count }, (_, i) => fallback(i));
  const m = toMatrix(value, "labels");
  const cells = m.length === 1 ? [...m[0]] : m.map((row) => row[0]);
  const vector = m.length === 1 || m[0].length === 1;
  const aligned =
    cells.length === count
      ? cells
      : cells.length === read.totalRows
        ? read.keptRows.map((r) => cells[r])
        : null;
  if (!vector || !aligned) {
    fail("countMismatch", {
      argument: "labels",
      expected: count,
      meaning: "one per line item",
      got: m.length * m[0].length,
    });
  }
  return aligned.map((cell, i) =>
    typeof cell === "number" || (typeof cell === "string" && cell !== "") ? String(cell) : fallback(i),
  );
}

export function tornadoOf(benefits: unknown, costs: unknown, labels: unknown): SpillCell[][] {
  return spillResult("TORNADO", () => {
    const read = readModel(benefits, costs);
    return tornado(read.model, readLabels(labels, read)).map((row) => [
      row.label,
      row.roiAtLow,
      row.roiAtHigh,
      row.swing,
    ]);
  });
}
