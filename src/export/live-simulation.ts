/**
 * A simulation that stays live in a shared copy (the README's "The simulation in a shareable
 * copy"). GENAI.SIMULATE_ROI has no native formula, but its trials do: trial t's sample of line j is F_j⁻¹(u[j][t]), where the
 * uniforms u depend only on the seed, the trials, the sampling and the correlation, never on a
 * line's low, base or high. So the copy stores the engine's own uniforms as values on a sheet of
 * their own ("Trials"), computes each sample from them with native inverse distributions and the
 * line's cells, each trial's ROI = (ΣB − ΣC) / ΣC, and the statistics (mean, PERCENTILE.INC,
 * the share of losses) with native functions in the cells where the spill's values were. A
 * colleague who edits a line's low, base or high in Excel or LibreOffice sees the statistics
 * recompute, and they equal the add-in's for the same inputs, seed and trials (within the engine's
 * table error below).
 *
 * The inverse distributions, for a line on [L, H] with mode M (range R = H − L):
 *   PERT:        L + R·BETA.INV(u, α, β),  α = 1 + 4(M − L)/R,  β = 1 + 4(H − M)/R
 *   triangular:  L + √(u·R·(M − L)) when u < (M − L)/R, else H − √((1 − u)·R·(H − M))
 *   uniform:     L + R·u
 * and the base itself when R = 0. The engine reads the same inverses from 4,097-point tables, so
 * the copy agrees with it to about 1e-5 of a line's range (docs/excel-parity.md).
 *
 * Everything the copy needs is read from the live formula's own arguments: the ranges of line
 * items (whatever names they are), the default distribution (its native expression, so a
 * colleague may switch it), and the trials, seed, sampling and correlation (evaluated once, for
 * the uniforms). An argument this module cannot read leaves the spill as values with a note, as
 * before: never a wrong number.
 */
import { simulationUniforms, DEFAULT_SIMULATION, RoiSimulation } from "../engine/simulate";
import { cachedQuantileTable, LINE_DISTRIBUTIONS, type LineItem, sampleTable } from "../engine/distributions";
import { SIMULATION_STATISTICS } from "../engine/simulation-table";
import { ProblemError } from "../functions/arguments";
import { readModel, readSimulation } from "../functions/risk";
import { bundleFor } from "../i18n/bundles";
import type { CellValue } from "../host/workbook-host";
import { cellAddress, columnLetters, parseCell, parseRange, rangeAddress, sheetPrefix } from "../shared/a1";
import { SheetBuilder } from "../templates/builder";
import { ROI_LINE_NAMES } from "../templates/roi";
import { STRESS_NAMES } from "../templates/stress";
import { type Block, isFormula, type PlanCell, type PlanFormula, type SheetPlan } from "../templates/plan";
import type { ValueLookup } from "./values";
import type { Cell, CellValue as ExcelValue, Workbook } from "exceljs";

/**
 * Trials a copy stores when the model asks for more: Crystal Ball's floor for reading tails
 * (P5, P95 rest on 100 trials each), and a file of a few hundred kilobytes for the seed model
 * (the README gives the sizes measured).
 */
export const STORED_TRIALS = 2_000;

export interface LiveSimulationOptions {
  /** The most trials a copy stores (default STORED_TRIALS). */
  readonly storedTrials?: number;
  /** Sheet names the trials sheet must not take (the workbook's other sheets, written beside). */
  readonly reserved?: readonly string[];
}

/** What the copy made live: one entry per SIMULATE_ROI spill. */
export interface LiveSimulation {
  /** The spill's sheet and anchor cell (A1). */
  readonly sheet: string;
  readonly anchor: string;
  /** The sheet of trials. */
  readonly trialsSheet: string;
  /** The note on the spill's first cell: where its statistics come from (under 200 characters). */
  readonly note: string;
  /** The model's trials, and those stored. */
  readonly trials: number;
  readonly stored: number;
  /** The trials sheet's range of trial ROI, e.g. 'Trials'!$B$16:$B$2015. */
  readonly roiRange: string;
  /**
   * The trials sheet's formulas, one per trial and column (ROI, then each line's sample), each
   * the same as the first row's but for the row: written as Excel's shared formulas.
   */
  readonly formulas: string;
}

const FUNCTION = "GENAI.SIMULATE_ROI";
/** The trials sheet's name (a template-like sheet name: the same in every language, as "Stress"). */
export const TRIALS_SHEET = "Trials";

// ---- the live formula's arguments ---------------------------------------------------------------

/** The top-level arguments of a call's text, e.g. "=F(a,IF(b,1,2))" → ["a", "IF(b,1,2)"]. */
export function callArguments(formula: string, fn: string): string[] | null {
  const text = formula.trim().replace(/^=/, "");
  if (!text.toUpperCase().startsWith(`${fn.toUpperCase()}(`) || !text.endsWith(")")) return null;
  const body = text.slice(fn.length + 1, -1);
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (ch === "(" || ch === "{") depth++;
    else if (ch === ")" || ch === "}") depth--;
    else if (ch === "," && depth === 0) {
      out.push(body.slice(start, i).trim());
      start = i + 1;
    }
    if (depth < 0) return null;
  }
  if (depth !== 0 || quoted) return null;
  out.push(body.slice(start).trim());
  return out;
}

