/**
 * The draws behind a simulation: Latin Hypercube stratification, Iman-Conover rank correlation
 * (its target reached, the marginals untouched), and what correlation does to ROI's spread.
 */
import { quantileTable } from "../../src/engine/distributions";
import {
  blockSizes,
  type LineItemModel,
  RoiSimulation,
  type SimulationOptions,
  simulationUniforms,
} from "../../src/engine/simulate";
import { percentileSorted } from "../../src/engine/statistics";
import { SEED_STRESS_MODEL } from "./seed-example";

/** Spearman's rank correlation of two samples without ties: Pearson's on their ranks. */
function spearman(x: Float64Array, y: Float64Array): number {
  const ranks = (v: Float64Array): Float64Array => {
    const order = Array.from(v.keys()).sort((a, b) => v[a] - v[b]);
    const r = new Float64Array(v.length);
    order.forEach((i, k) => (r[i] = k));
    return r;
  };
  const a = ranks(x);
  const b = ranks(y);
  const n = x.length;
  const mean = (n - 1) / 2;
  let sab = 0;
  let saa = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i] - mean) * (b[i] - mean);
    saa += (a[i] - mean) ** 2;
  }
  return sab / saa;
}

/** Seven seed lines: benefits move together through adoption, costs a little, across weakly. */
function seedCorrelation(): number[][] {
  const k = 7;
  return Array.from({ length: k }, (_, i) =>
    Array.from({ length: k }, (__, j) => {
      if (i === j) return 1;
      if (i < 3 && j < 3) return 0.6;
      if (i >= 3 && j >= 3) return 0.3;
      return -0.2;
    }),
  );
}

