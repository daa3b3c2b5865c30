/**
 * Numbers sorted once for ranking: a rank is then two binary searches, O(log n), instead of a
 * pass over every value. Used by the in-memory workbook's RANK.
 */
export class RankedValues {
  private readonly ascending: Float64Array;

  constructor(numbers: readonly number[]) {
    this.ascending = Float64Array.from(numbers).sort();
  }

  /** The number of values below `x` (lower bound). */
  private countBelow(x: number): number {
    let lo = 0;
    let hi = this.ascending.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ascending[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The number of values at or below `x` (upper bound). */
  private countAtMost(x: number): number {
    let lo = 0;
    let hi = this.ascending.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ascending[mid] <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Competition rank of `x` ("1224"), as RANK and RANK.EQ give it: 1 + the number of values
   * greater (descending) or less (ascending). Null when `x` is not among the values.
   */
  rankOf(x: number, order: "descending" | "ascending"): number | null {
    const below = this.countBelow(x);
    const atMost = this.countAtMost(x);
    if (atMost === below) return null;
    return order === "descending" ? 1 + this.ascending.length - atMost : 1 + below;
  }
}