/** Where a workbook name points: a sheet and a rectangle. */
interface NamedRange {
  readonly sheet: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

type Names = ReadonlyMap<string, NamedRange>;

function namesOf(plans: readonly SheetPlan[]): Map<string, NamedRange> {
  const out = new Map<string, NamedRange>();
  for (const plan of plans)
    for (const n of plan.names) out.set(n.name.toLowerCase(), { sheet: plan.sheet, ...parseRange(n.range) });
  return out;
}

/** A value as a formula sees it: a scalar, or a range's rows. */
type Evaluated = CellValue | CellValue[][];

/** Marks an expression this reader does not understand. */
class Unreadable extends Error {}

/**
 * Evaluates the small language the templates write into SIMULATE_ROI's arguments: numbers,
 * texts, workbook names (a cell or a range) and IF(a = b, then, else), the form a blank input's
 * default takes (docs/blank-inputs.md). Anything else is Unreadable.
 */
function evaluate(text: string, names: Names, lookup: ValueLookup): Evaluated {
  const tokens = text.match(
    /"(?:[^"]|"")*"|[A-Za-z_][A-Za-z0-9_.]*|\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|[(),=]|\S/g,
  );
  if (!tokens) throw new Unreadable(text);
  let at = 0;
  const next = (): string => {
    if (at >= tokens.length) throw new Unreadable(text);
    return tokens[at++];
  };
  const expect = (token: string): void => {
    if (next() !== token) throw new Unreadable(text);
  };
  const blank = (v: Evaluated): boolean => v === null || v === undefined || v === "";
  const equal = (a: Evaluated, b: Evaluated): boolean => {
    if (Array.isArray(a) || Array.isArray(b)) throw new Unreadable(text);
    if (blank(a) || blank(b))
      return blank(a) === blank(b) || a === 0 || b === 0 || a === false || b === false;
    if (typeof a === "string" && typeof b === "string") return a.toLowerCase() === b.toLowerCase();
    return a === b;
  };
  const primary = (): Evaluated => {
    const token = next();
    if (token.startsWith('"')) return token.slice(1, -1).replace(/""/g, '"');
    if (/^\d/.test(token)) return Number(token);
    if (token.toUpperCase() === "IF" && tokens[at] === "(") {
      expect("(");
      const test = comparison();
      expect(",");
      const then = comparison();
      expect(",");
      const otherwise = comparison();
      expect(")");
      if (typeof test !== "boolean") throw new Unreadable(text);
      return test ? then : otherwise;
    }
    const named = names.get(token.toLowerCase());
    if (!named) throw new Unreadable(text);
    const rows: CellValue[][] = [];
    for (let r = named.top; r <= named.bottom; r++) {
      const row: CellValue[] = [];
      for (let c = named.left; c <= named.right; c++) {
        const v = lookup(named.sheet, r, c);
        if (v === undefined) throw new Unreadable(text); // unknown: nothing to compute from
        row.push(v);
      }
      rows.push(row);
    }
    return rows.length === 1 && rows[0].length === 1 ? rows[0][0] : rows;
  };
  const comparison = (): Evaluated => {
    const left = primary();
    if (tokens[at] !== "=") return left;
    at++;
    return equal(left, primary());
  };
  const value = comparison();
  if (at !== tokens.length) throw new Unreadable(text);
  return value;
}

/** A range argument that native formulas can INDEX: a bare workbook name. */
function rangeName(text: string, names: Names): string | null {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(text) && names.has(text.toLowerCase()) ? text : null;
}

/** Blank cells as the custom function receives them (an empty cell arrives as null). */
function asArgument(value: Evaluated): unknown {
  if (Array.isArray(value)) return value.map((row) => row.map((v) => (v === "" ? null : v)));
  return value === "" ? null : value;
}

// ---- the spill ---------------------------------------------------------------------------------

interface Spill {
  readonly plan: SheetPlan;
  readonly blockIndex: number;
  /** The anchor's position inside the block. */
  readonly r: number;
  readonly c: number;
  readonly live: string;
}

/** The SIMULATE_ROI spills of the plans: an anchor whose live formula calls it, with no native form. */
function spillsOf(plans: readonly SheetPlan[]): Spill[] {
  return plans.flatMap((plan) =>
    plan.blocks.flatMap((block, blockIndex) =>
      block.cells.flatMap((row, r) =>
        row.flatMap((cell, c): Spill[] =>
          isFormula(cell) &&
          cell.portable === null &&
          cell.live !== null &&
          callArguments(cell.live, FUNCTION) !== null
            ? [{ plan, blockIndex, r, c, live: cell.live }]
            : [],
        ),
      ),
    ),
  );
}

/** True for a cell of the spill other than its anchor (a formula with neither dialect). */
function inSpill(cell: PlanCell | undefined): boolean {
  return cell !== undefined && isFormula(cell) && cell.live === null && cell.portable === null;
}

