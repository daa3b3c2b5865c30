/**
 * How a saved workbook says it is this add-in's model (docs/workbook-file.md): a hidden sheet
 * named `GenAI_Model` with one row per template sheet: the template, the sheet's name, its layout
 * version, language, currency and (for the Portfolio) the number of use-case rows. Opening the
 * file reads it back to rebuild each sheet from its template with the file's inputs.
 *
 * A hidden sheet rather than a custom document property or a constant-valued workbook name:
 * ExcelJS reads and writes neither of those, while a sheet survives Excel, LibreOffice and ExcelJS
 * alike, and a user who unhides it can read it.
 *
 * A workbook the add-in built in Excel and saved there has no such sheet but the template marker
 * names (`GenAI_Template_roi` on the sheet's A1); those are read too, with the layout version
 * taken as current (their version names hold constants, which ExcelJS drops on reading).
 */
import type { Cell, CellValue as ExcelValue, Workbook, Worksheet } from "exceljs";
import { isLocale, type Locale } from "../i18n/locale";
import { parseRange, rangeRows, splitQualified } from "../shared/a1";
import { type SampleOrBlank, type SheetPlan, TEMPLATE_IDS, type TemplateId } from "../templates/plan";
import { templateMarkerName } from "../host/workbook-host";

export const MARKER_SHEET = "GenAI_Model";
/** The marker's own format; a reader refuses a marker of a newer format than it knows. */
export const MARKER_FORMAT = 1;
const TITLE = "GenAI Business Case model";
const HEADER = [
  "Template",
  "Sheet",
  "Layout version",
  "Language",
  "Currency",
  "Rows",
  "Benefit lines",
  "Cost lines",
  "Data",
] as const;

/** One template sheet of a saved model. */
export interface MarkedSheet {
  readonly template: TemplateId;
  readonly sheet: string;
  /** Null when the file does not say (a workbook saved from Excel). */
  readonly version: number | null;
  readonly locale: Locale;
  readonly currency: string;
  /** Use-case rows of the Portfolio; null for the other templates or when unknown. */
  readonly rows: number | null;
  /** Rows of the ROI sheet's Benefits and Costs tables; null for other templates or when unknown. */
  readonly lines: { readonly benefits: number; readonly costs: number } | null;
  /**
   * Whether the model was built on the sample (which adds the drivers block its sample lines
   * read, and the sample's titles) or blank; null when unknown.
   */
  readonly data: SampleOrBlank | null;
}

/** Body rows of a plan's table, or null when the plan has no such table. */
function tableRows(plan: SheetPlan, name: string): number | null {
  const table = plan.tables.find((t) => t.name === name);
  return table ? rangeRows(parseRange(table.range)) - 1 : null;
}

/** The ROI sheet's line-table rows, else null. */
export function planLines(plan: SheetPlan): MarkedSheet["lines"] {
  if (plan.template !== "roi") return null;
  const benefits = tableRows(plan, "Benefits");
  const costs = tableRows(plan, "Costs");
  return benefits === null || costs === null ? null : { benefits, costs };
}

/**
 * Sample or blank, read off the plan: only a sample ROI sheet defines the drivers its sample
 * lines use (AgentsBefore and the rest), so that is what the ROI sheet's marker records.
 */
export function planData(plan: SheetPlan): SampleOrBlank | null {
  if (plan.template !== "roi") return null;
  return plan.names.some((n) => n.name === "AgentsBefore") ? "sample" : "blank";
}

/** The use-case rows of a Portfolio plan (its UseCases table without the header), else null. */
export function planRows(plan: SheetPlan): number | null {
  if (plan.template !== "portfolio") return null;
  const table = plan.tables.find((t) => t.name === "UseCases") ?? plan.tables[0];
  return table ? rangeRows(parseRange(table.range)) - 1 : null;
}

export function markerOf(plans: readonly SheetPlan[]): MarkedSheet[] {
  return plans.map((p) => ({
    template: p.template,
    sheet: p.sheet,
    version: p.version,
    locale: p.locale,
    currency: p.currency,
    rows: planRows(p),
    lines: planLines(p),
    data: planData(p),
  }));
}

/**
 * The marker row's template word for a sheet of stored simulation trials (a shared copy's live
 * simulation). A reader that does not know it skips the row, as any unknown template.
 */
export const TRIALS_ROW = "trials";

/**
 * Adds the hidden marker sheet for the plans' sheets (last in tab order), then one row per sheet
 * of simulation trials the copy derived from them: a reader rebuilding the model drops those,
 * since the rebuilt model simulates by itself.
 */
