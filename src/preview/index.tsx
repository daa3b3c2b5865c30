/**
 * Entry of the browser preview (`npm start` where Excel is not available, `npm run preview`): the
 * real task pane against a MemoryHost workbook, beside a grid of that workbook. No Office.js.
 *
 * The CustomFunctions stand-in must come first: the GENAI functions that MemoryHost registers in
 * HyperFormula throw `CustomFunctions.Error` to return #VALUE! / #N/A with a message.
 */
import "../host/custom-functions-shim";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { MemoryHost } from "../host/memory";
import { App } from "../taskpane/components/App";
import { downloadWorkbook } from "../taskpane/deliver";
import { Preview } from "./Preview";

const host = new MemoryHost();
// For poking at the model from the browser console.
(window as unknown as { previewHost?: MemoryHost }).previewHost = host;

const container = document.getElementById("container");
if (container) {
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <Preview host={host} pane={<App host={host} initialLocale="en" deliverWorkbook={downloadWorkbook} />} />
    </FluentProvider>,
  );
}
