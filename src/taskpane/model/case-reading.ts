/**
 * The ROI sheet's Benefits and Costs tables and settings read into the engine's LineItemCase, so
 * the pane can simulate the whole business case (src/engine/case-simulation.ts). Every rule is
 * the one the table's calculated columns apply (docs/line-items.md, "Blank inputs" and
 * "Timing"): a row with a blank value is empty; a blank low or high is the base; a blank start
 * is month 0, a blank ramp a step, a blank spread one month, a blank risk 0; list values compare
 * as Excel compares text (case-insensitively), and a timing or kind the formulas do not name
 * counts as they count it (Company, Recurring). A line's Distribution is read as the simulation
 * functions read their line items' fourth column: blank is the run's distribution, a known shape
 * in any case, anything else a problem naming the cell.
 */
import type {
  BenefitLine,
  BenefitTiming,
  CostKind,
  CostLine,
  LineItemCase,
  WavePlan,
} from "../../engine/line-items";
import { LINE_DISTRIBUTIONS, type LineDistribution } from "../../engine/distributions";
import { invalid, type Problem } from "../../engine/problem";
import type { PaneStrings } from "../../i18n/bundle";
import type { Locale } from "../../i18n/locale";
import { formatProblem } from "../../i18n/messages";
import type { CellValue, WorkbookHost } from "../../host/workbook-host";
import { columnLetters, parseRange } from "../../shared/a1";
import { COL } from "../../templates/roi-lines";
import { flat, type NameValues } from "./summary";
import { inputToEnter } from "./unavailable";
import { ROI_LINE_NAMES, ROI_NAMES, ROI_TABLES } from "../../templates/roi";
import { ROLLOUT_NAMES } from "../../templates/rollout";

/** Where each table's rows are: the name over its Line column. */
export const TABLE_NAMES = {
  benefits: ROI_LINE_NAMES.benefits.labels,
  costs: ROI_LINE_NAMES.costs.labels,
} as const;

export const CASE_SETTING_NAMES = [
  ROI_NAMES.roiMonthlyAdoption,
  ROI_NAMES.monthsPerYear,
  ROI_NAMES.benefitRealisation,
  ROI_NAMES.usagePriceChange,
  ROI_NAMES.discountRate,
  ROI_NAMES.leaderPaybackMonths,
] as const;

/** The Rollout sheet's waves, for Wave-timed benefits; without them a Wave line follows the company. */
export const WAVE_NAMES = [
  ROLLOUT_NAMES.departmentNames,
  ROLLOUT_NAMES.departmentWaves,
  ROLLOUT_NAMES.waveStart,
  ROLLOUT_NAMES.waveRamp,
  ROLLOUT_NAMES.adoptionTargetAll,
] as const;

/** The leaders' payback benchmark when the model has none (the seed's 14 months). */
export const DEFAULT_PAYBACK_BENCHMARK = 14;

export type CaseReading =
  | {
      readonly ok: true;
      readonly businessCase: LineItemCase;
      readonly paybackBenchmark: number;
      /** The sheet row (1-based) of each line, benefits and costs in the case's order. */
      readonly lineRows: { readonly benefits: readonly number[]; readonly costs: readonly number[] };
      /**
       * Each line's own distribution, benefits then costs as the case's lines (the engine's
       * `lineDistributions`); null: the run's distribution.
       */
      readonly lineDistributions: readonly (LineDistribution | null)[];
      /** The sheet the tables are on (when read from a workbook). */
      readonly sheet?: string;
    }
  /** `missing`: no ROI sheet with line tables; `invalid`: a cell the model cannot use. */
  | { readonly ok: false; readonly reason: "missing"; readonly name: string }
  | { readonly ok: false; readonly reason: "invalid"; readonly problem: Problem };

const blank = (v: CellValue | undefined): boolean => v === null || v === undefined || v === "";
const text = (v: CellValue | undefined): string => (typeof v === "string" ? v.trim().toLowerCase() : "");

