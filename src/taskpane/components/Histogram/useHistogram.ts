import type { HistogramBin } from "../../../engine/statistics";
import type { HistogramBar } from "./Histogram.types";

/** The SVG's user units; the chart scales to the pane's width. */
export const VIEW_WIDTH = 300;
export const VIEW_HEIGHT = 120;
const GAP = 1;

/** Bars scaled to the tallest bin, and the x of ROI = 0 when it lies inside the range. */
export function useHistogram(bins: readonly HistogramBin[]): { bars: HistogramBar[]; zeroX: number | null } {
  const tallest = Math.max(1, ...bins.map((b) => b.count));
  const width = bins.length > 0 ? VIEW_WIDTH / bins.length : 0;
  const bars = bins.map((b, i) => {
    const height = (b.count / tallest) * VIEW_HEIGHT;
    return {
      x: i * width + GAP / 2,
      y: VIEW_HEIGHT - height,
      width: Math.max(0, width - GAP),
      height,
      loss: (b.from + b.to) / 2 < 0,
    };
  });
  const min = bins[0]?.from ?? 0;
  const max = bins[bins.length - 1]?.to ?? 0;
  const zeroX = min < 0 && max > 0 ? ((0 - min) / (max - min)) * VIEW_WIDTH : null;
  return { bars, zeroX };
}