describe("Latin Hypercube sampling", () => {
  it("splits trials into at least ten replicate blocks of near-equal size, in order", () => {
    expect(blockSizes(10_000)).toEqual(new Array(10).fill(1_000));
    expect(blockSizes(25)).toEqual([3, 3, 3, 3, 3, 2, 2, 2, 2, 2]);
    expect(blockSizes(3)).toEqual([1, 1, 1]);
    const big = blockSizes(1_000_000);
    expect(big.reduce((s, m) => s + m, 0)).toBe(1_000_000);
    expect(Math.max(...big)).toBeLessThanOrEqual(65_536);
  });

  it("keeps a correlated run's blocks large enough for Iman-Conover", () => {
    // Latin Hypercube: ten replicates of at least 100 trials, else one block.
    expect(blockSizes(1_000, "LHS")).toEqual(new Array(10).fill(100));
    expect(blockSizes(10_000, "LHS")).toEqual(blockSizes(10_000));
    expect(blockSizes(999, "LHS")).toEqual([999]);
    expect(blockSizes(25, "LHS")).toEqual([25]);
    // Plain Monte Carlo needs no replicates: the fewest blocks the largest block allows.
    expect(blockSizes(10_000, "MC")).toEqual([10_000]);
    expect(blockSizes(200_000, "MC")).toEqual([50_000, 50_000, 50_000, 50_000]);
    expect(blockSizes(0, "MC")).toEqual([]);
  });

  it("draws every line item exactly once in each of a block's m strata", () => {
    for (const correlation of [null, seedCorrelation()]) {
      const u = simulationUniforms(7, { trials: 5_000, seed: 9, distribution: "PERT", correlation });
      let start = 0;
      for (const m of blockSizes(5_000)) {
        for (const item of u) {
          const strata = Array.from(item.subarray(start, start + m), (x) => Math.floor(x * m)).sort(
            (a, b) => a - b,
          );
          expect(strata).toEqual(Array.from({ length: m }, (_, i) => i));
        }
        start += m;
      }
    }
  });

  it("gives the same draws for the same seed, and different ones for another", () => {
    const o: SimulationOptions = {
      trials: 2_000,
      seed: 4,
      distribution: "PERT",
      correlation: seedCorrelation(),
    };
    expect(simulationUniforms(7, o)).toEqual(simulationUniforms(7, o));
    expect(simulationUniforms(7, { ...o, seed: 5 })[0]).not.toEqual(simulationUniforms(7, o)[0]);
  });

  it("computes every trial's ROI from exactly these draws", () => {
    const options: SimulationOptions = {
      trials: 3_000,
      seed: 2,
      distribution: "Triangular",
      correlation: seedCorrelation(),
    };
    const u = simulationUniforms(7, options);
    const items = [...SEED_STRESS_MODEL.benefits, ...SEED_STRESS_MODEL.costs];
    const tables = items.map((item) => quantileTable(item, "Triangular"));
    const sample = (j: number, t: number): number => {
      const x = u[j][t] * 4096;
      const i = Math.floor(x);
      return tables[j][i] + (x - i) * (tables[j][i + 1] - tables[j][i]);
    };
    const simulation = new RoiSimulation(SEED_STRESS_MODEL, options);
    simulation.run();
    const roi = simulation.results();
    for (let t = 0; t < options.trials; t += 97) {
      let b = 0;
      let c = 0;
      for (let j = 0; j < 3; j++) b += sample(j, t);
      for (let j = 3; j < 7; j++) c += sample(j, t);
      expect(roi[t]).toBeCloseTo((b - c) / c, 12);
    }
  });

  it("draws, on every path (independent or correlated, Latin Hypercube or Monte Carlo), bit for bit the ROI that simulationUniforms' draws give", () => {
    // The shareable copy recomputes each trial from simulationUniforms; the simulation's own
    // paths (draws read straight into the sums, in blocks, with per-line shapes) must agree to
    // the last bit, whatever the block sizes (17 trials: blocks of 2 and 1; 25,001: uneven).
    const model: LineItemModel = {
      benefits: SEED_STRESS_MODEL.benefits.map((item, j) =>
        j === 1 ? { ...item, distribution: "Uniform" } : item,
      ),
      costs: SEED_STRESS_MODEL.costs.map((item, j) =>
        j === 2 ? { ...item, distribution: "Triangular" } : item,
      ),
    };
    const items = [...model.benefits, ...model.costs];
    const tables = items.map((item) => quantileTable(item, item.distribution ?? "PERT"));
    for (const trials of [17, 25_001])
      for (const sampling of ["LHS", "MC"] as const)
        for (const correlation of [null, seedCorrelation()]) {
          const options: SimulationOptions = {
            trials,
            seed: 11,
            distribution: "PERT",
            sampling,
            correlation,
          };
          const u = simulationUniforms(7, options);
          const simulation = new RoiSimulation(model, options);
          simulation.run();
          const roi = simulation.results();
          let mismatches = 0;
          for (let t = 0; t < trials; t++) {
            let b = 0;
            let c = 0;
            for (let j = 0; j < 7; j++) {
              const x = u[j][t] * 4096;
              const i = x | 0;
              const draw = tables[j][i] + (x - i) * (tables[j][i + 1] - tables[j][i]);
              if (j < 3) b += draw;
              else c += draw;
            }
            if (!Object.is(roi[t], (b - c) / c)) mismatches++;
          }
          expect({ trials, sampling, correlated: correlation !== null, mismatches }).toEqual({
            trials,
            sampling,
            correlated: correlation !== null,
            mismatches: 0,
          });
        }
  });

  it("estimates the mean far more precisely than plain Monte Carlo on the seed model (standard error over many seeds)", () => {
    // The true sampling spread of the mean, measured over 40 seeds, not the engine's own estimate.
    const spread = (sampling: "LHS" | "MC"): number => {
      const means = Array.from({ length: 40 }, (_, seed) => {
        const s = new RoiSimulation(SEED_STRESS_MODEL, {
          trials: 2_000,
          seed,
          distribution: "PERT",
          sampling,
        });
        s.run();
        return s.summary().mean;
      });
      const m = means.reduce((a, b) => a + b, 0) / means.length;
      return Math.sqrt(means.reduce((a, b) => a + (b - m) ** 2, 0) / (means.length - 1));
    };
    expect(spread("LHS")).toBeLessThan(spread("MC") / 5);
  });

  it("states a standard error of the mean that matches the spread over seeds (within a factor of 2)", () => {
    for (const sampling of ["LHS", "MC"] as const) {
      const runs = Array.from({ length: 30 }, (_, seed) => {
        const s = new RoiSimulation(SEED_STRESS_MODEL, {
          trials: 2_000,
          seed,
          distribution: "PERT",
          sampling,
        });
        s.run();
        return s.summary();
      });
      const means = runs.map((r) => r.mean);
      const m = means.reduce((a, b) => a + b, 0) / means.length;
      const actual = Math.sqrt(means.reduce((a, b) => a + (b - m) ** 2, 0) / (means.length - 1));
      const stated = Math.sqrt(runs.reduce((a, r) => a + r.standardError ** 2, 0) / runs.length);
      expect(stated / actual).toBeGreaterThan(0.5);
      expect(stated / actual).toBeLessThan(2);
    }
  });
});

