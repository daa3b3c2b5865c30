/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes ranges as any[][]: numbers, text, booleans and blanks mixed */
/**
 * The GENAI custom functions: declarations only. custom-functions-metadata reads the JSDoc below
 * to generate functions.json (ids, names, parameter descriptions, optional flags, dimensionality)
 * and appends the CustomFunctions.associate calls at build time. Each body hands the raw Excel
 * arguments to a validating wrapper (finance, portfolio, rollout, risk), which calls the engine.
 *
 * All functions are synchronous and non-volatile: Goal Seek and Data Tables misbehave with async
 * custom functions. Ids are stable: they are stored in users' workbooks.
 */
import { apiCostOf, breakEvenOf, paybackOf, pvRoiOf, roiOf, tokenCostOf } from "./finance";
import { gateOf, quadrantOf, quadrantScoreOf } from "./portfolio";
import { adoptionOf, waveOf } from "./rollout";
import { simPercentileOf, simTargetOf, simulateRoiOf, tornadoOf } from "./risk";
import { setDefaultMessageLocale } from "./boundary";
import { officeDisplayLocale } from "../host/office/display-locale";

// This file is the custom functions' entry point: messages speak Office's display language.
setDefaultMessageLocale(officeDisplayLocale);

/**
 * Annual ROI: (sum of benefits − sum of costs) / sum of costs, as a fraction (6.3958 = 639.58%).
 * @customfunction GENAI_ROI ROI
 * @param benefits Annual benefits in the workbook's currency: a range or a number; blank cells are ignored.
 * @param costs Annual costs in the workbook's currency: a range or a number; blank cells are ignored. Must add up to more than 0.
 * @returns ROI as a fraction; format the cell as a percentage.
 */
export function GENAI_ROI(benefits: any[][], costs: any[][]): number {
  return roiOf(benefits, costs) as number;
}

/**
 * Weighted 0–100 screening score of a PoC use case from four 1–5 scores. Columns in, column out.
 * @customfunction QUADRANT_SCORE QUADRANT_SCORE
 * @param impact Business impact score, 1 (low) to 5 (high). A cell or a column.
 * @param complexity Implementation complexity score, 1 (easiest, best) to 5 (hardest). Counts inversely.
 * @param learning_value Learning value for later scaling, 1 to 5.
 * @param time_window Can it show results within 4–8 weeks, 1 to 5.
 * @param [weights] Four weights for impact, complexity, learning value and time window; normalised. Default 0.40, 0.30, 0.15, 0.15.
 * @returns Score from 0 to 100 per row; a blank row gives a blank.
 */
export function QUADRANT_SCORE(
  impact: any[][],
  complexity: any[][],
  learning_value: any[][],
  time_window: any[][],
  weights?: any[][],
): any[][] {
  return quadrantScoreOf(impact, complexity, learning_value, time_window, weights);
}

/**
 * Quadrant of a use case on impact × complexity: Quick Win, Strategic Bet, Fill-in or Deprioritize.
 * @customfunction QUADRANT QUADRANT
 * @param impact Business impact score, 1 to 5. A cell or a column.
 * @param complexity Implementation complexity score, 1 to 5. A cell or a column.
 * @param [threshold] Scores above this are high. Default 3.
 * @returns "Quick Win" (high impact, low complexity), "Strategic Bet" (high, high), "Fill-in" (low, low) or "Deprioritize" (low, high).
 */
export function QUADRANT(impact: any[][], complexity: any[][], threshold?: number): any[][] {
  return quadrantOf(impact, complexity, threshold);
}

/**
 * Payback time: when the cumulative net cash flow first turns from negative to zero or more, interpolated within the period.
 * @customfunction PAYBACK PAYBACK
 * @param cash_flows Net cash flow per period in the workbook's currency, one row or one column; the first is at time 0 (the initial outlay).
 * @param [months_per_period] Months in one period: 1 for monthly flows, 12 for yearly. Default 1.
 * @returns Payback in months; 0 if never negative; #N/A if it does not pay back within the horizon.
 */
