/**
 * The GENAI plugin computes in HyperFormula what the Excel custom function computes: each
 * formula's value equals the validating wrapper called directly with the arguments Excel would
 * pass (ranges as 2-D arrays with "" for empty cells, omitted optionals as null).
 */
import { DetailedCellError, HyperFormula, type RawCellContent } from "hyperformula";
import { apiCostOf, breakEvenOf, paybackOf, pvRoiOf, roiOf, tokenCostOf } from "../../src/functions/finance";
import { gateOf, quadrantOf, quadrantScoreOf } from "../../src/functions/portfolio";
import { simPercentileOf, simTargetOf, simulateRoiOf, tornadoOf } from "../../src/functions/risk";
import { adoptionOf, waveOf } from "../../src/functions/rollout";
import { ensureCustomFunctionsGlobal } from "../../src/host/custom-functions-shim";
import { rankDescending } from "../../src/engine/portfolio";
import { GENAI_FUNCTIONS, registerGenaiPlugin } from "../../src/host/genai-plugin";
import { parseCell, parseRange } from "../../src/shared/a1";

registerGenaiPlugin();

/** A sheet of argument data, from A1. Columns: A–C three-point items, E–I per-row metrics, ... */
const DATA: RawCellContent[][] = [
  // A      B      C      D    E    F    G    H     I     J     K    L   M    N
  [700, 1000, 1200, null, 5, 2, 4, 5, 0.92, 2.1, 0.03, 0.45, 0.82, -100],
  [3360, 4800, 5760, null, 2, 4, 3, 2, 0.8, 4, 0.1, 0.2, 0.5, 30],
  [7000, 10000, 12000, null, null, null, null, null, 0.95, 1, 0.01, 0.5, null, 30],
  [691, 768, 998, null, 4, 4, 5, 1, 0.9, 2.9, 0.04, 0.4, 0.71, 30],
  [540, 600, 780, null, null, null, null, null, null, null, null, null, null, 30],
  [1296, 1440, 1872, null, null, null, null, null, null, null, null, null, null, null],
  [150, 167, 217, null, null, null, null, null, null, null, null, null, null, null],
];
const LABELS = ["agent", "capacity", "retention", "api", "platform", "people", "training"];
/** Row 10 (index 9): a row of months 0..5; P1:P7 labels; Q1:Q3 readiness; R1:R4 weights. */
const MONTHS = [0, 1, 2, 3, 4, 5];
const STARTS = [[0], [2], [""]];
const READINESS = [[3.5], [4.2], [2.9], [4.8], [""]];
const WEIGHTS = [[0.4], [0.3], [0.15], [0.15]];
/** T1:Z7: a rank correlation over the seven items, upper triangle blank, inconsistent on purpose. */
const CORRELATION = Array.from({ length: 7 }, (_, i) =>
  Array.from({ length: 7 }, (__, j) =>
    i === j ? 1 : j > i ? null : i < 3 ? (j === 0 && i === 2 ? -0.9 : 0.9) : 0.2,
  ),
);
/** AA1:AA3: probabilities for SIM_PERCENTILE, one blank. */
const PROBABILITIES = [[0.1], [null], [0.9]];

function workbook(): { hf: HyperFormula; sheet: number } {
  const hf = HyperFormula.buildEmpty({ licenseKey: "gpl-v3", precisionRounding: 15 });
  hf.addSheet("Data");
  const sheet = hf.getSheetId("Data") as number;
  hf.setCellContents({ sheet, row: 0, col: 0 }, DATA);
  hf.setCellContents({ sheet, row: 9, col: 0 }, [MONTHS]);
  hf.setCellContents(
    { sheet, row: 0, col: 15 },
    LABELS.map((l) => [l]),
  );
  hf.setCellContents(
    { sheet, row: 0, col: 16 },
    READINESS.map(([r]) => [r === "" ? null : r]),
  );
  hf.setCellContents({ sheet, row: 0, col: 17 }, WEIGHTS);
  hf.setCellContents(
    { sheet, row: 0, col: 18 },
    STARTS.map(([s]) => [s === "" ? null : s]),
  );
  hf.setCellContents({ sheet, row: 0, col: 19 }, CORRELATION);
  hf.setCellContents({ sheet, row: 0, col: 26 }, PROBABILITIES);
  return { hf, sheet };
}

