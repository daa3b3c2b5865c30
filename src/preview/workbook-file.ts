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
 *
 * Plain sheets come with the file's own defined names (not the model's, which the rebuild
 * defines). Where a plain sheet takes another name in the workbook ("ROI (2)" beside the model's
 * ROI), every formula and name that came with it follows the new name, so a file's `=ROI!B2`
 * still reads the file's ROI sheet, as Excel does when it moves or renames a sheet.
 *
 * A shareable copy's sheet of simulation trials is the model's, derived from it: it is not
 * opened as a sheet (the rebuilt model simulates by itself), and saving writes it again from the
 * workbook's current inputs, so a saved file keeps its live simulation in Excel and LibreOffice.
 */
import type { Workbook } from "exceljs";
import { type MarkedSheet, MARKER_SHEET, readMarkedTrials, readModelMarker } from "../export/model-marker";
import { contentOfCell, type PlainSheet, readPlainSheet, writePlainSheet } from "../export/plain-sheets";
import {
  type FileDefinedName,
  loadJSZip,
  type PackageName,
  readableByExcelJS,
  readDefinedNames,
} from "../export/package";
import { withFilePrefixes } from "../host/formula-text";
import { bundleFor } from "../i18n/bundles";
import { LOCALES } from "../i18n/locale";
import { renameSheetReferences } from "../host/formula-tokens";
import { makeShareableCopy } from "../export/shareable";
import { type ExcelJS, loadExcelJS } from "../export/xlsx";
import type { MemoryHost } from "../host/memory";
import type { CellValue } from "../host/workbook-host";
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
  /** The file's own defined names (the model's left out: the rebuild defines them). */
  readonly names: readonly FileDefinedName[];
  /** What could not be opened as the model, in words for the user. */
  readonly notes: readonly string[];
}

/** Reads an .xlsx file: the model it marks, rebuilt as plans with its inputs, and its other sheets. */
export async function readWorkbookFile(bytes: Uint8Array, excel?: ExcelJS): Promise<OpenedFile> {
  const lib = excel ?? (await loadExcelJS());
  const workbook = new lib.Workbook();
  const jszip = await loadJSZip();
  const readable = await readableByExcelJS(bytes, jszip);
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
  // The model's own sheets: rebuilt, or (trials) derived from it and written again on saving.
  const model = new Set(
    [...plans.map((p) => p.sheet), ...trialsSheets(workbook, marked)].map((n) => n.toLowerCase()),
  );
  const sheets = workbook.worksheets
    .filter((ws) => ws.name !== MARKER_SHEET && !model.has(ws.name.toLowerCase()))
    .map(readPlainSheet);
  const modelNames = new Set(plans.flatMap((p) => p.names.map((n) => n.name.toLowerCase())));
  const names = (await readDefinedNames(bytes, jszip)).filter((n) =>
    n.scope === null
      ? !modelNames.has(n.name.toLowerCase())
      : n.scope !== MARKER_SHEET && !model.has(n.scope.toLowerCase()),
  );
  return { plans, sheets, names, notes };
}

/**
 * The sheets of stored simulation trials a marked file holds: those its marker lists, or in a
 * copy written before the marker listed them, a sheet named as the copy names them ("Trials",
 * "Trials (2)") whose title is the trials sheet's title in one of the languages.
 */
