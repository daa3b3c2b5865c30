/**
 * The ROI sheet: the user's own business case (docs/line-items.md). Benefits and costs are rows
 * of two tables at the bottom of the sheet; everything above them (settings, the optional
 * drivers the sample rows use, the GenAI usage-cost block, the financial summary in the Total
 * Economic Impact layout, payback, the cost guardrail, the 36-month schedule) reads the tables
 * through their totals rows and workbook names, so it follows whatever lines the tables hold.
 *
 * Layout, top to bottom: settings → drivers (sample only) → usage block → financial summary →
 * payback → guardrail → schedule → contribution by use case → month numbers → Benefits (totals,
 * header, rows) → Costs.
 */
import { bundleFor } from "../i18n/bundles";
import { apiCost } from "../engine/costs";
import { columnLetters } from "../shared/a1";
import { enterText, orDefault, whenBlank } from "./blank-inputs";
import { SheetBuilder, dual, same } from "./builder";
import {
  DEFAULT_OPTIONS,
  type PlanCell,
  type SemanticFormat,
  type SheetPlan,
  type TemplateOptions,
} from "./plan";
import { COL, COST_KINDS, type LineRow, roiLines, sampleUseCase, TIMINGS } from "./roi-lines";
import { bounds, REALISATION, SHARE } from "../engine/inputs";
import { LINE_DISTRIBUTIONS } from "../engine/distributions";
import { contributionBlock, contributionHeight } from "./roi-contribution";

export const ROI_SHEET = "ROI";
/**
 * Layout 2: line tables (layout 1 had seven fixed line items); 5: each line's Distribution column
 * after Sim high (docs/line-items.md).
 */
export const ROI_VERSION = 5;

/**
 * The workbook names the ROI sheet defines, declared once: the template
 * defines them through these constants and the pane reads them through the same ones, never
 * through the names' text, so a rename is one edit here.
 */
export const ROI_NAMES = {
  benefitRealisation: "BenefitRealisation",
  discountRate: "DiscountRate",
  benefitRisk: "BenefitRisk",
  costRisk: "CostRisk",
  benefitLowChange: "BenefitLowChange",
  benefitHighChange: "BenefitHighChange",
  costLowChange: "CostLowChange",
  costHighChange: "CostHighChange",
  rampStartMonth: "RampStartMonth",
  rampMonths: "RampMonths",
  adoptionTarget: "AdoptionTarget",
  leaderPaybackMonths: "LeaderPaybackMonths",
  laggardPaybackMonths: "LaggardPaybackMonths",
  apiMonthlyBudget: "ApiMonthlyBudget",
  alertShare: "AlertShare",
  monthsPerYear: "MonthsPerYear",
  agentsBefore: "AgentsBefore",
  agentsAfter: "AgentsAfter",
  agentMonthlyCost: "AgentMonthlyCost",
  capacityAgents: "CapacityAgents",
  customers: "Customers",
  churnReduction: "ChurnReduction",
  arpu: "Arpu",
  platformMonthly: "PlatformMonthly",
  peopleFte: "PeopleFte",
  fteMonthlyCost: "FteMonthlyCost",
  trainingOneOff: "TrainingOneOff",
  amortisationYears: "AmortisationYears",
  implementationCost: "ImplementationCost",
  apiCallsPerMonth: "ApiCallsPerMonth",
  fxRate: "FxRate",
  usagePriceChange: "UsagePriceChange",
  costPerCall: "CostPerCall",
  usageMonthlyCost: "UsageMonthlyCost",
  roiYearBenefits: "RoiYearBenefits",
  roiYearCosts: "RoiYearCosts",
  roiYearNet: "RoiYearNet",
  roiRiskYearNet: "RoiRiskYearNet",
  annualBenefits: "AnnualBenefits",
  annualCosts: "AnnualCosts",
  annualRoi: "AnnualROI",
  pvRoi: "PVROI",
  threeYearNpv: "ThreeYearNPV",
  threeYearIrr: "ThreeYearIRR",
  apiAnnualCost: "ApiAnnualCost",
  adoptionNotice: "AdoptionNotice",
  paybackMonths: "PaybackMonths",
  paybackStatus: "PaybackStatus",
  apiBudgetStatus: "ApiBudgetStatus",
  roiMonths: "RoiMonths",
  roiYears: "RoiYears",
  roiMonthlyBenefits: "RoiMonthlyBenefits",
  roiMonthlyCosts: "RoiMonthlyCosts",
  roiMonthlyNet: "RoiMonthlyNet",
  roiMonthlyAdoption: "RoiMonthlyAdoption",
  lineMonths: "LineMonths",
} as const;

/** The line tables' names (Excel tables: the pane appends rows to them by name). */
export const ROI_TABLES = { benefits: "Benefits", costs: "Costs" } as const;

/** The names over each line table's columns (labels, the simulation's low / base / high, in use, totals). */
export const ROI_LINE_NAMES = {
  benefits: {
    labels: "RoiBenefitLabels",
    low: "RoiBenefitLow",
    base: "RoiBenefitBase",
    high: "RoiBenefitHigh",
    inUse: "RoiBenefitInUse",
    threePoint: "BenefitThreePoint",
    monthTotals: "BenefitMonthTotals",
  },
  costs: {
    labels: "RoiCostLabels",
    low: "RoiCostLow",
    base: "RoiCostBase",
    high: "RoiCostHigh",
    inUse: "RoiCostInUse",
    threePoint: "CostThreePoint",
    monthTotals: "CostMonthTotals",
  },
} as const;
/** Months in the cash-flow schedule after month 0. */
export const HORIZON_MONTHS = 36;
export const HORIZON_YEARS = 3;
/** Model rows in the usage-cost block (blank rows cost nothing). */
export const USAGE_MODELS = 5;

