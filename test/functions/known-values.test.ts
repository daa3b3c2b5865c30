/**
 * Known values of every GENAI function, from the seed document and by hand.
 */
import fc from "fast-check";
import {
  ADOPTION,
  API_COST,
  BREAKEVEN,
  GATE,
  GENAI_ROI,
  PAYBACK,
  PV_ROI,
  QUADRANT,
  QUADRANT_SCORE,
  SIM_PERCENTILE,
  SIM_TARGET,
  SIMULATE_ROI,
  TOKEN_COST,
  TORNADO,
  WAVE,
} from "../../src/functions/functions";
import { setMessageLocale } from "../../src/functions/boundary";

const column = (...values: unknown[]): unknown[][] => values.map((v) => [v]);
const row = (...values: unknown[]): unknown[][] => [values];

/** The seed's customer-service example (section 8.2). */
const seedBenefits = column(7_200_000, 4_800_000, 10_000_000);
const seedCosts = column(768_000, 600_000, 1_440_000, 500_000 / 3);

/** Calls `f` and returns the CustomFunctions.Error it throws. */
function thrown(f: () => unknown): CustomFunctions.Error {
  try {
    f();
  } catch (error) {
    if (error instanceof CustomFunctions.Error) return error;
    throw error;
  }
  throw new Error("expected a CustomFunctions.Error");
}

beforeAll(() => setMessageLocale("en"));

describe("GENAI.ROI", () => {
  it("gives the seed's customer-service ROI of 639.58%", () => {
    expect(GENAI_ROI(seedBenefits, seedCosts)).toBeCloseTo(6.3958, 4);
  });

  it("ignores blank cells in the summed ranges", () => {
    expect(GENAI_ROI(column(7_200_000, "", 4_800_000, null, 10_000_000), seedCosts)).toBeCloseTo(6.3958, 4);
  });

  it("returns #VALUE! naming costs when the costs add up to 0", () => {
    const error = thrown(() => GENAI_ROI(seedBenefits, column(0, "")));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toBe("costs must add up to more than 0; got 0");
  });

  it("returns #VALUE! naming the cell when a cost is text", () => {
    const error = thrown(() => GENAI_ROI(seedBenefits, column(1, "n/a")));
    expect(error.message).toBe('costs row 2 must be a number; got "n/a"');
  });
});

describe("GENAI.API_COST and GENAI.TOKEN_COST", () => {
  it("gives the seed's model API cost of 768,000", () => {
    expect(API_COST(1_000_000, 0.002, 32)).toBeCloseTo(768_000, 6);
  });

  it("defaults to an exchange rate of 1 and 12 months when omitted (Excel passes null)", () => {
    expect(API_COST(1000, 0.5, null as unknown as number, null as unknown as number)).toBe(6000);
  });

  it("prices tokens per million: 1,000 calls × (1,000 × $3 + 500 × $15) / 1e6 × 12 months = 126", () => {
    expect(TOKEN_COST(1000, 1000, 500, 3, 15)).toBeCloseTo(126, 10);
  });
});

describe("GENAI.PAYBACK", () => {
  it("interpolates within the period: {−100, 30, 30, 30, 30} → 3.33", () => {
    expect(PAYBACK(row(-100, 30, 30, 30, 30))).toBeCloseTo(10 / 3, 12);
  });

  it("scales by months per period: 40 months for yearly flows", () => {
    expect(PAYBACK(column(-100, 30, 30, 30, 30), 12)).toBeCloseTo(40, 10);
  });

  it("returns #N/A with a message when it never pays back", () => {
    const error = thrown(() => PAYBACK(row(-100, 10, 10)));
    expect(error.code).toBe("#N/A");
    expect(error.message).toMatch(/does not pay back within the horizon/);
  });

  it("drops trailing blanks and counts inner blanks as 0", () => {
    expect(PAYBACK(column(-100, "", 50, 50, 50, "", ""))).toBeCloseTo(3, 12);
  });
});

