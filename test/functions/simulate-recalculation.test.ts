/**
 * SIMULATE_ROI, SIM_PERCENTILE and SIM_TARGET recalculated as a workbook recalculates them: after
 * each edit of one line's low, base, high or distribution, and with a correlation matrix or not,
 * the figures equal those of a first call in a fresh copy of the functions (nothing kept, every
 * draw made anew), bit for bit. The kept samples of the lines that did not change must never
 * stand in for a line that did.
 */
import * as risk from "../../src/functions/risk";
import "../../src/host/custom-functions-shim";

/** The module behind SIMULATE_ROI, SIM_PERCENTILE and SIM_TARGET, and their kept samples. */
type Functions = typeof risk;

/** A fresh copy of the simulation functions, with nothing kept between calls yet. */
function freshFunctions(): Functions {
  let fresh: Functions | undefined;
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    fresh = require("../../src/functions/risk") as Functions;
  });
  if (!fresh) throw new Error("the functions did not load");
  return fresh;
}

type Rows = (number | string)[][];

/** The seed's lines as N×4 ranges (low, base, high, distribution; blank: the default). */
const BENEFITS: Rows = [
  [5_040_000, 7_200_000, 8_640_000, ""],
  [3_360_000, 4_800_000, 5_760_000, "Uniform"],
  [7_000_000, 10_000_000, 12_000_000, ""],
];
const COSTS: Rows = [
  [691_200, 768_000, 998_400, "Triangular"],
  [540_000, 600_000, 780_000, ""],
  [1_296_000, 1_440_000, 1_872_000, ""],
  [150_000, 500_000 / 3, 216_666, ""],
];

/** Benefits 0.5 with each other, the first cost 0.3 with them. */
const MATRIX = Array.from({ length: 7 }, (_, i) =>
  Array.from({ length: 7 }, (__, j) => {
    if (i === j) return 1;
    if (i < 3 && j < 3) return 0.5;
    if ((i < 3 && j === 3) || (i === 3 && j < 3)) return 0.3;
    return 0;
  }),
);

/** One line edited: [side, row, column, value]. */
type Edit = readonly ["benefits" | "costs", number, number, number | string];
const EDITS: readonly Edit[] = [
  ["benefits", 0, 1, 6_000_000],
  ["costs", 2, 0, 1_200_000],
  ["benefits", 2, 2, 13_500_000],
  ["costs", 1, 3, "Uniform"],
  ["costs", 1, 3, ""],
  ["benefits", 1, 3, "PERT"],
];

describe.each([
  ["LHS, independent", "LHS", null],
  ["MC, independent", "MC", null],
  ["LHS, correlated", "LHS", MATRIX],
  ["MC, correlated", "MC", MATRIX],
] as const)("the simulation functions recalculated after line edits: %s", (_, sampling, matrix) => {
  it("give a fresh, uncached call's figures after every edit", () => {
    const kept = freshFunctions();
    const lines = { benefits: BENEFITS.map((r) => [...r]), costs: COSTS.map((r) => [...r]) };
    const correlation = matrix ? matrix.map((r) => [...r]) : undefined;
    const call = (f: Functions) =>
      [
        f.simulateRoiOf(lines.benefits, lines.costs, 2_000, 5, "PERT", sampling, correlation),
        f.simPercentileOf(
          lines.benefits,
          lines.costs,
          [[0.25], [0.75]],
          4_000,
          5,
          "PERT",
          sampling,
          correlation,
        ),
        f.simTargetOf(lines.benefits, lines.costs, [[0.5]], 2_000, 5, "PERT", sampling, correlation),
      ] as const;
    // Twice before the edits: the second call keeps the design, the lines' samples and sums.
    call(kept);
    let previous = call(kept);
    expect(previous).toEqual(call(freshFunctions()));
    for (const [side, row, column, value] of EDITS) {
      lines[side] = lines[side].map((r, i) => (i === row ? r.map((x, c) => (c === column ? value : x)) : r));
      const got = call(kept);
      // A fresh copy keeps nothing: its first call draws everything.
      expect(got).toEqual(call(freshFunctions()));
      expect(got[0]).not.toEqual(previous[0]);
      previous = got;
    }
  });
});