type Block = "settings" | "drivers" | "usage";

interface Assumption {
  readonly name: string;
  readonly label: string;
  readonly sample: number;
  readonly format: SemanticFormat;
  readonly block: Block;
  readonly note?: string;
  /** Fixed structure rather than an input (months per year). */
  readonly constant?: boolean;
  /** A setting that keeps its default in a blank model too (benefit realisation 100%). */
  readonly always?: boolean;
  readonly validation?: "rate" | "share" | "change" | "positive";
}

/**
 * The sheet's named inputs: settings (every model), the drivers the sample rows use (sample
 * only), and the usage block's named inputs. Samples are the seed's figures (section 8.2).
 */
export function roiAssumptions(options: TemplateOptions): Assumption[] {
  const L = bundleFor(options.locale).roi;
  const linked = options.linkedTo.includes("rollout");
  const ramp = linked ? L.rampLinked : L.rampNote;
  const s = (a: Omit<Assumption, "block">): Assumption => ({ ...a, block: "settings" });
  const d = (a: Omit<Assumption, "block">): Assumption => ({ ...a, block: "drivers" });
  const u = (a: Omit<Assumption, "block">): Assumption => ({ ...a, block: "usage" });
  return [
    s({
      name: ROI_NAMES.benefitRealisation,
      label: L.benefitRealisation,
      sample: 1,
      format: "percent",
      note: L.realisationNote,
      always: true,
      validation: "share",
    }),
    s({
      name: ROI_NAMES.discountRate,
      label: L.discountRate,
      sample: 0.1,
      format: "percent",
      validation: "rate",
    }),
    s({
      name: ROI_NAMES.benefitRisk,
      label: L.benefitRisk,
      sample: 0.1,
      format: "percent",
      validation: "rate",
    }),
    s({ name: ROI_NAMES.costRisk, label: L.costRisk, sample: 0.1, format: "percent", validation: "rate" }),
    s({
      name: ROI_NAMES.benefitLowChange,
      label: L.benefitLowChange,
      sample: -0.3,
      format: "percent",
      note: L.stressNote,
      always: true,
      validation: "change",
    }),
    s({
      name: ROI_NAMES.benefitHighChange,
      label: L.benefitHighChange,
      sample: 0.2,
      format: "percent",
      always: true,
      validation: "change",
    }),
    s({
      name: ROI_NAMES.costLowChange,
      label: L.costLowChange,
      sample: -0.1,
      format: "percent",
      always: true,
      validation: "change",
    }),
    s({
      name: ROI_NAMES.costHighChange,
      label: L.costHighChange,
      sample: 0.3,
      format: "percent",
      always: true,
      validation: "change",
    }),
    s({
      name: ROI_NAMES.rampStartMonth,
      label: L.rampStart,
      sample: 0,
      format: "number",
      note: ramp,
      validation: "positive",
    }),
    s({
      name: ROI_NAMES.rampMonths,
      label: L.rampMonths,
      sample: 6,
      format: "number",
      note: ramp,
      validation: "positive",
    }),
    s({
      name: ROI_NAMES.adoptionTarget,
      label: L.adoptionTarget,
      sample: 1,
      format: "percent",
      note: ramp,
      validation: "rate",
    }),
    s({
      name: ROI_NAMES.leaderPaybackMonths,
      label: L.leaderPayback,
      sample: 14,
      format: "number",
      note: L.benchmarkNote,
      validation: "positive",
    }),
    s({
      name: ROI_NAMES.laggardPaybackMonths,
      label: L.laggardPayback,
      sample: 36,
      format: "number",
      note: L.benchmarkNote,
      validation: "positive",
    }),
    s({
      name: ROI_NAMES.apiMonthlyBudget,
      label: L.apiBudget,
      sample: 100_000,
      format: "currency",
      validation: "positive",
    }),
    s({
      name: ROI_NAMES.alertShare,
      label: L.alertShare,
      sample: 0.8,
      format: "percent",
      validation: "rate",
    }),
    s({
      name: ROI_NAMES.monthsPerYear,
      label: L.monthsPerYear,
      sample: 12,
      format: "integer",
      note: L.months,
      constant: true,
    }),
    d({
      name: ROI_NAMES.agentsBefore,
      label: L.agentsBefore,
      sample: 50,
      format: "number",
      note: L.agents,
      validation: "positive",
    }),
    d({
      name: ROI_NAMES.agentsAfter,
      label: L.agentsAfter,
      sample: 35,
      format: "number",
      note: L.agents,
      validation: "positive",
    }),
    d({
      name: ROI_NAMES.agentMonthlyCost,
      label: L.agentMonthlyCost,
      sample: 40_000,
      format: "currency",
      validation: "positive",
    }),
    d({
      name: ROI_NAMES.capacityAgents,
      label: L.capacityAgents,
      sample: 10,
      format: "number",
      note: L.capacityNote,
      validation: "positive",
    }),
    d({
      name: ROI_NAMES.customers,
      label: L.customers,
      sample: 1_000_000,
      format: "number",
      note: L.people,
      validation: "positive",
    }),
    d({
      name: ROI_NAMES.churnReduction,
      label: L.churnReduction,
      sample: 0.005,
      format: "percentPrecise",
      validation: "rate",
    }),
    d({ name: ROI_NAMES.arpu, label: L.arpu, sample: 2_000, format: "currency", validation: "positive" }),
    d({
      name: ROI_NAMES.platformMonthly,
      label: L.platformMonthly,
      sample: 50_000,
      format: "currency",
      validation: "positive",
    }),
    d({
      name: ROI_NAMES.peopleFte,
      label: L.peopleFte,
      sample: 1.5,
      format: "decimal",
      note: L.fte,
      validation: "positive",
    }),
    d({
      name: ROI_NAMES.fteMonthlyCost,
      label: L.fteMonthlyCost,
      sample: 80_000,
      format: "currency",
      validation: "positive",
    }),
    d({
      name: ROI_NAMES.trainingOneOff,
      label: L.trainingOneOff,
      sample: 500_000,
      format: "currency",
      validation: "positive",
    }),
    d({
      name: ROI_NAMES.amortisationYears,
      label: L.amortisationYears,
      sample: 3,
      format: "number",
      note: L.years,
      validation: "positive",
    }),
    d({
      name: ROI_NAMES.implementationCost,
      label: L.implementationCost,
      sample: 1_500_000,
      format: "currency",
      note: L.implementationNote,
      validation: "positive",
    }),
    u({
      name: ROI_NAMES.apiCallsPerMonth,
      label: L.apiCalls,
      sample: 1_000_000,
      format: "number",
      note: L.calls,
      validation: "positive",
    }),
    u({ name: ROI_NAMES.fxRate, label: L.fxRate, sample: 32, format: "decimal", validation: "positive" }),
    u({
      name: ROI_NAMES.usagePriceChange,
      label: L.usagePriceChange,
      sample: 0,
      format: "percent",
      validation: "change",
    }),
    // The seed's per-call price sits in the first model row of the usage block (name CostPerCall).
    u({
      name: ROI_NAMES.costPerCall,
      label: L.costPerCall,
      sample: 0.002,
      format: "decimal",
      note: "US$",
      validation: "positive",
    }),
  ];
}