/** The values of a range as Excel passes them to a custom function. */
function excel(range: string): unknown[][] {
  const r = parseRange(range);
  const grid: unknown[][] = [];
  for (let row = r.top; row <= r.bottom; row++) {
    const line: unknown[] = [];
    for (let col = r.left; col <= r.right; col++) {
      const v =
        row === 9
          ? MONTHS[col]
          : col === 15
            ? LABELS[row]
            : col === 16
              ? READINESS[row][0]
              : col === 17
                ? WEIGHTS[row][0]
                : col === 18
                  ? STARTS[row][0]
                  : col >= 19 && col <= 25
                    ? CORRELATION[row]?.[col - 19]
                    : col === 26
                      ? PROBABILITIES[row]?.[0]
                      : DATA[row]?.[col];
      line.push(v === null || v === undefined ? "" : v);
    }
    grid.push(line);
  }
  return grid;
}

/** What the direct call returns, as cells: errors by their Excel code. */
function direct(call: () => unknown): unknown[][] {
  let result: unknown;
  try {
    result = call();
  } catch (error) {
    result = error;
  }
  const cell = (v: unknown): unknown =>
    v instanceof CustomFunctions.Error ? { code: v.code, message: v.message } : v;
  return Array.isArray(result) ? (result as unknown[][]).map((row) => row.map(cell)) : [[cell(result)]];
}

function engineCells(
  hf: HyperFormula,
  sheet: number,
  at: string,
  rows: number,
  columns: number,
): unknown[][] {
  const origin = parseCell(at);
  return hf
    .getRangeValues({
      start: { sheet, row: origin.row, col: origin.column },
      end: { sheet, row: origin.row + rows - 1, col: origin.column + columns - 1 },
    })
    .map((row) =>
      row.map((v) => (v instanceof DetailedCellError ? { code: v.value, message: v.message } : v)),
    );
}

function expectSameCells(actual: unknown[][], expected: unknown[][]): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((row, r) =>
    row.forEach((value, c) => {
      const want = expected[r][c];
      if (typeof want === "number") {
        expect(typeof value).toBe("number");
        expect(Math.abs((value as number) - want)).toBeLessThanOrEqual(1e-14 * Math.max(1, Math.abs(want)));
      } else if (want === "") {
        // An empty string in a spilled result reads back as "" (Excel shows an empty text cell).
        expect(value === "" || value === null).toBe(true);
      } else {
        expect(value).toEqual(want);
      }
    }),
  );
}

interface Case {
  readonly name: string;
  readonly formula: string;
  readonly call: () => unknown;
}

