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
    expect(bars.map((b) => [b.label, b.x, b.width, b.inverse])).toEqual([
      ["Benefit", 0, 300, false],
      ["Cost", 75, 150, true],
      ["Flat", 150, 0.5, false],
    ]);
    expect(baseX).toBe(150);
  });

  it("plots the spider's lines against the percentile, skipping lines that do not move the output", () => {
    const { lines } = spiderLines(result, 5);
    expect(lines.map((l) => l.label)).toEqual(["Benefit", "Cost"]);
    expect(lines[0].points.split(" ")).toEqual(["0,120", "75,90", "150,60", "225,30", "300,0"]);
  });
});
