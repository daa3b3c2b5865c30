/**
 * Kept sampling designs: a simulation that reads a kept design gives exactly the draws, results
 * and summary of one that draws them, for every sampling path (Latin Hypercube or Monte Carlo,
 * independent or rank-correlated, one block or many, chunked runs, per-line distributions), and
 * the cache keeps a design only on its second request, within its budget.
 */
import { DesignCache } from "../../src/engine/design-cache";
import { RoiSimulation, type SimulationOptions, simulationUniforms } from "../../src/engine/simulate";
import { SIMULATE_ROI } from "../../src/functions/functions";
import "../../src/host/custom-functions-shim";
import { SEED_STRESS_MODEL } from "./seed-example";

/** The same doubles, bit for bit (and fast on 700,000 of them). */
function expectSameBits(a: Float64Array, b: Float64Array): void {
  expect(a.length).toBe(b.length);
  expect(
    Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(
      Buffer.from(b.buffer, b.byteOffset, b.byteLength),
    ),
  ).toBe(true);
}

const ITEMS = SEED_STRESS_MODEL.benefits.length + SEED_STRESS_MODEL.costs.length;

/** A 7×7 rank-correlation matrix: benefits 0.5 with each other, the first cost 0.3 with them. */
function correlation(): number[][] {
  return Array.from({ length: ITEMS }, (_, i) =>
    Array.from({ length: ITEMS }, (__, j) => {
      if (i === j) return 1;
      if (i < 3 && j < 3) return 0.5;
      if ((i < 3 && j === 3) || (i === 3 && j < 3)) return 0.3;
      return 0;
    }),
  );
}

const CASES: readonly [string, SimulationOptions][] = [
  ["LHS, independent, 10,000 trials", { trials: 10_000, seed: 1, distribution: "PERT", sampling: "LHS" }],
  ["MC, independent, 10,000 trials", { trials: 10_000, seed: 7, distribution: "PERT", sampling: "MC" }],
  [
    "LHS, correlated, 10,000 trials",
    { trials: 10_000, seed: 3, distribution: "Triangular", sampling: "LHS", correlation: correlation() },
  ],
  [
    "MC, correlated, 1,237 trials",
    { trials: 1_237, seed: 11, distribution: "PERT", sampling: "MC", correlation: correlation() },
  ],
  ["LHS, fewer trials than blocks", { trials: 7, seed: 5, distribution: "Uniform", sampling: "LHS" }],
  ["LHS, blocks over 65,536 trials", { trials: 700_001, seed: 2, distribution: "PERT", sampling: "LHS" }],
];

/** The seed model with a distribution of its own on two lines. */
const MODEL = {
  benefits: SEED_STRESS_MODEL.benefits.map((b, i) =>
    i === 1 ? { ...b, distribution: "Uniform" as const } : b,
  ),
  costs: SEED_STRESS_MODEL.costs.map((c, i) => (i === 0 ? { ...c, distribution: "Triangular" as const } : c)),
};

describe("a simulation reading a kept sampling design", () => {
  it.each(CASES)("gives the same trials and summary as drawing them: %s", (_, options) => {
    const drawn = new RoiSimulation(MODEL, options);
    drawn.run();
    const read = new RoiSimulation(MODEL, options, simulationUniforms(ITEMS, options));
    read.run();
    expectSameBits(read.results(), drawn.results());
    expect(read.summary()).toEqual(drawn.summary());
    expect(read.correlation).toEqual(drawn.correlation);
  });

  it("gives the same figures when run in chunks", () => {
    const options = CASES[2][1];
    const whole = new RoiSimulation(MODEL, options);
    whole.run();
    const chunked = new RoiSimulation(MODEL, options, simulationUniforms(ITEMS, options));
    while (!chunked.done) chunked.run(chunked.completedTrials + 1_234);
    expectSameBits(chunked.results(), whole.results());
    expect(chunked.summary()).toEqual(whole.summary());
  });

  it("refuses a design that does not fit the run", () => {
    const options = CASES[0][1];
    expect(() => new RoiSimulation(MODEL, options, simulationUniforms(ITEMS - 1, options))).toThrow(
      /does not fit/,
    );
    expect(
      () => new RoiSimulation(MODEL, options, simulationUniforms(ITEMS, { ...options, trials: 9_999 })),
    ).toThrow(/does not fit/);
  });
});

