/**
 * The Stress sheet: low / base / high per ROI line item, the Scenario switch that drives the ROI
 * sheet, the Monte Carlo percentiles and P(ROI<0), the tornado (one item at a time) with its
 * chart, and break-even shares of the planned benefits.
 *
 * Defaults: benefits −30% / +20%, costs −10% / +30%.
 */
import { bundleFor } from "../i18n/bundles";
import { DEFAULT_SIMULATION, MAX_TRIALS, SAMPLINGS } from "../engine/simulate";
import { SIMULATION_LABELS } from "../engine/simulation-table";
import { SEED, TRIALS } from "../engine/inputs";
import { DISTRIBUTIONS } from "../engine/distributions";
import { SPIDER_PERCENTILES } from "../engine/case-simulation";
import { enterText, orDefault } from "./blank-inputs";
import { columnLetters } from "../shared/a1";
import { SheetBuilder, dual, same } from "./builder";
import type { PlanCell, PlanFormula, SheetPlan, TemplateOptions } from "./plan";
import { ROI_LINE_NAMES, ROI_SHEET, ROI_TABLES, seedLineItems } from "./roi";
import { roiLines } from "./roi-lines";

export const STRESS_SHEET = "Stress";
export const STRESS_VERSION = 6;
/** The Stress sheet's line table. */
export const STRESS_TABLE = "StressLineItems";
export const SCENARIOS = ["Worst", "Base", "Best"] as const;
export type Scenario = (typeof SCENARIOS)[number];

export const DEFAULT_CHANGES = {
  benefit: { low: -0.3, high: 0.2 },
  cost: { low: -0.1, high: 0.3 },
} as const;

/** Statistics SIMULATE_ROI spills, in order. */
export const SIMULATION_ROWS = 7;
/** The statistics of the pane's last simulation run, in the order of SIMULATE_ROI's rows. */
export const PANE_STATISTICS = SIMULATION_LABELS;

/**
 * The workbook names the Stress sheet defines that other code reads: the pane and other sheets
 * use these constants, never the names' text, so a rename is one edit here.
 */
export const STRESS_NAMES = {
  scenario: "Scenario",
  trials: "SimTrials",
  seed: "SimSeed",
  distribution: "SimDistribution",
  /** Latin Hypercube ("LHS", the default) or plain Monte Carlo ("MC"). */
  sampling: "SimSampling",
  /** The rank-correlation matrix's entries (inputs): one row and column per line, benefits then costs. */
  correlation: "StressCorrelation",
  /** The matrix's row labels: the line each row (and the same column) was written for, as values. */
  correlationLabels: "StressCorrelationLabels",
  /**
   * 1 when the matrix matches the current lines (count and label by position, every line with a
   * value labelled), else 0.
   */
  correlationApplied: "StressCorrelationApplied",
  /** The matrix's status in words. */
  correlationStatus: "StressCorrelationStatus",
  /** The matrix SIMULATE_ROI receives: the entries when they match the lines, else blank. */
  correlationInUse: "StressCorrelationInUse",
  targetRoi: "TargetRoi",
  rankDecimals: "RankDecimals",
  benefits: "StressBenefits",
  costs: "StressCosts",
  labels: "StressLabels",
  /**
   * The tornado columns of a Stress sheet linked to the ROI sheet (its line table's rows ranked by
   * swing): only that layout defines it, so the pane knows the sheet reads the ROI tables.
   */
  tornado: "StressTornado",
  lossProbability: "SimLossProbability",
  breakEvenShare: "BreakEvenShare",
  paneSimulation: "PaneSimulation",
  paneBusinessCase: "PaneBusinessCase",
  paneSensitivity: "PaneSensitivity",
  paneSensitivityOutput: "PaneSensitivityOutput",
} as const;

/** The PaneSimulation column the pane writes a run into: trials, seed, distribution, the statistics, the run time. */
export const PANE_SIMULATION_ROWS = 3 + PANE_STATISTICS.length + 1;
/**
 * The pane's business-case block (PaneBusinessCase, 13 rows × 4 outputs): rows 1..7 mean, P5,
 * P10, P50, P90, P95, P(< 0) per output; then, in its first column, the payback benchmark,
 * P(payback ≤ benchmark), P(payback ≤ 36 months), trials, seed and when the run finished.
 */
export const PANE_CASE_STATISTIC_ROWS = 7;
export const PANE_CASE_ROWS = 13;
/**
 * The pane's sensitivity block (PaneSensitivity): the lines with the largest swings, largest first,
 * each a label and the output at the line's percentiles (SPIDER_PERCENTILES); the spider chart
 * plots the first PANE_SPIDER_LINES of them, the percentile tornado all of them at P10 and P90.
 * PaneSensitivityOutput (2 × 1) holds the output's name and its value with every line at base.
 */
export const PANE_SENSITIVITY_LINES = 8;
export const PANE_SPIDER_LINES = 5;
export const PANE_SENSITIVITY_COLUMNS = 1 + SPIDER_PERCENTILES.length;