/** Rules of the ROI sheet's inputs; the message Excel shows comes from the language's bundle. */
const VALIDATIONS = {
  rate: { kind: "decimal", ...bounds(SHARE) },
  share: { kind: "decimal", ...bounds(REALISATION) },
  change: { kind: "decimal", min: -1, max: 10 },
  positive: { kind: "decimal", min: 0, max: 1e12 },
} as const;

/** Smoothstep adoption in native functions: target · x²(3 − 2x), x = (m − s) / r clamped to [0, 1]. */
function smoothstep(m: string, s: string, r: string, target: string): string {
  const x = `MIN(1,(${m}-${s})/${r})`;
  return `IF(${m}<${s},0,IF(${r}<=0,${target},${target}*${x}^2*(3-2*${x})))`;
}

export function roiTemplate(options: TemplateOptions): SheetPlan {
  const L = bundleFor(options.locale).roi;
  const V = bundleFor(options.locale).validation;
  const sample = options.data === "sample";
  const withStress = options.linkedTo.includes("stress");
  const withRollout = options.linkedTo.includes("rollout");
  const lines = roiLines(options);
  const b = new SheetBuilder("roi", ROI_VERSION, ROI_SHEET, options.locale, options.currency);

  b.write("A1", [[sample ? L.title : L.blankTitle], [sample ? L.subtitle : L.blankSubtitle]]);
  b.style("A1", "title").style("A2", "subtitle");
  b.width("A", 46);
  for (const c of ["B", "C", "D", "E", "F", "G", "H", "I", "J", "K"]) b.width(c, 16);
  b.width("L", 40);

  // Named inputs, block by block: one per row, label, value, note.
  const assumptions = roiAssumptions(options);
  let top = 4;
  /** The cell of each named input, for the texts that say where to enter a missing one. */
  const inputCell = new Map<string, string>();
  const inputBlock = (block: Block, title: string): number => {
    const rows = assumptions.filter((a) => a.block === block && a.name !== ROI_NAMES.costPerCall);
    const placed = b.write(`A${top}`, [
      [title, L.value, L.note],
      ...rows.map((a) => [a.label, sample || a.constant || a.always ? a.sample : null, a.note ?? ""]),
    ]);
    b.style(placed.row(0), "header").style(placed.column(2, 1), "note");
    rows.forEach((a, i) => {
      const cell = placed.cell(i + 1, 1);
      inputCell.set(a.name, cell);
      b.name(a.name, cell, a.label)
        .format(cell, a.format)
        .style(cell, a.constant ? "constant" : "input");
      if (a.validation) {
        b.validate(cell, VALIDATIONS[a.validation], V[a.validation]);
      }
    });
    const end = top + rows.length;
    top = end + 2;
    return end;
  };
  inputBlock("settings", L.settings);
  if (sample) inputBlock("drivers", L.drivers);

  // GenAI usage cost: named inputs, then one row per model. A row's monthly cost is
  // calls × share × ((in × p_in + out × p_out) / 1e6 + per call) × FX; blank FX counts as 1.
  const usageInputsEnd = inputBlock("usage", L.usage);
  const modelsTop = usageInputsEnd + 1;
  const fx = orDefault("FxRate");
  const z = (a: string): string => `IF(${a}="",0,${a})`;
  const modelRow = (i: number): PlanCell[] => {
    const r = modelsTop + 1 + i;
    const seed = sample && i === 0;
    const calls = `ApiCallsPerMonth*${z(`$B${r}`)}`;
    return [
      seed ? L.sampleModel : null,
      seed ? 1 : null,
      null,
      null,
      null,
      null,
      seed ? 0.002 : null,
      dual(
        `=GENAI.TOKEN_COST(${calls},${z(`$C${r}`)},${z(`$D${r}`)},${z(`$E${r}`)},${z(`$F${r}`)},${fx},1)+GENAI.API_COST(${calls},${z(`$G${r}`)},${fx},1)`,
        `=${calls}*((${z(`$C${r}`)}*${z(`$E${r}`)}+${z(`$D${r}`)}*${z(`$F${r}`)})/1000000+${z(`$G${r}`)})*${fx}`,
      ),
    ];
  };
  const models = b.write(`A${modelsTop}`, [
    [
      L.usageModel,
      L.usageShare,
      L.inputTokens,
      L.outputTokens,
      L.inputPrice,
      L.outputPrice,
      L.pricePerCall,
      L.usageMonthly,
    ],
    ...Array.from({ length: USAGE_MODELS }, (_, i) => modelRow(i)),
    [
      L.usageTotal,
      null,
      null,
      null,
      null,
      null,
      null,
      same(`=SUM(H${modelsTop + 1}:H${modelsTop + USAGE_MODELS})`),
    ],
  ]);
  b.style(models.row(0), "header")
    .style(models.range(1, 0, USAGE_MODELS, 6), "input")
    .style(models.range(1, 7, USAGE_MODELS, 7), "formula")
    .style(models.row(USAGE_MODELS + 1, 0, 7), "total");
  b.format(models.range(1, 1, USAGE_MODELS, 1), "percent")
    .format(models.range(1, 2, USAGE_MODELS, 3), "number")
    .format(models.range(1, 4, USAGE_MODELS, 6), "decimal")
    .format(models.range(1, 7, USAGE_MODELS + 1, 7), "currency");
  b.validate(models.range(1, 1, USAGE_MODELS, 1), VALIDATIONS.rate, V.rate);
  b.validate(models.range(1, 2, USAGE_MODELS, 6), VALIDATIONS.positive, V.positive);
  b.name(ROI_NAMES.costPerCall, models.cell(1, 6), L.costPerCall).name(
    ROI_NAMES.usageMonthlyCost,
    models.cell(USAGE_MODELS + 1, 7),
    L.usageTotal,
  );

  // Section positions (1-based rows), fixed up front because earlier sections read later ones.
  const summaryTop = modelsTop + USAGE_MODELS + 3;
  const outputsTop = summaryTop + 8;
  const paybackTop = outputsTop + 10;
  const guardTop = paybackTop + 4;
  const monthTop = guardTop + 6;
  const months = HORIZON_MONTHS + 1;
  const monthFirst = monthTop + 2; // row of month 0
  const monthLast = monthFirst + months - 1;
  const col = (c: string): string => `$${c}$${monthFirst}:$${c}$${monthLast}`;

  // The contribution by use case (a fixed block), then the line tables: a row of month numbers,
  // then per table a totals row, the header and the rows.
  const contributionTop = monthLast + 3;
  const lineMonthsRow = contributionTop + contributionHeight() + 1;
  const nB = lines.benefits.length;
  const nC = lines.costs.length;
  const benefitTotals = lineMonthsRow + 2;
  const benefitHeader = benefitTotals + 1;
  const costTotals = benefitHeader + nB + 2;
  const costHeader = costTotals + 1;
  const letter = (c: number): string => columnLetters(c);
  const monthLetter = (k: number): string => letter(COL.month0 + k);
  const yearCol = COL.month0 + months; // Y0..Y3, then RY0..RY3
  const lastCol = yearCol + 2 * (HORIZON_YEARS + 1) - 1;
  const firstRow = (header: number): number => header + 1;
  const body = (header: number, n: number, c: number): string =>
    `$${letter(c)}$${header + 1}:$${letter(c)}$${header + n}`;
  const totalCell = (totals: number, c: number): string => `$${letter(c)}$${totals}`;
  const totalRange = (totals: number, from: number, to: number): string =>
    `$${letter(from)}$${totals}:$${letter(to)}$${totals}`;

  // Financial summary (TEI): rows benefits, costs, net, then risk-adjusted; columns initial,
  // years 1–3, total, present value (year 0 undiscounted).
  const yearCols = ["B", "C", "D", "E"];
  const sRow = (k: number): number => summaryTop + k;
  const rate = 'IF(DiscountRate="",0,DiscountRate)';
  const pvOf = (row: number): string => `B${row}+NPV(${rate},C${row}:E${row})`;
  const fromTotals = (totals: number, offset: number): PlanCell[] =>
    yearCols.map((_, y) => same(`=${totalCell(totals, yearCol + offset + y)}`));
  const summaryRow = (label: string, cells: PlanCell[], row: number): PlanCell[] => [
    label,
    ...cells,
    same(`=SUM(B${row}:E${row})`),
    same(`=${pvOf(row)}`),
  ];
  const summary = b.write(`A${summaryTop}`, [
    [L.summary, L.initial, `${L.yearN} 1`, `${L.yearN} 2`, `${L.yearN} 3`, L.total, L.presentValue],
    summaryRow(L.benefits, fromTotals(benefitTotals, 0), sRow(1)),
    summaryRow(L.costs, fromTotals(costTotals, 0), sRow(2)),
    summaryRow(
      L.net,
      yearCols.map((c) => same(`=${c}${sRow(1)}-${c}${sRow(2)}`)),
      sRow(3),
    ),
    summaryRow(L.riskBenefits, fromTotals(benefitTotals, HORIZON_YEARS + 1), sRow(4)),
    summaryRow(L.riskCosts, fromTotals(costTotals, HORIZON_YEARS + 1), sRow(5)),
    summaryRow(
      L.riskNet,
      yearCols.map((c) => same(`=${c}${sRow(4)}-${c}${sRow(5)}`)),
      sRow(6),
    ),
  ]);
  b.style(summary.row(0), "header").style(summary.range(1, 1, 6, 6), "formula");
  b.style(summary.row(3, 0, 6), "total").style(summary.row(6, 0, 6), "total");
  b.format(summary.range(1, 1, 6, 6), "currency");
  b.name(ROI_NAMES.roiYearBenefits, summary.range(1, 1, 1, 4), L.benefits)
    .name(ROI_NAMES.roiYearCosts, summary.range(2, 1, 2, 4), L.costs)
    .name(ROI_NAMES.roiYearNet, summary.range(3, 1, 3, 4), L.net)
    .name(ROI_NAMES.roiRiskYearNet, summary.range(6, 1, 6, 4), L.riskNet);

  // Headline outputs: blank when they cannot be computed (no cost lines, no lines at all).
  const o = (k: number): string => `B${outputsTop + k}`;
  const inUseB = body(benefitHeader, nB, COL.inUse);
  const inUseC = body(costHeader, nC, COL.inUse);
  const kindC = body(costHeader, nC, COL.kind);
  const pvRb = `G${sRow(4)}`;
  const pvRc = `G${sRow(5)}`;
  const outputs = b.write(`A${outputsTop}`, [
    [L.annualRoiRunRate, L.value],
    [L.totalBenefits, same(`=SUM(${inUseB})`)],
    [L.totalCosts, same(`=SUMIF(${kindC},"<>One-off",${inUseC})`)],
    [L.netBenefit, same(`=${o(1)}-${o(2)}`)],
    [
      L.annualRoi,
      dual(`=IF(${o(2)}>0,GENAI.ROI(${o(1)},${o(2)}),"")`, `=IF(${o(2)}>0,(${o(1)}-${o(2)})/${o(2)},"")`),
    ],
    [
      L.pvRoiRisk,
      dual(
        `=IF(${pvRc}>0,GENAI.PV_ROI(B${sRow(4)}:E${sRow(4)},B${sRow(5)}:E${sRow(5)},${rate},0,0),"")`,
        `=IF(${pvRc}>0,(${pvRb}-${pvRc})/${pvRc},"")`,
      ),
    ],
    [L.npv, same(`=IF(COUNT(${inUseB},${inUseC})=0,"",G${sRow(6)})`)],
    [L.irr, same(`=IFERROR(IRR(B${sRow(6)}:E${sRow(6)}),"")`)],
    [L.modelApi, same(`=SUMIF(${kindC},"Usage",${inUseC})`)],
  ]);
  b.style(outputs.row(0), "header").style(outputs.range(1, 1, 3, 1), "formula");
  b.style(outputs.range(4, 0, 7, 1), "output");
  b.format(outputs.range(1, 1, 3, 1), "currency")
    .format(outputs.range(4, 1, 5, 1), "percent")
    .format(outputs.cell(6, 1), "currency")
    .format(outputs.cell(7, 1), "percent");
  b.name(ROI_NAMES.annualBenefits, outputs.cell(1, 1), L.totalBenefits)
    .name(ROI_NAMES.annualCosts, outputs.cell(2, 1), L.totalCosts)
    .name(ROI_NAMES.annualRoi, outputs.cell(4, 1), L.annualRoi)
    .name(ROI_NAMES.pvRoi, outputs.cell(5, 1), L.pvRoi)
    .name(ROI_NAMES.threeYearNpv, outputs.cell(6, 1), L.npv)
    .name(ROI_NAMES.threeYearIrr, outputs.cell(7, 1), L.irr)
    .name(ROI_NAMES.apiAnnualCost, outputs.cell(8, 1), L.modelApi);
  b.style(outputs.cell(8, 1), "formula").format(outputs.cell(8, 1), "currency");
  // With the Rollout sheet linked, an empty Rollout (no headcount) means no adoption at all: the
  // present value and payback then say so beside them rather than look like results.
  if (withRollout) {
    b.write(outputs.cell(5, 2), [[same(`=IF(SUM(AdoptedShare)=0,"${L.emptyRollout}","")`)]]);
    b.style(outputs.cell(5, 2), "note").name(ROI_NAMES.adoptionNotice, outputs.cell(5, 2), L.adoption);
  }

  // Payback from the schedule against the benchmarks the user typed. The portable form takes the
  // first crossing from column G (each crossing lies in [k − 1, k), so the smallest is the first).
  const paybackCell = `B${paybackTop + 1}`;
  const noLines = `COUNT(${inUseB},${inUseC})=0`;
  const leader = `"${L.leaderPaceAt}"&LeaderPaybackMonths&"${L.monthsWord}"`;
  const middle = `"${L.middlePaceAt}"&LaggardPaybackMonths&"${L.monthsWordPlain}"`;
  const laggard = `"${L.laggardPaceAt}"&LaggardPaybackMonths&"${L.monthsWord}"`;
  // The benchmarks are required: while one is blank the status says which to enter, and where.
  const missing = (name: string, what: string): string =>
    `IF(${name}="","${enterText(options.locale, what, ROI_SHEET, inputCell.get(name) ?? "")}",`;
  const benchmarksMissing = `${missing("LeaderPaybackMonths", L.leaderPayback)}${missing("LaggardPaybackMonths", L.laggardPayback)}`;
  const payback = b.write(`A${paybackTop}`, [
    [L.payback, L.value],
    [
      L.payback,
      dual(
        // An error in the schedule shows as itself in both dialects, never as "beyond": the
        // comparison of the schedule's sum with itself passes its error on.
        `=IF(${noLines},"",IF(SUM(${col("E")})=SUM(${col("E")}),IFERROR(GENAI.PAYBACK(${col("E")}),"${L.beyondHorizon}")))`,
        `=IF(${noLines},"",IF(MIN(${col("F")})>=0,0,IF(COUNTIF(${col("G")},">=0")=0,"${L.beyondHorizon}",MIN(${col("G")}))))`,
      ),
    ],
    [
      L.paybackStatus,
      same(
        `=IF(${paybackCell}="","",${benchmarksMissing}IF(${paybackCell}="${L.beyondHorizon}",${laggard},IF(${paybackCell}<=LeaderPaybackMonths,${leader},IF(${paybackCell}<=LaggardPaybackMonths,${middle},${laggard}))))))`,
      ),
    ],
  ]);
  b.style(payback.row(0), "header")
    .style(payback.range(1, 0, 2, 1), "output")
    .format(paybackCell, "months");
  const p = `$B$${paybackTop + 1}`;
  b.conditional(payback.cell(2, 1), {
    kind: "formula",
    formula: `AND(ISNUMBER(${p}),${p}<=LeaderPaybackMonths)`,
    fill: "goodLight",
  })
    .conditional(payback.cell(2, 1), {
      kind: "formula",
      formula: `AND(ISNUMBER(${p}),${p}>LeaderPaybackMonths,${p}<=LaggardPaybackMonths)`,
      fill: "warningLight",
    })
    .conditional(payback.cell(2, 1), {
      kind: "formula",
      formula: `OR(${p}="${L.beyondHorizon}",AND(ISNUMBER(${p}),${p}>LaggardPaybackMonths))`,
      fill: "badLight",
    });
  b.name(ROI_NAMES.paybackMonths, paybackCell, L.payback).name(
    ROI_NAMES.paybackStatus,
    payback.cell(2, 1),
    L.paybackStatus,
  );

  // Cost guardrail: the usage block's monthly cost at full adoption against the budget.
  const g = (row: number): string => `B${guardTop + row}`;
  const guard = b.write(`A${guardTop}`, [
    [L.guardrail, L.value],
    [L.apiMonthlyCost, same("=UsageMonthlyCost")],
    [L.apiBudget, same("=ApiMonthlyBudget")],
    [L.headroom, same(`=${g(2)}-${g(1)}`)],
    [
      L.budgetStatus,
      same(
        `=IF(${g(2)}="","",IF(${g(1)}>${g(2)},"${L.overBudget}",IF(${g(1)}>=AlertShare*${g(2)},"${L.nearBudget}","${L.withinBudget}")))`,
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
  b.name(ROI_NAMES.apiBudgetStatus, g(4), L.budgetStatus);

  // The 36-month schedule: A month, B year, C benefits, D costs (each the tables' month totals),
  // E net, F cumulative, G payback crossing, H company adoption.
  const m = (c: string, row: number): string => `${c}${row}`;
  const adoptionAt = (row: number): PlanCell =>
    withRollout
      ? same(`=INDEX(AdoptedShare,1,MATCH(${m("A", row)},RolloutMonths,0))`)
      : dual(
          `=GENAI.ADOPTION(${m("A", row)},RampStartMonth,RampMonths,${orDefault("AdoptionTarget")})`,
          `=${smoothstep(m("A", row), "RampStartMonth", "RampMonths", orDefault("AdoptionTarget"))}`,
        );
  const scheduleRows: PlanCell[][] = Array.from({ length: months }, (_, k) => {
    const row = monthFirst + k;
    return [
      k,
      k === 0 ? 0 : Math.ceil(k / 12),
      same(`=INDEX(BenefitMonthTotals,1,${m("A", row)}+1)`),
      same(`=INDEX(CostMonthTotals,1,${m("A", row)}+1)`),
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
  b.name(ROI_NAMES.roiMonths, col("A"), L.month)
    .name(ROI_NAMES.roiYears, col("B"), L.year)
    .name(ROI_NAMES.roiMonthlyBenefits, col("C"), L.benefits)
    .name(ROI_NAMES.roiMonthlyCosts, col("D"), L.costs)
    .name(ROI_NAMES.roiMonthlyNet, col("E"), L.net)
    .name(ROI_NAMES.roiMonthlyAdoption, col("H"), L.adoption);
  b.chart({
    kind: "line",
    title: L.chartTitle,
    series: [{ name: L.cumulative, x: col("A"), y: col("F") }],
    xTitle: L.month,
    yTitle: options.currency,
    anchor: { from: `J${monthTop}`, to: `Q${monthTop + 20}` },
  });

  contributionBlock(b, {
    top: contributionTop,
    benefits: { header: benefitHeader, rows: nB },
    costs: { header: costHeader, rows: nC },
    monthsRow: lineMonthsRow,
    horizonMonths: HORIZON_MONTHS,
    locale: options.locale,
    useCases: [sampleUseCase(options)].filter((u): u is string => u !== null),
  });

  // Month numbers the tables' month columns read (one row above both tables).
  const monthNumbers = b.write(`A${lineMonthsRow}`, [
    [
      L.lineMonths,
      ...new Array<PlanCell>(COL.month0 - 1).fill(null),
      ...Array.from({ length: months }, (_, k) => k),
    ],
  ]);
  b.style(monthNumbers.row(0, COL.month0), "constant");
  b.name(
    ROI_NAMES.lineMonths,
    `$${monthLetter(0)}$${lineMonthsRow}:$${monthLetter(HORIZON_MONTHS)}$${lineMonthsRow}`,
    L.month,
  );

  const company = (mm: string): string => `INDEX(RoiMonthlyAdoption,${mm}+1)`;
  const yearsHeader = [
    ...Array.from({ length: HORIZON_YEARS + 1 }, (_, y) => `${L.years0}${y}`),
    ...Array.from({ length: HORIZON_YEARS + 1 }, (_, y) => `${L.riskYears}${y}`),
  ];
  const monthHeader = Array.from({ length: months }, (_, k) => `${L.monthColumn}${k}`);

  /**
   * The calculated cells of a line row, for a benefit or a cost table: In use and the simulation's
   * three points (columns M to P), then the schedule (from M0 on), either side of the Distribution
   * input.
   */
  const calculated = (r: number, isBenefit: boolean): { sim: PlanCell[]; schedule: PlanCell[] } => {
    const c = (k: number): string => `$${letter(k)}${r}`;
    const F = c(COL.base);
    const E = c(COL.low);
    const G = c(COL.high);
    const H = c(COL.kind);
    const I = `MAX(0,${c(COL.start)})`;
    const J = c(COL.months);
    const K = c(COL.risk);
    const M = c(COL.inUse);
    const guard = (f: string): PlanCell => same(`=IF(${F}="","",${f})`);
    const lowV = `IF(${E}="",${F},${E})`;
    const highV = `IF(${G}="",${F},${G})`;
    const worst = isBenefit ? lowV : highV;
    const best = isBenefit ? highV : lowV;
    const scenario = withStress ? `IF(Scenario="Worst",${worst},IF(Scenario="Best",${best},${F}))` : F;
    const realisation = orDefault("BenefitRealisation");
    const inUse = guard(isBenefit ? `${scenario}*${realisation}` : scenario);
    const triple = isBenefit
      ? [lowV, F, highV].map((v) => guard(`${v}*${realisation}`))
      : [lowV, F, highV].map((v) => guard(`IF(${H}="One-off",0,${v})`));
    const monthCell = (k: number): PlanCell => {
      const mm = `${monthLetter(k)}$${lineMonthsRow}`;
      if (!isBenefit) {
        const spread = `MAX(1,${J})`;
        const usage = `${M}/MonthsPerYear*${company(mm)}*(1+UsagePriceChange)^MAX(0,INDEX(RoiYears,${mm}+1)-1)`;
        return guard(
          `IF(${H}="One-off",IF(AND(${mm}>=${I},${mm}<${I}+${spread}),${M}/${spread},0),IF(${mm}<${I},0,IF(${H}="Usage",${usage},${M}/MonthsPerYear)))`,
        );
      }
      const ramp = `MAX(0,${J})`;
      const fixed = `IF(${mm}>=${I},1,0)`;
      const waveOf = `INDEX(DepartmentWaves,MATCH(${c(COL.department)},DepartmentNames,0))`;
      // The Rollout sheet's rules for a blank wave start or ramp: month 0, no ramp.
      const waveStart = whenBlank(`INDEX(WaveStart,${waveOf})`, 0);
      const waveRamp = whenBlank(`INDEX(WaveRamp,${waveOf})`, 0);
      const share = (ownLive: string, waveLive: string | null): string =>
        `IF(${H}="Fixed",${fixed},IF(${H}="Own",${ownLive},${waveLive === null ? "" : `IF(${H}="Wave",${waveLive},`}${company(mm)}${waveLive === null ? "" : ")"}))`;
      const liveWave = withRollout
        ? `IFERROR(GENAI.ADOPTION(${mm},${waveStart},${waveRamp},${orDefault("AdoptionTargetAll")}),${company(mm)})`
        : null;
      const portableWave = withRollout
        ? `IFERROR(${smoothstep(mm, waveStart, waveRamp, orDefault("AdoptionTargetAll"))},${company(mm)})`
        : null;
      const live = share(`GENAI.ADOPTION(${mm},${I},${ramp})`, liveWave);
      const portable = share(smoothstep(mm, I, ramp, "1"), portableWave);
      return dual(
        `=IF(${F}="","",${M}*${live}/MonthsPerYear)`,
        `=IF(${F}="","",${M}*${portable}/MonthsPerYear)`,
      );
    };
    const first = letter(COL.month0);
    const yearSum = (y: number): PlanCell =>
      y === 0
        ? guard(`${first}${r}`)
        : guard(`SUM(${monthLetter(12 * y - 11)}${r}:${monthLetter(12 * y)}${r})`);
    const riskYear = (y: number): PlanCell =>
      guard(`${letter(yearCol + y)}${r}*(1${isBenefit ? "-" : "+"}${K})`);
    return {
      sim: [inUse, ...triple],
      schedule: [
        ...Array.from({ length: months }, (_, k) => monthCell(k)),
        ...Array.from({ length: HORIZON_YEARS + 1 }, (_, y) => yearSum(y)),
        ...Array.from({ length: HORIZON_YEARS + 1 }, (_, y) => riskYear(y)),
      ],
    };
  };
  /** Every calculated column from In use on (all but the Distribution input). */
  const calculatedColumns = Array.from({ length: lastCol - COL.inUse + 1 }, (_, j) => COL.inUse + j).filter(
    (c) => c !== COL.distribution,
  );

  const lineTable = (
    rows: readonly LineRow[],
    header: number,
    isBenefit: boolean,
    tableName: string,
    title: string,
  ): void => {
    const n = rows.length;
    const lowChange = isBenefit ? "BenefitLowChange" : "CostLowChange";
    const highChange = isBenefit ? "BenefitHighChange" : "CostHighChange";
    const riskName = isBenefit ? "BenefitRisk" : "CostRisk";
    const cells = rows.map((row, i): PlanCell[] => {
      const r = firstRow(header) + i;
      const { sim, schedule } = calculated(r, isBenefit);
      const F = `$${letter(COL.base)}${r}`;
      const bound = (fn: "MIN" | "MAX"): PlanCell =>
        same(`=IF(${F}="","",${fn}(${F}*(1+${lowChange}),${F}*(1+${highChange})))`);
      return [
        row.label,
        row.group,
        row.useCase ?? null,
        row.department ?? null,
        row.low ?? bound("MIN"),
        row.base,
        row.high ?? bound("MAX"),
        row.kind,
        row.start ?? null,
        row.months ?? null,
        row.risk ?? same(`=IF(${F}="","",${riskName})`),
        row.basis ?? null,
        ...sim,
        row.distribution ?? null,
        ...schedule,
      ];
    });
    const totals = b.write(`A${header - 1}`, [
      [
        title,
        ...new Array<PlanCell>(COL.inUse - 1).fill(null),
        ...Array.from({ length: lastCol - COL.inUse + 1 }, (_, j) =>
          COL.inUse + j === COL.distribution ? null : same(`=SUM(${body(header, n, COL.inUse + j)})`),
        ),
      ],
    ]);
    const table = b.write(`A${header}`, [
      [
        L.line,
        isBenefit ? L.dimension : L.category,
        L.useCase,
        L.department,
        L.low,
        isBenefit ? L.annualValue : L.amount,
        L.high,
        isBenefit ? L.timing : L.kind,
        L.startMonth,
        isBenefit ? L.rampMonthsColumn : L.spreadMonths,
        L.risk,
        L.basis,
        L.inUse,
        ...(isBenefit ? [L.simLow, L.simBase, L.simHigh] : [L.runLow, L.runBase, L.runHigh]),
        L.distribution,
        ...monthHeader,
        ...yearsHeader,
      ],
      ...cells,
    ]);
    b.style(totals.cell(0, 0), "subtitle")
      .style(totals.row(0, COL.inUse, COL.simHigh), "total")
      .style(totals.row(0, COL.month0), "total");
    b.format(totals.row(0, COL.inUse, COL.simHigh), "currency").format(totals.row(0, COL.month0), "currency");
    b.style(table.row(0), "header")
      .style(table.range(1, 0, n, COL.basis - 1), "input")
      .style(table.range(1, COL.basis, n, COL.basis), "note")
      .style(table.range(1, COL.inUse, n, COL.simHigh), "formula")
      .style(table.range(1, COL.distribution, n, COL.distribution), "input")
      .style(table.range(1, COL.month0, n, lastCol), "formula");
    b.format(table.range(1, COL.low, n, COL.high), "currency")
      .format(table.range(1, COL.start, n, COL.months), "number")
      .format(table.range(1, COL.risk, n, COL.risk), "percent")
      .format(table.range(1, COL.inUse, n, COL.simHigh), "currency")
      .format(table.range(1, COL.month0, n, lastCol), "currency");
    const groups = isBenefit
      ? [L.efficiency, L.revenue, L.riskAvoided]
      : [L.catModelApi, L.catPlatform, L.catPeople, L.catTraining, L.catGovernance];
    b.validate(table.range(1, COL.group, n, COL.group), { kind: "list", values: groups }, groups.join(", "));
    const kinds: readonly string[] = isBenefit ? TIMINGS : COST_KINDS;
    b.validate(table.range(1, COL.kind, n, COL.kind), { kind: "list", values: kinds }, kinds.join(", "));
    b.validate(
      table.range(1, COL.start, n, COL.months),
      { kind: "decimal", min: 0, max: HORIZON_MONTHS },
      `0 – ${HORIZON_MONTHS}`,
    );
    b.validate(table.range(1, COL.risk, n, COL.risk), VALIDATIONS.rate, V.rate);
    // The simulation functions compare the shape's name case-insensitively; blank: SimDistribution.
    b.validate(
      table.range(1, COL.distribution, n, COL.distribution),
      { kind: "list", values: LINE_DISTRIBUTIONS },
      LINE_DISTRIBUTIONS.join(", "),
    );
    // Calculated columns: the default low, high and risk, and every column from In use on but the
    // Distribution input. Excel fills them into a row the user adds (typed below the table, or the
    // pane's Add line).
    b.table(tableName, table.range(0, 0, n, lastCol), [COL.low, COL.high, COL.risk, ...calculatedColumns]);
    const names = ROI_LINE_NAMES[isBenefit ? "benefits" : "costs"];
    b.name(names.labels, body(header, n, COL.label), title)
      .name(names.low, body(header, n, COL.simLow), L.low)
      .name(names.base, body(header, n, COL.simBase), title)
      .name(names.high, body(header, n, COL.simHigh), L.high)
      .name(names.inUse, body(header, n, COL.inUse), L.inUse)
      .name(names.threePoint, table.range(1, COL.simLow, n, COL.distribution, true), title)
      .name(names.monthTotals, totalRange(header - 1, COL.month0, COL.month0 + HORIZON_MONTHS), title);
  };
  lineTable(lines.benefits, benefitHeader, true, ROI_TABLES.benefits, L.benefitsTable);
  lineTable(lines.costs, costHeader, false, ROI_TABLES.costs, L.costsTable);

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