describe("DesignCache", () => {
  const options: SimulationOptions = { trials: 1_000, seed: 1, distribution: "PERT", sampling: "LHS" };

  it("keeps a design on its second request and hands it out after", () => {
    const cache = new DesignCache();
    expect(cache.designFor(ITEMS, options)).toBeNull();
    const design = cache.designFor(ITEMS, options);
    expect(design).toEqual(simulationUniforms(ITEMS, options));
    expect(cache.designFor(ITEMS, options)).toBe(design);
    expect(cache.heldSamples).toBe(ITEMS * 1_000);
  });

  it("tells designs apart by items, trials, seed, sampling and matrix, not by line values", () => {
    const cache = new DesignCache();
    const variants: SimulationOptions[] = [
      options,
      { ...options, seed: 2 },
      { ...options, trials: 1_001 },
      { ...options, sampling: "MC" },
      { ...options, correlation: correlation() },
    ];
    for (const v of variants) cache.designFor(ITEMS, v);
    for (const v of variants) expect(cache.designFor(ITEMS, v)).toEqual(simulationUniforms(ITEMS, v));
    cache.designFor(ITEMS - 1, options);
    expect(cache.designFor(ITEMS - 1, options)).toEqual(simulationUniforms(ITEMS - 1, options));
  });

  it("stays within its budget, dropping the least recently used design first", () => {
    const cache = new DesignCache(ITEMS * 2_500);
    const a = { ...options, seed: 1 };
    const b = { ...options, seed: 2 };
    const c = { ...options, seed: 3 };
    for (const o of [a, a, b, b]) cache.designFor(ITEMS, o);
    cache.designFor(ITEMS, a); // a is now the most recently used
    cache.designFor(ITEMS, c);
    cache.designFor(ITEMS, c); // keeping c drops b
    expect(cache.heldSamples).toBe(ITEMS * 2_000);
    const kept = cache.designFor(ITEMS, a);
    expect(kept).not.toBeNull();
    // b was dropped: asked for again, it is drawn anew and kept, dropping the oldest (a).
    expect(cache.designFor(ITEMS, b)).toEqual(simulationUniforms(ITEMS, b));
    expect(cache.heldSamples).toBeLessThanOrEqual(ITEMS * 2_500);
  });

  it("never keeps a design larger than its budget", () => {
    const cache = new DesignCache(100);
    expect(cache.designFor(ITEMS, options)).toBeNull();
    expect(cache.designFor(ITEMS, options)).toBeNull();
    expect(cache.heldSamples).toBe(0);
  });
});

describe("SIMULATE_ROI recalculated", () => {
  const range = (items: readonly { low: number; base: number; high: number }[]) =>
    items.map((i) => [i.low, i.base, i.high]);

  it("spills the same figures on every recalculation, and follows an edited line", () => {
    const benefits = range(SEED_STRESS_MODEL.benefits);
    const costs = range(SEED_STRESS_MODEL.costs);
    // The first call draws, the second keeps the design, the third reads it.
    const calls = [1, 2, 3].map(() => SIMULATE_ROI(benefits, costs, 5_000, 42, "PERT"));
    expect(calls[1]).toEqual(calls[0]);
    expect(calls[2]).toEqual(calls[0]);
    // A line's base edited: the kept design serves it, and the figures are those of a fresh run.
    const edited = benefits.map((row, i) => (i === 0 ? [row[0], row[1] * 1.1, row[2] * 1.1] : row));
    const after = SIMULATE_ROI(edited, costs, 5_000, 42, "PERT");
    const fresh = new RoiSimulation(
      {
        benefits: edited.map(([low, base, high]) => ({ low, base, high })),
        costs: SEED_STRESS_MODEL.costs,
      },
      { trials: 5_000, seed: 42, distribution: "PERT", sampling: "LHS" },
    );
    fresh.run();
    expect(after[0][1]).toBe(fresh.summary().mean);
    expect(after).not.toEqual(calls[0]);
  });
});
