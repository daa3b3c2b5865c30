/**
 * WorkbookHost: the one interface the rest of the add-in uses to touch a workbook (DESIGN.md
 * section 5). OfficeHost (office.ts) talks to Excel through Office.js; MemoryHost (memory.ts) is an
 * in-memory workbook computed by HyperFormula for the browser preview and the tests.
 */
import type { Dialect, SheetPlan, TemplateId } from "../templates/plan";

/** A cell value as read back: a number, text, a boolean, an error such as "#N/A", or null (empty). */
export type CellValue = number | string | boolean | null;

/** What to do when a plan's sheet name is already taken by a non-empty sheet. */
export type ExistingSheetPolicy = "replace" | "keepBoth" | "cancel";
export const DEFAULT_EXISTING_SHEET_POLICY: ExistingSheetPolicy = "keepBoth";

export interface SheetInfo {
  readonly name: string;
  /** True when no cell holds a value or formula. */
  readonly empty: boolean;
  /** The template that built this sheet, when the add-in built it (read from its marker name). */
  readonly template: TemplateId | null;
  readonly templateVersion: number | null;
}

/** What applying a set of plans would run into: the pane asks the user about each conflict. */
export interface Conflict {
  readonly sheet: string;
  /** The template that built the existing sheet, if any: a rebuild of the same template keeps inputs. */
  readonly existingTemplate: TemplateId | null;
  readonly plannedTemplate: TemplateId;
}

export interface ApplyOptions {
  readonly dialect: Dialect;
  /**
   * Decision per conflicting sheet name; a name not listed gets DEFAULT_EXISTING_SHEET_POLICY
   * ("keepBoth": the new sheet gets a free name such as "ROI (2)" and the old one is untouched).
   */
  readonly policies?: Readonly<Record<string, ExistingSheetPolicy>>;
  /** Keep the user's input values when a template replaces its own earlier sheet. Default true. */
  readonly keepInputs?: boolean;
  /** Progress for the pane: called after each step. */
  readonly onProgress?: (progress: ApplyProgress) => void;
}

export interface ApplyProgress {
  readonly step: string;
  readonly done: number;
  readonly total: number;
}

export interface AppliedSheet {
  readonly template: TemplateId;
  /** The name the sheet finally has (differs from the plan's with keepBoth). */
  readonly sheet: string;
  readonly outcome: "created" | "replaced" | "keptBoth" | "skipped";
  /** Input cells whose earlier values were kept. */
  readonly keptInputs: number;
}

export interface ApplyResult {
  readonly sheets: readonly AppliedSheet[];
}

/**
 * Thrown by applyPlans when a build fails part-way. The workbook is left as it was before the
 * call: no half-built sheet, names restored.
 */
export class ApplyError extends Error {
  constructor(
    message: string,
    readonly sheet: string,
    readonly step: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = "ApplyError";
  }
}

export interface NameLocation {
  readonly sheet: string;
  /** A1 address without the sheet, e.g. "B6" or "B5:E5". */
  readonly address: string;
}

export interface CellWrite {
  readonly sheet: string;
  /** A1 address of one cell or a rectangle. */
  readonly address: string;
  readonly values: readonly (readonly CellValue[])[];
}

export interface ChangeEvent {
  /** Sheets whose values changed (directly or through recalculation), if known. */
  readonly sheets: readonly string[];
  readonly source: "user" | "addin";
}

export type Unsubscribe = () => void;

export interface WorkbookHost {
  /** Sheets in tab order. */
  listSheets(): Promise<SheetInfo[]>;
  /** Sheet names the plans would collide with (non-empty existing sheets). */
  conflicts(plans: readonly SheetPlan[]): Promise<Conflict[]>;
  /** Applies plans in order, all or nothing per call. */
  applyPlans(plans: readonly SheetPlan[], options: ApplyOptions): Promise<ApplyResult>;
  /** Values of a range on a sheet (computed values, not formulas). */
  readRange(sheet: string, address: string): Promise<CellValue[][]>;
  /** Values of workbook names; a missing name gives null. */
  readNames(names: readonly string[]): Promise<Record<string, CellValue[][] | null>>;
  /** Where workbook names point (sheet and A1 address), so callers can write named inputs. */
  locateNames(names: readonly string[]): Promise<Record<string, NameLocation | null>>;
  /** Writes input values (never formulas) and lets the workbook recalculate. */
  writeCells(writes: readonly CellWrite[]): Promise<void>;
  /** Calls back when values change (user edits, recalculation, the add-in's own writes). */
  onChange(listener: (event: ChangeEvent) => void): Unsubscribe;
}

/**
 * Workbook names that mark a sheet as built by a template: `GenAI_Template_roi` refers to the
 * sheet's A1 (so it follows a rename), `GenAI_Template_roi_version` holds the layout version.
 */
export function templateMarkerName(template: TemplateId): string {
  return `GenAI_Template_${template}`;
}

export function templateVersionName(template: TemplateId): string {
  return `GenAI_Template_${template}_version`;
}
