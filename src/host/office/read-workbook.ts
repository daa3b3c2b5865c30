/**
 * The read phase of applyPlans: what the workbook holds before anything is built (its sheets,
 * which are empty and which a template built, their tables and names, the active sheet, the
 * event flag, and the user's input values where a template rebuilds its own sheet).
 */
import { parseRange, type RangeRef } from "../../shared/a1";
import type { SheetPlan, TemplateId } from "../../templates/plan";
import { type KeptCell, userFormula } from "../apply-common";
import { landingSheet, sameName } from "../placement";
import type { ApplyOptions, SheetInfo } from "../workbook-host";
import { readValue } from "./cell-content";
import { type ExistingName, namesByKey, templateMarkers, templateOf } from "./names";
import { chunkedReads, OPERATION_BYTES, packSteps, type Step, syncBatches } from "./requests";

export interface ExistingSheet {
  readonly id: string;
  readonly name: string;
  readonly position: number;
  readonly info: SheetInfo;
  readonly tables: readonly { readonly id: string; readonly name: string }[];
  /** Sheet-scoped names (a "keep both" leaves the older copy its own). */
  readonly names: ReadonlyMap<string, ExistingName>;
}

export interface WorkbookState {
  readonly sheets: readonly ExistingSheet[];
  /** Workbook-scoped names by lower-case name. */
  readonly names: ReadonlyMap<string, ExistingName>;
  readonly activeId: string | null;
  readonly enableEvents: boolean;
  /**
   * For each plan index, the old sheet's contents at the plan's input ranges (rebuild
   * candidates): values, and formulas the user typed into inputs as formulas.
   */
  readonly oldInputs: ReadonlyMap<number, Map<string, KeptCell>>;
}

/** The distinct input ranges of a plan (where a rebuild reads the user's values). */
function inputRanges(plan: SheetPlan): string[] {
  return [...new Set(plan.styles.filter((s) => s.style === "input").map((s) => s.range))];
}

/**
 * Two syncs: sheets, names, the active sheet and the event flag; then per sheet whether it is
 * empty, its tables and sheet-scoped names, and the old inputs of plans that may rebuild it.
 * Each sheet's name is recorded in `knownSheetNames` by id (change events carry the id).
 */
