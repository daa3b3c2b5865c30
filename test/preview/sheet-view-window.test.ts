/**
 * The sheet view of some rows only (what the preview's grid fetches from its worker): the rows it
 * carries are exactly the full view's rows, the frozen rows always come with it, the rest are
 * empty, and the sheet's shape, row heights and charts stay whole. If the window lost a cell's
 * formula, format or input flag, or a row height, the grid would show or edit it wrongly.
 */
import { MemoryHost } from "../../src/host/memory";
import { rowHeightsPx } from "../../src/preview/grid-model";
import { planCompleteModel } from "../../src/templates";
import { inputCells } from "../../src/templates/cells";
import type { SheetPlan } from "../../src/templates/plan";
import { sheetView } from "../../src/preview/sheet-view";

describe("the sheet view of a window of rows (MemoryHost.readSheet reads only those)", () => {
  let host: MemoryHost;
  let plans: SheetPlan[];
  beforeAll(async () => {
    host = new MemoryHost();
    plans = planCompleteModel({
      data: "sample",
      currency: "NT$",
      locale: "en",
      rows: 300,
      generated: true,
    });
    await host.applyPlans(plans, { dialect: "live" });
  });

  it("carries the window's rows and the frozen rows exactly as the full view does, and nothing else", () => {
    const full = sheetView(host, "Portfolio");
    const part = sheetView(host, "Portfolio", { top: 150, bottom: 170 });
    const frozen = full.freeze?.rows ?? 0;
    expect(frozen).toBeGreaterThan(0);
    expect(part.window).toEqual({ top: 150, bottom: 170 });
    expect(full.window).toBeNull();
    expect([part.rows, part.columns]).toEqual([full.rows, full.columns]);
    for (let row = 0; row < full.rows; row++) {
      if (row < frozen || (row >= 150 && row <= 170)) expect(part.cells[row]).toEqual(full.cells[row]);
      else expect(part.cells[row]).toEqual([]);
    }
    // The window's rows hold inputs, formulas and formats (a use case's row).
    expect(part.cells[160].some((c) => c?.input)).toBe(true);
    expect(part.cells[160].some((c) => c?.formula !== undefined)).toBe(true);
    expect(part.charts).toEqual(full.charts);
  });

  it("gives every row its height, carried or not", () => {
    for (const sheet of ["Portfolio", "ROI", "Stress", "Rollout"]) {
      const full = sheetView(host, sheet);
      const part = sheetView(host, sheet, { top: full.rows - 5, bottom: full.rows + 50 });
      // The heights from each cell's style (the whole view) equal those from the window's fontRows.
      expect(rowHeightsPx(part)).toEqual(rowHeightsPx({ cells: full.cells }));
      expect(part.fontRows.length).toBeGreaterThan(0);
    }
  });

  it("flags as inputs exactly the plan's input cells, in the whole sheet and in a window", () => {
    // The oracle lists every input of the plan; the view paints only the rows it carries.
    for (const plan of plans) {
      const full = sheetView(host, plan.sheet);
      const frozen = full.freeze?.rows ?? 0;
      const window = { top: Math.max(frozen, full.rows - 40), bottom: full.rows - 10 };
      const part = sheetView(host, plan.sheet, window);
      const inView = (row: number, column: number): boolean => row < full.rows && column < full.columns;
      const expected = inputCells(plan).filter((c) => inView(c.row, c.column));
      const flagged = (view: typeof full): string[] =>
        view.cells.flatMap((line, row) =>
          line.flatMap((c, column) => (c?.input ? [`${row},${column}`] : [])),
        );
      expect(expected.length).toBeGreaterThan(0);
      expect(flagged(full).sort()).toEqual(expected.map((c) => `${c.row},${c.column}`).sort());
      const carried = (row: number): boolean => row < frozen || (row >= window.top && row <= window.bottom);
      expect(flagged(part).sort()).toEqual(
        expected
          .filter((c) => carried(c.row))
          .map((c) => `${c.row},${c.column}`)
          .sort(),
      );
    }
  });
});