const CASES: readonly Case[] = [
  { name: "ROI", formula: "=GENAI.ROI(B1:B3,B4:B7)", call: () => roiOf(excel("B1:B3"), excel("B4:B7")) },
  { name: "ROI of literals", formula: "=GENAI.ROI(300,100)", call: () => roiOf([[300]], [[100]]) },
  {
    name: "ROI with no costs (#VALUE!)",
    formula: "=GENAI.ROI(B1:B3,D1:D3)",
    call: () => roiOf(excel("B1:B3"), excel("D1:D3")),
  },
  {
    name: "QUADRANT_SCORE with weights, blank rows",
    formula: "=GENAI.QUADRANT_SCORE(E1:E5,F1:F5,G1:G5,H1:H5,R1:R4)",
    call: () =>
      quadrantScoreOf(excel("E1:E5"), excel("F1:F5"), excel("G1:G5"), excel("H1:H5"), excel("R1:R4")),
  },
  {
    name: "QUADRANT_SCORE default weights",
    formula: "=GENAI.QUADRANT_SCORE(E1:E4,F1:F4,G1:G4,H1:H4)",
    call: () => quadrantScoreOf(excel("E1:E4"), excel("F1:F4"), excel("G1:G4"), excel("H1:H4"), null),
  },
  {
    name: "QUADRANT with a threshold",
    formula: "=GENAI.QUADRANT(E1:E4,F1:F4,3)",
    call: () => quadrantOf(excel("E1:E4"), excel("F1:F4"), 3),
  },
  {
    name: "QUADRANT of one cell",
    formula: "=GENAI.QUADRANT(E1,F1)",
    call: () => quadrantOf([[5]], [[2]], null),
  },
  {
    name: "QUADRANT with a score out of range",
    formula: "=GENAI.QUADRANT(E1:E2,7)",
    call: () => quadrantOf(excel("E1:E2"), [[7]], null),
  },
  { name: "PAYBACK", formula: "=GENAI.PAYBACK(N1:N5)", call: () => paybackOf(excel("N1:N5"), null) },
  { name: "PAYBACK yearly", formula: "=GENAI.PAYBACK(N1:N5,12)", call: () => paybackOf(excel("N1:N5"), 12) },
  {
    name: "PAYBACK beyond the horizon (#N/A)",
    formula: "=GENAI.PAYBACK(N1:N2)",
    call: () => paybackOf(excel("N1:N2"), null),
  },
  {
    name: "API_COST, seed",
    formula: "=GENAI.API_COST(1000000,0.002,32,12)",
    call: () => apiCostOf(1_000_000, 0.002, 32, 12),
  },
  {
    name: "API_COST, defaults",
    formula: "=GENAI.API_COST(1000,0.5)",
    call: () => apiCostOf(1000, 0.5, null, null),
  },
  {
    name: "API_COST, syntactically empty optional",
    formula: "=GENAI.API_COST(1000,0.5,,6)",
    call: () => apiCostOf(1000, 0.5, null, 6),
  },
  {
    name: "API_COST, text argument (#VALUE!)",
    formula: '=GENAI.API_COST("many",0.5)',
    call: () => apiCostOf("many", 0.5, null, null),
  },
  {
    name: "TOKEN_COST",
    formula: "=GENAI.TOKEN_COST(100000,800,300,3,15,32)",
    call: () => tokenCostOf(100_000, 800, 300, 3, 15, 32, null),
  },
  {
    name: "PV_ROI",
    formula: "=GENAI.PV_ROI(N2:N5,B1:B4,0.1,0.1,0.1)",
    call: () => pvRoiOf(excel("N2:N5"), excel("B1:B4"), 0.1, 0.1, 0.1),
  },
  {
    name: "ADOPTION grid: a row of months × a column of starts",
    formula: "=GENAI.ADOPTION(A10:F10,S1:S3,3)",
    call: () => adoptionOf(excel("A10:F10"), excel("S1:S3"), [[3]], null),
  },
  {
    name: "WAVE",
    formula: "=GENAI.WAVE(Q1:Q5,Q1:Q5,1)",
    call: () => waveOf(excel("Q1:Q5"), excel("Q1:Q5"), 1, null),
  },
  {
    name: "GATE with pending rows",
    formula: "=GENAI.GATE(I1:I5,J1:J5,K1:K5,L1:L5,M1:M5)",
    call: () => gateOf(excel("I1:I5"), excel("J1:J5"), excel("K1:K5"), excel("L1:L5"), excel("M1:M5"), null),
  },
  {
    name: "BREAKEVEN",
    formula: "=GENAI.BREAKEVEN(B1:B3,B4:B7,0.5)",
    call: () => breakEvenOf(excel("B1:B3"), excel("B4:B7"), 0.5),
  },
  {
    name: "SIMULATE_ROI",
    formula: '=GENAI.SIMULATE_ROI(A1:C3,A4:C7,2000,7,"Triangular")',
    call: () => simulateRoiOf(excel("A1:C3"), excel("A4:C7"), 2000, 7, "Triangular"),
  },
  {
    name: "SIMULATE_ROI with plain Monte Carlo and a correlation matrix (8 rows)",
    formula: '=GENAI.SIMULATE_ROI(A1:C3,A4:C7,2000,7,,"MC",T1:Z7)',
    call: () => simulateRoiOf(excel("A1:C3"), excel("A4:C7"), 2000, 7, null, "MC", excel("T1:Z7")),
  },
  {
    name: "SIM_PERCENTILE over a column of probabilities",
    formula: "=GENAI.SIM_PERCENTILE(A1:C3,A4:C7,AA1:AA3,2000,7)",
    call: () => simPercentileOf(excel("A1:C3"), excel("A4:C7"), excel("AA1:AA3"), 2000, 7, null, null, null),
  },
  {
    name: "SIM_TARGET of one threshold",
    formula: "=GENAI.SIM_TARGET(A1:C3,A4:C7,6,2000,7)",
    call: () => simTargetOf(excel("A1:C3"), excel("A4:C7"), [[6]], 2000, 7, null, null, null),
  },
  {
    name: "TORNADO with labels",
    formula: "=GENAI.TORNADO(A1:C3,A4:C7,P1:P7)",
    call: () => tornadoOf(excel("A1:C3"), excel("A4:C7"), excel("P1:P7")),
  },
];

