/**
 * The type of the preview's workbook as the page sees it: every MemoryHost method and the
 * session's open / save / new, each returning a promise (they run in the worker), plus the
 * page-side listeners and status. Types only: HyperFormula stays in the worker's bundle.
 */
import type { MemoryHost } from "../host/memory";
import type { Remote, RemoteSession } from "../host/remote/client";
import type { WorkbookSession } from "./workbook-session";

type SessionCalls = Pick<
  WorkbookSession,
  | "openWorkbook"
  | "saveWorkbook"
  | "newWorkbook"
  | "flush"
  | "setLocale"
  | "sheetView"
  | "prepareBuild"
  | "applyBuild"
>;

/** readSheet answers with functions, which cannot cross to the page: the session's sheetView does. */
export type WorkerWorkbook = Remote<Omit<MemoryHost, "onChange" | "readSheet">> &
  Remote<SessionCalls> &
  RemoteSession;
