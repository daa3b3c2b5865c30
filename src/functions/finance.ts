/** Validating wrappers for the money functions: ROI, PV_ROI, PAYBACK, API_COST, TOKEN_COST, BREAKEVEN. */
import { breakEvenShare, roi } from "../engine/roi";
import { payback, presentValueRoi } from "../engine/cashflow";
import { apiCost, tokenCost } from "../engine/costs";
import { noAnswer } from "../engine/problem";
import { fail, ProblemError, scalarNumber, series, sumOfRange } from "./arguments";
import { scalarResult } from "./boundary";
import { numericDefault, parameterOf } from "./catalogue";

/** A scalar argument of `id`, checked against its range and defaulted as the catalogue says. */
function read(id: string, value: unknown, name: string): number {
  const param = parameterOf(id, name);
  return scalarNumber(value, name, param.range, numericDefault(param));
}

function positiveSum(value: unknown, argument: string): number {
  const sum = sumOfRange(value, argument);
  if (!(sum > 0)) fail("sumNotPositive", { argument, got: sum });
  return sum;
}

export function roiOf(benefits: unknown, costs: unknown): number | string {
  return scalarResult("ROI", () => roi(sumOfRange(benefits, "benefits"), positiveSum(costs, "costs")));
}

export function breakEvenOf(benefits: unknown, costs: unknown, targetRoi: unknown): number | string {
  return scalarResult("BREAKEVEN", () => {
    const totalBenefits = positiveSum(benefits, "benefits");
    const totalCosts = positiveSum(costs, "costs");
    const target = read("BREAKEVEN", targetRoi, "target_roi");
    return breakEvenShare(totalBenefits, totalCosts, target);
  });
}

export function pvRoiOf(
  benefits: unknown,
  costs: unknown,
  discountRate: unknown,
  benefitRisk: unknown,
  costRisk: unknown,
): number | string {
  return scalarResult("PV_ROI", () => {
    const b = series(benefits, "benefits");
    const c = series(costs, "costs");
    if (b.length !== c.length) {
      fail("sizeMismatch", { argument: "costs", other: "benefits", got: c.length, expected: b.length });
    }
    const risk = {
      discountRate: read("PV_ROI", discountRate, "discount_rate"),
      benefitRisk: read("PV_ROI", benefitRisk, "benefit_risk"),
      costRisk: read("PV_ROI", costRisk, "cost_risk"),
    };
    const result = presentValueRoi(b, c, risk);
    if (result.roi === null) fail("sumNotPositive", { argument: "costs", got: result.pvCosts });
    return result.roi;
  });
}

export function paybackOf(cashFlows: unknown, monthsPerPeriod: unknown): number | string {
  return scalarResult("PAYBACK", () => {
    const flows = series(cashFlows, "cash_flows");
    const months = read("PAYBACK", monthsPerPeriod, "months_per_period");
    const result = payback(flows, months);
    if (result === null) throw new ProblemError(noAnswer("noPayback"));
    return result;
  });
}

export function apiCostOf(
  calls: unknown,
  costPerCall: unknown,
  fxRate: unknown,
  months: unknown,
): number | string {
  return scalarResult("API_COST", () =>
    apiCost(
      read("API_COST", calls, "calls_per_month"),
      read("API_COST", costPerCall, "cost_per_call"),
      read("API_COST", fxRate, "fx_rate"),
      read("API_COST", months, "months"),
    ),
  );
}

export function tokenCostOf(
  calls: unknown,
  inputTokens: unknown,
  outputTokens: unknown,
  inputPrice: unknown,
  outputPrice: unknown,
  fxRate: unknown,
  months: unknown,
): number | string {
  return scalarResult("TOKEN_COST", () =>
    tokenCost(
      read("TOKEN_COST", calls, "calls_per_month"),
      read("TOKEN_COST", inputTokens, "input_tokens"),
      read("TOKEN_COST", outputTokens, "output_tokens"),
      read("TOKEN_COST", inputPrice, "input_price_per_million"),
      read("TOKEN_COST", outputPrice, "output_price_per_million"),
      read("TOKEN_COST", fxRate, "fx_rate"),
      read("TOKEN_COST", months, "months"),
    ),
  );
}
