/**
 * Moving formula references when rows are inserted or deleted, as Excel and HyperFormula do: the
 * plan of a template sheet must stay equal to what its workbook holds after a table row operation.
 */
import { HyperFormula } from "hyperformula";
import {
  moveFormulaRows,
  movedRow,
  movedSpan,
  offsetFormulaRows,
  relativeForm,
} from "../../src/host/formula-rows";

const RANK = '=IF(I11="","",COUNTIF(I$11:I$25,">"&I11)+1)';

describe("moveFormulaRows", () => {
  it("grows a range that an insertion falls inside, and moves references below it", () => {
    expect(moveFormulaRows(RANK, { kind: "insert", at: 12, count: 1 })).toBe(
      '=IF(I11="","",COUNTIF(I$11:I$26,">"&I11)+1)',
    );
    expect(moveFormulaRows("=A20+$B$30", { kind: "insert", at: 12, count: 2 })).toBe("=A22+$B$32");
  });

  it("shrinks a range that loses rows and turns a deleted cell into #REF!", () => {
    expect(moveFormulaRows("=SUM(B11:B25)+B12", { kind: "delete", at: 11, count: 1 })).toBe(
      "=SUM(B11:B24)+#REF!",
    );
    expect(moveFormulaRows("=SUM(B12:B12)", { kind: "delete", at: 11, count: 1 })).toBe("=SUM(#REF!)");
  });

  it("leaves string literals, names with digits, functions and other sheets' references alone", () => {
    const formula = '=LOG10(A30)+Wave1Count+ROI!B40+"A30"&RoiMonths';
    expect(moveFormulaRows(formula, { kind: "insert", at: 0, count: 1 })).toBe(
      '=LOG10(A31)+Wave1Count+ROI!B40+"A30"&RoiMonths',
    );
  });

  it("moves references exactly as HyperFormula does (insert inside, at the edges, and delete)", () => {
    const formulas = ["=SUM(A$2:A$6)", "=A4*2", '=COUNTIF($A$2:$A$6,">"&A2)', "=SUM(A3:A5)+A6"];
    for (const change of [
      { kind: "insert", at: 3, count: 1 },
      { kind: "insert", at: 1, count: 2 },
      { kind: "insert", at: 6, count: 1 },
      { kind: "delete", at: 2, count: 1 },
      { kind: "delete", at: 4, count: 2 },
    ] as const) {
      const hf = HyperFormula.buildEmpty({ licenseKey: "gpl-v3" });
      hf.addSheet("S");
      formulas.forEach((f, i) => hf.setCellContents({ sheet: 0, row: 10 + i, col: 3 }, [[f]]));
      if (change.kind === "insert") hf.addRows(0, [change.at, change.count]);
      else hf.removeRows(0, [change.at, change.count]);
      const shift = change.kind === "insert" ? change.count : -change.count;
      const after = formulas.map((_, i) => hf.getCellFormula({ sheet: 0, row: 10 + i + shift, col: 3 }));
      expect(formulas.map((f) => moveFormulaRows(f, change))).toEqual(after);
    }
  });
});

