/**
 * The preview grid's view model: a read-only, serialisable picture of one sheet: each
 * cell's computed value, its formula as written, its semantic format and style, whether the user
 * may edit it and under which rule, plus the sheet's charts with their series resolved to numbers
 * and labels. Built from what the in-memory workbook tells of the sheet (its SheetReading), in
 * the preview's worker, so only plain data crosses to the page.
 */
import { parseRange, type RangeRef } from "../shared/a1";
import { planExtent } from "../templates/cells";
import type {
  CellStyle,
  ChartKind,
  ConditionalFormatPlan,
  Dialect,
  SemanticFormat,
  SheetPlan,
  TemplateId,
  ValidationRule,
} from "../templates/plan";
import type { Locale } from "../i18n/locale";
import { LOOKS } from "../templates/theme";
import { tableLabelCells } from "../host/plan-rows";
import type { RowWindow, SheetReading } from "../host/sheet-reading";
import type { CellValue } from "../host/workbook-host";

export type { RowWindow };

export interface CellView {
  /** Computed value; errors as Excel shows them ("#N/A"). */
  readonly value: CellValue;
  /** The formula as written, e.g. "=GENAI.ROI(B21:B23,B25:B28)". */
  readonly formula?: string;
  /** Why the cell shows an error, when the engine says. */
  readonly error?: string;
  readonly format?: SemanticFormat;
  readonly style?: CellStyle;
  /** The user may edit it (an input of the template). */
  readonly input: boolean;
  /** A line's label in a table: the user may rename it (text). */
  readonly label?: boolean;
  readonly validation?: { readonly rule: ValidationRule; readonly message: string };
}

export interface ChartSeriesView {
  readonly name: string;
  /** Category labels or x values. */
  readonly x?: readonly (number | string | null)[];
  readonly y: readonly (number | null)[];
  readonly size?: readonly (number | null)[];
}

export interface ChartView {
  readonly kind: ChartKind;
  readonly title: string;
  readonly xTitle?: string;
  readonly yTitle?: string;
  readonly anchor: { readonly from: string; readonly to: string };
  readonly series: readonly ChartSeriesView[];
}

/** Rows holding a cell whose style has a larger font, with the largest size (points). */
export type FontRows = readonly { readonly row: number; readonly sizePt: number }[];

export interface SheetView {
  readonly name: string;
  /** Set when a template built the sheet. */
  readonly template: TemplateId | null;
  readonly version: number | null;
  readonly dialect: Dialect | null;
  readonly currency: string | null;
  readonly locale: Locale | null;
  /** The used range from A1: rows × columns of `cells`. */
  readonly rows: number;
  readonly columns: number;
  /**
   * Row-major; null for a blank cell with no format or style. A view of some rows only (see
   * `window`) has an empty array for every row it does not carry.
   */
  readonly cells: readonly (readonly (CellView | null)[])[];
  /**
   * The rows whose cells the view carries besides the frozen ones (zero-based, inclusive), or
   * null when it carries every row. The preview's grid asks for the rows in view: a 5,000-row
   * sheet is 100,000 cells, and copying them all to the page after every edit froze it.
   */
  readonly window: RowWindow | null;
  /** Rows holding a cell whose style has a larger font (titles), for every row of the sheet. */
  readonly fontRows: FontRows;
  readonly columnWidths: readonly { readonly column: string; readonly width: number }[];
  readonly freeze: { readonly rows: number; readonly columns: number } | null;
  readonly tables: readonly { readonly name: string; readonly range: string }[];
  readonly conditionalFormats: readonly ConditionalFormatPlan[];
  readonly charts: readonly ChartView[];
}

/**
 * Ranges of a plan painted cell by cell over the rows `wanted` says, within `limit`: later entries
 * win, as later writes do in Excel.
 */
function paint<T>(
  entries: readonly { range: string; value: T }[],
  limit: RangeRef,
  wanted: (row: number) => boolean,
): Map<string, T> {
  const out = new Map<string, T>();
  for (const { range, value } of entries) {
    const r = parseRange(range);
    for (let row = Math.max(r.top, limit.top); row <= Math.min(r.bottom, limit.bottom); row++) {
      if (!wanted(row)) continue;
      for (let column = r.left; column <= Math.min(r.right, limit.right); column++)
        out.set(`${row},${column}`, value);
    }
  }
  return out;
}

