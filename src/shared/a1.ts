/**
 * A1 addresses: zero-based (row, column) ⇄ "B5", ranges "B5:D9", sheet-qualified "'My sheet'!$B$5".
 * Excel, HyperFormula, ExcelJS and LibreOffice all read this notation.
 */

export const MAX_ROWS = 1_048_576;

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetters(column: number): string {
  let n = column + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** "A" → 0, "AA" → 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export interface CellRef {
  readonly row: number;
  readonly column: number;
}

export interface RangeRef {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** (4, 1) → "B5"; absolute → "$B$5". */
export function cellAddress(row: number, column: number, absolute = false): string {
  const d = absolute ? "$" : "";
  return `${d}${columnLetters(column)}${d}${row + 1}`;
}

export function rangeAddress(range: RangeRef, absolute = false): string {
  const start = cellAddress(range.top, range.left, absolute);
  if (range.top === range.bottom && range.left === range.right) return start;
  return `${start}:${cellAddress(range.bottom, range.right, absolute)}`;
}

/** Parses "B5" or "$B$5" (no sheet). */
export function parseCell(address: string): CellRef {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!match) throw new Error(`not a cell address: ${address}`);
  return { row: Number(match[2]) - 1, column: columnIndex(match[1]) };
}

/** Parses "B5:D9", "B5" (a single cell) or their absolute forms (no sheet). */
export function parseRange(address: string): RangeRef {
  const [first, second] = address.split(":");
  const a = parseCell(first);
  const b = second ? parseCell(second) : a;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.column, b.column),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.column, b.column),
  };
}

export function rangeRows(range: RangeRef): number {
  return range.bottom - range.top + 1;
}

export function rangeColumns(range: RangeRef): number {
  return range.right - range.left + 1;
}

/**
 * Whether a reference must quote the sheet name, following Excel's rules: a name that is not a
 * plain identifier (starts with a digit, contains a space, punctuation or a non-ASCII letter),
 * that starts like an A1 reference (FY25, Q1, A1B: up to three letters then a digit, which also
 * covers R1C1, R1 and C1), that is an R1C1 row or column on its own (R, C, RC), or that is a
 * logical constant. Quoting a name that did not need it is always accepted; leaving out quotes
 * that were needed makes Excel repair the file and drop the reference.
 */
export function sheetNeedsQuotes(sheet: string): boolean {
  return (
    !/^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) ||
    /^[A-Za-z]{1,3}\d/.test(sheet) ||
    /^(R|C|RC)$/i.test(sheet) ||
    /^(TRUE|FALSE)$/i.test(sheet)
  );
}

/** A sheet name as Excel writes it in a reference: ROI → ROI, FY25 → 'FY25', O'Brien → 'O''Brien'. */
export function quoteSheetName(sheet: string): string {
  return sheetNeedsQuotes(sheet) ? `'${sheet.replace(/'/g, "''")}'` : sheet;
}

/**
 * A sheet name as a formula prefix: ROI → ROI!, "My sheet" → 'My sheet'!. Every sheet-qualified
 * reference the project writes (workbook names in Excel, in the in-memory workbook and in the
 * exported file) is built with it.
 */
export function sheetPrefix(sheet: string): string {
  return `${quoteSheetName(sheet)}!`;
}

/** Splits "'My sheet'!$B$5:$C$6" into sheet and address. */
export function splitQualified(reference: string): { sheet: string | null; address: string } {
  const bang = reference.lastIndexOf("!");
  if (bang < 0) return { sheet: null, address: reference };
  let sheet = reference.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, address: reference.slice(bang + 1) };
}

/** Splits a chart or name reference into a sheet (null: the sheet it is read from) and an A1 range. */
export function referenceParts(reference: string): { sheet: string | null; range: RangeRef } | null {
  const { sheet, address } = splitQualified(reference.replace(/^=/, ""));
  try {
    const range = parseRange(address);
    return rangeRows(range) > 0 && rangeColumns(range) > 0 ? { sheet, range } : null;
  } catch {
    return null;
  }
}
