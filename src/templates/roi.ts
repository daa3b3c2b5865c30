/**
 * The ROI sheet: the seed's customer-service business case (DESIGN.md section 4), its three-year
 * risk-adjusted view, a 36-month cash flow with payback against the seed's benchmarks, and a
 * monthly API cost guardrail.
 *
 * Layout, top to bottom: assumptions (inputs) → annual line items (base, and the values in use,
 * which follow the Stress sheet's Scenario switch when it exists) → three-year view → cost
 * guardrail → the 36-month schedule. Every figure below the assumptions is a formula.
 */
import { ROI_LABELS } from "../i18n/templates/roi";
import { apiCost } from "../engine/costs";
import { SheetBuilder, dual, same } from "./builder";
import {
  DEFAULT_OPTIONS,
  type PlanCell,
  type SemanticFormat,
  type SheetPlan,
  type TemplateOptions,
} from "./plan";

export const ROI_SHEET = "ROI";
export const ROI_VERSION = 1;
/** Months in the cash-flow schedule after month 0. */
export const HORIZON_MONTHS = 36;
export const HORIZON_YEARS = 3;

interface Assumption {
  readonly name: string;
  readonly label: string;
  readonly sample: number;
  readonly format: SemanticFormat;
  readonly note?: string;
  /** Fixed structure rather than an input (months per year). */
  readonly constant?: boolean;
  /** A setting that keeps its default in a blank model too (benefit realisation 100%). */
  readonly always?: boolean;
}

/** The seed's example (section 8.2) and this template's own documented assumptions. */
export function roiAssumptions(options: TemplateOptions): Assumption[] {
  const L = ROI_LABELS[options.locale];
  const linked = options.linkedTo.includes("rollout");
  return [
    { name: "AgentsBefore", label: L.agentsBefore, sample: 50, format: "number", note: L.agents },
    { name: "AgentsAfter", label: L.agentsAfter, sample: 35, format: "number", note: L.agents },
    { name: "AgentMonthlyCost", label: L.agentMonthlyCost, sample: 40_000, format: "currency" },
    { name: "CapacityAgents", label: L.capacityAgents, sample: 10, format: "number", note: L.capacityNote },
    { name: "Customers", label: L.customers, sample: 1_000_000, format: "number", note: L.people },
    { name: "ChurnReduction", label: L.churnReduction, sample: 0.005, format: "percentPrecise" },
    { name: "Arpu", label: L.arpu, sample: 2_000, format: "currency" },
    {
      name: "BenefitRealisation",
      label: L.benefitRealisation,
      sample: 1,
      format: "percent",
      note: L.realisationNote,
      constant: false,
      always: true,
    },
    { name: "ApiCallsPerMonth", label: L.apiCalls, sample: 1_000_000, format: "number", note: L.calls },
    { name: "CostPerCall", label: L.costPerCall, sample: 0.002, format: "decimal", note: "US$" },
    { name: "FxRate", label: L.fxRate, sample: 32, format: "decimal" },
    { name: "PlatformMonthly", label: L.platformMonthly, sample: 50_000, format: "currency" },
    { name: "PeopleFte", label: L.peopleFte, sample: 1.5, format: "decimal", note: L.fte },
    { name: "FteMonthlyCost", label: L.fteMonthlyCost, sample: 80_000, format: "currency" },
    { name: "TrainingOneOff", label: L.trainingOneOff, sample: 500_000, format: "currency" },
    { name: "AmortisationYears", label: L.amortisationYears, sample: 3, format: "number", note: L.years },
    {
      name: "ImplementationCost",
      label: L.implementationCost,
      sample: 1_500_000,
      format: "currency",
      note: L.implementationNote,
    },
    { name: "DiscountRate", label: L.discountRate, sample: 0.1, format: "percent" },
    { name: "BenefitRisk", label: L.benefitRisk, sample: 0.1, format: "percent" },
    { name: "CostRisk", label: L.costRisk, sample: 0.1, format: "percent" },
    {
      name: "RampStartMonth",
      label: L.rampStart,
      sample: 0,
      format: "number",
      note: linked ? L.rampLinked : L.rampNote,
    },
    {
      name: "RampMonths",
      label: L.rampMonths,
      sample: 6,
      format: "number",
      note: linked ? L.rampLinked : L.rampNote,
    },
    {
      name: "AdoptionTarget",
      label: L.adoptionTarget,
      sample: 1,
      format: "percent",
      note: linked ? L.rampLinked : L.rampNote,
    },
    {
      name: "LeaderPaybackMonths",
      label: L.leaderPayback,
      sample: 14,
      format: "number",
      note: L.benchmarkNote,
    },
    {
      name: "LaggardPaybackMonths",
      label: L.laggardPayback,
      sample: 36,
      format: "number",
      note: L.benchmarkNote,
    },
    { name: "ApiMonthlyBudget", label: L.apiBudget, sample: 100_000, format: "currency" },
    { name: "AlertShare", label: L.alertShare, sample: 0.8, format: "percent" },
    {
      name: "MonthsPerYear",
      label: L.monthsPerYear,
      sample: 12,
      format: "integer",
      note: L.months,
      constant: true,
    },
  ];
}

