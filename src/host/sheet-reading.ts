/**
 * What the in-memory workbook tells about one sheet, for a reader outside the host (the preview's
 * grid builds its view from it): the sheet's name, the plan that built it, its computed values,
 * its formulas as written and the engine's error messages, read cell by cell. Plain questions and
 * answers: no HyperFormula type leaks out, and the host knows nothing of who reads it.
 */
import type { Dialect, SheetPlan } from "../templates/plan";
import type { CellValue } from "./workbook-host";

/** A band of rows, zero-based and inclusive. */
export interface RowWindow {
  readonly top: number;
  readonly bottom: number;
}

export interface SheetReading {
  readonly name: string;
  /** The plan of the template that built the sheet, or null for a sheet the user made. */
  readonly plan: SheetPlan | null;
  readonly dialect: Dialect | null;
  /** Content size from A1 (rows, columns). */
  readonly dimensions: { readonly rows: number; readonly columns: number };
  /**
   * The cell's computed value (errors as Excel shows them, "#N/A"). A reading of a window of rows
   * answers for those rows and the frozen ones only (null, undefined elsewhere).
   */
  value(row: number, column: number): CellValue;
  formula(row: number, column: number): string | undefined;
  errorMessage(row: number, column: number): string | undefined;
  /** Values of a range on this sheet, or of a sheet-qualified range or a workbook name. */
  values(reference: string): CellValue[][] | null;
}
