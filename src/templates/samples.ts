/**
 * The sample data the templates write when the user asks for it: the seed's customer-service case
 * and its neighbours. Figures live here; the names shown for them are translated with the rest of
 * the sheet's text, by id, in each language's bundle (src/i18n/<language>/samples.ts).
 */

/** The Rollout sheet's sample departments, in the order they are listed. */
export const SAMPLE_DEPARTMENT_IDS = [
  "customerService",
  "it",
  "sales",
  "marketing",
  "finance",
  "hr",
  "legal",
  "operations",
] as const;
export type SampleDepartmentId = (typeof SAMPLE_DEPARTMENT_IDS)[number];

export interface SampleDepartment {
  readonly id: SampleDepartmentId;
  readonly headcount: number;
  /** data, systems, sponsorship (1–5). */
  readonly readiness: readonly [number, number, number];
}

export const SAMPLE_DEPARTMENTS: readonly SampleDepartment[] = [
  { id: "customerService", headcount: 120, readiness: [4, 4, 5] },
  { id: "it", headcount: 80, readiness: [5, 5, 4] },
  { id: "sales", headcount: 150, readiness: [3, 3, 4] },
  { id: "marketing", headcount: 40, readiness: [3, 4, 4] },
  { id: "finance", headcount: 35, readiness: [4, 3, 2] },
  { id: "hr", headcount: 25, readiness: [2, 3, 3] },
  { id: "legal", headcount: 15, readiness: [3, 2, 2] },
  { id: "operations", headcount: 200, readiness: [2, 2, 3] },
];

export const SAMPLE_USE_CASE_IDS = [
  "customerServiceAssistant",
  "knowledgeSearch",
  "contractReview",
  "salesProposals",
  "marketingContent",
  "codeAssistant",
  "financialReports",
  "hrPolicy",
  "demandForecasting",
  "qualityReports",
] as const;
export type SampleUseCaseId = (typeof SAMPLE_USE_CASE_IDS)[number];

export interface SampleUseCase {
  readonly id: SampleUseCaseId;
  readonly department: SampleDepartmentId;
  /** impact, complexity, learning value, time window (1–5). */
  readonly scores: readonly [number, number, number, number];
  readonly annualValue: number;
  readonly annualCost: number;
  /** quality, p95 latency (s), hallucination rate, time saved, adoption intent; null while the PoC runs. */
  readonly gate: readonly [number, number, number, number, number] | null;
}

/**
 * Ten realistic enterprise use cases; the first is the seed's customer-service example. Each
 * belongs to one of the Rollout sheet's sample departments, so the two sheets tell one story.
 */
export const SAMPLE_USE_CASES: readonly SampleUseCase[] = [
  {
    id: "customerServiceAssistant",
    department: "customerService",
    scores: [5, 2, 4, 5],
    annualValue: 22_000_000,
    annualCost: 2_974_667,
    gate: [0.92, 2.1, 0.03, 0.45, 0.82],
  },
  {
    id: "knowledgeSearch",
    department: "it",
    scores: [4, 2, 5, 5],
    annualValue: 6_500_000,
    annualCost: 1_200_000,
    gate: [0.88, 1.8, 0.04, 0.42, 0.78],
  },
  {
    id: "contractReview",
    department: "legal",
    scores: [4, 4, 4, 3],
    annualValue: 9_000_000,
    annualCost: 2_400_000,
    gate: [0.85, 4.5, 0.06, 0.35, 0.6],
  },
  {
    id: "salesProposals",
    department: "sales",
    scores: [4, 3, 3, 4],
    annualValue: 7_800_000,
    annualCost: 1_500_000,
    gate: null,
  },
  {
    id: "marketingContent",
    department: "marketing",
    scores: [3, 2, 3, 5],
    annualValue: 3_200_000,
    annualCost: 800_000,
    gate: null,
  },
  {
    id: "codeAssistant",
    department: "it",
    scores: [4, 2, 4, 5],
    annualValue: 8_400_000,
    annualCost: 1_100_000,
    gate: [0.91, 1.2, 0.02, 0.41, 0.9],
  },
  {
    id: "financialReports",
    department: "finance",
    scores: [3, 4, 3, 2],
    annualValue: 4_500_000,
    annualCost: 1_600_000,
    gate: null,
  },
  {
    id: "hrPolicy",
    department: "hr",
    scores: [2, 1, 3, 5],
    annualValue: 1_200_000,
    annualCost: 300_000,
    gate: null,
  },
  {
    id: "demandForecasting",
    department: "operations",
    scores: [5, 5, 4, 2],
    annualValue: 15_000_000,
    annualCost: 5_500_000,
    gate: null,
  },
  {
    id: "qualityReports",
    department: "operations",
    scores: [3, 5, 2, 2],
    annualValue: 2_800_000,
    annualCost: 1_900_000,
    gate: null,
  },
];