export function PAYBACK(cash_flows: any[][], months_per_period?: number): number {
  return paybackOf(cash_flows, months_per_period) as number;
}

/**
 * Model API cost over a period: calls × cost per call × exchange rate × months.
 * @customfunction API_COST API_COST
 * @param calls_per_month Model API calls per month.
 * @param cost_per_call Average cost per call, in the provider's currency (e.g. US$0.002).
 * @param [fx_rate] Workbook currency per unit of the provider's currency (e.g. 32 NT$ per US$). Default 1.
 * @param [months] Months to cover. Default 12.
 * @returns Cost in the workbook's currency.
 */
export function API_COST(
  calls_per_month: number,
  cost_per_call: number,
  fx_rate?: number,
  months?: number,
): number {
  return apiCostOf(calls_per_month, cost_per_call, fx_rate, months) as number;
}

/**
 * Model cost from token prices: calls × (input tokens × input price + output tokens × output price) / 1,000,000 × exchange rate × months.
 * @customfunction TOKEN_COST TOKEN_COST
 * @param calls_per_month Model calls per month.
 * @param input_tokens Average input (prompt) tokens per call.
 * @param output_tokens Average output (completion) tokens per call.
 * @param input_price_per_million Price per million input tokens, in the provider's currency.
 * @param output_price_per_million Price per million output tokens, in the provider's currency.
 * @param [fx_rate] Workbook currency per unit of the provider's currency. Default 1.
 * @param [months] Months to cover. Default 12.
 * @returns Cost in the workbook's currency.
 */
export function TOKEN_COST(
  calls_per_month: number,
  input_tokens: number,
  output_tokens: number,
  input_price_per_million: number,
  output_price_per_million: number,
  fx_rate?: number,
  months?: number,
): number {
  return tokenCostOf(
    calls_per_month,
    input_tokens,
    output_tokens,
    input_price_per_million,
    output_price_per_million,
    fx_rate,
    months,
  ) as number;
}

/**
 * Risk-adjusted present-value ROI over years 0..N: year 0 undiscounted, year k discounted by (1 + rate)^k.
 * @customfunction PV_ROI PV_ROI
 * @param benefits Benefits per year, year 0 first, in the workbook's currency: one row or one column.
 * @param costs Costs per year, year 0 first (include one-off implementation costs in year 0): same length as benefits.
 * @param [discount_rate] Discount rate per year as a fraction. Default 0.1 (10%).
 * @param [benefit_risk] Share of benefits at risk, 0 to 1: benefits count × (1 − risk). Default 0.
 * @param [cost_risk] Expected cost overrun as a fraction: costs count × (1 + risk). Default 0.
 * @returns (PV of benefits − PV of costs) / PV of costs, as a fraction.
 */
export function PV_ROI(
  benefits: any[][],
  costs: any[][],
  discount_rate?: number,
  benefit_risk?: number,
  cost_risk?: number,
): number {
  return pvRoiOf(benefits, costs, discount_rate, benefit_risk, cost_risk) as number;
}

/**
 * Share of a unit that has adopted by a month, on an S-curve: target × x²(3 − 2x), x = (month − start) / ramp.
 * @customfunction ADOPTION ADOPTION
 * @param month Month number (0 = programme start). A cell, a row of months or a column.
 * @param start_month Month the unit starts adopting. A cell or a column (one per unit).
 * @param ramp_months Months from start to full adoption; 0 = all at once.
 * @param [target] Adoption reached at the end of the ramp, 0 to 1. Default 1 (100%).
 * @returns Adopted share from 0 to target; spills a grid for a row of months × a column of units.
 */
export function ADOPTION(
  month: any[][],
  start_month: any[][],
  ramp_months: any[][],
  target?: any[][],
): any[][] {
  return adoptionOf(month, start_month, ramp_months, target);
}

