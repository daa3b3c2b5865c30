/**
 * WorkbookHost: the one interface the rest of the add-in uses to touch a workbook (see
 * docs/architecture.md). OfficeHost (office.ts) talks to Excel through Office.js; MemoryHost (memory.ts) is an
 * in-memory workbook computed by HyperFormula for the browser preview and the tests.
 */
import type { Locale } from "../i18n/locale";
import type { ModelOptions } from "../templates/index";
import {
  type Dialect,
  type SemanticFormat,
  type SheetPlan,
  TEMPLATE_IDS,
  type TemplateId,
} from "../templates/plan";

/** A cell value as read back: a number, text, a boolean, an error such as "#N/A", or null (empty). */
export type CellValue = number | string | boolean | null;

/**
 * What to do when a plan lands on a non-empty sheet. "replace" rebuilds it in place (keeping the
 * inputs when the template built it); "keepBoth" leaves a sheet the template did not build alone
 * and builds beside it, or, over the template's own sheet, rebuilds in place and keeps the old
 * sheet as a copy that no workbook name points to; "cancel" leaves it as it is. When a sheet has
 * no policy, defaultPolicy (placement.ts) decides.
 */
export type ExistingSheetPolicy = "replace" | "keepBoth" | "cancel";

export interface SheetInfo {
  readonly name: string;
  /** True when no cell holds a value or formula. */
  readonly empty: boolean;
  /** The template that built this sheet, when the add-in built it (read from its marker name). */
  readonly template: TemplateId | null;
  readonly templateVersion: number | null;
  /**
   * True when the template's workbook-scoped marker points at this sheet: it is the sheet the
   * model's workbook names point at. An older copy reads as built by the template through its
   * own sheet-scoped marker, but does not drive the model.
   */
  readonly drivesModel: boolean;
}

/** What applying a set of plans would run into: the pane asks the user about each conflict. */
export interface Conflict {
  readonly sheet: string;
  /** The template that built the existing sheet, if any: a rebuild of the same template keeps inputs. */
  readonly existingTemplate: TemplateId | null;
  readonly plannedTemplate: TemplateId;
  /** A replace carries the sheet's inputs over: the same template built it, in the same layout. */
  readonly keepsInputs: boolean;
  /** The sheet is the one the model's workbook names point at for this template. */
  readonly drivesModel: boolean;
}

/**
 * A workbook name of the user's that a plan also defines: building would point it at the
 * template's cell and change what the user's own formulas compute. Shown before anything is
 * written; the build goes ahead only for names listed in ApplyOptions.takeNames.
 */
export interface NameConflict {
  readonly name: string;
  /** What it refers to now, e.g. "=Assumptions!$B$2". */
  readonly refersTo: string;
  /** The template whose plan defines it. */
  readonly template: TemplateId;
}

export interface ApplyOptions {
  readonly dialect: Dialect;
  /** Decision per conflicting sheet name; a name not listed gets defaultPolicy (placement.ts). */
  readonly policies?: Readonly<Record<string, ExistingSheetPolicy>>;
  /**
   * Workbook names of the user's (NameConflict) that the model may take over. A build that would
   * take any other such name is refused before anything is written.
   */
  readonly takeNames?: readonly string[];
  /** Keep the user's input values when a template replaces its own earlier sheet. Default true. */
  readonly keepInputs?: boolean;
  /** Progress for the pane: called after each step. */
  readonly onProgress?: (progress: ApplyProgress) => void;
}

export interface ApplyProgress {
  /** The step in English words ("writing cells A1:R2000 (ROI)"), for logs and messages. */
  readonly step: string;
  /** What kind of step, for the pane to put in its own language. */
  readonly kind: ApplyStepKind;
  /** The sheet it is about, and the range where one applies. */
  readonly sheet: string;
  readonly range?: string;
  readonly done: number;
  readonly total: number;
}

/** The kinds of step a build reports, the same in both hosts. */
export type ApplyStepKind =
  | "reading"
  | "preparing"
  | "names"
  | "cells"
  | "formats"
  | "tables"
  | "rules"
  | "charts"
  | "linking"
  | "values"
  | "finishing";

export interface AppliedSheet {
  readonly template: TemplateId;
  /** The name the sheet finally has (differs from the plan's with keepBoth). */
  readonly sheet: string;
  readonly outcome: "created" | "replaced" | "keptBoth" | "skipped";
  /** Input cells whose earlier values were kept. */
  readonly keptInputs: number;
  /** Of those, input cells that hold a formula the user typed, kept as that formula. */
  readonly keptFormulas: number;
  /** The name the old sheet keeps as a copy no workbook name points to, if one was kept. */
  readonly copy: string | null;
  /** When the rebuild kept the replaced sheet's inputs: what it kept and what it could not. */
  readonly kept?: KeepReport;
}

