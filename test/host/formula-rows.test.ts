/**
 * Moving formula references when rows are inserted or deleted, as Excel and HyperFormula do: the
 * plan of a template sheet must stay equal to what its workbook holds after a table row operation.
 */
import { HyperFormula } from "hyperformula";
import { moveFormulaRows, movedSpan, offsetFormulaRows, relativeForm } from "../../src/host/formula-rows";

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
