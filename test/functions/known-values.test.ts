/**
 * Known values of every GENAI function, from the seed document and by hand (DESIGN.md section 3).
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

  it("sorts the tornado by swing with the retention benefit first", () => {
    const rows = TORNADO(
      benefits,
      costs,
      column("Agents", "Capacity", "Retention", "API", "Platform", "People", "Training"),
    );
    expect(rows[0][0]).toBe("Retention");
    expect(rows).toHaveLength(7);
  });
});