describe("GENAI plugin for HyperFormula", () => {
  it("registers all 15 functions under their Excel names", () => {
    expect(GENAI_FUNCTIONS.map((f) => f.name).sort()).toEqual(
      [
        "GENAI.ROI",
        "GENAI.QUADRANT_SCORE",
        "GENAI.QUADRANT",
        "GENAI.PAYBACK",
        "GENAI.API_COST",
        "GENAI.TOKEN_COST",
        "GENAI.PV_ROI",
        "GENAI.ADOPTION",
        "GENAI.WAVE",
        "GENAI.GATE",
        "GENAI.BREAKEVEN",
        "GENAI.SIMULATE_ROI",
        "GENAI.SIM_PERCENTILE",
        "GENAI.SIM_TARGET",
        "GENAI.TORNADO",
      ].sort(),
    );
    const known = HyperFormula.getRegisteredFunctionNames("enGB");
    for (const f of GENAI_FUNCTIONS) expect(known).toContain(f.name);
  });

  it.each(CASES)("$name equals the direct call of the wrapper", ({ formula, call }) => {
    const { hf, sheet } = workbook();
    hf.setCellContents({ sheet, row: 19, col: 0 }, [[formula]]);
    const expected = direct(call);
    const actual = engineCells(hf, sheet, "A20", expected.length, expected[0].length);
    expectSameCells(actual, expected);
  });

  it("carries the wrapper's error message and code", () => {
    const { hf, sheet } = workbook();
    hf.setCellContents({ sheet, row: 19, col: 0 }, [["=GENAI.ROI(B1:B3,D1:D3)"], ["=GENAI.PAYBACK(N1:N2)"]]);
    const roi = hf.getCellValue({ sheet, row: 19, col: 0 }) as DetailedCellError;
    const payback = hf.getCellValue({ sheet, row: 20, col: 0 }) as DetailedCellError;
    expect(roi).toBeInstanceOf(DetailedCellError);
    expect(roi.value).toBe("#VALUE!");
    expect(roi.message).toMatch(/costs/);
    expect(payback.value).toBe("#N/A");
    expect(payback.message).toMatch(/pay back/i);
  });

  it("spills into the cells below and beside the formula, and no further", () => {
    const { hf, sheet } = workbook();
    hf.setCellContents({ sheet, row: 19, col: 1 }, [["=GENAI.ADOPTION(A10:F10,S1:S3,3)"]]);
    const grid = engineCells(hf, sheet, "B20", 4, 7);
    expect(grid[0].slice(0, 6).every((v) => typeof v === "number")).toBe(true); // B20:G20
    expect(grid[2][5]).toBe(""); // the blank start month gives a blank row
    expect(grid[0][6]).toBeNull(); // H20 is outside the 3×6 spill
    expect(grid[3][0]).toBeNull(); // B23 is below it
    expect(hf.isCellPartOfArray({ sheet, row: 21, col: 6 })).toBe(true); // G22, the last cell
  });

  it("sizes a spill over named ranges (HyperFormula's own predictor cannot)", () => {
    const { hf, sheet } = workbook();
    hf.addNamedExpression("Impact", "=Data!$E$1:$E$4");
    hf.addNamedExpression("Complexity", "=Data!$F$1:$F$4");
    hf.addNamedExpression("Benefits", "=Data!$A$1:$C$3");
    hf.addNamedExpression("Costs", "=Data!$A$4:$C$7");
    hf.setCellContents({ sheet, row: 19, col: 0 }, [["=GENAI.QUADRANT(Impact,Complexity)"]]);
    hf.setCellContents({ sheet, row: 29, col: 0 }, [["=GENAI.TORNADO(Benefits,Costs)"]]);
    expectSameCells(
      engineCells(hf, sheet, "A20", 4, 1),
      direct(() => quadrantOf(excel("E1:E4"), excel("F1:F4"), null)),
    );
    expectSameCells(
      engineCells(hf, sheet, "A30", 7, 4),
      direct(() => tornadoOf(excel("A1:C3"), excel("A4:C7"), null)),
    );
  });

  it("pads a result shorter than its predicted spill with empty text", () => {
    const { hf, sheet } = workbook();
    // Costs A4:C9 end in two blank rows: TORNADO skips blank items, so 7 rows come back for 9.
    hf.setCellContents({ sheet, row: 29, col: 0 }, [["=GENAI.TORNADO(A1:C3,A4:C9)"]]);
    const expected = direct(() => tornadoOf(excel("A1:C3"), excel("A4:C9"), null));
    expect(expected).toHaveLength(7);
    const actual = engineCells(hf, sheet, "A30", 9, 4);
    expectSameCells(actual.slice(0, 7), expected);
    expect(actual.slice(7).flat()).toEqual(["", "", "", "", "", "", "", ""]);
  });

  it("passes an error in an argument through without calling the wrapper", () => {
    const { hf, sheet } = workbook();
    hf.setCellContents({ sheet, row: 19, col: 0 }, [["=GENAI.ROI(1/0,1)"], ["=GENAI.API_COST(NA(),1)"]]);
    expect((hf.getCellValue({ sheet, row: 19, col: 0 }) as DetailedCellError).value).toBe("#DIV/0!");
    expect((hf.getCellValue({ sheet, row: 20, col: 0 }) as DetailedCellError).value).toBe("#N/A");
  });

  it("recalculates a spill when an argument changes", () => {
    const { hf, sheet } = workbook();
    hf.setCellContents({ sheet, row: 19, col: 0 }, [["=GENAI.QUADRANT(E1:E2,F1:F2)"]]);
    expect(engineCells(hf, sheet, "A20", 2, 1)).toEqual([["Quick Win"], ["Deprioritize"]]);
    hf.setCellContents({ sheet, row: 1, col: 4 }, [[5]]);
    expect(engineCells(hf, sheet, "A20", 2, 1)).toEqual([["Quick Win"], ["Strategic Bet"]]);
  });

  it("brings a CustomFunctions stand-in where Excel is absent, and leaves an existing one alone", () => {
    const scope = globalThis as unknown as { CustomFunctions?: typeof CustomFunctions };
    const existing = scope.CustomFunctions;
    try {
      ensureCustomFunctionsGlobal();
      expect(scope.CustomFunctions).toBe(existing);
      delete scope.CustomFunctions;
      ensureCustomFunctionsGlobal();
      const error = new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, "no payback");
      expect(error).toMatchObject({ code: "#N/A", message: "no payback" });
      expect(direct(() => paybackOf(excel("N1:N2"), null))[0][0]).toMatchObject({ code: "#N/A" });
    } finally {
      scope.CustomFunctions = existing;
    }
  });
});

