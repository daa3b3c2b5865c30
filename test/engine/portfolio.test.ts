import fc from "fast-check";
import {
  DEFAULT_WEIGHTS,
  gate,
  gateFailures,
  type GateMetrics,
  type PocCandidate,
  quadrant,
  quadrantScore,
  quadrantScores,
  rankDescending,
  recommendPocs,
  SEED_GATE_THRESHOLDS,
} from "../../src/engine/portfolio";

const score = fc.double({ min: 1, max: 5, noNaN: true });
const weight = fc.double({ min: 0, max: 10, noNaN: true });
const weights = fc.tuple(weight, weight, weight, weight).filter((w) => w[0] + w[1] + w[2] + w[3] > 1e-6);

describe("Quadrant score", () => {
  it("is 100 for the best case (all 5s, complexity 1) and 0 for the worst (all 1s, complexity 5)", () => {
    expect(quadrantScore(5, 1, 5, 5)).toBeCloseTo(100, 12);
    expect(quadrantScore(1, 5, 1, 1)).toBeCloseTo(0, 12);
  });

  it("weights impact, complexity, learning value and time window 0.40 / 0.30 / 0.15 / 0.15", () => {
    expect(DEFAULT_WEIGHTS).toEqual([0.4, 0.3, 0.15, 0.15]);
    // g = 0.75, 0.75 (complexity 2 counts inversely), 0.5, 1:
    // 100 × (0.4·0.75 + 0.3·0.75 + 0.15·0.5 + 0.15·1) = 75
    expect(quadrantScore(4, 2, 3, 5)).toBeCloseTo(75, 12);
    // only impact high: 100 × 0.4
    expect(quadrantScore(5, 5, 1, 1)).toBeCloseTo(40, 12);
    // only complexity easiest: 100 × 0.3
    expect(quadrantScore(1, 1, 1, 1)).toBeCloseTo(30, 12);
    expect(quadrantScore(3, 3, 3, 3)).toBeCloseTo(50, 12);
  });

  it("normalises the weights: [2, 1.5, 0.75, 0.75] scores like the defaults", () => {
    fc.assert(
      fc.property(score, score, score, score, (i, c, l, t) => {
        expect(quadrantScore(i, c, l, t, [2, 1.5, 0.75, 0.75])).toBeCloseTo(quadrantScore(i, c, l, t), 10);
      }),
    );
  });

  it("quadrant score is between 0 and 100", () => {
    fc.assert(
      fc.property(score, score, score, score, weights, (i, c, l, t, w) => {
        const s = quadrantScore(i, c, l, t, w);
        expect(s).toBeGreaterThanOrEqual(-1e-9);
        expect(s).toBeLessThanOrEqual(100 + 1e-9);
      }),
    );
  });

  it("score never falls when impact rises, and never rises when complexity rises", () => {
    fc.assert(
      fc.property(
        score,
        score,
        score,
        score,
        weights,
        fc.double({ min: 0, max: 4, noNaN: true }),
        (i, c, l, t, w, d) => {
          const higherImpact = Math.min(5, i + d);
          const harder = Math.min(5, c + d);
          expect(quadrantScore(higherImpact, c, l, t, w)).toBeGreaterThanOrEqual(
            quadrantScore(i, c, l, t, w) - 1e-9,
          );
          expect(quadrantScore(i, harder, l, t, w)).toBeLessThanOrEqual(quadrantScore(i, c, l, t, w) + 1e-9);
        },
      ),
    );
  });

  it("scores a whole column like row-by-row scoring", () => {
    const row = fc.tuple(score, score, score, score);
    fc.assert(
      fc.property(fc.array(row, { maxLength: 50 }), weights, (rows, w) => {
        const column = (k: number): Float64Array => Float64Array.from(rows, (r) => r[k]);
        const out = quadrantScores(column(0), column(1), column(2), column(3), w);
        expect(out.length).toBe(rows.length);
        rows.forEach((r, n) => expect(out[n]).toBeCloseTo(quadrantScore(r[0], r[1], r[2], r[3], w), 9));
      }),
    );
  });
});

describe("Quadrant label", () => {
  it("splits at the threshold 3: high means strictly above", () => {
    expect(quadrant(4, 2)).toBe("Quick Win");
    expect(quadrant(4, 4)).toBe("Strategic Bet");
    expect(quadrant(2, 2)).toBe("Fill-in");
    expect(quadrant(2, 4)).toBe("Deprioritize");
  });

  it("counts a score exactly at the threshold as low, and just above it as high", () => {
    expect(quadrant(3, 3)).toBe("Fill-in");
    expect(quadrant(3.01, 3)).toBe("Quick Win");
    expect(quadrant(3.01, 3.01)).toBe("Strategic Bet");
    expect(quadrant(3, 3.01)).toBe("Deprioritize");
    expect(quadrant(5, 3)).toBe("Quick Win");
    expect(quadrant(3, 1)).toBe("Fill-in");
  });

  it("follows a custom threshold", () => {
    expect(quadrant(3, 3, 2.5)).toBe("Strategic Bet");
    expect(quadrant(3, 2.5, 2.5)).toBe("Quick Win");
    expect(quadrant(4, 4, 4)).toBe("Fill-in");
  });
});

