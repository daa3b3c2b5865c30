/**
 * Numbers in the pane look as they do on the sheet: the same semantic formats
 * (src/templates/formats.ts) with the model's currency, in the pane's language.
 */
import { bundleFor } from "../../i18n/bundles";
import type { Locale } from "../../i18n/locale";
import { formatValue } from "../../templates/formats";
import type { SemanticFormat } from "../../templates/plan";
import type { Figure } from "./summary";

/** The number locale of a pane language (digits and separators). */
export function numberLocale(locale: Locale): string {
  return bundleFor(locale).conventions.numberLocale;
}

export function formatNumber(
  value: number,
  format: SemanticFormat,
  currency: string,
  locale: Locale,
): string {
  const { numberLocale, units } = bundleFor(locale).conventions;
  return formatValue(value, format, currency, numberLocale, units);
}

/** A figure as the sheet shows it; a missing figure gives null (the caller shows an empty state). */
export function formatFigure(
  figure: Figure,
  format: SemanticFormat,
  currency: string,
  locale: Locale,
): string | null {
  switch (figure.kind) {
    case "missing":
      return null;
    case "number":
      return formatNumber(figure.value, format, currency, locale);
    case "text":
      return figure.text;
  }
}

/** A multiplier such as 1.25×. */
export function formatMultiplier(factor: number, locale: Locale): string {
  return `${factor.toLocaleString(numberLocale(locale), { minimumFractionDigits: 2, maximumFractionDigits: 2 })}×`;
}

/** Fills {placeholders} in a pane string. */
export function fill(template: string, params: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params ? String(params[key]) : whole,
  );
}