export function stressTemplate(options: TemplateOptions): SheetPlan {
  const L = bundleFor(options.locale).stress;
  const withRoi = options.linkedTo.includes("roi");
  const sample = options.data === "sample";
  const b = new SheetBuilder("stress", STRESS_VERSION, STRESS_SHEET, options.locale, options.currency);
  const seed = seedLineItems();
  // Alone, the seed's seven lines carry its labels; a blank model names them by kind and number
  // ("Benefit 1"), as GENAI.TORNADO names an unlabelled line: no seed wording in the user's case.
  const benefitLabels = sample
    ? [L.agentSavings, L.capacityValue, L.retention]
    : [1, 2, 3].map((i) => `${L.benefit} ${i}`);
  const costLabels = sample
    ? [L.modelApi, L.platform, L.peopleCost, L.training]
    : [1, 2, 3, 4].map((i) => `${L.cost} ${i}`);
  // Linked to the ROI sheet, one row per line of its tables (their low, base and high per line),
  // benefits first, each row finding its line by its position (below); alone, the seed's seven
  // line items with the default percentages.
  const lines = roiLines(options);
  const nB = withRoi ? lines.benefits.length : benefitLabels.length;
  const n = nB + (withRoi ? lines.costs.length : costLabels.length);

  b.write("A1", [[L.title], [L.subtitle]]);
  b.style("A1", "title").style("A2", "subtitle");
  b.width("A", 34);
  for (const c of "BCDEFGHIJKLMNO") b.width(c, 14);

  // Scenario switch and settings (rows 4–10).
  const settings = b.write("A4", [
    [L.scenario, "Base", L.scenarioNote],
    [L.trials, sample ? DEFAULT_SIMULATION.trials : null],
    [L.seed, sample ? DEFAULT_SIMULATION.seed : null],
    [L.distribution, sample ? DEFAULT_SIMULATION.distribution : null],
    [L.sampling, sample ? DEFAULT_SIMULATION.sampling : null],
    [L.targetRoi, sample ? 0 : null],
    [L.rankDecimals, 6],
  ]);
  b.style(settings.cell(0, 0), "header")
    .style(settings.cell(0, 1), "input")
    .style(settings.cell(0, 2), "note");
  b.style(settings.range(1, 1, 5, 1), "input").style(settings.cell(6, 1), "constant");
  b.name(STRESS_NAMES.scenario, settings.cell(0, 1), L.scenario)
    .name(STRESS_NAMES.trials, settings.cell(1, 1), L.trials)
    .name(STRESS_NAMES.seed, settings.cell(2, 1), L.seed)
    .name(STRESS_NAMES.distribution, settings.cell(3, 1), L.distribution)
    .name(STRESS_NAMES.sampling, settings.cell(4, 1), L.sampling)
    .name(STRESS_NAMES.targetRoi, settings.cell(5, 1), L.targetRoi)
    .name(STRESS_NAMES.rankDecimals, settings.cell(6, 1), L.rankDecimals);
  b.validate(settings.cell(0, 1), { kind: "list", values: SCENARIOS }, "Worst, Base, Best");
  b.validate(
    settings.cell(1, 1),
    { kind: "whole", min: TRIALS.min ?? 1, max: TRIALS.max ?? MAX_TRIALS },
    `1 – ${MAX_TRIALS.toLocaleString("en-US")}`,
  );
  b.validate(
    settings.cell(2, 1),
    { kind: "whole", min: SEED.min ?? 0, max: SEED.max ?? Number.MAX_SAFE_INTEGER },
    `${SEED.min ?? 0} – ${SEED.max ?? Number.MAX_SAFE_INTEGER}`,
  );
  b.validate(settings.cell(3, 1), { kind: "list", values: DISTRIBUTIONS }, DISTRIBUTIONS.join(", "));
  b.validate(settings.cell(4, 1), { kind: "list", values: SAMPLINGS }, SAMPLINGS.join(", "));
  b.validate(settings.cell(5, 1), { kind: "decimal", min: -0.99, max: 100 }, "-99% – 10000%");
  b.format(settings.cell(1, 1), "integer")
    .format(settings.cell(2, 1), "integer")
    .format(settings.cell(5, 1), "percent");
  b.format(settings.cell(6, 1), "integer");

  const benefitCount = `ROWS(${ROI_LINE_NAMES.benefits.labels})`;
  const lineCount = `(${benefitCount}+ROWS(${ROI_LINE_NAMES.costs.labels}))`;
  // The k-th line of Benefits then Costs (k a formula, 1 = the first), as the Stress table shows it.
  const lineAt = (what: "labels" | "low" | "base" | "high", k: string): string =>
    `IF(${k}<=${benefitCount},${roiLine("benefits", what, k)},IF(${k}<=${lineCount},${roiLine("costs", what, `(${k}-${benefitCount})`)},""))`;

  // Rank-correlation matrix over the lines (rows 12.., above the line table so the table can grow
  // by appending rows below without moving or splitting it).
  const matrixTop = 12;
  // A line without a label has no identity of its own: its row of the matrix is labelled blank
  // (never by its position, which a sort of the table gives to another line), and the matrix
  // does not apply while such a line has a value (see correlationBlock).
  const matrix = correlationBlock(b, L, matrixTop, {
    labels: withRoi
      ? [...lines.benefits, ...lines.costs].map((line) => line.label ?? "")
      : [...benefitLabels, ...costLabels],
    benefits: nB,
    // The usage-priced cost (the seed's Model API line) follows adoption like the benefits.
    usage: withRoi
      ? lines.costs.flatMap((line, i) => (line.kind === "Usage" ? [nB + i] : []))
      : sample
        ? [nB]
        : [],
    sample,
    lineNow: (k) =>
      withRoi
        ? `IF(${k}<=${benefitCount},${lineIdentity("benefits", k, L)},IF(${k}<=${lineCount},${lineIdentity("costs", `(${k}-${benefitCount})`, L)},""))`
        : `INDEX(${STRESS_NAMES.labels},${k})`,
    lineCount: withRoi ? lineCount : `ROWS(${STRESS_NAMES.labels})`,
    // Linked, the k-th matrix row's line is in the Benefits table, else the Costs table.
    place: withRoi
      ? {
          table: (k) => `IF(${k}<=${benefitCount},"${ROI_TABLES.benefits}","${ROI_TABLES.costs}")`,
          row: (k) => `IF(${k}<=${benefitCount},${k},${k}-${benefitCount})`,
        }
      : null,
  });

  // Line items (header row below the matrix, one row per line). Columns:
  // A label, B kind, C low change, D high change, E low, F base, G high, H worst, I best,
  // J selected, K ROI at low, L ROI at high, M swing, N rank key, O order.
  const top = matrix.bottom + 2;
  const first = top + 1;
  const last = top + n;
  // Linked, row k of the table (1 = its first body row) shows the k-th line of Benefits then
  // Costs, counted from the tables' current rows: every row holds the same formulas, so the table
  // grows by appending rows (Excel fills its calculated columns down), and a row beyond the lines
  // reads blank. The tables' names grow with them (structured references in Excel and the .xlsx).
  const position = `(ROW()-ROW($A$${top}))`;
  const r = (c: string, k: number): string => `${c}${first + k}`;
  const abs = (c: string): string => `$${c}$${first}:$${c}$${last}`;
  const kindIs = (k: number): string => `$B${first + k}="${L.benefit}"`;
  const totalBase = (kind: string): string => `SUMIF(${abs("B")},"${kind}",${abs("F")})`;
  const TB = totalBase(L.benefit);
  const TC = totalBase(L.cost);
  // ROI with line k at `value` and the rest at base, for a benefit line or a cost line.
  // Blank when the line is empty or the costs at this point are not positive (no ROI to show).
  const roiWith = (k: number, c: string): string => {
    const costs = `IF(${kindIs(k)},${TC},${TC}-${r("F", k)}+${r(c, k)})`;
    return `=IF(${r("F", k)}="","",IF(${costs}<=0,"",IF(${kindIs(k)},(${TB}-${r("F", k)}+${r(c, k)}-${TC})/${TC},(${TB}-(${TC}-${r("F", k)}+${r(c, k)}))/(${TC}-${r("F", k)}+${r(c, k)}))))`;
  };

  const rows: PlanCell[][] = Array.from({ length: n }, (_, k) => {
    const isBenefit = k < nB;
    const kind = isBenefit ? L.benefit : L.cost;
    const changes = isBenefit ? DEFAULT_CHANGES.benefit : DEFAULT_CHANGES.cost;
    const fromRoi = (what: "labels" | "low" | "base" | "high"): PlanCell =>
      same(`=${lineAt(what, position)}`);
    const label: PlanCell = withRoi ? fromRoi("labels") : isBenefit ? benefitLabels[k] : costLabels[k - nB];
    const base: PlanCell = withRoi
      ? fromRoi("base")
      : sample
        ? isBenefit
          ? seed.benefits[k]
          : seed.costs[k - nB]
        : null;
    // Linked, low and high are the ROI line's own (its defaults come from the same percentages);
    // the change columns show them relative to the base.
    const implied = (c: string): PlanCell =>
      same(`=IF(OR(${r("F", k)}="",${r("F", k)}=0),"",${r(c, k)}/${r("F", k)}-1)`);
    // Alone, low and high are ordered by value, also for a negative base (a line that costs
    // where it should save): the smaller of the two changed values is the low.
    const changed = (c: "C" | "D"): string => `${r("F", k)}*(1+${r(c, k)})`;
    // A line without a base is a blank row (room for a line), skipped by the simulation.
    const bound = (c: "C" | "D"): PlanCell =>
      withRoi
        ? fromRoi(c === "C" ? "low" : "high")
        : same(`=IF(${r("F", k)}="","",${c === "C" ? "MIN" : "MAX"}(${changed("C")},${changed("D")}))`);
    // Tornado columns (linked): the table's k-th row shows the line ranked k by swing.
    const tornadoColumn = (j: number): PlanCell => {
      const source = ["A", "K", "L", "M"][j];
      return {
        live: `=IFERROR(INDEX(GENAI.TORNADO(${ROI_LINE_NAMES.benefits.threePoint},${ROI_LINE_NAMES.costs.threePoint},${ROI_LINE_NAMES.benefits.labels},${ROI_LINE_NAMES.costs.labels}),${position},${j + 1}),"")`,
        portable: `=IFERROR(INDEX(${abs(source)},MATCH(${position},${abs("O")},0)),"")`,
      };
    };
    return [
      label,
      withRoi
        ? same(
            `=IF(${position}<=${benefitCount},"${L.benefit}",IF(${position}<=${lineCount},"${L.cost}",""))`,
          )
        : kind,
      withRoi ? implied("E") : sample ? changes.low : null,
      withRoi ? implied("G") : sample ? changes.high : null,
      bound("C"),
      base,
      bound("D"),
      same(`=IF(${kindIs(k)},${r("E", k)},${r("G", k)})`),
      same(`=IF(${kindIs(k)},${r("G", k)},${r("E", k)})`),
      same(`=IF(Scenario="Worst",${r("H", k)},IF(Scenario="Best",${r("I", k)},${r("F", k)}))`),
      same(roiWith(k, "E")),
      same(roiWith(k, "G")),
      same(`=IF(OR(${r("K", k)}="",${r("L", k)}=""),"",ABS(${r("L", k)}-${r("K", k)}))`),
      // Ordering compares rounded swings: COUNTIF's criteria turn numbers into text, which would
      // otherwise lose digits differently in each spreadsheet engine.
      same(`=IF(${r("M", k)}="","",ROUND(${r("M", k)},RankDecimals))`),
      same(
        `=IF(${r("N", k)}="","",COUNTIF(${abs("N")},">"&${r("N", k)})+COUNTIF($N$${first}:${r("N", k)},${r("N", k)}))`,
      ),
      ...(withRoi ? [0, 1, 2, 3].map(tornadoColumn) : []),
    ];
  });
  const items = b.write(`A${top}`, [
    [
      L.lineItem,
      L.kind,
      L.lowChange,
      L.highChange,
      L.low,
      L.base,
      L.high,
      L.worst,
      L.best,
      L.selected,
      L.roiAtLow,
      L.roiAtHigh,
      L.swing,
      L.rankKey,
      L.order,
      ...(withRoi ? [L.tornadoLine, L.tornadoLow, L.tornadoHigh, L.tornadoSwing] : []),
    ],
    ...rows,
  ]);
  const right = withRoi ? 18 : 14;
  b.style(items.row(0), "header").style(items.range(1, 2, n, 3), withRoi ? "formula" : "input");
  b.style(items.range(1, 4, n, 4), "formula").style(items.range(1, 6, n, 14), "formula");
  b.style(items.range(1, 5, n, 5), withRoi ? "formula" : "input");
  b.style(items.range(1, 0, n, 1), withRoi ? "formula" : "label");
  b.format(items.range(1, 2, n, 3), "percent").format(items.range(1, 4, n, 9), "currency");
  b.format(items.range(1, 10, n, 12), "percent").format(items.range(1, 13, n, 14), "number");
  if (withRoi) b.style(items.range(1, 15, n, 18), "formula").format(items.range(1, 16, n, 18), "percent");
  if (!withRoi) {
    b.validate(items.range(1, 2, n, 2), { kind: "decimal", min: -1, max: 0 }, "-100% – 0%");
    b.validate(items.range(1, 3, n, 3), { kind: "decimal", min: 0, max: 10 }, "0% – 1000%");
  }
  // Linked, every column is a calculated column (the same formula on every row), and nothing
  // names a fixed part of the rows: the simulation and the tornado read the ROI tables.
  b.table(
    STRESS_TABLE,
    items.range(0, 0, n, right),
    withRoi ? Array.from({ length: right + 1 }, (_, c) => c) : undefined,
  );
  b.name(STRESS_NAMES.labels, items.column(0, 1, n), L.lineItem);
  if (withRoi) b.name(STRESS_NAMES.tornado, items.range(1, 15, n, 18), L.tornado);
  else
    b.name(STRESS_NAMES.benefits, items.range(1, 4, nB, 6), L.benefit)
      .name(STRESS_NAMES.costs, items.range(nB + 1, 4, n, 6), L.cost)
      .name("ScenarioBenefits", items.column(9, 1, nB), L.selected)
      .name("ScenarioCosts", items.column(9, nB + 1, n), L.selected);
  // What the live simulation and tornado read: the ROI tables' low, base and high per line when
  // linked (they grow with the tables), the sheet's own rows alone.
  const lineArguments = withRoi
    ? `${ROI_LINE_NAMES.benefits.threePoint},${ROI_LINE_NAMES.costs.threePoint}`
    : `${STRESS_NAMES.benefits},${STRESS_NAMES.costs}`;

  // What a model without lines yet shows where the simulation and the tornado sit: what to enter
  // and where (the simulation's own #VALUE! "benefits is empty" would read as a fault).
  const R = bundleFor(options.locale).roi;
  const linesMissing = withRoi
    ? L.linesMissing
        .replace("{sheet}", ROI_SHEET)
        .replace("{benefits}", R.benefitsTable)
        .replace("{costs}", R.costsTable)
        .replace("{benefitColumn}", R.annualValue)
        .replace("{costColumn}", R.amount)
    : enterText(options.locale, L.linesMissingAlone, STRESS_SHEET, items.range(1, 5, n, 5));
  // Alone, a line is a row with a base: none among the benefits or the costs leaves nothing to run.
  const noLines = `OR(COUNT($F$${first}:$F$${first + nB - 1})=0,COUNT($F$${first + nB}:$F$${last})=0)`;

  // Monte Carlo (a live spill; it has no native form, so a shared copy carries its values).
  const simTop = last + 2;
  const simLive = (i: number, j: number): PlanFormula => ({
    live:
      i === 0 && j === 0
        ? `=GENAI.SIMULATE_ROI(${lineArguments},${orDefault("SimTrials")},${orDefault("SimSeed")},${orDefault("SimDistribution")},${orDefault("SimSampling")},${STRESS_NAMES.correlationInUse},"${linesMissing}")`
        : null,
    portable: null,
  });
  const simulation = b.write(`A${simTop}`, [
    [L.simulation, L.value],
    ...Array.from({ length: SIMULATION_ROWS }, (_, i) => [simLive(i, 0), simLive(i, 1)]),
  ]);
  b.style(simulation.row(0), "header").style(simulation.range(1, 0, SIMULATION_ROWS, 1), "output");
  b.format(simulation.range(1, 1, SIMULATION_ROWS, 1), "percent");
  // No name spans the whole spill: HyperFormula 3.5 fails ("Unknown array") on a name that
  // covers exactly the cells of a spill whose formula returns an error (a blank model).
  b.name(STRESS_NAMES.lossProbability, simulation.cell(SIMULATION_ROWS, 1), "P(ROI<0)");

  // Tornado, sorted by swing. Alone: a live spill below, the portable form looking rows up by their
  // order. Linked: the table's own tornado columns, which grow with it.
  const tornadoTop = simTop + SIMULATION_ROWS + 2;
  let evenTop = simTop + SIMULATION_ROWS + 2;
  if (withRoi) {
    b.chart({
      kind: "bar",
      title: L.chartTitle,
      series: [
        { name: L.roiAtLow, x: items.column(15, 1, n, true), y: items.column(16, 1, n, true) },
        { name: L.roiAtHigh, x: items.column(15, 1, n, true), y: items.column(17, 1, n, true) },
      ],
      xTitle: L.lineItem,
      yTitle: "ROI",
      anchor: { from: `G${simTop}`, to: `N${simTop + SIMULATION_ROWS + 8}` },
    });
  } else {
    // Each cell reads its row of GENAI.TORNADO (a blank where it has none), as the linked table's
    // tornado columns do; the first says what to enter while no benefit or no cost has a base.
    const tornadoCell = (k: number, j: number): PlanFormula => {
      const source = ["A", "K", "L", "M"][j];
      const guard = (formula: string): string =>
        k === 0 && j === 0 ? `=IF(${noLines},"${linesMissing}",${formula})` : `=${formula}`;
      return {
        live: guard(
          `IFERROR(INDEX(GENAI.TORNADO(${lineArguments},StressLabels),$A${tornadoTop + 1 + k},${j + 1}),"")`,
        ),
        portable: guard(`IFERROR(INDEX(${abs(source)},MATCH($A${tornadoTop + 1 + k},${abs("O")},0)),"")`),
      };
    };
    const tornado = b.write(`A${tornadoTop}`, [
      [L.rank, L.lineItem, L.roiAtLow, L.roiAtHigh, L.swing],
      ...Array.from({ length: n }, (_, k) => [k + 1, ...[0, 1, 2, 3].map((j) => tornadoCell(k, j))]),
    ]);
    b.style(tornado.row(0), "header")
      .style(tornado.column(0, 1), "constant")
      .style(tornado.range(1, 1, n, 4), "formula");
    b.format(tornado.range(1, 2, n, 4), "percent");
    b.chart({
      kind: "bar",
      title: L.chartTitle,
      series: [
        { name: L.roiAtLow, x: tornado.column(1, 1, n, true), y: tornado.column(2, 1, n, true) },
        { name: L.roiAtHigh, x: tornado.column(1, 1, n, true), y: tornado.column(3, 1, n, true) },
      ],
      xTitle: L.lineItem,
      yTitle: "ROI",
      anchor: { from: `G${simTop}`, to: `N${tornadoTop + n}` },
    });
    evenTop = tornadoTop + n + 2;
  }

  // Break-even shares of the planned benefits.
  const throughBenchmark = (name: string): string => `SUMIFS(${name},RoiMonths,"<="&LeaderPaybackMonths)`;
  // The scenario's values in use, summed by kind over the whole table when linked (its rows move
  // between benefits and costs as lines are added), over the named rows alone.
  const selected = (kind: string, name: string): string =>
    withRoi ? `SUMIF(${abs("B")},"${kind}",${abs("J")})` : `SUM(${name})`;
  const SB = selected(L.benefit, "ScenarioBenefits");
  const SC = selected(L.cost, "ScenarioCosts");
  const breakEvenLive = withRoi
    ? `GENAI.BREAKEVEN(${SB},${SC},TargetRoi)`
    : "GENAI.BREAKEVEN(ScenarioBenefits,ScenarioCosts,TargetRoi)";
  const evenRows: PlanCell[][] = [
    [L.breakEven, L.value],
    [
      L.shareForTarget,
      // Blank until both benefits and costs are typed (GENAI.BREAKEVEN refuses costs of 0).
      dual(
        `=IF(OR(${SB}<=0,${SC}<=0),"",${breakEvenLive})`,
        `=IF(OR(${SB}<=0,${SC}<=0),"",(1+TargetRoi)*${SC}/${SB})`,
      ),
    ],
    [
      L.shareForPayback,
      withRoi
        ? dual(
            `=IF(OR(${throughBenchmark("RoiMonthlyBenefits")}<=0,${throughBenchmark("RoiMonthlyCosts")}<=0),"",GENAI.BREAKEVEN(${throughBenchmark("RoiMonthlyBenefits")},${throughBenchmark("RoiMonthlyCosts")}))`,
            `=IF(OR(${throughBenchmark("RoiMonthlyBenefits")}<=0,${throughBenchmark("RoiMonthlyCosts")}<=0),"",${throughBenchmark("RoiMonthlyCosts")}/${throughBenchmark("RoiMonthlyBenefits")})`,
          )
        : L.needsRoi,
    ],
  ];
  const even = b.write(`A${evenTop}`, evenRows);
  b.style(even.row(0), "header")
    .style(even.range(1, 0, 2, 1), "output")
    .format(even.range(1, 1, 2, 1), "percent");
  b.name(STRESS_NAMES.breakEvenShare, even.cell(1, 1), L.shareForTarget).name(
    "PaybackBreakEvenShare",
    even.cell(2, 1),
    L.shareForPayback,
  );

  // Where the pane's Simulate panel records its last run (values, not formulas).
  const paneTop = evenTop + evenRows.length + 1;
  const statistics = bundleFor(options.locale).results.statistics;
  const paneRows = [L.trials, L.seed, L.distribution, ...PANE_STATISTICS.map((s) => statistics[s]), L.runAt];
  const pane = b.write(`A${paneTop}`, [
    [L.paneRun, L.value, L.paneRunNote],
    ...paneRows.map((label) => [label, null]),
  ]);
  b.style(pane.row(0, 0, 1), "header")
    .style(pane.cell(0, 2), "note")
    .style(pane.column(1, 1), "result");
  b.format(pane.range(1, 1, 2, 1), "integer").format(
    pane.range(4, 1, 3 + PANE_STATISTICS.length, 1),
    "percent",
  );
  b.name(STRESS_NAMES.paneSimulation, pane.column(1, 1), L.paneRun);

  // Where the pane records its last business-case simulation (values, not formulas): one column
  // per output, one row per statistic, then the payback probabilities and the run's settings.
  const caseTop = paneTop + paneRows.length + 2;
  const caseLabels = [
    statistics.Mean,
    statistics.P5,
    statistics.P10,
    statistics.P50,
    statistics.P90,
    statistics.P95,
    L.belowZero,
    L.paybackBenchmark,
    L.paybackWithinBenchmark,
    L.paybackWithinHorizon,
    L.trials,
    L.seed,
    L.runAt,
  ];
  const paneCase = b.write(`A${caseTop}`, [
    [L.paneCase, L.annualRoi, L.pvRoi, L.npv, L.paybackMonths, L.paneCaseNote],
    ...caseLabels.map((label) => [label, null, null, null, null]),
  ]);
  b.style(paneCase.row(0, 0, 4), "header")
    .style(paneCase.cell(0, 5), "note")
    .style(paneCase.range(1, 1, caseLabels.length, 4), "result");
  b.format(paneCase.range(1, 1, PANE_CASE_STATISTIC_ROWS, 2), "percent")
    .format(paneCase.range(1, 3, PANE_CASE_STATISTIC_ROWS - 1, 3), "currency")
    .format(paneCase.range(1, 4, PANE_CASE_STATISTIC_ROWS - 1, 4), "decimal")
    .format(paneCase.range(PANE_CASE_STATISTIC_ROWS, 3, PANE_CASE_STATISTIC_ROWS, 3), "percent")
    .format(paneCase.cell(PANE_CASE_STATISTIC_ROWS + 1, 1), "integer")
    .format(paneCase.range(PANE_CASE_STATISTIC_ROWS + 2, 1, PANE_CASE_STATISTIC_ROWS + 3, 1), "percent")
    .format(paneCase.range(PANE_CASE_STATISTIC_ROWS + 4, 1, PANE_CASE_STATISTIC_ROWS + 5, 1), "integer");
  b.name(STRESS_NAMES.paneBusinessCase, paneCase.range(1, 1, caseLabels.length, 4), L.paneCase);

  // Where the pane records its last run's sensitivity at percentiles (values, not formulas), for
  // the output it showed: Crystal Ball's spider (the output against each line's percentile) and
  // the tornado with each line at its P10 and P90, as Excel charts beside the block.
  const sensitivityTop = caseTop + caseLabels.length + 2;
  const sensitivity = b.write(`A${sensitivityTop}`, [
    [L.paneSensitivity, null, L.paneSensitivityNote],
    [L.sensitivityOutput, null],
    [L.allAtBase, null],
    [
      L.lineItem,
      ...SPIDER_PERCENTILES.map((p) => L.percentilePoint.replace("{p}", String(Math.round(p * 100)))),
    ],
    ...Array.from({ length: PANE_SENSITIVITY_LINES }, () =>
      new Array<PlanCell>(PANE_SENSITIVITY_COLUMNS).fill(null),
    ),
  ]);
  const linesFrom = 4;
  const linesTo = linesFrom + PANE_SENSITIVITY_LINES - 1;
  const lastColumn = PANE_SENSITIVITY_COLUMNS - 1;
  b.style(sensitivity.cell(0, 0), "header")
    .style(sensitivity.cell(0, 2), "note")
    .style(sensitivity.range(1, 0, 2, 0), "label")
    .style(sensitivity.range(1, 1, 2, 1), "result")
    .style(sensitivity.row(3), "header")
    .style(sensitivity.range(linesFrom, 0, linesTo, lastColumn), "result");
  b.name(STRESS_NAMES.paneSensitivityOutput, sensitivity.range(1, 1, 2, 1), L.sensitivityOutput).name(
    STRESS_NAMES.paneSensitivity,
    sensitivity.range(linesFrom, 0, linesTo, lastColumn),
    L.paneSensitivity,
  );
  const chartTop = sensitivityTop + 1;
  const chartBottom = sensitivityTop + linesTo + 8;
  b.chart({
    kind: "line",
    title: L.spiderTitle,
    series: [],
    source: { range: sensitivity.range(3, 0, 3 + PANE_SPIDER_LINES, lastColumn), seriesBy: "rows" },
    xTitle: L.percentileAxis,
    anchor: { from: `H${chartTop}`, to: `M${chartBottom}` },
  });
  b.chart({
    kind: "bar",
    title: L.percentileTornadoTitle,
    series: [
      {
        name: L.atP10,
        x: sensitivity.column(0, linesFrom, linesTo, true),
        y: sensitivity.column(1, linesFrom, linesTo, true),
      },
      {
        name: L.atP90,
        x: sensitivity.column(0, linesFrom, linesTo, true),
        y: sensitivity.column(lastColumn, linesFrom, linesTo, true),
      },
    ],
    xTitle: L.lineItem,
    anchor: { from: `N${chartTop}`, to: `S${chartBottom}` },
  });

  b.freeze(2, 1);
  return b.build();
}