// ---- the model the copy reproduces ---------------------------------------------------------------

interface Reproduced {
  readonly benefitsName: string;
  readonly costsName: string;
  /** The native expression of the default distribution. */
  readonly distribution: string;
  /**
   * Each kept line: which range, its row there (1-based), its own shape column if any, and where
   * the model keeps its label (`labelOf`; null: a range of the user's own, its lines numbered).
   */
  readonly lines: readonly {
    readonly name: string;
    readonly row: number;
    readonly kind: "benefit" | "cost";
    readonly columns: number;
    readonly label: { readonly name: string; readonly row: number; readonly text: string } | null;
  }[];
  readonly items: readonly LineItem[];
  readonly defaultDistribution: NonNullable<LineItem["distribution"]>;
  readonly benefitCount: number;
  readonly options: ReturnType<typeof readSimulation>["options"];
  /** The correlation argument when it is a workbook name, with its cells as the function read them. */
  readonly correlation: { readonly name: string; readonly cells: readonly (readonly CellValue[])[] } | null;
  /**
   * A native condition, true while the spill's trials, seed and sampling arguments read what the
   * stored trials were drawn with (null: none of them is a formula of the workbook's).
   */
  readonly settings: string | null;
}

/**
 * The condition of `Reproduced.settings`: each of the trials, seed and sampling arguments given
 * as an expression (a literal cannot change) compared with the value the function read. Trials
 * and seed are whole numbers as read; sampling is compared as the function reads a choice.
 */
function settingsCondition(args: readonly string[], options: Reproduced["options"]): string | null {
  const live = (a: string | undefined): a is string =>
    a !== undefined && a !== "" && !/^[\d.]+$|^"[^"]*"$/.test(a);
  const parts = [
    live(args[2]) ? `(${args[2]})=${options.trials}` : null,
    live(args[3]) ? `(${args[3]})=${options.seed}` : null,
    live(args[5])
      ? `UPPER(TRIM(${args[5]}))="${(options.sampling ?? DEFAULT_SIMULATION.sampling).toUpperCase()}"`
      : null,
  ].filter((x): x is string => x !== null);
  return parts.length ? `AND(${parts.join(",")})` : null;
}

/** Reads the spill's arguments as SIMULATE_ROI reads them; null when they cannot be read. */
function reproduce(live: string, names: Names, lookup: ValueLookup): Reproduced | null {
  const args = callArguments(live, FUNCTION);
  // The eighth, value_if_empty, changes nothing a model with lines computes.
  if (!args || args.length < 2 || args.length > 8) return null;
  const benefitsName = rangeName(args[0], names);
  const costsName = rangeName(args[1], names);
  const distribution = args[4] ?? "";
  // The distribution is the one argument the copy keeps as a formula: it must be native.
  if (!benefitsName || !costsName || /GENAI\./i.test(distribution)) return null;
  let values: unknown[];
  try {
    values = args.slice(0, 7).map((a) => (a === "" ? null : asArgument(evaluate(a, names, lookup))));
  } catch (error) {
    if (error instanceof Unreadable) return null;
    throw error;
  }
  const [benefits, costs, trials, seed, shape, sampling, correlation] = values;
  const correlationName = args[6] === undefined ? null : rangeName(args[6], names);
  try {
    const request = readSimulation(benefits, costs, trials, seed, shape, sampling, correlation);
    const read = readModel(benefits, costs);
    const columnsOf = (v: unknown): number => (Array.isArray(v) && Array.isArray(v[0]) ? v[0].length : 1);
    const benefitRows = Array.isArray(benefits) ? benefits.length : 1;
    const lines = read.keptRows.map((row) => {
      const line =
        row < benefitRows
          ? { name: benefitsName, row: row + 1, kind: "benefit" as const, columns: columnsOf(benefits) }
          : { name: costsName, row: row - benefitRows + 1, kind: "cost" as const, columns: columnsOf(costs) };
      return { ...line, label: labelOf(line.name, line.row, names, lookup) };
    });
    return {
      benefitsName,
      costsName,
      distribution: distribution === "" ? `"${DEFAULT_SIMULATION.distribution}"` : distribution,
      lines,
      items: [...request.model.benefits, ...request.model.costs],
      defaultDistribution: request.options.distribution,
      benefitCount: request.model.benefits.length,
      options: request.options,
      correlation:
        correlationName && Array.isArray(correlation)
          ? { name: correlationName, cells: correlation as CellValue[][] }
          : null,
      settings: settingsCondition(args, request.options),
    };
  } catch (error) {
    // A model the function refuses: the spill shows its error, and the copy keeps that value.
    if (error instanceof ProblemError) return null;
    throw error;
  }
}

/**
 * The label columns the templates keep beside the ranges SIMULATE_ROI reads: each ROI line
 * table's labels beside its three points, the Stress sheet's one column of labels beside its
 * benefits and costs.
 */
