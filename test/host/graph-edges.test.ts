/**
 * The membership index on HyperFormula's dependency graph (src/host/graph-edges.ts) makes adding
 * an edge constant-time; it must change nothing else. These tests protect: that MemoryHost's
 * workbook has the index on the pinned HyperFormula (an upgrade that changes the graph's shape
 * fails here instead of silently bringing back the quadratic build), that a graph with the index
 * holds exactly the same edges, in the same order, as one without it after every kind of change
 * that adds or removes edges, and that the index really replaces the scans.
 */
import { HyperFormula, type RawCellContent } from "hyperformula";
import { edgeIndexInstalled, INDEXED_FROM, installEdgeIndex } from "../../src/host/graph-edges";
import { MemoryHost } from "../../src/host/memory";

const CONFIG = { licenseKey: "gpl-v3" } as const;

/** The graph's edges as HyperFormula keeps them: per node id, its live dependents in order. */
function edges(hf: HyperFormula): (number[] | null)[] {
  const graph = (hf as unknown as { graph: { edgesSparseArray: (number[] | undefined)[] } }).graph;
  return Array.from(graph.edgesSparseArray, (list) => (list ? list.filter((id) => id !== undefined) : null));
}

/** A column of rows that all read the same names and cells, as the Portfolio's rows do. */
function rows(n: number): RawCellContent[][] {
  return Array.from({ length: n }, (_, i) => [
    i + 1,
    `=IF(COUNT(Weights)<COLUMNS(Weights),"",A${i + 1}*INDEX(Weights,1,1)+SUM(Weights)+$D$1)`,
    `=IF(B${i + 1}="","",COUNTIF(B$1:B$${n},">"&B${i + 1})+1)`,
  ]);
}

/** The same scripted changes on two workbooks, one with the index: edges and values compared after each. */
function script(): ((hf: HyperFormula) => void)[] {
  const sheet = 0;
  return [
    (hf) => {
      hf.addNamedExpression("Weights", "=Sheet1!$D$1:$G$1");
      hf.setCellContents({ sheet, row: 0, col: 3 }, [[1, 2, 3, 4]]);
    },
    (hf) => hf.setCellContents({ sheet, row: 1, col: 0 }, rows(INDEXED_FROM * 3)),
    // Formulas replaced by values and back: their edges are removed and added again.
    (hf) => hf.setCellContents({ sheet, row: 5, col: 1 }, [[7], [8], [9]]),
    (hf) => hf.setCellContents({ sheet, row: 5, col: 1 }, [["=SUM(Weights)"], ["=$D$1*2"], ["=A7"]]),
    // Rows inserted and removed through the whole block.
    (hf) => hf.addRows(sheet, [10, 4]),
    (hf) => hf.removeRows(sheet, [20, 6]),
    (hf) =>
      hf.setCellContents(
        { sheet, row: 10, col: 1 },
        rows(4).map((r) => [r[1]]),
      ),
    // The name moved and removed: every formula reading it gets new edges.
    (hf) => hf.changeNamedExpression("Weights", "=Sheet1!$D$1:$E$1"),
    // A sheet-scoped name over the workbook's takes its edges, and gives them back when removed
    // (as MemoryHost does for a kept copy): the same edges leave a node and return to it.
    (hf) => hf.addNamedExpression("Weights", "=Sheet1!$F$1:$G$1", sheet),
    (hf) => hf.removeNamedExpression("Weights", sheet),
    (hf) => hf.addNamedExpression("Weights", "=Sheet1!$F$1:$G$1", sheet),
    (hf) => hf.removeNamedExpression("Weights", sheet),
    (hf) => hf.setCellContents({ sheet, row: 0, col: 3 }, [[10, 20]]),
    (hf) => hf.removeRows(sheet, [0, 1]),
    (hf) => hf.setCellContents({ sheet, row: 0, col: 3 }, [[5, 6, 7, 8]]),
    (hf) =>
      hf.moveCells(
        { start: { sheet, row: 2, col: 0 }, end: { sheet, row: 8, col: 2 } },
        { sheet, row: 60, col: 5 },
      ),
    (hf) => hf.clearSheet(sheet),
    (hf) => hf.setCellContents({ sheet, row: 0, col: 0 }, rows(INDEXED_FROM * 2)),
  ];
}