/**
 * What a rebuild keeps of the sheet it replaces, by table row and workbook name: the same figures
 * in the dialog before the build (WorkbookHost.keepPreview) and in the result after it.
 */
export interface KeepReport {
  /** Rows each table has after the rebuild (the user's count) against the plan's own. */
  readonly tables: readonly { readonly name: string; readonly rows: number; readonly planned: number }[];
  /** Named inputs (names over input cells outside the tables) whose content was carried. */
  readonly names: number;
  /** Input cells whose value, or formula of the user's, was carried (cleared ones are kept too). */
  readonly inputs: number;
  /** Of those, formulas the user typed, kept as formulas. */
  readonly formulas: number;
  /** What could not be carried, in words. */
  readonly notCarried: readonly string[];
}

export interface ApplyResult {
  readonly sheets: readonly AppliedSheet[];
}

/** An input cell a write left alone because it holds a formula the user typed. */
export interface SkippedCell {
  readonly sheet: string;
  readonly address: string;
  readonly formula: string;
}

export interface WriteResult {
  /** Cells left alone: a formula the user typed into an input is theirs. */
  readonly skipped: readonly SkippedCell[];
}

/** What the next build or pane start found left by an interrupted build, and what it did. */
export interface Recovery {
  /** Original sheets given their names back ("ROI" from "~genai-old-1"). */
  readonly restored: readonly string[];
  /** Half-built temporary sheets removed ("~genai-build-1"). */
  readonly removed: readonly string[];
  /** Old sheets whose name the finished build had taken, kept under a free name. */
  readonly kept: readonly string[];
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
    /**
     * Whether the workbook is as it was before the call. False when undoing the partial build
     * failed too: the next build or pane start recovers what was left (recoverInterrupted).
     */
    readonly restored = true,
    /**
     * The kind and range of the failed step, so the pane words the step in its own language as
     * it words progress; `step` stays the English words for logs.
     */
    readonly kind?: ApplyStepKind,
    readonly range?: string,
  ) {
    super(message);
    this.name = "ApplyError";
  }
}

/**
 * A message as a clause inside a longer sentence: without its final full stop, so that
 * "failed: <message>. Nothing was changed." never reads "..": Excel's own messages end with one.
 */
export function clause(message: string): string {
  return message.trim().replace(/[.。]+$/u, "");
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
  /**
   * A number format for the whole rectangle, for results whose unit is known only when written
   * (the pane's sensitivity block holds a percentage, an amount or months): the semantic format
   * with the currency and the language of its units, as a template's formats are.
   */
  readonly format?: { readonly kind: SemanticFormat; readonly currency: string; readonly locale: Locale };
}

export interface ChangeEvent {
  /** Sheets whose values changed (directly or through recalculation), if known. */
  readonly sheets: readonly string[];
  readonly source: "user" | "addin";
}

export type Unsubscribe = () => void;

/** What the pane asks a build for, as plain data: the plans are made from it (src/taskpane/model/build.ts). */
export interface BuildRequest {
  /** "complete" builds all four sheets; otherwise one template. */
  readonly target: TemplateId | "complete";
  readonly options: ModelOptions;
}

/** Rows of the ROI sheet's line tables in the workbook now (rows typed or added since its build). */
export interface LineCounts {
  readonly benefits: number;
  readonly costs: number;
  /**
   * Each row's label (blank for a row without one), so the rebuilt correlation matrix is labelled
   * with the lines it is written for. A line with a value and no label gets a blank row: its
   * position is no identity (a sort of the table gives it to another line).
   */
  readonly labels?: { readonly benefits: readonly string[]; readonly costs: readonly string[] };
}

/** Of a plan, what placing it reads (which sheet it lands on, whether a rebuild keeps inputs). */
export type PlanOutline = Pick<SheetPlan, "template" | "version" | "sheet" | "currency">;

/**
 * A build planned where the workbook lives, and what it would run into: everything the pane asks
 * the user about, without the plans' cells. The host keeps the plans under `ticket` until they
 * are applied (applyBuild) or another build is prepared.
 */
