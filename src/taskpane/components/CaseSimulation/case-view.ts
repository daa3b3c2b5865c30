/**
 * Geometry of the business-case charts in SVG user units (the charts scale to the pane's width):
 * the cumulative distribution, the tornado at P10/P90 and the spider chart.
 */
import type { SensitivityResult } from "../../../engine/case-simulation";

export const CHART_WIDTH = 300;
export const CHART_HEIGHT = 120;

/** Linear scale of [min, max] onto [0, size]; a zero-width range maps to the middle. */
function scale(min: number, max: number, size: number): (v: number) => number {
  return max > min ? (v) => ((v - min) / (max - min)) * size : () => size / 2;
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}

/** Where the finite values end on an axis that also shows a payback beyond the horizon. */
const FINITE_SHARE = 0.85;

/**
 * The scale of an axis of `size` over `values`, which may hold +Infinity (a payback beyond the
 * horizon): the finite values over [0, size], or over its first FINITE_SHARE when some value is
 * infinite, which then sits at the far end. `max` is +Infinity in that case.
 */
function axis(
  values: readonly number[],
  size: number,
): { at: (v: number) => number; min: number; max: number } {
  const finite = values.filter((v) => Number.isFinite(v));
  const beyond = values.some((v) => v === Infinity);
  const min = finite.length ? Math.min(...finite) : 0;
  const max = finite.length ? Math.max(...finite) : 0;
  const inner = scale(min, max, beyond ? size * FINITE_SHARE : size);
  return { at: (v) => (v === Infinity ? size : inner(v)), min, max: beyond ? Infinity : max };
}

/**
 * The empirical CDF as a polyline: cdf[i] is the value at probability i/(n − 1); x the value,
 * y the probability (0 at the bottom). Infinite values (a payback beyond the horizon) end the
 * line where the finite values stop, at their probability.
 */
export function cdfPolyline(cdf: readonly number[]): { points: string; min: number; max: number } {
  const finite = cdf.filter((v) => Number.isFinite(v));
  const min = finite.length ? Math.min(...finite) : 0;
  const max = finite.length ? Math.max(...finite) : 0;
  const x = scale(min, max, CHART_WIDTH);
  const points = cdf
    .map((v, i) => ({ v, p: cdf.length > 1 ? i / (cdf.length - 1) : 1 }))
    .filter(({ v }) => Number.isFinite(v))
    .map(({ v, p }) => `${round(x(v))},${round(CHART_HEIGHT - p * CHART_HEIGHT)}`)
    .join(" ");
  return { points, min, max };
}

export interface TornadoBar {
  readonly label: string;
  readonly y: number;
  readonly height: number;
  /** From the lower output to the higher one. */
  readonly x: number;
  readonly width: number;
  /** True when the line's P90 gives the lower output (a cost line, for NPV and ROI). */
  readonly inverse: boolean;
  /** The output at the line's first and last percentile (P10, P90); +Infinity: beyond the horizon. */
  readonly low: number;
  readonly high: number;
}

/**
 * The tornado: the `count` largest swings, largest on top, around the base output; lines that do
 * not move it are left out, as on the Stress sheet. A payback beyond the horizon (a line's end or
 * the base) sits at the right edge, the finite values to its left; `max` is then +Infinity.
 */
export function tornadoBars(
  result: SensitivityResult,
  count: number,
): { bars: TornadoBar[]; baseX: number; min: number; max: number } {
  // NaN fails the comparison: an undefined output draws nothing.
  const lines = result.lines.filter((l) => l.swing > 0).slice(0, count);
  const values = lines.flatMap((l) => [l.low, l.high]);
  if (!Number.isNaN(result.base)) values.push(result.base);
  const { at: x, min, max } = axis(values, CHART_WIDTH);
  const row = lines.length ? CHART_HEIGHT / lines.length : 0;
  const bars = lines.map((l, i) => {
    const from = Math.min(l.low, l.high);
    const to = Math.max(l.low, l.high);
    return {
      label: l.label,
      y: round(i * row + row * 0.15),
      height: round(row * 0.7),
      x: round(x(from)),
      width: round(Math.max(0.5, x(to) - x(from))),
      inverse: l.high < l.low,
      low: l.low,
      high: l.high,
    };
  });
  return { bars, baseX: round(x(Number.isNaN(result.base) ? min : result.base)), min, max };
}

/**
 * The spider chart: one polyline per line (the `count` largest swings), x the percentile; a
 * payback beyond the horizon at the top edge, the finite values below it (`max` +Infinity).
 */
export function spiderLines(
  result: SensitivityResult,
  count: number,
): { lines: { label: string; points: string }[]; min: number; max: number } {
  const chosen = result.lines
    .filter((l) => l.outputs.every((v) => !Number.isNaN(v)) && l.swing > 0)
    .slice(0, count);
  const {
    at: y,
    min,
    max,
  } = axis(
    chosen.flatMap((l) => l.outputs),
    CHART_HEIGHT,
  );
  const first = result.percentiles[0] ?? 0;
  const last = result.percentiles[result.percentiles.length - 1] ?? 1;
  const x = scale(first, last, CHART_WIDTH);
  return {
    lines: chosen.map((l) => ({
      label: l.label,
      points: l.outputs
        .map((v, i) => `${round(x(result.percentiles[i]))},${round(CHART_HEIGHT - y(v))}`)
        .join(" "),
    })),
    min,
    max,
  };
}
