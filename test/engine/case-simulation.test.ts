import {
  CASE_OUTPUTS,
  CASE_PERCENTILES,
  CaseSimulation,
  compileCase,
  seekStatistic,
  withLever,
  HORIZON_PAYBACK_MONTHS,
  sensitivityAtPercentiles,
  simulateBusinessCase,
  SPIDER_PERCENTILES,
  type CaseSimulationOptions,
} from "../../src/engine/case-simulation";
import { pertMean, triangularQuantile } from "../../src/engine/distributions";
import {
  type BenefitLine,
  type CostLine,
  financialSummary,
  type LineItemCase,
  type LineItemSettings,
} from "../../src/engine/line-items";
import { adoption } from "../../src/engine/rollout";

const ramp = (start: number, months: number, target = 1): number[] =>
  Array.from({ length: 37 }, (_, m) => adoption(m, start, months, target));

const settings: LineItemSettings = {
  companyAdoption: ramp(1, 6, 0.9),
  monthsPerYear: 12,
  benefitRealisation: 0.8,
  // The simulation draws replace the scenario's point: a Worst switch must not leak in.
  scenario: "Worst",
  usagePriceChange: 0.05,
  discountRate: 0.1,
};

/** Every timing and cost kind, each line with its own risk, spreads on both sides of the base. */
function mixedCase(spread = true): LineItemCase {
  const s = (base: number, low: number, high: number) =>
    spread ? { low: base * low, high: base * high } : { low: base, high: base };
  const benefits: BenefitLine[] = [
    { label: "Agents", annual: 7_200_000, timing: "company", risk: 0.1, ...s(7_200_000, 0.7, 1.2) },
    {
      label: "Wave",
      annual: 3_000_000,
      timing: "wave",
      wave: { startMonth: 4, rampMonths: 3, target: 0.8 },
      risk: 0.15,
      ...s(3_000_000, 0.6, 1.3),
    },
    {
      label: "Own",
      annual: 2_000_000,
      timing: "own",
      startMonth: 6,
      rampMonths: 4,
      ...s(2_000_000, 0.5, 1.5),
    },
    { label: "Fixed", annual: 500_000, timing: "fixed", startMonth: 12, risk: 0.05, ...s(500_000, 0.9, 1.1) },
    // A second Company line and a second recurring cost from month 1: lines of the same monthly
    // shape, which the simulation sums before running the months.
    { label: "Capacity", annual: 4_800_000, timing: "company", risk: 0.2, ...s(4_800_000, 0.7, 1.2) },
  ];
  const costs: CostLine[] = [
    { label: "API", amount: 768_000, kind: "usage", startMonth: 1, risk: 0.1, ...s(768_000, 0.9, 1.3) },
    {
      label: "People",
      amount: 1_440_000,
      kind: "recurring",
      startMonth: 1,
      risk: 0.1,
      ...s(1_440_000, 0.9, 1.3),
    },
    {
      label: "Build",
      amount: 6_000_000,
      kind: "oneOff",
      startMonth: 0,
      spreadMonths: 3,
      risk: 0.2,
      ...s(6_000_000, 0.9, 1.6),
    },
    {
      label: "Platform",
      amount: 600_000,
      kind: "recurring",
      startMonth: 1,
      risk: 0.05,
      ...s(600_000, 0.8, 1.4),
    },
  ];
  return { settings, benefits, costs };
}

/** The case with every line's value replaced, for the reference model (scenario Base). */
function withValues(c: LineItemCase, values: readonly number[]): LineItemCase {
  const nB = c.benefits.length;
  return {
    settings: { ...c.settings, scenario: "Base" },
    benefits: c.benefits.map((l, j) => ({ ...l, annual: values[j] })),
    costs: c.costs.map((l, i) => ({ ...l, amount: values[nB + i] })),
  };
}

const options: CaseSimulationOptions = {
  trials: 4_000,
  seed: 7,
  distribution: "PERT",
  paybackBenchmark: 14,
};