describe("movedSpan", () => {
  it("grows a range over a whole table for rows joining the table at its edge, and only that", () => {
    // Table body rows 10..20 (zero-based); the header is row 9.
    const table = { top: 10, bottom: 20 };
    const above = { kind: "insert", at: 10, count: 2, table } as const;
    const below = { kind: "insert", at: 21, count: 2, table } as const;
    expect(movedSpan(10, 20, above)).toEqual([10, 22]);
    expect(movedSpan(9, 20, above)).toEqual([9, 22]);
    expect(movedSpan(10, 20, below)).toEqual([10, 22]);
    // A range over part of the table, or one that starts below it, follows the plain rule.
    expect(movedSpan(10, 15, above)).toEqual([12, 17]);
    expect(movedSpan(15, 20, below)).toEqual([15, 20]);
    expect(movedSpan(21, 25, below)).toEqual([23, 27]);
    expect(movedSpan(10, 20, { kind: "insert", at: 10, count: 2 })).toEqual([12, 22]);
    // A single cell on the first row moves down with it.
    expect(moveFormulaRows("=G11+SUM(G11:G21)", above)).toBe("=G13+SUM(G11:G23)");
  });

  it("moves a range end on the formula's own row with that row, never with the table's edge", () => {
    // Table body rows 21..24 (1-based; zero-based 20..23), a running count in column N.
    const table = { top: 20, bottom: 23 };
    const below = { kind: "insert", at: 24, count: 1, table } as const;
    const above = { kind: "insert", at: 20, count: 2, table } as const;
    // Bottom edge: the last row's own N24 stays on row 24; the absolute start stays on the table's top.
    expect(moveFormulaRows("=COUNTIF($N$21:N24,N24)", below, 23)).toBe("=COUNTIF($N$21:N24,N24)");
    // The same range written absolute at row 24 is a range over the whole table: it grows.
    expect(moveFormulaRows("=COUNTIF($N$21:$N$24,N24)", below, 23)).toBe("=COUNTIF($N$21:$N$25,N24)");
    // A total in another row (its own row 26, zero-based 25) grows with relative rows too.
    expect(moveFormulaRows("=SUM(N21:N24)", below, 25)).toBe("=SUM(N21:N25)");
    // A name has no row of its own: its range grows whatever its ends are written as.
    expect(moveFormulaRows("=$N$21:N24", below)).toBe("=$N$21:N25");
    // Top edge, symmetrically: the first row's own N21 moves down with row 21, the absolute end
    // stays on the table's last row (now 26), the same range absolute at row 21 grows.
    expect(moveFormulaRows("=COUNTIF(N21:$N$24,N21)", above, 20)).toBe("=COUNTIF(N23:$N$26,N23)");
    expect(moveFormulaRows("=COUNTIF(N$21:$N$24,N21)", above, 20)).toBe("=COUNTIF(N$21:$N$26,N23)");
    expect(moveFormulaRows("=SUM(N21:N24)", above, 25)).toBe("=SUM(N21:N26)");
    // A range that is its own row alone (across columns) moves as plain references do.
    expect(moveFormulaRows("=SUM(C24:M24)", below, 23)).toBe("=SUM(C24:M24)");
    expect(moveFormulaRows("=SUM(C21:M21)", above, 20)).toBe("=SUM(C23:M23)");
    // Without a table (rows inserted elsewhere) the own row changes nothing: the plain rule.
    const plain = { kind: "insert", at: 22, count: 1 } as const;
    expect(moveFormulaRows("=COUNTIF($N$21:N24,N24)", plain, 23)).toBe("=COUNTIF($N$21:N25,N25)");
  });

  it("keeps a running count one formula per row when rows join the table at either edge", () => {
    // Row k of the column counts from the table's first row down to its own row, as the Stress
    // sheet's tornado Order does; after the change every row, the new ones copied from their
    // neighbour, must still read alike relative to its own row.
    const table = { top: 20, bottom: 23 };
    const column = [20, 21, 22, 23].map((row) => ({
      row,
      formula: `=COUNTIF($N$21:N${row + 1},N${row + 1})`,
    }));
    for (const change of [
      { kind: "insert", at: 24, count: 2, table },
      { kind: "insert", at: 20, count: 2, table },
    ] as const) {
      const moved = column.map(({ row, formula }) => ({
        row: movedRow(row, change)!,
        formula: moveFormulaRows(formula, change, row),
      }));
      const [source, rows] =
        change.at === table.top ? [moved[0], [20, 21]] : [moved[moved.length - 1], [24, 25]];
      const added = rows.map((row) => ({
        row,
        formula: offsetFormulaRows(source.formula, row - source.row),
      }));
      const forms = new Set([...moved, ...added].map(({ row, formula }) => relativeForm(formula, row)));
      expect([...forms]).toEqual(["=COUNTIF($N$21:NR[0],NR[0])"]);
    }
  });

  it("keeps a range that loses only some rows, and drops one that loses all", () => {
    expect(movedSpan(10, 20, { kind: "delete", at: 8, count: 5 })).toEqual([8, 15]);
    expect(movedSpan(10, 12, { kind: "delete", at: 10, count: 3 })).toBeNull();
  });
});

describe("offsetFormulaRows and relativeForm", () => {
  it("copies a row's formula to the next row as a paste does", () => {
    expect(offsetFormulaRows(RANK, 1)).toBe('=IF(I12="","",COUNTIF(I$11:I$25,">"&I12)+1)');
  });

  it("reads the same calculated column alike on every row", () => {
    expect(relativeForm(RANK, 10)).toBe(relativeForm(offsetFormulaRows(RANK, 3), 13));
    expect(relativeForm("=INDEX(X,1)", 10)).not.toBe(relativeForm("=INDEX(X,2)", 11));
  });
});