function numberOr(v: CellValue | undefined, fallback: number): number | null {
  if (blank(v)) return fallback;
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

function timingOf(v: CellValue | undefined): BenefitTiming {
  const t = text(v);
  return t === "fixed" ? "fixed" : t === "own" ? "own" : t === "wave" ? "wave" : "company";
}

function kindOf(v: CellValue | undefined): CostKind {
  const t = text(v);
  return t === "one-off" ? "oneOff" : t === "usage" ? "usage" : "recurring";
}

/** Department name → its wave plan, as INDEX(WaveStart, MATCH(department, DepartmentNames, 0)). */
function wavePlans(values: NameValues): Map<string, WavePlan> | null {
  const names = flat(values, ROLLOUT_NAMES.departmentNames);
  const waves = flat(values, ROLLOUT_NAMES.departmentWaves);
  const starts = flat(values, ROLLOUT_NAMES.waveStart);
  const ramps = flat(values, ROLLOUT_NAMES.waveRamp);
  const target = flat(values, ROLLOUT_NAMES.adoptionTargetAll)?.[0];
  if (!names || !waves || !starts || !ramps || typeof target !== "number") return null;
  const plans = new Map<string, WavePlan>();
  names.forEach((name, i) => {
    const key = text(name);
    const w = waves[i];
    if (!key || plans.has(key) || typeof w !== "number") return;
    const start = starts[w - 1];
    const ramp = ramps[w - 1];
    if (typeof start === "number" && typeof ramp === "number")
      plans.set(key, { startMonth: start, rampMonths: ramp, target });
  });
  return plans;
}

/** A line's Distribution cell: null when blank, the shape it names, or undefined for an unknown word. */
function shapeOf(v: CellValue | undefined): LineDistribution | null | undefined {
  if (blank(v) || (typeof v === "string" && v.trim() === "")) return null;
  return LINE_DISTRIBUTIONS.find((d) => d.toLowerCase() === text(v));
}

/** One table's rows as read (columns A to Distribution of the body), with their sheet row numbers. */
export interface TableRows {
  readonly rows: readonly (readonly CellValue[])[];
  /** The sheet row (1-based) of the first body row, for messages. */
  readonly firstRow: number;
}

/**
 * Reads the business case. `values` holds CASE_SETTING_NAMES and WAVE_NAMES; `tables` each
 * table's body rows, columns A (Line) to Q (Distribution); rows read only to K (Risk) have no
 * distribution of their own.
 */
export function readCase(
  values: NameValues,
  tables: { readonly benefits: TableRows; readonly costs: TableRows },
): CaseReading {
  const adoption = flat(values, ROI_NAMES.roiMonthlyAdoption);
  if (!adoption) return { ok: false, reason: "missing", name: ROI_NAMES.roiMonthlyAdoption };
  const companyAdoption = adoption.map((a) => (typeof a === "number" ? a : NaN));
  const bad = companyAdoption.findIndex((a) => !Number.isFinite(a));
  if (bad >= 0)
    return {
      ok: false,
      reason: "invalid",
      problem: invalid("notNumber", {
        argument: ROI_NAMES.roiMonthlyAdoption,
        row: bad + 1,
        got: String(adoption[bad]),
      }),
    };
  const setting = (name: string, fallback: number | null): number | Problem => {
    const v = flat(values, name)?.[0];
    if (blank(v) && fallback !== null) return fallback;
    if (typeof v === "number" && Number.isFinite(v)) return v;
    return invalid("notNumber", { argument: name, got: String(v ?? "") });
  };
  const monthsPerYear = setting(ROI_NAMES.monthsPerYear, null);
  const benefitRealisation = setting(ROI_NAMES.benefitRealisation, 1);
  const usagePriceChange = setting(ROI_NAMES.usagePriceChange, 0);
  const discountRate = setting(ROI_NAMES.discountRate, 0);
  const benchmark = values[ROI_NAMES.leaderPaybackMonths]
    ? setting(ROI_NAMES.leaderPaybackMonths, DEFAULT_PAYBACK_BENCHMARK)
    : DEFAULT_PAYBACK_BENCHMARK;
  for (const v of [monthsPerYear, benefitRealisation, usagePriceChange, discountRate, benchmark])
    if (typeof v !== "number") return { ok: false, reason: "invalid", problem: v };
  const waves = wavePlans(values);

  const lines = <T>(
    table: TableRows,
    argument: string,
    make: (row: readonly CellValue[], base: number, low: number, high: number, risk: number) => T,
    sheetRows: number[],
    shapes: (LineDistribution | null)[],
  ): T[] | Problem => {
    const out: T[] = [];
    for (let i = 0; i < table.rows.length; i++) {
      const row = table.rows[i];
      if (blank(row[COL.base])) continue;
      const at = { argument, row: table.firstRow + i };
      const base = numberOr(row[COL.base], NaN);
      const low = numberOr(row[COL.low], base ?? NaN);
      const high = numberOr(row[COL.high], base ?? NaN);
      const risk = numberOr(row[COL.risk], 0);
      const start = numberOr(row[COL.start], 0);
      const months = numberOr(row[COL.months], 0);
      if (
        base === null ||
        low === null ||
        high === null ||
        risk === null ||
        start === null ||
        months === null
      ) {
        const cells = [COL.low, COL.base, COL.high, COL.start, COL.months, COL.risk].map((c) => row[c]);
        const got = cells.find((v) => !blank(v) && !(typeof v === "number" && Number.isFinite(v)));
        return invalid("notNumber", { ...at, got: String(got) });
      }
      if (!(low <= base && base <= high)) return invalid("lineItemOrder", { ...at, low, base, high });
      // A cost below zero is refused as GENAI.SIMULATE_ROI and the annual-ROI simulation refuse
      // it: a rebate belongs among the benefits, where it cannot turn ROI's denominator over.
      if (argument === ROI_TABLES.costs && low < 0) return invalid("atLeast", { ...at, min: 0, got: low });
      const shape = shapeOf(row[COL.distribution]);
      if (shape === undefined)
        return invalid("choice", {
          ...at,
          column: columnLetters(COL.distribution),
          choices: LINE_DISTRIBUTIONS.map((d) => `"${d}"`).join(", "),
          got: String(row[COL.distribution]),
        });
      shapes.push(shape);
      out.push(make(row, base, low, high, risk));
      sheetRows.push(table.firstRow + i);
    }
    return out;
  };
  const lineRows = { benefits: [] as number[], costs: [] as number[] };
  const shapes = { benefits: [] as (LineDistribution | null)[], costs: [] as (LineDistribution | null)[] };
  const benefits = lines(
    tables.benefits,
    ROI_TABLES.benefits,
    (row, annual, low, high, risk): BenefitLine => {
      const timing = timingOf(row[COL.kind]);
      const wave = timing === "wave" ? waves?.get(text(row[COL.department])) : undefined;
      return {
        label: String(row[COL.label] ?? ""),
        annual,
        low,
        high,
        timing,
        startMonth: numberOr(row[COL.start], 0) ?? 0,
        rampMonths: Math.max(0, numberOr(row[COL.months], 0) ?? 0),
        wave,
        risk,
      };
    },
    lineRows.benefits,
    shapes.benefits,
  );
  if (!Array.isArray(benefits)) return { ok: false, reason: "invalid", problem: benefits };
  const costs = lines(
    tables.costs,
    ROI_TABLES.costs,
    (row, amount, low, high, risk): CostLine => ({
      label: String(row[COL.label] ?? ""),
      amount,
      low,
      high,
      kind: kindOf(row[COL.kind]),
      startMonth: numberOr(row[COL.start], 0) ?? 0,
      spreadMonths: Math.max(1, numberOr(row[COL.months], 1) ?? 1),
      risk,
    }),
    lineRows.costs,
    shapes.costs,
  );
  if (!Array.isArray(costs)) return { ok: false, reason: "invalid", problem: costs };
  return {
    ok: true,
    paybackBenchmark: benchmark as number,
    lineRows,
    lineDistributions: [...shapes.benefits, ...shapes.costs],
    businessCase: {
      benefits,
      costs,
      settings: {
        companyAdoption,
        monthsPerYear: monthsPerYear as number,
        benefitRealisation: benefitRealisation as number,
        scenario: "Base",
        usagePriceChange: usagePriceChange as number,
        discountRate: discountRate as number,
      },
    },
  };
}

/** Reads the tables and settings from the workbook (the ROI sheet's names locate the tables). */
export async function readCaseFrom(host: WorkbookHost): Promise<CaseReading> {
  const where = await host.locateNames([TABLE_NAMES.benefits, TABLE_NAMES.costs]);
  const read = async (name: string): Promise<TableRows | null> => {
    const at = where[name];
    if (!at) return null;
    const range = parseRange(at.address);
    const address = `A${range.top + 1}:${columnLetters(COL.distribution)}${range.bottom + 1}`;
    return { rows: await host.readRange(at.sheet, address), firstRow: range.top + 1 };
  };
  const [benefits, costs, values] = await Promise.all([
    read(TABLE_NAMES.benefits),
    read(TABLE_NAMES.costs),
    host.readNames([...CASE_SETTING_NAMES, ...WAVE_NAMES]),
  ]);
  if (!benefits) return { ok: false, reason: "missing", name: TABLE_NAMES.benefits };
  if (!costs) return { ok: false, reason: "missing", name: TABLE_NAMES.costs };
  const reading = readCase(values, { benefits, costs });
  return reading.ok ? { ...reading, sheet: where[TABLE_NAMES.benefits]?.sheet } : reading;
}

/**
 * Why the business case cannot be read, in the pane's words: the ROI sheet is missing, or a line
 * cannot be used; a spreadsheet error in a line comes from an input, so the message says which
 * one to enter, and where, rather than showing the error.
 */
export async function caseUnreadableMessage(
  reading: Extract<CaseReading, { ok: false }>,
  host: WorkbookHost,
  locale: Locale,
  s: PaneStrings,
): Promise<string> {
  if (reading.reason === "missing") return s.needRoiCase;
  const detail =
    (await inputToEnter(host, locale, reading.problem.params.got)) ?? formatProblem(reading.problem, locale);
  return s.invalidCase.replace("{detail}", detail);
}
