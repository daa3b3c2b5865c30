/**
 * The tokens of a formula as Excel writes it (A1 style, comma separators), for the few places
 * that read or rewrite a formula's text without an engine: what a typed formula reads
 * (formula-reads.ts), the sheet references of a workbook's sheets added under another name, and
 * the spellings a file uses that the in-memory workbook does not (formula-text.ts).
 *
 * The split is total: every character of the formula lands in exactly one token, and joining the
 * tokens' texts gives the formula back. A character no rule knows (a structured reference's "[",
 * a range operator ":" between names) is a token of kind "other", which a reader that must prove
 * something treats as "cannot tell".
 */

export type FormulaTokenKind =
  | "space"
  /** A string literal with its quotes ("a""b"). */
  | "string"
  /** A sheet prefix with its "!": 'My sheet'! or ROI!. */
  | "sheet"
  /** A cell or a range of cells: A1, $B$2:C3. */
  | "cells"
  | "number"
  /** A function's or a name's word: SUM, _xlfn.BETA.INV, AnnualROI, TRUE. */
  | "word"
  | "error"
  | "operator"
  | "other";

export interface FormulaToken {
  readonly kind: FormulaTokenKind;
  readonly text: string;
}

// Tried in this order: blanks, a string literal, a sheet prefix, a cell or range of cells (not
// followed by a name's characters or "("), a number (either case of E), a name or function, an
// error literal, an operator or separator; else one character.
const LETTER = String.raw`A-Za-z_\\\u00C0-\uFFFF`;
const TOKEN = new RegExp(
  [
    String.raw`(?<space>\s+)`,
    String.raw`(?<string>"(?:[^"]|"")*")`,
    String.raw`(?<sheet>'(?:[^']|'')+'!|[${LETTER}][${LETTER}0-9.]*!)`,
    String.raw`(?<cells>\$?[A-Za-z]{1,3}\$?[0-9]+(?::\$?[A-Za-z]{1,3}\$?[0-9]+)?)(?![${LETTER}0-9.(!\[])`,
    String.raw`(?<number>(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)`,
    String.raw`(?<word>[${LETTER}][${LETTER}0-9.]*)`,
    String.raw`(?<error>#(?:NULL!|DIV/0!|VALUE!|REF!|NAME\?|NUM!|N/A))`,
    String.raw`(?<operator><>|<=|>=|[-+*/^&=<>(),;%{}])`,
    String.raw`(?<other>[^])`,
  ].join("|"),
  "y",
);

/** The formula's tokens (with or without its leading "="; an "=" is an operator token). */
export function formulaTokens(formula: string): FormulaToken[] {
  const out: FormulaToken[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < formula.length) {
    const m = TOKEN.exec(formula);
    if (!m?.groups) break;
    const kind = (Object.keys(m.groups) as FormulaTokenKind[]).find((k) => m.groups?.[k] !== undefined);
    out.push({ kind: kind ?? "other", text: m[0] });
  }
  return out;
}

/** The sheet's name a sheet prefix token names ('It''s'! → It's). */
export function sheetOfPrefix(prefix: string): string {
  const bare = prefix.slice(0, -1);
  return bare.startsWith("'") ? bare.slice(1, -1).replace(/''/g, "'") : bare;
}

/**
 * A sheet's name as a reference writes it: bare when Excel allows (letters, digits, "_" and ".",
 * not starting with a digit, not a cell's address), else quoted with its quotes doubled.
 */
export function sheetReference(name: string): string {
  const bare =
    /^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*$/.test(name) && !/^[A-Za-z]{1,3}[0-9]+$/.test(name);
  return bare ? name : `'${name.replace(/'/g, "''")}'`;
}

/**
 * The formula with its references to renamed sheets following the new names (`renames` maps a
 * sheet's old name, in lower case as Excel compares them, to its new name). Everything else,
 * string literals included, is left exactly as written.
 */
export function renameSheetReferences(formula: string, renames: ReadonlyMap<string, string>): string {
  if (renames.size === 0) return formula;
  let changed = false;
  const text = formulaTokens(formula).map(({ kind, text: t }) => {
    if (kind !== "sheet") return t;
    const to = renames.get(sheetOfPrefix(t).toLowerCase());
    if (to === undefined) return t;
    changed = true;
    return `${sheetReference(to)}!`;
  });
  return changed ? text.join("") : formula;
}
