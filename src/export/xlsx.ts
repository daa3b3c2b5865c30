/**
 * SheetPlans to an .xlsx file for people who do not have the add-in (see docs/architecture.md): every
 * formula in its portable dialect (native Excel functions only) with its cached value, number
 * formats, input styling, column widths, Excel Tables, workbook names, data validation,
 * conditional formats and frozen panes, sheets in plan order. Charts are not written (ExcelJS
 * cannot create them).
 *
 * A result without a native form (`portable: null`: the SIMULATE_ROI spill) is written as its
 * value, with a note saying the add-in computed it, with which settings and when. The TORNADO
 * spill does have a native form in the plans (INDEX/MATCH over the Stress sheet's sensitivity
 * columns), so it stays a formula rather than a value: the shared copy keeps
 * ranking the line items when a colleague edits an input, and LibreOffice can verify it.
 *
 * No HyperFormula here (the task pane uses this module; its bundle must stay free of it), and
 * ExcelJS is loaded lazily, so the pane's first bundle does not carry it.
 */
import type * as ExcelModule from "exceljs";
import type { CellErrorValue, CellValue as ExcelValue, Style, Workbook, Worksheet } from "exceljs";
import { parseCell, parseRange, rangeAddress, sheetPrefix } from "../shared/a1";
import { isFormula, type Block, type PlanCell, type SheetPlan } from "../templates/plan";
import type { CellValue } from "../host/workbook-host";
import { computedNoteText } from "./notes";
import {
  type LiveSimulation,
  type LiveSimulationOptions,
  finishLiveSimulations,
  withLiveSimulations,
} from "./live-simulation";
import { type ComputedValues, lookupOf, type ValueLookup } from "./values";
import {
  finishPackage,
  loadJSZip,
  type PackageName,
  type PackageReport,
  type TableFormulas,
} from "./package";
import type { NativeZip } from "./zip";
import { applyConditionalFormats, applyFormatting, applyValidations, freezeView } from "./xlsx-rules";
import {
  calculatedColumns,
  structuredFormula,
  structuredReference,
  withStructuredReferences,
} from "../host/table-references";

export type ExcelJS = typeof ExcelModule;

export interface WriteOptions {
  /** When the values were computed: the date in the notes and the file's properties (injected). */
  readonly now: Date;
  /** ExcelJS, when the caller has it loaded; otherwise it is imported on first use. */
  readonly excel?: ExcelJS;
  /** Adds to the workbook before it is written (the shareable copy's model marker, plain sheets). */
  readonly extend?: (workbook: Workbook, excel: ExcelJS) => void;
  /**
   * Makes the SIMULATE_ROI spill live (a trials sheet and native statistics, see
   * live-simulation.ts) instead of values with a note. Off by default.
   */
  readonly liveSimulation?: boolean | LiveSimulationOptions;
  /** Workbook names beside the plans' own (a user's names, which the preview saves). */
  readonly names?: readonly PackageName[];
  /**
   * The command line's zip container with Node's zlib (see zip.ts): the package is then finished
   * and compressed without JSZip, seconds faster for a large model. The browser uses JSZip.
   */
  readonly zip?: NativeZip;
}

/** The counts the CLI reports. */
export interface ExportStats {
  readonly sheets: readonly string[];
  /** Cells with content: values, formulas and computed values. */
  readonly cells: number;
  readonly formulas: number;
  /** Results written as values with a note (no native formula). */
  readonly computedValues: number;
}

export const AUTHOR = "GenAI Business Case add-in";
/** A light table style: the plan's own header and input looks stay readable on top of it. */
export const TABLE_STYLE = "TableStyleLight1";

/**
 * Loads ExcelJS. In Node this is the package's main entry; webpack resolves the package's
 * "browser" field (dist/exceljs.min.js, a self-contained bundle) into a chunk of its own.
 */
export async function loadExcelJS(): Promise<ExcelJS> {
  const loaded = (await import("exceljs")) as ExcelJS & { default?: ExcelJS };
  return loaded.default?.Workbook ? loaded.default : loaded;
}

/** Writes the plans to .xlsx bytes. `values` supplies each formula's cached value. */
export async function writeWorkbook(
  plans: readonly SheetPlan[],
  values: ComputedValues,
  options: WriteOptions,
): Promise<Uint8Array> {
  return (await writePackage(plans, values, options)).bytes;
}

