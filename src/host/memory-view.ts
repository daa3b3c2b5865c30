/**
 * A read-only, serialisable picture of one MemoryHost sheet for the preview grid: each
 * cell's computed value, its formula as written, its semantic format and style, whether the user
 * may edit it and under which rule, plus the sheet's charts with their series resolved to numbers
 * and labels. Plain data: no HyperFormula types leak out.
 */
import { parseRange, rangeColumns, rangeRows, splitQualified, type RangeRef } from "../shared/a1";
import { inputCells, planExtent } from "../templates/cells";
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
import { tableLabelCells } from "./plan-rows";
import type { CellValue } from "./workbook-host";

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
  /** Row-major; null for a blank cell with no format or style. */
  readonly cells: readonly (readonly (CellView | null)[])[];
  readonly columnWidths: readonly { readonly column: string; readonly width: number }[];
  readonly freeze: { readonly rows: number; readonly columns: number } | null;
  readonly tables: readonly { readonly name: string; readonly range: string }[];
  readonly conditionalFormats: readonly ConditionalFormatPlan[];
  readonly charts: readonly ChartView[];
}

/** What the view needs from the workbook. */
export interface ViewSource {
  readonly name: string;
  readonly plan: SheetPlan | null;
  readonly dialect: Dialect | null;
  /** Content size from A1 (rows, columns). */
  readonly dimensions: { readonly rows: number; readonly columns: number };
  value(row: number, column: number): CellValue;
  formula(row: number, column: number): string | undefined;
  errorMessage(row: number, column: number): string | undefined;
  /** Values of a range on this sheet, or of a sheet-qualified range or a workbook name. */
  values(reference: string): CellValue[][] | null;
}

/** Ranges of a plan painted cell by cell: later entries win, as later writes do in Excel. */
function paint<T>(entries: readonly { range: string; value: T }[], limit: RangeRef): Map<string, T> {
  const out = new Map<string, T>();
  for (const { range, value } of entries) {
    const r = parseRange(range);
    for (let row = r.top; row <= Math.min(r.bottom, limit.bottom); row++)
      for (let column = r.left; column <= Math.min(r.right, limit.right); column++)
        out.set(`${row},${column}`, value);
  }
  return out;
}

const flat = (values: CellValue[][] | null): CellValue[] => values?.flat() ?? [];

const numbers = (values: CellValue[][] | null): (number | null)[] =>
  flat(values).map((v) => (typeof v === "number" ? v : null));

const labels = (values: CellValue[][] | null): (number | string | null)[] =>
  flat(values).map((v) =>
    typeof v === "number" || typeof v === "string" ? v : v === null ? null : String(v),
  );

export function buildSheetView(source: ViewSource): SheetView {
  const { plan } = source;
  const extent = plan ? planExtent(plan) : { rows: 0, columns: 0 };
  const rows = Math.max(source.dimensions.rows, extent.rows);
  const columns = Math.max(source.dimensions.columns, extent.columns);
  const limit = { top: 0, left: 0, bottom: rows - 1, right: columns - 1 };
  const formats = paint(plan?.formats.map((f) => ({ range: f.range, value: f.format })) ?? [], limit);
  const styles = paint(plan?.styles.map((s) => ({ range: s.range, value: s.style })) ?? [], limit);
  const rules = paint(
    plan?.validations.map((v) => ({ range: v.range, value: { rule: v.rule, message: v.message } })) ?? [],
    limit,
  );
  const inputs = new Set(plan ? inputCells(plan).map((c) => `${c.row},${c.column}`) : []);
  const labelCells = new Set(plan ? tableLabelCells(plan).map((c) => `${c.row},${c.column}`) : []);

  const cells: (CellView | null)[][] = [];
  for (let row = 0; row < rows; row++) {
    const line: (CellView | null)[] = [];
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
    series: chart.series.map((series) => ({
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
    columnWidths: plan?.columnWidths ?? [],
    freeze: plan?.freeze ?? null,
    tables: plan?.tables ?? [],
    conditionalFormats: plan?.conditionalFormats ?? [],
    charts,
  };
}

/** Splits a chart or name reference into a sheet (null: the view's own) and an A1 range. */
export function referenceParts(reference: string): { sheet: string | null; range: RangeRef } | null {
  const { sheet, address } = splitQualified(reference.replace(/^=/, ""));
  try {
    const range = parseRange(address);
    return rangeRows(range) > 0 && rangeColumns(range) > 0 ? { sheet, range } : null;
  } catch {
    return null;
  }
}
