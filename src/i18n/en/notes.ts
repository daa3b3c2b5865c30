/** The note a shared copy puts on a result it carries as a value (export/notes.ts): English. */
export const notes = {
  by: "Computed by the GenAI Business Case add-in on {date}",
  value: ". A value, not a formula: it does not update when inputs change.",
  blank: "(blank)",
  /** The shared copy's sheet of simulation trials (export/live-simulation.ts). */
  trials: {
    title: "Monte Carlo trials of {sheet}, computed by the spreadsheet",
    how:
      "Each row is one trial. The uniforms are the add-in's own (seed {seed}, {sampling}), stored as values; " +
      "each line's sample is its inverse distribution at that uniform (PERT by BETA.INV, triangular and " +
      "uniform in closed form) from the line's low, base and high. Edit a line's low, base or high and the " +
      "statistics on {sheet} recompute. A line the add-in would refuse says why in its Check cell, and the statistics " +
      "are then #N/A. Changing the seed, the trials, the sampling or the correlation needs the add-in.",
    storedAll: "{stored} trials stored, as the model asks.",
    storedFewer:
      "The model asks for {trials} trials; this copy stores {stored}, so its statistics are the add-in's for {stored} trials with the same seed.",
    statistics:
      "Native formulas over the {sheet} sheet: {count} trials, seed {seed}. They recompute when a line's low, base or high changes.",
    countFewer: "{stored} of the model's {trials}",
    /** After `statistics` when the trials, seed or sampling are cells of the workbook (a note stays short). */
    settingsGuard: "#N/A if the trials, seed or sampling change.",
    latinHypercube: "Latin Hypercube",
    monteCarlo: "plain Monte Carlo",
    correlated: "rank-correlated",
    lineItem: "Line item",
    low: "Low",
    base: "Base",
    high: "High",
    shape: "Distribution",
    range: "Range (high − low)",
    split: "Mode's share of the range",
    alpha: "PERT α",
    beta: "PERT β",
    check: "Check",
    checkNumbers: "Low, base and high must be numbers",
    checkOrder: "Low ≤ base ≤ high is required",
    checkNegative: "A cost cannot be below 0",
    checkShape: "The distribution must be PERT, Triangular or Uniform",
    checkCostLows: "The cost lines' lows must add up to more than 0",
    trial: "Trial",
    roi: "ROI",
    uniform: "Uniform: {line}",
    /** The copy's rank-correlation status: what its stored trials were drawn with. */
    correlationKept:
      "The trials on {sheet} were drawn with this matrix as exported, and the lines are the same: the statistics are rank-correlated. A change to the matrix needs the add-in.",
    correlationMoved:
      "The trials on {sheet} were drawn with this matrix as exported, but the lines changed since (renamed, reordered, added or removed): the stored correlation still follows the lines' positions as exported. A change to the matrix needs the add-in.",
    correlationNotDrawn:
      "The trials on {sheet} were drawn with the lines independent: the matrix did not match the lines when the copy was made. A change to the matrix or the lines does not correlate them without the add-in.",
  },
};