/**
 * Writes the plans to .xlsx bytes and reports what the package contains, and the plans as written
 * (with a live simulation: its trials sheet added). ExcelJS writes the cells, styles, tables,
 * notes, validation and conditional formats; finishPackage then puts every part in schema order
 * and writes the workbook names, quoted as Excel requires.
 */
export async function writePackage(
  plans: readonly SheetPlan[],
  values: ComputedValues,
  options: WriteOptions,
): Promise<{ bytes: Uint8Array; report: PackageReport; plans: readonly SheetPlan[] }> {
  const [excel, jszip] = await Promise.all([options.excel ?? loadExcelJS(), loadJSZip()]);
  let written = plans;
  let computed = values;
  let simulations: LiveSimulation[] = [];
  if (options.liveSimulation) {
    const live = withLiveSimulations(
      plans,
      lookupOf(values),
      options.liveSimulation === true ? {} : options.liveSimulation,
    );
    written = live.plans;
    computed = live.lookup;
    simulations = live.simulations;
  }
  const workbook = buildWorkbook(excel, written, computed, options.now);
  finishLiveSimulations(workbook, simulations);
  options.extend?.(workbook, excel);
  shareStyles(workbook);
  // Stored, not deflated: finishPackage opens the package again and compresses every part once
  // when it writes the final bytes, so deflating here would be inflated and deflated again.
  const buffer = await workbook.xlsx.writeBuffer({ zip: { compression: "STORE" } });
  const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
  const names = [...workbookNames(written), ...(options.names ?? [])];
  const finished = await finishPackage(bytes, names, jszip, tableFormulas(written), options.zip);
  return { ...finished, plans: written };
}

/**
 * Each table's calculated columns with their portable formula, for `<calculatedColumnFormula>`:
 * as the cells hold it, a range over whole table columns as a structured reference, so a row the
 * column fills into counts in it too (the Stress table's ranks and totals over its own rows).
 */
export function tableFormulas(plans: readonly SheetPlan[]): TableFormulas[] {
  return plans.flatMap((plan) =>
    plan.tables.map((t) => ({
      table: t.name,
      columns: calculatedColumns(plan, t).flatMap((c) =>
        c.formula.portable === null
          ? []
          : [{ header: c.header, formula: structuredFormula(plan, c.formula.portable).replace(/^=/, "") }],
      ),
    })),
  );
}

/**
 * Every plan name with its sheet-qualified, absolute reference, e.g. 'FY25'!$B$5:$E$5; a name over
 * whole table columns refers to them by structured reference (Benefits[In use]), so it follows
 * the table when Excel adds a row to it.
 */
export function workbookNames(plans: readonly SheetPlan[]): PackageName[] {
  return plans.flatMap((plan) =>
    plan.names.map((n) => ({
      name: n.name,
      refersTo:
        structuredReference(plan, n.range) ??
        `${sheetPrefix(plan.sheet)}${rangeAddress(parseRange(n.range), true)}`,
    })),
  );
}

/** The ExcelJS workbook for the plans (writeWorkbook saves it). */
export function buildWorkbook(
  excel: ExcelJS,
  plans: readonly SheetPlan[],
  values: ComputedValues,
  now: Date,
): Workbook {
  const workbook = new excel.Workbook();
  workbook.creator = AUTHOR;
  workbook.lastModifiedBy = AUTHOR;
  workbook.created = now;
  workbook.modified = now;
  // Excel recalculates on opening; the cached values serve viewers that cannot compute.
  workbook.calcProperties.fullCalcOnLoad = true;

  const lookup = lookupOf(values);
  const names = nameIndex(plans);
  rejectSharedNames(plans);
  for (const plan of plans) {
    const ws = workbook.addWorksheet(plan.sheet, { views: freezeView(plan) });
    // Tables first: ExcelJS writes a table's rows into the sheet, and the cells written after
    // replace them (handing the written cells back would lose results ExcelJS reads as falsy).
    for (const table of plan.tables) addTable(ws, plan, table.name, table.range);
    // Totals and outputs read the tables through structured references (Benefits[In use]).
    for (const block of withStructuredReferences(plan).blocks)
      writeBlock(ws, plan, block, lookup, names, now);
    applyFormatting(ws, plan);
    applyValidations(ws, plan);
    applyConditionalFormats(ws, plan);
    // The workbook names are written by finishPackage (writePackage): ExcelJS would drop the
    // quotes a sheet name such as FY25 needs.
  }
  return workbook;
}

