/**
 * The pane's "Add line": one benefit or cost line of the user's own, added to the ROI sheet's
 * Benefits or Costs table through the WorkbookHost, the same in Excel and in memory. The line goes
 * into the table's first empty row (a row whose Line and Amount are both blank, such as a blank
 * model's), or else is appended at the end of the table (appendTableRows), where the table's
 * calculated columns fill it and every range and name over the table grows: the totals, the
 * schedule, the financial summary and the outputs count it at once.
 *
 * A Stress sheet linked to the ROI sheet finds each line by its position and reads the tables
 * themselves for its simulation and tornado; its line table needs only as many rows as there are
 * lines, and `keepStressInStep` appends the rows it lacks (all formulas, nothing of the user's).
 * A Stress sheet that names fixed rows (one standing alone, or built by an older layout) holds
 * one row per line as it was when it was built, so a line added later reaches it only when it is
 * rebuilt: `stressLineGap` tells the pane so, for lines the pane added and lines typed in Excel alike.
 */
import type { CellValue, CellWrite, WorkbookHost } from "../../host/workbook-host";
import { bundleFor } from "../../i18n/bundles";
import type { Locale } from "../../i18n/locale";
import { columnLetters, parseRange } from "../../shared/a1";
import { ROI_LINE_NAMES, ROI_SHEET, ROI_TABLES } from "../../templates/roi";
import { COL } from "../../templates/roi-lines";
import { STRESS_NAMES, STRESS_TABLE } from "../../templates/stress";
import { defaultLineFormulas } from "./portfolio-lines";
import { STRESS_STEP_NAMES, stressRowsShort } from "./summary";

export type LineKind = "benefit" | "cost";

export interface NewLine {
  readonly kind: LineKind;
  /** The user's label. */
  readonly label: string;
  /** Annual value (benefit) or amount (cost); blank when left out, for the user to type. */
  readonly amount?: number | null;
}

export interface AddedLine {
  readonly table: (typeof ROI_TABLES)[keyof typeof ROI_TABLES];
  /** Zero-based row of the table body the line went into. */
  readonly row: number;
  /** Whether the table grew (appended) rather than a blank row being filled. */
  readonly appended: boolean;
}

export class LineAddError extends Error {}

const TABLES = {
  benefit: { table: ROI_TABLES.benefits, labels: ROI_LINE_NAMES.benefits.labels },
  cost: { table: ROI_TABLES.costs, labels: ROI_LINE_NAMES.costs.labels },
} as const;

const blank = (v: CellValue | undefined): boolean => v === null || v === undefined || v === "";

/**
 * The new line's inputs, columns A..L: label, dimension or category, no use case or department,
 * the default low, the amount, the default high, the timing or kind, no start or months, the
 * default risk, no basis. A benefit follows the company-wide adoption; a cost recurs per year.
 */
export function newLineRow(line: NewLine, locale: Locale): CellValue[] {
  const L = bundleFor(locale).roi;
  const [low, high, risk] = defaultLineFormulas(line.kind);
  const isBenefit = line.kind === "benefit";
  return [
    line.label,
    isBenefit ? L.efficiency : L.catPlatform,
    null,
    null,
    low,
    line.amount ?? null,
    high,
    isBenefit ? "Company" : "Recurring",
    null,
    null,
    risk,
    null,
  ];
}

/** Adds one line to the Benefits or Costs table of the ROI sheet. */
export async function addLine(host: WorkbookHost, line: NewLine, locale: Locale): Promise<AddedLine> {
  const label = line.label.trim();
  if (label === "") throw new LineAddError("A line needs a label.");
  const { table, labels } = TABLES[line.kind];
  const at = (await host.locateNames([labels]))[labels];
  if (!at) throw new LineAddError("Build the ROI sheet first.");
  const body = parseRange(at.address);
  const first = columnLetters(COL.label);
  const amountColumn = columnLetters(COL.base);
  const rows = await host.readRange(at.sheet, `${first}${body.top + 1}:${amountColumn}${body.bottom + 1}`);
  const row = newLineRow({ ...line, label }, locale);
  const empty = rows.findIndex((r) => blank(r[COL.label]) && blank(r[COL.base]));
  if (empty >= 0) {
    // The empty row already holds the calculated columns and the default low, high and risk:
    // write only the inputs, as values (a formula the user typed there stays).
    const sheetRow = body.top + empty + 1;
    const inputs = [COL.label, COL.group, COL.base, COL.kind].filter((c) => row[c] !== null);
    const writes: CellWrite[] = inputs.map((c) => ({
      sheet: at.sheet,
      address: `${columnLetters(c)}${sheetRow}`,
      values: [[row[c]]],
    }));
    await host.writeCells(writes);
    return { table, row: empty, appended: false };
  }
  await host.appendTableRows(ROI_SHEET, table, [row]);
  return { table, row: rows.length, appended: true };
}

export interface StressLineGap {
  /** Lines per table now. */
  readonly benefits: number;
  readonly costs: number;
  /** Lines per table the Stress sheet was built for. */
  readonly stressBenefits: number;
  readonly stressCosts: number;
}

/**
 * Whether the Stress sheet's lines (one row per table row at build time) differ from the ROI
 * tables' rows now: then its scenarios, simulation and tornado miss or misplace lines until the
 * Stress sheet is rebuilt. Null when they agree or either sheet is missing.
 */
export async function stressLineGap(host: WorkbookHost): Promise<StressLineGap | null> {
  const v = await host.readNames([
    ROI_LINE_NAMES.benefits.labels,
    ROI_LINE_NAMES.costs.labels,
    STRESS_NAMES.benefits,
    STRESS_NAMES.costs,
    STRESS_NAMES.tornado,
  ]);
  const b = v[ROI_LINE_NAMES.benefits.labels];
  const c = v[ROI_LINE_NAMES.costs.labels];
  const sb = v[STRESS_NAMES.benefits];
  const sc = v[STRESS_NAMES.costs];
  // A linked Stress sheet (its tornado columns named) follows the tables: keepStressInStep.
  if (!b || !c || !sb || !sc || v[STRESS_NAMES.tornado]) return null;
  if (b.length === sb.length && c.length === sc.length) return null;
  return { benefits: b.length, costs: c.length, stressBenefits: sb.length, stressCosts: sc.length };
}

/** The last keepStressInStep of each workbook: calls run one after another. */
const inStep = new WeakMap<WorkbookHost, Promise<number>>();

/**
 * Appends to a linked Stress sheet's line table the rows it lacks for the ROI tables' lines, so
 * its scenarios and tornado cover every line (its rows hold only formulas, the same on every row:
 * the appended rows take them). Resolves with the rows appended. Calls for one workbook (the Add
 * line card, each Summary that sees the tables grow) run one at a time, each reading the rows
 * afresh, so two never append the same rows.
 */
export function keepStressInStep(host: WorkbookHost): Promise<number> {
  const next = (inStep.get(host) ?? Promise.resolve(0)).catch(() => 0).then(() => appendMissing(host));
  inStep.set(host, next);
  return next;
}

async function appendMissing(host: WorkbookHost): Promise<number> {
  const short = stressRowsShort(await host.readNames(STRESS_STEP_NAMES));
  if (!short) return 0;
  const at = (await host.locateNames([STRESS_NAMES.labels]))[STRESS_NAMES.labels];
  if (!at) return 0;
  await host.appendTableRows(
    at.sheet,
    STRESS_TABLE,
    Array.from({ length: short }, () => []),
  );
  return short;
}
