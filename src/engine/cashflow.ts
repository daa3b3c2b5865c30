/**
 * Discounting and payback. Conventions follow Excel: `npv` is Excel's NPV (the first value is
 * discounted one full period); `presentValue` is the Total Economic Impact convention used by
 * GENAI.PV_ROI, where element 0 is the initial period and is not discounted.
 */

/** Excel's NPV: Σ values[i] / (1 + rate)^(i + 1), i = 0..n−1. */
export function npv(rate: number, values: ArrayLike<number>): number {
  let sum = 0;
  let factor = 1;
  for (let i = 0; i < values.length; i++) {
    factor /= 1 + rate;
    sum += values[i] * factor;
  }
  return sum;
}

/** Σ values[k] / (1 + rate)^k, k = 0..n−1: element 0 at time 0, undiscounted. */
export function presentValue(rate: number, values: ArrayLike<number>): number {
  let sum = 0;
  let factor = 1;
  for (let k = 0; k < values.length; k++) {
    sum += values[k] * factor;
    factor /= 1 + rate;
  }
  return sum;
}

export interface RiskAdjustment {
  /** Discount rate per period, as a fraction. */
  readonly discountRate: number;
  /** Share of benefits at risk: benefits are counted × (1 − benefitRisk). */
  readonly benefitRisk: number;
  /** Expected cost overrun: costs are counted × (1 + costRisk). */
  readonly costRisk: number;
}

export interface PresentValueRoi {
  readonly pvBenefits: number;
  readonly pvCosts: number;
  /** (PV benefits − PV costs) / PV costs, or null when PV costs are not positive. */
  readonly roi: number | null;
}

/**
 * Risk-adjusted present-value ROI over periods 0..N (Forrester's Total Economic Impact convention):
 *   PV_B = (1 − benefitRisk) · Σ B_k / (1+r)^k,  PV_C = (1 + costRisk) · Σ C_k / (1+r)^k,
 *   ROI  = (PV_B − PV_C) / PV_C.
 */
export function presentValueRoi(
  benefits: ArrayLike<number>,
  costs: ArrayLike<number>,
  risk: RiskAdjustment,
): PresentValueRoi {
  const pvBenefits = (1 - risk.benefitRisk) * presentValue(risk.discountRate, benefits);
  const pvCosts = (1 + risk.costRisk) * presentValue(risk.discountRate, costs);
  return { pvBenefits, pvCosts, roi: pvCosts > 0 ? (pvBenefits - pvCosts) / pvCosts : null };
}

/**
 * Payback time: when the cumulative net cash flow first turns from negative to ≥ 0.
 * cashFlows[0] is at time 0, cashFlows[k] at the end of period k. For the first such k,
 *   payback = (k − 1) + (−cumulative through k−1) / cashFlows[k]   (linear within the period),
 * times monthsPerPeriod. Returns 0 when the cumulative never dips below 0, and null when it
 * is still negative at the end of the horizon (no payback).
 */
export function payback(cashFlows: ArrayLike<number>, monthsPerPeriod = 1): number | null {
  let cumulative = 0;
  let everNegative = false;
  for (let k = 0; k < cashFlows.length; k++) {
    const before = cumulative;
    cumulative += cashFlows[k];
    if (k > 0 && before < 0 && cumulative >= 0) {
      return (k - 1 + -before / cashFlows[k]) * monthsPerPeriod;
    }
    if (cumulative < 0) everNegative = true;
  }
  return everNegative ? null : 0;
}

/** Running totals: out[k] = Σ values[0..k]. */
export function cumulative(values: ArrayLike<number>): Float64Array {
  const out = new Float64Array(values.length);
  let sum = 0;
  for (let k = 0; k < values.length; k++) {
    sum += values[k];
    out[k] = sum;
  }
  return out;
}

/**
 * Internal rate of return: the rate r with Σ values[k] / (1 + r)^k = 0 (Excel's IRR, element 0 at
 * time 0). Searched on a grid of rates from −99% up to 100,000% for the first sign change of the
 * present value, then bisected to double precision; for a conventional flow (outlays first, then
 * inflows) that root is the only one, as Excel's Newton iteration finds. Null when no rate in that
 * range makes the present value zero (no outlay, or no inflow).
 */
export function irr(values: ArrayLike<number>): number | null {
  let outlay = false;
  let inflow = false;
  for (let k = 0; k < values.length; k++) {
    if (values[k] < 0) outlay = true;
    if (values[k] > 0) inflow = true;
  }
  if (!outlay || !inflow) return null;
  const f = (rate: number): number => presentValue(rate, values);
  // Rates on a log-like grid: dense near 0 where business cases live.
  const grid: number[] = [-0.99];
  for (let r = -0.95; r < 1; r += 0.05) grid.push(r);
  for (let r = 1; r <= 1000; r *= 1.5) grid.push(r);
  let lo = grid[0];
  let fLo = f(lo);
  if (fLo === 0) return lo;
  for (let i = 1; i < grid.length; i++) {
    const hi = grid[i];
    const fHi = f(hi);
    if (fHi === 0) return hi;
    if (Number.isFinite(fLo) && Number.isFinite(fHi) && Math.sign(fLo) !== Math.sign(fHi)) {
      let a = lo;
      let fa = fLo;
      let b = hi;
      for (let k = 0; k < 200 && b - a > 1e-15 * Math.max(1, Math.abs(a)); k++) {
        const mid = (a + b) / 2;
        const fm = f(mid);
        if (fm === 0) return mid;
        if (Math.sign(fm) === Math.sign(fa)) {
          a = mid;
          fa = fm;
        } else {
          b = mid;
        }
      }
      return (a + b) / 2;
    }
    lo = hi;
    fLo = fHi;
  }
  return null;
}
