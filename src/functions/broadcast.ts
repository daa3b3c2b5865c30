/**
 * Element-wise functions over ranges, with Excel's array broadcasting: every argument is a single
 * cell, or has the result's number of rows and/or columns (a column of starts against a row of
 * months gives a grid). One call serves a whole column and spills, instead of thousands of calls.
 */
import { fail, type Matrix, toMatrix } from "./arguments";

export interface Broadcast {
  readonly rows: number;
  readonly columns: number;
  /** The cell of argument `i` that lines up with result cell (r, c). */
  cell(i: number, r: number, c: number): unknown;
}

function shapeText(m: Matrix): string {
  return `${m.length}×${m[0].length}`;
}

export function broadcast(args: readonly { readonly name: string; readonly value: unknown }[]): Broadcast {
  const matrices = args.map((a) => toMatrix(a.value, a.name));
  const rows = Math.max(...matrices.map((m) => m.length));
  const columns = Math.max(...matrices.map((m) => m[0].length));
  matrices.forEach((m, i) => {
    const fitsRows = m.length === 1 || m.length === rows;
    const fitsColumns = m[0].length === 1 || m[0].length === columns;
    if (!fitsRows || !fitsColumns) {
      const widest = matrices.findIndex((other) => other.length === rows || other[0].length === columns);
      fail("sizeMismatch", {
        argument: args[i].name,
        other: args[widest].name,
        got: shapeText(m),
        expected: `${rows}×${columns}`,
      });
    }
  });
  return {
    rows,
    columns,
    cell: (i, r, c) => {
      const m = matrices[i];
      return m[m.length === 1 ? 0 : r][m[0].length === 1 ? 0 : c];
    },
  };
}

/** Runs `compute` for every result cell; the callback sees the cells of each argument. */
export function mapCells<T>(
  shape: Broadcast,
  argCount: number,
  compute: (cells: unknown[], r: number, c: number) => T,
): T[][] {
  const out: T[][] = [];
  const cells = new Array<unknown>(argCount);
  for (let r = 0; r < shape.rows; r++) {
    const row: T[] = [];
    for (let c = 0; c < shape.columns; c++) {
      for (let i = 0; i < argCount; i++) cells[i] = shape.cell(i, r, c);
      row.push(compute(cells, r, c));
    }
    out.push(row);
  }
  return out;
}

/** Where a result cell sits, for messages: row/column only along a dimension longer than one. */
export function cellPosition(shape: Broadcast, r: number, c: number): { row?: number; column?: number } {
  return { ...(shape.rows > 1 ? { row: r + 1 } : {}), ...(shape.columns > 1 ? { column: c + 1 } : {}) };
}
