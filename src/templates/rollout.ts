/**
 * The Rollout sheet: departments ranked by readiness into three waves (WAVE), each wave's start
 * and ramp, a 36-month adoption grid (ADOPTION) drawn as a Gantt by conditional formatting, the
 * company-wide adopted share per month (which drives the ROI sheet's monthly cash flow), and
 * training hours and cost from the seed's three-tier talent model.
 */
import { DEFAULT_WAVE1_COUNT, defaultWave2Count, SEED_TRAINING, SEED_WAVE_PLAN } from "../engine/rollout";
import { bounds, SHARE } from "../engine/inputs";
import { bundleFor } from "../i18n/bundles";
import { SAMPLE_DEPARTMENTS } from "./samples";
import { columnLetters } from "../shared/a1";
import { orDefault, whenBlank } from "./blank-inputs";
import { SheetBuilder, dual, same } from "./builder";
import type { PlanCell, SheetPlan, TemplateOptions } from "./plan";
import { HORIZON_MONTHS } from "./roi";

export const ROLLOUT_SHEET = "Rollout";
export const ROLLOUT_VERSION = 1;

/**
 * The workbook names the Rollout sheet defines, declared once: the template
 * defines them through these constants and the pane reads them through the same ones, never
 * through the names' text, so a rename is one edit here.
 */
export const ROLLOUT_NAMES = {
  waveStart: "WaveStart",
  waveRamp: "WaveRamp",
  wave1Count: "Wave1Count",
  wave2Count: "Wave2Count",
  adoptionTargetAll: "AdoptionTargetAll",
  readinessWeights: "ReadinessWeights",
  userTrainingHours: "UserTrainingHours",
  championShare: "ChampionShare",
  championHours: "ChampionHours",
  trainingHourCost: "TrainingHourCost",
  readinessDecimals: "ReadinessDecimals",
  departmentNames: "DepartmentNames",
  departmentWaves: "DepartmentWaves",
  adoptedShare: "AdoptedShare",
  rolloutMonths: "RolloutMonths",
  trainingHoursTotal: "TrainingHoursTotal",
  trainingCostTotal: "TrainingCostTotal",
} as const;
export const DEFAULT_DEPARTMENT_ROWS = 12;
export const READINESS_DECIMALS = 2;
/** Loaded cost of one training hour in the sample (an assumption: trainer, time away from work). */
export const SAMPLE_TRAINING_HOUR_COST = 1_500;
const TABLE_HEADER_ROW = 17;
/** The adoption grid starts at column M (index 12), one column after the table. */
const GRID_FIRST_COLUMN = 12;

