/**
 * SheetPlan: one sheet of the model as typed data. A template is a pure
 * function from options to plans; a host (Excel through Office.js, the in-memory HyperFormula
 * workbook, the .xlsx exporter) applies a plan. Nothing here calls Office.
 *
 * Addresses inside a plan are A1 addresses on the plan's own sheet (no sheet prefix). Formulas
 * reach other sheets only through workbook-scoped names, so a sheet can be rebuilt without
 * breaking the formulas of the others.
 */
import type { Locale } from "../i18n/locale";
import type { LineRows } from "./roi-lines";

export type TemplateId = "portfolio" | "rollout" | "roi" | "stress";
export const TEMPLATE_IDS: readonly TemplateId[] = ["portfolio", "rollout", "roi", "stress"];

/** live: GENAI.* custom functions (Excel with the add-in); portable: native functions only. */
export type Dialect = "live" | "portable";

/**
 * A formula in both dialects, each starting with "=". `live: null` marks a cell that a live spill
 * formula above or to the left fills (it must stay empty in the live dialect); `portable: null`
 * marks a result that has no native form (a Monte Carlo result), written as its value when shared.
 */
export interface PlanFormula {
  readonly live: string | null;
  readonly portable: string | null;
}

export type PlanValue = string | number | boolean | null;
export type PlanCell = PlanValue | PlanFormula;

export function isFormula(cell: PlanCell): cell is PlanFormula {
  return typeof cell === "object" && cell !== null;
}

/** A rectangle of cells written as one 2-D array. */
export interface Block {
  /** Top-left cell, e.g. "B5". */
  readonly at: string;
  readonly cells: readonly (readonly PlanCell[])[];
}

/** Number formats by meaning; hosts turn them into format strings for the currency and locale. */
export type SemanticFormat =
  | "currency"
  | "currencyPrecise"
  | "percent"
  | "percentPrecise"
  /** A share shown as a whole percentage with zero left blank (the adoption Gantt). */
  | "gantt"
  | "number"
  | "decimal"
  /** Months to pay back, as "decimal"; a value past the three-year horizon reads "> 36". */
  | "payback"
  | "integer"
  | "months"
  | "hours"
  | "score"
  | "seconds"
  | "text";

/**
 * Cell roles (FAST-style): inputs are blue on a light fill; formulas black; headers bold on a
 * tinted band; key outputs bold with a border; constants are fixed structure (month numbers);
 * results are values the add-in writes from the task pane (a simulation run there).
 */
export type CellStyle =
  | "title"
  | "subtitle"
  | "header"
  | "label"
  | "note"
  | "input"
  | "formula"
  | "output"
  | "total"
  | "constant"
  | "result";

export interface RangeFormat {
  readonly range: string;
  readonly format: SemanticFormat;
}

export interface RangeStyle {
  readonly range: string;
  readonly style: CellStyle;
}

export interface TablePlan {
  /** Excel Table name, e.g. "UseCases". */
  readonly name: string;
  /** The whole table including its header row. */
  readonly range: string;
  /**
   * Table columns (0 = the table's first) that hold one formula per row, the same on every row:
   * Excel's calculated columns, which fill into a row added to the table (docs/line-items.md).
   * A cell of such a column may hold the user's own value or formula instead: an exception.
   * A table with calculated columns is one the user adds rows to in Excel: formulas and names over
   * its whole columns reach Excel and the .xlsx as structured references (Benefits[In use]).
   */
  readonly calculated?: readonly number[];
}

export interface NamePlan {
  /** Workbook-scoped name, e.g. "DiscountRate". */
  readonly name: string;
  /** Range on this sheet, e.g. "C7" or "C5:C11". */
  readonly range: string;
  readonly comment: string;
  /**
   * A square matrix whose rows and columns belong to the labels under this other name (one per
   * row): a rebuild keeps its values by label, not by position (kept-content.ts).
   */
  readonly keyedBy?: string;
}

export type ValidationRule =
  | { readonly kind: "decimal"; readonly min: number; readonly max: number }
  | { readonly kind: "whole"; readonly min: number; readonly max: number }
  | { readonly kind: "list"; readonly values: readonly string[] };

export interface ValidationPlan {
  readonly range: string;
  readonly rule: ValidationRule;
  /** Shown when the entry is rejected. */
  readonly message: string;
  /**
   * A required input (docs/blank-inputs.md): the rule does not ignore blanks. Absent: blanks
   * are allowed (they read as the input's stated default).
   */
  readonly required?: boolean;
}