/**
 * Makes cells that look the same share one style object, just before the workbook is written.
 * ExcelJS gives each cell a style object of its own and, on writing, renders every one to XML to
 * find its entry in the style table, unless it has met that very object before (it remembers
 * objects, not contents). Sharing turns 100,000 renderings into one per distinct look; the file
 * is the same. A style without a number format takes a default that depends on the cell's value
 * type, so the type is part of what "the same" means. Only for a workbook about to be written and
 * dropped: setting one shared cell's font afterwards would change all of them.
 */
export function shareStyles(workbook: Workbook): void {
  const shared = new Map<string, Partial<Style>>();
  // The parts of a style (font, fill, ...) by content, each object read once: the sheet's looks
  // give the cells that look the same the same part objects (SheetLooks), so most cells' keys are
  // made of parts already met.
  const partKeys = new WeakMap<object, string>();
  const partKey = (part: unknown): string => {
    if (part === undefined || part === null || typeof part !== "object") return JSON.stringify(part) ?? "";
    let key = partKeys.get(part);
    if (key === undefined) {
      key = JSON.stringify(part);
      partKeys.set(part, key);
    }
    return key;
  };
  workbook.eachSheet((ws) =>
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        const style = cell.style as Partial<Style> | undefined;
        if (!style) return;
        let key = style.numFmt ? "" : String(cell.effectiveType);
        for (const name of Object.keys(style).sort())
          key += `|${name}:${partKey((style as Record<string, unknown>)[name])}`;
        const same = shared.get(key);
        if (same === undefined) shared.set(key, style);
        else cell.style = same;
      }),
    ),
  );
}

/** What the export of these plans contains (no workbook needed). */
export function exportStats(plans: readonly SheetPlan[]): ExportStats {
  let cells = 0;
  let formulas = 0;
  let computedValues = 0;
  for (const plan of plans)
    for (const block of plan.blocks)
      for (const row of block.cells)
        for (const cell of row) {
          if (cell === null) continue;
          cells++;
          if (!isFormula(cell)) continue;
          if (cell.portable === null) computedValues++;
          else formulas++;
        }
  return { sheets: plans.map((p) => p.sheet), cells, formulas, computedValues };
}

// ---- cells ---------------------------------------------------------------------------------------

const ERRORS = new Set(["#N/A", "#REF!", "#NAME?", "#DIV/0!", "#NULL!", "#VALUE!", "#NUM!"]);

/**
 * A computed value as the file stores it: errors as error values; other engine errors (#CYCLE!,
 * #SPILL!, ...) and non-finite numbers have no stored form, so the cell gets no cached value.
 */
function stored(value: CellValue | undefined): ExcelValue | CellErrorValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value === "string" && /^#[A-Z0-9/!?]+[!?]?$|^#N\/A$/.test(value))
    return ERRORS.has(value) ? ({ error: value } as CellErrorValue) : undefined;
  return value;
}

function writeBlock(
  ws: Worksheet,
  plan: SheetPlan,
  block: Block,
  lookup: ValueLookup,
  names: NameIndex,
  now: Date,
): void {
  const origin = parseCell(block.at);
  block.cells.forEach((cells, r) =>
    cells.forEach((content, c) => {
      if (content === null) return;
      const row = origin.row + r;
      const column = origin.column + c;
      const cell = ws.getCell(row + 1, column + 1);
      if (!isFormula(content)) {
        cell.value = content;
        return;
      }
      const read = lookup(plan.sheet, row, column);
      if (content.portable !== null) {
        // In Excel a formula always has a value: one that yields an empty cell (=ApiMonthlyBudget
        // on a blank input) gives 0. HyperFormula leaves such a result empty; the cached value
        // is what Excel computes. (undefined, an unknown value, stays without a cached value.)
        const value = stored(read === null ? 0 : read);
        cell.value = { formula: content.portable.replace(/^=/, ""), result: value } as ExcelValue;
        return;
      }
      cell.value = stored(read) ?? null;
      const formula = spillFormula(block, r, c);
      cell.note = computedNoteText(
        {
          formula,
          settings: settingsOf(formula, names, lookup),
          date: now.toISOString().slice(0, 10),
        },
        plan.locale,
      );
    }),
  );
}

