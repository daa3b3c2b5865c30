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

/**
 * Wave for one readiness value: its descending competition rank among `allReadiness`
 * (1 + the number strictly more ready; ties share) decides: rank ≤ w1 → 1, rank ≤ w1 + w2 → 2,
 * else 3.
 */
export function wave(
  readiness: number,
  allReadiness: readonly number[],
  wave1Count: number,
  wave2Count: number,
): 1 | 2 | 3 {
  let rank = 1;
  for (const other of allReadiness) if (other > readiness) rank++;
  if (rank <= wave1Count) return 1;
  return rank <= wave1Count + wave2Count ? 2 : 3;
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