describe("installEdgeIndex", () => {
  it("is installed on MemoryHost's workbook with the pinned HyperFormula", () => {
    const host = new MemoryHost();
    expect(edgeIndexInstalled((host as unknown as { hf: HyperFormula }).hf)).toBe(true);
  });

  it("installs once, and reports a graph it does not recognise instead of touching it", () => {
    const hf = HyperFormula.buildEmpty(CONFIG);
    expect(edgeIndexInstalled(hf)).toBe(false);
    expect(installEdgeIndex(hf)).toBe(true);
    expect(installEdgeIndex(hf)).toBe(true);
    expect(edgeIndexInstalled(hf)).toBe(true);
    expect(installEdgeIndex({ graph: { addEdge: () => undefined } } as unknown as HyperFormula)).toBe(false);
  });

  it("keeps exactly HyperFormula's edges and values through additions, removals and structural changes", () => {
    const plain = HyperFormula.buildFromArray([], CONFIG);
    const indexed = HyperFormula.buildFromArray([], CONFIG);
    installEdgeIndex(indexed);
    for (const [i, change] of script().entries()) {
      change(plain);
      change(indexed);
      expect({ step: i, edges: edges(indexed) }).toEqual({ step: i, edges: edges(plain) });
      expect(indexed.getAllSheetsValues()).toEqual(plain.getAllSheetsValues());
    }
    plain.destroy();
    indexed.destroy();
  });

  it("answers whether an edge exists as HyperFormula does, for nodes with few and many dependents", () => {
    const plain = HyperFormula.buildFromArray([], CONFIG);
    const indexed = HyperFormula.buildFromArray([], CONFIG);
    installEdgeIndex(indexed);
    for (const hf of [plain, indexed]) for (const change of script().slice(0, 4)) change(hf);
    type Graph = {
      getNodes(): { idInGraph?: number }[];
      existsEdge(a: { idInGraph?: number }, b: { idInGraph?: number }): boolean;
    };
    const answers = (hf: HyperFormula): boolean[] => {
      const graph = (hf as unknown as { graph: Graph }).graph;
      const nodes = graph.getNodes();
      return nodes.flatMap((a) => nodes.map((b) => graph.existsEdge(a, b)));
    };
    expect(answers(indexed)).toEqual(answers(plain));
    expect(answers(indexed).filter(Boolean).length).toBeGreaterThan(INDEXED_FROM * 3);
  });

  it("adds a dependent of a much-read node without scanning its dependents", () => {
    const hf = HyperFormula.buildFromArray([[1]], CONFIG);
    installEdgeIndex(hf);
    const n = 4_000;
    const formulas = Array.from({ length: n }, () => ["=$A$1+$A$1+$A$1"]);
    // Elements scanned by Array#includes while the rows are written, counted at each call.
    let scanned = 0;
    const original = Array.prototype.includes;
    const includes = jest.spyOn(Array.prototype, "includes").mockImplementation(function (
      this: unknown[],
      ...args: [unknown, number?]
    ) {
      scanned += this.length;
      return original.apply(this, args);
    });
    try {
      hf.setCellContents({ sheet: 0, row: 1, col: 0 }, formulas);
    } finally {
      includes.mockRestore();
    }
    // Without the index each of the 3n references scans up to n dependents of A1 (about 2.4e7
    // comparisons here); with it, only arrays shorter than INDEXED_FROM are scanned.
    expect(scanned).toBeLessThan(n * INDEXED_FROM);
    expect(hf.getCellValue({ sheet: 0, row: n, col: 0 })).toBe(3);
  });
});