export function writeModelMarker(
  workbook: Workbook,
  plans: readonly SheetPlan[],
  trialsSheets: readonly string[] = [],
): void {
  if (plans.length === 0) return;
  const ws = workbook.addWorksheet(MARKER_SHEET, { state: "hidden" });
  ws.getCell("A1").value = TITLE;
  ws.getCell("B1").value = MARKER_FORMAT;
  ws.getRow(3).values = [...HEADER];
  markerOf(plans).forEach((m, i) => {
    ws.getRow(4 + i).values = [
      m.template,
      m.sheet,
      m.version,
      m.locale,
      m.currency,
      m.rows,
      m.lines?.benefits ?? null,
      m.lines?.costs ?? null,
      m.data,
    ];
  });
  trialsSheets.forEach((sheet, i) => {
    ws.getRow(4 + plans.length + i).values = [TRIALS_ROW, sheet];
  });
}

/**
 * The extension of an .xlsx writer (WriteOptions.extend) that marks the model: the plans'
 * sheets, and as trials sheets the sheets the writer added beside them before extending (a live
 * simulation's). `then` adds further sheets (plain ones) before the marker is written.
 */
export function markingExtension<E>(
  plans: readonly SheetPlan[],
  then?: (workbook: Workbook, excel: E) => void,
): (workbook: Workbook, excel: E) => void {
  return (workbook, excel) => {
    const model = new Set(plans.map((p) => p.sheet.toLowerCase()));
    const trials = workbook.worksheets.map((ws) => ws.name).filter((n) => !model.has(n.toLowerCase()));
    then?.(workbook, excel);
    writeModelMarker(workbook, plans, trials);
  };
}

/** The sheets of simulation trials the marker lists (none in a file older than those rows). */
export function readMarkedTrials(workbook: Workbook): string[] {
  const ws = workbook.getWorksheet(MARKER_SHEET);
  if (!ws || ws.getCell("A1").value !== TITLE) return [];
  const out: string[] = [];
  for (let r = 4; r <= ws.rowCount; r++) {
    const sheet = ws.getCell(r, 2).value;
    if (ws.getCell(r, 1).value === TRIALS_ROW && typeof sheet === "string") out.push(sheet);
  }
  return out;
}

/** The model's sheets a workbook marks, or null when it is not a model this add-in wrote. */
export function readModelMarker(workbook: Workbook): MarkedSheet[] | null {
  const ws = workbook.getWorksheet(MARKER_SHEET);
  if (ws) return fromMarkerSheet(ws);
  return fromMarkerNames(workbook);
}

function valueOf(cell: Cell): ExcelValue {
  return cell.value;
}

function fromMarkerSheet(ws: Worksheet): MarkedSheet[] | null {
  if (ws.getCell("A1").value !== TITLE) return null;
  const format = ws.getCell("B1").value;
  if (typeof format !== "number" || format > MARKER_FORMAT)
    throw new Error(
      `This workbook was saved by a newer version of the add-in (model format ${JSON.stringify(format)}); update the add-in to open it.`,
    );
  const out: MarkedSheet[] = [];
  for (let r = 4; r <= ws.rowCount; r++) {
    const [template, sheet, version, locale, currency, rows, benefits, costs, data] = [
      1, 2, 3, 4, 5, 6, 7, 8, 9,
    ].map((c) => valueOf(ws.getCell(r, c)));
    if (!TEMPLATE_IDS.includes(template as TemplateId) || typeof sheet !== "string") continue;
    out.push({
      template: template as TemplateId,
      sheet,
      version: typeof version === "number" ? version : null,
      locale: isLocale(locale) ? locale : "en",
      currency: typeof currency === "string" ? currency : "",
      rows: typeof rows === "number" ? rows : null,
      lines: typeof benefits === "number" && typeof costs === "number" ? { benefits, costs } : null,
      data: data === "sample" || data === "blank" ? data : null,
    });
  }
  return out.length > 0 ? out : null;
}

/** A workbook name's first range, split into sheet and address. */
function nameRange(workbook: Workbook, name: string): { sheet: string; address: string } | null {
  const found = workbook.definedNames.model.find((n) => n.name.toLowerCase() === name.toLowerCase());
  const range = found?.ranges[0];
  if (!range) return null;
  const { sheet, address } = splitQualified(range);
  return sheet ? { sheet, address: address.replace(/\$/g, "") } : null;
}

function fromMarkerNames(workbook: Workbook): MarkedSheet[] | null {
  const out = TEMPLATE_IDS.flatMap((template): MarkedSheet[] => {
    const at = nameRange(workbook, templateMarkerName(template));
    if (!at || !workbook.getWorksheet(at.sheet)) return [];
    const useCases = template === "portfolio" ? nameRange(workbook, "UseCaseNames") : null;
    return [
      {
        template,
        sheet: at.sheet,
        version: null,
        locale: "en",
        currency: "NT$",
        rows: useCases ? rangeRows(parseRange(useCases.address)) : null,
        lines: null,
        data: null,
      },
    ];
  });
  return out.length > 0 ? out : null;
}
