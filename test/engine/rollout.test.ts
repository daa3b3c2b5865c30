import fc from "fast-check";
import {
  adoption,
  DEFAULT_WAVE1_COUNT,
  defaultWave2Count,
  ReadinessOrder,
  readinessPlaces,
  trainingHours,
  wave,
  waves,
} from "../../src/engine/rollout";

describe("Adoption S-curve (smoothstep)", () => {
  it("is 0 before the start month and at the start", () => {
    expect(adoption(2, 3, 6)).toBe(0);
    expect(adoption(-100, 3, 6, 0.8)).toBe(0);
    expect(adoption(3, 3, 6, 0.8)).toBe(0);
  });

  it("reaches the target at start + ramp and stays there", () => {
    expect(adoption(9, 3, 6, 0.8)).toBeCloseTo(0.8, 15);
    expect(adoption(30, 3, 6, 0.8)).toBeCloseTo(0.8, 15);
  });

  it("is half the target at the midpoint and x²(3 − 2x) elsewhere", () => {
    expect(adoption(6, 3, 6, 0.8)).toBeCloseTo(0.4, 15);
    // x = 0.25: 0.0625 × 2.5 = 0.15625
    expect(adoption(4.5, 3, 6)).toBeCloseTo(0.15625, 15);
    // x = 0.75: 0.5625 × 1.5 = 0.84375
    expect(adoption(7.5, 3, 6)).toBeCloseTo(0.84375, 15);
  });

  it("defaults the target to 1", () => {
    expect(adoption(12, 0, 5)).toBe(1);
  });

  it("is a step at the start month when the ramp is 0", () => {
    expect(adoption(2.999, 3, 0, 0.6)).toBe(0);
    expect(adoption(3, 3, 0, 0.6)).toBe(0.6);
    expect(adoption(4, 3, 0, 0.6)).toBe(0.6);
  });

  it("never falls as months pass and stays within [0, target]", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -10, max: 50, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.double({ min: 0, max: 24, noNaN: true }),
        fc.double({ min: 0, max: 24, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (month, later, start, ramp, target) => {
          const now = adoption(month, start, ramp, target);
          expect(adoption(month + later, start, ramp, target)).toBeGreaterThanOrEqual(now - 1e-12);
          expect(now).toBeGreaterThanOrEqual(0);
          expect(now).toBeLessThanOrEqual(target + 1e-12);
        },
      ),
    );
  });

  it("is point-symmetric about the midpoint: a(mid − d) + a(mid + d) = target", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 24, noNaN: true }),
        fc.double({ min: 0.5, max: 24, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (start, ramp, share) => {
          const mid = start + ramp / 2;
          const d = (share * ramp) / 2;
          expect(adoption(mid - d, start, ramp) + adoption(mid + d, start, ramp)).toBeCloseTo(1, 9);
        },
      ),
    );
  });
});

describe("Wave assignment", () => {
  it("puts the wave-1 count of most ready units in wave 1, by default 3", () => {
    expect(DEFAULT_WAVE1_COUNT).toBe(3);
    const readiness = [9, 8, 7, 6, 5, 4, 3];
    const w2 = defaultWave2Count(readiness.length, 3); // ceil(4 / 2) = 2
    expect(waves(readiness, 3, w2)).toEqual([1, 1, 1, 2, 2, 3, 3]);
    expect(readiness.map((r) => wave(r, readiness, 3, w2))).toEqual([1, 1, 1, 2, 2, 3, 3]);
  });

  it("breaks ties in readiness by list order, so wave 1 holds exactly its count", () => {
    // Six departments scored alike on 1–5 readiness: wave 1 holds three, not all six.
    expect(waves([4, 4, 4, 4, 4, 4], 3, 2)).toEqual([1, 1, 1, 2, 2, 3]);
    const readiness = [5, 4, 4, 3, 2, 1];
    // places 1, 2, 3, 4, 5, 6: the first-listed 4 takes the last wave-1 place
    expect(waves(readiness, 2, 2)).toEqual([1, 1, 2, 2, 3, 3]);
    expect(waves(readiness, 1, 1)).toEqual([1, 2, 3, 3, 3, 3]);
    expect(Array.from(readinessPlaces([2, 7, 2, 7]))).toEqual([3, 1, 4, 2]);
  });

  it("places a single value first among equal readiness (it has no place in the list)", () => {
    const order = new ReadinessOrder([5, 4, 4, 3]);
    expect([6, 5, 4, 3.5, 3, 0].map((r) => order.placeOf(r))).toEqual([1, 1, 2, 4, 4, 5]);
    expect(wave(4, [5, 4, 4, 3], 2, 1)).toBe(1);
  });

  it("sizes wave 2 by default as half of the rest, rounded up: ceil((n − w1) / 2)", () => {
    expect(defaultWave2Count(10, 3)).toBe(4);
    expect(defaultWave2Count(9, 3)).toBe(3);
    expect(defaultWave2Count(4, 3)).toBe(1);
    expect(defaultWave2Count(3, 3)).toBe(0);
    expect(defaultWave2Count(2, 3)).toBe(0);
  });

  it("holds every wave within its count: wave 1 exactly min(w1, n), wave 2 exactly min(w2, n − w1)", () => {
    fc.assert(
      fc.property(
        // 1–5 scores averaged and rounded as on the Rollout sheet: ties are the common case
        fc.array(
          fc.integer({ min: 3, max: 15 }).map((sum) => Math.round((sum / 3) * 100) / 100),
          {
            minLength: 1,
            maxLength: 60,
          },
        ),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 20 }),
        (readiness, w1, w2) => {
          const n = readiness.length;
          const result = waves(readiness, w1, w2);
          const count = (w: number): number => result.filter((x) => x === w).length;
          expect(count(1)).toBe(Math.min(w1, n));
          expect(count(2)).toBe(Math.min(w2, Math.max(0, n - w1)));
          expect(count(3)).toBe(Math.max(0, n - w1 - w2));
        },
      ),
    );
  });

  it("never puts a less ready unit in an earlier wave, and among equals keeps list order", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 0, max: 10 }),
        (readiness, w1, w2) => {
          const result = waves(readiness, w1, w2);
          readiness.forEach((a, i) =>
            readiness.forEach((b, j) => {
              if (a > b) expect(result[i]).toBeLessThanOrEqual(result[j]);
              if (a === b && i < j) expect(result[i]).toBeLessThanOrEqual(result[j]);
            }),
          );
        },
      ),
    );
  });

  it("places each unit as a pairwise count would: 1 + more ready + equally ready listed before", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 40 }), (readiness) => {
        const places = Array.from(readinessPlaces(readiness));
        const pairwise = readiness.map(
          (r, i) => 1 + readiness.filter((o, j) => o > r || (o === r && j < i)).length,
        );
        expect(places).toEqual(pairwise);
      }),
    );
  });
});

describe("Training hours (three-tier talent model)", () => {
  it("gives every user 12 h and 12% champions 60 h more: 1,920 h for 100 staff", () => {
    expect(trainingHours(100)).toBeCloseTo(1_920, 9);
    expect(trainingHours(100, 8, 0.1, 40)).toBeCloseTo(1_200, 9);
  });
});
