/**
 * Semantic number formats → Excel number-format strings. One place, so Excel, the preview grid
 * and the .xlsx export show money, percentages and months the same way.
 */
import { HORIZON_PAYBACK_MONTHS } from "../engine/case-simulation";
import type { Units } from "../i18n/bundle";
import type { SemanticFormat } from "./plan";

/** The units English writes after a number; each language has its own (its bundle's conventions). */
export const ENGLISH_UNITS: Units = { months: "mo", hours: "h", seconds: "s", beyondHorizon: "> 36" };

/** A currency symbol quoted for a format string: NT$ → "NT$". */
function quoted(symbol: string): string {
  return `"${symbol.replace(/"/g, "")}"`;
}

export function numberFormat(format: SemanticFormat, currency: string, units: Units = ENGLISH_UNITS): string {
  const c = quoted(currency);
  switch (format) {
    case "currency":
      return `${c}#,##0;-${c}#,##0`;
    case "currencyPrecise":
      return `${c}#,##0.00;-${c}#,##0.00`;
    case "percent":
      return "0.0%";
    case "percentPrecise":
      return "0.00%";
    case "gantt":
      return '0%;-0%;""';
    // General, not #,##0.##: Excel shows a whole number in #,##0.## with a trailing point ("14.",
    // "1,000,000."), and these inputs (months, headcounts, scores, counts) are mostly whole.
    case "number":
      return "General";
    case "decimal":
      return "#,##0.00##";
    // A payback beyond the horizon is written as a number past it (so a chart draws it, where a
    // text cell would plot as 0) and shows as the words for it.
    case "payback":
      return `[>${HORIZON_PAYBACK_MONTHS}]${quoted(units.beyondHorizon)};#,##0.00##`;
    case "integer":
      return "0";
    case "months":
      return `0.0 ${quoted(units.months)}`;
    case "hours":
      return `#,##0 ${quoted(units.hours)}`;
    // Two decimals, as ScoreDecimals rounds them: with one, 88.75 and 88.8 looked equal while
    // ranking apart.
    case "score":
      return "0.00";
    case "seconds":
      return `0.0 ${quoted(units.seconds)}`;
    case "text":
      return "@";
  }
}

/**
 * Number formatters by locale and options, made once: `toLocaleString` with options builds a new
 * Intl.NumberFormat on every call, which made formatting a screenful of cells a visible part of
 * rendering the preview's grid. The same formatter gives the same text.
 */
const formatters = new Map<string, Intl.NumberFormat>();

function localeNumber(value: number, locale: string, options: Intl.NumberFormatOptions): string {
  const key = `${locale}|${options.minimumFractionDigits ?? ""}|${options.maximumFractionDigits ?? ""}|${options.maximumSignificantDigits ?? ""}|${options.useGrouping === false ? 0 : 1}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, options);
    formatters.set(key, formatter);
  }
  return formatter.format(value);
}

/**
 * Excel's General format in a column of ordinary width: no grouping, at most 10 significant
 * digits, an exponent for very large or very small magnitudes (1E+11, 1E-06).
 */
function general(value: number, locale: string): string {
  const magnitude = Math.abs(value);
  if (value === 0 || (magnitude >= 1e-5 && magnitude < 1e11))
    return localeNumber(value, locale, { maximumSignificantDigits: 10, useGrouping: false });
  const [mantissa, exponent] = value.toExponential(5).split("e");
  const power = Number(exponent);
  return `${Number(mantissa)}E${power < 0 ? "-" : "+"}${String(Math.abs(power)).padStart(2, "0")}`;
}

/**
 * Formats a value as Excel would show it with `numberFormat` (for the preview grid and the
 * pane's summary). Covers exactly the formats above.
 */
export function formatValue(
  value: number | string | boolean | null | undefined,
  format: SemanticFormat | undefined,
  currency: string,
  locale = "en-US",
  units: Units = ENGLISH_UNITS,
): string {
  if (typeof value !== "number") return value === null || value === undefined ? "" : String(value);
  const n = (digits: number, min = 0): string =>
    localeNumber(value, locale, { minimumFractionDigits: min, maximumFractionDigits: digits });
  switch (format) {
    case "currency":
      return value < 0
        ? `-${currency}${localeNumber(-value, locale, { maximumFractionDigits: 0 })}`
        : `${currency}${n(0)}`;
    case "currencyPrecise":
      return value < 0
        ? `-${currency}${localeNumber(-value, locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`
        : `${currency}${n(2, 2)}`;
    // Excel's 0.0% has no thousands separator: 10.094 shows as 1009.4%.
    case "percent":
      return `${localeNumber(value * 100, locale, { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false })}%`;
    case "percentPrecise":
      return `${localeNumber(value * 100, locale, { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false })}%`;
    case "gantt":
      return value === 0 ? "" : `${Math.round(value * 100)}%`;
    case "number":
      return general(value, locale);
    case "decimal":
      return n(4, 2);
    case "payback":
      return value > HORIZON_PAYBACK_MONTHS ? units.beyondHorizon : n(4, 2);
    case "integer":
      return Math.round(value).toString();
    case "months":
      return `${value.toFixed(1)} ${units.months}`;
    case "hours":
      return `${n(0)} ${units.hours}`;
    case "score":
      return value.toFixed(2);
    case "seconds":
      return `${value.toFixed(1)} ${units.seconds}`;
    default:
      return n(6);
  }
}
