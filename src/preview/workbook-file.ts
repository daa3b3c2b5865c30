/**
 * Opening and saving the preview's workbook as .xlsx (runs in the workbook's worker).
 *
 * Saving writes the shareable copy of the model (portable formulas with cached values, the
 * user's inputs, the hidden model marker) plus every other sheet as plain cells.
 *
 * Opening a file the add-in or the preview wrote (it has the marker) rebuilds each marked sheet
 * from its template, in the file's language, currency and number of use cases, with the file's
 * inputs carried over cell by cell, and recalculates; its other sheets come in as plain sheets.
 * A sheet of an older or newer layout than the template's comes in as a plain sheet too (its
 * inputs may sit elsewhere now), and the report says so. A file without the marker is foreign:
 * all its sheets come in as plain sheets.
 */
import type { Workbook } from "exceljs";
import { type MarkedSheet, MARKER_SHEET, readModelMarker } from "../export/model-marker";
import { contentOfCell, type PlainSheet, readPlainSheet, writePlainSheet } from "../export/plain-sheets";
import { loadJSZip, readableByExcelJS } from "../export/package";
import { makeShareableCopy } from "../export/shareable";
import { type ExcelJS, loadExcelJS } from "../export/xlsx";
import type { MemoryHost } from "../host/memory";
import { inputCells, withInputs } from "../templates/cells";
import { TEMPLATES } from "../templates/index";
import { DEFAULT_OPTIONS, type PlanValue, type SheetPlan } from "../templates/plan";
import { EMPTY_LINE, roiLines } from "../templates/roi-lines";
import { ANCHOR_NAMES } from "../taskpane/model/share";
import { sheetView } from "./sheet-view";

export interface OpenedFile {
  /** The template sheets to rebuild, each with the file's inputs; empty for a foreign file. */
  readonly plans: readonly SheetPlan[];
  /** Every other sheet, as it is in the file. */
  readonly sheets: readonly PlainSheet[];
  /** What could not be opened as the model, in words for the user. */
  readonly notes: readonly string[];
}

/** Reads an .xlsx file: the model it marks, rebuilt as plans with its inputs, and its other sheets. */
export async function readWorkbookFile(bytes: Uint8Array, excel?: ExcelJS): Promise<OpenedFile> {
  const lib = excel ?? (await loadExcelJS());
  const workbook = new lib.Workbook();
  const readable = await readableByExcelJS(bytes, await loadJSZip());
  await workbook.xlsx.load(readable as unknown as ArrayBuffer);
  const marked = readModelMarker(workbook) ?? [];
  const notes: string[] = [];
  const plans: SheetPlan[] = [];
  for (const m of marked) {
    const plan = planFor(m, marked);
    if (m.version !== null && m.version !== plan.version) {
      notes.push(
        `Sheet "${m.sheet}" has layout version ${m.version} of the ${m.template} template (this preview has ${plan.version}); it opens as a plain sheet.`,
      );
      continue;
    }
    plans.push(withInputs(plan, fileInputs(workbook, plan)));
  }
  const rebuilt = new Set(plans.map((p) => p.sheet.toLowerCase()));
  const sheets = workbook.worksheets
    .filter((ws) => ws.name !== MARKER_SHEET && !rebuilt.has(ws.name.toLowerCase()))
    .map(readPlainSheet);
  return { plans, sheets, notes };
}

/**
 * The template's plan as the marker describes it, linked to the model's other sheets: the sample's
 * layout or the blank one, with as many line-table rows as the file has (empty rows, which the
 * file's inputs then fill).
 */
function planFor(m: MarkedSheet, marked: readonly MarkedSheet[]): SheetPlan {
  const roi = marked.find((x) => x.template === "roi");
  const data = roi?.data ?? "blank";
  const sampleLines = data === "sample" ? roiLines({ ...DEFAULT_OPTIONS, locale: m.locale }) : null;
  const counts = roi?.lines ?? null;
  const sameAsSample =
    sampleLines !== null &&
    counts !== null &&
    counts.benefits === sampleLines.benefits.length &&
    counts.costs === sampleLines.costs.length;
  const lines =
    counts === null || sameAsSample
      ? {}
      : {
          lines: {
            benefits: Array.from({ length: counts.benefits }, () => EMPTY_LINE),
            costs: Array.from({ length: counts.costs }, () => EMPTY_LINE),
          },
        };
  const plan = TEMPLATES[m.template]({
    data,
    currency: m.currency,
    locale: m.locale,
    ...(m.rows !== null ? { rows: m.rows } : {}),
    ...lines,
    linkedTo: marked.map((x) => x.template).filter((t) => t !== m.template),
  });
  return { ...plan, sheet: m.sheet };
}

