/**
 * A MemoryHost workbook as plain data and back: what the preview keeps in the browser's storage
 * so a reload loses nothing. It holds what the user sees and typed (every sheet's cells as
 * written: values, and formulas as text), the workbook names, and for each sheet a template
 * built, its plan and dialect (formats, tables, validation and charts live there). Computed
 * values are not stored: restoring recalculates them.
 *
 * Cells of a spilled result are stored empty: only the anchor's formula is content, and writing
 * its results back as values would block the spill.
 */
import type { HyperFormula, RawCellContent, SerializedNamedExpression } from "hyperformula";
import type { Dialect, SheetPlan } from "../templates/plan";
import type { SheetRecord } from "./memory-apply";

/** Bumped when the shape changes; a stored snapshot of another version is not restored. */
export const SNAPSHOT_VERSION = 1;

export interface SheetSnapshot {
  readonly name: string;
  /** Row-major cell contents from A1: numbers, text, booleans, null, formulas as "=...". */
  readonly cells: RawCellContent[][];
  /** Set when a template built the sheet. */
  readonly template: { readonly plan: SheetPlan; readonly dialect: Dialect } | null;
}

export interface NameSnapshot {
  readonly name: string;
  readonly expression: string;
  /** The sheet a sheet-scoped name belongs to; null for a workbook name. */
  readonly scope: string | null;
}

export interface WorkbookSnapshot {
  readonly version: typeof SNAPSHOT_VERSION;
  /** Sheets in tab order. */
  readonly sheets: readonly SheetSnapshot[];
  readonly names: readonly NameSnapshot[];
}

export function snapshotOf(hf: HyperFormula, records: ReadonlyMap<number, SheetRecord>): WorkbookSnapshot {
  const sheets = hf.getSheetNames().map((name): SheetSnapshot => {
    const id = hf.getSheetId(name) as number;
    const cells = hf.getSheetSerialized(id).map((row, r) =>
      row.map((content, c) => {
        if (content === null || content === undefined) return null;
        const at = { sheet: id, row: r, col: c };
        return hf.isCellPartOfArray(at) && !hf.doesCellHaveFormula(at) ? null : content;
      }),
    );
    const record = records.get(id);
    return { name, cells, template: record ? { plan: record.plan, dialect: record.dialect } : null };
  });
  const names = hf.getAllNamedExpressionsSerialized().map((n: SerializedNamedExpression): NameSnapshot => ({
    name: n.name,
    expression: String(n.expression),
    scope: n.scope === undefined ? null : (hf.getSheetName(n.scope) ?? null),
  }));
  return { version: SNAPSHOT_VERSION, sheets, names };
}

/** Whether stored data is a snapshot this code can restore. */
export function isSnapshot(value: unknown): value is WorkbookSnapshot {
  const v = value as Partial<WorkbookSnapshot> | null;
  return (
    typeof v === "object" &&
    v !== null &&
    v.version === SNAPSHOT_VERSION &&
    Array.isArray(v.sheets) &&
    Array.isArray(v.names)
  );
}

/**
 * Fills an empty workbook from a snapshot: the sheets first (empty, so names can point at them),
 * then the names, then the cells, in one batch so everything computes once.
 */
export function restoreSnapshot(
  hf: HyperFormula,
  records: Map<number, SheetRecord>,
  snapshot: WorkbookSnapshot,
): void {
  if (hf.getSheetNames().length > 0) throw new Error("A snapshot is restored into an empty workbook only.");
  hf.batch(() => {
    const ids = snapshot.sheets.map((s) => hf.getSheetId(hf.addSheet(s.name)) as number);
    for (const n of snapshot.names) {
      const scope = n.scope === null ? undefined : hf.getSheetId(n.scope);
      hf.addNamedExpression(n.name, n.expression, scope);
    }
    snapshot.sheets.forEach((s, i) => {
      if (s.cells.length > 0) hf.setSheetContent(ids[i], s.cells);
      if (s.template) records.set(ids[i], { plan: s.template.plan, dialect: s.template.dialect });
    });
  });
  hf.clearUndoStack();
}
