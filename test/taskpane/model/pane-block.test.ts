/**
 * The pane's result blocks on the Stress sheet: written all or none, only where the sheet's layout
 * has them in the shape this version writes, and the sensitivity block's rows as the spider and
 * the percentile tornado read them.
 */
import { HORIZON_PAYBACK_MONTHS, type SensitivityResult } from "../../../src/engine/case-simulation";
import type { CellWrite, NameLocation } from "../../../src/host/workbook-host";
import { PAYBACK_BEYOND_CELL, paneSensitivityCells } from "../../../src/taskpane/model/case-run";
import { writePaneBlocks } from "../../../src/taskpane/model/pane-block";
import { PANE_SENSITIVITY_COLUMNS, PANE_SENSITIVITY_LINES } from "../../../src/templates/stress";
import { sensitivityLine } from "./sensitivity-fixture";

function fakeHost(names: Record<string, NameLocation | null>) {
  const writes: CellWrite[][] = [];
  return {
    writes,
    host: {
      locateNames: (wanted: readonly string[]) =>
        Promise.resolve(Object.fromEntries(wanted.map((n) => [n, names[n] ?? null]))),
      writeCells: (w: readonly CellWrite[]) => {
        writes.push([...w]);
        return Promise.resolve({ skipped: [] });
      },
    },
  };
}

const block = (name: string, rows: number, columns: number, missing = `no ${name}`) => ({
  name,
  shape: { rows, columns },
  values: Array.from({ length: rows }, () => new Array<number>(columns).fill(1)),
  missing,
});

describe("writePaneBlocks", () => {
  it("writes every block in one call, each at its name's cells, with its number format", async () => {
    const { host, writes } = fakeHost({
      A: { sheet: "Stress", address: "B2:C3" },
      B: { sheet: "Stress", address: "A10:A11" },
    });
    const format = { kind: "percent" as const, currency: "NT$", locale: "en" as const };
    await writePaneBlocks(host, [block("A", 2, 2), { ...block("B", 2, 1), format }]);
    expect(writes).toHaveLength(1);
    expect(writes[0].map((w) => [w.address, w.format ?? null])).toEqual([
      ["B2:C3", null],
      ["A10:A11", format],
    ]);
  });

  it("writes nothing and says the block's own words when one block is missing or of another shape", async () => {
    const older = fakeHost({ A: { sheet: "Stress", address: "B2:C3" }, B: null });
    await expect(
      writePaneBlocks(older.host, [block("A", 2, 2), block("B", 2, 1, "rebuild")]),
    ).rejects.toThrow("rebuild");
    const other = fakeHost({
      A: { sheet: "Stress", address: "B2:C3" },
      B: { sheet: "Stress", address: "A1:A3" },
    });
    await expect(
      writePaneBlocks(other.host, [block("A", 2, 2), block("B", 2, 1, "rebuild")]),
    ).rejects.toThrow("rebuild");
    expect([...older.writes, ...other.writes]).toEqual([]);
  });
});

describe("paneSensitivityCells", () => {
  const line = sensitivityLine;
  const result: SensitivityResult = {
    output: "paybackMonths",
    percentiles: [0.1, 0.3, 0.5, 0.7, 0.9],
    base: 6,
    lines: [
      line("Big", 0, [4, 5, 6, 7, Infinity]),
      line("Small", 1, [5, 5.5, 6, 6.5, 7]),
      line("Flat", 2, [6, 6, 6, 6, 6]),
    ],
  };

  it("keeps the lines that move the output, in the engine's order, and blanks what has no value", () => {
    const cells = paneSensitivityCells(result, "Payback (months)");
    expect(cells.output).toEqual([["Payback (months)"], [6]]);
    expect(cells.lines).toHaveLength(PANE_SENSITIVITY_LINES);
    // "Big" puts payback beyond the horizon at its P90 (an infinite swing, first): that end is a
    // number past the horizon, which Excel's charts draw and the "payback" format shows as "> 36".
    // The line that does not move the output is left out.
    expect(cells.lines[0]).toEqual(["Big", 4, 5, 6, 7, PAYBACK_BEYOND_CELL]);
    expect(PAYBACK_BEYOND_CELL).toBeGreaterThan(HORIZON_PAYBACK_MONTHS);
    expect(cells.lines[1]).toEqual(["Small", 5, 5.5, 6, 6.5, 7]);
    expect(
      cells.lines
        .slice(2)
        .flat()
        .every((v) => v === null),
    ).toBe(true);
    expect(cells.lines.every((row) => row.length === PANE_SENSITIVITY_COLUMNS)).toBe(true);
  });

  it("writes a base payback beyond the horizon past it, and leaves an output with no value blank", () => {
    expect(paneSensitivityCells({ ...result, base: Infinity }, "Payback").output).toEqual([
      ["Payback"],
      [PAYBACK_BEYOND_CELL],
    ]);
    const roi: SensitivityResult = { ...result, output: "annualRoi", base: NaN, lines: [] };
    expect(paneSensitivityCells(roi, "ROI").output).toEqual([["ROI"], [null]]);
  });
});
