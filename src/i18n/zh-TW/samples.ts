/** The names and notes of the templates' sample data: Traditional Chinese. */
import type { SampleTexts } from "../bundle";

export const samples: SampleTexts = {
  useCases: {
    customerServiceAssistant: "客服助理",
    knowledgeSearch: "內部知識搜尋",
    contractReview: "合約審閱",
    salesProposals: "業務提案撰寫",
    marketingContent: "行銷內容生成",
    codeAssistant: "開發者程式碼助理",
    financialReports: "財務報告分析",
    hrPolicy: "人資政策問答",
    demandForecasting: "供應鏈需求預測",
    qualityReports: "品質檢驗報告",
  },
  departments: {
    customerService: "客服",
    it: "資訊",
    sales: "業務",
    marketing: "行銷",
    finance: "財務",
    hr: "人資",
    legal: "法務",
    operations: "營運",
  },
  roiBasis: {
    agentSavings: "(50 − 35) 名客服 × NT$40,000 × 12",
    capacityValue: "10 名等效客服 × NT$40,000 × 12(處理時間 8 → 5 分鐘)",
    retention: "1,000,000 位客戶 × 0.5% × NT$2,000",
    modelApi: "1,000,000 次 × US$0.002 × 32 × 12(使用成本區)",
    platform: "NT$50,000 × 12",
    people: "1.5 FTE × NT$80,000 × 12",
    training: "NT$500,000 ÷ 3 年(或改為 =TrainingCostTotal/AmortisationYears 連結推廣工作表)",
  },
};