describe("RANK in the in-memory workbook (HyperFormula 3.5 has none)", () => {
  const column = (values: RawCellContent[]): RawCellContent[][] => values.map((v) => [v]);

  function ranks(hf: HyperFormula, sheet: number, rows: number): unknown[] {
    return Array.from({ length: rows }, (_, r) => {
      const v = hf.getCellValue({ sheet, row: r, col: 1 });
      return v instanceof DetailedCellError ? v.value : v;
    });
  }

  it("gives the competition rank ('1224') of Excel's RANK, skipping text and blanks", () => {
    const { hf, sheet } = workbook();
    const scores: RawCellContent[] = [88.75, 70, "n/a", 70, null, 95.5, 12];
    hf.setCellContents({ sheet, row: 0, col: 0 }, column(scores));
    hf.setCellContents(
      { sheet, row: 0, col: 1 },
      scores.map((_, r) => [`=IF(ISNUMBER(A${r + 1}),RANK(A${r + 1},$A$1:$A$7),"")`]),
    );
    const numbers = scores.filter((v): v is number => typeof v === "number");
    const expected = scores.map((v) =>
      typeof v === "number" ? rankDescending(numbers)[numbers.indexOf(v)] : "",
    );
    expect(ranks(hf, sheet, scores.length)).toEqual(expected);
    expect(expected).toEqual([2, 3, "", 3, "", 1, 5]);
  });

  it("ranks ascending for a non-zero order, and gives #N/A for a number not in the range", () => {
    const { hf, sheet } = workbook();
    hf.setCellContents({ sheet, row: 0, col: 0 }, column([3, 1, 2, 1]));
    hf.setCellContents({ sheet, row: 0, col: 1 }, [
      ["=RANK(A1,$A$1:$A$4,1)"],
      ["=RANK(A2,$A$1:$A$4,1)"],
      ["=RANK(2.5,$A$1:$A$4)"],
      ["=RANK(A4,$A$1:$A$4,0)"],
    ]);
    expect(ranks(hf, sheet, 4)).toEqual([4, 1, "#N/A", 3]);
  });

  it("gives the range's error when the range holds one", () => {
    const { hf, sheet } = workbook();
    hf.setCellContents({ sheet, row: 0, col: 0 }, column([3, "=1/0", 2]));
    hf.setCellContents({ sheet, row: 0, col: 1 }, [["=RANK(A1,$A$1:$A$3)"]]);
    expect(ranks(hf, sheet, 1)).toEqual(["#DIV/0!"]);
  });

  it("re-ranks every row after an edit (the sorted range is never stale)", () => {
    const { hf, sheet } = workbook();
    const n = 200;
    const values = Array.from({ length: n }, (_, i) => (i * 37) % 23);
    hf.setCellContents({ sheet, row: 0, col: 0 }, column(values));
    hf.setCellContents(
      { sheet, row: 0, col: 1 },
      values.map((_, r) => [`=RANK(A${r + 1},$A$1:$A$${n})`]),
    );
    expect(ranks(hf, sheet, n)).toEqual(rankDescending(values));
    for (const [row, value] of [
      [5, 100],
      [7, -1],
      [5, 3],
    ] as const) {
      values[row] = value;
      hf.setCellContents({ sheet, row, col: 0 }, [[value]]);
      expect(ranks(hf, sheet, n)).toEqual(rankDescending(values));
    }
  });

  it("ranks through a workbook name as through the range it names", () => {
    const { hf, sheet } = workbook();
    hf.setCellContents({ sheet, row: 0, col: 0 }, column([5, 9, 7]));
    hf.addNamedExpression("Scores", "=Data!$A$1:$A$3");
    hf.setCellContents({ sheet, row: 0, col: 1 }, [
      ["=RANK(A1,Scores)"],
      ["=RANK(A2,Scores)"],
      ["=RANK(A3,Scores)"],
    ]);
    expect(ranks(hf, sheet, 3)).toEqual([3, 1, 2]);
    hf.setCellContents({ sheet, row: 0, col: 0 }, [[10]]);
    expect(ranks(hf, sheet, 3)).toEqual([1, 2, 3]);
  });
});
