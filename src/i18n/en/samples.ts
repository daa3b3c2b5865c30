/** The names and notes of the templates' sample data (src/templates/samples.ts): English. */
export const samples = {
  useCases: {
    customerServiceAssistant: "Customer service assistant",
    knowledgeSearch: "Internal knowledge search",
    contractReview: "Contract review",
    salesProposals: "Sales proposal drafting",
    marketingContent: "Marketing content generation",
    codeAssistant: "Code assistant for developers",
    financialReports: "Financial report analysis",
    hrPolicy: "HR policy Q&A",
    demandForecasting: "Supply-chain demand forecasting",
    qualityReports: "Quality inspection reports",
  },
  departments: {
    customerService: "Customer Service",
    it: "IT",
    sales: "Sales",
    marketing: "Marketing",
    finance: "Finance",
    hr: "HR",
    legal: "Legal",
    operations: "Operations",
  },
  /** The Basis column of the ROI sheet's sample rows: the seed's figures behind each line. */
  roiBasis: {
    agentSavings: "(50 − 35) agents × NT$40,000 × 12",
    capacityValue: "10 agent-equivalents × NT$40,000 × 12 (handling 8 → 5 minutes)",
    retention: "1,000,000 customers × 0.5% × NT$2,000",
    modelApi: "1,000,000 calls × US$0.002 × 32 × 12 (usage block)",
    platform: "NT$50,000 × 12",
    people: "1.5 FTE × NT$80,000 × 12",
    training: "NT$500,000 ÷ 3 years (or =TrainingCostTotal/AmortisationYears for the Rollout's figure)",
  },
};