function trialsSheets(workbook: Workbook, marked: readonly MarkedSheet[]): string[] {
  if (marked.length === 0) return [];
  const listed = readMarkedTrials(workbook);
  if (listed.length > 0) return listed;
  const titles = LOCALES.map((locale) => {
    const [before, after] = bundleFor(locale).notes.trials.title.split("{sheet}");
    return (text: string) => text.startsWith(before) && text.endsWith(after ?? "");
  });
  return workbook.worksheets
    .filter((ws) => /^Trials(?: \(\d+\))?$/.test(ws.name))
    .filter((ws) => {
      const title = ws.getCell("A1").value;
      return typeof title === "string" && titles.some((is) => is(title));
    })
    .map((ws) => ws.name);
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

/** What addPlainSheets added. */
export interface AddedSheets {
  /** The sheets' names in the workbook. */
  readonly sheets: string[];
  /** The names that could not be defined, in words for the user. */
  readonly notes: string[];
}

/**
 * Adds plain sheets to a workbook, each under a free name, with the file's defined names. A sheet
 * that takes another name takes its references along: every formula of the added sheets and
 * every added name that named it names the new one. A file's name the workbook already defines
 * (the model's, in the same scope) is not added: the workbook's stays, and a note says so.
 */
export async function addPlainSheets(
  host: MemoryHost,
  sheets: readonly PlainSheet[],
  names: readonly FileDefinedName[] = [],
): Promise<AddedSheets> {
  const taken = (await host.listSheets()).map((s) => s.name);
  const placed = freeNames(sheets, taken);
  const renames = new Map<string, string>();
  placed.forEach((sheet, i) => {
    if (sheet.name !== sheets[i].name) renames.set(sheets[i].name.toLowerCase(), sheet.name);
  });
  const follow = (content: PlainSheet["cells"][number][number]): CellValue =>
    typeof content?.content === "string" && content.content.startsWith("=")
      ? renameSheetReferences(content.content, renames)
      : (content?.content ?? null);
  for (const sheet of placed)
    host.addSheet(
      sheet.name,
      sheet.cells.map((row) => row.map(follow)),
    );
  const notes: string[] = [];
  const defined = new Set(host.names().map((n) => `${n.scope?.toLowerCase() ?? ""}!${n.name.toLowerCase()}`));
  for (const n of names) {
    const scope = n.scope === null ? null : (renames.get(n.scope.toLowerCase()) ?? n.scope);
    const where = scope === null ? "the workbook" : `sheet "${scope}"`;
    if (defined.has(`${scope?.toLowerCase() ?? ""}!${n.name.toLowerCase()}`)) {
      notes.push(`The file's name "${n.name}" is not added: ${where} already defines it.`);
      continue;
    }
    if (!host.addName(n.name, renameSheetReferences(n.expression, renames), scope))
      notes.push(`The file's name "${n.name}" (${n.expression}) could not be defined in ${where}.`);
  }
  return { sheets: placed.map((s) => s.name), notes };
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

/**
 * The names of the user's own (from a file opened beside the model, say), workbook- and
 * sheet-scoped, as the file writes them: not the model's (the plans' workbook names and the
 * add-in's GenAI_Template markers, which the copy writes itself).
 */
function userNames(host: MemoryHost, plans: readonly SheetPlan[]): PackageName[] {
  const model = new Set(plans.flatMap((p) => p.names.map((n) => n.name.toLowerCase())));
  return host
    .names()
    .filter((n) =>
      n.scope === null
        ? !model.has(n.name.toLowerCase()) && !/^GenAI_Template_/i.test(n.name)
        : n.scope !== MARKER_SHEET,
    )
    .map((n) => ({
      name: n.name,
      refersTo: withFilePrefixes(n.expression.replace(/^=/, "")),
      ...(n.scope === null ? {} : { scope: n.scope }),
    }));
}

/** The workbook as .xlsx: the model's shareable copy with the marker, then every other sheet. */
export async function saveWorkbookFile(host: MemoryHost, now: Date, excel?: ExcelJS): Promise<Uint8Array> {
  const plans = await modelPlans(host);
  const others = await otherSheets(host, plans);
  return makeShareableCopy(host, plans, {
    now,
    excel: excel ?? (await loadExcelJS()),
    // The simulation stays live in the file (Excel and LibreOffice recompute its statistics from
    // the trials sheet); the marker lists that sheet, so reopening drops it and simulates again.
    liveSimulation: { reserved: others.map((s) => s.name) },
    names: userNames(host, plans),
    extend: (workbook) => {
      for (const sheet of others) writePlainSheet(workbook, sheet);
    },
  });
}
