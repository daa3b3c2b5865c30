/**
 * Kept sampling designs: a simulation that reads a kept design gives exactly the draws, results
 * and summary of one that draws them, for every sampling path (Latin Hypercube or Monte Carlo,
 * independent or rank-correlated, one block or many, chunked runs, per-line distributions), and
 * the cache keeps a design only on its second request, within its budget. Kept line samples and
 * per-side sums: after any sequence of line edits, a run from them gives exactly what an uncached
 * run gives, a key that misses anything a column depends on fails here, and designs, columns and
 * sums together stay within the budget, the least recently used dropped first.
 */
import type { LineItem } from "../../src/engine/distributions";
import { DesignCache } from "../../src/engine/design-cache";
import {
  type LineItemModel,
  RoiSimulation,
  type SimulationOptions,
  simulationUniforms,
  summarise,
  trialSums,
} from "../../src/engine/simulate";
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

/** A run from the cache's kept sums (null: the design is not kept yet, the run draws). */
function cachedRun(cache: DesignCache, model: LineItemModel, options: SimulationOptions): RoiSimulation {
  const simulation = new RoiSimulation(model, options, null, cache.trialSumsFor(model, options));
  simulation.run();
  return simulation;
}

/** An uncached run: it draws everything itself. */
function freshRun(model: LineItemModel, options: SimulationOptions): RoiSimulation {
  const simulation = new RoiSimulation(model, options);
  simulation.run();
  return simulation;
}

/** Both runs give the same trials and the same summary, bit for bit. */
function expectSameRun(got: RoiSimulation, expected: RoiSimulation): void {
  expectSameBits(got.results(), expected.results());
  expect(got.summary()).toEqual(expected.summary());
}

/** The model with line j (benefits, then costs) replaced by `change(line)`. */
function edit(model: LineItemModel, j: number, change: (line: LineItem) => LineItem): LineItemModel {
  const nB = model.benefits.length;
  return {
    benefits: model.benefits.map((l, i) => (i === j ? change(l) : l)),
    costs: model.costs.map((l, i) => (i + nB === j ? change(l) : l)),
  };
}

/**
 * A workbook's edits, one line at a time: a base within [low, high], a low, a high, a line's own
 * distribution set and cleared, on benefits and costs alike; every one changes the figures.
 */
const EDITS: readonly ((m: LineItemModel, o: SimulationOptions) => LineItemModel)[] = [
  (m) => edit(m, 0, (l) => ({ ...l, base: l.low + (l.high - l.low) * 0.3 })),
  (m) => edit(m, 4, (l) => ({ ...l, low: l.low * 0.95 })),
  (m) => edit(m, 2, (l) => ({ ...l, high: l.high * 1.1 })),
  (m, o) => edit(m, 5, (l) => ({ ...l, distribution: o.distribution === "Uniform" ? "PERT" : "Uniform" })),
  (m) => edit(m, 0, (l) => ({ ...l, base: l.low + (l.high - l.low) * 0.8 })),
  (m) => edit(m, 5, ({ low, base, high }) => ({ low, base, high })),
  (m) => edit(m, 6, (l) => ({ ...l, base: l.high })),
  (m) => edit(m, 1, (l) => ({ ...l, distribution: "Triangular" as const })),
];

