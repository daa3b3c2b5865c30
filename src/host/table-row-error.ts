/**
 * A refused table row operation (MemoryHost's insert, delete, restore and append of table rows),
 * told as a reason and its parameters so the preview says it in the user's language. The English
 * message (the error's `message`) is the en bundle's text; the parameters are the error's own
 * plain fields, so they survive the preview's worker boundary, which carries an error's name,
 * message and plain fields.
 */
import type { PreviewStrings } from "../i18n/bundle";
import { preview as english } from "../i18n/en/preview";

/** Why a table row operation was refused: each names its text in the preview's strings. */
export const TABLE_ROW_REASONS = [
  "rowsNoTable",
  "rowsNoPosition",
  "rowsNotInTable",
  "rowsCount",
  "rowsKeepAtLeast",
  "rowsFormulaColumn",
  "rowsAppendSingle",
] as const satisfies readonly (keyof PreviewStrings)[];

export type TableRowReason = (typeof TABLE_ROW_REASONS)[number];

export type TableRowParams = Readonly<Record<string, string | number>>;

function filled(template: string, params: TableRowParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params ? String(params[key]) : whole,
  );
}

/** A refused table row operation; the workbook is unchanged. */
export class TableRowError extends Error {
  constructor(
    readonly reason: TableRowReason,
    params: TableRowParams,
  ) {
    super(filled(english[reason], params));
    this.name = "TableRowError";
    Object.assign(this, params);
  }
}

/**
 * A TableRowError's message in the preview's language, or null for any other error. Works on the
 * error as the worker's client rebuilds it too (a plain Error named TableRowError, with the same
 * fields).
 */
export function tableRowMessage(error: unknown, strings: PreviewStrings): string | null {
  if (!(error instanceof Error) || error.name !== "TableRowError") return null;
  const fields = error as unknown as Record<string, unknown>;
  const reason = fields.reason;
  if (typeof reason !== "string" || !(TABLE_ROW_REASONS as readonly string[]).includes(reason)) return null;
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(fields))
    if (typeof value === "string" || typeof value === "number") params[key] = value;
  return filled(strings[reason as TableRowReason], params);
}
