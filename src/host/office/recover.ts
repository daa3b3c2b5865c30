/**
 * Putting right what an interrupted build left behind. A build works on temporary sheets
 * ("~genai-build-N") and, at commit, sets the sheets it replaces aside ("~genai-old-N", each
 * carrying its own name in a sheet-scoped name); a failure undoes all that. When the undo fails as
 * well (the connection is lost, Excel closes), those sheets stay. The next build and the next
 * start of the pane call this first:
 *   - a temporary sheet holds nothing of the user's: it is removed;
 *   - a set-aside sheet is the user's: it gets its name back, and the model's names, which still
 *     point at it, with it. When the interrupted build had already given that name to its new
 *     sheet, the template marker tells how far it got: if it points at the new sheet, the build
 *     was committed and only the deletion of the replaced sheet was missing, which is done now;
 *     otherwise the half-made new sheet is removed and the old one restored.
 * Part of the Office host layer (src/host/office.ts and src/host/office/), the only code that may
 * touch `Excel.*`.
 */
import { freeSheetName, sameName } from "../apply-common";
import type { Recovery } from "../workbook-host";
import { ORIGINAL_NAME } from "./commit";
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
  const leftovers = sheets.items.filter((ws) => TEMPORARY.test(ws.name) || SET_ASIDE.test(ws.name));
  if (leftovers.length === 0) return { restored: [], removed: [], kept: [] };

  const names = context.workbook.names;
  names.load("items/name,items/formula"); // NamedItem.formula: ExcelApi 1.7
  const aside = sheets.items
    .filter((ws) => SET_ASIDE.test(ws.name))
    .map((ws) => {
      const original = ws.names.getItemOrNullObject(ORIGINAL_NAME); // Worksheet.names: ExcelApi 1.4
      original.load("formula");
      return { ws, original };
    });
  await context.sync();

  const restored: string[] = [];
  const removed: string[] = [];
  const kept: string[] = [];
  const gone = new Set<string>();
  for (const ws of sheets.items.filter((w) => TEMPORARY.test(w.name))) {
    ws.delete(); // Worksheet.delete: ExcelApi 1.1
    gone.add(ws.id);
    removed.push(ws.name);
  }
  const taken = (): string[] => sheets.items.filter((w) => !gone.has(w.id)).map((w) => w.name);
  for (const { ws, original } of aside) {
    const name = original.isNullObject ? null : textConstant(original.formula);
    if (!original.isNullObject) original.delete(); // NamedItem.delete: ExcelApi 1.4
    const holder =
      name === null ? undefined : sheets.items.find((w) => !gone.has(w.id) && sameName(w.name, name));
    // The interrupted build got as far as pointing its template marker at its new sheet: the
    // build stands, and the set-aside sheet is what a replace deletes.
    const committed =
      holder !== undefined &&
      names.items.some((n) => MARKER.test(n.name) && pointsAt(String(n.formula), holder.name));
    if (holder && committed) {
      ws.delete();
      gone.add(ws.id);
      removed.push(ws.name);
      continue;
    }
    if (holder) {
      holder.delete(); // the interrupted build's new sheet, which the model never used
      gone.add(holder.id);
      removed.push(holder.name);
    }
    const back = name ?? freeSheetName("Recovered sheet", taken());
    (name !== null ? restored : kept).push(back);
    ws.name = back;
    knownSheetNames.set(ws.id, back);
  }
  await context.sync();
  for (const id of gone) knownSheetNames.delete(id);
  return { restored, removed, kept };
}
