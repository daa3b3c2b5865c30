/**
 * Making a build the workbook's, or undoing it. The commit is one request: the replaced sheets
 * step aside, the new sheets take their names and places, the workbook names point at them,
 * events come back, Excel recalculates, and the replaced sheets go last (the one step that cannot
 * be undone). What it changes is written to a journal, so that a rollback can restore the
 * workbook from what exists after a failure.
 */
import { parseRange, rangeAddress, sheetPrefix } from "../../shared/a1";
import { templateMarkerName, templateVersionName } from "../workbook-host";
import { structuredReference } from "../table-references";
import { nameTarget, pointsAt } from "./names";
import { sameName } from "../placement";
import { PENDING_NAME } from "./build-steps";
import { type Build, serialNames } from "./prepare-builds";
import type { ExistingSheet, WorkbookState } from "./read-workbook";
import { OPERATION_BYTES, type RequestSettings, type Step, suspendUntilNextSync } from "./requests";

/**
 * A sheet-scoped name a replaced sheet carries while it is set aside ("~genai-old-N"): its name
 * before the rebuild, as a text constant.
 */
export const ORIGINAL_NAME = "GenAI_Original_Sheet_Name";

/**
 * A sheet-scoped name a set-aside sheet carries when its tables stepped aside too: each table's
 * name while aside and its own name, as a text constant "GenAI_old_1_1:Benefits;…" (a table name
 * holds neither `:` nor `;`). Excel rewrites every structured reference when a table is renamed,
 * so giving the names back also gives the user's formulas their table names back.
 */
export const ORIGINAL_TABLES = "GenAI_Original_Table_Names";

/** What the commit changes that a rollback must know of. */
export interface Journal {
  /** Workbook names pointed at the new sheets (or added). */
  readonly names: Set<string>;
  /** Sheet-scoped copies of names given to an older copy that stays. */
  readonly localNames: { readonly sheetId: string; readonly name: string }[];
}

function absolute(range: string): string {
  return rangeAddress(parseRange(range), true);
}

/**
 * One request that makes the build the workbook's: replaced sheets step aside, new sheets take
 * their names and places, tables and workbook names follow, events come back, Excel recalculates,
 * and the replaced sheets go last (deleting is the one step that cannot be undone).
 */