/**
 * Rollout wave (1, 2 or 3) by readiness: the most ready units go first; ties go in list order, so wave 1 holds exactly wave1_count units. One spilled call serves the whole column: =GENAI.WAVE(F2:F50, F2:F50).
 * @customfunction WAVE WAVE
 * @param readiness The units' readiness: the all_readiness column itself (spills one wave per unit, ties in list order), or one score (placed first among equal scores).
 * @param all_readiness Readiness scores of all units, in list order; blanks are skipped.
 * @param [wave1_count] Units in wave 1. Default 3 (the seed's 2–3 most ready).
 * @param [wave2_count] Units in wave 2. Default half of the rest, rounded up.
 * @returns 1, 2 or 3.
 */
export function WAVE(
  readiness: any[][],
  all_readiness: any[][],
  wave1_count?: number,
  wave2_count?: number,
): any[][] {
  return waveOf(readiness, all_readiness, wave1_count, wave2_count);
}

/**
 * PoC decision at the week-8 gate from five measured metrics: Scale if all pass, Stop if stop_failures or more fail (3 by default), otherwise Iterate.
 * @customfunction GATE GATE
 * @param quality Share of outputs usable without major edits, 0 to 1 (seed: at least 0.90).
 * @param p95_latency_s 95th-percentile response time in seconds (seed: under 3).
 * @param hallucination_rate Share of answers with hallucinations, 0 to 1 (seed: under 0.05).
 * @param time_saved Reduction in task time, 0 to 1 (seed: at least 0.40).
 * @param adoption_intent Share of test users willing to use it, 0 to 1 (seed: over 0.70).
 * @param [thresholds] Five thresholds in the same order. Default 0.9, 3, 0.05, 0.4, 0.7.
 * @param [stop_failures] Failed criteria that stop a PoC, a whole number 1 to 5. Default 3.
 * @returns "Scale", "Iterate", "Stop", or "Pending" while any metric is blank.
 */
export function GATE(
  quality: any[][],
  p95_latency_s: any[][],
  hallucination_rate: any[][],
  time_saved: any[][],
  adoption_intent: any[][],
  thresholds?: any[][],
  stop_failures?: number,
): any[][] {
  return gateOf(
    quality,
    p95_latency_s,
    hallucination_rate,
    time_saved,
    adoption_intent,
    thresholds,
    stop_failures,
  );
}

/**
 * Share of the planned benefits that must be realised to reach a target ROI: (1 + target) × costs / benefits.
 * @customfunction BREAKEVEN BREAKEVEN
 * @param benefits Planned benefits in the workbook's currency; blank cells are ignored. Must add up to more than 0.
 * @param costs Costs in the workbook's currency; blank cells are ignored. Must add up to more than 0.
 * @param [target_roi] ROI to reach, as a fraction. Default 0 (break-even).
 * @returns Required share of benefits, as a fraction (0.135 = 13.5%).
 */
export function BREAKEVEN(benefits: any[][], costs: any[][], target_roi?: number): number {
  return breakEvenOf(benefits, costs, target_roi) as number;
}

/**
 * Simulation of ROI from low / base / high estimates per line item, Latin Hypercube by default, optionally rank-correlated. Same inputs and seed give the same result everywhere.
 * @customfunction SIMULATE_ROI SIMULATE_ROI
 * @param benefits Benefit line items: three columns, low, base (most likely) and high, one row per item; a fourth column may name each line's distribution.
 * @param costs Cost line items: three columns, low, base and high, one row per item; a fourth column may name each line's distribution.
 * @param [trials] Number of trials, 1 to 1,000,000; line items × trials at most 10,000,000. Default 10,000.
 * @param [seed] Random seed, a whole number. Default 1.
 * @param [distribution] "PERT", "Triangular" or "Uniform", for lines whose fourth column is blank. Default "PERT".
 * @param [sampling] "LHS" (Latin Hypercube) or "MC" (plain Monte Carlo). Default "LHS".
 * @param [correlation] Spearman rank correlation between line items, benefits then costs: a square range, one row and column per line item (at most 100); one triangle may be blank. An inconsistent matrix is adjusted to the nearest consistent one. Default none (independent).
 * @param [value_if_empty] Text or number to show, in the table's first cell with the rest blank, while benefits or costs has no line item yet (every row blank). Default none: the table is #VALUE! ("benefits is empty").
 * @returns Rows Mean, P5, P10, P50, P90, P95 (ROI as fractions) and P(ROI<0), with standard error and 95% interval columns; with a correlation, one more row saying whether it was adjusted.
 */