const LABELS_BESIDE: Readonly<Record<string, string>> = {
  [ROI_LINE_NAMES.benefits.threePoint.toLowerCase()]: ROI_LINE_NAMES.benefits.labels,
  [ROI_LINE_NAMES.costs.threePoint.toLowerCase()]: ROI_LINE_NAMES.costs.labels,
  [STRESS_NAMES.benefits.toLowerCase()]: STRESS_NAMES.labels,
  [STRESS_NAMES.costs.toLowerCase()]: STRESS_NAMES.labels,
};

/**
 * Where row `row` (1-based) of the range named `range` has its label: the cell of its label
 * column on the same worksheet row, as a name and a row in it, with the text it holds ("" when
 * blank). Null when the range has no known label column or the column does not reach that row
 * (a range of the user's own).
 */
function labelOf(
  range: string,
  row: number,
  names: Names,
  lookup: ValueLookup,
): { name: string; row: number; text: string } | null {
  const labels = LABELS_BESIDE[range.toLowerCase()];
  const at = names.get(range.toLowerCase());
  const column = labels === undefined ? undefined : names.get(labels.toLowerCase());
  if (!at || !column || column.sheet !== at.sheet || column.left !== column.right) return null;
  const sheetRow = at.top + row - 1;
  if (sheetRow < column.top || sheetRow > column.bottom) return null;
  return {
    name: labels,
    row: sheetRow - column.top + 1,
    text: asText(lookup(column.sheet, sheetRow, column.left)),
  };
}

/** A cell's value as `value&""` reads it: "" when blank, TRUE rather than true. */
function asText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

// ---- the trials sheet ----------------------------------------------------------------------------

/** Rows of the trials sheet (1-based, as the formulas write them). */
const ROW = {
  title: 1,
  how: 2,
  stored: 3,
  line: 5,
  low: 6,
  base: 7,
  high: 8,
  shape: 9,
  range: 10,
  split: 11,
  alpha: 12,
  beta: 13,
  check: 14,
  header: 15,
  first: 16,
} as const;

/**
 * The native inverse distribution of one sample: `p` is its line's parameter column, `u` its
 * uniform cell. A line with no range (low = high) gives its base in every branch: R·anything = 0,
 * and the triangular split is then 0, so u < split never holds. A line its check refuses gives
 * #N/A, so no statistic over the trials is a number.
 */
export function sampleFormula(p: string, u: string): string {
  const [low, base, high, shape, alpha, beta, range, split, check] = [
    ROW.low,
    ROW.base,
    ROW.high,
    ROW.shape,
    ROW.alpha,
    ROW.beta,
    ROW.range,
    ROW.split,
    ROW.check,
  ].map((row) => `${p}$${row}`);
  // BETA.INV rejects a probability of exactly 0 (odds of 2^-32 per draw): the floor gives L.
  const pert = `${low}+${range}*_xlfn.BETA.INV(MAX(${u},1E-300),${alpha},${beta})`;
  const triangular = `IF(${u}<${split},${low}+SQRT(${u}*${range}*(${base}-${low})),${high}-SQRT((1-${u})*${range}*(${high}-${base})))`;
  return `=IF(${check}<>"",NA(),IF(${shape}="PERT",${pert},IF(${shape}="Triangular",${triangular},IF(${shape}="Uniform",${low}+${range}*${u},NA()))))`;
}

/** What a line's check says of it: a refusal's words, in the copy's language. */
interface CheckWords {
  readonly checkNumbers: string;
  readonly checkOrder: string;
  readonly checkNegative: string;
  readonly checkShape: string;
  readonly checkCostLows: string;
}

/**
 * A line's check, in its parameter column `p`: blank when GENAI.SIMULATE_ROI would simulate the
 * line, else why not, in the order the add-in checks (numbers, low ≤ base ≤ high, a cost not
 * below 0, a known distribution, and for a cost the cost lines' lows adding up to more than 0,
 * `costLows` their row's range, so that every trial has a cost to divide ROI by). The copy
 * refuses what the add-in refuses rather than compute figures for it.
 */
export function checkFormula(p: string, words: CheckWords, costLows: string | null = null): string {
  const [low, base, high, shape] = [ROW.low, ROW.base, ROW.high, ROW.shape].map((row) => `${p}$${row}`);
  const shapes = LINE_DISTRIBUTIONS.map((d) => `${shape}="${d}"`).join(",");
  const total = costLows ? `IF(SUM(${costLows})>0,"",${textLiteral(words.checkCostLows)})` : `""`;
  const known = `IF(OR(${shapes}),${total},${textLiteral(words.checkShape)})`;
  const sign = costLows ? `IF(${low}<0,${textLiteral(words.checkNegative)},${known})` : known;
  return (
    `=IF(AND(ISNUMBER(${low}),ISNUMBER(${base}),ISNUMBER(${high})),` +
    `IF(AND(${low}<=${base},${base}<=${high}),${sign},${textLiteral(words.checkOrder)}),` +
    `${textLiteral(words.checkNumbers)})`
  );
}

/**
 * The native formula of each reported statistic over the trials' ROI, by the spill's label; #N/A
 * while `settings` (see `Reproduced.settings`) is false, since the stored trials were drawn with
 * other trials, seed or sampling than the sheet then asks for.
 */
