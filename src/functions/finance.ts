/** Validating wrappers for the money functions: ROI, PV_ROI, PAYBACK, API_COST, TOKEN_COST, BREAKEVEN. */
import { breakEvenShare, roi } from "../engine/roi";
import { payback, presentValueRoi } from "../engine/cashflow";
import { apiCost, tokenCost } from "../engine/costs";
import { noAnswer } from "../engine/problem";
import { fail, ProblemError, scalarNumber, series, sumOfRange } from "./arguments";
import { scalarResult } from "./boundary";

const amount = { min: 0 };
const fx = { greaterThan: 0 };

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
    const target = scalarNumber(targetRoi, "target_roi", { greaterThan: -1 }, 0);
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
      discountRate: scalarNumber(discountRate, "discount_rate", { greaterThan: -1 }, 0.1),
      benefitRisk: scalarNumber(benefitRisk, "benefit_risk", { min: 0, max: 1 }, 0),
      costRisk: scalarNumber(costRisk, "cost_risk", { min: 0 }, 0),
    };
    const result = presentValueRoi(b, c, risk);
    if (result.roi === null) fail("sumNotPositive", { argument: "costs", got: result.pvCosts });
    return result.roi;
  });
}

export function paybackOf(cashFlows: unknown, monthsPerPeriod: unknown): number | string {
  return scalarResult("PAYBACK", () => {
    const flows = series(cashFlows, "cash_flows");
    const months = scalarNumber(monthsPerPeriod, "months_per_period", { greaterThan: 0 }, 1);
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
      scalarNumber(calls, "calls_per_month", amount),
      scalarNumber(costPerCall, "cost_per_call", amount),
      scalarNumber(fxRate, "fx_rate", fx, 1),
      scalarNumber(months, "months", amount, 12),
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
      scalarNumber(calls, "calls_per_month", amount),
      scalarNumber(inputTokens, "input_tokens", amount),
      scalarNumber(outputTokens, "output_tokens", amount),
      scalarNumber(inputPrice, "input_price_per_million", amount),
      scalarNumber(outputPrice, "output_price_per_million", amount),
      scalarNumber(fxRate, "fx_rate", fx, 1),
      scalarNumber(months, "months", amount, 12),
    ),
  );
}
