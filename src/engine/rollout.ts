/**
 * Wave rollout (seed section 6.2) and the adoption S-curve.
 * Wave 1: the 2–3 most ready units, 3–6 months; wave 2: the early majority, 4–9 months;
 * wave 3: everyone else.
 */

export const DEFAULT_WAVE1_COUNT = 3;

/**
 * Adoption share at `month`: 0 before `startMonth`, then target · x²(3 − 2x) (smoothstep) with
 * x = (month − start) / ramp clamped to [0, 1]. A ramp of 0 is a step at the start month.
 */
export function adoption(month: number, startMonth: number, rampMonths: number, target = 1): number {
  if (month < startMonth) return 0;
  if (rampMonths <= 0) return target;
  const x = Math.min(1, (month - startMonth) / rampMonths);
  return target * x * x * (3 - 2 * x);
}

/** Wave 2's default size: half of the units left after wave 1, rounded up. */
export function defaultWave2Count(unitCount: number, wave1Count: number): number {
  return Math.ceil(Math.max(0, unitCount - wave1Count) / 2);
}

/** The wave of the unit in 1-based place `place` of the readiness order: ≤ w1 → 1, ≤ w1 + w2 → 2, else 3. */
export function waveAtPlace(place: number, wave1Count: number, wave2Count: number): 1 | 2 | 3 {
  if (place <= wave1Count) return 1;
  return place <= wave1Count + wave2Count ? 2 : 3;
}

/**
 * Each unit's place in the readiness order, in list order: 1 for the most ready, and among units
 * of equal readiness the one listed first goes first, so every place from 1 to n is taken once.
 * One sort of the positions, O(n log n).
 */
export function readinessPlaces(allReadiness: readonly number[]): Uint32Array {
  const n = allReadiness.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => allReadiness[b] - allReadiness[a] || a - b);
  const places = new Uint32Array(n);
  for (let k = 0; k < n; k++) places[order[k]] = k + 1;
  return places;
}

/**
 * The wave of every unit, in list order: units sorted by readiness, most ready first, ties broken
 * by list order (the unit listed first goes first), so wave 1 holds exactly min(w1, n) units and
 * wave 2 exactly min(w2, n − w1); wave 3 takes the rest.
 */
export function waves(
  allReadiness: readonly number[],
  wave1Count: number,
  wave2Count: number,
): (1 | 2 | 3)[] {
  return Array.from(readinessPlaces(allReadiness), (place) => waveAtPlace(place, wave1Count, wave2Count));
}

/**
 * The readiness scores sorted once, most ready first, for placing values that are not tied to a
 * position in the list (a single readiness value): such a value goes first among the units of
 * equal readiness, at place 1 + the number strictly more ready (binary search, O(log n)).
 */
export class ReadinessOrder {
  private readonly descending: Float64Array;

  constructor(allReadiness: readonly number[]) {
    this.descending = Float64Array.from(allReadiness).sort().reverse();
  }

  /** 1 + the number of units strictly more ready than `readiness`. */
  placeOf(readiness: number): number {
    let lo = 0;
    let hi = this.descending.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.descending[mid] > readiness) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  }
}

/**
 * The wave of one readiness value that is not placed in the list: first among the units of equal
 * readiness (see ReadinessOrder). For the units of a list, `waves` breaks ties by list order.
 */
export function wave(
  readiness: number,
  allReadiness: readonly number[],
  wave1Count: number,
  wave2Count: number,
): 1 | 2 | 3 {
  return waveAtPlace(new ReadinessOrder(allReadiness).placeOf(readiness), wave1Count, wave2Count);
}

/** Start month and ramp length per wave: the midpoints of the seed's ranges, back to back. */
export const SEED_WAVE_PLAN = [
  { wave: 1, startMonth: 0, rampMonths: 5 },
  { wave: 2, startMonth: 5, rampMonths: 7 },
  { wave: 3, startMonth: 12, rampMonths: 9 },
] as const;

/**
 * The seed's three-tier talent model (section 6.3): every user 8–16 h of basic training;
 * champions (10–15% of staff) 40–80 h; builders are trained continuously and costed as people.
 */
export const SEED_TRAINING = {
  userHours: 12,
  championShare: 0.12,
  championHours: 60,
} as const;

/** Training hours for a unit: every user's basic hours plus the champions' extra hours. */
export function trainingHours(
  headcount: number,
  userHours: number = SEED_TRAINING.userHours,
  championShare: number = SEED_TRAINING.championShare,
  championHours: number = SEED_TRAINING.championHours,
): number {
  return headcount * userHours + headcount * championShare * championHours;
}
