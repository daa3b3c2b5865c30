/**
 * The Portfolio sheet: the UseCases table scored on the seed's four screening dimensions
 * (QUADRANT_SCORE), placed in a quadrant (QUADRANT), ranked, the recommended PoCs picked
 * (1–2 Quick Wins plus 1 Strategic Bet, as the seed advises) and each PoC's week-8 gate (GATE).
 */
import {
  DEFAULT_POC_PICKS,
  DEFAULT_QUADRANT_THRESHOLD,
  DEFAULT_WEIGHTS,
  SCORE_MAX,
  SCORE_MIN,
  DEFAULT_GATE_STOP_FAILURES,
  SEED_GATE_THRESHOLDS,
} from "../engine/portfolio";
import { bounds, GATE_FAILURE_COUNT } from "../engine/inputs";
import { Sfc32 } from "../engine/random";
import type { Locale } from "../i18n/locale";
import { bundleFor } from "../i18n/bundles";
import { SAMPLE_DEPARTMENTS, SAMPLE_USE_CASES } from "./samples";
import { enterText, orDefault } from "./blank-inputs";
import { SheetBuilder, dual, same } from "./builder";
import type { PlanCell, SheetPlan, TemplateOptions } from "./plan";

export const PORTFOLIO_SHEET = "Portfolio";
export const PORTFOLIO_VERSION = 2;

/**
 * The workbook names the Portfolio sheet defines, declared once: the template
 * defines them through these constants and the pane reads them through the same ones, never
 * through the names' text, so a rename is one edit here.
 */
export const PORTFOLIO_NAMES = {
  weights: "Weights",
  gateThresholds: "GateThresholds",
  gateStopFailures: "GateStopFailures",
  quadrantThreshold: "QuadrantThreshold",
  quickWinPicks: "QuickWinPicks",
  strategicBetPicks: "StrategicBetPicks",
  scoreMin: "ScoreMin",
  scoreMax: "ScoreMax",
  scoreDecimals: "ScoreDecimals",
  quickWinCutoff: "QuickWinCutoff",
  strategicBetCutoff: "StrategicBetCutoff",
  useCaseNames: "UseCaseNames",
  useCaseScores: "UseCaseScores",
  useCaseQuadrants: "UseCaseQuadrants",
  useCaseRanks: "UseCaseRanks",
  useCasePicks: "UseCasePicks",
  useCaseGates: "UseCaseGates",
  useCaseDepartments: "UseCaseDepartments",
  useCaseValues: "UseCaseValues",
  useCaseCosts: "UseCaseCosts",
} as const;
export const DEFAULT_PORTFOLIO_ROWS = 15;
export const SCORE_DECIMALS = 2;
const TABLE_HEADER_ROW = 10;

/**
 * A generated use case for benchmarks and trials at scale (`generated: true`): reproducible
 * made-up scores and figures, in one of the Rollout sheet's sample departments.
 */
function generatedRow(index: number, label: string, locale: Locale): PlanCell[] {
  const rng = new Sfc32(index);
  const score = (): number => 1 + Math.floor(rng.next() * 5);
  const scores = [score(), score(), score(), score()];
  const value = Math.round((1 + rng.next() * 19) * 500) * 1000;
  const cost = Math.round(value * (0.1 + rng.next() * 0.4));
  const department =
    bundleFor(locale).samples.departments[SAMPLE_DEPARTMENTS[index % SAMPLE_DEPARTMENTS.length].id];
  return [`${label} ${index + 1}`, department, ...scores, value, cost];
}