describe("simulateBusinessCase", () => {
  it("gives the deterministic line-item figures in every statistic when low = base = high", () => {
    const c = mixedCase(false);
    const want = financialSummary({ ...c, settings: { ...c.settings, scenario: "Base" } });
    const sim = simulateBusinessCase(c, { ...options, trials: 500 });
    const expected = {
      annualRoi: want.annualRoi as number,
      pvRoi: want.pvRoi as number,
      npv: want.npv,
      paybackMonths: want.paybackMonths as number,
    };
    expect(Number.isFinite(expected.paybackMonths)).toBe(true);
    for (const o of CASE_OUTPUTS) {
      const out = sim.outputs[o];
      const tolerance = Math.abs(expected[o]) * 1e-12 + 1e-9;
      expect(Math.abs(out.mean - expected[o])).toBeLessThanOrEqual(tolerance);
      for (const p of out.percentiles) expect(Math.abs(p - expected[o])).toBeLessThanOrEqual(tolerance);
      expect(out.standardError).toBeLessThanOrEqual(tolerance);
    }
    const within = expected.paybackMonths <= 14 ? 1 : 0;
    expect(sim.paybackWithinBenchmark).toBe(within);
    expect(sim.paybackWithinHorizon).toBe(expected.paybackMonths <= 36 ? 1 : 0);
  });

  it("computes every trial exactly as financialSummary does with that trial's line values", () => {
    const c = mixedCase();
    const compiled = compileCase(c);
    expect(compiled.groupCount).toBe(compiled.lineCount - 2);
    const simulation = new CaseSimulation(c, options);
    simulation.run();
    const k = c.benefits.length + c.costs.length;
    const roi = simulation.sample("annualRoi");
    const pv = simulation.sample("pvRoi");
    const npv = simulation.sample("npv");
    const months = simulation.sample("paybackMonths");
    for (let t = 0; t < options.trials; t += 97) {
      const values = Array.from({ length: k }, (_, j) => simulation.values[j * options.trials + t]);
      const want = financialSummary(withValues(c, values));
      expect(roi[t]).toBeCloseTo(want.annualRoi as number, 10);
      expect(pv[t]).toBeCloseTo(want.pvRoi as number, 10);
      expect(Math.abs(npv[t] - want.npv)).toBeLessThan(1e-6);
      expect(months[t]).toBe(want.paybackMonths === null ? Infinity : months[t]);
      if (want.paybackMonths !== null) expect(months[t]).toBeCloseTo(want.paybackMonths, 9);
    }
  });

  it("draws each line from its own distribution, inside its low and high", () => {
    const c = mixedCase();
    const simulation = new CaseSimulation(c, {
      ...options,
      lineDistributions: ["Uniform", null, "Triangular"],
    });
    const trials = options.trials;
    const points = compileCase(c).points;
    points.forEach((p, j) => {
      let min = Infinity;
      let max = -Infinity;
      let sum = 0;
      for (let t = 0; t < trials; t++) {
        const x = simulation.values[j * trials + t];
        min = Math.min(min, x);
        max = Math.max(max, x);
        sum += x;
      }
      expect(min).toBeGreaterThanOrEqual(p.low - 1e-6);
      expect(max).toBeLessThanOrEqual(p.high + 1e-6);
      const want = j === 0 ? (p.low + p.high) / 2 : j === 2 ? (p.low + p.base + p.high) / 3 : pertMean(p);
      // Latin Hypercube: the sample mean of a line sits far inside 0.5% of its range.
      expect(Math.abs(sum / trials - want)).toBeLessThan((p.high - p.low) * 0.005);
    });
  });

  it("matches the closed-form mean of the NPV for one uniform benefit and one fixed cost", () => {
    const r = 0.08;
    const low = 1_000_000;
    const high = 3_000_000;
    const cost = 1_200_000;
    const c: LineItemCase = {
      settings: { ...settings, benefitRealisation: 1, discountRate: r, usagePriceChange: 0 },
      benefits: [{ label: "B", annual: 2_500_000, low, high, timing: "fixed" }],
      costs: [{ label: "C", amount: cost, kind: "recurring" }],
    };
    // Month 0 alone is year 0 (undiscounted), then three full years: per unit of annual value,
    // 1/12 + Σ_{y=1..3} (1 + r)^−y.
    const factor = 1 / 12 + 1 / (1 + r) + 1 / (1 + r) ** 2 + 1 / (1 + r) ** 3;
    const expected = ((low + high) / 2 - cost) * factor;
    for (const sampling of ["LHS", "MC"] as const) {
      const sim = simulateBusinessCase(c, {
        ...options,
        trials: 10_000,
        distribution: "Uniform",
        sampling,
      });
      const npv = sim.outputs.npv;
      expect(Math.abs(npv.mean - expected)).toBeLessThan(4 * npv.standardError);
      // Plain Monte Carlo's standard error of a uniform: (high − low)/√12 · factor / √n.
      if (sampling === "MC")
        expect(npv.standardError / ((((high - low) / Math.sqrt(12)) * factor) / 100)).toBeCloseTo(1, 1);
      // The NPV is B·factor − cost·factor: its P10 is the uniform's P10 through the same line,
      // within four standard errors of a sample quantile, √(p(1 − p)/n) / density.
      const quantileError = Math.sqrt((0.1 * 0.9) / 10_000) * (high - low) * factor;
      expect(Math.abs(npv.percentiles[1] - (low + 0.1 * (high - low) - cost) * factor)).toBeLessThan(
        4 * quantileError,
      );
    }
  });

  it("counts paybacks within the benchmark and within 36 months as a brute-force count does", () => {
    const c = mixedCase();
    const trials = 2_000;
    const simulation = new CaseSimulation(c, { ...options, trials, paybackBenchmark: 17 });
    simulation.run();
    const summary = simulation.summary();
    const k = c.benefits.length + c.costs.length;
    let within = 0;
    let horizon = 0;
    let never = 0;
    for (let t = 0; t < trials; t++) {
      const values = Array.from({ length: k }, (_, j) => simulation.values[j * trials + t]);
      const months = financialSummary(withValues(c, values)).paybackMonths;
      if (months === null) never++;
      else {
        if (months <= 17) within++;
        if (months <= 36) horizon++;
      }
    }
    // The case is built so that both probabilities are strictly between 0 and 1.
    expect(within).toBeGreaterThan(0);
    expect(within).toBeLessThan(trials);
    expect(summary.paybackWithinBenchmark).toBe(within / trials);
    expect(summary.paybackWithinHorizon).toBe(horizon / trials);
    expect(summary.paybackBenchmark).toBe(17);
    if (never > 0) expect(summary.outputs.paybackMonths.percentiles[4]).toBe(Infinity);
  });

  it("gives the same results for the same seed, run in chunks or at once, and other results for another seed", () => {
    const c = mixedCase();
    const whole = simulateBusinessCase(c, options);
    const chunked = new CaseSimulation(c, options);
    while (!chunked.done) chunked.run(333);
    expect(chunked.summary()).toEqual(whole);
    const other = simulateBusinessCase(c, { ...options, seed: 8 });
    expect(other.outputs.npv.mean).not.toBe(whole.outputs.npv.mean);
  });

  it("widens the NPV's P5-P95 when the benefit lines are positively rank-correlated", () => {
    const c = mixedCase();
    const k = 9;
    const correlation = Array.from({ length: k }, (_, i) =>
      Array.from({ length: k }, (_, j) => (i === j ? 1 : i < 5 && j < 5 ? 0.8 : 0)),
    );
    const independent = simulateBusinessCase(c, { ...options, trials: 10_000 });
    const correlated = simulateBusinessCase(c, { ...options, trials: 10_000, correlation });
    const width = (s: typeof independent): number =>
      s.outputs.npv.percentiles[4] - s.outputs.npv.percentiles[0];
    expect(width(correlated)).toBeGreaterThan(width(independent) * 1.2);
    // Marginals unchanged: the mean NPV (linear in the lines) stays within Monte Carlo error.
    expect(Math.abs(correlated.outputs.npv.mean - independent.outputs.npv.mean)).toBeLessThan(
      4 * correlated.outputs.npv.standardError,
    );
  });

  it("reports each output's percentiles in order and a CDF that rises from P0 to P100", () => {
    const sim = simulateBusinessCase(mixedCase(), options);
    for (const o of ["annualRoi", "pvRoi", "npv"] as const) {
      const out = sim.outputs[o];
      expect(out.percentiles).toHaveLength(CASE_PERCENTILES.length);
      for (let i = 1; i < out.percentiles.length; i++)
        expect(out.percentiles[i]).toBeGreaterThanOrEqual(out.percentiles[i - 1]);
      for (let i = 1; i < out.cdf.length; i++) expect(out.cdf[i]).toBeGreaterThanOrEqual(out.cdf[i - 1]);
      expect(out.cdf[10]).toBeCloseTo(out.percentiles[1], 9);
      expect(out.cdf[50]).toBeCloseTo(out.percentiles[2], 9);
      expect(out.bins.reduce((s, b) => s + b.count, 0)).toBe(options.trials);
    }
  });

  it("leaves annual ROI undefined, not infinite, when the run-rate year has no costs", () => {
    const c = mixedCase();
    const oneOffOnly: LineItemCase = { ...c, costs: c.costs.filter((l) => l.kind === "oneOff") };
    const sim = simulateBusinessCase(oneOffOnly, { ...options, trials: 200 });
    expect(sim.outputs.annualRoi.defined).toBe(0);
    expect(sim.outputs.annualRoi.mean).toBeNaN();
    expect(sim.outputs.npv.defined).toBe(200);
  });
});

