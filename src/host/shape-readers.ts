/**
 * Cells that read only a range's shape, recalculated when a name changes.
 *
 * ROWS, COLUMNS, ROW and COLUMN need a range's size or position, not its values, so HyperFormula
 * records no dependency from them to their argument: it recalculates them on a structural change
 * (rows, columns or sheets added or removed) and at no other time. Adding, re-pointing or removing
 * a name is not a structural change to it, so `=ROWS(RoiBenefitLabels)` kept a table's old count
 * after its name was re-pointed at the appended lines (and `=ROWS(NewName)` stayed #NAME? after
 * the name was defined), while `=SUM(RoiBenefitLabels)` moved on. Excel and LibreOffice
 * recalculate every cell that mentions a changed name.
 *
 * The in-memory workbook calls `recalculateShapeReaders` inside every batch that changes a name:
 * it marks those cells for recalculation, as HyperFormula's own structural changes do. The list
 * of such cells is internal to HyperFormula (3.5): where it is missing the call returns false,
 * and a test holds it to true so that an upgrade that moves it is noticed.
 */
import type { HyperFormula } from "hyperformula";

/** The part of HyperFormula's Graph class this relies on. */
interface StructureGraph {
  markChangingWithStructureNodesAsDirty(): void;
}

function graphOf(hf: HyperFormula): StructureGraph | null {
  const graph = (hf as unknown as { graph?: Partial<StructureGraph> }).graph;
  return graph && typeof graph.markChangingWithStructureNodesAsDirty === "function"
    ? (graph as StructureGraph)
    : null;
}

/**
 * Marks every cell that reads a range's shape (ROWS, COLUMNS, ROW, COLUMN, and any function
 * HyperFormula recalculates on structural changes) for recalculation at the end of the current
 * batch, or at the next change outside one. Returns false when the workbook's graph does not have
 * the list (a HyperFormula other than the one this was written for).
 */
export function recalculateShapeReaders(hf: HyperFormula): boolean {
  const graph = graphOf(hf);
  if (!graph) return false;
  graph.markChangingWithStructureNodesAsDirty();
  return true;
}
