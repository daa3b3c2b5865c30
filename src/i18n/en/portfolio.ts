/** Labels and sample use cases of the Portfolio sheet, in both languages. */
import type { Locale } from "../locale";

const en = {
  title: "PoC portfolio: four-dimension screening",
  subtitle:
    "Score each use case 1–5. Pick 1–2 Quick Wins to build confidence and 1 Strategic Bet; decide scale or stop at week 8.",
  weights: "Screening weights",
  weight: "Weight",
  impact: "Impact",
  complexity: "Complexity",
  learningValue: "Learning value",
  timeWindow: "Time window",
  gate: "Gate at week 8",
  threshold: "Threshold",
  quality: "Quality",
  latency: "p95 latency (s)",
  hallucination: "Hallucination rate",
  timeSaved: "Time saved",
  adoptionIntent: "Adoption intent",
  stopFailures: "Stop at failures",
  settings: "Settings",
  value: "Value",
  quadrantThreshold: "Quadrant threshold",
  quickWinPicks: "Quick Wins to pick",
  strategicBetPicks: "Strategic Bets to pick",
  scoreMin: "Lowest score",
  scoreMax: "Highest score",
  scoreDecimals: "Score decimals",
  quickWinCutoff: "Quick Win cut-off",
  strategicBetCutoff: "Strategic Bet cut-off",
  quickWinScore: "Quick Win score",
  strategicBetScore: "Strategic Bet score",
  useCase: "Use case",
  department: "Department",
  annualValue: "Annual value",
  annualCost: "Annual cost",
  score: "Score",
  quadrant: "Quadrant",
  rank: "Rank",
  recommended: "Recommended PoC",
  pick: "PoC",
  gateDecision: "Gate decision",
  chartTitle: "Use cases: complexity × impact (bubble = annual value)",
  generated: "Use case",
};

export type PortfolioLabels = typeof en;

const zhTW: PortfolioLabels = {
  title: "PoC 組合:四維度篩選",
  subtitle: "每個用例以 1–5 分評分。選 1–2 個快速勝利建立信心,加 1 個戰略性挑戰;第 8 週決定升級或終止。",
  weights: "篩選權重",
  weight: "權重",
  impact: "業務影響",
  complexity: "實施複雜度",
  learningValue: "學習價值",
  timeWindow: "時間窗口",
  gate: "第 8 週閘門",
  threshold: "門檻",
  quality: "輸出品質",
  latency: "p95 延遲(秒)",
  hallucination: "幻覺率",
  timeSaved: "時間節省",
  adoptionIntent: "採用意願",
  stopFailures: "未達標幾項即終止",
  settings: "設定",
  value: "數值",
  quadrantThreshold: "象限門檻",
  quickWinPicks: "選取快速勝利數",
  strategicBetPicks: "選取戰略性挑戰數",
  scoreMin: "最低分",
  scoreMax: "最高分",
  scoreDecimals: "分數小數位數",
  quickWinCutoff: "快速勝利門檻分數",
  strategicBetCutoff: "戰略性挑戰門檻分數",
  quickWinScore: "快速勝利分數",
  strategicBetScore: "戰略性挑戰分數",
  useCase: "用例",
  department: "部門",
  annualValue: "年化價值",
  annualCost: "年化成本",
  score: "分數",
  quadrant: "象限",
  rank: "排名",
  recommended: "建議 PoC",
  pick: "PoC",
  gateDecision: "閘門決策",
  chartTitle: "用例:複雜度 × 影響(泡泡大小 = 年化價值)",
  generated: "用例",
};

export const PORTFOLIO_LABELS: Record<Locale, PortfolioLabels> = { en, "zh-TW": zhTW };

export interface SampleUseCase {
  readonly name: Record<Locale, string>;
  readonly department: Record<Locale, string>;
  /** impact, complexity, learning value, time window (1–5). */
  readonly scores: readonly [number, number, number, number];
  readonly annualValue: number;
  readonly annualCost: number;
  /** quality, p95 latency (s), hallucination rate, time saved, adoption intent; null while the PoC runs. */
  readonly gate: readonly [number, number, number, number, number] | null;
}

const uc = (
  en: string,
  zh: string,
  deptEn: string,
  deptZh: string,
  scores: [number, number, number, number],
  annualValue: number,
  annualCost: number,
  gate: [number, number, number, number, number] | null,
): SampleUseCase => ({
  name: { en, "zh-TW": zh },
  department: { en: deptEn, "zh-TW": deptZh },
  scores,
  annualValue,
  annualCost,
  gate,
});

/**
 * Ten realistic enterprise use cases; the first is the seed's customer-service example. Each
 * belongs to one of the Rollout sheet's sample departments (SAMPLE_DEPARTMENTS), so the two
 * sheets tell one story.
 */
export const SAMPLE_USE_CASES: readonly SampleUseCase[] = [
  uc(
    "Customer service assistant",
    "客服助理",
    "Customer Service",
    "客服",
    [5, 2, 4, 5],
    22_000_000,
    2_974_667,
    [0.92, 2.1, 0.03, 0.45, 0.82],
  ),
  uc(
    "Internal knowledge search",
    "內部知識搜尋",
    "IT",
    "資訊",
    [4, 2, 5, 5],
    6_500_000,
    1_200_000,
    [0.88, 1.8, 0.04, 0.42, 0.78],
  ),
  uc(
    "Contract review",
    "合約審閱",
    "Legal",
    "法務",
    [4, 4, 4, 3],
    9_000_000,
    2_400_000,
    [0.85, 4.5, 0.06, 0.35, 0.6],
  ),
  uc("Sales proposal drafting", "業務提案撰寫", "Sales", "業務", [4, 3, 3, 4], 7_800_000, 1_500_000, null),
  uc(
    "Marketing content generation",
    "行銷內容生成",
    "Marketing",
    "行銷",
    [3, 2, 3, 5],
    3_200_000,
    800_000,
    null,
  ),
  uc(
    "Code assistant for developers",
    "開發者程式碼助理",
    "IT",
    "資訊",
    [4, 2, 4, 5],
    8_400_000,
    1_100_000,
    [0.91, 1.2, 0.02, 0.41, 0.9],
  ),
  uc(
    "Financial report analysis",
    "財務報告分析",
    "Finance",
    "財務",
    [3, 4, 3, 2],
    4_500_000,
    1_600_000,
    null,
  ),
  uc("HR policy Q&A", "人資政策問答", "HR", "人資", [2, 1, 3, 5], 1_200_000, 300_000, null),
  uc(
    "Supply-chain demand forecasting",
    "供應鏈需求預測",
    "Operations",
    "營運",
    [5, 5, 4, 2],
    15_000_000,
    5_500_000,
    null,
  ),
  uc(
    "Quality inspection reports",
    "品質檢驗報告",
    "Operations",
    "營運",
    [3, 5, 2, 2],
    2_800_000,
    1_900_000,
    null,
  ),
];