export interface PreparedBuild {
  readonly ticket: number;
  readonly outlines: readonly PlanOutline[];
  /** The sheets as read when the build was planned (what placement decides from). */
  readonly sheets: readonly SheetInfo[];
  /** The line counts the plans were made with (planning again with them gives the same plans). */
  readonly lineCounts: LineCounts | null;
  readonly conflicts: readonly Conflict[];
  readonly nameConflicts: readonly NameConflict[];
  /** What a rebuild keeping inputs keeps of each conflicting sheet (keepPreview); empty without conflicts. */
  readonly keeps: Readonly<Record<string, KeepReport>>;
}

export interface WorkbookHost {
  /** Sheets in tab order. */
  listSheets(): Promise<SheetInfo[]>;
  /** Sheet names the plans would collide with (non-empty existing sheets). */
  conflicts(plans: readonly SheetPlan[]): Promise<Conflict[]>;
  /** Workbook names of the user's that the plans would take over. */
  nameConflicts(plans: readonly SheetPlan[]): Promise<NameConflict[]>;
  /**
   * Puts right what an interrupted build left (its temporary and set-aside sheets, when undoing
   * it failed too): called before every build and when the pane starts.
   */
  recoverInterrupted(): Promise<Recovery>;
  /**
   * What a rebuild that keeps inputs would keep of each non-empty sheet the plans land on (by its
   * name): rows per table, named inputs, formulas the user typed, what cannot be carried. The
   * same reading and the same placement as applyPlans, for the dialog to say before building.
   */
  keepPreview?(plans: readonly SheetPlan[]): Promise<Record<string, KeepReport>>;
  /** Applies plans in order, all or nothing per call. */
  applyPlans(plans: readonly SheetPlan[], options: ApplyOptions): Promise<ApplyResult>;
  /**
   * Plans a build where the workbook lives and reads what it would run into, for a workbook on
   * another thread (the preview's worker): a 5,000-row plan is then neither made on the pane's
   * thread nor copied across to it. Hosts without it (Excel, a MemoryHost on the pane's thread)
   * are given the plans the pane makes, by the same function (planBuild in the pane's model).
   */
  prepareBuild?(request: BuildRequest): Promise<PreparedBuild>;
  /**
   * Applies the plans prepareBuild kept under `ticket`, as applyPlans would. Refused when another
   * build was prepared since, or the workbook was replaced.
   */
  applyBuild?(ticket: number, options: ApplyOptions): Promise<ApplyResult>;
  /** Values of a range on a sheet (computed values, not formulas). */
  readRange(sheet: string, address: string): Promise<CellValue[][]>;
  /** Values of workbook names; a missing name gives null. */
  readNames(names: readonly string[]): Promise<Record<string, CellValue[][] | null>>;
  /** Where workbook names point (sheet and A1 address), so callers can write named inputs. */
  locateNames(names: readonly string[]): Promise<Record<string, NameLocation | null>>;
  /**
   * Writes input values (never formulas) and lets the workbook recalculate. A cell that holds a
   * formula the user typed is left alone and reported, never replaced by a constant.
   */
  writeCells(writes: readonly CellWrite[]): Promise<WriteResult>;
  /**
   * Appends rows to the end of a table of a template sheet, as a row typed below a table joins it
   * in Excel: the table, the ranges and names over its rows and its calculated columns take them
   * in. Each row gives the table's first cells, left to right (its inputs); text starting with "="
   * is a formula in same-row R1C1 form ("=INDEX(UseCaseValues,MATCH(RC3,UseCaseNames,0))" reads
   * column C of its own row). A table of a single row is refused (the ranges over it cannot grow).
   */
  appendTableRows(sheet: string, table: string, rows: readonly (readonly CellValue[])[]): Promise<void>;
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

/** The template that built a sheet and its layout version, as its markers say. */
export interface SheetTemplate {
  readonly template: TemplateId | null;
  readonly templateVersion: number | null;
}

/**
 * Which template built a sheet, the same in every host: a marker scoped to the sheet is the
 * sheet's own and wins (a copy kept beside a rebuilt model carries one); otherwise the workbook
 * marker that points at the sheet. `local` gives a sheet-scoped marker's version (null when it
 * has none, undefined when there is no such marker); `marked` the workbook marker on the sheet.
 */
export function sheetTemplate(
  local: (template: TemplateId) => number | null | undefined,
  marked: () => { readonly template: TemplateId; readonly version: number | null } | null,
): SheetTemplate {
  for (const template of TEMPLATE_IDS) {
    const version = local(template);
    if (version !== undefined) return { template, templateVersion: version };
  }
  const m = marked();
  return m ? { template: m.template, templateVersion: m.version } : { template: null, templateVersion: null };
}
