/**
 * One-at-a-time sensitivity (the tornado) and goal seeking by the engine, so the pane never needs
 * Excel's Goal Seek (which gives wrong answers when the target depends on a custom function).
 */
import type { ThreePoint } from "./distributions";
import { roi } from "./roi";
import type { LineItemModel } from "./simulate";

export interface TornadoRow {
  readonly label: string;
  readonly roiAtLow: number;
  readonly roiAtHigh: number;
  /** |ROI at high − ROI at low|. */
  readonly swing: number;
}

/**
 * Each line item at its low and at its high with every other item at base; rows sorted by swing,
 * largest first (ties keep input order).
 */
export function tornado(model: LineItemModel, labels: readonly string[]): TornadoRow[] {
  const baseB = model.benefits.reduce((s, i) => s + i.base, 0);
  const baseC = model.costs.reduce((s, i) => s + i.base, 0);
  const rows: TornadoRow[] = [];
  const add = (label: string, item: ThreePoint, isBenefit: boolean): void => {
    const at = (value: number): number =>
      isBenefit ? roi(baseB - item.base + value, baseC) : roi(baseB, baseC - item.base + value);
    const roiAtLow = at(item.low);
    const roiAtHigh = at(item.high);
    rows.push({ label, roiAtLow, roiAtHigh, swing: Math.abs(roiAtHigh - roiAtLow) });
  };
  model.benefits.forEach((item, j) => add(labels[j], item, true));
  model.costs.forEach((item, j) => add(labels[model.benefits.length + j], item, false));
  return rows
    .map((row, order) => ({ row, order }))
    .sort((a, b) => b.row.swing - a.row.swing || a.order - b.order)
    .map(({ row }) => row);
}

/**
 * Finds x in [lo, hi] with f(x) = target for a continuous f, by bisection on a bracketing
 * interval (Brent would be faster; 60 halvings reach double precision and f is cheap here).
 * Returns null when f(lo) and f(hi) do not bracket the target. The bounds may come in any order.
 */
export function solve(
  f: (x: number) => number,
  target: number,
  lo: number,
  hi: number,
  tolerance = 1e-12,
): number | null {
  if (lo > hi) [lo, hi] = [hi, lo];
  let fLo = f(lo) - target;
  const fHi = f(hi) - target;
  if (fLo === 0) return lo;
  if (fHi === 0) return hi;
  if (!Number.isFinite(fLo) || !Number.isFinite(fHi) || Math.sign(fLo) === Math.sign(fHi)) return null;
  for (let i = 0; i < 200 && hi - lo > tolerance * Math.max(1, Math.abs(lo) + Math.abs(hi)); i++) {
    const mid = (lo + hi) / 2;
    const fMid = f(mid) - target;
    if (fMid === 0) return mid;
    if (Math.sign(fMid) === Math.sign(fLo)) {
      lo = mid;
      fLo = fMid;
    } else {
      hi = mid;
    }
  }
  return (lo + hi) / 2;
}
