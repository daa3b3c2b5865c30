/** Axes of the preview's SVG charts: extents, nice ticks, short labels, linear scales. */
import { extent, niceTicks, padded, scale, tickLabel } from "../../src/preview/chart-geometry";

describe("chart axes", () => {
  it("spans the finite values, with zero when bars need it", () => {
    expect(extent([3, null, 7, Number.NaN])).toEqual({ min: 3, max: 7 });
    expect(extent([3, 7], true)).toEqual({ min: 0, max: 7 });
    expect(extent([-2, 5], true)).toEqual({ min: -2, max: 5 });
    expect(extent([])).toEqual({ min: 0, max: 1 });
    expect(extent([4, 4])).toEqual({ min: 0, max: 4 });
  });

  it("ticks in steps of 1, 2, 2.5 or 5 × 10ⁿ that cover the range", () => {
    expect(niceTicks({ min: 0, max: 1 })).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks({ min: -1_500_000, max: 40_000_000 })).toEqual([
      -10_000_000, 0, 10_000_000, 20_000_000, 30_000_000, 40_000_000,
    ]);
    const ticks = niceTicks({ min: 3.2, max: 7.9 });
    expect(ticks[0]).toBeLessThanOrEqual(3.2);
    expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(7.9);
  });

  it("pads a range on both sides, so bubbles at the ends stay whole", () => {
    expect(padded({ min: 1, max: 5 })).toEqual({ min: 0.6, max: 5.4 });
    expect(niceTicks(padded({ min: 1, max: 5 }))).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it("labels ticks briefly", () => {
    expect(tickLabel(12_000_000, false)).toBe("12M");
    expect(tickLabel(0.25, true)).toBe("25%");
    expect(tickLabel(-1500, false)).toBe("-1.5K");
  });

  it("maps a domain linearly onto pixels, either way round", () => {
    const y = scale({ min: 0, max: 10 }, 200, 0);
    expect([y(0), y(5), y(10)]).toEqual([200, 100, 0]);
  });
});
