/**
 * Number keys for HyperFormula's lists of changed cells (src/host/change-keys.ts). What it
 * protects: the changes HyperFormula reports (which cells, with which values, in which order)
 * are exactly those of its own text-keyed lists, through batches that change a cell twice, spilled
 * arrays that cover cells changed before, and structural changes; every address gets a key of its
 * own; and the class still has the shape the keys were written for (an upgrade is noticed).
 */
import fc from "fast-check";
import { type ExportedChange, HyperFormula } from "hyperformula";
import { changeKey, changeKeysInstalled, installChangeKeys } from "../../src/host/change-keys";

// HyperFormula's own limits (40,000 rows, 18,278 columns) are the last cell written.
const CONFIG = { licenseKey: "gpl-v3" } as const;

/** What a change says, as plain data: where, and the value. */
function described(changes: readonly ExportedChange[]): unknown[] {
  return changes.map((c) => JSON.parse(JSON.stringify(c)));
}

/** A run of operations on a fresh workbook; the changes each reported. */
function run(): unknown[][] {
  const hf = HyperFormula.buildEmpty(CONFIG);
  const sheet = hf.getSheetId(hf.addSheet("S")) as number;
  const other = hf.getSheetId(hf.addSheet("T")) as number;
  const reported: unknown[][] = [];
  const record = (changes: ExportedChange[]): void => void reported.push(described(changes));
  record(
    hf.setCellContents({ sheet, row: 0, col: 0 }, [
      [1, 2, 3],
      [4, 5, 6],
      ["=SUM(A1:C2)", "=A3*2", null],
    ]),
  );
  record(
    hf.batch(() => {
      hf.setCellContents({ sheet, row: 0, col: 0 }, [[10]]);
      hf.setCellContents({ sheet, row: 0, col: 0 }, [[20]]);
      hf.setCellContents({ sheet: other, row: 0, col: 0 }, [["=S!A1+1"]]);
      hf.setCellContents({ sheet, row: 5, col: 0 }, [[7, 8, 9]]);
      // A spilled array over cells changed earlier in the same batch: its change replaces theirs.
      hf.setCellContents({ sheet, row: 4, col: 1 }, [[8, 9]]);
      hf.setCellContents({ sheet, row: 4, col: 1 }, [[null, null]]);
      hf.setCellContents({ sheet, row: 4, col: 0 }, [["=TRANSPOSE(A1:A3)"]]);
    }),
  );
  record(hf.setCellContents({ sheet, row: 4, col: 0 }, [[null]]));
  record(hf.addRows(sheet, [1, 2]));
  record(hf.removeRows(sheet, [0, 1]));
  record(hf.setCellContents({ sheet, row: 39_999, col: 18_277 }, [["=S!A1"]]));
  hf.destroy();
  return reported;
}

describe("number keys for HyperFormula's change lists", () => {
  it("reports the same changes, in the same order, as HyperFormula's own lists", () => {
    expect(changeKeysInstalled()).toBe(false);
    const own = run();
    expect(own.flat().length).toBeGreaterThan(20);
    expect(installChangeKeys()).toBe(true);
    expect(changeKeysInstalled()).toBe(true);
    expect(installChangeKeys()).toBe(true);
    expect(run()).toEqual(own);
  });

  it("gives every address a key of its own, a number up to Excel's last cell and text beyond", () => {
    expect(typeof changeKey({ sheet: 3, row: 1_048_575, col: 16_383 })).toBe("number");
    expect(changeKey({ sheet: 1, row: 2 ** 21, col: 0 })).toBe(`1,${2 ** 21},0`);
    const address = fc.record({
      sheet: fc.integer({ min: 0, max: 2 ** 16 + 5 }),
      row: fc.integer({ min: 0, max: 2 ** 21 + 5 }),
      col: fc.integer({ min: 0, max: 2 ** 15 + 5 }),
    });
    fc.assert(
      fc.property(address, address, (a, b) =>
        a.sheet === b.sheet && a.row === b.row && a.col === b.col
          ? changeKey(a) === changeKey(b)
          : changeKey(a) !== changeKey(b),
      ),
      { numRuns: 2_000 },
    );
  });
});
