/** How returned values read where they are shown: Traditional Chinese. */
import type { ResultTexts } from "../bundle";

export const results: ResultTexts = {
  quadrants: {
    "Quick Win": "快速勝利",
    "Strategic Bet": "戰略性挑戰",
    "Fill-in": "補位",
    Deprioritize: "暫緩",
  },
  gates: { Scale: "擴大", Iterate: "調整", Stop: "終止", Pending: "進行中" },
  scenarios: { Worst: "最差", Base: "基準", Best: "最佳" },
  statistics: {
    Mean: "平均值",
    P5: "第 5 百分位數",
    P10: "第 10 百分位數",
    P50: "中位數(P50)",
    P90: "第 90 百分位數",
    P95: "第 95 百分位數",
    "P(ROI<0)": "虧損機率 P(ROI<0)",
  },
};
