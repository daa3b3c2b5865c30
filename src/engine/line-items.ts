/**
 * The line-item business case (docs/line-items.md): any number of benefit and cost lines, each
 * with its own timing, kind and risk, scheduled month by month and summed into the Total
 * Economic Impact layout (initial year, years 1..3, total, present value; unadjusted and
 * risk-adjusted). The ROI sheet's calculated columns compute the same equations cell by cell; this
 * module is the reference they are tested against, and what the pane computes with.
 *
 * Month k runs 0..horizon; year 0 is month 0 alone ("Initial"), year y holds months 12y − 11..12y.
 */
import { adoption } from "./rollout";
import { irr, payback, presentValue } from "./cashflow";
import type { ThreePoint } from "./distributions";
import type { LineItemModel } from "./simulate";

export type BenefitTiming = "company" | "wave" | "own" | "fixed";
export type CostKind = "oneOff" | "recurring" | "usage";
export type Scenario = "Worst" | "Base" | "Best";

/** When a department's wave starts and how long it ramps, with the company's adoption target. */
export interface WavePlan {
  readonly startMonth: number;
  readonly rampMonths: number;
  readonly target: number;
}

export interface BenefitLine {
  readonly label: string;
  /** Annual value at full adoption (the base). */
  readonly annual: number;
  /** Low and high; missing ones are the base (no spread). */
  readonly low?: number;
  readonly high?: number;
  readonly timing: BenefitTiming;
  /** Own and Fixed: first month with value (default 0). */
  readonly startMonth?: number;
  /** Own: months to full value (default 0: a step). */
  readonly rampMonths?: number;
  /** Wave: the department's wave; without one the line follows the company's adoption. */
  readonly wave?: WavePlan;
  /** TEI benefit risk adjustment: the line counts × (1 − risk). Default 0. */
  readonly risk?: number;
}

export interface CostLine {
  readonly label: string;
  /** One-off: the total; recurring and usage: per year (usage at full adoption). */
  readonly amount: number;
  readonly low?: number;
  readonly high?: number;
  readonly kind: CostKind;
  /** One-off: its month; recurring and usage: the first month charged. Default 0. */
  readonly startMonth?: number;
  /** One-off: spread evenly over this many months (default 1). */
  readonly spreadMonths?: number;
  /** TEI cost risk adjustment: the line counts × (1 + risk). Default 0. */
  readonly risk?: number;
}

export interface LineItemSettings {
  /** Company-wide adopted share for months 0..horizon (the Rollout's AdoptedShare or own ramp). */
  readonly companyAdoption: readonly number[];
  readonly monthsPerYear: number;
  /** Share of the planned benefits that materialises (1 = 100%). */
  readonly benefitRealisation: number;
  readonly scenario: Scenario;
  /** Yearly change of usage prices from year 2 on: usage cost × (1 + change)^(year − 1). */
  readonly usagePriceChange: number;
  readonly discountRate: number;
}

export interface LineItemCase {
  readonly benefits: readonly BenefitLine[];
  readonly costs: readonly CostLine[];
  readonly settings: LineItemSettings;
}

/** Year of month k: 0 for month 0, then ⌈k / monthsPerYear⌉. */
export function yearOfMonth(month: number, monthsPerYear: number): number {
  return month === 0 ? 0 : Math.ceil(month / monthsPerYear);
}

/**
 * Default low and high from the stress percentages, ordered by value: for a negative base
 * (agents after AI above agents before) base × (1 − 30%) is the higher of the two.
 */
export function defaultLowHigh(
  base: number,
  lowChange: number,
  highChange: number,
): { low: number; high: number } {
  const a = base * (1 + lowChange);
  const b = base * (1 + highChange);
  return { low: Math.min(a, b), high: Math.max(a, b) };
}

const lowOf = (line: { low?: number }, base: number): number => line.low ?? base;
const highOf = (line: { high?: number }, base: number): number => line.high ?? base;

/** A benefit's value in use: the scenario's point (Worst = low, Best = high) × realisation. */
export function benefitInUse(line: BenefitLine, s: LineItemSettings): number {
  const point =
    s.scenario === "Worst"
      ? lowOf(line, line.annual)
      : s.scenario === "Best"
        ? highOf(line, line.annual)
        : line.annual;
  return point * s.benefitRealisation;
}