export function portfolioTemplate(options: TemplateOptions): SheetPlan {
  const L = bundleFor(options.locale).portfolio;
  const V = bundleFor(options.locale).validation;
  const rowCount = Math.max(1, options.rows ?? DEFAULT_PORTFOLIO_ROWS);
  const b = new SheetBuilder(
    "portfolio",
    PORTFOLIO_VERSION,
    PORTFOLIO_SHEET,
    options.locale,
    options.currency,
  );

  b.write("A1", [[L.title], [L.subtitle]]);
  b.style("A1", "title").style("A2", "subtitle");
  b.width("A", 34).width("B", 18);
  for (const c of "CDEFGHIJKLMNOPQRST") b.width(c, 13);

  const first = TABLE_HEADER_ROW + 1;
  const last = TABLE_HEADER_ROW + rowCount;
  const col = (c: string): string => `${c}$${first}:${c}$${last}`;
  // Weights (B5:E5) and gate thresholds (H5:L5), one row each, then settings (B8:I8).
  const weights = b.write("A4", [
    [L.weights, L.impact, L.complexity, L.learningValue, L.timeWindow],
    [L.weight, ...DEFAULT_WEIGHTS],
  ]);
  const t = SEED_GATE_THRESHOLDS;
  const gateBlock = b.write("G4", [
    [L.gate, L.quality, L.latency, L.hallucination, L.timeSaved, L.adoptionIntent, L.stopFailures],
    [
      L.threshold,
      t.quality,
      t.p95LatencySeconds,
      t.hallucinationRate,
      t.timeSaved,
      t.adoptionIntent,
      DEFAULT_GATE_STOP_FAILURES,
    ],
  ]);
  const settings = b.write("A7", [
    [
      L.settings,
      L.quadrantThreshold,
      L.quickWinPicks,
      L.strategicBetPicks,
      L.scoreMin,
      L.scoreMax,
      L.scoreDecimals,
      L.quickWinCutoff,
      L.strategicBetCutoff,
    ],
    [
      L.value,
      DEFAULT_QUADRANT_THRESHOLD,
      DEFAULT_POC_PICKS.quickWins,
      DEFAULT_POC_PICKS.strategicBets,
      SCORE_MIN,
      SCORE_MAX,
      SCORE_DECIMALS,
      // The k-th highest score in the quadrant (ties counted): a use case is picked when it
      // scores at least that, i.e. when fewer than k of its quadrant score higher. Computed
      // once here rather than counted per row, which keeps a 5,000-row portfolio fast.
      same(`=IFERROR(LARGE($${col("S")},QuickWinPicks),0)`),
      same(`=IFERROR(LARGE($${col("T")},StrategicBetPicks),0)`),
    ],
  ]);
  b.style(weights.row(0), "header").style(gateBlock.row(0), "header").style(settings.row(0), "header");
  b.style(weights.range(1, 1, 1, 4), "input").format(weights.range(1, 1, 1, 4), "percent");
  b.style(gateBlock.range(1, 1, 1, 5), "input").style(gateBlock.cell(1, 6), "constant");
  b.format(gateBlock.range(1, 1, 1, 1), "percent").format(gateBlock.cell(1, 2), "seconds");
  b.format(gateBlock.range(1, 3, 1, 5), "percent").format(gateBlock.cell(1, 6), "integer");
  b.style(settings.range(1, 1, 1, 3), "input").style(settings.range(1, 4, 1, 6), "constant");
  b.format(settings.range(1, 1, 1, 6), "number");
  b.name(PORTFOLIO_NAMES.weights, weights.range(1, 1, 1, 4, true), L.weights)
    .name(PORTFOLIO_NAMES.gateThresholds, gateBlock.range(1, 1, 1, 5, true), L.gate)
    .name(PORTFOLIO_NAMES.gateStopFailures, gateBlock.cell(1, 6, true), L.stopFailures)
    .name(PORTFOLIO_NAMES.quadrantThreshold, settings.cell(1, 1, true), L.quadrantThreshold)
    .name(PORTFOLIO_NAMES.quickWinPicks, settings.cell(1, 2, true), L.quickWinPicks)
    .name(PORTFOLIO_NAMES.strategicBetPicks, settings.cell(1, 3, true), L.strategicBetPicks)
    .name(PORTFOLIO_NAMES.scoreMin, settings.cell(1, 4, true), L.scoreMin)
    .name(PORTFOLIO_NAMES.scoreMax, settings.cell(1, 5, true), L.scoreMax)
    .name(PORTFOLIO_NAMES.scoreDecimals, settings.cell(1, 6, true), L.scoreDecimals)
    .name(PORTFOLIO_NAMES.quickWinCutoff, settings.cell(1, 7, true), L.quickWinCutoff)
    .name(PORTFOLIO_NAMES.strategicBetCutoff, settings.cell(1, 8, true), L.strategicBetCutoff);
  b.style(settings.range(1, 7, 1, 8), "formula").format(settings.range(1, 7, 1, 8), "score");
  b.validate(weights.range(1, 1, 1, 4), { kind: "decimal", min: 0, max: 1 }, "0% – 100%");
  b.validate(gateBlock.range(1, 1, 1, 1), { kind: "decimal", min: 0, max: 1 }, "0% – 100%");
  b.validate(
    gateBlock.cell(1, 2),
    { kind: "decimal", min: 0, max: 600 },
    bundleFor(options.locale).validation.seconds,
  );
  b.validate(gateBlock.range(1, 3, 1, 5), { kind: "decimal", min: 0, max: 1 }, "0% – 100%");
  b.validate(gateBlock.cell(1, 6), { kind: "whole", ...bounds(GATE_FAILURE_COUNT) }, "1 – 5");
  b.validate(settings.cell(1, 1), { kind: "decimal", min: SCORE_MIN, max: SCORE_MAX }, "1 – 5");
  b.validate(settings.range(1, 2, 1, 3), { kind: "whole", min: 0, max: 10 }, "0 – 10");

  // The UseCases table. Columns: A use case, B department, C–F scores, G value, H cost,
  // I score, J quadrant, K rank, L recommended, M–Q gate metrics, R gate decision, S–T each
  // quadrant's scores (for the pick cut-offs).
  // Required inputs: while the weights or the gate thresholds are incomplete, the scores and the
  // gate decisions say what to enter and where, in both dialects.
  const weightsMissing = `COUNT(Weights)<COLUMNS(Weights)`;
  const weightsText = `"${enterText(options.locale, L.weightsMissing, PORTFOLIO_SHEET, weights.range(1, 1, 1, 4))}"`;
  const thresholdsMissing = `COUNT(GateThresholds)<COLUMNS(GateThresholds)`;
  const thresholdsText = `"${enterText(options.locale, L.thresholdsMissing, PORTFOLIO_SHEET, gateBlock.range(1, 1, 1, 5))}"`;
  const threshold = orDefault("QuadrantThreshold");
  const rows: PlanCell[][] = Array.from({ length: rowCount }, (_, i) => {
    const x = first + i;
    const at = (c: string): string => `${c}${x}`;
    const [C, D, E, F, I, J] = ["C", "D", "E", "F", "I", "J"].map(at);
    const blankScores = `AND(${C}="",${D}="",${E}="",${F}="")`;
    const w = (k: number): string => `INDEX(Weights,1,${k})`;
    const gateArgs = ["M", "N", "O", "P", "Q"].map(at);
    const gateThreshold = (k: number): string => `INDEX(GateThresholds,1,${k})`;
    const pending = `OR(${gateArgs.map((g) => `${g}=""`).join(",")})`;
    const failures = [
      `IF(${gateArgs[0]}>=${gateThreshold(1)},0,1)`,
      `IF(${gateArgs[1]}<${gateThreshold(2)},0,1)`,
      `IF(${gateArgs[2]}<${gateThreshold(3)},0,1)`,
      `IF(${gateArgs[3]}>=${gateThreshold(4)},0,1)`,
      `IF(${gateArgs[4]}>${gateThreshold(5)},0,1)`,
    ].join("+");
    const pickedIn = (quadrant: string, picks: string, cutoff: string): string =>
      `AND(${J}="${quadrant}",${picks}>0,${I}>=${cutoff})`;
    const pick = `IF(OR(${pickedIn("Quick Win", "QuickWinPicks", "QuickWinCutoff")},${pickedIn("Strategic Bet", "StrategicBetPicks", "StrategicBetCutoff")}),"${L.pick}","")`;
    const input = sampleRow(i, options, L.generated);
    return [
      ...input,
      dual(
        `=IF(${blankScores},"",IF(${weightsMissing},${weightsText},ROUND(GENAI.QUADRANT_SCORE(${C},${D},${E},${F},Weights),ScoreDecimals)))`,
        `=IF(${blankScores},"",IF(${weightsMissing},${weightsText},ROUND(100*(${w(1)}*(${C}-ScoreMin)+${w(2)}*(ScoreMax-${D})+${w(3)}*(${E}-ScoreMin)+${w(4)}*(${F}-ScoreMin))/((ScoreMax-ScoreMin)*SUM(Weights)),ScoreDecimals)))`,
      ),
      dual(
        `=IF(AND(${C}="",${D}=""),"",GENAI.QUADRANT(${C},${D},${threshold}))`,
        `=IF(AND(${C}="",${D}=""),"",IF(${C}>${threshold},IF(${D}>${threshold},"Strategic Bet","Quick Win"),IF(${D}>${threshold},"Deprioritize","Fill-in")))`,
      ),
      // Competition rank ("1224"): RANK compares the rounded scores as numbers in every engine,
      // and the in-memory workbook sorts the column once rather than scanning it per row. The
      // column is named rather than addressed: HyperFormula links a formula to every cell of a
      // range it addresses (n links per row, n² in all) but to a name once.
      // A score is a number, "" (no scores) or the text asking for the weights, so ISTEXT stands
      // for "blank or weights missing" and an error still shows through. One test per row, where
      // checking the weights (COUNT and COLUMNS) in every row of both columns was most of a score
      // edit's recalculation: every row's rank and pick recompute when any score changes.
      same(`=IF(ISTEXT(${I}),"",RANK(${I},UseCaseScores))`),
      same(`=IF(ISTEXT(${I}),"",${pick})`),
      ...gateInputs(i, options),
      // Both dialects guard blank metrics in the formula: Excel builds that pass an empty cell to
      // a custom function as 0 would otherwise make GATE decide on zeros ("Stop").
      dual(
        `=IF(${at("A")}="","",IF(${pending},"Pending",IF(${thresholdsMissing},${thresholdsText},GENAI.GATE(${gateArgs.join(",")},GateThresholds,GateStopFailures))))`,
        `=IF(${at("A")}="","",IF(${pending},"Pending",IF(${thresholdsMissing},${thresholdsText},IF(${failures}=0,"Scale",IF(${failures}>=GateStopFailures,"Stop","Iterate")))))`,
      ),
      // Each quadrant's scores on their own, for the cut-offs above.
      same(`=IF(OR(${J}<>"Quick Win",ISTEXT(${I})),"",${I})`),
      same(`=IF(OR(${J}<>"Strategic Bet",ISTEXT(${I})),"",${I})`),
    ];
  });
  const table = b.write(`A${TABLE_HEADER_ROW}`, [
    [
      L.useCase,
      L.department,
      L.impact,
      L.complexity,
      L.learningValue,
      L.timeWindow,
      L.annualValue,
      L.annualCost,
      L.score,
      L.quadrant,
      L.rank,
      L.recommended,
      L.quality,
      L.latency,
      L.hallucination,
      L.timeSaved,
      L.adoptionIntent,
      L.gateDecision,
      L.quickWinScore,
      L.strategicBetScore,
    ],
    ...rows,
  ]);
  const body = (from: number, to = from): string => table.range(1, from, rowCount, to);
  b.style(table.row(0), "header");
  b.style(body(0, 7), "input")
    .style(body(12, 16), "input")
    .style(body(8, 11), "formula")
    .style(body(17, 19), "formula");
  b.format(body(2, 5), "number")
    .format(body(6, 7), "currency")
    .format(body(8), "score")
    .format(body(18, 19), "score")
    .format(body(10), "integer");
  b.format(body(12), "percent").format(body(13), "seconds").format(body(14, 16), "percent");
  b.table("UseCases", table.range(0, 0, rowCount, 19));
  b.validate(body(2, 5), { kind: "decimal", min: SCORE_MIN, max: SCORE_MAX }, V.score);
  b.validate(body(6, 7), { kind: "decimal", min: 0, max: 1e12 }, V.nonNegative);
  b.validate(body(12), { kind: "decimal", min: 0, max: 1 }, V.percent);
  b.validate(body(13), { kind: "decimal", min: 0, max: 600 }, V.seconds);
  b.validate(body(14, 16), { kind: "decimal", min: 0, max: 1 }, V.percent);
  b.conditional(body(9), { kind: "textEquals", text: "Quick Win", fill: "goodLight" })
    .conditional(body(9), { kind: "textEquals", text: "Strategic Bet", fill: "accentLight" })
    .conditional(body(9), { kind: "textEquals", text: "Deprioritize", fill: "badLight" })
    .conditional(body(11), { kind: "textEquals", text: L.pick, fill: "goodLight" })
    .conditional(body(17), { kind: "textEquals", text: "Scale", fill: "goodLight" })
    .conditional(body(17), { kind: "textEquals", text: "Iterate", fill: "warningLight" })
    .conditional(body(17), { kind: "textEquals", text: "Stop", fill: "badLight" });
  b.name(PORTFOLIO_NAMES.useCaseNames, table.column(0, 1, rowCount, true), L.useCase)
    .name(PORTFOLIO_NAMES.useCaseScores, table.column(8, 1, rowCount, true), L.score)
    .name(PORTFOLIO_NAMES.useCaseQuadrants, table.column(9, 1, rowCount, true), L.quadrant)
    .name(PORTFOLIO_NAMES.useCaseRanks, table.column(10, 1, rowCount, true), L.rank)
    .name(PORTFOLIO_NAMES.useCasePicks, table.column(11, 1, rowCount, true), L.recommended)
    .name(PORTFOLIO_NAMES.useCaseGates, table.column(17, 1, rowCount, true), L.gateDecision)
    // What a business-case line linked to a use case looks up by its name (INDEX/MATCH on
    // UseCaseNames): its department (for the wave), annual value and annual cost.
    .name(PORTFOLIO_NAMES.useCaseDepartments, table.column(1, 1, rowCount, true), L.department)
    .name(PORTFOLIO_NAMES.useCaseValues, table.column(6, 1, rowCount, true), L.annualValue)
    .name(PORTFOLIO_NAMES.useCaseCosts, table.column(7, 1, rowCount, true), L.annualCost);
  b.chart({
    kind: "bubble",
    title: L.chartTitle,
    series: [
      {
        name: L.useCase,
        x: table.column(3, 1, rowCount, true),
        y: table.column(2, 1, rowCount, true),
        size: table.column(6, 1, rowCount, true),
      },
    ],
    xTitle: L.complexity,
    yTitle: L.impact,
    anchor: { from: "V4", to: "AD24" },
  });
  b.freeze(TABLE_HEADER_ROW, 1);
  return b.build();
}

/**
 * Columns A–H of row i: a sample use case, or blanks for the user's own; a generated use case
 * beyond the samples only when asked for (`generated`, benchmarks).
 */
function sampleRow(i: number, options: TemplateOptions, label: string): PlanCell[] {
  const s = options.data === "sample" ? SAMPLE_USE_CASES[i] : undefined;
  if (!s) {
    return options.data === "sample" && options.generated
      ? generatedRow(i, label, options.locale)
      : new Array<PlanCell>(8).fill(null);
  }
  const names = bundleFor(options.locale).samples;
  return [names.useCases[s.id], names.departments[s.department], ...s.scores, s.annualValue, s.annualCost];
}

/** Columns M–Q of row i: measured gate metrics where the sample PoC has them. */
function gateInputs(i: number, options: TemplateOptions): PlanCell[] {
  const metrics = options.data === "sample" ? SAMPLE_USE_CASES[i]?.gate : null;
  return metrics ? [...metrics] : new Array<PlanCell>(5).fill(null);
}