describe("Iman-Conover rank correlation", () => {
  it("reaches every target Spearman correlation within 0.02 at 10,000 trials (LHS and MC)", () => {
    const target = seedCorrelation();
    for (const sampling of ["LHS", "MC"] as const) {
      const u = simulationUniforms(7, {
        trials: 10_000,
        seed: 1,
        distribution: "PERT",
        sampling,
        correlation: target,
      });
      for (let i = 0; i < 7; i++)
        for (let j = i + 1; j < 7; j++)
          expect(Math.abs(spearman(u[i], u[j]) - target[i][j])).toBeLessThan(0.02);
    }
  });

  it("reaches the target with few trials too: Iman-Conover pairs draws in blocks of at least 100", () => {
    // Paired within ten replicate blocks, 100 trials gave 0.78, −0.57, −0.37 (LHS) and 0.65,
    // −0.48, −0.32 (MC) on average for these targets, 20 trials next to nothing for the negative
    // pairs: the pooled run's ranks mix blocks each reordered on its own.
    const target = [
      [1, 0.8, -0.6],
      [0.8, 1, -0.4],
      [-0.6, -0.4, 1],
    ];
    const seeds = 40;
    for (const trials of [20, 100, 500])
      for (const sampling of ["LHS", "MC"] as const) {
        const mean = [0, 0, 0];
        for (let seed = 1; seed <= seeds; seed++) {
          const u = simulationUniforms(3, {
            trials,
            seed,
            distribution: "PERT",
            sampling,
            correlation: target,
          });
          mean[0] += spearman(u[0], u[1]) / seeds;
          mean[1] += spearman(u[0], u[2]) / seeds;
          mean[2] += spearman(u[1], u[2]) / seeds;
        }
        expect([trials, sampling, ...mean.map((m, i) => Math.abs(m - [0.8, -0.6, -0.4][i]) < 0.02)]).toEqual([
          trials,
          sampling,
          true,
          true,
          true,
        ]);
      }
  });

  it("reaches strong and negative targets too (0.9, −0.7) within 0.02", () => {
    const target = [
      [1, 0.9, -0.7],
      [0.9, 1, -0.6],
      [-0.7, -0.6, 1],
    ];
    const u = simulationUniforms(3, { trials: 10_000, seed: 3, distribution: "PERT", correlation: target });
    expect(Math.abs(spearman(u[0], u[1]) - 0.9)).toBeLessThan(0.02);
    expect(Math.abs(spearman(u[0], u[2]) + 0.7)).toBeLessThan(0.02);
    expect(Math.abs(spearman(u[1], u[2]) + 0.6)).toBeLessThan(0.02);
  });

  it("leaves each line item's marginal as it was: percentiles within Monte Carlo error of the uncorrelated run", () => {
    const model: LineItemModel = SEED_STRESS_MODEL;
    const items = [...model.benefits, ...model.costs];
    const base: SimulationOptions = { trials: 10_000, seed: 6, distribution: "PERT" };
    for (const sampling of ["LHS", "MC"] as const) {
      const free = simulationUniforms(7, { ...base, sampling });
      const tied = simulationUniforms(7, { ...base, sampling, correlation: seedCorrelation() });
      items.forEach((item, j) => {
        const table = quantileTable(item, "PERT");
        const at = (u: Float64Array, p: number): number =>
          percentileSorted(Float64Array.from(u, (x) => table[Math.floor(x * 4096)]).sort(), p);
        const range = item.high - item.low;
        for (const p of [0.05, 0.1, 0.5, 0.9, 0.95]) {
          // The p-quantile's Monte Carlo error at 10,000 draws is at most √(p(1−p)/n)/f(x), about
          // 0.5% of the range for these shapes; allow 2% of the range.
          expect(Math.abs(at(tied[j], p) - at(free[j], p))).toBeLessThan(0.02 * range);
          expect(Math.abs(at(tied[j], p) - table[Math.round(p * 4096)])).toBeLessThan(0.02 * range);
        }
      });
    }
  });

  it("widens ROI's spread as the two benefit lines' correlation rises, as theory says (two uniform lines)", () => {
    // Two benefits X, Y uniform on [0, 1] and a fixed cost 1: ROI = X + Y − 1. With uniform
    // marginals Spearman's ρ is Pearson's, so Var(ROI) = (1 + 1 + 2ρ)/12 exactly; at ρ = 0 the
    // sum is triangular on [0, 2] (P5 = √0.1, P95 = 2 − √0.1: width 1.3675), at ρ = 1 it is 2X
    // (P5 = 0.1, P95 = 1.9: width 1.8).
    const model: LineItemModel = {
      benefits: [
        { low: 0, base: 0.5, high: 1, distribution: "Uniform" },
        { low: 0, base: 0.5, high: 1, distribution: "Uniform" },
      ],
      costs: [{ low: 1, base: 1, high: 1 }],
    };
    const widths: number[] = [];
    for (const rho of [-0.5, 0, 0.5, 0.9, 1]) {
      const correlation = [
        [1, rho, 0],
        [rho, 1, 0],
        [0, 0, 1],
      ];
      const s = new RoiSimulation(model, { trials: 20_000, seed: 8, distribution: "PERT", correlation });
      s.run();
      const roi = s.results();
      const m = roi.reduce((a, b) => a + b, 0) / roi.length;
      const variance = roi.reduce((a, b) => a + (b - m) ** 2, 0) / (roi.length - 1);
      expect(variance).toBeCloseTo((2 + 2 * rho) / 12, 2);
      const summary = s.summary();
      widths.push(summary.p95 - summary.p5);
      if (rho === 0) expect(summary.p95 - summary.p5).toBeCloseTo(2 - 2 * Math.sqrt(0.1), 2);
      if (rho === 1) expect(summary.p95 - summary.p5).toBeCloseTo(1.8, 2);
    }
    for (let i = 1; i < widths.length; i++) expect(widths[i]).toBeGreaterThan(widths[i - 1]);
  });

  it("reports an inconsistent matrix as adjusted, with the matrix it used", () => {
    const inconsistent = [
      [1, 0.9, 0.9],
      [0.9, 1, -0.9],
      [0.9, -0.9, 1],
    ];
    const model: LineItemModel = {
      benefits: SEED_STRESS_MODEL.benefits.slice(0, 2),
      costs: [{ low: 1, base: 2, high: 3 }],
    };
    const s = new RoiSimulation(model, {
      trials: 1_000,
      seed: 1,
      distribution: "PERT",
      correlation: inconsistent,
    });
    expect(s.correlation?.adjusted).toBe(true);
    expect(s.correlation?.largestChange).toBeGreaterThan(0.1);
    expect(s.correlation?.matrix[0][0]).toBeCloseTo(1, 12);
    expect(s.correlation?.matrix[0][1]).toBeLessThan(0.9);
  });

  it("refuses a correlation matrix of another size than its line items with a RangeError that says so", () => {
    // correlationProblem checks what a user gives; a caller passing a wrong-size matrix straight
    // to the engine met a TypeError from deep in the sampler.
    const two = [
      [1, 0.5],
      [0.5, 1],
    ];
    const model: LineItemModel = {
      benefits: SEED_STRESS_MODEL.benefits.slice(0, 2),
      costs: [{ low: 1, base: 2, high: 3 }],
    };
    const options: SimulationOptions = { trials: 100, seed: 1, distribution: "PERT", correlation: two };
    expect(() => new RoiSimulation(model, options)).toThrow(
      new RangeError("the correlation matrix must be 3 × 3, one row and column per line item; got 2 × 2"),
    );
    expect(() => simulationUniforms(3, options)).toThrow(RangeError);
  });

  it("reports the correlation its trials get: three lines at −0.5 come out at the reported −0.483, not the given −0.5", () => {
    // Consistent, but its normal scores cannot be correlated 2·sin(−π/12) each pair; the spill
    // said "as given" while the ranks correlated at −0.48.
    const given = [
      [1, -0.5, -0.5],
      [-0.5, 1, -0.5],
      [-0.5, -0.5, 1],
    ];
    const options: SimulationOptions = { trials: 10_000, seed: 1, distribution: "PERT", correlation: given };
    const s = new RoiSimulation(
      { benefits: SEED_STRESS_MODEL.benefits.slice(0, 2), costs: [{ low: 1, base: 2, high: 3 }] },
      options,
    );
    expect(s.correlation?.adjusted).toBe(true);
    const u = simulationUniforms(3, options);
    for (const [a, b] of [
      [0, 1],
      [0, 2],
      [1, 2],
    ]) {
      const reported = s.correlation!.matrix[a][b];
      expect(Math.abs(spearman(u[a], u[b]) - reported)).toBeLessThan(0.005);
      expect(Math.abs(reported - given[a][b])).toBeGreaterThan(0.01);
    }
  });

  it("keeps its draws for a seed: pinned seed-model numbers, LHS and MC, with the full correlation", () => {
    // Figures of the first correlated release at seed 1. The sampler's speed-ups keep every draw
    // and every addition in its order, so they must reproduce these exactly; a deliberate change
    // of the draws updates them and says why. (The uniforms are the first release's, digest and
    // corners; the ROI figures moved by about 1e-8 when PERT tables came to be interpolated on a
    // grid of shapes, and the means by about 2e-5 when the tables' end points came to keep their
    // cells' means. Plain Monte Carlo's draws changed when a correlated MC run came to pair them
    // in one block rather than ten: see blockSizes.)
    const pinned = {
      LHS: {
        mean: 6.065319732946649,
        p5: 4.801085470435042,
        p50: 6.067672755483835,
        p95: 7.333472179722357,
        digest: 6851771.651382844,
        corners: [0.9711294950803276, 0.8736875216092449],
      },
      MC: {
        mean: 6.069176850772404,
        p5: 4.808159014287982,
        p50: 6.067005148787434,
        p95: 7.344873434306178,
        digest: 6864084.9131170865,
        corners: [0.01744450000114739, 0.21152434684336185],
      },
    } as const;
    for (const sampling of ["LHS", "MC"] as const) {
      const o: SimulationOptions = {
        trials: 10_000,
        seed: 1,
        distribution: "PERT",
        sampling,
        correlation: seedCorrelation(),
      };
      const s = new RoiSimulation(SEED_STRESS_MODEL, o);
      s.run();
      const summary = s.summary();
      const u = simulationUniforms(7, o);
      // Every uniform, weighted by its position, so a changed draw or pairing shows.
      let digest = 0;
      u.forEach((column, j) => column.forEach((x, t) => (digest += x * ((t % 97) + 1) * (j + 1))));
      expect({
        mean: summary.mean,
        p5: summary.p5,
        p50: summary.p50,
        p95: summary.p95,
        digest,
        corners: [u[1][0], u[6][9_999]],
      }).toEqual(pinned[sampling]);
    }
  });
});