/** A cost's amount in use: costs overrun in the worst case (Worst = high, Best = low). */
export function costInUse(line: CostLine, s: LineItemSettings): number {
  return s.scenario === "Worst"
    ? highOf(line, line.amount)
    : s.scenario === "Best"
      ? lowOf(line, line.amount)
      : line.amount;
}

/** The share of a benefit line's annual value that applies in month k. */
export function benefitShare(line: BenefitLine, month: number, s: LineItemSettings): number {
  const start = line.startMonth ?? 0;
  switch (line.timing) {
    case "fixed":
      return month >= start ? 1 : 0;
    case "own":
      return adoption(month, start, line.rampMonths ?? 0, 1);
    case "wave":
      if (line.wave) return adoption(month, line.wave.startMonth, line.wave.rampMonths, line.wave.target);
      return s.companyAdoption[month] ?? 0;
    case "company":
      return s.companyAdoption[month] ?? 0;
  }
}

/** A benefit line's value in months 0..horizon: in use × share ÷ months per year. */
export function benefitSchedule(line: BenefitLine, s: LineItemSettings): number[] {
  const perMonth = benefitInUse(line, s) / s.monthsPerYear;
  return s.companyAdoption.map((_, month) => perMonth * benefitShare(line, month, s));
}

/**
 * A cost line's charge in months 0..horizon:
 *   one-off    in use ÷ spread in each month of [start, start + spread)
 *   recurring  in use ÷ months per year from the start
 *   usage      in use ÷ months per year × company adoption × (1 + price change)^(year − 1), from the start
 */
export function costSchedule(line: CostLine, s: LineItemSettings): number[] {
  const amount = costInUse(line, s);
  const start = line.startMonth ?? 0;
  const spread = Math.max(1, line.spreadMonths ?? 1);
  return s.companyAdoption.map((share, month) => {
    if (month < start) return 0;
    switch (line.kind) {
      case "oneOff":
        return month < start + spread ? amount / spread : 0;
      case "recurring":
        return amount / s.monthsPerYear;
      case "usage": {
        const years = Math.max(0, yearOfMonth(month, s.monthsPerYear) - 1);
        return (amount / s.monthsPerYear) * share * (1 + s.usagePriceChange) ** years;
      }
    }
  });
}

/** Sums of a monthly schedule per year 0..years (year 0 = month 0). */
export function yearTotals(schedule: readonly number[], monthsPerYear: number, years: number): number[] {
  const out = new Array<number>(years + 1).fill(0);
  schedule.forEach((v, month) => {
    const y = yearOfMonth(month, monthsPerYear);
    if (y <= years) out[y] += v;
  });
  return out;
}

/** One TEI row: the initial year, years 1..N, their total and their present value. */
export interface SummaryRow {
  readonly years: readonly number[];
  readonly total: number;
  /** Σ years[k] / (1 + rate)^k: year 0 undiscounted. */
  readonly presentValue: number;
}

export interface FinancialSummary {
  readonly benefits: SummaryRow;
  readonly costs: SummaryRow;
  readonly net: SummaryRow;
  readonly riskBenefits: SummaryRow;
  readonly riskCosts: SummaryRow;
  readonly riskNet: SummaryRow;
  /** Run-rate year: Σ benefits in use and Σ recurring and usage costs in use (one-off excluded). */
  readonly annualBenefits: number;
  readonly annualCosts: number;
  /** (annual benefits − annual costs) / annual costs; null without run-rate costs. */
  readonly annualRoi: number | null;
  /** (PV risk-adjusted benefits − PV risk-adjusted costs) / PV risk-adjusted costs; null when PV costs ≤ 0. */
  readonly pvRoi: number | null;
  /** Present value of the risk-adjusted net. */
  readonly npv: number;
  /** IRR of the risk-adjusted net per year; null when it has none. */
  readonly irr: number | null;
  /** Months until the cumulative unadjusted monthly net turns ≥ 0; null beyond the horizon. */
  readonly paybackMonths: number | null;
  readonly monthlyBenefits: readonly number[];
  readonly monthlyCosts: readonly number[];
}

const HORIZON_YEARS = 3;

function row(years: number[], rate: number): SummaryRow {
  return { years, total: years.reduce((a, b) => a + b, 0), presentValue: presentValue(rate, years) };
}

const minus = (a: readonly number[], b: readonly number[]): number[] => a.map((v, i) => v - b[i]);