/**
 * The line of one ROI table at position i (a formula). INDEX of an empty label reads 0 in some
 * engines: keep an empty line empty. A line with a value but no label is named as GENAI.TORNADO
 * names it ("Benefit 2", "Cost 1").
 */
function roiLine(table: "benefits" | "costs", what: "labels" | "low" | "base" | "high", i: string): string {
  const names = ROI_LINE_NAMES[table];
  const kind = table === "benefits" ? "Benefit" : "Cost";
  const unnamed = `IF(INDEX(${names.base},${i})="","","${kind} "&${i})`;
  return what === "labels"
    ? `IF(INDEX(${names.labels},${i})="",${unnamed},INDEX(${names.labels},${i}))`
    : `INDEX(${names[what]},${i})`;
}

/**
 * The line of one ROI table at position i as the correlation matrix identifies it (a formula): its
 * label; blank for an empty line; the words for "no label" for a line with a value but no label,
 * which no label of the matrix can match (its name by position, "Benefit 2", would match whatever
 * line a sort of the table puts there).
 */
function lineIdentity(
  table: "benefits" | "costs",
  i: string,
  L: ReturnType<typeof bundleFor>["stress"],
): string {
  const names = ROI_LINE_NAMES[table];
  return `IF(INDEX(${names.labels},${i})="",IF(INDEX(${names.base},${i})="","","${L.correlationNoLabel}"),INDEX(${names.labels},${i}))`;
}

