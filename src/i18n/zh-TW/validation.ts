/** The texts Excel shows when a cell's data validation rejects an entry: Traditional Chinese. */
import type { ValidationTexts } from "../bundle";

export const validation: ValidationTexts = {
  score: "請輸入 1 到 5 的分數。",
  rate: "請輸入 0% 到 100% 之間的比例。",
  share: "請輸入 0% 到 200% 之間的比例。",
  change: "請輸入 -100% 到 1000% 之間的變動。",
  positive: "請輸入 0 或正數。",
  nonNegative: "≥ 0",
  percent: "0% – 100%",
  seconds: "0 – 600 秒",
  enterAt: "請在 {at} 輸入{what}",
};
