/**
 * PoC portfolio screening (seed section 4.2, "four-quadrant screening model"): four dimensions
 * scored 1–5, a weighted 0–100 score, the impact × complexity quadrant, a rank, the recommended
 * PoCs (1–2 Quick Wins to build confidence plus 1 Strategic Bet) and the week-8 gate.
 */

/** Weights of impact, complexity, learning value and time window, normalised by their sum when used. */
export const DEFAULT_WEIGHTS: readonly [number, number, number, number] = [0.4, 0.3, 0.15, 0.15];
export const SCORE_MIN = 1;
export const SCORE_MAX = 5;
export const DEFAULT_QUADRANT_THRESHOLD = 3;

export type QuadrantLabel = "Quick Win" | "Strategic Bet" | "Fill-in" | "Deprioritize";

/**
 * Score = 100 · Σ wᵢ·gᵢ / Σ w, with g = (s − 1)/4 for impact, learning value and time window,
 * and g = (5 − s)/4 for complexity (1 = easiest = best).
 * Preconditions: scores in [1, 5]; weights ≥ 0 with a positive sum.
 */
export function quadrantScore(
  impact: number,
  complexity: number,
  learningValue: number,
  timeWindow: number,
  weights: readonly number[] = DEFAULT_WEIGHTS,
): number {
  const [wi, wc, wl, wt] = weights;
  // Same operations, in the same order, as quadrantScores: both paths give identical bits.
  const scale = 100 / (4 * (wi + wc + wl + wt));
  return (
    scale * (wi * (impact - 1) + wc * (5 - complexity) + wl * (learningValue - 1) + wt * (timeWindow - 1))
  );
}

/**
 * Scores a whole column in one pass (the 100k-row path): typed arrays in, typed array out, no
 * allocation per row. Same preconditions as `quadrantScore`; callers skip blank rows.
 */
export function quadrantScores(
  impact: Float64Array,
  complexity: Float64Array,
  learningValue: Float64Array,
  timeWindow: Float64Array,
  weights: readonly number[] = DEFAULT_WEIGHTS,
): Float64Array {
  const n = impact.length;
  const out = new Float64Array(n);
  const [wi, wc, wl, wt] = weights;
  const scale = 100 / (4 * (wi + wc + wl + wt));
  for (let r = 0; r < n; r++) {
    out[r] =
      scale *
      (wi * (impact[r] - 1) +
        wc * (5 - complexity[r]) +
        wl * (learningValue[r] - 1) +
        wt * (timeWindow[r] - 1));
  }
  return out;
}

/**
 * Quadrant of the impact × complexity grid: high impact is impact > threshold, high complexity
 * is complexity > threshold.
 */
export function quadrant(
  impact: number,
  complexity: number,
  threshold = DEFAULT_QUADRANT_THRESHOLD,
): QuadrantLabel {
  const highImpact = impact > threshold;
  const hard = complexity > threshold;
  if (highImpact) return hard ? "Strategic Bet" : "Quick Win";
  return hard ? "Deprioritize" : "Fill-in";
}

/**
 * Competition rank, descending ("1224"): 1 + the number of values strictly greater. Ties share a
 * rank, as Excel's RANK.EQ and the portable COUNTIF(range, ">"&x)+1 do.
 */
export function rankDescending(values: readonly number[]): number[] {
  const sorted = [...values].sort((a, b) => b - a);
  return values.map((v) => {
    // first index in the descending list whose value is not greater than v
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] > v) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  });
}

export interface PocCandidate {
  readonly score: number;
  readonly quadrant: QuadrantLabel;
}

/** The seed's advice: 1–2 Quick Wins to build confidence and 1 Strategic Bet to explore. */
export const DEFAULT_POC_PICKS = { quickWins: 2, strategicBets: 1 } as const;

/**
 * Recommended PoCs: within each quadrant, a candidate is picked when fewer than `n` candidates of
 * the same quadrant score strictly higher (so a tie at the cut-off picks both, exactly as the
 * portable COUNTIFS formula does).
 */
export function recommendPocs(
  candidates: readonly PocCandidate[],
  picks: { quickWins: number; strategicBets: number } = DEFAULT_POC_PICKS,
): boolean[] {
  return candidates.map((c) => {
    const quota =
      c.quadrant === "Quick Win" ? picks.quickWins : c.quadrant === "Strategic Bet" ? picks.strategicBets : 0;
    if (quota <= 0) return false;
    let better = 0;
    for (const other of candidates) if (other.quadrant === c.quadrant && other.score > c.score) better++;
    return better < quota;
  });
}

/** The five PoC metrics measured at the week-8 gate (seed section 4.3). */
export interface GateMetrics {
  /** Share of outputs usable without major edits, 0–1. */
  readonly quality: number;
  /** 95th-percentile response time in seconds. */
  readonly p95LatencySeconds: number;
  /** Share of answers with hallucinations, 0–1. */
  readonly hallucinationRate: number;
  /** Reduction in task time, 0–1. */
  readonly timeSaved: number;
  /** Share of test users willing to use it at work, 0–1. */
  readonly adoptionIntent: number;
}

export type GateThresholds = GateMetrics;

/** Seed criteria: quality ≥ 90%, p95 latency < 3 s, hallucination < 5%, time saved ≥ 40%, intent > 70%. */
export const SEED_GATE_THRESHOLDS: GateThresholds = {
  quality: 0.9,
  p95LatencySeconds: 3,
  hallucinationRate: 0.05,
  timeSaved: 0.4,
  adoptionIntent: 0.7,
};

export type GateDecision = "Scale" | "Iterate" | "Stop" | "Pending";

/** Number of the five criteria that fail. */
export function gateFailures(m: GateMetrics, t: GateThresholds = SEED_GATE_THRESHOLDS): number {
  let failures = 0;
  if (!(m.quality >= t.quality)) failures++;
  if (!(m.p95LatencySeconds < t.p95LatencySeconds)) failures++;
  if (!(m.hallucinationRate < t.hallucinationRate)) failures++;
  if (!(m.timeSaved >= t.timeSaved)) failures++;
  if (!(m.adoptionIntent > t.adoptionIntent)) failures++;
  return failures;
}

/** Failed criteria that stop a PoC at the gate: the seed stops at 3 of the 5. */
export const DEFAULT_GATE_STOP_FAILURES = 3;

/**
 * "Scale" when all five pass, "Stop" when `stopFailures` or more fail (default 3), otherwise
 * "Iterate". A `stopFailures` of 1 leaves no "Iterate": any failure stops.
 */
export function gate(
  m: GateMetrics,
  t: GateThresholds = SEED_GATE_THRESHOLDS,
  stopFailures: number = DEFAULT_GATE_STOP_FAILURES,
): Exclude<GateDecision, "Pending"> {
  const failures = gateFailures(m, t);
  if (failures === 0) return "Scale";
  return failures >= stopFailures ? "Stop" : "Iterate";
}
