/**
 * keepInto with a matrix kept by label (a name marked keyedBy), on any host's reading: each kept
 * pair moves to its two lines' new positions, labels compare as the sheet's = does (case ignored,
 * spaces not), a new line's row and column are blank, and a pair whose line is gone, whose label
 * names more than one line, or a formula that would read other cells after the rebuild is
 * reported, never guessed. Pure: the same code puts what Excel (Office host) and HyperFormula
 * (memory host) read into the plan.
 */
import {
  keepInto,
  userFormula,
  type KeptCell,
  type KeptRange,
  type KeptSheet,
} from "../../src/host/kept-content";
import { keptSheet } from "../../src/host/layout-migrations";
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

/** The old sheet as a rebuild reads it: the matrix at B13 (as built), its labels in A13 down. */
function kept(labels: string[], cells: KeptCell[][]): KeptSheet {
  const range = (left: number, rows: KeptCell[][]): KeptRange => ({ top: 12, left, cells: rows });
  return {
    tables: new Map(),
    names: new Map([
      [STRESS_NAMES.correlation.toLowerCase(), range(1, cells)],
      [
        STRESS_NAMES.correlationLabels.toLowerCase(),
        range(
          0,
          labels.map((l) => [l]),
        ),
      ],
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

  it("leaves a matrix of the same lines as it was, repeated labels included (the sheet applies it row for row)", () => {
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

describe("a row without a line's own label", () => {
  it("carries no pair of a blank row, even to the one blank row of the lines now, and says why", () => {
    // Built for (no label), B | Y with the unlabelled line's pair to Y; now B, (no label) | Y:
    // a sort moved the unlabelled line, and nothing tells it is the same line.
    const old = kept(
      ["", "B", "Y"],
      [
        [1, 0.2, 0.5],
        [0.2, 1, -0.3],
        [0.5, -0.3, 1],
      ],
    );
    const { plan, report } = keepInto(stressPlan(["B", ""], ["Y"]), old);
    expect(matrixOf(plan)).toEqual([
      [1, null, -0.3],
      [null, 1, null],
      [-0.3, null, 1],
    ]);
    const why =
      "a row without a label, so which line it was written for is not known: label the line and type the pair again";
    expect(report.notCarried).toEqual([
      `StressCorrelation: 0.2 between “(blank)” and “B” (${why})`,
      `StressCorrelation: 0.5 between “(blank)” and “Y” (${why})`,
    ]);
  });

  it("reads layout 5's name by position (“Benefit 2”) as no label, even where a line now has that label", () => {
    // Layout 5 named an unlabelled line by its kind and position: its pairs followed positions.
    const plan = stressPlan(["A", "Benefit 2"], ["Cost 1"]);
    const old = kept(
      ["A", "Benefit 2", "Cost 1"],
      [
        [1, 0.4, 0.1],
        [0.4, 1, 0.6],
        [0.1, 0.6, 1],
      ],
    );
    const read = { tables: old.tables, names: old.names, cells: old.cells };
    const { plan: upgraded, report } = keepInto(plan, keptSheet(plan, 5, read));
    expect(matrixOf(upgraded)).toEqual([
      [1, null, null],
      [null, 1, null],
      [null, null, 1],
    ]);
    expect(report.notCarried).toEqual([
      "StressCorrelation: 0.4 between “A” and “Benefit 2” (“Benefit 2” named a line without a label by its position, so which line it was written for is not known: label the line and type the pair again)",
      "StressCorrelation: 0.1 between “A” and “Cost 1” (“Cost 1” named a line without a label by its position, so which line it was written for is not known: label the line and type the pair again)",
      "StressCorrelation: 0.6 between “Benefit 2” and “Cost 1” (“Benefit 2” named a line without a label by its position, so which line it was written for is not known: label the line and type the pair again)",
    ]);
    // The same labels in the current layout are the lines' own: nothing moves, nothing is lost.
    const same = keepInto(plan, keptSheet(plan, plan.version, read));
    expect(matrixOf(same.plan)).toEqual([
      [1, 0.4, 0.1],
      [0.4, 1, 0.6],
      [0.1, 0.6, 1],
    ]);
    expect(same.report.notCarried).toEqual([]);
  });
});

describe("labels compared as the sheet compares them", () => {
  it("carries a line renamed in case only, and not one renamed with a trailing space", () => {
    // The sheet applies the matrix while each label "=" its line: Excel's = ignores case, not
    // spaces. Built for A, B | Model API, X; now A, B, New | MODEL API, X (a benefit added, so the
    // costs move): the pairs follow "MODEL API" as the sheet would match it.
    const old = kept(
      ["A", "B", "Model API", "X"],
      [
        [1, 0.5, 0.3, 0],
        [0.5, 1, 0.3, 0],
        [0.3, 0.3, 1, 0.1],
        [0, 0, 0.1, 1],
      ],
    );
    const renamed = keepInto(stressPlan(["A", "B", "New"], ["MODEL API", "X"]), old);
    expect(matrixOf(renamed.plan)).toEqual([
      [1, 0.5, null, 0.3, 0],
      [0.5, 1, null, 0.3, 0],
      [null, null, 1, null, null],
      [0.3, 0.3, null, 1, 0.1],
      [0, 0, null, 0.1, 1],
    ]);
    expect(renamed.report.notCarried).toEqual([]);
    // "Model API " is another line for the sheet's =: its pairs are reported, not carried.
    const spaced = keepInto(stressPlan(["A", "B", "New"], ["Model API ", "X"]), old);
    expect(matrixOf(spaced.plan)[3]).toEqual([null, null, null, 1, null]);
    expect(spaced.report.notCarried).toEqual([
      "StressCorrelation: 0.3 between “A” and “Model API” (a line no longer in the model)",
      "StressCorrelation: 0.3 between “B” and “Model API” (a line no longer in the model)",
      "StressCorrelation: 0.1 between “Model API” and “X” (a line no longer in the model)",
    ]);
  });
});

describe("a label that names more than one line", () => {
  const why = (label: string) =>
    `more than one line is labelled “${label}”, so which one it was written for is not known`;

  it("carries no pair of a label repeated among the lines now, and says why", () => {
    // Built for A, B | X; B renamed "A" and a cost Y added: two lines are "A".
    const old = kept(
      ["A", "B", "X"],
      [
        [1, 0.5, 0.4],
        [0.5, 1, 0.2],
        [0.4, 0.2, 1],
      ],
    );
    const { plan, report } = keepInto(stressPlan(["A", "A"], ["X", "Y"]), old);
    expect(matrixOf(plan)).toEqual([
      [1, null, null, null],
      [null, 1, null, null],
      [null, null, 1, null],
      [null, null, null, 1],
    ]);
    expect(report.notCarried).toEqual([
      `StressCorrelation: 0.5 between “A” and “B” (${why("A")})`,
      `StressCorrelation: 0.4 between “A” and “X” (${why("A")})`,
      "StressCorrelation: 0.2 between “B” and “X” (a line no longer in the model)",
    ]);
  });

  it("carries no pair of a label the old matrix repeats once the lines change", () => {
    const old = kept(
      ["Same", "Same", "C"],
      [
        [1, 0.1, 0.2],
        [0.1, 1, 0.3],
        [0.2, 0.3, 1],
      ],
    );
    // A cost D added: the rows of "Same" would have to be guessed.
    const { plan, report } = keepInto(stressPlan(["Same", "Same"], ["C", "D"]), old);
    expect(matrixOf(plan)).toEqual([
      [1, null, null, null],
      [null, 1, null, null],
      [null, null, 1, null],
      [null, null, null, 1],
    ]);
    expect(report.notCarried).toEqual([
      `StressCorrelation: 0.1 between “Same” and “Same” (${why("Same")})`,
      `StressCorrelation: 0.2 between “Same” and “C” (${why("Same")})`,
      `StressCorrelation: 0.3 between “Same” and “C” (${why("Same")})`,
    ]);
  });
});

describe("a formula typed into a pair", () => {
  // Built for A, B | C: the matrix is B13:D15, so pair(0,1) is C13 and pair(1,0) is B14.
  const typed = (): KeptSheet =>
    kept(
      ["A", "B", "C"],
      [
        [1, 0.6, userFormula("=B15")],
        [userFormula("=C13"), 1, userFormula("=ROI!$B$5")],
        [userFormula("=$Z$1"), userFormula("=D14"), 1],
      ],
    );

  it("stays where nothing moves and it reads only pairs that stay, and is reported otherwise", () => {
    const { plan, report } = keepInto(stressPlan(["A", "B"], ["C"]), typed());
    expect(matrixOf(plan)).toEqual([
      // =B15 reads =$Z$1, which is left out: it is left out in turn.
      [1, 0.6, null],
      [userFormula("=C13"), 1, userFormula("=ROI!$B$5")],
      [null, userFormula("=D14"), 1],
    ]);
    expect(report.notCarried).toEqual([
      "StressCorrelation: =B15 between “A” and “C” (a formula reading cells the rebuild rewrites: type it again)",
      "StressCorrelation: =$Z$1 between “C” and “A” (a formula reading cells the rebuild rewrites: type it again)",
    ]);
  });

  it("is left out when its pair moves and it reads a pair, kept when it reads no cell of the sheet", () => {
    // A benefit N added before C: C's row and column move one down and right.
    const { plan, report } = keepInto(stressPlan(["A", "B", "N"], ["C"]), typed());
    expect(matrixOf(plan)).toEqual([
      [1, 0.6, null, null],
      // The mirror =C13 stays: neither A nor B moved and C13 keeps 0.6.
      [userFormula("=C13"), 1, null, userFormula("=ROI!$B$5")],
      [null, null, 1, null],
      [null, null, null, 1],
    ]);
    expect(report.notCarried).toEqual([
      "StressCorrelation: =B15 between “A” and “C” (a formula whose pair moves in the rebuilt matrix, where it would read other cells: type it again)",
      "StressCorrelation: =$Z$1 between “C” and “A” (a formula reading cells the rebuild rewrites: type it again)",
      "StressCorrelation: =D14 between “C” and “B” (a formula whose pair moves in the rebuilt matrix, where it would read other cells: type it again)",
    ]);
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

  it("reads a mirror formula as typed: kept while nothing moves, reported and blank once its lines move", async () => {
    const { excel, run, isSetSupported } = fakeExcelRun();
    const host = new OfficeHost(run, { isSetSupported });
    const sample = ["Agent cost saved", "Capacity from shorter handling", "Retention"];
    const costs = ["Model API", "Platform and infrastructure"];
    const before = stressPlan(sample, costs);
    await host.applyPlans([before], { dialect: "live" });
    const at = (plan: SheetPlan, i: number, j: number): string => {
      const r = parseRange(plan.names.find((n) => n.name === STRESS_NAMES.correlation)!.range);
      return cellAddress(r.top + i, r.left + j);
    };
    excel.userEdit("Stress", at(before, 2, 3), 0.6);
    excel.userEdit("Stress", at(before, 3, 2), `=${at(before, 2, 3)}`);

    const same = await host.applyPlans([before], { dialect: "live", policies: { Stress: "replace" } });
    expect(same.sheets[0].kept?.notCarried).toEqual([]);
    expect(excel.cell("Stress", at(before, 3, 2))?.formula).toBe(`=${at(before, 2, 3)}`);

    const after = stressPlan([...sample, "Faster onboarding"], costs);
    const moved = await host.applyPlans([after], { dialect: "live", policies: { Stress: "replace" } });
    expect(moved.sheets[0].kept?.notCarried).toEqual([
      `StressCorrelation: =${at(before, 2, 3)} between “Model API” and “Retention” (a formula whose pair moves in the rebuilt matrix, where it would read other cells: type it again)`,
    ]);
    expect(excel.cell("Stress", at(after, 2, 4))?.value).toBe(0.6);
    const mirror = excel.cell("Stress", at(after, 4, 2));
    expect([mirror?.formula ?? null, mirror?.value ?? null]).toEqual([null, null]);
  });
});