/** Sample rank correlations: benefits share one driver (adoption), as does a usage-priced cost. */
export const SAMPLE_CORRELATION = { benefitPairs: 0.5, usageWithBenefit: 0.3 } as const;

/**
 * A sentence of the bundle as a formula: its {placeholders} replaced by formula expressions. The
 * sentence may not hold a straight double quote: HyperFormula does not read the doubled quote
 * inside a formula's text, so the bundles quote with “ ” or 「 」.
 */
function wordsFormula(text: string, values: Readonly<Record<string, string>>): string {
  if (text.includes('"')) throw new Error(`a double quote in a sentence written into a formula: ${text}`);
  const parts = text.split(/\{(\w+)\}/);
  return parts
    .map((part, i) => (i % 2 === 1 ? (values[part] ?? `"{${part}}"`) : `"${part}"`))
    .filter((part) => part !== '""')
    .join("&");
}

interface CorrelationLayout {
  /** The lines' labels when the sheet is built, benefits then costs. */
  readonly labels: readonly string[];
  /** How many of them are benefits. */
  readonly benefits: number;
  /** Indexes (into labels) of usage-priced cost lines. */
  readonly usage: readonly number[];
  readonly sample: boolean;
  /** The current label of the k-th line (k a formula, 1-based). */
  readonly lineNow: (k: string) => string;
  /** The current number of lines (a formula). */
  readonly lineCount: string;
  /**
   * Where the k-th line is typed (formulas: the table's name, the row in its body), for the words
   * that ask to label a line; null when every line has its label on this sheet.
   */
  readonly place: { readonly table: (k: string) => string; readonly row: (k: string) => string } | null;
}