/**
 * Each plan's larger-font rows by the sheet's extent ("rows,columns"). A view of any window
 * carries them for the whole sheet, and painting every style of a 5,000-row sheet to find them
 * took a good part of each view after an edit; they change only with the plan (a plan is never
 * changed in place: a table row operation or a format makes a new one).
 */
const fontRowsByPlan = new WeakMap<SheetPlan, Map<string, FontRows>>();

/** largerFontRows, kept per plan and sheet extent. */
function keptFontRows(plan: SheetPlan | null, limit: RangeRef): FontRows {
  if (!plan) return [];
  const key = `${limit.bottom},${limit.right}`;
  let kept = fontRowsByPlan.get(plan);
  if (!kept) fontRowsByPlan.set(plan, (kept = new Map<string, FontRows>()));
  let rows = kept.get(key);
  if (!rows) kept.set(key, (rows = largerFontRows(plan, limit)));
  return rows;
}

/** The rows whose styles set a larger font, with the largest size in each (later styles win per cell). */
function largerFontRows(plan: SheetPlan, limit: RangeRef): { row: number; sizePt: number }[] {
  // Only the styled cells of rows that have a sized style at all are painted.
  const rows = new Set<number>();
  for (const s of plan.styles) {
    if (!LOOKS[s.style].size) continue;
    const r = parseRange(s.range);
    for (let row = r.top; row <= Math.min(r.bottom, limit.bottom); row++) rows.add(row);
  }
  if (rows.size === 0) return [];
  const styles = paint(
    plan.styles.map((s) => ({ range: s.range, value: s.style })),
    limit,
    (row) => rows.has(row),
  );
  const sizes = new Map<number, number>();
  for (const [key, style] of styles) {
    const size = LOOKS[style].size;
    const row = Number(key.slice(0, key.indexOf(",")));
    if (size && size > (sizes.get(row) ?? 0)) sizes.set(row, size);
  }
  return [...sizes].sort((a, b) => a[0] - b[0]).map(([row, sizePt]) => ({ row, sizePt }));
}

const flat = (values: CellValue[][] | null): CellValue[] => values?.flat() ?? [];

const numbers = (values: CellValue[][] | null): (number | null)[] =>
  flat(values).map((v) => (typeof v === "number" ? v : null));

const labels = (values: CellValue[][] | null): (number | string | null)[] =>
  flat(values).map((v) =>
    typeof v === "number" || typeof v === "string" ? v : v === null ? null : String(v),
  );

/**
 * A chart's series read from one range as Excel reads it by rows: the first row names the
 * categories, each later row is a series named by its first cell. A row with no name and no
 * number is left out, as an empty row plots nothing.
 */
function seriesByRows(values: CellValue[][] | null): ChartSeriesView[] {
  if (!values || values.length < 2) return [];
  const x = labels([values[0].slice(1)]);
  return values
    .slice(1)
    .map((row) => ({ name: row[0] === null ? "" : String(row[0]), x, y: numbers([row.slice(1)]) }))
    .filter((s) => s.name !== "" || s.y.some((v) => v !== null));
}

/** The sheet's size in rows and columns: its content or its plan's extent, whichever is larger. */
export function viewSize(
  plan: SheetPlan | null,
  dimensions: { readonly rows: number; readonly columns: number },
): { rows: number; columns: number } {
  const extent = plan ? planExtent(plan) : { rows: 0, columns: 0 };
  return {
    rows: Math.max(dimensions.rows, extent.rows),
    columns: Math.max(dimensions.columns, extent.columns),
  };
}

/**
 * The view of a sheet; with a `window`, only the cells of those rows and of the frozen rows (the
 * rest of the sheet's shape, its charts and fonts are always whole). The source is only asked for
 * the cells it carries.
 */
