/** Labels and sample departments of the Rollout sheet, in both languages. */
import type { Locale } from "../locale";

const en = {
  title: "Rollout: three waves and adoption",
  subtitle:
    "Wave 1: the 2–3 most ready units (3–6 months); wave 2: the early majority (4–9 months); wave 3: everyone else.",
  wavePlan: "Wave plan",
  wave: "Wave",
  startMonth: "Start month",
  rampMonths: "Months to full adoption",
  units: "Units",
  rest: "The rest",
  settings: "Settings",
  value: "Value",
  adoptionTarget: "Adoption target",
  readinessWeights: "Readiness weights: data, systems, sponsorship",
  readinessDecimals: "Readiness decimals",
  userHours: "Training hours per user (seed: 8–16)",
  championShare: "Champions as a share of staff (seed: 10–15%)",
  championHours: "Training hours per champion (seed: 40–80)",
  hourCost: "Loaded cost per training hour",
  department: "Department",
  headcount: "Headcount",
  dataReadiness: "Data readiness",
  systemsReadiness: "Systems readiness",
  sponsorship: "Sponsorship",
  readiness: "Readiness",
  trainingHours: "Training hours",
  trainingCost: "Training cost",
  adoptionByMonth: "Adoption by month",
  companyShare: "Company-wide adopted share (by headcount)",
  totals: "Training totals",
  totalHours: "Training hours",
  totalCost: "Training cost",
  champions: "Champions",
  chartTitle: "Company-wide adoption",
  month: "Month",
};

export type RolloutLabels = typeof en;

const zhTW: RolloutLabels = {
  title: "推廣:三波次與採用率",
  subtitle: "第一波:2–3 個最成熟的單位(3–6 個月);第二波:早期多數(4–9 個月);第三波:其餘所有單位。",
  wavePlan: "波次規劃",
  wave: "波次",
  startMonth: "開始月份",
  rampMonths: "達到完全採用的月數",
  units: "單位數",
  rest: "其餘",
  settings: "設定",
  value: "數值",
  adoptionTarget: "採用目標",
  readinessWeights: "準備度權重:資料、系統、高層支持",
  readinessDecimals: "準備度小數位數",
  userHours: "每位使用者培訓時數(種子:8–16)",
  championShare: "推廣者佔員工比例(種子:10–15%)",
  championHours: "每位推廣者培訓時數(種子:40–80)",
  hourCost: "每培訓小時的全額成本",
  department: "部門",
  headcount: "人數",
  dataReadiness: "資料準備度",
  systemsReadiness: "系統準備度",
  sponsorship: "高層支持",
  readiness: "準備度",
  trainingHours: "培訓時數",
  trainingCost: "培訓成本",
  adoptionByMonth: "每月採用率",
  companyShare: "全公司採用比例(依人數加權)",
  totals: "培訓合計",
  totalHours: "培訓時數",
  totalCost: "培訓成本",
  champions: "推廣者人數",
  chartTitle: "全公司採用率",
  month: "月份",
};

export const ROLLOUT_LABELS: Record<Locale, RolloutLabels> = { en, "zh-TW": zhTW };

export interface SampleDepartment {
  readonly name: Record<Locale, string>;
  readonly headcount: number;
  /** data, systems, sponsorship (1–5). */
  readonly readiness: readonly [number, number, number];
}

const d = (
  en: string,
  zh: string,
  headcount: number,
  readiness: [number, number, number],
): SampleDepartment => ({
  name: { en, "zh-TW": zh },
  headcount,
  readiness,
});

export const SAMPLE_DEPARTMENTS: readonly SampleDepartment[] = [
  d("Customer Service", "客服", 120, [4, 4, 5]),
  d("IT", "資訊", 80, [5, 5, 4]),
  d("Sales", "業務", 150, [3, 3, 4]),
  d("Marketing", "行銷", 40, [3, 4, 4]),
  d("Finance", "財務", 35, [4, 3, 2]),
  d("HR", "人資", 25, [2, 3, 3]),
  d("Legal", "法務", 15, [3, 2, 2]),
  d("Operations", "營運", 200, [2, 2, 3]),
];