describe("sensitivityAtPercentiles", () => {
  it("moves one line at a time to its P10..P90 with the whole monthly model, and ranks by swing", () => {
    const c = mixedCase();
    const result = sensitivityAtPercentiles(c, "npv", "Triangular");
    const points = compileCase(c).points;
    const base = points.map((p) => p.base);
    expect(result.base).toBeCloseTo(financialSummary(withValues(c, base)).npv, 4);
    expect(result.percentiles).toEqual(SPIDER_PERCENTILES);
    for (const line of result.lines) {
      const p = points[line.index];
      SPIDER_PERCENTILES.forEach((q, i) => {
        // The closed-form triangular inverse, against the quantile table's interpolation.
        expect(line.inputs[i]).toBeCloseTo(triangularQuantile(p, q), -1);
        const values = base.slice();
        values[line.index] = line.inputs[i];
        expect(line.outputs[i]).toBeCloseTo(financialSummary(withValues(c, values)).npv, 4);
      });
      expect(line.low).toBe(line.outputs[0]);
      expect(line.high).toBe(line.outputs[4]);
    }
    for (let i = 1; i < result.lines.length; i++)
      expect(result.lines[i].swing).toBeLessThanOrEqual(result.lines[i - 1].swing);
    // A benefit raises the NPV with its value; a cost lowers it.
    const agents = result.lines.find((l) => l.label === "Agents");
    const build = result.lines.find((l) => l.label === "Build");
    expect(agents && agents.high > agents.low).toBe(true);
    expect(build && build.high < build.low).toBe(true);
  });

  it("gives a line without spread a swing of zero, at the bottom of the tornado", () => {
    // (Annual ROI would tie it with the one-off Build line, which no run-rate year contains.)
    const c = mixedCase();
    const flat: LineItemCase = {
      ...c,
      benefits: c.benefits.map((l, j) => (j === 0 ? { ...l, low: l.annual, high: l.annual } : l)),
    };
    const result = sensitivityAtPercentiles(flat, "npv", "PERT");
    const last = result.lines[result.lines.length - 1];
    expect(last.label).toBe("Agents");
    expect(last.swing).toBe(0);
  });

  it("ranks first a line that puts payback beyond the horizon at one end: it decides whether the case pays back", () => {
    // The one-off build at its P90 costs seven times its base: the case then never pays back within
    // 36 months, while at its P10 and with every line at base it does.
    const c = mixedCase();
    const heavy: LineItemCase = {
      ...c,
      costs: c.costs.map((l) => (l.label === "Build" ? { ...l, high: l.amount * 8 } : l)),
    };
    const result = sensitivityAtPercentiles(heavy, "paybackMonths", "Uniform");
    expect(result.base).toBeLessThan(HORIZON_PAYBACK_MONTHS);
    const [first, ...rest] = result.lines;
    expect(first.label).toBe("Build");
    expect(first.low).toBeLessThan(HORIZON_PAYBACK_MONTHS);
    expect(first.high).toBe(Infinity);
    expect(first.swing).toBe(Infinity);
    // The others keep their order by finite swing.
    for (const l of rest) expect(Number.isFinite(l.swing)).toBe(true);
    for (let i = 1; i < rest.length; i++) expect(rest[i].swing).toBeLessThanOrEqual(rest[i - 1].swing);
  });

  it("gives a line beyond the horizon at both ends a swing of zero, not an undefined one", () => {
    // A build 40 to 60 times its base: the case never pays back within the horizon, at the
    // build's P10, its P90 or any other line's percentile.
    const c = mixedCase();
    const never: LineItemCase = {
      ...c,
      costs: c.costs.map((l) =>
        l.label === "Build" ? { ...l, amount: l.amount * 40, low: l.amount * 40, high: l.amount * 60 } : l,
      ),
    };
    const result = sensitivityAtPercentiles(never, "paybackMonths", "Uniform");
    expect(result.base).toBe(Infinity);
    const build = result.lines.find((l) => l.label === "Build");
    expect([build?.low, build?.high, build?.swing]).toEqual([Infinity, Infinity, 0]);
    expect(result.lines.every((l) => !Number.isNaN(l.swing))).toBe(true);
  });
});