/** Colours by meaning; hosts map them to the theme (see src/templates/theme.ts). */
export type SemanticColor =
  | "accent"
  | "accentLight"
  | "good"
  | "goodLight"
  | "warning"
  | "warningLight"
  | "bad"
  | "badLight"
  | "neutralLight";

export type ConditionalFormatRule =
  /** A two-colour scale from `min` (at value 0) to `max` (at value 1): the Gantt of adoption. */
  | { readonly kind: "colorScale"; readonly min: SemanticColor; readonly max: SemanticColor }
  /** Fill when the cell's text equals `text`. */
  | { readonly kind: "textEquals"; readonly text: string; readonly fill: SemanticColor }
  /** Fill when a formula (written for the top-left cell, relative references) is true. */
  | { readonly kind: "formula"; readonly formula: string; readonly fill: SemanticColor };

export interface ConditionalFormatPlan {
  readonly range: string;
  readonly rule: ConditionalFormatRule;
}

export type ChartKind = "bubble" | "line" | "bar" | "column";

export interface ChartSeries {
  readonly name: string;
  /** Category labels or x values. */
  readonly x?: string;
  /** Values (y). */
  readonly y: string;
  /** Bubble sizes (bubble charts only). */
  readonly size?: string;
}

/**
 * A chart's data as one range, Excel's own way: with `seriesBy: "rows"` each row below the first is
 * a series named by its first cell, and the first row (after its first cell) names the categories.
 * The series' names then follow the cells, where a series added one by one carries fixed text.
 */
export interface ChartSource {
  readonly range: string;
  readonly seriesBy: "rows";
}

export interface ChartPlan {
  readonly kind: ChartKind;
  readonly title: string;
  /** The series one by one; empty when the chart reads `source`. */
  readonly series: readonly ChartSeries[];
  readonly source?: ChartSource;
  readonly xTitle?: string;
  readonly yTitle?: string;
  /** Where the chart sits: top-left and bottom-right cells. */
  readonly anchor: { readonly from: string; readonly to: string };
}

export interface SheetPlan {
  readonly template: TemplateId;
  /** Layout version, stored with the sheet so a rebuild knows it can keep the inputs. */
  readonly version: number;
  readonly sheet: string;
  readonly locale: Locale;
  readonly currency: string;
  readonly blocks: readonly Block[];
  readonly formats: readonly RangeFormat[];
  readonly styles: readonly RangeStyle[];
  readonly columnWidths: readonly { readonly column: string; readonly width: number }[];
  readonly tables: readonly TablePlan[];
  readonly names: readonly NamePlan[];
  readonly validations: readonly ValidationPlan[];
  readonly conditionalFormats: readonly ConditionalFormatPlan[];
  /** Rows and columns frozen at the top and left. */
  readonly freeze: { readonly rows: number; readonly columns: number } | null;
  readonly charts: readonly ChartPlan[];
}

export type SampleOrBlank = "sample" | "blank";

export interface TemplateOptions {
  /** The seed's figures and sample use cases, or empty inputs. */
  readonly data: SampleOrBlank;
  /** Currency symbol shown in formats, e.g. "NT$". */
  readonly currency: string;
  readonly locale: Locale;
  /** Portfolio rows (use cases) or rollout rows (departments). */
  readonly rows?: number;
  /**
   * With sample data, fill the Portfolio rows after the ten sample use cases with generated ones
   * (reproducible, made-up figures) instead of leaving them empty for the user. For benchmarks
   * and trials at scale only: never the default, never what a user is shown as sample data.
   */
  readonly generated?: boolean;
  /**
   * The other template sheets this one can link to (through their names). The ROI sheet takes its
   * monthly adoption from the Rollout sheet and its scenario values from the Stress sheet when
   * those are present; otherwise it uses its own inputs.
   */
  readonly linkedTo: readonly TemplateId[];
  /**
   * The ROI sheet's benefit and cost rows (and the Stress sheet's lines when linked to it); by
   * default the sample's rows, or one empty row per table in a blank model.
   */
  readonly lines?: LineRows;
}

export const DEFAULT_OPTIONS: TemplateOptions = {
  data: "sample",
  currency: "NT$",
  locale: "en",
  linkedTo: [],
};