export function commitSteps(builds: readonly Build[], state: WorkbookState, journal: Journal): Step[] {
  const steps: Step[] = [];
  const small = (sheet: string, label: string, apis: string[], queue: Step["queue"]): void => {
    steps.push({ sheet, label, kind: label, apis, bytes: 4 * OPERATION_BYTES, queue });
  };
  const asideName = serialNames(
    "~genai-old-",
    new Set([
      ...state.sheets.map((s) => s.name.toLowerCase()),
      ...builds.map((b) => b.tempName.toLowerCase()),
    ]),
  );
  const aside = new Map<Build, Excel.Worksheet>();
  const asideNames = new Map<Build, string>();

  // 1. The replaced sheets and their clashing tables step aside (Worksheet.name, Table.name: 1.1).
  for (const b of builds) {
    const old = b.replaces;
    if (!old) continue;
    const { name, serial: n } = asideName();
    asideNames.set(b, name);
    small(b.plan.sheet, "moving the old sheet aside", ["Worksheet.name", "Table.name"], (context) => {
      const ws = context.workbook.worksheets.getItem(old.id);
      // Its own name goes with it, so that whatever interrupts the build and its undo, the next
      // build or pane start can give it back (recover.ts).
      ws.names.add(ORIGINAL_NAME, `="${old.name.replace(/"/g, '""')}"`, "The sheet's name before a rebuild");
      journal.localNames.push({ sheetId: old.id, name: ORIGINAL_NAME });
      ws.name = name;
      aside.set(b, ws);
      const renamed: string[] = [];
      for (const d of b.deferredTables) {
        const clash = old.tables.find((t) => sameName(t.name, d.name));
        if (!clash) continue;
        const asideTable = `GenAI_old_${n}_${d.index + 1}`;
        context.workbook.tables.getItem(clash.id).name = asideTable;
        renamed.push(`${asideTable}:${clash.name}`);
      }
      if (renamed.length) {
        ws.names.add(ORIGINAL_TABLES, `="${renamed.join(";")}"`, "The sheet's table names before a rebuild");
        journal.localNames.push({ sheetId: old.id, name: ORIGINAL_TABLES });
      }
    });
  }

  // 2. The new sheets take their names, and the places of the sheets they replace
  // (Worksheet.position, ExcelApi 1.1). Moving a sheet shifts the later ones, hence the order.
  const moved: number[] = [];
  const placed = [...builds].sort(
    (a, b) => (a.replaces?.position ?? Infinity) - (b.replaces?.position ?? Infinity),
  );
  for (const b of placed) {
    const position = b.replaces
      ? b.replaces.position + moved.filter((p) => p < (b.replaces as ExistingSheet).position).length
      : null;
    if (b.replaces) moved.push(b.replaces.position);
    small(
      b.plan.sheet,
      "naming the new sheet",
      ["Worksheet.name", "Worksheet.position", "Table.name"],
      () => {
        const ws = b.sheet as Excel.Worksheet;
        ws.name = b.plan.sheet;
        if (position !== null) ws.position = position;
        for (const d of b.deferredTables) b.tables[d.index].name = d.name;
      },
    );
  }

  // 3. Workbook names point at the new sheets (NamedItemCollection.add: 1.4; NamedItem.formula
  // set: 1.7), marker and version included. A template's older copy that keeps living ("keep
  // both") first gets sheet-scoped copies of its names (Worksheet.names, 1.4), so its own
  // formulas keep reading its own cells, and it still reads as built by the template.
  const defined = new Set(state.names.keys());
  for (const b of builds) {
    const { plan } = b;
    const prefix = sheetPrefix(plan.sheet);
    const finalTableNames = new Map(b.deferredTables.map((d) => [plan.tables[d.index].name, d.name]));
    const wanted = [
      // A name over whole table columns refers to them by structured reference, so it follows
      // the table's rows (a row typed just below it included); the tables have their final names.
      ...plan.names.map((n) => {
        const structured = structuredReference(plan, n.range, finalTableNames);
        return {
          name: n.name,
          formula: structured ? `=${structured}` : `=${prefix}${absolute(n.range)}`,
          comment: n.comment,
        };
      }),
      {
        name: templateMarkerName(plan.template),
        formula: `=${prefix}$A$1`,
        comment: `Built by the GenAI Business Case add-in (${plan.template})`,
      },
      {
        name: templateVersionName(plan.template),
        formula: `=${plan.version}`,
        comment: `Layout version of the ${plan.template} sheet`,
      },
    ];
    const older = olderCopy(b, builds, state);
    small(
      plan.sheet,
      "pointing the workbook names at the sheet",
      ["NamedItemCollection.add", "NamedItem.formula"],
      (context) => {
        const names = context.workbook.names;
        const copy = b.decision.copyName ? b.replaces : null;
        if (copy) {
          // The old sheet stays as a copy: names scoped to it, aimed at its own cells (it is
          // named "~genai-old-N" for now; the names follow it when it takes its copy name).
          const keep = (aside.get(b) as Excel.Worksheet).names;
          const prefix = sheetPrefix(asideNames.get(b) as string);
          for (const w of wanted) {
            const current = state.names.get(w.name.toLowerCase());
            if (!current || copy.names.has(w.name.toLowerCase())) continue;
            const isVersion = w.name === templateVersionName(plan.template);
            if (!isVersion && !pointsAt(current.formula, copy.name)) continue;
            const formula = isVersion ? current.formula : `=${prefix}${nameTarget(current.formula).address}`;
            keep.add(current.name, formula, "Kept for this copy when the model's sheet was rebuilt");
            journal.localNames.push({ sheetId: copy.id, name: current.name });
          }
        }
        if (older) {
          const keep = context.workbook.worksheets.getItem(older.id).names;
          for (const w of wanted) {
            const current = state.names.get(w.name.toLowerCase());
            if (!current || older.names.has(w.name.toLowerCase())) continue;
            if (w.name === templateVersionName(plan.template) || pointsAt(current.formula, older.name)) {
              keep.add(current.name, current.formula, "Kept for this copy when a new copy was built");
              journal.localNames.push({ sheetId: older.id, name: current.name });
            }
          }
        }
        for (const w of wanted) {
          const key = w.name.toLowerCase();
          journal.names.add(w.name);
          if (defined.has(key)) names.getItem(w.name).formula = w.formula;
          else {
            names.add(w.name, w.formula, w.comment);
            defined.add(key);
          }
        }
      },
    );
  }

  // 4. The first built sheet comes forward (Worksheet.activate, 1.1), events come back (1.8),
  // and Excel recalculates what was written while calculation was suspended (1.1).
  small(
    builds[0].plan.sheet,
    "finishing",
    ["Worksheet.activate", "Runtime.enableEvents", "Application.calculate", "NamedItem.delete"],
    (context) => {
      for (const b of builds) (b.sheet as Excel.Worksheet).names.getItem(PENDING_NAME).delete();
      (builds[0].sheet as Excel.Worksheet).activate();
      context.runtime.enableEvents = state.enableEvents;
      context.workbook.application.calculate("Recalculate");
    },
  );

  // 5. The old sheets the user chose to keep take their copy names.
  for (const b of builds) {
    const copyName = b.decision.copyName;
    if (!b.replaces || !copyName) continue;
    const old = b.replaces;
    small(
      b.plan.sheet,
      "keeping the old sheet as a copy",
      ["Worksheet.name", "NamedItem.delete", "Table.name"],
      (context) => {
        const ws = aside.get(b) as Excel.Worksheet;
        ws.names.getItem(ORIGINAL_NAME).delete();
        ws.name = copyName;
        for (const t of b.copyTables) {
          const table = old.tables.find((x) => sameName(x.name, t.name));
          if (table) context.workbook.tables.getItem(table.id).name = t.newName;
        }
      },
    );
  }
  return steps;
}

