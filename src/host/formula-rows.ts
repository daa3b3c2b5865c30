/**
 * Rows inserted or deleted in a sheet, as its formulas see them: the same rule Excel and
 * HyperFormula apply to A1 references when rows move. A reference at or below the change moves
 * with its row; a range that spans an insertion grows, one that loses rows shrinks; a single cell
 * that is deleted becomes #REF!. Used to keep a template sheet's plan in step with its workbook
 * after a table row is inserted or deleted (src/host/plan-rows.ts).
 *
 * Only unqualified references are moved: a plan's formulas reach other sheets through workbook
 * names, never through "Sheet!A1". Text in string literals and names such as Wave1Count are left
 * alone; a letters-and-digits token followed by "(" is a function (LOG10), not a cell.
 */

/** Where rows change: `count` rows inserted before zero-based row `at`, or deleted from `at` on. */
export interface RowChange {
  readonly kind: "insert" | "delete";
  readonly at: number;
  readonly count: number;
  /**
   * The table (its body's first and last rows) that inserted rows join. A range over all of the
   * table's rows takes the new rows in even when they go at its edge (above its first row, below
   * its last), as a reference to a table column grows with the table in Excel; every other
   * reference follows the plain rule, so a cell reference to the first row moves down with it,
   * and so does a range end that is its formula's own row (moveFormulaRows' `ownRow`).
   */
  readonly table?: { readonly top: number; readonly bottom: number };
}

/** A row's new index, or null when the row is deleted. */
export function movedRow(row: number, change: RowChange): number | null {
  const { at, count } = change;
  if (change.kind === "insert") return row >= at ? row + count : row;
  if (row < at) return row;
  return row >= at + count ? row - count : null;
}

/**
 * Which ends of a range are the formula's own row: a relative end on the row the formula sits in
 * (`N24` in `$N$21:N24`, written in row 24, a running count's "up to this row"). Such an end
 * belongs to the row, not to the table: it moves as a single reference does.
 */
export interface OwnRowEnds {
  readonly top: boolean;
  readonly bottom: boolean;
}

/**
 * A range's new rows [top, bottom], or null when every row of it is deleted. Both ends move on
 * their own, so an insertion strictly inside a range (top < at <= bottom) makes it grow.
 *
 * Rows joining a table at its edge (RowChange.table) are taken in by a range over the whole
 * table: its top stays above rows inserted above the table's first row, its bottom reaches rows
 * inserted below its last. An end that is the formula's own row (`own`) never does: a running
 * count `$N$21:N24` in the last row 24 keeps counting up to its own row when a row is appended
 * below it (then the new row 25 holds `$N$21:N25`, one formula per row, as the column had).
 */
export function movedSpan(
  top: number,
  bottom: number,
  change: RowChange,
  own: OwnRowEnds = { top: false, bottom: false },
): [number, number] | null {
  if (change.kind === "insert") {
    const { at, count, table } = change;
    // An own-row end inside the table stands for "this row" on every row of a calculated column:
    // `$N$21:N22` in row 22 is the same running count as `$N$21:N24` in row 24, so both cover
    // the table and keep their other end on its edge (rows inserted above its first row join the
    // count on every row, one formula per row as before).
    const inside = (row: number): boolean => table !== undefined && row >= table.top && row <= table.bottom;
    const covers =
      table !== undefined &&
      (own.top ? inside(top) : top <= table.top) &&
      (own.bottom ? inside(bottom) : bottom >= table.bottom);
    const newTop = top >= at && !(covers && !own.top && top === at) ? top + count : top;
    const newBottom = bottom >= at || (covers && !own.bottom && bottom === at - 1) ? bottom + count : bottom;
    return [newTop, newBottom];
  }
  const end = change.at + change.count;
  const newTop = top < change.at ? top : top >= end ? top - change.count : change.at;
  const newBottom = bottom >= end ? bottom - change.count : bottom < change.at ? bottom : change.at - 1;
  return newTop > newBottom ? null : [newTop, newBottom];
}

const CELL = String.raw`(\$?)([A-Z]{1,3})(\$?)([1-9][0-9]*)`;
/** A cell or a range, not preceded by a name's characters or a sheet's "!", not followed by "(". */
const REFERENCE = new RegExp(String.raw`(?<![A-Za-z0-9_.!$'])${CELL}(?::${CELL})?(?![A-Za-z0-9_.(!])`, "g");

