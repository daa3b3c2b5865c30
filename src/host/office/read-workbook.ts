/**
 * The read phase of applyPlans: what the workbook holds before anything is built (its sheets,
 * which are empty and which a template built, their tables and names, the active sheet, the
 * event flag, and the user's input values where a template rebuilds its own sheet).
 */
import { parseRange, type RangeRef } from "../../shared/a1";
import type { SheetPlan } from "../../templates/plan";
import { landingSheet, sameName } from "../placement";
import { type KeepTargets, type KeptCell, type KeptSheet, userFormula } from "../kept-content";
import { keptSheet, readTargets } from "../layout-migrations";
import type { ApplyOptions, SheetInfo } from "../workbook-host";
import { readValue } from "./cell-content";
import { type ExistingName, namesByKey, nameTarget, templateMarkers, templateOf } from "./names";
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
   * For each plan index that rebuilds its template's sheet keeping inputs, what it keeps: the
   * tables' current bodies, the named inputs and the loose inputs (kept-content.ts).
   */
  readonly kept: ReadonlyMap<number, KeptSheet>;
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
  await syncBatches(context, packSteps([infoStep], budget, false));

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

  const kept = await readKept(context, plans, options, budget, existing, perSheet, workbookNames);
  return {
    sheets: existing,
    names: workbookNames,
    activeId: active.id,
    enableEvents: runtime.enableEvents,
    kept,
  };
}

/** One plan's rebuild candidate: the sheet it replaces and what to read there. */
interface Candidate {
  readonly index: number;
  readonly sheet: ExistingSheet;
  readonly ws: Excel.Worksheet;
  readonly targets: KeepTargets;
}

/**
 * What each plan that may rebuild its template's sheet keeps of it, read by table and name
 * (kept-content.ts): one request for where the tables' bodies are now (a table the user grew by
 * typing below it is larger than the plan's), then their contents, the named inputs and the loose
 * inputs in row chunks, so no response passes 5 MB. Values as read; a formula the user typed
 * into an input as that formula.
 */