export function SIMULATE_ROI(
  benefits: any[][],
  costs: any[][],
  trials?: number,
  seed?: number,
  distribution?: string,
  sampling?: string,
  correlation?: any[][],
  value_if_empty?: any,
): any[][] {
  return simulateRoiOf(benefits, costs, trials, seed, distribution, sampling, correlation, value_if_empty);
}

/**
 * Any percentile of the simulated ROI, as SIMULATE_ROI simulates it with the same arguments (like RiskPercentile).
 * @customfunction SIM_PERCENTILE SIM_PERCENTILE
 * @param benefits Benefit line items: three columns, low, base and high; a fourth column may name each line's distribution.
 * @param costs Cost line items: three columns, low, base and high; a fourth column may name each line's distribution.
 * @param p Probability from 0 to 1 (0.1 gives P10), a cell or a range; the result has its shape.
 * @param [trials] Number of trials, 1 to 1,000,000. Default 10,000.
 * @param [seed] Random seed, a whole number. Default 1.
 * @param [distribution] "PERT", "Triangular" or "Uniform". Default "PERT".
 * @param [sampling] "LHS" (Latin Hypercube) or "MC" (plain Monte Carlo). Default "LHS".
 * @param [correlation] Spearman rank correlation between line items, benefits then costs. Default none (independent).
 * @returns The ROI at probability p as a fraction (PERCENTILE.INC over the trials).
 */
export function SIM_PERCENTILE(
  benefits: any[][],
  costs: any[][],
  p: any[][],
  trials?: number,
  seed?: number,
  distribution?: string,
  sampling?: string,
  correlation?: any[][],
): any[][] {
  return simPercentileOf(benefits, costs, p, trials, seed, distribution, sampling, correlation);
}

/**
 * Probability that the simulated ROI falls below a threshold, as SIMULATE_ROI simulates it with the same arguments (like RiskTarget).
 * @customfunction SIM_TARGET SIM_TARGET
 * @param benefits Benefit line items: three columns, low, base and high; a fourth column may name each line's distribution.
 * @param costs Cost line items: three columns, low, base and high; a fourth column may name each line's distribution.
 * @param x ROI threshold as a fraction (0 gives the chance of a loss), a cell or a range; the result has its shape.
 * @param [trials] Number of trials, 1 to 1,000,000. Default 10,000.
 * @param [seed] Random seed, a whole number. Default 1.
 * @param [distribution] "PERT", "Triangular" or "Uniform". Default "PERT".
 * @param [sampling] "LHS" (Latin Hypercube) or "MC" (plain Monte Carlo). Default "LHS".
 * @param [correlation] Spearman rank correlation between line items, benefits then costs. Default none (independent).
 * @returns Share of trials with ROI below x, from 0 to 1.
 */
export function SIM_TARGET(
  benefits: any[][],
  costs: any[][],
  x: any[][],
  trials?: number,
  seed?: number,
  distribution?: string,
  sampling?: string,
  correlation?: any[][],
): any[][] {
  return simTargetOf(benefits, costs, x, trials, seed, distribution, sampling, correlation);
}

/**
 * One-at-a-time sensitivity of ROI: each line item at its low and its high with the rest at base, sorted by swing.
 * @customfunction TORNADO TORNADO
 * @param benefits Benefit line items: three columns, low, base and high.
 * @param costs Cost line items: three columns, low, base and high.
 * @param [labels] One label per line item, benefits first; with cost_labels, one per benefit line item. Default "Benefit 1", "Cost 1", ...
 * @param [cost_labels] One label per cost line item, when labels holds the benefits' only (two tables' label columns). Default "Cost 1", ...
 * @returns Rows of label, ROI at low, ROI at high, swing; largest swing first.
 */
export function TORNADO(benefits: any[][], costs: any[][], labels?: any[][], cost_labels?: any[][]): any[][] {
  return tornadoOf(benefits, costs, labels, cost_labels);
}
