/**
 * The cells of one sheet that a formula typed by the user reads, as far as its text can prove:
 * a rebuild that rewrites that sheet keeps such a formula only where every cell it reads still
 * holds what it held (src/host/kept-content.ts). References qualified with another sheet are not
 * listed (rebuilding this sheet leaves that sheet alone). Whatever the text cannot prove gives
 * null: a workbook name or table name (it may point anywhere, this sheet included), a whole
 * column or row, INDIRECT or OFFSET (they reach cells no reference names), an external workbook.
 */
import { columnIndex, type RangeRef } from "../shared/a1";

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

// One token of a formula outside string literals, tried in this order: blanks, a sheet prefix
// ('My sheet'! or ROI!), a cell or range of cells (not followed by a name's characters or "("),
// a number, a name or function, an error literal, an operator or separator.
const LETTER = String.raw`A-Za-z_\\\u00C0-\uFFFF`;
const TOKEN = new RegExp(
  [
    String.raw`(?<space>\s+)`,
    String.raw`(?<sheet>'(?:[^']|'')+'!|[${LETTER}][${LETTER}0-9.]*!)`,
    String.raw`(?<cells>\$?[A-Za-z]{1,3}\$?[0-9]+(?::\$?[A-Za-z]{1,3}\$?[0-9]+)?)(?![${LETTER}0-9.(!\[])`,
    String.raw`(?<number>(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)`,
    String.raw`(?<word>[${LETTER}][${LETTER}0-9.]*)`,
    String.raw`(?<error>#(?:NULL!|DIV/0!|VALUE!|REF!|NAME\?|NUM!|N/A))`,
    String.raw`(?<operator><>|<=|>=|[-+*/^&=<>(),;%{}])`,
  ].join("|"),
  "y",
);

function cellOf(text: string): { row: number; column: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?([0-9]+)$/.exec(text);
  if (!m) throw new Error(`not a cell: ${text}`);
  return { row: Number(m[2]) - 1, column: columnIndex(m[1].toUpperCase()) };
}

function sheetName(prefix: string): string {
  const bare = prefix.slice(0, -1);
  return bare.startsWith("'") ? bare.slice(1, -1).replace(/''/g, "'") : bare;
}

/**
 * What `formula` (with its leading "=") reads of `sheet`, or null when its text cannot prove it
 * (see the file's comment). Sheet names compare as Excel's do: case ignored.
 */
export function formulaReads(formula: string, sheet: string): FormulaReads | null {
  const ranges: RangeRef[] = [];
  let positional = false;
  const code = formula.replace(/^=/, "").split(/("(?:[^"]|"")*")/);
  for (const [k, part] of code.entries()) {
    if (k % 2 === 1) continue;
    let pending: string | null = null;
    TOKEN.lastIndex = 0;
    while (TOKEN.lastIndex < part.length) {
      const at = TOKEN.lastIndex;
      const m = TOKEN.exec(part);
      if (!m?.groups || m.index !== at) return null;
      const g = m.groups;
      if (g.space !== undefined) continue;
      if (g.sheet !== undefined) {
        if (pending !== null) return null;
        pending = sheetName(g.sheet);
        continue;
      }
      if (g.cells !== undefined) {
        if (pending === null || pending.toLowerCase() === sheet.toLowerCase()) {
          const [a, b = a] = g.cells.split(":").map(cellOf);
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
      if (g.word !== undefined) {
        const word = g.word.toUpperCase().replace(/^_XLFN\./, "");
        if (part[TOKEN.lastIndex] === "(") {
          if (UNPROVABLE.has(word)) return null;
          if (POSITIONAL.has(word)) positional = true;
          continue;
        }
        if (word === "TRUE" || word === "FALSE") continue;
        return null;
      }
    }
    if (pending !== null) return null;
  }
  return { ranges, positional };
}