describe("kept line samples and sums", () => {
  it.each(CASES.filter(([, o]) => o.trials <= 10_000))(
    "give the figures of an uncached run after every edit of a sequence: %s",
    (_, options) => {
      const cache = new DesignCache();
      let model: LineItemModel = MODEL;
      cachedRun(cache, model, options); // first request: drawn, nothing kept
      expectSameRun(cachedRun(cache, model, options), freshRun(model, options));
      for (const change of EDITS) {
        const before = cachedRun(cache, model, options);
        model = change(model, options);
        const after = cachedRun(cache, model, options);
        expectSameRun(after, freshRun(model, options));
        // The edit moved the trials, so a stale column or sum read here would have failed above
        // (a uniform line ignores its base: with uniform lines by default, one edit moves none).
        if (options.distribution !== "Uniform")
          expect(bytes(after.results()).equals(bytes(before.results()))).toBe(false);
      }
      // Back to a line's earlier values: its kept column (and side) serve again, unchanged.
      expectSameRun(cachedRun(cache, MODEL, options), freshRun(MODEL, options));
    },
  );

  it("sum a side per trial exactly as a run adds its lines one by one, for any number of lines", () => {
    // trialSums adds up to four columns in one pass: the additions must stay in line order.
    // Values of very different sizes, so another order would round differently.
    for (let lines = 1; lines <= 9; lines++) {
      const columns = Array.from({ length: lines }, (_, j) =>
        Float64Array.from({ length: 257 }, (_, i) => Math.sin(i * 7.1 + j) * 10 ** ((i + 3 * j) % 17)),
      );
      const oneByOne = new Float64Array(257);
      for (const column of columns) for (let i = 0; i < 257; i++) oneByOne[i] += column[i];
      expectSameBits(trialSums(columns, 257), oneByOne);
    }
  });

  it("never read a column or sum kept for anything else a line's samples depend on", () => {
    const options = CASES[2][1];
    const cache = new DesignCache();
    cachedRun(cache, MODEL, options);
    cachedRun(cache, MODEL, options);
    const swapped = (m: LineItemModel): LineItemModel => ({
      benefits: [m.benefits[1], m.benefits[0], ...m.benefits.slice(2)],
      costs: m.costs,
    });
    const moved = (m: LineItemModel): LineItemModel => ({
      benefits: m.benefits.slice(0, -1),
      costs: [m.benefits[m.benefits.length - 1], ...m.costs],
    });
    const variants: readonly [string, LineItemModel, SimulationOptions][] = [
      ["a low", edit(MODEL, 3, (l) => ({ ...l, low: l.low * 0.9 })), options],
      ["a high", edit(MODEL, 1, (l) => ({ ...l, high: l.high * 1.05 })), options],
      ["a base", edit(MODEL, 2, (l) => ({ ...l, base: (l.base + l.high) / 2 })), options],
      ["a line's distribution", edit(MODEL, 3, (l) => ({ ...l, distribution: "PERT" as const })), options],
      ["the default distribution", MODEL, { ...options, distribution: "PERT" }],
      ["the sampling", MODEL, { ...options, sampling: "MC" }],
      ["the seed", MODEL, { ...options, seed: options.seed + 1 }],
      ["the trials", MODEL, { ...options, trials: options.trials + 1 }],
      ["the matrix", MODEL, { ...options, correlation: null }],
      ["two lines' places", swapped(MODEL), options],
      ["a line's side", moved(MODEL), options],
    ];
    const original = freshRun(MODEL, options).results();
    for (const [what, model, o] of variants) {
      // Twice: the design is kept on its second request, then the columns are read.
      cachedRun(cache, model, o);
      const got = cachedRun(cache, model, o);
      const expected = freshRun(model, o);
      expect({ what, same: Buffer.compare(bytes(got.results()), bytes(expected.results())) === 0 }).toEqual({
        what,
        same: true,
      });
      expect({ what, changed: Buffer.compare(bytes(expected.results()), bytes(original)) !== 0 }).toEqual({
        what,
        changed: true,
      });
    }
  });

  it("count designs, columns and sums in one budget, the least recently used dropped first", () => {
    const options: SimulationOptions = { trials: 1_000, seed: 9, distribution: "PERT", sampling: "LHS" };
    const large = new DesignCache();
    cachedRun(large, MODEL, options);
    cachedRun(large, MODEL, options);
    // The design (a line each), every line's column and the two sides' sums.
    expect(large.heldSamples).toBe(ITEMS * 1_000 + ITEMS * 1_000 + 2 * 1_000);
    expect(large.heldEntries).toBe(1 + ITEMS + 2);
    // Room for the design, its columns and sums and two more arrays: each edit adds a column
    // and a side's sums, so older entries must go while the run stays right.
    const budget = (2 * ITEMS + 4) * 1_000;
    const cache = new DesignCache(budget);
    let model: LineItemModel = MODEL;
    cachedRun(cache, model, options);
    for (let e = 0; e < 20; e++) {
      model = edit(model, e % ITEMS, (l) => ({ ...l, base: l.low + (l.high - l.low) * (0.2 + 0.03 * e) }));
      expectSameRun(cachedRun(cache, model, options), freshRun(model, options));
      expect(cache.heldSamples).toBeLessThanOrEqual(budget);
    }
    // The design, used on every call, was never the least recently used: still kept.
    expect(cache.designFor(ITEMS, options)).toEqual(simulationUniforms(ITEMS, options));
    // The edited lines' earlier columns went first; the current ones are all kept.
    expect(cache.heldSamples).toBe(budget);
  });

  it("are not kept when the budget holds the design but not with every column and sum", () => {
    const options: SimulationOptions = { trials: 1_000, seed: 11, distribution: "PERT", sampling: "LHS" };
    const cache = new DesignCache((2 * ITEMS + 2) * 1_000 - 1);
    for (let call = 0; call < 3; call++) {
      expect(cache.trialSumsFor(MODEL, options)).toBeNull();
      expect(cache.designFor(ITEMS, options)).toEqual(call === 0 ? null : simulationUniforms(ITEMS, options));
    }
    // The design alone, kept and never dropped for columns it could not hold beside it.
    expect(cache.heldEntries).toBe(1);
    expect(cache.heldSamples).toBe(ITEMS * 1_000);
  });

  it("are not kept while the design is not", () => {
    const options: SimulationOptions = { trials: 1_000, seed: 10, distribution: "PERT", sampling: "LHS" };
    const cache = new DesignCache();
    expect(cache.trialSumsFor(MODEL, options)).toBeNull();
    expect(cache.heldSamples).toBe(0);
    const small = new DesignCache(ITEMS * 1_000 - 1);
    small.trialSumsFor(MODEL, options);
    expect(small.trialSumsFor(MODEL, options)).toBeNull();
    expect(small.heldSamples).toBe(0);
  });
});

describe("the summary's figures gathered by the ROI pass", () => {
  it.each(CASES.filter(([, o]) => o.trials <= 10_000))(
    "equal the summary's own passes over the trials: %s",
    (_, options) => {
      const run = freshRun(MODEL, options);
      const own = summarise(run.results());
      const gathered = run.summary();
      expect(gathered.mean).toBe(own.mean);
      expect(gathered.probabilityOfLoss).toBe(own.probabilityOfLoss);
      expect(gathered.lossInterval).toEqual(own.lossInterval);
      expect([gathered.p5, gathered.p10, gathered.p50, gathered.p90, gathered.p95]).toEqual([
        own.p5,
        own.p10,
        own.p50,
        own.p90,
        own.p95,
      ]);
      expect(gathered.percentileIntervals).toEqual(own.percentileIntervals);
      if (options.sampling === "MC") expect(gathered).toEqual(own);
    },
  );
});

function bytes(a: Float64Array): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}
