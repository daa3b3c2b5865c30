/**
 * The cells of one sheet that a formula typed by the user reads, as far as its text can prove:
 * a rebuild that rewrites that sheet keeps such a formula only where every cell it reads still
 * holds what it held (src/host/kept-content.ts). References qualified with another sheet are not
 * listed (rebuilding this sheet leaves that sheet alone). Whatever the text cannot prove gives
 * null: a workbook name or table name (it may point anywhere, this sheet included), a whole
 * column or row, INDIRECT or OFFSET (they reach cells no reference names), an external workbook.
 */
import { columnIndex, type RangeRef } from "../shared/a1";
import { formulaTokens, sheetOfPrefix } from "./formula-tokens";

export interface FormulaReads {
  /** Ranges of the sheet the formula reads (unqualified, or qualified with this sheet's name). */
  readonly ranges: readonly RangeRef[];
  /** Whether its value depends on the cell it is in (ROW(), COLUMN(), CELL()). */
  readonly positional: boolean;
}

/** Functions whose reads the text does not show. */
const UNPROVABLE = new Set(["INDIRECT", "OFFSET"]);
/** Functions that may read the position of the cell they are in. */
const POSITIONAL = new Set(["ROW", "COLUMN", "CELL"]);

function cellOf(text: string): { row: number; column: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?([0-9]+)$/.exec(text);
  if (!m) throw new Error(`not a cell: ${text}`);
  return { row: Number(m[2]) - 1, column: columnIndex(m[1].toUpperCase()) };
}

/**
 * What `formula` (with its leading "=") reads of `sheet`, or null when its text cannot prove it
 * (see the file's comment). Sheet names compare as Excel's do: case ignored.
 */
export function formulaReads(formula: string, sheet: string): FormulaReads | null {
  const ranges: RangeRef[] = [];
  let positional = false;
  let pending: string | null = null;
  const tokens = formulaTokens(formula.replace(/^=/, ""));
  for (const [k, { kind, text }] of tokens.entries()) {
    if (kind === "space") continue;
    if (kind === "other") return null;
    if (kind === "string") {
      if (pending !== null) return null;
      continue;
    }
    if (kind === "sheet") {
      if (pending !== null) return null;
      pending = sheetOfPrefix(text);
      continue;
    }
    if (kind === "cells") {
      if (pending === null || pending.toLowerCase() === sheet.toLowerCase()) {
        const [a, b = a] = text.split(":").map(cellOf);
        ranges.push({
          top: Math.min(a.row, b.row),
          bottom: Math.max(a.row, b.row),
          left: Math.min(a.column, b.column),
          right: Math.max(a.column, b.column),
        });
      }
      pending = null;
      continue;
    }
    // Anything else after a sheet prefix (a whole column, a name) is not followed.
    if (pending !== null) return null;
    if (kind === "word") {
      const word = text.toUpperCase().replace(/^(?:_XLFN\.|_XLWS\.)+/, "");
      if (tokens[k + 1]?.text === "(") {
        if (UNPROVABLE.has(word)) return null;
        if (POSITIONAL.has(word)) positional = true;
        continue;
      }
      if (word === "TRUE" || word === "FALSE") continue;
      return null;
    }
  }
  if (pending !== null) return null;
  return { ranges, positional };
}
