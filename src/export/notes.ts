/**
 * The cell note on a result that a shared copy carries as a value (a Monte Carlo result has no
 * native formula): what computed it, with which settings, when, and that it no longer updates.
 * Kept under 200 characters: ExcelJS gives every note the default box (two columns by four
 * rows), and a longer text would be cut off until the reader resizes the box.
 */
import { bundleFor } from "../i18n/bundles";
import type { Locale } from "../i18n/locale";
import type { CellValue } from "../host/workbook-host";

export interface ComputedNote {
  /** The live formula that produced the value, e.g. "=GENAI.SIMULATE_ROI(BenefitThreePoint,...)". */
  readonly formula: string | null;
  /** Single-cell names the formula reads, with their values (trials, seed, distribution). */
  readonly settings: readonly { readonly name: string; readonly value: CellValue | undefined }[];
  /** ISO date (YYYY-MM-DD) of the computation. */
  readonly date: string;
}

function shown(value: CellValue | undefined, blank: string): string {
  if (value === null || value === undefined || value === "") return blank;
  return String(value);
}

/** The longest note (characters): the default note box shows about this much. */
export const NOTE_LIMIT = 199;

/**
 * The note's text in the plan's locale. When the settings would make it longer than NOTE_LIMIT,
 * the last ones are left out (an ellipsis says so): what computed it, the first settings (trials,
 * seed) and that it no longer updates always fit.
 */
export function computedNoteText(note: ComputedNote, locale: Locale): string {
  const { notes: t, conventions: c } = bundleFor(locale);
  const fn = note.formula?.match(/GENAI\.[A-Z_]+/i)?.[0];
  const text = (count: number): string => {
    const listed = note.settings.slice(0, count).map((s) => `${s.name} = ${shown(s.value, t.blank)}`);
    const more = count < note.settings.length ? ["…"] : [];
    const settings = [...listed, ...more].join(c.listSeparator);
    const detail = [fn, settings].filter(Boolean).join(c.clauseSeparator);
    return t.by.replace("{date}", note.date) + (detail ? c.open + detail + c.close : "") + t.value;
  };
  let count = note.settings.length;
  while (count > 0 && text(count).length > NOTE_LIMIT) count--;
  return text(count);
}