export function roiTemplate(options: TemplateOptions): SheetPlan {
  const L = ROI_LABELS[options.locale];
  const withStress = options.linkedTo.includes("stress");
  const withRollout = options.linkedTo.includes("rollout");
  const b = new SheetBuilder("roi", ROI_VERSION, ROI_SHEET, options.locale, options.currency);

  b.write("A1", [[L.title], [L.subtitle]]);
  b.style("A1", "title").style("A2", "subtitle");
  b.width("A", 46)
    .width("B", 18)
    .width("C", 18)
    .width("D", 18)
    .width("E", 18)
    .width("F", 18)
    .width("G", 18)
    .width("H", 16);

  // Assumptions: one input per row, each with a workbook name.
  const assumptions = roiAssumptions(options);
  const inputs = b.write("A4", [
    [L.assumptions, L.value, L.note],
    ...assumptions.map((a) => [
      a.label,
      options.data === "sample" || a.constant ? a.sample : null,
      a.note ?? "",
    ]),
  ]);
  b.style(inputs.row(0), "header");
  assumptions.forEach((a, i) => {
    const cell = inputs.cell(i + 1, 1);
    b.name(a.name, cell, a.label)
      .format(cell, a.format)
      .style(cell, a.constant ? "constant" : "input");
  });
  b.style(inputs.column(2, 1), "note");
  // One rule per input (a cell can hold one validation): rates 0–100%, realisation 0–200%,
  // everything else zero or more.
  const rates = ["ChurnReduction", "DiscountRate", "BenefitRisk", "CostRisk", "AdoptionTarget", "AlertShare"];
  const zh = options.locale === "zh-TW";
  assumptions.forEach((a, i) => {
    if (a.constant) return;
    const cell = inputs.cell(i + 1, 1);
    if (rates.includes(a.name)) {
      b.validate(
        cell,
        { kind: "decimal", min: 0, max: 1 },
        zh ? "請輸入 0% 到 100% 之間的比例。" : "Enter a rate from 0% to 100%.",
      );
    } else if (a.name === "BenefitRealisation") {
      b.validate(
        cell,
        { kind: "decimal", min: 0, max: 2 },
        zh ? "請輸入 0% 到 200% 之間的比例。" : "Enter a share from 0% to 200%.",
      );
    } else {
      b.validate(
        cell,
        { kind: "decimal", min: 0, max: 1e12 },
        zh ? "請輸入 0 或正數。" : "Enter zero or a positive number.",
      );
    }
  });

  // Section positions (1-based rows), fixed up front because earlier sections read later ones.
  const linesTop = 4 + assumptions.length + 2;
  const yearTop = linesTop + 13;
  const paybackTop = yearTop + 10;
  const guardTop = paybackTop + 4;
  const monthTop = guardTop + 6;
  const months = HORIZON_MONTHS + 1;
  const monthFirst = monthTop + 2; // row of month 0
  const monthLast = monthFirst + months - 1;
  const col = (c: string): string => `$${c}$${monthFirst}:$${c}$${monthLast}`;

  // Annual line items: base from the drivers; "in use" follows the Stress scenario when linked.
  const benefitLines: [string, PlanCell, string][] = [
    [L.agentSavings, same("=(AgentsBefore-AgentsAfter)*AgentMonthlyCost*MonthsPerYear"), L.agentSavingsBasis],
    [L.capacityValue, same("=CapacityAgents*AgentMonthlyCost*MonthsPerYear"), L.capacityBasis],
    [L.retention, same("=Customers*ChurnReduction*Arpu"), L.retentionBasis],
  ];
  const costLines: [string, PlanCell, string][] = [
    [
      L.modelApi,
      dual(
        "=GENAI.API_COST(ApiCallsPerMonth,CostPerCall,FxRate,MonthsPerYear)",
        "=ApiCallsPerMonth*CostPerCall*FxRate*MonthsPerYear",
      ),
      L.modelApiBasis,
    ],
    [L.platform, same("=PlatformMonthly*MonthsPerYear"), L.platformBasis],
    [L.peopleCost, same("=PeopleFte*FteMonthlyCost*MonthsPerYear"), L.peopleBasis],
    [L.training, same("=TrainingOneOff/AmortisationYears"), L.trainingBasis],
  ];
  // Rows inside the block: header 0, benefits 1..3, total 4, costs 5..8, total 9, net 10, ROI 11.
  const firstBenefit = 1;
  const benefitTotalRow = firstBenefit + benefitLines.length;
  const firstCost = benefitTotalRow + 1;
  const costTotalRow = firstCost + costLines.length;
  const roiRow = costTotalRow + 2;
  const line = (row: number, column: string): string => `${column}${linesTop + row}`;
  const benefitRange = (column: string): string =>
    `${line(firstBenefit, column)}:${line(benefitTotalRow - 1, column)}`;
  const costRange = (column: string): string =>
    `${line(firstCost, column)}:${line(costTotalRow - 1, column)}`;
  // Benefits in use are scaled by the realisation lever; costs are not.
  const inUse = (kind: "Benefits" | "Costs", k: number, row: number): PlanCell => {
    const value = withStress ? `INDEX(Scenario${kind},${k + 1})` : line(row, "B");
    return same(kind === "Benefits" ? `=${value}*BenefitRealisation` : `=${value}`);
  };
  const roiOf = (c: string): PlanCell =>
    dual(
      `=GENAI.ROI(${benefitRange(c)},${costRange(c)})`,
      `=(SUM(${benefitRange(c)})-SUM(${costRange(c)}))/SUM(${costRange(c)})`,
    );

  const lines = b.write(`A${linesTop}`, [
    [L.lineItems, L.base, L.inUse, L.basis],
    ...benefitLines.map(([label, formula, basis], k) => [
      label,
      formula,
      inUse("Benefits", k, firstBenefit + k),
      basis,
    ]),
    [L.totalBenefits, same(`=SUM(${benefitRange("B")})`), same(`=SUM(${benefitRange("C")})`), ""],
    ...costLines.map(([label, formula, basis], k) => [
      label,
      formula,
      inUse("Costs", k, firstCost + k),
      basis,
    ]),
    [L.totalCosts, same(`=SUM(${costRange("B")})`), same(`=SUM(${costRange("C")})`), ""],
    [
      L.netBenefit,
      same(`=${line(benefitTotalRow, "B")}-${line(costTotalRow, "B")}`),
      same("=AnnualBenefits-AnnualCosts"),
      "",
    ],
    [L.annualRoi, roiOf("B"), roiOf("C"), withStress ? L.inUseNoteStress : L.inUseNoteBase],
  ]);
  b.style(lines.row(0), "header").style(lines.range(1, 1, roiRow - 1, 2), "formula");
  b.style(lines.row(benefitTotalRow, 0, 2), "total").style(lines.row(costTotalRow, 0, 2), "total");
  b.style(lines.row(roiRow, 0, 2), "output").style(lines.column(3, 1), "note");
  b.format(lines.range(1, 1, roiRow - 1, 2), "currency").format(lines.range(roiRow, 1, roiRow, 2), "percent");
  b.name("RoiBenefitLabels", lines.column(0, firstBenefit, benefitTotalRow - 1), L.lineItems)
    .name("RoiCostLabels", lines.column(0, firstCost, costTotalRow - 1), L.lineItems)
    .name("RoiBenefitBase", lines.column(1, firstBenefit, benefitTotalRow - 1), L.benefits)
    .name("RoiCostBase", lines.column(1, firstCost, costTotalRow - 1), L.costs)
    .name("RoiBenefitsInUse", lines.column(2, firstBenefit, benefitTotalRow - 1), L.benefits)
    .name("RoiCostsInUse", lines.column(2, firstCost, costTotalRow - 1), L.costs)
    .name("AnnualBenefits", lines.cell(benefitTotalRow, 2), L.totalBenefits)
    .name("AnnualCosts", lines.cell(costTotalRow, 2), L.totalCosts)
    .name("ApiAnnualCost", lines.cell(firstCost, 2), L.modelApi)
    .name("AnnualROI", lines.cell(roiRow, 2), L.annualRoi);

  // Three-year view: each year sums its months of the schedule (year 0 is month 0).
  const yearCols = ["B", "C", "D", "E"];
  const y = (row: number, c: string): string => `${c}${yearTop + row}`;
  const sumYear = (source: string, c: string): PlanCell =>
    same(`=SUMIFS(${col(source)},${col("B")},${c}$${yearTop})`);
  const npvOf = (row: number): string => `${y(row, "B")}+NPV(DiscountRate,${y(row, "C")}:${y(row, "E")})`;
  const yearBlock = b.write(`A${yearTop}`, [
    [L.year, ...yearCols.map((_, k) => k)],
    [L.benefits, ...yearCols.map((c) => sumYear("C", c))],
    [L.costs, ...yearCols.map((c) => sumYear("D", c))],
    [L.net, ...yearCols.map((c) => same(`=${y(1, c)}-${y(2, c)}`))],
    [L.riskBenefits, ...yearCols.map((c) => same(`=${y(1, c)}*(1-BenefitRisk)`))],
    [L.riskCosts, ...yearCols.map((c) => same(`=${y(2, c)}*(1+CostRisk)`))],
    [L.riskNet, ...yearCols.map((c) => same(`=${y(4, c)}-${y(5, c)}`))],
    [
      L.pvRoi,
      dual(
        `=GENAI.PV_ROI(${y(1, "B")}:${y(1, "E")},${y(2, "B")}:${y(2, "E")},DiscountRate,BenefitRisk,CostRisk)`,
        `=((1-BenefitRisk)*(${npvOf(1)})-(1+CostRisk)*(${npvOf(2)}))/((1+CostRisk)*(${npvOf(2)}))`,
      ),
    ],
    [L.npv, same(`=${npvOf(6)}`)],
  ]);
  b.style(yearBlock.row(0), "header").style(yearBlock.range(1, 1, 6, 4), "formula");
  b.style(yearBlock.row(7, 0, 1), "output").style(yearBlock.row(8, 0, 1), "output");
  b.format(yearBlock.range(1, 1, 6, 4), "currency").format(yearBlock.cell(7, 1), "percent");
  b.format(yearBlock.cell(8, 1), "currency");
  b.name("PVROI", yearBlock.cell(7, 1), L.pvRoi).name("ThreeYearNPV", yearBlock.cell(8, 1), L.npv);

  // Payback from the schedule, against the seed's benchmarks. The portable form takes the first
  // crossing from column G (each crossing lies in [k − 1, k), so the smallest is the first).
  const paybackCell = `B${paybackTop + 1}`;
  const payback = b.write(`A${paybackTop}`, [
    [L.payback, L.value],
    [
      L.payback,
      dual(
        `=IFERROR(GENAI.PAYBACK(${col("E")}),"${L.beyondHorizon}")`,
        `=IF(MIN(${col("F")})>=0,0,IF(COUNTIF(${col("G")},">=0")=0,"${L.beyondHorizon}",MIN(${col("G")})))`,
      ),
    ],
    [
      L.paybackStatus,
      same(
        `=IF(${paybackCell}="${L.beyondHorizon}","${L.laggardPace}",IF(${paybackCell}<=LeaderPaybackMonths,"${L.leaderPace}",IF(${paybackCell}<=LaggardPaybackMonths,"${L.middlePace}","${L.laggardPace}")))`,
      ),
    ],
  ]);
  b.style(payback.row(0), "header")
    .style(payback.range(1, 0, 2, 1), "output")
    .format(paybackCell, "months");
  b.conditional(payback.cell(2, 1), { kind: "textEquals", text: L.leaderPace, fill: "goodLight" })
    .conditional(payback.cell(2, 1), { kind: "textEquals", text: L.middlePace, fill: "warningLight" })
    .conditional(payback.cell(2, 1), { kind: "textEquals", text: L.laggardPace, fill: "badLight" });
  b.name("PaybackMonths", paybackCell, L.payback).name("PaybackStatus", payback.cell(2, 1), L.paybackStatus);

  // Cost guardrail.
  const g = (row: number): string => `B${guardTop + row}`;
  const guard = b.write(`A${guardTop}`, [
    [L.guardrail, L.value],
    [
      L.apiMonthlyCost,
      dual("=GENAI.API_COST(ApiCallsPerMonth,CostPerCall,FxRate,1)", "=ApiCallsPerMonth*CostPerCall*FxRate"),
    ],
    [L.apiBudget, same("=ApiMonthlyBudget")],
    [L.headroom, same(`=${g(2)}-${g(1)}`)],
    [
      L.budgetStatus,
      same(
        `=IF(${g(1)}>${g(2)},"${L.overBudget}",IF(${g(1)}>=AlertShare*${g(2)},"${L.nearBudget}","${L.withinBudget}"))`,
      ),
    ],
  ]);
  b.style(guard.row(0), "header")
    .style(guard.range(1, 1, 3, 1), "formula")
    .style(guard.row(4, 0, 1), "output");
  b.format(guard.range(1, 1, 3, 1), "currency");
  b.conditional(g(4), { kind: "textEquals", text: L.overBudget, fill: "badLight" })
    .conditional(g(4), { kind: "textEquals", text: L.nearBudget, fill: "warningLight" })
    .conditional(g(4), { kind: "textEquals", text: L.withinBudget, fill: "goodLight" });
  b.name("ApiBudgetStatus", g(4), L.budgetStatus);

  // The 36-month schedule: A month, B year, C benefits, D costs, E net, F cumulative,
  // G payback crossing, H adoption. Month 0 carries the one-off implementation cost.
  const m = (c: string, row: number): string => `${c}${row}`;
  const adoptionAt = (row: number): PlanCell =>
    withRollout
      ? same(`=INDEX(AdoptedShare,1,MATCH(${m("A", row)},RolloutMonths,0))`)
      : dual(
          `=GENAI.ADOPTION(${m("A", row)},RampStartMonth,RampMonths,AdoptionTarget)`,
          // smoothstep: target · x²(3 − 2x), x = (month − start) / ramp clamped to [0, 1]
          `=IF(${m("A", row)}<RampStartMonth,0,IF(RampMonths<=0,AdoptionTarget,AdoptionTarget*MIN(1,(${m("A", row)}-RampStartMonth)/RampMonths)^2*(3-2*MIN(1,(${m("A", row)}-RampStartMonth)/RampMonths))))`,
        );
  const scheduleRows: PlanCell[][] = Array.from({ length: months }, (_, k) => {
    const row = monthFirst + k;
    return [
      k,
      k === 0 ? 0 : Math.ceil(k / 12),
      same(`=${m("H", row)}*AnnualBenefits/MonthsPerYear`),
      same(
        `=IF(${m("A", row)}=0,ImplementationCost,(AnnualCosts-ApiAnnualCost)/MonthsPerYear+${m("H", row)}*ApiAnnualCost/MonthsPerYear)`,
      ),
      same(`=${m("C", row)}-${m("D", row)}`),
      k === 0 ? same(`=${m("E", row)}`) : same(`=${m("F", row - 1)}+${m("E", row)}`),
      k === 0
        ? same('=""')
        : same(
            `=IF(AND(${m("F", row - 1)}<0,${m("F", row)}>=0),${m("A", row - 1)}+(-${m("F", row - 1)})/${m("E", row)},"")`,
          ),
      adoptionAt(row),
    ];
  });
  const schedule = b.write(`A${monthTop}`, [
    [L.monthly],
    [L.month, L.year, L.benefits, L.costs, L.net, L.cumulative, L.crossing, L.adoption],
    ...scheduleRows,
  ]);
  b.style(schedule.cell(0, 0), "subtitle").style(schedule.row(1), "header");
  b.style(schedule.range(2, 0, months + 1, 1), "constant").style(
    schedule.range(2, 2, months + 1, 7),
    "formula",
  );
  b.format(schedule.range(2, 2, months + 1, 5), "currency").format(
    schedule.range(2, 6, months + 1, 6),
    "months",
  );
  b.format(schedule.range(2, 7, months + 1, 7), "percent");
  b.name("RoiMonths", col("A"), L.month)
    .name("RoiMonthlyBenefits", col("C"), L.benefits)
    .name("RoiMonthlyCosts", col("D"), L.costs)
    .name("RoiMonthlyNet", col("E"), L.net)
    .name("RoiMonthlyAdoption", col("H"), L.adoption);

  b.chart({
    kind: "line",
    title: L.chartTitle,
    series: [{ name: L.cumulative, x: col("A"), y: col("F") }],
    xTitle: L.month,
    yTitle: options.currency,
    anchor: { from: `J${monthTop}`, to: `Q${monthTop + 20}` },
  });
  b.freeze(3, 1);
  return b.build();
}

/**
 * The seed example's annual line items, computed by the engine from the sample assumptions:
 * the Stress sheet's base values when it is built without the ROI sheet.
 */
export function seedLineItems(): { benefits: number[]; costs: number[] } {
  const a = Object.fromEntries(roiAssumptions(DEFAULT_OPTIONS).map((x) => [x.name, x.sample]));
  const perYear = a.MonthsPerYear;
  return {
    benefits: [
      (a.AgentsBefore - a.AgentsAfter) * a.AgentMonthlyCost * perYear,
      a.CapacityAgents * a.AgentMonthlyCost * perYear,
      a.Customers * a.ChurnReduction * a.Arpu,
    ],
    costs: [
      apiCost(a.ApiCallsPerMonth, a.CostPerCall, a.FxRate, perYear),
      a.PlatformMonthly * perYear,
      a.PeopleFte * a.FteMonthlyCost * perYear,
      a.TrainingOneOff / a.AmortisationYears,
    ],
  };
}
