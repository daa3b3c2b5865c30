/**
 * Axes for the preview's simple SVG charts: value ranges that include zero where bars need it,
 * "nice" tick steps (1, 2, 2.5 or 5 × 10ⁿ) and short tick labels. Pure, so the charts stay dumb.
 */

export interface Extent {
  readonly min: number;
  readonly max: number;
}

/** The range of the finite numbers in `values` (0..1 when there are none), widened if flat. */
export function extent(values: readonly (number | null | undefined)[], includeZero = false): Extent {
  let min = includeZero ? 0 : Infinity;
  let max = includeZero ? 0 : -Infinity;
  for (const v of values) {
    if (typeof v !== "number" || !Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === Infinity) return { min: 0, max: 1 };
  if (min === max) return min === 0 ? { min: 0, max: 1 } : { min: Math.min(0, min), max: Math.max(0, max) };
  return { min, max };
}

/** The range widened by `share` of its span on each side. */
export function padded(range: Extent, share = 0.1): Extent {
  const pad = (range.max - range.min) * share;
  return { min: range.min - pad, max: range.max + pad };
}

/** Ticks covering `range` with a nice step, about `count` of them; the ends snap outwards. */
export function niceTicks(range: Extent, count = 5): number[] {
  const span = range.max - range.min;
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const first = Math.floor(range.min / step) * step;
  const last = Math.ceil(range.max / step) * step;
  const ticks: number[] = [];
  for (let t = first; t <= last + step / 2; t += step) ticks.push(Number(t.toPrecision(12)));
  return ticks;
}

/** A short tick label: 12,000,000 → "12M", 0.25 → "25%" on a percent axis. */
export function tickLabel(value: number, percent: boolean): string {
  if (percent) return `${Number((value * 100).toPrecision(6))}%`;
  return new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 }).format(value);
}

/** A linear map from `domain` onto the pixel interval [from, to]. */
export function scale(domain: Extent, from: number, to: number): (value: number) => number {
  const span = domain.max - domain.min || 1;
  return (value) => from + ((value - domain.min) / span) * (to - from);
}
