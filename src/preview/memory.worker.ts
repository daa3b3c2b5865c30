/**
 * The preview's workbook worker: the in-memory workbook (MemoryHost, HyperFormula) and its file
 * and storage handling run here, off the page's main thread, so long recalculations never freeze
 * the page. The page talks to it through connectWorker (src/host/remote/client.ts).
 *
 * The CustomFunctions stand-in must come first: the GENAI functions throw `CustomFunctions.Error`
 * to return #VALUE! / #N/A with a message.
 */
import "../host/custom-functions-shim";
import { createStore, del, get, set } from "idb-keyval";
import { serve } from "../host/remote/server";
import { type StoredWorkbook, WorkbookSession } from "./workbook-session";

/** One IndexedDB database for the preview, one key for the open workbook. */
const database = createStore("genai-business-case-preview", "workbooks");
const KEY = "open-workbook";

const session = new WorkbookSession({
  load: () => get<StoredWorkbook>(KEY, database),
  save: (value) => set(KEY, value, database),
  clear: () => del(KEY, database),
});
serve(self, session);
