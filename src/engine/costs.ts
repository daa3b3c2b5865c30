/**
 * Model usage costs (seed section 8.2: "model API fees").
 * Prices are per call or per million tokens in the provider's currency; fxRate converts to the
 * workbook's currency (the seed uses US$ → NT$ at 32).
 */

/** calls × costPerCall × fx × months. Seed: 1,000,000 × 0.002 × 32 × 12 = 768,000. */
export function apiCost(callsPerMonth: number, costPerCall: number, fxRate = 1, months = 12): number {
  return callsPerMonth * costPerCall * fxRate * months;
}

/**
 * calls × (inputTokens × inputPrice + outputTokens × outputPrice) / 1,000,000 × fx × months,
 * with prices per million tokens.
 */
export function tokenCost(
  callsPerMonth: number,
  inputTokensPerCall: number,
  outputTokensPerCall: number,
  inputPricePerMillion: number,
  outputPricePerMillion: number,
  fxRate = 1,
  months = 12,
): number {
  const perCall =
    (inputTokensPerCall * inputPricePerMillion + outputTokensPerCall * outputPricePerMillion) / 1e6;
  return callsPerMonth * perCall * fxRate * months;
}
