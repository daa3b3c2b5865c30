/**
 * Annual ROI and break-even, as the seed's framework defines them (section 8.2):
 *   annual ROI = (annual benefits − annual total cost) / annual total cost
 * Rates are fractions as in Excel (0.1 = 10%).
 */

/** Sum of a list of amounts. */
export function total(amounts: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < amounts.length; i++) sum += amounts[i];
  return sum;
}

/**
 * ROI = (benefits − costs) / costs.
 * Precondition: totalCosts > 0 (callers validate at their boundary).
 */
export function roi(totalBenefits: number, totalCosts: number): number {
  return (totalBenefits - totalCosts) / totalCosts;
}

/**
 * The share of the planned benefits that must be realised to reach `targetRoi`:
 *   share · B = (1 + target) · C   ⇒   share = (1 + target) · C / B.
 * Precondition: totalBenefits > 0.
 */
export function breakEvenShare(totalBenefits: number, totalCosts: number, targetRoi = 0): number {
  return ((1 + targetRoi) * totalCosts) / totalBenefits;
}