describe("GENAI.PV_ROI", () => {
  it("discounts year k by (1+r)^k with year 0 undiscounted", () => {
    const benefits = row(0, 110, 121);
    const costs = row(100, 0, 0);
    // PV benefits = 100 + 100 = 200; PV costs = 100 → ROI 1
    expect(PV_ROI(benefits, costs, 0.1)).toBeCloseTo(1, 12);
  });

  it("applies benefit risk and cost risk", () => {
    expect(PV_ROI(row(0, 110, 121), row(100, 0, 0), 0.1, 0.25, 0.5)).toBeCloseTo((150 - 150) / 150, 12);
  });

  it("rejects benefits and costs of different lengths", () => {
    expect(thrown(() => PV_ROI(row(1, 2, 3), row(1, 2))).message).toMatch(
      /costs must be the same size as benefits/,
    );
  });
});

describe("GENAI.QUADRANT_SCORE", () => {
  it("scores the best case 100 and the worst 0", () => {
    expect(QUADRANT_SCORE([[5]], [[1]], [[5]], [[5]])).toEqual([[100]]);
    expect(QUADRANT_SCORE([[1]], [[5]], [[1]], [[1]])).toEqual([[0]]);
  });

  it("weights 0.40/0.30/0.15/0.15 by default: impact 4, complexity 2, learning 3, time 5 → 75", () => {
    // 100 × (0.40×0.75 + 0.30×0.75 + 0.15×0.50 + 0.15×1.00) = 100 × 0.75
    expect(QUADRANT_SCORE([[4]], [[2]], [[3]], [[5]])[0][0]).toBeCloseTo(75, 12);
  });

  it("spills a column for columns and leaves an all-blank row blank", () => {
    const result = QUADRANT_SCORE(column(5, "", 1), column(1, "", 5), column(5, "", 1), column(5, "", 1));
    expect(result).toEqual([[100], [""], [0]]);
  });

  it("puts a #VALUE! naming the row in the one bad cell and keeps the rest", () => {
    const result = QUADRANT_SCORE(column(5, 7), column(1, 1), column(5, 5), column(5, 5));
    expect(result[0][0]).toBe(100);
    const error = result[1][0] as CustomFunctions.Error;
    expect(error).toBeInstanceOf(CustomFunctions.Error);
    expect(error.message).toBe("impact row 2 must be between 1 and 5; got 7");
  });
});

