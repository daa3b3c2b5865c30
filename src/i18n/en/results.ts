/**
 * Values the functions return and formulas compare against ("Quick Win", "Scale", "Worst",
 * "Mean"): they stay English in the workbook in every language, and read as below where the pane,
 * the preview or a sheet's label shows them.
 */
export const results = {
  quadrants: {
    "Quick Win": "Quick Win",
    "Strategic Bet": "Strategic Bet",
    "Fill-in": "Fill-in",
    Deprioritize: "Deprioritize",
  },
  gates: { Scale: "Scale", Iterate: "Iterate", Stop: "Stop", Pending: "Pending" },
  scenarios: { Worst: "Worst", Base: "Base", Best: "Best" },
  statistics: {
    Mean: "Mean",
    P5: "P5",
    P10: "P10",
    P50: "P50",
    P90: "P90",
    P95: "P95",
    "P(ROI<0)": "P(ROI<0)",
  },
};
