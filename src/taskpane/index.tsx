/**
 * The add-in's task pane entry: in Excel, the pane on an OfficeHost in Office's display language,
 * delivering shareable copies as new workbooks. Opened anywhere else (a plain browser, Office.js
 * unreachable), a short note pointing to the browser preview (`npm start`), which renders <App>
 * itself on an in-memory workbook.
 */
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { OfficeHost } from "../host/office";
import { officeDisplayLocale } from "../host/office/display-locale";
import { App } from "./components/App";
import { OutsideExcel } from "./components/OutsideExcel";
import { registerCaseWorker } from "./model/case-run";
import { caseWorkerFactory } from "./model/case-worker-factory";

function container(): HTMLElement | null {
  return document.getElementById("container");
}

function renderInExcel(): void {
  const root = container();
  if (!root) return;
  const host = new OfficeHost();
  // The business-case simulation and its goal seek run in a worker of their own (a lazily loaded
  // chunk), so the pane stays responsive while Excel waits on it.
  registerCaseWorker(caseWorkerFactory);
  createRoot(root).render(
    <App
      host={host}
      initialLocale={officeDisplayLocale()}
      deliverWorkbook={(bytes) => host.createWorkbook(bytes)}
    />,
  );
}

function renderOutsideExcel(): void {
  const root = container();
  if (!root) return;
  createRoot(root).render(
    <FluentProvider theme={webLightTheme}>
      <OutsideExcel />
    </FluentProvider>,
  );
}

// Outside Office there is no Office global at all; in Office, wait for Office.js to say where we are.
if (typeof Office === "undefined") {
  renderOutsideExcel();
} else {
  void Office.onReady().then((info) =>
    info?.host === Office.HostType.Excel ? renderInExcel() : renderOutsideExcel(),
  );
}