function statisticFormula(label: string, roi: string, settings: string | null): string | null {
  const body = statisticOf(label, roi);
  if (body === null) return null;
  return settings ? `=IF(${settings},${body},NA())` : `=${body}`;
}

function statisticOf(label: string, roi: string): string | null {
  if (label === "Mean") return `AVERAGE(${roi})`;
  // COUNT skips errors: a trial without a number (a refused line, no cost to divide by) would
  // leave a share of the others, so the share is #N/A unless every trial has its ROI.
  if (label === "P(ROI<0)") return `IF(COUNT(${roi})<ROWS(${roi}),NA(),COUNTIF(${roi},"<0")/ROWS(${roi}))`;
  const p = /^P(\d{1,2})$/.exec(label);
  return p ? `_xlfn.PERCENTILE.INC(${roi},${Number(p[1]) / 100})` : null;
}

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (all, key: string) => (key in values ? String(values[key]) : all));
}

function uniqueSheetName(
  plans: readonly SheetPlan[],
  wanted: string,
  reserved: readonly string[] = [],
): string {
  const taken = new Set([...plans.map((p) => p.sheet), ...reserved].map((n) => n.toLowerCase()));
  if (!taken.has(wanted.toLowerCase())) return wanted;
  for (let i = 2; ; i++) if (!taken.has(`${wanted} (${i})`.toLowerCase())) return `${wanted} (${i})`;
}

interface Built {
  readonly plan: SheetPlan;
  readonly values: Map<string, CellValue>;
  readonly roiRange: string;
  readonly summary: ReturnType<RoiSimulation["summary"]>;
}