describe("Rank (descending, ties share: 1224)", () => {
  it("gives 1, 2, 2, 4 for 9, 7, 7, 3", () => {
    expect(rankDescending([9, 7, 7, 3])).toEqual([1, 2, 2, 4]);
  });

  it("keeps the input order of the rows", () => {
    expect(rankDescending([10, 20, 20, 5])).toEqual([3, 1, 1, 4]);
    expect(rankDescending([5, 5, 5])).toEqual([1, 1, 1]);
    expect(rankDescending([])).toEqual([]);
  });

  it('equals the portable formula COUNTIF(range, ">"&x) + 1', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 40 }), (values) => {
        const countIf = values.map((x) => values.filter((v) => v > x).length + 1);
        expect(rankDescending(values)).toEqual(countIf);
      }),
    );
  });
});

describe("Recommended PoCs (1–2 Quick Wins plus 1 Strategic Bet)", () => {
  it("picks the top 2 Quick Wins and the top Strategic Bet, nothing else", () => {
    const candidates: PocCandidate[] = [
      { score: 80, quadrant: "Quick Win" },
      { score: 70, quadrant: "Quick Win" },
      { score: 60, quadrant: "Quick Win" },
      { score: 75, quadrant: "Strategic Bet" },
      { score: 65, quadrant: "Strategic Bet" },
      { score: 90, quadrant: "Fill-in" },
      { score: 95, quadrant: "Deprioritize" },
    ];
    expect(recommendPocs(candidates)).toEqual([true, true, false, true, false, false, false]);
  });

  it("picks both candidates tied at the cut-off", () => {
    const candidates: PocCandidate[] = [
      { score: 70, quadrant: "Quick Win" },
      { score: 80, quadrant: "Quick Win" },
      { score: 70, quadrant: "Quick Win" },
      { score: 60, quadrant: "Quick Win" },
      { score: 50, quadrant: "Strategic Bet" },
      { score: 50, quadrant: "Strategic Bet" },
      { score: 40, quadrant: "Strategic Bet" },
    ];
    expect(recommendPocs(candidates)).toEqual([true, true, true, false, true, true, false]);
  });

  it("follows custom pick counts, and picks nothing from a quadrant with a quota of 0", () => {
    const candidates: PocCandidate[] = [
      { score: 80, quadrant: "Quick Win" },
      { score: 70, quadrant: "Quick Win" },
      { score: 75, quadrant: "Strategic Bet" },
    ];
    expect(recommendPocs(candidates, { quickWins: 1, strategicBets: 0 })).toEqual([true, false, false]);
  });
});

describe("Week-8 gate", () => {
  const passing: GateMetrics = {
    quality: 0.95,
    p95LatencySeconds: 2,
    hallucinationRate: 0.01,
    timeSaved: 0.5,
    adoptionIntent: 0.8,
  };

  it("uses the seed's criteria", () => {
    expect(SEED_GATE_THRESHOLDS).toEqual({
      quality: 0.9,
      p95LatencySeconds: 3,
      hallucinationRate: 0.05,
      timeSaved: 0.4,
      adoptionIntent: 0.7,
    });
  });

  it("scales when all five pass, including quality exactly 0.90 and time saved exactly 0.40", () => {
    expect(gate(passing)).toBe("Scale");
    expect(gate({ ...passing, quality: 0.9, timeSaved: 0.4 })).toBe("Scale");
    expect(
      gate({ ...passing, p95LatencySeconds: 2.999, hallucinationRate: 0.0499, adoptionIntent: 0.7001 }),
    ).toBe("Scale");
  });

  it("fails latency exactly 3 s, hallucination exactly 0.05 and intent exactly 0.70", () => {
    expect(gateFailures({ ...passing, p95LatencySeconds: 3 })).toBe(1);
    expect(gateFailures({ ...passing, hallucinationRate: 0.05 })).toBe(1);
    expect(gateFailures({ ...passing, adoptionIntent: 0.7 })).toBe(1);
    expect(gateFailures({ ...passing, quality: 0.8999 })).toBe(1);
    expect(gateFailures({ ...passing, timeSaved: 0.3999 })).toBe(1);
  });

  it("iterates with 1 or 2 failures and stops with 3 or more", () => {
    expect(gate({ ...passing, p95LatencySeconds: 3 })).toBe("Iterate");
    expect(gate({ ...passing, p95LatencySeconds: 3, hallucinationRate: 0.05 })).toBe("Iterate");
    expect(gate({ ...passing, p95LatencySeconds: 3, hallucinationRate: 0.05, adoptionIntent: 0.7 })).toBe(
      "Stop",
    );
    expect(
      gate({ quality: 0, p95LatencySeconds: 10, hallucinationRate: 1, timeSaved: 0, adoptionIntent: 0 }),
    ).toBe("Stop");
  });

  it("counts a NaN metric as a failure", () => {
    expect(gateFailures({ ...passing, quality: NaN })).toBe(1);
  });

  it("follows custom thresholds", () => {
    const strict = { ...SEED_GATE_THRESHOLDS, quality: 0.99 };
    expect(gate(passing, strict)).toBe("Iterate");
  });
});
