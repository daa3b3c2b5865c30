import type { HistogramBin } from "../../../engine/statistics";

export interface HistogramProps {
  readonly bins: readonly HistogramBin[];
  /** The chart's accessible name. */
  readonly title: string;
  /** What the chart shows, in words (read by screen readers instead of the bars). */
  readonly description: string;
  /** The lowest and highest value, formatted, shown under the axis. */
  readonly minLabel: string;
  readonly maxLabel: string;
}

export interface HistogramBar {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** The bin lies below zero (a loss). */
  readonly loss: boolean;
}