export async function readWorkbook(
  context: Excel.RequestContext,
  plans: readonly SheetPlan[],
  options: Pick<ApplyOptions, "policies" | "keepInputs">,
  budget: number,
  knownSheetNames: Map<string, string>,
): Promise<WorkbookState> {
  const wb = context.workbook;
  const sheets = wb.worksheets;
  sheets.load("items/name,items/id,items/position"); // ExcelApi 1.1
  const names = wb.names;
  names.load("items/name,items/formula"); // NamedItem.formula: ExcelApi 1.7
  const active = sheets.getActiveWorksheet(); // ExcelApi 1.1
  active.load("id");
  const runtime = context.runtime;
  runtime.load("enableEvents"); // ExcelApi 1.8
  await context.sync();

  const workbookNames = namesByKey(names.items);
  const markers = templateMarkers(workbookNames);
  let perSheet: {
    ws: Excel.Worksheet;
    used: Excel.Range;
    tables: Excel.TableCollection;
    local: Excel.NamedItemCollection;
  }[] = [];
  const infoStep: Step = {
    sheet: "",
    label: "reading the sheets",
    kind: "reading the sheets",
    apis: ["Worksheet.getUsedRangeOrNullObject", "TableCollection.load", "NamedItemCollection.load"],
    bytes: sheets.items.length * 4 * OPERATION_BYTES,
    queue: () => {
      perSheet = sheets.items.map((ws) => {
        const used = ws.getUsedRangeOrNullObject(true); // ExcelApi 1.4; values only: formats do not count
        used.load("address");
        const tables = ws.tables;
        tables.load("items/name,items/id"); // ExcelApi 1.1
        const local = ws.names; // Worksheet.names: ExcelApi 1.4
        local.load("items/name,items/formula");
        return { ws, used, tables, local };
      });
    },
  };
  // Old input values, for plans that would replace their own template's sheet: one load per
  // input range (in row chunks, so no response passes 5 MB), read with the sheets when the
  // workbook's marker already tells, else once the sheet's own marker is known. Whether they
  // are used is decided once emptiness is known.
  const oldInputLoads = new Map<number, { rect: RangeRef; range: Excel.Range }[]>();
  const candidate = (
    plan: SheetPlan,
    sheet: string,
    template: TemplateId | null,
    version: number | null,
  ): boolean => {
    if (options.keepInputs === false || template !== plan.template || version !== plan.version) return false;
    // Replace and keep both (which, over the template's own sheet, rebuilds it in place) keep the
    // inputs; only cancel does not need them.
    const policy = Object.entries(options.policies ?? {}).find(([name]) => sameName(name, sheet))?.[1];
    return policy !== "cancel";
  };
  const inputSteps = (index: number, ws: Excel.Worksheet): Step[] => {
    const loads: { rect: RangeRef; range: Excel.Range }[] = [];
    oldInputLoads.set(index, loads);
    return inputRanges(plans[index]).flatMap((address) =>
      chunkedReads(
        parseRange(address),
        {
          sheet: plans[index].sheet,
          label: "reading the inputs",
          kind: "reading the inputs",
          apis: ["Range.load"],
        },
        (chunk, rect) => {
          const range = ws.getRange(chunk);
          range.load("values,valueTypes,formulas"); // ExcelApi 1.1
          loads.push({ rect, range });
        },
      ),
    );
  };
  // The sheet a plan lands on: the one its template's marker points at, else its name's.
  const early = plans.flatMap((plan, index) => {
    const ws =
      sheets.items.find((s) => markers.get(s.name.toLowerCase())?.template === plan.template) ??
      sheets.items.find((s) => sameName(s.name, plan.sheet));
    const marked = ws ? markers.get(ws.name.toLowerCase()) : undefined;
    return ws && marked && candidate(plan, ws.name, marked.template, marked.version)
      ? inputSteps(index, ws)
      : [];
  });
  await syncBatches(context, packSteps([infoStep, ...early], budget, false));

  const existing = perSheet.map(({ ws, used, tables, local }): ExistingSheet => {
    const localNames = namesByKey(local.items);
    const template = templateOf(ws.name, localNames, markers);
    knownSheetNames.set(ws.id, ws.name);
    return {
      id: ws.id,
      name: ws.name,
      position: ws.position,
      info: {
        name: ws.name,
        empty: used.isNullObject,
        ...template,
        drivesModel:
          template.template !== null && markers.get(ws.name.toLowerCase())?.template === template.template,
      },
      tables: tables.items.map((t) => ({ id: t.id, name: t.name })),
      names: localNames,
    };
  });

  const late = plans.flatMap((plan, index) => {
    const landing = landingSheet(
      plan,
      existing.map((e) => e.info),
    );
    const sheet = existing.find((e) => e.info === landing);
    if (!sheet || oldInputLoads.has(index)) return [];
    const { template, templateVersion } = sheet.info;
    if (!candidate(plan, sheet.name, template, templateVersion)) return [];
    return inputSteps(index, perSheet[existing.indexOf(sheet)].ws);
  });
  if (late.length > 0) await syncBatches(context, packSteps(late, budget, false));

  const oldInputs = new Map<number, Map<string, KeptCell>>();
  oldInputLoads.forEach((loads, i) => {
    const kept = new Map<string, KeptCell>();
    for (const { rect: r, range } of loads) {
      range.values.forEach((row, dr) =>
        row.forEach((value, dc) => {
          const key = `${r.top + dr},${r.left + dc}`;
          // A formula the user typed into an input is theirs: kept as the formula, not its value.
          const formula: unknown = range.formulas[dr]?.[dc];
          if (typeof formula === "string" && formula.startsWith("=")) {
            kept.set(key, userFormula(formula));
            return;
          }
          const type = String(range.valueTypes[dr][dc]);
          if (type === "Error") return; // an error is not a value the user chose
          kept.set(key, readValue(value, type));
        }),
      );
    }
    oldInputs.set(i, kept);
  });
  return {
    sheets: existing,
    names: workbookNames,
    activeId: active.id,
    enableEvents: runtime.enableEvents,
    oldInputs,
  };
}