export function rolloutTemplate(options: TemplateOptions): SheetPlan {
  const L = bundleFor(options.locale).rollout;
  const sample = options.data === "sample";
  const rowCount = Math.max(SAMPLE_DEPARTMENTS.length, DEFAULT_DEPARTMENT_ROWS);
  const b = new SheetBuilder("rollout", ROLLOUT_VERSION, ROLLOUT_SHEET, options.locale, options.currency);

  b.write("A1", [[L.title], [L.subtitle]]);
  b.style("A1", "title").style("A2", "subtitle");
  b.width("A", 30);
  for (const c of "BCDEFGHIJK") b.width(c, 12);
  b.width("L", 2);

  // Wave plan (rows 4–7): start month and ramp per wave, and the size of waves 1 and 2.
  const wave2 = defaultWave2Count(SAMPLE_DEPARTMENTS.length, DEFAULT_WAVE1_COUNT);
  const plan = b.write("A4", [
    [L.wave, L.startMonth, L.rampMonths, L.units],
    [1, SEED_WAVE_PLAN[0].startMonth, SEED_WAVE_PLAN[0].rampMonths, DEFAULT_WAVE1_COUNT],
    [2, SEED_WAVE_PLAN[1].startMonth, SEED_WAVE_PLAN[1].rampMonths, wave2],
    [3, SEED_WAVE_PLAN[2].startMonth, SEED_WAVE_PLAN[2].rampMonths, L.rest],
  ]);
  b.style(plan.row(0), "header")
    .style(plan.column(0, 1), "constant")
    .style(plan.range(1, 1, 3, 2), "input");
  b.style(plan.range(1, 3, 2, 3), "input").style(plan.cell(3, 3), "note");
  b.format(plan.range(1, 1, 3, 2), "number").format(plan.range(1, 3, 2, 3), "integer");
  b.name(ROLLOUT_NAMES.waveStart, plan.column(1, 1, 3, true), L.startMonth)
    .name(ROLLOUT_NAMES.waveRamp, plan.column(2, 1, 3, true), L.rampMonths)
    .name(ROLLOUT_NAMES.wave1Count, plan.cell(1, 3, true), L.units)
    .name(ROLLOUT_NAMES.wave2Count, plan.cell(2, 3, true), L.units);
  b.validate(
    plan.range(1, 1, 3, 2),
    { kind: "decimal", min: 0, max: HORIZON_MONTHS },
    `0 – ${HORIZON_MONTHS}`,
  );
  b.validate(plan.range(1, 3, 2, 3), { kind: "whole", min: 0, max: 1000 }, "0 – 1000");

  // Settings (rows 9–15).
  const settings = b.write("A9", [
    [L.settings, L.value],
    [L.adoptionTarget, 1],
    [L.readinessWeights, 1, 1, 1],
    [L.userHours, SEED_TRAINING.userHours],
    [L.championShare, SEED_TRAINING.championShare],
    [L.championHours, SEED_TRAINING.championHours],
    [L.hourCost, sample ? SAMPLE_TRAINING_HOUR_COST : null],
    [L.readinessDecimals, READINESS_DECIMALS],
  ]);
  b.style(settings.row(0, 0, 1), "header")
    .style(settings.range(1, 1, 6, 1), "input")
    .style(settings.range(2, 2, 2, 3), "input");
  b.style(settings.cell(7, 1), "constant");
  b.format(settings.cell(1, 1), "percent")
    .format(settings.range(2, 1, 2, 3), "number")
    .format(settings.cell(3, 1), "hours");
  b.format(settings.cell(4, 1), "percent")
    .format(settings.cell(5, 1), "hours")
    .format(settings.cell(6, 1), "currency");
  b.format(settings.cell(7, 1), "integer");
  b.name(ROLLOUT_NAMES.adoptionTargetAll, settings.cell(1, 1, true), L.adoptionTarget)
    .name(ROLLOUT_NAMES.readinessWeights, settings.range(2, 1, 2, 3, true), L.readinessWeights)
    .name(ROLLOUT_NAMES.userTrainingHours, settings.cell(3, 1, true), L.userHours)
    .name(ROLLOUT_NAMES.championShare, settings.cell(4, 1, true), L.championShare)
    .name(ROLLOUT_NAMES.championHours, settings.cell(5, 1, true), L.championHours)
    .name(ROLLOUT_NAMES.trainingHourCost, settings.cell(6, 1, true), L.hourCost)
    .name(ROLLOUT_NAMES.readinessDecimals, settings.cell(7, 1, true), L.readinessDecimals);
  b.validate(settings.cell(1, 1), { kind: "decimal", ...bounds(SHARE) }, "0% – 100%");
  b.validate(settings.range(2, 1, 2, 3), { kind: "decimal", min: 0, max: 100 }, "≥ 0");
  b.validate(settings.cell(4, 1), { kind: "decimal", min: 0, max: 1 }, "0% – 100%");

  // Departments table (A–K) and, to its right, the adoption grid (M onwards), row for row.
  const first = TABLE_HEADER_ROW + 1;
  const last = TABLE_HEADER_ROW + rowCount;
  const col = (c: string): string => `$${c}$${first}:$${c}$${last}`;
  const months = HORIZON_MONTHS + 1;
  const gridLetters = Array.from({ length: months }, (_, k) => columnLetters(GRID_FIRST_COLUMN + k));
  const rows: PlanCell[][] = Array.from({ length: rowCount }, (_, i) => {
    const x = first + i;
    const at = (c: string): string => `${c}${x}`;
    const dept = sample ? SAMPLE_DEPARTMENTS[i] : undefined;
    const inputs: PlanCell[] = dept
      ? [bundleFor(options.locale).samples.departments[dept.id], dept.headcount, ...dept.readiness]
      : [null, null, null, null, null];
    // The unit's place in the readiness order, ties in list order: 1 + the units more ready +
    // the units equally ready listed above it. Each place is taken once, so every wave holds
    // exactly its count.
    const place = `COUNTIF(${col("F")},">"&${at("F")})+COUNTIF($F$${first}:${at("F")},${at("F")})`;
    // Blank wave sizes read as GENAI.WAVE's defaults in both dialects: 3, then half of the rest
    // rounded up (ROUND(x / 2, 0) rounds a half away from zero, so it is ⌈x / 2⌉ for whole x).
    const w1 = orDefault("Wave1Count");
    const w2 = whenBlank("Wave2Count", `ROUND(MAX(0,COUNT(${col("F")})-${w1})/2,0)`);
    const target = orDefault("AdoptionTargetAll");
    const adoption = (c: string): PlanCell => {
      const elapsed = `(${c}$${TABLE_HEADER_ROW}-$H${x})/$I${x}`;
      return dual(
        `=IF($A${x}="","",GENAI.ADOPTION(${c}$${TABLE_HEADER_ROW},$H${x},$I${x},${target}))`,
        // smoothstep: target · x²(3 − 2x), x = elapsed share of the ramp clamped to [0, 1]
        `=IF($A${x}="","",IF(${c}$${TABLE_HEADER_ROW}<$H${x},0,IF($I${x}<=0,${target},${target}*MIN(1,${elapsed})^2*(3-2*MIN(1,${elapsed})))))`,
      );
    };
    return [
      ...inputs,
      // Rounded, so COUNTIF's number-to-text criteria rank exactly in every engine.
      same(
        // A blank weight counts as 0; with every weight blank (or 0) the three count equally.
        `=IF(${at("A")}="","",ROUND(IF(SUM(ReadinessWeights)=0,SUM(${at("C")}:${at("E")})/COLUMNS(ReadinessWeights),SUMPRODUCT(${at("C")}:${at("E")},ReadinessWeights)/SUM(ReadinessWeights)),ReadinessDecimals))`,
      ),
      // Live: the unit's row of one GENAI.WAVE over the column (a single readiness value cannot
      // say where its unit is listed, and a table's cells cannot hold a spill). The row is
      // counted with ROW differences: HyperFormula 3.5 miscounts ROWS($F$18:F18).
      dual(
        `=IF(${at("F")}="","",INDEX(GENAI.WAVE(${col("F")},${col("F")},${w1},${w2}),ROW(${at("F")})-ROW($F$${TABLE_HEADER_ROW})))`,
        `=IF(${at("F")}="","",IF(${place}<=${w1},1,IF(${place}<=${w1}+${w2},2,3)))`,
      ),
      // A blank start or ramp is month 0 / no ramp (full adoption at the start).
      same(`=IF(${at("G")}="","",${whenBlank(`INDEX(WaveStart,${at("G")})`, 0)})`),
      same(`=IF(${at("G")}="","",${whenBlank(`INDEX(WaveRamp,${at("G")})`, 0)})`),
      same(`=IF(${at("A")}="","",${at("B")}*UserTrainingHours+${at("B")}*ChampionShare*ChampionHours)`),
      same(`=IF(${at("J")}="","",${at("J")}*TrainingHourCost)`),
      null,
      ...gridLetters.map(adoption),
    ];
  });
  const table = b.write(`A${TABLE_HEADER_ROW}`, [
    [
      L.department,
      L.headcount,
      L.dataReadiness,
      L.systemsReadiness,
      L.sponsorship,
      L.readiness,
      L.wave,
      L.startMonth,
      L.rampMonths,
      L.trainingHours,
      L.trainingCost,
      null,
      ...Array.from({ length: months }, (_, k) => k),
    ],
    ...rows,
  ]);
  b.write(`${gridLetters[0]}${TABLE_HEADER_ROW - 1}`, [[L.adoptionByMonth]]);
  b.style(`${gridLetters[0]}${TABLE_HEADER_ROW - 1}`, "subtitle");
  const body = (from: number, to = from): string => table.range(1, from, rowCount, to);
  b.style(table.row(0, 0, 10), "header").style(table.row(0, GRID_FIRST_COLUMN), "constant");
  b.style(body(0, 4), "input")
    .style(body(5, 10), "formula")
    .style(body(GRID_FIRST_COLUMN, GRID_FIRST_COLUMN + months - 1), "formula");
  b.format(body(1), "number").format(body(2, 5), "number").format(body(6, 8), "integer");
  b.format(body(9), "hours")
    .format(body(10), "currency")
    .format(body(GRID_FIRST_COLUMN, GRID_FIRST_COLUMN + months - 1), "gantt");
  b.table("Departments", table.range(0, 0, rowCount, 10));
  // The department and wave columns by name, so the pane's summary can show the wave plan.
  b.name(ROLLOUT_NAMES.departmentNames, table.column(0, 1, rowCount, true), L.department).name(
    ROLLOUT_NAMES.departmentWaves,
    table.column(6, 1, rowCount, true),
    L.wave,
  );
  b.validate(body(1), { kind: "whole", min: 0, max: 1_000_000 }, "≥ 0");
  b.validate(body(2, 4), { kind: "decimal", min: 1, max: 5 }, bundleFor(options.locale).validation.score);
  b.conditional(body(GRID_FIRST_COLUMN, GRID_FIRST_COLUMN + months - 1), {
    kind: "colorScale",
    min: "neutralLight",
    max: "accent",
  });
  for (const letter of gridLetters) b.width(letter, 5);

  // Company-wide adopted share per month: headcount-weighted, read by the ROI sheet.
  const shareRow = last + 1;
  b.write(`A${shareRow}`, [[L.companyShare]]);
  const share = b.write(`${gridLetters[0]}${shareRow}`, [
    gridLetters.map((c) =>
      same(`=IF(SUM(${col("B")})=0,0,SUMPRODUCT(${col("B")},${c}$${first}:${c}$${last})/SUM(${col("B")}))`),
    ),
  ]);
  const shareRange = share.row(0, 0, months - 1, true);
  b.style(`A${shareRow}`, "total").style(share.row(0), "output").format(share.row(0), "percent");
  b.name(ROLLOUT_NAMES.adoptedShare, shareRange, L.companyShare).name(
    ROLLOUT_NAMES.rolloutMonths,
    table.row(0, GRID_FIRST_COLUMN, GRID_FIRST_COLUMN + months - 1, true),
    L.month,
  );

  // Training totals from the three-tier model.
  const totalsTop = shareRow + 2;
  const totals = b.write(`A${totalsTop}`, [
    [L.totals, L.value],
    [L.totalHours, same(`=SUM(${col("J")})`)],
    [L.totalCost, same(`=SUM(${col("K")})`)],
    [L.champions, same(`=SUM(${col("B")})*ChampionShare`)],
  ]);
  b.style(totals.row(0), "header").style(totals.range(1, 1, 3, 1), "output");
  b.format(totals.cell(1, 1), "hours")
    .format(totals.cell(2, 1), "currency")
    .format(totals.cell(3, 1), "number");
  b.name(ROLLOUT_NAMES.trainingHoursTotal, totals.cell(1, 1, true), L.totalHours).name(
    ROLLOUT_NAMES.trainingCostTotal,
    totals.cell(2, 1, true),
    L.totalCost,
  );

  b.chart({
    kind: "line",
    title: L.chartTitle,
    series: [
      {
        name: L.companyShare,
        x: table.row(0, GRID_FIRST_COLUMN, GRID_FIRST_COLUMN + months - 1, true),
        y: shareRange,
      },
    ],
    xTitle: L.month,
    yTitle: "%",
    anchor: { from: `D${totalsTop}`, to: `K${totalsTop + 16}` },
  });
  b.freeze(0, 1);
  return b.build();
}