/**
 * The rank-correlation block: a labelled square of inputs over the lines, beside each row the line
 * now at its position, whether it is the same and (linked) whether it is a line with a value and no
 * label, which is never the same line, the status in words, the 1/0 the simulation
 * follows, and the matrix the simulation receives (the entries while they match the lines, blank
 * otherwise: a blank matrix is no correlation, so a matrix is never applied to lines it was not
 * written for). Returns the block's last row (1-based).
 */
function correlationBlock(
  b: SheetBuilder,
  L: ReturnType<typeof bundleFor>["stress"],
  top: number,
  layout: CorrelationLayout,
): { bottom: number } {
  const n = layout.labels.length;
  const isBenefit = (i: number): boolean => i < layout.benefits;
  const isUsage = (i: number): boolean => layout.usage.includes(i);
  const sampleValue = (i: number, j: number): number | null => {
    if (i === j) return 1;
    if (!layout.sample) return null;
    if (isBenefit(i) && isBenefit(j)) return SAMPLE_CORRELATION.benefitPairs;
    if ((isBenefit(i) && isUsage(j)) || (isUsage(i) && isBenefit(j)))
      return SAMPLE_CORRELATION.usageWithBenefit;
    return 0;
  };
  const first = top + 1;
  const last = top + n;
  const nowColumn = columnLetters(1 + n);
  const sameColumn = columnLetters(2 + n);
  const unlabelledColumn = columnLetters(3 + n);
  const appliedRow = last + 2;
  const applied = `$B$${appliedRow}`;
  const flags = `$${sameColumn}$${first}:$${sameColumn}$${last}`;
  const labelsRange = `$A$${first}:$A$${last}`;
  const nowRange = `$${nowColumn}$${first}:$${nowColumn}$${last}`;
  const inUseLeft = 4 + n;
  const entry = (i: number, j: number): string => `${columnLetters(1 + j)}${first + i}`;
  const rows: PlanCell[][] = [
    [
      L.correlation,
      ...layout.labels,
      L.correlationLineNow,
      L.correlationSameLine,
      layout.place ? L.correlationUnlabelledLine : null,
      L.correlationInUse,
    ],
    ...layout.labels.map((label, i): PlanCell[] => [
      label,
      ...layout.labels.map((_, j) => sampleValue(i, j)),
      same(`=${layout.lineNow(String(i + 1))}`),
      // A line without a label (1 in the column after) is never the same line: the words shown
      // for it are not a label, even where the matrix row holds the same text.
      same(
        layout.place
          ? `=IF(AND($A${first + i}=${nowColumn}${first + i},${unlabelledColumn}${first + i}=0),1,0)`
          : `=IF($A${first + i}=${nowColumn}${first + i},1,0)`,
      ),
      // Compared with "=", exact in every engine (a COUNTIF or MATCH on the words would read
      // wildcards, or in LibreOffice possibly regular expressions).
      layout.place ? same(`=IF(${nowColumn}${first + i}="${L.correlationNoLabel}",1,0)`) : null,
      // A line's correlation with itself is 1 by definition: the diagonal passed on is 1 whatever
      // its cell holds (its cell is not an input).
      ...layout.labels.map((_, j) =>
        i === j
          ? same(`=IF(${applied}=1,1,"")`)
          : same(`=IF(${applied}=1,IF(${entry(i, j)}="","",${entry(i, j)}),"")`),
      ),
    ]),
  ];
  const firstDiffering = `MATCH(0,${flags},0)`;
  const differs = wordsFormula(L.correlationLabelDiffers, {
    row: firstDiffering,
    matrix: `INDEX(${labelsRange},${firstDiffering})`,
    line: `INDEX(${nowRange},${firstDiffering})`,
  });
  // A line with a value and no label comes first after the count: a rebuild cannot carry a pair
  // to it, only its label can identify it.
  const place = layout.place;
  const unlabelledFlags = `$${unlabelledColumn}$${first}:$${unlabelledColumn}$${last}`;
  const firstUnlabelled = `MATCH(1,${unlabelledFlags},0)`;
  const unlabelled = place
    ? `IF(SUM(${unlabelledFlags})>0,${wordsFormula(L.correlationUnlabelled, {
        table: place.table(firstUnlabelled),
        row: place.row(firstUnlabelled),
      })},`
    : "";
  const status = same(
    `=IF(${layout.lineCount}<>${n},${wordsFormula(L.correlationCountDiffers, {
      lines: layout.lineCount,
      rows: String(n),
    })},${unlabelled}IF(SUM(${flags})=${n},${wordsFormula(L.correlationMatches, {})},${differs}))${place ? ")" : ""}`,
  );
  const block = b.write(`A${top}`, [
    ...rows,
    [L.correlationStatus, status],
    [
      L.correlationApplied,
      same(`=IF(AND(${layout.lineCount}=${n},SUM(${flags})=${n}),1,0)`),
      L.correlationNote,
    ],
  ]);
  b.style(block.row(0, 0, layout.place ? 3 + n : 2 + n), "header")
    .style(block.cell(0, inUseLeft), "header")
    .style(block.column(0, 1, n), "label")
    .style(block.range(1, 1, n, n), "constant")
    .style(block.range(1, 1 + n, n, layout.place ? 3 + n : 2 + n), "formula")
    .style(block.range(1, inUseLeft, n, inUseLeft + n - 1), "formula")
    .style(block.cell(n + 1, 0), "header")
    .style(block.cell(n + 2, 0), "header")
    .style(block.cell(n + 1, 1), "output")
    .style(block.cell(n + 2, 1), "output")
    .style(block.cell(n + 2, 2), "note");
  // Every entry but the diagonal is an input.
  for (let i = 1; i <= n; i++) {
    if (i > 1) b.style(block.range(i, 1, i, i - 1), "input");
    if (i < n) b.style(block.range(i, i + 1, i, n), "input");
  }
  b.format(block.range(1, 1, n, n), "decimal")
    .format(block.range(1, 2 + n, n, layout.place ? 3 + n : 2 + n), "integer")
    .format(block.range(1, inUseLeft, n, inUseLeft + n - 1), "decimal")
    .format(block.cell(n + 2, 1), "integer");
  b.validate(block.range(1, 1, n, n), { kind: "decimal", min: -1, max: 1 }, "-1 – 1");
  b.keyedName(
    STRESS_NAMES.correlation,
    block.range(1, 1, n, n),
    L.correlation,
    STRESS_NAMES.correlationLabels,
  )
    .name(STRESS_NAMES.correlationLabels, block.column(0, 1, n), L.correlation)
    .name(STRESS_NAMES.correlationStatus, block.cell(n + 1, 1), L.correlationStatus)
    .name(STRESS_NAMES.correlationApplied, block.cell(n + 2, 1), L.correlationApplied)
    .name(STRESS_NAMES.correlationInUse, block.range(1, inUseLeft, n, inUseLeft + n - 1), L.correlationInUse);
  return { bottom: appliedRow };
}
