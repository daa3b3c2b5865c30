/**
 * formulaReads: which cells of a sheet a typed formula reads, as its text proves, or null when it
 * cannot. What it protects: a rebuild keeps a user's formula only when it provably reads cells that
 * still hold the same; a reference it missed (or a name it trusted) would let a formula come back
 * meaning something else.
 */
import { formulaReads } from "../../src/host/formula-reads";
import { parseRange } from "../../src/shared/a1";

const reads = (formula: string) => formulaReads(formula, "Stress");

describe("formulaReads", () => {
  it("lists unqualified references and references to the same sheet, ignoring other sheets", () => {
    expect(reads("=E15")).toEqual({ ranges: [parseRange("E15")], positional: false });
    expect(reads("=Stress!$E$15*0.5+'stress'!B13:C14")?.ranges).toEqual([
      parseRange("E15"),
      parseRange("B13:C14"),
    ]);
    expect(reads("=ROI!B5+'My sheet'!$C$2:$D$9")).toEqual({ ranges: [], positional: false });
    expect(reads("=MIN(1,MAX(-1,ROI!B5*LOG10(2)))+1E-3")).toEqual({ ranges: [], positional: false });
    // Text in a string literal is not a reference.
    expect(reads('=IF(ROI!A1="E15",0.2,0)')).toEqual({ ranges: [], positional: false });
    expect(reads("=TRUE")).toEqual({ ranges: [], positional: false });
  });

  it("says when the value depends on the cell the formula is in", () => {
    expect(reads("=ROW()/100")?.positional).toBe(true);
    expect(reads("=0.1*COLUMN()")?.positional).toBe(true);
  });

  it("gives null for what the text cannot prove: names, tables, whole columns, INDIRECT, OFFSET", () => {
    for (const formula of [
      "=SimSeed/100",
      "=Benefits[Low]",
      "=SUM(A:A)",
      "=SUM(Stress!A:A)",
      '=INDIRECT("E15")',
      "=OFFSET(ROI!A1,1,1)",
      "=[1]Sheet1!A1",
    ])
      expect([formula, reads(formula)]).toEqual([formula, null]);
  });
});