/**
 * The file's content at each input cell of the plan: a value, a formula the user typed, or an
 * empty cell (kept empty, so a blank in the file stays blank).
 */
function fileInputs(workbook: Workbook, plan: SheetPlan): Map<string, PlanValue> {
  const ws = workbook.getWorksheet(plan.sheet);
  const kept = new Map<string, PlanValue>();
  if (!ws) return kept;
  for (const { row, column } of inputCells(plan)) {
    kept.set(`${row},${column}`, contentOfCell(ws.getCell(row + 1, column + 1)));
  }
  return kept;
}

/** Plain sheets under names the workbook does not have yet ("Data (2)" beside "Data"). */
export function freeNames(sheets: readonly PlainSheet[], taken: readonly string[]): PlainSheet[] {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  return sheets.map((sheet) => {
    let name = sheet.name;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${sheet.name} (${n})`;
    used.add(name.toLowerCase());
    return { ...sheet, name };
  });
}

/** Adds plain sheets to a workbook, each under a free name. */
export async function addPlainSheets(host: MemoryHost, sheets: readonly PlainSheet[]): Promise<string[]> {
  const taken = (await host.listSheets()).map((s) => s.name);
  return freeNames(sheets, taken).map((sheet) => {
    host.addSheet(
      sheet.name,
      sheet.cells.map((row) => row.map((cell) => cell?.content ?? null)),
    );
    return sheet.name;
  });
}

/**
 * The template sheets the workbook's names point at (one per template: after "keep both" the
 * newest copy drives the model), as built, with their current inputs.
 */
export async function modelPlans(host: MemoryHost): Promise<SheetPlan[]> {
  const where = await host.locateNames(Object.values(ANCHOR_NAMES));
  return host.appliedPlans().filter((plan) => {
    const at = where[ANCHOR_NAMES[plan.template]];
    return at !== null && at.sheet.toLowerCase() === plan.sheet.toLowerCase();
  });
}

/**
 * The sheets of the workbook that are not in `plans`, as plain cells with computed values. An
 * older copy of a template sheet (kept beside a newer one) goes as values only: its formulas read
 * names that, in a file, belong to the model's sheets.
 */
async function otherSheets(host: MemoryHost, plans: readonly SheetPlan[]): Promise<PlainSheet[]> {
  const model = new Set(plans.map((p) => p.sheet.toLowerCase()));
  const out: PlainSheet[] = [];
  for (const info of await host.listSheets()) {
    if (model.has(info.name.toLowerCase()) || info.empty) continue;
    const view = sheetView(host, info.name);
    const formulas = info.template === null;
    out.push({
      name: info.name,
      cells: view.cells.map((row) =>
        row.map((cell) =>
          cell === null || (cell.value === null && !cell.formula)
            ? null
            : { content: (formulas ? cell.formula : undefined) ?? cell.value, value: cell.value },
        ),
      ),
    });
  }
  return out;
}

/** The workbook as .xlsx: the model's shareable copy with the marker, then every other sheet. */
export async function saveWorkbookFile(host: MemoryHost, now: Date, excel?: ExcelJS): Promise<Uint8Array> {
  const plans = await modelPlans(host);
  const others = await otherSheets(host, plans);
  return makeShareableCopy(host, plans, {
    now,
    excel: excel ?? (await loadExcelJS()),
    // The preview reopens this file as the model and simulates again: no trials sheet, which it
    // would read back as a sheet of the user's own.
    liveSimulation: false,
    extend: (workbook) => {
      for (const sheet of others) writePlainSheet(workbook, sheet);
    },
  });
}
