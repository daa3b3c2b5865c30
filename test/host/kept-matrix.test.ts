/**
 * keepInto with a matrix kept by label (a name marked keyedBy), on any host's reading: each kept
 * pair moves to its two lines' new positions, repeated labels pair up in order, a new line's row
 * and column are blank, and a pair whose line is gone is reported. Pure: the same code puts what
 * Excel (Office host) and HyperFormula (memory host) read into the plan.
 */
import { keepInto, type KeptRange, type KeptSheet } from "../../src/host/kept-content";
import { planCellAt } from "../../src/host/plan-rows";
import { OfficeHost } from "../../src/host/office";
import { cellAddress, parseRange } from "../../src/shared/a1";
import { fakeExcelRun } from "./excel-fake";
import { planModel } from "../../src/templates/index";
import type { SheetPlan } from "../../src/templates/plan";
import { STRESS_NAMES } from "../../src/templates/stress";

const OPTIONS = { data: "sample", currency: "NT$", locale: "en" } as const;

/** A linked Stress plan whose lines carry these labels (benefits, then costs). */
function stressPlan(benefits: string[], costs: string[]): SheetPlan {
  const line = (label: string) => ({ label, group: null, base: null, kind: null });
  return planModel(
    ["stress"],
    { ...OPTIONS, lines: { benefits: benefits.map(line), costs: costs.map(line) } },
    ["roi"],
  )[0];
}

function matrixOf(plan: SheetPlan): unknown[][] {
  const r = parseRange(plan.names.find((n) => n.name === STRESS_NAMES.correlation)!.range);
  return Array.from({ length: r.bottom - r.top + 1 }, (_, i) =>
    Array.from({ length: r.right - r.left + 1 }, (__, j) => planCellAt(plan, r.top + i, r.left + j)),
  );
}

function kept(labels: string[], cells: (number | null)[][]): KeptSheet {
  const range = (rows: (string | number | null)[][]): KeptRange => ({ top: 12, left: 0, cells: rows });
  return {
    tables: new Map(),
    names: new Map([
      [STRESS_NAMES.correlation.toLowerCase(), range(cells)],
      [STRESS_NAMES.correlationLabels.toLowerCase(), range(labels.map((l) => [l]))],
    ]),
    cells: new Map(),
    notCarried: [],
  };
}

describe("a matrix kept by label", () => {
  it("moves each pair to its lines' new positions, blank for a new line, and reports a gone line's pairs", () => {
    // Built for A, B | X, Y; now A, New, B | Y (X removed, New added between A and B).
    const old = kept(
      ["A", "B", "X", "Y"],
      [
        [1, 0.4, 0.2, 0],
        [0.4, 1, 0, -0.3],
        [0.2, 0, 1, 0],
        [0, -0.3, 0, 1],
      ],
    );
    const { plan, report } = keepInto(stressPlan(["A", "New", "B"], ["Y"]), old);
    expect(matrixOf(plan)).toEqual([
      [1, null, 0.4, 0],
      [null, 1, null, null],
      [0.4, null, 1, -0.3],
      [0, null, -0.3, 1],
    ]);
    expect(report.notCarried).toEqual([
      "StressCorrelation: 0.2 between “A” and “X” (a line no longer in the model)",
    ]);
  });

  it("pairs repeated labels in order, and leaves a matrix of the same lines as it was", () => {
    const old = kept(
      ["Same", "Same", "C"],
      [
        [1, 0.1, 0.2],
        [0.1, 1, 0.3],
        [0.2, 0.3, 1],
      ],
    );
    const { plan, report } = keepInto(stressPlan(["Same", "Same"], ["C"]), old);
    expect(matrixOf(plan)).toEqual([
      [1, 0.1, 0.2],
      [0.1, 1, 0.3],
      [0.2, 0.3, 1],
    ]);
    expect(report.notCarried).toEqual([]);
  });
});

describe("a matrix kept by label through the Office host (recording fake of Excel)", () => {
  it("reads the old matrix and its labels by name and writes each pair at its lines' new positions", async () => {
    const { excel, run, isSetSupported } = fakeExcelRun();
    const host = new OfficeHost(run, { isSetSupported });
    const sample = ["Agent cost saved", "Capacity from shorter handling", "Retention"];
    const costs = [
      "Model API",
      "Platform and infrastructure",
      "People (build and run)",
      "Training and change",
      "Implementation",
    ];
    const before = stressPlan(sample, costs);
    await host.applyPlans([before], { dialect: "live" });
    const at = (plan: SheetPlan, i: number, j: number): string => {
      const r = parseRange(plan.names.find((n) => n.name === STRESS_NAMES.correlation)!.range);
      return cellAddress(r.top + i, r.left + j);
    };
    // Retention (line 3) with Model API (line 4): 0.6, typed in Excel.
    excel.userEdit("Stress", at(before, 2, 3), 0.6);
    excel.userEdit("Stress", at(before, 3, 2), 0.6);

    // Rebuilt for one more benefit line: Model API moves to line 5.
    const after = stressPlan([...sample, "Faster onboarding"], costs);
    const result = await host.applyPlans([after], { dialect: "live", policies: { Stress: "replace" } });
    expect(result.sheets[0].kept?.notCarried).toEqual([]);
    const value = (i: number, j: number) => excel.cell("Stress", at(after, i, j))?.value ?? null;
    expect([value(2, 4), value(4, 2)]).toEqual([0.6, 0.6]);
    expect(value(0, 1)).toBe(0.5);
    // The new line's row: blank off the diagonal.
    expect([0, 1, 2, 4, 5].map((j) => value(3, j))).toEqual([null, null, null, null, null]);
  });
});
