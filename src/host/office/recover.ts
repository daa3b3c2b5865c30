/**
 * Putting right what an interrupted build left behind. A build works on temporary sheets
 * ("~genai-build-N", each marked by a sheet-scoped name until the commit removes it) and, at
 * commit, sets the sheets it replaces aside ("~genai-old-N", each carrying its own name in a
 * sheet-scoped name); a failure undoes all that. When the undo fails as
 * well (the connection is lost, Excel closes), those sheets stay. The next build and the next
 * start of the pane call this first:
 *   - a sheet the build made holds nothing of the user's: it is removed, unless its template's
 *     marker already points at it (the build was committed), when only its mark goes;
 *   - a set-aside sheet is the user's: it gets its name back, and the model's names, which still
 *     point at it, with it. When the interrupted build had already given that name to its new
 *     sheet, the template marker tells how far it got: if it points at the new sheet, the build
 *     was committed and only the deletion of the replaced sheet was missing, which is done now;
 *     otherwise the half-made new sheet is removed and the old one restored.
 */
import { freeSheetName, sameName } from "../placement";
import type { Recovery } from "../workbook-host";
import { PENDING_NAME } from "./build-steps";
import { ORIGINAL_NAME, ORIGINAL_TABLES } from "./commit";
import { pointsAt } from "./names";

const TEMPORARY = /^~genai-build-\d+$/i;
const SET_ASIDE = /^~genai-old-\d+$/i;
/** A template's workbook marker (GenAI_Template_roi), not its version. */
const MARKER = /^GenAI_Template_[a-z]+$/i;

/** The text of a constant name formula ('="ROI"'), or null. */
function textConstant(formula: unknown): string | null {
  const match = /^="((?:[^"]|"")*)"$/.exec(String(formula));
  return match ? match[1].replace(/""/g, '"') : null;
}

export async function recoverInExcel(
  context: Excel.RequestContext,
  knownSheetNames: Map<string, string>,
): Promise<Recovery> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/id"); // ExcelApi 1.1
  await context.sync();
  const marks = sheets.items.map((ws) => {
    const pending = ws.names.getItemOrNullObject(PENDING_NAME); // Worksheet.names: ExcelApi 1.4
    pending.load("name");
    const original = ws.names.getItemOrNullObject(ORIGINAL_NAME);
    original.load("formula");
    const tableNames = ws.names.getItemOrNullObject(ORIGINAL_TABLES);
    tableNames.load("formula");
    return { ws, pending, original, tableNames };
  });

  const names = context.workbook.names;
  names.load("items/name,items/formula"); // NamedItem.formula: ExcelApi 1.7
  await context.sync();

  const restored: string[] = [];
  const removed: string[] = [];
  const kept: string[] = [];
  const gone = new Set<string>();
  const tablesBack: string[] = [];
  const markedBy = (sheet: string): boolean =>
    names.items.some((n) => MARKER.test(n.name) && pointsAt(String(n.formula), sheet));
  const remove = (ws: Excel.Worksheet): void => {
    if (gone.has(ws.id)) return;
    ws.delete(); // Worksheet.delete: ExcelApi 1.1
    gone.add(ws.id);
    removed.push(ws.name);
  };

  // Sheets a build made: committed when their template's marker points at them (only the
  // removal of the mark was missing), else half-made and removed.
  for (const { ws, pending } of marks) {
    if (pending.isNullObject && !TEMPORARY.test(ws.name)) continue;
    if (!TEMPORARY.test(ws.name) && markedBy(ws.name))
      pending.delete(); // NamedItem.delete: 1.4
    else remove(ws);
  }
  const taken = (): string[] => sheets.items.filter((w) => !gone.has(w.id)).map((w) => w.name);
  for (const { ws, original, tableNames } of marks) {
    if (!SET_ASIDE.test(ws.name) && original.isNullObject) continue;
    const asideTables = tableNames.isNullObject ? null : textConstant(tableNames.formula);
    if (!tableNames.isNullObject) tableNames.delete();
    const name = original.isNullObject ? null : textConstant(original.formula);
    if (!original.isNullObject) original.delete();
    const holder =
      name === null
        ? undefined
        : sheets.items.find((w) => !gone.has(w.id) && w !== ws && sameName(w.name, name));
    // The build committed (its sheet under this name is the marked one): a replace only had the
    // deletion of this sheet left to do.
    if (holder && markedBy(holder.name)) {
      remove(ws);
      continue;
    }
    if (!SET_ASIDE.test(ws.name)) continue;
    const back = name ?? freeSheetName("Recovered sheet", taken());
    (name !== null ? restored : kept).push(back);
    ws.name = back;
    knownSheetNames.set(ws.id, back);
    if (asideTables) tablesBack.push(asideTables);
  }
  if (restored.length + removed.length + kept.length === 0 && !marks.some((m) => !m.pending.isNullObject))
    return { restored, removed, kept };
  await context.sync();
  for (const id of gone) knownSheetNames.delete(id);
  if (tablesBack.length) await giveTablesBack(context, tablesBack);
  return { restored, removed, kept };
}

/**
 * Restored sheets' tables take their own names back ("GenAI_old_1_1:Benefits;…"), each only when
 * no other table holds it: the half-made sheets that took them are removed by now.
 */
async function giveTablesBack(context: Excel.RequestContext, asideTables: readonly string[]): Promise<void> {
  const tables = context.workbook.tables;
  tables.load("items/name"); // ExcelApi 1.1
  await context.sync();
  for (const pair of asideTables.flatMap((text) => text.split(";"))) {
    const [aside, own] = pair.split(":");
    const table = tables.items.find((t) => sameName(t.name, aside));
    if (!table || !own) continue;
    if (!tables.items.some((t) => t !== table && sameName(t.name, own))) table.name = own; // Table.name: 1.1
  }
  await context.sync();
}