async function readKept(
  context: Excel.RequestContext,
  plans: readonly SheetPlan[],
  options: Pick<ApplyOptions, "policies" | "keepInputs">,
  budget: number,
  existing: readonly ExistingSheet[],
  perSheet: readonly { ws: Excel.Worksheet }[],
  workbookNames: ReadonlyMap<string, ExistingName>,
): Promise<Map<number, KeptSheet>> {
  const candidates = plans.flatMap((plan, index): Candidate[] => {
    if (options.keepInputs === false) return [];
    const landing = landingSheet(
      plan,
      existing.map((e) => e.info),
    );
    const sheet = existing.find((e) => e.info === landing);
    if (!sheet || sheet.info.empty) return [];
    // Replace and keep both (which, over the template's own sheet, rebuilds it in place) keep
    // the inputs; only cancel does not need them.
    const policy = Object.entries(options.policies ?? {}).find(([name]) => sameName(name, sheet.name))?.[1];
    if (policy === "cancel" || sheet.info.template !== plan.template) return [];
    const targets = readTargets(plan, sheet.info.templateVersion);
    return targets ? [{ index, sheet, ws: perSheet[existing.indexOf(sheet)].ws, targets }] : [];
  });
  const out = new Map<number, KeptSheet>();
  if (candidates.length === 0) return out;

  // Where each table's body is now.
  const bodies: { c: Candidate; name: string; range: Excel.Range }[] = [];
  const bodySteps: Step[] = candidates.flatMap((c) =>
    c.targets.tables.flatMap((wanted) => {
      const table = c.sheet.tables.find((t) => sameName(t.name, wanted));
      if (!table) return [];
      return [
        {
          sheet: plans[c.index].sheet,
          label: `locating the table ${table.name}`,
          kind: "reading the inputs",
          apis: ["Table.getDataBodyRange"],
          bytes: OPERATION_BYTES,
          queue: () => {
            const range = c.ws.tables.getItem(table.name).getDataBodyRange(); // ExcelApi 1.1
            range.load("address");
            bodies.push({ c, name: wanted, range });
          },
        },
      ];
    }),
  );
  if (bodySteps.length > 0) await syncBatches(context, packSteps(bodySteps, budget, false));

  // The contents: table bodies, named inputs, loose inputs.
  type Read = { kind: "table" | "name" | "cells"; key: string; rect: RangeRef; range: Excel.Range };
  const reads = new Map<Candidate, Read[]>();
  const readSteps = (c: Candidate, kind: Read["kind"], key: string, whole: RangeRef): Step[] =>
    chunkedReads(
      whole,
      {
        sheet: plans[c.index].sheet,
        label: "reading the inputs",
        kind: "reading the inputs",
        apis: ["Range.load"],
      },
      (chunk, rect) => {
        const range = c.ws.getRange(chunk);
        range.load("values,valueTypes,formulas"); // ExcelApi 1.1
        reads.set(c, [...(reads.get(c) ?? []), { kind, key, rect, range }]);
      },
    );
  const steps: Step[] = [];
  for (const c of candidates) {
    for (const b of bodies.filter((x) => x.c === c))
      steps.push(
        ...readSteps(c, "table", b.name.toLowerCase(), parseRange(nameTarget(b.range.address).address)),
      );
    for (const name of c.targets.names) {
      const found = c.sheet.names.get(name.toLowerCase()) ?? workbookNames.get(name.toLowerCase());
      if (!found) continue;
      const target = nameTarget(found.formula);
      if (target.sheet === null || !sameName(target.sheet, c.sheet.name)) continue;
      let rect: RangeRef;
      try {
        rect = parseRange(target.address.replace(/\$/g, ""));
      } catch {
        continue;
      }
      steps.push(...readSteps(c, "name", name.toLowerCase(), rect));
    }
    if (c.targets.cells.length > 0) {
      const rows = c.targets.cells.map((p) => p.row);
      const columns = c.targets.cells.map((p) => p.column);
      const rect = {
        top: Math.min(...rows),
        bottom: Math.max(...rows),
        left: Math.min(...columns),
        right: Math.max(...columns),
      };
      steps.push(...readSteps(c, "cells", "", rect));
    }
  }
  if (steps.length > 0) await syncBatches(context, packSteps(steps, budget, false));

  for (const c of candidates) {
    const tables = new Map<string, { top: number; left: number; cells: KeptCell[][] }>();
    const names = new Map<string, { top: number; left: number; cells: KeptCell[][] }>();
    const loose = new Map<string, KeptCell>();
    const wanted = new Set(c.targets.cells.map((p) => `${p.row},${p.column}`));
    for (const { kind, key, rect, range } of reads.get(c) ?? []) {
      const cells = range.values.map((row, dr) => row.map((value, dc) => keptCell(range, value, dr, dc)));
      if (kind === "cells") {
        cells.forEach((row, dr) =>
          row.forEach((cell, dc) => {
            const at = `${rect.top + dr},${rect.left + dc}`;
            if (wanted.has(at)) loose.set(at, cell);
          }),
        );
        continue;
      }
      // Chunks of one range arrive in row order: append them.
      const into = kind === "table" ? tables : names;
      const sofar = into.get(key);
      if (sofar) sofar.cells.push(...cells);
      else into.set(key, { top: rect.top, left: rect.left, cells });
    }
    out.set(
      c.index,
      keptSheet(plans[c.index], c.sheet.info.templateVersion, { tables, names, cells: loose }),
    );
  }
  return out;
}

/** A cell as a rebuild keeps it: a formula the user typed as that formula, an error as blank. */
function keptCell(range: Excel.Range, value: unknown, dr: number, dc: number): KeptCell {
  const formula: unknown = range.formulas[dr]?.[dc];
  if (typeof formula === "string" && formula.startsWith("=")) return userFormula(formula);
  const type = String(range.valueTypes[dr][dc]);
  if (type === "Error") return null; // an error is not a value the user chose
  return readValue(value, type);
}