/** The whole case in the TEI layout, and the headline figures. */
export function financialSummary(c: LineItemCase): FinancialSummary {
  const s = c.settings;
  const months = s.companyAdoption.length;
  const monthlyBenefits = new Array<number>(months).fill(0);
  const monthlyCosts = new Array<number>(months).fill(0);
  const yb = new Array<number>(HORIZON_YEARS + 1).fill(0);
  const yc = yb.slice();
  const rb = yb.slice();
  const rc = yb.slice();
  for (const line of c.benefits) {
    const schedule = benefitSchedule(line, s);
    schedule.forEach((v, k) => (monthlyBenefits[k] += v));
    yearTotals(schedule, s.monthsPerYear, HORIZON_YEARS).forEach((v, y) => {
      yb[y] += v;
      rb[y] += v * (1 - (line.risk ?? 0));
    });
  }
  for (const line of c.costs) {
    const schedule = costSchedule(line, s);
    schedule.forEach((v, k) => (monthlyCosts[k] += v));
    yearTotals(schedule, s.monthsPerYear, HORIZON_YEARS).forEach((v, y) => {
      yc[y] += v;
      rc[y] += v * (1 + (line.risk ?? 0));
    });
  }
  const annualBenefits = c.benefits.reduce((sum, line) => sum + benefitInUse(line, s), 0);
  const annualCosts = c.costs
    .filter((line) => line.kind !== "oneOff")
    .reduce((sum, line) => sum + costInUse(line, s), 0);
  const riskBenefits = row(rb, s.discountRate);
  const riskCosts = row(rc, s.discountRate);
  const riskNet = row(minus(rb, rc), s.discountRate);
  return {
    benefits: row(yb, s.discountRate),
    costs: row(yc, s.discountRate),
    net: row(minus(yb, yc), s.discountRate),
    riskBenefits,
    riskCosts,
    riskNet,
    annualBenefits,
    annualCosts,
    annualRoi: annualCosts > 0 ? (annualBenefits - annualCosts) / annualCosts : null,
    pvRoi:
      riskCosts.presentValue > 0
        ? (riskBenefits.presentValue - riskCosts.presentValue) / riskCosts.presentValue
        : null,
    npv: riskNet.presentValue,
    irr: irr(riskNet.years),
    paybackMonths: payback(minus(monthlyBenefits, monthlyCosts)),
    monthlyBenefits,
    monthlyCosts,
  };
}

/**
 * The run-rate three-point model SIMULATE_ROI and TORNADO take: benefits low / base / high ×
 * realisation, recurring and usage costs as they are, one-off costs left out (not in a run-rate
 * year). Missing low or high is the base.
 */
export function threePointModel(c: LineItemCase): LineItemModel & { labels: string[] } {
  const r = c.settings.benefitRealisation;
  const point = (line: { low?: number; high?: number }, base: number, factor: number): ThreePoint => ({
    low: lowOf(line, base) * factor,
    base: base * factor,
    high: highOf(line, base) * factor,
  });
  const costs = c.costs.filter((line) => line.kind !== "oneOff");
  return {
    benefits: c.benefits.map((line) => point(line, line.annual, r)),
    costs: costs.map((line) => point(line, line.amount, 1)),
    labels: [...c.benefits.map((l) => l.label), ...costs.map((l) => l.label)],
  };
}

/** One model of the usage-cost block. Blank fields are 0. */
export interface ModelUsage {
  /** Share of all calls that go to this model. */
  readonly share: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly inputPricePerMillion: number;
  readonly outputPricePerMillion: number;
  /** A flat price per call (the seed's US$0.002), added to the token price. */
  readonly pricePerCall: number;
}

/**
 * Monthly model cost at full adoption, in the workbook's currency:
 *   Σ calls × share × ((in × p_in + out × p_out) / 1,000,000 + per call) × FX.
 * Seed: 1,000,000 × 1 × 0.002 × 32 = 64,000.
 */
export function usageMonthlyCost(
  callsPerMonth: number,
  fxRate: number,
  models: readonly ModelUsage[],
): number {
  return models.reduce(
    (sum, m) =>
      sum +
      callsPerMonth *
        m.share *
        ((m.inputTokens * m.inputPricePerMillion + m.outputTokens * m.outputPricePerMillion) / 1e6 +
          m.pricePerCall) *
        fxRate,
    0,
  );
}