/** The NPV's P10 of a case simulated with `o`. */
function npvP10Of(x: LineItemCase, o: CaseSimulationOptions): number {
  return simulateBusinessCase(x, o).outputs.npv.percentiles[CASE_PERCENTILES.indexOf(0.1)];
}

describe("seekStatistic", () => {
  const c = mixedCase();
  const seek = { ...options, trials: 2_000 };
  const realisation = { kind: "realisation" } as const;
  const loss = (x: LineItemCase): number => simulateBusinessCase(x, seek).outputs.annualRoi.belowZero;
  const npvP10 = (x: LineItemCase): number => simulateBusinessCase(x, seek).outputs.npv.percentiles[1];

  it("finds the lowest benefit realisation with P(annual ROI < 0) at most 5%, stable under common random numbers", () => {
    const found = seekStatistic(c, seek, { statistic: "lossProbability", target: 0.05 }, realisation);
    expect(found.value).not.toBeNull();
    const r = found.value as number;
    const at = (value: number): number =>
      loss({ ...c, settings: { ...c.settings, benefitRealisation: value } });
    // Met at the answer, not met just below it: the same seed makes the statistic a step function
    // of the lever alone.
    expect(at(r)).toBeLessThanOrEqual(0.05);
    expect(at(r - 2e-4)).toBeGreaterThan(0.05);
    expect(found.statistic).toBe(at(r));
    // Run again: the same answer to the digit.
    expect(seekStatistic(c, seek, { statistic: "lossProbability", target: 0.05 }, realisation).value).toBe(r);
  });

  it("finds where the NPV's P10 reaches zero, and says when no realisation up to the limit does", () => {
    const found = seekStatistic(c, seek, { statistic: "npvP10", target: 0 }, realisation);
    const r = found.value as number;
    const at = (value: number): number =>
      npvP10({ ...c, settings: { ...c.settings, benefitRealisation: value } });
    expect(at(r)).toBeGreaterThanOrEqual(0);
    expect(at(r - 2e-4)).toBeLessThan(0);
    expect(seekStatistic(c, seek, { statistic: "npvP10", target: 1e12 }, realisation)).toEqual(
      expect.objectContaining({ value: null, metEverywhere: false }),
    );
  });

  it("says when the lever does not move the statistic: the adoption target and annual ROI", () => {
    // Annual ROI counts a year at full adoption, so the adoption target cannot change it: whether
    // the goal is met or not, the answer must not read as "met even at 0% adoption".
    const lever = { kind: "adoptionTarget", current: 0.9 } as const;
    for (const target of [1, 0]) {
      const found = seekStatistic(c, seek, { statistic: "lossProbability", target }, lever);
      expect(found.unmoved).toBe(true);
    }
    // The NPV follows the adoption curve: the same lever moves its P10.
    expect(seekStatistic(c, seek, { statistic: "npvP10", target: 0 }, lever).unmoved).toBe(false);
    expect(seekStatistic(c, seek, { statistic: "lossProbability", target: 0.05 }, realisation).unmoved).toBe(
      false,
    );
  });

  it("moves the adoption target by scaling the company curve and every wave: identity at today's target", () => {
    const current = 0.9;
    const lever = { kind: "adoptionTarget", current } as const;
    expect(withLever(c, lever, current)).toEqual(c);
    const half = withLever(c, lever, current / 2);
    half.settings.companyAdoption.forEach((a, m) =>
      expect(a).toBeCloseTo(c.settings.companyAdoption[m] / 2, 12),
    );
    expect(half.benefits[1].wave?.target).toBeCloseTo(0.4, 12);
    // Less adoption, less benefit in the schedule: the three-year NPV falls.
    expect(financialSummary(half).npv).toBeLessThan(financialSummary(c).npv);
    const found = seekStatistic(c, seek, { statistic: "npvP10", target: 0 }, lever);
    const t = found.value as number;
    expect(t).toBeGreaterThan(0);
    expect(t).toBeLessThanOrEqual(1);
    expect(npvP10(withLever(c, lever, t))).toBeGreaterThanOrEqual(0);
    expect(npvP10(withLever(c, lever, t - 2e-4))).toBeLessThan(0);
  });

  it("finds the most a cost line may cost (a higher cost only hurts), its spread scaled with it", () => {
    const lever = { kind: "lineLevel", side: "costs", index: 2 } as const;
    const scaled = withLever(c, lever, 2);
    expect(scaled.costs[2].amount).toBe(2 * c.costs[2].amount);
    expect(scaled.costs[2].low).toBe(2 * (c.costs[2].low as number));
    expect(scaled.costs[1]).toBe(c.costs[1]);
    // The goal: the NPV's P10 the case has with the one-off build at 1.5 times today's.
    const goal = { statistic: "npvP10", target: npvP10(withLever(c, lever, 1.5)) } as const;
    const found = seekStatistic(c, seek, goal, lever);
    const f = found.value as number;
    expect(found.metEverywhere).toBe(false);
    expect(f).toBeGreaterThanOrEqual(1.5 - 1e-4);
    expect(npvP10(withLever(c, lever, f))).toBeGreaterThanOrEqual(goal.target);
    expect(npvP10(withLever(c, lever, f + 2e-4))).toBeLessThan(goal.target);
    // A benefit line goes the other way: the least it may bring.
    const benefitLever = { kind: "lineLevel", side: "benefits", index: 0 } as const;
    const least = { statistic: "npvP10", target: npvP10(withLever(c, benefitLever, 0.5)) } as const;
    const b = seekStatistic(c, seek, least, benefitLever).value as number;
    expect(b).toBeLessThanOrEqual(0.5 + 1e-4);
    expect(npvP10(withLever(c, benefitLever, b))).toBeGreaterThanOrEqual(least.target);
    expect(npvP10(withLever(c, benefitLever, b - 2e-4))).toBeLessThan(least.target);
  });

  it("finds a cost line's most when the line at 0 leaves annual ROI without a value (the only run-rate cost)", () => {
    // At 0 the case has no run-rate cost: annual ROI has no value in any trial, and the seek
    // read that as "not met" and said no cost level meets the goal, though half the cost does.
    const only: LineItemCase = {
      settings: { ...settings, benefitRealisation: 1, scenario: "Base", usagePriceChange: 0 },
      benefits: [{ label: "B", annual: 1_000_000, low: 700_000, high: 1_300_000, timing: "company" }],
      costs: [{ label: "C", amount: 1_100_000, low: 900_000, high: 1_500_000, kind: "recurring" }],
    };
    const lever = { kind: "lineLevel", side: "costs", index: 0 } as const;
    const o: CaseSimulationOptions = { trials: 2000, seed: 7, distribution: "PERT", paybackBenchmark: 14 };
    const loss = (x: LineItemCase): number => simulateBusinessCase(x, o).outputs.annualRoi.belowZero;
    expect(loss(withLever(only, lever, 0.5))).toBeLessThanOrEqual(0.05);
    const found = seekStatistic(only, o, { statistic: "lossProbability", target: 0.05 }, lever);
    expect(found).toEqual(expect.objectContaining({ upward: false, metEverywhere: false }));
    const most = found.value as number;
    expect(most).toBeGreaterThan(0.5);
    expect(loss(withLever(only, lever, most))).toBeLessThanOrEqual(0.05);
    expect(loss(withLever(only, lever, most + 2e-4))).toBeGreaterThan(0.05);
  });

  it("finds the most adoption that meets the goal when more adoption hurts (usage costs outgrow its benefits)", () => {
    // The seek took more adoption to help always, tried 100% alone, and said no adoption meets a
    // goal today's 80% meets.
    const usage: LineItemCase = {
      settings: { ...settings, companyAdoption: ramp(1, 6, 0.8), benefitRealisation: 1, scenario: "Base" },
      benefits: [
        { label: "Fixed saving", annual: 3_000_000, low: 2_500_000, high: 3_500_000, timing: "fixed" },
        { label: "Adoption benefit", annual: 500_000, low: 300_000, high: 700_000, timing: "company" },
      ],
      costs: [
        { label: "API", amount: 2_000_000, low: 1_500_000, high: 3_000_000, kind: "usage" },
        { label: "Run", amount: 1_000_000, low: 900_000, high: 1_200_000, kind: "recurring" },
      ],
    };
    const lever = { kind: "adoptionTarget", current: 0.8 } as const;
    const o: CaseSimulationOptions = { trials: 2000, seed: 3, distribution: "PERT", paybackBenchmark: 14 };
    const goal = { statistic: "npvP10", target: 1_000_000 } as const;
    const found = seekStatistic(usage, o, goal, lever);
    expect(found.upward).toBe(false);
    const most = found.value as number;
    expect(most).toBeGreaterThan(0.8);
    expect(npvP10Of(withLever(usage, lever, most), o)).toBeGreaterThanOrEqual(goal.target);
    expect(npvP10Of(withLever(usage, lever, most + 2e-4), o)).toBeLessThan(goal.target);
  });

  it("says when the goal holds over the lever's whole range, and refuses a line that does not exist", () => {
    const easy = seekStatistic(c, seek, { statistic: "lossProbability", target: 1 }, realisation);
    expect(easy).toEqual(expect.objectContaining({ value: 0, metEverywhere: true, unmoved: false }));
    expect(() =>
      seekStatistic(
        c,
        seek,
        { statistic: "lossProbability", target: 0.05 },
        { kind: "lineLevel", side: "costs", index: 99 },
      ),
    ).toThrow(RangeError);
  });
});