interface CellToken {
  readonly columnAbsolute: string;
  readonly column: string;
  readonly rowAbsolute: boolean;
  /** Zero-based. */
  readonly row: number;
}

function cellText(cell: CellToken, row: number, offsetLabel?: string): string {
  const rowText = offsetLabel ?? String(row + 1);
  return `${cell.columnAbsolute}${cell.column}${cell.rowAbsolute ? "$" : ""}${rowText}`;
}

/**
 * Calls `rewrite` on each reference outside string literals and splices in what it returns.
 * `start` and `end` are the range's ends (equal for a single cell).
 */
function rewriteReferences(
  formula: string,
  rewrite: (start: CellToken, end: CellToken | null) => string,
): string {
  // Split off string literals ("..." with "" as an escaped quote): only the code between them is read.
  const parts = formula.split(/("(?:[^"]|"")*")/);
  return parts
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(REFERENCE, (...m: string[]) => {
            const start: CellToken = {
              columnAbsolute: m[1],
              column: m[2],
              rowAbsolute: m[3] === "$",
              row: Number(m[4]) - 1,
            };
            const end: CellToken | null =
              m[6] === undefined
                ? null
                : { columnAbsolute: m[5], column: m[6], rowAbsolute: m[7] === "$", row: Number(m[8]) - 1 };
            return rewrite(start, end);
          }),
    )
    .join("");
}

/**
 * A formula with its references moved by a row change ("=SUM(B5:B9)" with a row inserted at 6 →
 * "=SUM(B5:B10)"). `ownRow` is the zero-based row the formula sits in before the change, for a
 * cell's formula: a relative range end on that row is the row's own (see movedSpan). A name, a
 * chart's series or a format's range has no row of its own: left out, every end follows the table.
 */
export function moveFormulaRows(formula: string, change: RowChange, ownRow?: number): string {
  return rewriteReferences(formula, (start, end) => {
    if (end === null) {
      const row = movedRow(start.row, change);
      return row === null ? "#REF!" : cellText(start, row);
    }
    const top = Math.min(start.row, end.row);
    const bottom = Math.max(start.row, end.row);
    const [upper, lower] = start.row <= end.row ? [start, end] : [end, start];
    const own = {
      top: ownRow !== undefined && !upper.rowAbsolute && upper.row === ownRow,
      bottom: ownRow !== undefined && !lower.rowAbsolute && lower.row === ownRow,
    };
    const span = movedSpan(top, bottom, change, own);
    if (span === null) return "#REF!";
    const [a, b] = start.row <= end.row ? span : [span[1], span[0]];
    return `${cellText(start, a)}:${cellText(end, b)}`;
  });
}

/**
 * A formula copied `rows` rows down (up when negative), as a paste moves it: relative row
 * references move, absolute ones ($5) stay.
 */
export function offsetFormulaRows(formula: string, rows: number): string {
  const move = (cell: CellToken): string => cellText(cell, cell.rowAbsolute ? cell.row : cell.row + rows);
  return rewriteReferences(formula, (start, end) =>
    end === null ? move(start) : `${move(start)}:${move(end)}`,
  );
}

/**
 * The formula in relative form for a cell in row `row`: relative row numbers become offsets
 * (R[0], R[-1]), so the "same" formula on every row of a calculated column reads alike.
 */
export function relativeForm(formula: string, row: number): string {
  const form = (cell: CellToken): string =>
    cellText(cell, cell.row, cell.rowAbsolute ? undefined : `R[${cell.row - row}]`);
  return rewriteReferences(formula, (start, end) =>
    end === null ? form(start) : `${form(start)}:${form(end)}`,
  );
}

/**
 * A formula written relative to its own row, R1C1-style ("RC3" = column 3 of the same row), in
 * A1 form for zero-based row `row`: "=INDEX(UseCaseValues,MATCH(RC3,UseCaseNames,0))" on row 41
 * becomes "=INDEX(UseCaseValues,MATCH($C42,UseCaseNames,0))". Only the same-row form is read;
 * text in string literals is left alone.
 */
export function sameRowFormula(formula: string, row: number): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(/(?<![A-Za-z0-9_.!$])RC([1-9][0-9]*)(?![A-Za-z0-9_.(![])/g, (_, column: string) => {
            let n = Number(column);
            let letters = "";
            while (n > 0) {
              const r = (n - 1) % 26;
              letters = String.fromCharCode(65 + r) + letters;
              n = Math.floor((n - 1) / 26);
            }
            return `$${letters}${row + 1}`;
          }),
    )
    .join("");
}
