/**
 * Entry of the browser preview (`npm start` where Excel is not available, `npm run preview`): the
 * real task pane against an in-memory workbook, beside a grid of that workbook. No Office.js.
 *
 * The workbook (MemoryHost, HyperFormula) runs in a Web Worker (memory.worker.ts) and is kept in
 * the browser's storage there; this page holds a proxy of it (connectWorker), so a long
 * recalculation never blocks the page. When the workbook is replaced (a file opened, a new
 * workbook), the pane starts afresh, as a task pane does with another workbook.
 */
// The pane's own uses of the GENAI wrappers (messages, the simulation) expect the global.
import "../host/custom-functions-shim";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { startTransition } from "react";
import { createRoot } from "react-dom/client";
import { connectWorker } from "../host/remote/client";
import { registerCaseWorker } from "../taskpane/model/case-run";
import { caseWorkerFactory } from "../taskpane/model/case-worker-factory";
import { PreviewRoot } from "./PreviewRoot";
import type { WorkerWorkbook } from "./worker-workbook";

const worker = new Worker(new URL("./memory.worker.ts", import.meta.url), { name: "workbook" });
const host = connectWorker(worker) as WorkerWorkbook;
// The pane's business-case simulation runs in a worker of its own, beside the workbook's.
registerCaseWorker(caseWorkerFactory);
// For poking at the model from the browser console, and for the benchmark.
(window as unknown as { previewHost?: WorkerWorkbook }).previewHost = host;

const container = document.getElementById("container");
if (container) {
  const root = createRoot(container);
  // A transition, so React renders the page in slices of a few milliseconds, yielding to the
  // browser between them: the first render (the pane, the frame, and the styles each Fluent
  // component inserts on first use) took one task of 300-650 ms, which froze the page at load.
  startTransition(() =>
    root.render(
      <FluentProvider theme={webLightTheme}>
        <PreviewRoot workbook={host} />
      </FluentProvider>,
    ),
  );
}
