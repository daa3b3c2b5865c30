/** The texts Excel shows when a cell's data validation rejects an entry: English. */
export const validation = {
  score: "Enter a score from 1 to 5.",
  rate: "Enter a rate from 0% to 100%.",
  share: "Enter a share from 0% to 200%.",
  change: "Enter a change from -100% to 1000%.",
  positive: "Enter zero or a positive number.",
  nonNegative: "≥ 0",
  percent: "0% – 100%",
  seconds: "0 – 600 s",
  enterAt: "Enter {what} on {at}",
};
