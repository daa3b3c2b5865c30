/** Geometry of the business-case charts: what each shape stands for. */
import type { SensitivityResult } from "../../../src/engine/case-simulation";
import {
  CHART_HEIGHT,
  CHART_WIDTH,
  cdfPolyline,
  spiderLines,
  tornadoBars,
} from "../../../src/taskpane/components/CaseSimulation/case-view";
import { sensitivityLine } from "./sensitivity-fixture";

const line = sensitivityLine;

const result: SensitivityResult = {
  output: "npv",
  percentiles: [0.1, 0.3, 0.5, 0.7, 0.9],
  base: 100,
  lines: [
    line("Benefit", 0, [60, 80, 100, 120, 140]),
    line("Cost", 1, [120, 110, 100, 90, 80]),
    line("Flat", 2, [100, 100, 100, 100, 100]),
  ],
};

describe("business-case chart geometry", () => {
  it("draws the CDF from the lowest value at probability 0 to the highest at 1, leaving out paybacks beyond the horizon", () => {
    const { points, min, max } = cdfPolyline([1, 2, 3, Infinity, Infinity]);
    expect([min, max]).toEqual([1, 3]);
    expect(points).toBe(`0,${CHART_HEIGHT} 150,90 ${CHART_WIDTH},60`);
  });

  it("spans each tornado bar from the output at P10 to the one at P90, a cost's bar marked as inverse", () => {
    const { bars, baseX, min, max } = tornadoBars(result, 8);
    expect([min, max]).toEqual([60, 140]);
    // The line that does not move the output is left out, as on the Stress sheet.
    expect(bars.map((b) => [b.label, b.x, b.width, b.inverse, b.low, b.high])).toEqual([
      ["Benefit", 0, 300, false, 60, 140],
      ["Cost", 75, 150, true, 120, 80],
    ]);
    expect(baseX).toBe(150);
  });

  const payback: SensitivityResult = {
    output: "paybackMonths",
    percentiles: [0.1, 0.3, 0.5, 0.7, 0.9],
    base: 14,
    lines: [line("Build", 0, [10, 12, 14, 30, Infinity]), line("Agents", 1, [20, 16, 14, 12, 10])],
  };

  it("draws a payback beyond the horizon at the tornado's right edge, the finite months to its left", () => {
    const { bars, baseX, min, max } = tornadoBars(payback, 8);
    expect([min, max]).toEqual([10, Infinity]);
    // Finite months over the first 85% of the width (255 units for 10..20 months).
    expect(bars.map((b) => [b.label, b.x, b.width])).toEqual([
      ["Build", 0, CHART_WIDTH],
      ["Agents", 0, 255],
    ]);
    expect(baseX).toBe(102);
    // A base payback beyond the horizon sits at the edge too.
    expect(tornadoBars({ ...payback, base: Infinity }, 8).baseX).toBe(CHART_WIDTH);
  });

  it("draws the spider's payback beyond the horizon at the top edge", () => {
    const { lines, max } = spiderLines(payback, 5);
    expect(max).toBe(Infinity);
    expect(lines.map((l) => l.label)).toEqual(["Build", "Agents"]);
    // y = 0 is the top; 10..30 months fill the lower 85% of the height (102 units).
    expect(lines[0].points.split(" ")).toEqual(["0,120", "75,109.8", "150,99.6", "225,18", "300,0"]);
  });

  it("plots the spider's lines against the percentile, skipping lines that do not move the output", () => {
    const { lines } = spiderLines(result, 5);
    expect(lines.map((l) => l.label)).toEqual(["Benefit", "Cost"]);
    expect(lines[0].points.split(" ")).toEqual(["0,120", "75,90", "150,60", "225,30", "300,0"]);
  });
});
