/** How English writes numbers, lists and units. */
export const conventions = {
  /** The Intl locale for digits and separators. */
  numberLocale: "en-US",
  /** Between the items of a list in running text. */
  listSeparator: ", ",
  /** Between clauses of one sentence. */
  clauseSeparator: "; ",
  /** Around an aside: "(…)". */
  open: " (",
  close: ")",
  /**
   * Units after a number, on the sheet's number formats and in the pane; `beyondHorizon` is what a
   * payback cell shows for a payback beyond the three-year horizon.
   */
  units: { months: "mo", hours: "h", seconds: "s", beyondHorizon: "> 36" },
};