/**
 * The live formula a spilled cell belongs to: the nearest formula cell above and to the left in
 * the same block whose live text is set (the spill's anchor).
 */
function spillFormula(block: Block, r: number, c: number): string | null {
  for (let i = r; i >= 0; i--)
    for (let j = c; j >= 0; j--) {
      const cell: PlanCell = block.cells[i][j];
      if (isFormula(cell) && cell.live !== null) return cell.live;
    }
  return null;
}

// ---- names and tables ----------------------------------------------------------------------------

type NameIndex = Map<string, { sheet: string; row: number; column: number } | null>;

/** Every plan name, by lower-case name: its cell when it names a single cell, else null. */
function nameIndex(plans: readonly SheetPlan[]): NameIndex {
  const index: NameIndex = new Map();
  for (const plan of plans)
    for (const n of plan.names) {
      const r = parseRange(n.range);
      const single = r.top === r.bottom && r.left === r.right;
      index.set(n.name.toLowerCase(), single ? { sheet: plan.sheet, row: r.top, column: r.left } : null);
    }
  return index;
}

/**
 * Workbook names are unique, and the plans' formulas read each other through them: two sheets of
 * one template (a copy kept beside an older one) cannot share a file, as one of them would read
 * the other's inputs. The caller picks one sheet per template.
 */
function rejectSharedNames(plans: readonly SheetPlan[]): void {
  const owner = new Map<string, string>();
  for (const plan of plans)
    for (const n of plan.names) {
      const first = owner.get(n.name.toLowerCase());
      if (first !== undefined && first !== plan.sheet)
        throw new Error(
          `Sheets "${first}" and "${plan.sheet}" both define the workbook name ${n.name}: export one sheet per template.`,
        );
      owner.set(n.name.toLowerCase(), plan.sheet);
    }
}

/** The single-cell names a formula reads, with their values: the settings a note reports. */
function settingsOf(
  formula: string | null,
  names: NameIndex,
  lookup: ValueLookup,
): { name: string; value: CellValue | undefined }[] {
  if (!formula) return [];
  const words = formula.replace(/"[^"]*"/g, "").match(/[A-Za-z_][A-Za-z0-9_.]*/g) ?? [];
  const seen = new Set<string>();
  return words.flatMap((name) => {
    const at = names.get(name.toLowerCase());
    if (!at || seen.has(name.toLowerCase())) return [];
    seen.add(name.toLowerCase());
    return [{ name, value: lookup(at.sheet, at.row, at.column) }];
  });
}

/** A plan's own content at a cell (zero-based), or null where no block writes. */
function planCellAt(plan: SheetPlan, row: number, column: number): PlanCell {
  for (const block of plan.blocks) {
    const origin = parseCell(block.at);
    const cell = block.cells[row - origin.row]?.[column - origin.column];
    if (cell !== undefined) return cell;
  }
  return null;
}

/**
 * An Excel Table over a plan's range. Its header texts are the plan's header cells; its rows are
 * placeholders that the plan's cells, written next, replace.
 */
function addTable(ws: Worksheet, plan: SheetPlan, name: string, range: string): void {
  const r = parseRange(range);
  const headers: string[] = [];
  for (let column = r.left; column <= r.right; column++) {
    const header = planCellAt(plan, r.top, column);
    if (typeof header !== "string" || header === "" || headers.includes(header))
      throw new Error(
        `Table ${name}: the header of column ${column + 1} must be a text no other column has; got ${JSON.stringify(header)}.`,
      );
    headers.push(header);
  }
  ws.addTable({
    name,
    displayName: name,
    ref: rangeAddress({ top: r.top, left: r.left, bottom: r.top, right: r.left }),
    headerRow: true,
    totalsRow: false,
    style: { theme: TABLE_STYLE, showRowStripes: false },
    columns: headers.map((header) => ({ name: header, filterButton: true })),
    rows: Array.from({ length: r.bottom - r.top }, () => headers.map(() => null)),
  });
}