/** The trials sheet of one spill, and the cached values of its formulas (the engine's own). */
function trialsSheet(source: SheetPlan, sheet: string, model: Reproduced, stored: number): Built {
  const t = bundleFor(source.locale).notes.trials;
  const b = new SheetBuilder(source.template, source.version, sheet, source.locale, source.currency);
  const k = model.lines.length;
  const options = { ...model.options, trials: stored };
  const uniforms = simulationUniforms(k, options);
  const simulation = new RoiSimulation(
    { benefits: model.items.slice(0, model.benefitCount), costs: model.items.slice(model.benefitCount) },
    options,
  );
  simulation.run();
  const roi = simulation.results();
  const values = new Map<string, CellValue>();
  const sampleColumn = (j: number): number => 2 + j;
  const uniformColumn = (j: number): number => 2 + k + j;
  const letter = (column: number): string => columnLetters(column);
  const sampling = [
    model.options.sampling === "MC" ? t.monteCarlo : t.latinHypercube,
    ...(model.options.correlation ? [t.correlated] : []),
  ].join(", ");
  const lineNumber = (j: number): string => {
    const line = model.lines[j];
    const words = bundleFor(source.locale).stress;
    return `${line.kind === "benefit" ? words.benefit : words.cost} ${line.row}`;
  };
  // A heading's value as its formula reads it now (the formula's cached value).
  const headingText = (j: number): string => {
    const label = model.lines[j].label;
    return label && label.text !== "" ? label.text : lineNumber(j);
  };
  model.lines.forEach((line, j) => {
    if (!line.label) return;
    values.set(`${ROW.line - 1},${sampleColumn(j)}`, headingText(j));
    values.set(`${ROW.header - 1},${sampleColumn(j)}`, headingText(j));
    values.set(`${ROW.header - 1},${uniformColumn(j)}`, fill(t.uniform, { line: headingText(j) }));
  });
  // A line's heading, `template` filled with its label in the model, live (a line renamed in the
  // copy is renamed here), or with its number where it has no label (a blank label, a range of
  // the user's own).
  const lineHeading = (j: number, template = "{line}"): PlanCell => {
    const label = model.lines[j].label;
    if (!label) return fill(template, { line: lineNumber(j) });
    const cell = `INDEX(${label.name},${label.row})`;
    const [before, after] = template.split("{line}");
    const parts = [
      ...(before ? [textLiteral(before)] : []),
      `IF(${cell}="",${textLiteral(lineNumber(j))},${cell}&"")`,
      ...(after ? [textLiteral(after)] : []),
    ];
    return native(`=${parts.join("&")}`);
  };

  b.write(`A${ROW.title}`, [
    [fill(t.title, { sheet: source.sheet })],
    [fill(t.how, { seed: model.options.seed, sampling, sheet: source.sheet })],
    [
      model.options.trials > stored
        ? fill(t.storedFewer, {
            trials: model.options.trials.toLocaleString("en-US"),
            stored: stored.toLocaleString("en-US"),
          })
        : fill(t.storedAll, { stored: stored.toLocaleString("en-US") }),
    ],
  ]);
  b.style(`A${ROW.title}`, "title").style(`A${ROW.how}:A${ROW.stored}`, "note");

  // Parameters, one column per line above its samples: low, base, high, shape, PERT's α and β.
  const parameters: PlanCell[][] = [
    [t.lineItem, null, ...model.lines.map((_, j) => lineHeading(j))],
    ...(["low", "base", "high"] as const).map((what, c): PlanCell[] => [
      t[what],
      null,
      ...model.lines.map((line): PlanCell => native(`=INDEX(${line.name},${line.row},${c + 1})`)),
    ]),
    [
      t.shape,
      null,
      ...model.lines.map((line): PlanCell =>
        native(
          line.columns === 4
            ? `=TRIM(IF(INDEX(${line.name},${line.row},4)="",${model.distribution},INDEX(${line.name},${line.row},4)))`
            : `=TRIM(${model.distribution})`,
        ),
      ),
    ],
    ...(
      [
        [t.range, (p) => `=${p}${ROW.high}-${p}${ROW.low}`],
        [t.split, (p) => `=IF(${p}${ROW.range}>0,(${p}${ROW.base}-${p}${ROW.low})/${p}${ROW.range},0)`],
        [t.alpha, (p) => `=IF(${p}${ROW.range}>0,1+4*(${p}${ROW.base}-${p}${ROW.low})/${p}${ROW.range},1)`],
        [t.beta, (p) => `=IF(${p}${ROW.range}>0,1+4*(${p}${ROW.high}-${p}${ROW.base})/${p}${ROW.range},1)`],
      ] as const satisfies readonly (readonly [string, (p: string) => string])[]
    ).map(([label, formula]): PlanCell[] => [
      label,
      null,
      ...model.lines.map((_, j): PlanCell => native(formula(letter(sampleColumn(j))))),
    ]),
    [
      t.check,
      null,
      ...model.lines.map((line, j): PlanCell =>
        native(
          checkFormula(
            letter(sampleColumn(j)),
            t,
            line.kind === "cost"
              ? `$${letter(sampleColumn(model.benefitCount))}$${ROW.low}:$${letter(sampleColumn(k - 1))}$${ROW.low}`
              : null,
          ),
        ),
      ),
    ],
  ];
  b.write(`A${ROW.line}`, parameters);
  b.style(`A${ROW.line}:A${ROW.check}`, "header").style(
    rangeAddress({ top: ROW.line - 1, left: 2, bottom: ROW.check - 1, right: 1 + k }),
    "formula",
  );
  b.format(rangeAddress({ top: ROW.low - 1, left: 2, bottom: ROW.high - 1, right: 1 + k }), "currency");
  b.format(rangeAddress({ top: ROW.range - 1, left: 2, bottom: ROW.range - 1, right: 1 + k }), "currency");
  b.format(rangeAddress({ top: ROW.split - 1, left: 2, bottom: ROW.beta - 1, right: 1 + k }), "decimal");
  model.items.forEach((item, j) => {
    const column = sampleColumn(j);
    values.set(`${ROW.low - 1},${column}`, item.low);
    values.set(`${ROW.base - 1},${column}`, item.base);
    values.set(`${ROW.high - 1},${column}`, item.high);
    values.set(`${ROW.shape - 1},${column}`, item.distribution ?? model.defaultDistribution);
    const range = item.high - item.low;
    values.set(`${ROW.range - 1},${column}`, range);
    values.set(`${ROW.split - 1},${column}`, range > 0 ? (item.base - item.low) / range : 0);
    values.set(`${ROW.alpha - 1},${column}`, range > 0 ? 1 + (4 * (item.base - item.low)) / range : 1);
    values.set(`${ROW.beta - 1},${column}`, range > 0 ? 1 + (4 * (item.high - item.base)) / range : 1);
    // The model simulated: every line passes its check.
    values.set(`${ROW.check - 1},${column}`, "");
  });

  // The trials: number, ROI, each line's sample, then each line's stored uniform.
  const benefitsTo = letter(sampleColumn(model.benefitCount - 1));
  const costsFrom = letter(sampleColumn(model.benefitCount));
  const costsTo = letter(sampleColumn(k - 1));
  const tables = model.items.map((item) =>
    cachedQuantileTable(item, item.distribution ?? model.defaultDistribution),
  );
  const rows: PlanCell[][] = [
    [
      t.trial,
      t.roi,
      ...model.lines.map((_, j) => lineHeading(j)),
      ...model.lines.map((_, j) => lineHeading(j, t.uniform)),
    ],
  ];
  // Each line's formula split at its uniform cell's reference, so a trial only joins the row in.
  const marker = "\u0000";
  const samples = model.lines.map((_, j) =>
    sampleFormula(letter(sampleColumn(j)), `${letter(uniformColumn(j))}${marker}`).split(marker),
  );
  for (let i = 0; i < stored; i++) {
    const row = ROW.first + i;
    const costs = `SUM(${costsFrom}${row}:${costsTo}${row})`;
    rows.push([
      i + 1,
      native(`=(SUM(C${row}:${benefitsTo}${row})-${costs})/${costs}`),
      ...samples.map((parts) => native(parts.join(String(row)))),
      ...model.lines.map((_, j) => uniforms[j][i]),
    ]);
    values.set(`${row - 1},1`, roi[i]);
    for (let j = 0; j < k; j++)
      values.set(`${row - 1},${sampleColumn(j)}`, sampleTable(tables[j], uniforms[j][i]));
  }
  b.write(`A${ROW.header}`, rows);
  const last = ROW.first + stored - 1;
  b.style(rangeAddress({ top: ROW.header - 1, left: 0, bottom: ROW.header - 1, right: 1 + 2 * k }), "header");
  // The trial rows keep the default style: a style on each of their cells would double the
  // time ExcelJS takes to write the copy.
  b.width("A", 16);
  b.freeze(ROW.header, 2);
  return {
    plan: b.build(),
    values,
    roiRange: `${sheetPrefix(sheet)}$B$${ROW.first}:$B$${last}`,
    summary: simulation.summary(),
  };
}

