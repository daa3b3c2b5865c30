/**
 * The parse memo (parse-memo.ts) hands a formula the parse of an earlier one of the same relative
 * form. It protects two things: a key is shared only by texts HyperFormula would parse to the same
 * relative tree, and a whole model built with the memo is the same workbook, cell for cell and
 * edge for edge, as one built by HyperFormula's parser alone.
 */
import { MemoryHost } from "../../src/host/memory";
import { relativeKey } from "../../src/host/parse-memo";
import { planModel } from "../../src/templates/index";
import { snapshot } from "./memory-support";

const at = (a1Row: number, column = 0) => ({ row: a1Row - 1, col: column });

describe("relativeKey", () => {
  it("gives a formula copied down a column the key of its first row", () => {
    const first = relativeKey('=IF(A5="","",B5*$C$1+Sheet2!D$4)', at(5));
    expect(first).not.toBeNull();
    expect(relativeKey('=IF(A6="","",B6*$C$1+Sheet2!D$4)', at(6))).toBe(first);
    expect(relativeKey('=IF(A5000="","",B5000*$C$1+Sheet2!D$4)', at(5000))).toBe(first);
  });

  it("tells apart texts that differ outside references or in an anchor", () => {
    const key = relativeKey("=A5+$C$1", at(5));
    expect(relativeKey("=A6+$C$2", at(6))).not.toBe(key);
    expect(relativeKey("=$A6+$C$1", at(6))).not.toBe(key);
    expect(relativeKey("=A6-$C$1", at(6))).not.toBe(key);
    expect(relativeKey("=A6+$C$1", at(6, 1))).not.toBe(key);
  });

  it("keeps string literals, sheet prefixes and function names as written", () => {
    expect(relativeKey('=IF(A5="A5",1,2)', at(5))).not.toBe(relativeKey('=IF(A6="A6",1,2)', at(6)));
    expect(relativeKey("=Sheet1!A5", at(5))).not.toBe(relativeKey("=Sheet2!A6", at(6)));
    expect(relativeKey("='Q1 2025'!A5", at(5))).not.toBe(relativeKey("='Q2 2025'!A6", at(6)));
    expect(relativeKey("=LOG10(A5)", at(5))).toBe(relativeKey("=LOG10(A6)", at(6)));
    expect(relativeKey("=LOG10(A5)", at(5))).not.toBe(relativeKey("=LOG11(A6)", at(6)));
    expect(relativeKey("=Wave1Count+A5", at(5))).not.toBe(relativeKey("=Wave2Count+A6", at(6)));
  });

  it("gives up on what it cannot vouch for", () => {
    for (const formula of [
      "=SUM(A:A)", // column range
      "=SUM(1:3)", // row range
      "=SUM($A$1:A5)", // ends anchored differently: ordered by absolute position
      "=SUM(A1:Sheet2!B5)",
      "=#REF!+A1",
      "=1A1",
      "=Table1[Amount]",
      "=表1+A1",
      '="open',
      "=A1:B2:C3",
    ])
      expect([formula, relativeKey(formula, at(5))]).toEqual([formula, null]);
    expect(relativeKey('=IF(A5="表",1,2)', at(5))).not.toBeNull();
    expect(relativeKey("=SUM($A$1:$A$9)+1.5e3", at(5))).not.toBeNull();
  });
});

describe("MemoryHost with the parse memo", () => {
  it("builds the same workbook as HyperFormula's parser alone, before and after an edit", async () => {
    const plans = planModel(["portfolio", "rollout", "roi", "stress"], {
      data: "sample",
      locale: "en",
      currency: "NT$",
      rows: 120,
      generated: true,
    });
    const memo = new MemoryHost();
    const plain = new MemoryHost({ memoizeParses: false });
    for (const host of [memo, plain]) await host.applyPlans(plans, { dialect: "portable" });
    expect(memo.snapshot()).toEqual(plain.snapshot());
    expect(await snapshot(memo)).toEqual(await snapshot(plain));
    // A workbook restored from storage (the preview's reload) is the same too.
    const restored = MemoryHost.fromSnapshot(plain.snapshot());
    const restoredPlain = MemoryHost.fromSnapshot(plain.snapshot(), { memoizeParses: false });
    expect(await snapshot(restored)).toEqual(await snapshot(restoredPlain));
    expect(await snapshot(restored)).toEqual(await snapshot(plain));
    const scoresBefore = await memo.readRange("Portfolio", "I11:I130");
    // An edit reaches exactly the same cells: the memo's parses carry the same dependencies.
    const edit = { sheet: "Portfolio", address: "B5:E5", values: [[0.5, 0.2, 0.2, 0.1]] };
    const changed = await Promise.all([memo.writeCells([edit]), plain.writeCells([edit])]);
    expect(changed[0]).toEqual(changed[1]);
    expect(await snapshot(memo)).toEqual(await snapshot(plain));
    // ... and the edit did move the scores of every row, the generated ones included.
    const scoresAfter = await memo.readRange("Portfolio", "I11:I130");
    expect(scoresAfter.filter((row, r) => row[0] !== scoresBefore[r][0]).length).toBeGreaterThan(100);
  });
});