describe("GENAI.QUADRANT_SCORE over whole columns", () => {
  it("gives the same bits on the bulk path (all valid) as cell by cell (a blank row forces it)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(...[0, 1, 2, 3].map(() => fc.double({ min: 1, max: 5, noNaN: true }))), {
          minLength: 1,
          maxLength: 50,
        }),
        (rows) => {
          const columns = [0, 1, 2, 3].map((k) => rows.map((r) => [r[k]]));
          const bulk = QUADRANT_SCORE(columns[0], columns[1], columns[2], columns[3]);
          const withBlank = columns.map((c) => [...c, [""]]);
          const cellByCell = QUADRANT_SCORE(withBlank[0], withBlank[1], withBlank[2], withBlank[3]);
          expect(cellByCell.slice(0, rows.length)).toEqual(bulk);
          expect(cellByCell[rows.length]).toEqual([""]);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("GENAI.QUADRANT", () => {
  it("labels the four quadrants around the default threshold 3", () => {
    expect(QUADRANT(column(4, 4, 3, 3), column(3, 4, 3, 4))).toEqual([
      ["Quick Win"],
      ["Strategic Bet"],
      ["Fill-in"],
      ["Deprioritize"],
    ]);
  });
});

describe("GENAI.ADOPTION", () => {
  it("spills a units × months grid from a column of starts and a row of months", () => {
    const grid = ADOPTION(row(0, 3, 6), column(0, 3), column(6, 6));
    expect(grid).toEqual([
      [0, 0.5, 1],
      [0, 0, 0.5],
    ]);
  });
});

describe("GENAI.WAVE", () => {
  it("puts the 3 most ready in wave 1, half the rest (rounded up) in wave 2", () => {
    const readiness = column(9, 8, 7, 6, 5, 4, 3);
    expect(WAVE(readiness, readiness)).toEqual([[1], [1], [1], [2], [2], [3], [3]]);
  });

  it("breaks ties by list order in one spilled call, so wave 1 holds exactly wave1_count", () => {
    const readiness = column(9, 8, 8, 8, 5);
    // wave 2 by default ceil(3 / 2) = 2: the second 8 and the third go there, 5 to wave 3
    expect(WAVE(readiness, readiness, 2)).toEqual([[1], [1], [2], [2], [3]]);
    // six departments alike: three in wave 1, not six
    const alike = column(4, 4, 4, 4, 4, 4);
    expect(WAVE(alike, alike, 3, 2)).toEqual([[1], [1], [1], [2], [2], [3]]);
  });

  it("skips blanks in the list and leaves their rows blank", () => {
    const readiness = column(3, "", 5, 3, "");
    expect(WAVE(readiness, readiness, 1, 1)).toEqual([[2], [""], [1], [3], [""]]);
  });

  it("places a single value first among equal readiness, filled down or spilled from another range", () => {
    const all = column(9, 8, 8, 8, 5);
    expect(WAVE([[8]], all, 2)).toEqual([[1]]);
    expect(WAVE(column(8, 5, 10), all, 2)).toEqual([[1], [3], [1]]);
  });

  it("recognises the same list in the next call and still validates a changed one", () => {
    const all = column(3, 2, 1);
    expect(WAVE([[2]], all, 1, 1)).toEqual([[2]]);
    expect(WAVE([[2]], column(3, 2, 1), 1, 1)).toEqual([[2]]);
    // same shape, one cell now text: an error naming the argument, not the cached answer
    expect(() => WAVE([[2]], column(3, "x", 1), 1, 1)).toThrow(/all_readiness/);
    expect(WAVE([[2]], column(3, 4, 1), 1, 1)).toEqual([[3]]);
  });
});

describe("GENAI.GATE", () => {
  it("scales a PoC that meets every seed criterion and stops one failing three", () => {
    expect(GATE([[0.92]], [[2.1]], [[0.03]], [[0.45]], [[0.8]])).toEqual([["Scale"]]);
    expect(GATE([[0.8]], [[4]], [[0.1]], [[0.45]], [[0.8]])).toEqual([["Stop"]]);
    expect(GATE([[0.8]], [[2]], [[0.03]], [[0.45]], [[0.8]])).toEqual([["Iterate"]]);
  });

  it("is Pending while any metric is blank", () => {
    expect(GATE([[0.92]], [[""]], [[0.03]], [[0.45]], [[0.8]])).toEqual([["Pending"]]);
  });

  it("stops at stop_failures failed criteria: two failures Iterate by default, Stop at 2, any at 1", () => {
    // Quality 0.8 and latency 4 s fail; the other three pass.
    const two: [number[][], number[][], number[][], number[][], number[][]] = [
      [[0.8]],
      [[4]],
      [[0.03]],
      [[0.45]],
      [[0.8]],
    ];
    expect(GATE(...two)).toEqual([["Iterate"]]);
    expect(GATE(...two, undefined, 3)).toEqual([["Iterate"]]);
    expect(GATE(...two, undefined, 2)).toEqual([["Stop"]]);
    expect(GATE([[0.8]], [[2]], [[0.03]], [[0.45]], [[0.8]], undefined, 1)).toEqual([["Stop"]]);
    // Five failures stop even at the strictest rule; four do not.
    expect(GATE([[0.8]], [[4]], [[0.1]], [[0.3]], [[0.5]], undefined, 5)).toEqual([["Stop"]]);
    expect(GATE([[0.8]], [[4]], [[0.1]], [[0.3]], [[0.8]], undefined, 5)).toEqual([["Iterate"]]);
  });

  it("refuses a stop rule outside 1 to 5 whole criteria, naming the argument", () => {
    for (const bad of [0, 6, 2.5])
      expect(() => GATE([[0.92]], [[2.1]], [[0.03]], [[0.45]], [[0.8]], undefined, bad)).toThrow(
        /stop_failures/,
      );
  });
});

describe("GENAI.BREAKEVEN", () => {
  it("gives the share of the seed's benefits needed for ROI = 0: 13.5%", () => {
    expect(BREAKEVEN(seedBenefits, seedCosts)).toBeCloseTo(2_974_666.67 / 22_000_000, 8);
  });
});

describe("GENAI.SIMULATE_ROI and GENAI.TORNADO", () => {
  const lines = (bases: number[], low: number, high: number): number[][] =>
    bases.map((b) => [b * low, b, b * high]);
  const benefits = lines([7_200_000, 4_800_000, 10_000_000], 0.7, 1.2);
  const costs = lines([768_000, 600_000, 1_440_000, 500_000 / 3], 0.9, 1.3);

  it("spills seven labelled rows with ordered percentiles", () => {
    const table = SIMULATE_ROI(benefits, costs, 2000, 7);
    expect(table.map((r) => r[0])).toEqual(["Mean", "P5", "P10", "P50", "P90", "P95", "P(ROI<0)"]);
    const [p5, p10, p50, p90, p95] = table.slice(1, 6).map((r) => r[1] as number);
    expect(p5).toBeLessThanOrEqual(p10);
    expect(p10).toBeLessThanOrEqual(p50);
    expect(p50).toBeLessThanOrEqual(p90);
    expect(p90).toBeLessThanOrEqual(p95);
    expect(table[6][1]).toBe(0);
  });

  it("states the mean's standard error and a 95% interval beside every statistic (five columns)", () => {
    const table = SIMULATE_ROI(benefits, costs, 2000, 7);
    expect(table.every((r) => r.length === 5)).toBe(true);
    const [mean, se, low, high] = table[0].slice(1) as number[];
    expect(se).toBeGreaterThan(0);
    // Latin Hypercube: ten replicate blocks, so the interval is ± t(9)·SE = ± 2.2622·SE.
    expect((high - low) / 2).toBeCloseTo(2.2622 * se, 3);
    expect((high + low) / 2).toBeCloseTo(mean, 12);
    for (const r of table.slice(1, 6)) {
      expect(r[2]).toBe("");
      expect(r[3] as number).toBeLessThanOrEqual(r[1] as number);
      expect(r[4] as number).toBeGreaterThanOrEqual(r[1] as number);
    }
  });

  it("simulates plain Monte Carlo or Latin Hypercube as asked, with the same trials for the same seed", () => {
    const mc = SIMULATE_ROI(benefits, costs, 2000, 7, "PERT", "MC");
    const lhs = SIMULATE_ROI(benefits, costs, 2000, 7, "PERT", "lhs");
    expect(mc[0][1]).not.toBe(lhs[0][1]);
    expect(SIMULATE_ROI(benefits, costs, 2000, 7, "PERT", "MC")).toEqual(mc);
    expect(SIMULATE_ROI(benefits, costs, 2000, 7)).toEqual(lhs);
    // LHS's error of the mean is far smaller on this near-additive ROI.
    expect(lhs[0][2] as number).toBeLessThan((mc[0][2] as number) / 5);
  });

  it("shows value_if_empty, not #VALUE!, while benefits or costs has no line item, and only then", () => {
    const blank = [
      [null, null, null],
      [null, null, null],
    ];
    const words = "Enter the lines on the ROI sheet";
    // Omitted or blank: the function's own error, right for a formula typed by hand.
    expect(thrown(() => SIMULATE_ROI(blank, costs, 2000, 7)).message).toBe(
      "benefits is empty: give at least one number",
    );
    expect(
      thrown(() => SIMULATE_ROI(blank, costs, 2000, 7, undefined, undefined, undefined, "")).message,
    ).toBe("benefits is empty: give at least one number");
    // Given: the table's shape, the value in its first cell, the rest blank, for either argument.
    const empty = [words, "", "", "", ""];
    const rest = Array.from({ length: 6 }, () => ["", "", "", "", ""]);
    for (const [b, c] of [
      [blank, costs],
      [benefits, blank],
      [blank, blank],
    ])
      expect(SIMULATE_ROI(b, c, 2000, 7, undefined, undefined, undefined, words)).toEqual([empty, ...rest]);
    expect(SIMULATE_ROI(blank, costs, 2000, 7, undefined, undefined, undefined, 0)[0][0]).toBe(0);
    // Any other problem keeps its error: a line out of order is no model being typed.
    expect(
      thrown(() => SIMULATE_ROI([[3, 2, 1]], costs, 2000, 7, undefined, undefined, undefined, words)).message,
    ).toMatch(/^benefits row 1/);
    // Nor is a mistake beside the empty range: the other range's line, or an option, still shows.
    expect(
      thrown(() => SIMULATE_ROI([[3, 2, 1]], blank, 2000, 7, undefined, undefined, undefined, words)).message,
    ).toMatch(/^benefits row 1: low ≤ base ≤ high/);
    expect(
      thrown(() => SIMULATE_ROI(blank, [[-5, 1, 2]], 2000, 7, undefined, undefined, undefined, words))
        .message,
    ).toMatch(/^costs row 1/);
    expect(
      thrown(() => SIMULATE_ROI(blank, costs, 0, 7, undefined, undefined, undefined, words)).message,
    ).toMatch(/^trials must be between 1 and 1000000/);
    expect(
      thrown(() => SIMULATE_ROI(blank, blank, 2000, 7, "Normal", undefined, undefined, words)).message,
    ).toMatch(/^distribution must be one of/);
    // With lines, the argument changes nothing.
    expect(SIMULATE_ROI(benefits, costs, 2000, 7, undefined, undefined, undefined, words)).toEqual(
      SIMULATE_ROI(benefits, costs, 2000, 7),
    );
  });

  it("names the range's own row (and the matrix's row and column) when blank rows come before a bad line", () => {
    // The engine counts the lines it is given; a table with room for more lines has blank rows,
    // and a message must send the user to the row of the range, not the n-th filled line.
    const gap = ["", "", ""];
    const good = [700_000, 1_000_000, 1_200_000];
    const cost = [150_000, 200_000, 300_000];
    const order = /^benefits row 3: low ≤ base ≤ high/;
    expect(thrown(() => SIMULATE_ROI([gap, gap, [9, 8, 10]], [cost])).message).toMatch(order);
    expect(thrown(() => SIM_PERCENTILE([gap, gap, [9, 8, 10]], [cost], [[0.5]])).message).toMatch(order);
    expect(thrown(() => SIM_TARGET([gap, gap, [9, 8, 10]], [cost], [[0]])).message).toMatch(order);
    expect(thrown(() => TORNADO([gap, gap, [9, 8, 10]], [cost])).message).toMatch(order);
    expect(thrown(() => SIMULATE_ROI([good], [gap, [-1, 2, 3]])).message).toBe(
      "costs row 2 must be at least 0; got -1",
    );
    // A matrix over every row (blank ones included): its cells are told where they are.
    const lines = [good, gap, [300_000, 400_000, 600_000]];
    const matrix = [
      [1, "", 0.3, 0],
      ["", 1, "", ""],
      [0.2, "", 1, 0],
      [0, "", 0, 1],
    ];
    expect(thrown(() => SIMULATE_ROI(lines, [cost], 1000, 1, undefined, undefined, matrix)).message).toBe(
      "correlation row 3, column 1 must equal its mirror across the diagonal (0.3); got 0.2",
    );
    const diagonal = matrix.map((r, i) =>
      r.map((v, j) => (i === 2 && j === 2 ? 0.9 : i === 2 && j === 0 ? 0.3 : v)),
    );
    expect(
      thrown(() => SIMULATE_ROI(lines, [cost], 1000, 1, undefined, undefined, diagonal)).message,
    ).toMatch(/^correlation row 3, column 3 is on the diagonal/);
  });

  it("takes a diagonal of 1 off by rounding as 1, as it takes a mirror off by rounding as symmetric", () => {
    const lines = [
      [700_000, 1_000_000, 1_200_000],
      [300_000, 400_000, 600_000],
    ];
    const cost = [[150_000, 200_000, 300_000]];
    const exact = [
      [1, 0.5, 0],
      [0.5, 1, 0],
      [0, 0, 1],
    ];
    const computed = exact.map((r, i) =>
      r.map((v, j) => (i === j ? [0.9999999999999999, 1.0000000000000002, 1][i] : v)),
    );
    expect(SIMULATE_ROI(lines, cost, 1000, 1, undefined, undefined, computed)).toEqual(
      SIMULATE_ROI(lines, cost, 1000, 1, undefined, undefined, exact),
    );
  });

  it("leaves blank a percentile's interval side that the trials cannot bound at 95% (P5's low from 20 trials)", () => {
    // With 20 trials the smallest lies above the true P5 in 0.95^20 = 36% of runs: no order
    // statistic is a 95% lower bound, and a number there would cover in 64% of runs.
    const table = SIMULATE_ROI(
      seedBenefits.map(() => [1, 2, 3]),
      [[1, 1, 1]],
      20,
      3,
    );
    const p5 = table.find((row) => row[0] === "P5")!;
    expect(p5[3]).toBe("");
    expect(typeof p5[4]).toBe("number");
    const p50 = table.find((row) => row[0] === "P50")!;
    expect([typeof p50[3], typeof p50[4]]).toEqual(["number", "number"]);
  });

  it("says a consistent matrix was adjusted when its trials cannot have it (three lines at −0.5 each pair)", () => {
    const lines = [
      [700_000, 1_000_000, 1_200_000],
      [300_000, 400_000, 600_000],
    ];
    const minusHalf = [
      [1, -0.5, -0.5],
      [-0.5, 1, -0.5],
      [-0.5, -0.5, 1],
    ];
    const row = SIMULATE_ROI(
      lines,
      [[150_000, 200_000, 300_000]],
      1000,
      1,
      undefined,
      undefined,
      minusHalf,
    )[7];
    // The ranks correlate at (6/π)·asin(−1/4) = −0.4826 each pair: 0.0174 from the given −0.5.
    expect(row[0]).toBe("Correlation adjusted by");
    expect(row[1]).toBeCloseTo(0.5 + (6 / Math.PI) * Math.asin(-0.25), 6);
  });

  it("says a model whose costs' lows add up to 0 has no cost to divide by in some trials", () => {
    expect(
      thrown(() =>
        SIMULATE_ROI(
          seedBenefits.map(() => [1, 2, 3]),
          [[0, 100, 200]],
        ),
      ).message,
    ).toBe(
      "costs: the lows must add up to more than 0, so that every trial has a cost to divide ROI by; got 0",
    );
  });

  it("takes each line's distribution from a fourth column (blank: the distribution argument)", () => {
    const withShapes = benefits.map((r, i) => [...r, ["Uniform", "", "triangular"][i]]);
    const asDefault = SIMULATE_ROI(benefits, costs, 2000, 7, "PERT");
    const mixed = SIMULATE_ROI(withShapes, costs, 2000, 7, "PERT");
    expect(mixed[0][1]).not.toBe(asDefault[0][1]);
    const triangular = (items: number[][]): unknown[][] => items.map((r) => [...r, "Triangular"]);
    expect(SIMULATE_ROI(triangular(benefits), triangular(costs), 2000, 7, "PERT")).toEqual(
      SIMULATE_ROI(benefits, costs, 2000, 7, "Triangular"),
    );
    expect(
      thrown(() =>
        SIMULATE_ROI(
          benefits.map((r) => [...r, "Normal"]),
          costs,
        ),
      ).message,
    ).toBe('benefits row 1, column 4 must be one of "PERT", "Triangular", "Uniform"; got "Normal"');
  });

  it("says whether a correlation matrix was used as given or adjusted, in an eighth row", () => {
    const seven = (rho: (i: number, j: number) => number): number[][] =>
      Array.from({ length: 7 }, (_, i) => Array.from({ length: 7 }, (__, j) => (i === j ? 1 : rho(i, j))));
    const consistent = SIMULATE_ROI(
      benefits,
      costs,
      2000,
      7,
      null as never,
      null as never,
      seven(() => 0.3),
    );
    expect(consistent).toHaveLength(8);
    expect(consistent[7].slice(0, 2)).toEqual(["Correlation as given", 0]);
    const inconsistent = seven((i, j) =>
      i + j === 1 ? 0.9 : i + j === 3 && i * j === 2 ? -0.9 : i + j === 2 && i * j === 0 ? 0.9 : 0,
    );
    const adjusted = SIMULATE_ROI(benefits, costs, 2000, 7, null as never, null as never, inconsistent);
    expect(adjusted[7][0]).toBe("Correlation adjusted by");
    expect(adjusted[7][1] as number).toBeGreaterThan(0.05);
  });

  it("widens P5–P95 when the benefit lines move together", () => {
    const together = Array.from({ length: 7 }, (_, i) =>
      Array.from({ length: 7 }, (__, j) => (i === j ? 1 : i < 3 && j < 3 ? 0.8 : 0)),
    );
    const width = (t: unknown[][]): number => (t[5][1] as number) - (t[1][1] as number);
    expect(
      width(SIMULATE_ROI(benefits, costs, 10000, 1, null as never, null as never, together)),
    ).toBeGreaterThan(1.2 * width(SIMULATE_ROI(benefits, costs, 10000, 1)));
  });

  it("rejects a matrix of the wrong size, off the diagonal, or not symmetric, naming the cell", () => {
    expect(
      thrown(() =>
        SIMULATE_ROI(benefits, costs, 100, 1, null as never, null as never, [
          [1, 0],
          [0, 1],
        ]),
      ).message,
    ).toBe(
      "correlation must be 7 × 7, one row and one column per line item (benefits, then costs); got 2 × 2",
    );
    const asymmetric = Array.from({ length: 7 }, (_, i) =>
      Array.from({ length: 7 }, (__, j) =>
        i === j ? 1 : i === 1 && j === 0 ? 0.5 : i === 0 && j === 1 ? 0.4 : 0,
      ),
    );
    expect(
      thrown(() => SIMULATE_ROI(benefits, costs, 100, 1, null as never, null as never, asymmetric)).message,
    ).toBe("correlation row 2, column 1 must equal its mirror across the diagonal (0.4); got 0.5");
    const diagonal = Array.from({ length: 7 }, (_, i) =>
      Array.from({ length: 7 }, (__, j) => (i === j ? (i === 3 ? 0.5 : 1) : 0)),
    );
    expect(
      thrown(() => SIMULATE_ROI(benefits, costs, 100, 1, null as never, null as never, diagonal)).message,
    ).toMatch(/^correlation row 4, column 4 is on the diagonal and must be 1/);
  });

  it("caps the work at 10,000,000 line items × trials with a #VALUE! naming the limit", () => {
    const many = Array.from({ length: 11 }, () => [1, 2, 3]);
    const error = thrown(() => SIMULATE_ROI(many, costs, 1_000_000, 1));
    expect(error.code).toBe(CustomFunctions.ErrorCode.invalidValue);
    expect(error.message).toBe(
      "trials: line items × trials must be at most 10,000,000 (the simulation's work limit); got 15 × 1,000,000 = 15,000,000",
    );
    expect(thrown(() => SIM_PERCENTILE(many, costs, [[0.5]], 1_000_000)).message).toMatch(/work limit/);
  });

  it("sorts the tornado by swing with the retention benefit first", () => {
    const rows = TORNADO(
      benefits,
      costs,
      column("Agents", "Capacity", "Retention", "API", "Platform", "People", "Training"),
    );
    expect(rows[0][0]).toBe("Retention");
    expect(rows).toHaveLength(7);
  });

  // Two tables' label columns, as the Stress sheet passes the ROI sheet's Benefits and Costs:
  // the same rows as one label column over both, each line keeping its own label.
  it("takes the cost labels apart (4th argument): the same rows as one column of benefits then costs", () => {
    const together = TORNADO(
      benefits,
      costs,
      column("Agents", "Capacity", "Retention", "API", "Platform", "People", "Training"),
    );
    const apart = TORNADO(
      benefits,
      costs,
      column("Agents", "Capacity", "Retention"),
      column("API", "Platform", "People", "Training"),
    );
    expect(apart).toEqual(together);
  });

  it("aligns each label column with its own table's rows, blank rows included, and names a blank label by kind", () => {
    // A blank row in each table (room for a line), and one cost without a label.
    const rows = TORNADO(
      [...benefits, ["", "", ""]],
      [[1_000_000, 1_000_000, 1_000_000], ["", "", ""], ...costs.slice(1)],
      column("Agents", "Capacity", "Retention", ""),
      column("", "", "Platform", "People", "Training"),
    );
    const labels = rows.map((r) => r[0]);
    expect(labels).toHaveLength(7);
    expect(new Set(labels)).toEqual(
      new Set(["Agents", "Capacity", "Retention", "Cost 1", "Platform", "People", "Training"]),
    );
  });

  it("says which label column is short: one per benefit or one per cost line item", () => {
    const short = thrown(() => TORNADO(benefits, costs, column("A", "B"), column("C", "D", "E", "F")));
    expect(short.message).toBe("labels must have 3 values (one per benefit line item); got 2");
    const other = thrown(() => TORNADO(benefits, costs, column("A", "B", "C"), column("D")));
    expect(other.message).toBe("cost_labels must have 4 values (one per cost line item); got 1");
  });

  it("asks for one row or one column of labels when given a block", () => {
    const block = thrown(() =>
      TORNADO(benefits, costs, [
        ["b1", "x"],
        ["b3", "y"],
      ]),
    );
    expect(block.message).toBe("labels must be one row or one column; got 2 rows × 2 columns");
  });
});

describe("GENAI.SIM_PERCENTILE and GENAI.SIM_TARGET", () => {
  const lines = (bases: number[], low: number, high: number): number[][] =>
    bases.map((b) => [b * low, b, b * high]);
  const benefits = lines([7_200_000, 4_800_000, 10_000_000], 0.7, 1.2);
  const costs = lines([768_000, 600_000, 1_440_000, 500_000 / 3], 0.9, 1.3);
  /** One uniform benefit on [0, 1] and a cost of 1: ROI = U − 1, uniform on [−1, 0]. */
  const uniform = [[0, 0.5, 1, "Uniform"]];
  const unitCost = [[1, 1, 1]];

  it("gives the percentiles SIMULATE_ROI spills for the same arguments", () => {
    const table = SIMULATE_ROI(benefits, costs, 5000, 3, "Triangular", "MC");
    const ps = SIM_PERCENTILE(
      benefits,
      costs,
      column(0.05, 0.1, 0.5, 0.9, 0.95),
      5000,
      3,
      "Triangular",
      "MC",
    );
    expect(ps.map((r) => r[0])).toEqual(table.slice(1, 6).map((r) => r[1]));
  });

  it("knows the quantiles of a uniform ROI on [−1, 0]: P25 ≈ −0.75, P90 ≈ −0.1 (within 0.005)", () => {
    const [[p25, p90]] = SIM_PERCENTILE(uniform, unitCost, row(0.25, 0.9), 10_000) as number[][];
    expect(p25).toBeCloseTo(-0.75, 2);
    expect(p90).toBeCloseTo(-0.1, 2);
  });

  it("gives the minimum at p = 0 and the maximum at p = 1, a blank for a blank p, and an error for p outside [0, 1]", () => {
    const [low, blank, high, wrong] = SIM_PERCENTILE(uniform, unitCost, column(0, "", 1, 1.5), 1000);
    expect(low[0] as number).toBeGreaterThanOrEqual(-1);
    expect(low[0] as number).toBeLessThan(-0.999);
    expect(blank[0]).toBe("");
    expect(high[0] as number).toBeGreaterThan(-0.001);
    expect((wrong[0] as CustomFunctions.Error).message).toBe("p row 4 must be between 0 and 1; got 1.5");
  });

  it("knows the chance that a uniform ROI on [−1, 0] falls below x: P(ROI < −0.3) ≈ 0.7 (within 0.005)", () => {
    const [[below]] = SIM_TARGET(uniform, unitCost, [[-0.3]], 10_000) as number[][];
    expect(below).toBeCloseTo(0.7, 2);
  });

  it("gives SIMULATE_ROI's P(ROI<0) at x = 0, 0 below every trial and 1 above", () => {
    const hopeful = [[0.5, 1, 3]];
    const table = SIMULATE_ROI(hopeful, unitCost, 4000, 2);
    const [[atZero, none, all]] = SIM_TARGET(hopeful, unitCost, row(0, -0.6, 2.1), 4000, 2) as number[][];
    expect(atZero).toBe(table[6][1]);
    expect(atZero).toBeGreaterThan(0.1);
    expect(none).toBe(0);
    expect(all).toBe(1);
  });

  it("never decreases as the threshold rises, and P(ROI < P_p) ≈ p", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 0.99, noNaN: true }), (p) => {
        const [[q]] = SIM_PERCENTILE(benefits, costs, [[p]], 2000, 5) as number[][];
        const [[below, justAbove]] = SIM_TARGET(benefits, costs, row(q, q + 1e-9), 2000, 5) as number[][];
        expect(justAbove).toBeGreaterThanOrEqual(below);
        expect(Math.abs(below - p)).toBeLessThanOrEqual(1 / 2000 + 1e-12);
      }),
      { numRuns: 25 },
    );
  });
});