export function buildSheetView(source: SheetReading, window: RowWindow | null = null): SheetView {
  const { plan } = source;
  const { rows, columns } = viewSize(plan, source.dimensions);
  const frozen = plan?.freeze?.rows ?? 0;
  const wanted = (row: number): boolean =>
    window === null || row < frozen || (row >= window.top && row <= window.bottom);
  const limit = {
    top: 0,
    left: 0,
    bottom: window === null ? rows - 1 : Math.min(rows - 1, window.bottom),
    right: columns - 1,
  };
  const formats = paint(plan?.formats.map((f) => ({ range: f.range, value: f.format })) ?? [], limit, wanted);
  const styles = paint(plan?.styles.map((s) => ({ range: s.range, value: s.style })) ?? [], limit, wanted);
  const rules = paint(
    plan?.validations.map((v) => ({ range: v.range, value: { rule: v.rule, message: v.message } })) ?? [],
    limit,
    wanted,
  );
  const key = (c: { row: number; column: number }): string => `${c.row},${c.column}`;
  // The input cells of the rows wanted, painted from the plan's input ranges (as inputCells lists
  // them, but clipped to the window first): listing every input of a 5,000-row Portfolio to keep
  // those of 300 rows took a third of a second of the worker on every view after an edit.
  const inputs = paint(
    plan?.styles.filter((s) => s.style === "input").map((s) => ({ range: s.range, value: true })) ?? [],
    limit,
    wanted,
  );
  const labelCells = new Set(
    plan
      ? tableLabelCells(plan)
          .filter((c) => wanted(c.row))
          .map(key)
      : [],
  );

  const cells: (CellView | null)[][] = [];
  for (let row = 0; row < rows; row++) {
    const line: (CellView | null)[] = [];
    if (!wanted(row)) {
      cells.push(line);
      continue;
    }
    for (let column = 0; column < columns; column++) {
      const key = `${row},${column}`;
      const value = source.value(row, column);
      const formula = source.formula(row, column);
      const format = formats.get(key);
      const style = styles.get(key);
      const input = inputs.has(key);
      const label = labelCells.has(key);
      if (value === null && formula === undefined && !format && !style && !input && !label) {
        line.push(null);
        continue;
      }
      const error =
        typeof value === "string" && value.startsWith("#") ? source.errorMessage(row, column) : undefined;
      const validation = input ? rules.get(key) : undefined;
      line.push({
        value,
        input,
        ...(label ? { label } : {}),
        ...(formula !== undefined ? { formula } : {}),
        ...(error ? { error } : {}),
        ...(format ? { format } : {}),
        ...(style ? { style } : {}),
        ...(validation ? { validation } : {}),
      });
    }
    cells.push(line);
  }

  const charts: ChartView[] = (plan?.charts ?? []).map((chart) => ({
    kind: chart.kind,
    title: chart.title,
    anchor: chart.anchor,
    ...(chart.xTitle !== undefined ? { xTitle: chart.xTitle } : {}),
    ...(chart.yTitle !== undefined ? { yTitle: chart.yTitle } : {}),
    series: chart.source
      ? seriesByRows(source.values(chart.source.range))
      : chart.series.map((series) => ({
          name: series.name,
          y: numbers(source.values(series.y)),
          ...(series.x !== undefined ? { x: labels(source.values(series.x)) } : {}),
          ...(series.size !== undefined ? { size: numbers(source.values(series.size)) } : {}),
        })),
  }));

  return {
    name: source.name,
    template: plan?.template ?? null,
    version: plan?.version ?? null,
    dialect: source.dialect,
    currency: plan?.currency ?? null,
    locale: plan?.locale ?? null,
    rows,
    columns,
    cells,
    window: window === null ? null : { top: window.top, bottom: Math.min(window.bottom, rows - 1) },
    fontRows: keptFontRows(plan, { top: 0, left: 0, bottom: rows - 1, right: columns - 1 }),
    columnWidths: plan?.columnWidths ?? [],
    freeze: plan?.freeze ?? null,
    tables: plan?.tables ?? [],
    conditionalFormats: plan?.conditionalFormats ?? [],
    charts,
  };
}

/** The view of `sheet` of an in-memory workbook on this thread (the worker's session, tests). */
export function sheetView(
  host: { readSheet(sheet: string, window: RowWindow | null): SheetReading },
  sheet: string,
  window: RowWindow | null = null,
): SheetView {
  return buildSheetView(host.readSheet(sheet, window), window);
}