/**
 * After the commit, the replaced sheets go (Worksheet.delete, 1.1), in a request of their own:
 * deleting is the one step that cannot be undone, so a failure here must not start a rollback
 * that could not bring back a sheet already deleted. The build stands; a set-aside sheet that
 * stays is removed by the next build or pane start (recover.ts).
 */
export function cleanupSteps(builds: readonly Build[]): Step[] {
  return builds
    .filter((b) => b.replaces && !b.decision.copyName)
    .map((b) => ({
      sheet: b.plan.sheet,
      label: "removing the replaced sheet",
      kind: "removing the replaced sheet",
      apis: ["Worksheet.delete"],
      bytes: 4 * OPERATION_BYTES,
      queue: (context: Excel.RequestContext) => {
        context.workbook.worksheets.getItem((b.replaces as ExistingSheet).id).delete();
      },
    }));
}

/** The sheet a template's workbook marker points at, when this call leaves it standing. */
function olderCopy(b: Build, builds: readonly Build[], state: WorkbookState): ExistingSheet | null {
  const marker = state.names.get(templateMarkerName(b.plan.template).toLowerCase());
  if (!marker) return null;
  const older = state.sheets.find((s) => pointsAt(marker.formula, s.name)) ?? null;
  if (!older || builds.some((other) => other.replaces === older)) return null;
  if (older.names.has(templateMarkerName(b.plan.template).toLowerCase())) return null;
  return older;
}

/**
 * Undoes a partial build from what exists now (two syncs): sheets that were not there are
 * deleted, renamed sheets and tables get their names back, the names this call touched get
 * their formulas back (or go, if they are new), the active sheet and the event flag return.
 */
export async function rollback(
  context: Excel.RequestContext,
  state: WorkbookState,
  journal: Journal,
  supports: RequestSettings["supports"],
): Promise<void> {
  const wb = context.workbook;
  const sheets = wb.worksheets;
  sheets.load("items/id,items/name");
  const names = wb.names;
  names.load("items/name");
  const tables = wb.tables;
  tables.load("items/id,items/name");
  await context.sync();

  suspendUntilNextSync(context, supports, false);
  const before = new Map(state.sheets.map((s) => [s.id, s]));
  for (const ws of sheets.items) if (!before.has(ws.id)) ws.delete();
  for (const ws of sheets.items) {
    const was = before.get(ws.id);
    if (was && was.name !== ws.name) ws.name = was.name;
  }
  const tablesBefore = new Map(state.sheets.flatMap((s) => s.tables.map((t) => [t.id, t.name] as const)));
  for (const t of tables.items) {
    const was = tablesBefore.get(t.id);
    if (was !== undefined && was !== t.name) t.name = was;
  }
  const present = new Set(names.items.map((n) => n.name.toLowerCase()));
  for (const name of journal.names) {
    const key = name.toLowerCase();
    const was = state.names.get(key);
    if (was && present.has(key)) wb.names.getItem(was.name).formula = was.formula;
    else if (!was && present.has(key)) wb.names.getItem(name).delete(); // NamedItem.delete: 1.4
  }
  // Sheet-scoped names made for an older copy or a set-aside sheet, on the sheets still there
  // (a null object's delete does nothing).
  const standing = new Set(sheets.items.map((ws) => ws.id));
  for (const { sheetId, name } of journal.localNames)
    if (before.has(sheetId) && standing.has(sheetId))
      sheets.getItem(sheetId).names.getItemOrNullObject(name).delete();
  if (state.activeId && before.has(state.activeId)) sheets.getItem(state.activeId).activate();
  context.runtime.enableEvents = state.enableEvents;
  await context.sync();
}