/** A text as a formula's string literal (its quotes doubled). */
function textLiteral(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** A formula that is the same in both dialects of the copy (the copy writes only the portable one). */
function native(formula: string): PlanFormula {
  return { live: null, portable: formula };
}

// ---- the matrix's status in the copy -------------------------------------------------------------

/** A plan with some cells replaced, by zero-based "row,column". */
function withCells(plan: SheetPlan, cells: ReadonlyMap<string, PlanCell>): SheetPlan {
  return {
    ...plan,
    blocks: plan.blocks.map((block) => {
      const origin = parseCell(block.at);
      let changed = false;
      const rows = block.cells.map((row, r) =>
        row.map((cell, c) => {
          const put = cells.get(`${origin.row + r},${origin.column + c}`);
          if (put === undefined) return cell;
          changed = true;
          return put;
        }),
      );
      return changed ? { at: block.at, cells: rows } : block;
    }),
  };
}

/** The plan's cell at a zero-based position, or undefined. */
function cellOf(plan: SheetPlan, row: number, column: number): PlanCell | undefined {
  for (const block of plan.blocks) {
    const origin = parseCell(block.at);
    const cell = block.cells[row - origin.row]?.[column - origin.column];
    if (cell !== undefined) return cell;
  }
  return undefined;
}

/**
 * The Stress sheet's rank-correlation block as the copy computes it. In the add-in the block's
 * status, its 1/0 and the matrix in use decide how the next run correlates the lines; in the copy
 * the trials are stored, drawn with the matrix in use when the copy was made (or independent), and
 * nothing the copy's user types changes that. So the copy's matrix in use and its 1/0 are the
 * values the trials were drawn with, and its status says so: drawn with the matrix and the lines
 * still those it was written for; drawn with it, but the lines changed since and the stored
 * correlation follows their positions as exported; or drawn independent. The "still the same
 * lines" test is the block's own (its 1/0's formula: the count and each row's label). The names
 * are the template's: a block it does not find is left as it is.
 */
function correlationInCopy(
  plan: SheetPlan,
  model: Reproduced,
  trialsSheet: string,
): { cells: Map<string, PlanCell>; values: Map<string, CellValue> } | null {
  const where = (name: string) => {
    const found = plan.names.find((n) => n.name.toLowerCase() === name.toLowerCase());
    return found ? parseRange(found.range) : null;
  };
  const inUse = where(STRESS_NAMES.correlationInUse);
  const status = where(STRESS_NAMES.correlationStatus);
  const applied = where(STRESS_NAMES.correlationApplied);
  if (!inUse || !status || !applied) return null;
  if (
    model.correlation &&
    model.correlation.name.toLowerCase() !== STRESS_NAMES.correlationInUse.toLowerCase()
  )
    return null;
  const rule = cellOf(plan, applied.top, applied.left);
  const unchanged = rule !== undefined && isFormula(rule) ? rule.portable : null;
  if (!unchanged) return null;
  const t = bundleFor(plan.locale).notes.trials;
  const drawn = model.options.correlation !== null;
  const cells = new Map<string, PlanCell>();
  const values = new Map<string, CellValue>();
  const put = (row: number, column: number, cell: PlanCell, value: CellValue): void => {
    cells.set(`${row},${column}`, cell);
    values.set(`${row},${column}`, value);
  };
  for (let i = 0; i <= inUse.bottom - inUse.top; i++)
    for (let j = 0; j <= inUse.right - inUse.left; j++) {
      const v = drawn ? (model.correlation?.cells[i]?.[j] ?? null) : null;
      put(inUse.top + i, inUse.left + j, v === "" ? null : v, v);
    }
  put(applied.top, applied.left, drawn ? 1 : 0, drawn ? 1 : 0);
  const words = (text: string): string => fill(text, { sheet: trialsSheet });
  if (drawn)
    put(
      status.top,
      status.left,
      native(
        `=IF(${unchanged.replace(/^=/, "")}=1,"${words(t.correlationKept)}","${words(t.correlationMoved)}")`,
      ),
      words(t.correlationKept),
    );
  else put(status.top, status.left, words(t.correlationNotDrawn), words(t.correlationNotDrawn));
  return { cells, values };
}

// ---- the whole transformation --------------------------------------------------------------------

/**
 * The plans with every readable SIMULATE_ROI spill made live: a trials sheet per spill after the
 * plans, and the spill's statistics as native formulas over it; and a lookup that gives every new
 * formula its cached value (the engine's, for the trials stored).
 */
export function withLiveSimulations(
  plans: readonly SheetPlan[],
  lookup: ValueLookup,
  options: LiveSimulationOptions = {},
): { plans: SheetPlan[]; lookup: ValueLookup; simulations: LiveSimulation[] } {
  const limit = Math.max(1, Math.floor(options.storedTrials ?? STORED_TRIALS));
  const names = namesOf(plans);
  const out = [...plans];
  const added: SheetPlan[] = [];
  const overrides = new Map<string, Map<string, CellValue>>();
  const simulations: LiveSimulation[] = [];
  for (const spill of spillsOf(plans)) {
    const model = reproduce(spill.live, names, lookup);
    if (!model) continue;
    const stored = Math.min(model.options.trials, limit);
    const sheet = uniqueSheetName([...out, ...added], TRIALS_SHEET, options.reserved);
    const built = trialsSheet(spill.plan, sheet, model, stored);
    added.push(built.plan);
    overrides.set(sheet.toLowerCase(), built.values);

    // The spill's cells: labels stay as text, each statistic's value becomes its native formula.
    const planIndex = out.findIndex((p) => p.sheet === spill.plan.sheet);
    const current = out[planIndex];
    const block = current.blocks[spill.blockIndex];
    const origin = parseCell(block.at);
    const cells = block.cells.map((row) => [...row]);
    const own = overrides.get(current.sheet.toLowerCase()) ?? new Map<string, CellValue>();
    SIMULATION_STATISTICS.forEach((statistic, i) => {
      const r = spill.r + i;
      if (r >= cells.length) return;
      if (i > 0 && !inSpill(cells[r][spill.c])) return;
      const value = statisticFormula(statistic.label, built.roiRange, model.settings);
      if (value === null || !inSpill(cells[r][spill.c + 1])) return;
      cells[r][spill.c] = lookup(current.sheet, origin.row + r, origin.column + spill.c) ?? statistic.label;
      cells[r][spill.c + 1] = native(value);
      own.set(`${origin.row + r},${origin.column + spill.c + 1}`, statistic.of(built.summary));
    });
    const blocks: Block[] = current.blocks.map((x, i) => (i === spill.blockIndex ? { at: x.at, cells } : x));
    const matrix = correlationInCopy(current, model, sheet);
    for (const [key, value] of matrix?.values ?? []) own.set(key, value);
    overrides.set(current.sheet.toLowerCase(), own);
    out[planIndex] = matrix ? withCells({ ...current, blocks }, matrix.cells) : { ...current, blocks };
    const t = bundleFor(current.locale).notes.trials;
    const count = (n: number): string => n.toLocaleString("en-US");
    simulations.push({
      sheet: current.sheet,
      anchor: cellAddress(origin.row + spill.r, origin.column + spill.c),
      note:
        fill(t.statistics, {
          sheet,
          seed: model.options.seed,
          count:
            stored < model.options.trials
              ? fill(t.countFewer, { stored: count(stored), trials: count(model.options.trials) })
              : count(stored),
        }) + (model.settings ? ` ${t.settingsGuard}` : ""),
      trialsSheet: sheet,
      trials: model.options.trials,
      stored,
      roiRange: built.roiRange,
      formulas: rangeAddress({
        top: ROW.first - 1,
        left: 1,
        bottom: ROW.first + stored - 2,
        right: 1 + model.lines.length,
      }),
    });
  }
  const read: ValueLookup = (sheet, row, column) => {
    const own = overrides.get(sheet.toLowerCase())?.get(`${row},${column}`);
    return own !== undefined ? own : lookup(sheet, row, column);
  };
  return { plans: [...out, ...added], lookup: read, simulations };
}

/** Puts a note on a cell (a function: the Office lint rules take a cell variable for Office.js). */
function annotate(cell: Cell, note: string): void {
  cell.note = note;
}

/** A formula cell as a clone of `master`'s shared formula, its cached result kept. */
function share(cell: Cell, master: string): void {
  const result = (cell.value as { result?: unknown } | null)?.result;
  cell.value = { sharedFormula: master, result } as ExcelValue;
}

/**
 * Notes each live spill's first cell with where its statistics come from, and writes each trials
 * sheet's formulas as shared formulas: the first trial's cell holds the text,
 * every later trial's cell refers to it (`<f t="shared" si="…"/>`), which Excel and LibreOffice
 * read as the same formula moved down. A sample's formula is about 200 characters: shared, its
 * text is written once per line, not once per trial.
 */
export function finishLiveSimulations(workbook: Workbook, simulations: readonly LiveSimulation[]): void {
  for (const simulation of simulations) {
    const spill = workbook.getWorksheet(simulation.sheet);
    if (spill) annotate(spill.getCell(simulation.anchor), simulation.note);
    const ws = workbook.getWorksheet(simulation.trialsSheet);
    if (!ws) continue;
    const range = parseRange(simulation.formulas);
    for (let column = range.left; column <= range.right; column++) {
      const master = cellAddress(range.top, column);
      for (let row = range.top + 1; row <= range.bottom; row++)
        share(ws.getCell(row + 1, column + 1), master);
    }
  }
}
