/**
 * Formulas in R1C1 form, as Range.formulasR1C1 reads and writes them: a reference relative to the
 * cell is R[rows]C[columns] (R or C alone for the same row or column), an absolute one R<n>C<n>.
 * Only A1 references outside string literals change; names and structured references stay.
 */
import { columnLetters } from "../../../src/shared/a1";

const A1 = /(?<![A-Za-z0-9_.$\]])(\$?)([A-Z]{1,3})(\$?)([1-9][0-9]*)(?![A-Za-z0-9_.([])/g;
const R1C1 = /(?<![A-Za-z0-9_.$\]])R(\[-?[0-9]+\]|[0-9]+)?C(\[-?[0-9]+\]|[0-9]+)?(?![A-Za-z0-9_.([])/g;

function outsideStrings(formula: string, f: (part: string) => string): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : f(part)))
    .join("");
}

function columnNumber(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

/** An A1 formula of the cell at zero-based (row, column) in R1C1 form. */
export function toR1C1(formula: string, row: number, column: number): string {
  if (!formula.startsWith("=")) return formula;
  return outsideStrings(formula, (part) =>
    part.replace(A1, (_, colAbs: string, letters: string, rowAbs: string, digits: string) => {
      const r = Number(digits) - 1;
      const c = columnNumber(letters) - 1;
      const rowPart = rowAbs ? `R${r + 1}` : r === row ? "R" : `R[${r - row}]`;
      const columnPart = colAbs ? `C${c + 1}` : c === column ? "C" : `C[${c - column}]`;
      return rowPart + columnPart;
    }),
  );
}

/** An R1C1 formula written to the cell at zero-based (row, column), in A1 form. */
export function fromR1C1(formula: string, row: number, column: number): string {
  if (!formula.startsWith("=")) return formula;
  return outsideStrings(formula, (part) =>
    part.replace(R1C1, (_, r: string | undefined, c: string | undefined) => {
      const at = (text: string | undefined, base: number): { index: number; absolute: boolean } =>
        text === undefined
          ? { index: base, absolute: false }
          : text.startsWith("[")
            ? { index: base + Number(text.slice(1, -1)), absolute: false }
            : { index: Number(text) - 1, absolute: true };
      const rr = at(r, row);
      const cc = at(c, column);
      return `${cc.absolute ? "$" : ""}${columnLetters(cc.index)}${rr.absolute ? "$" : ""}${rr.index + 1}`;
    }),
  );
}
