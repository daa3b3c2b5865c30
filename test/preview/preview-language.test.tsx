/**
 * @jest-environment jsdom
 */
/**
 * The preview speaks the pane's language, and so does its workbook's worker. The worker side here
 * is a second copy of the modules (jest.isolateModules), as a real worker has its own: a language
 * the pane sets in its own copy never reaches the functions there unless the page passes it on.
 * The frame and the pane are then read whole in Traditional Chinese: any English word left that
 * is not a name, a symbol or a key (the allow-list) fails the test.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import type { WorkerLike } from "../../src/host/remote/client";
import { connectWorker } from "../../src/host/remote/client";
import type { FromWorker, ToWorker } from "../../src/host/remote/protocol";
import type { PortLike, serve as serveFn } from "../../src/host/remote/server";
import type { invalid as invalidFn } from "../../src/engine/problem";
import type { toExcelError as toExcelErrorFn } from "../../src/functions/boundary";
import { previewBundleFor } from "../../src/i18n/preview-bundles";
import { progressText } from "../../src/preview/FileBar";
import { PreviewRoot } from "../../src/preview/PreviewRoot";
import type { WorkbookSession as Session } from "../../src/preview/workbook-session";
import type { WorkerWorkbook } from "../../src/preview/worker-workbook";

/** The worker's own copy of the session, the call layer and the functions' message boundary. */
interface WorkerSide {
  readonly session: Session;
  readonly message: () => string;
  readonly serve: typeof serveFn;
}

function workerSide(): WorkerSide {
  let side: WorkerSide | undefined;
  jest.isolateModules(() => {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { WorkbookSession } = require("../../src/preview/workbook-session") as {
      WorkbookSession: typeof Session;
    };
    const { toExcelError } = require("../../src/functions/boundary") as {
      toExcelError: typeof toExcelErrorFn;
    };
    const { invalid } = require("../../src/engine/problem") as { invalid: typeof invalidFn };
    const { serve } = require("../../src/host/remote/server") as { serve: typeof serveFn };
    /* eslint-enable @typescript-eslint/no-require-imports */
    const session = new WorkbookSession({
      load: () => Promise.resolve(undefined),
      save: () => Promise.resolve(),
      clear: () => Promise.resolve(),
    });
    side = {
      session,
      serve,
      message: () => toExcelError(invalid("notNumber", { argument: "costs", got: "x" })).message ?? "",
    };
  });
  if (!side) throw new Error("the worker's modules did not load");
  return side;
}

/** An asynchronous channel that copies each message, as postMessage does. */
function channel(): { page: WorkerLike; worker: PortLike } {
  const toWorker = new Set<(event: { data: ToWorker }) => void>();
  const toPage = new Set<(event: { data: FromWorker }) => void>();
  const deliver = <T,>(listeners: Set<(event: { data: T }) => void>, message: T): void => {
    const data = JSON.parse(JSON.stringify(message)) as T;
    setTimeout(() => listeners.forEach((l) => l({ data })), 0);
  };
  return {
    page: { postMessage: (m) => deliver(toWorker, m), addEventListener: (_t, l) => toPage.add(l) },
    worker: { postMessage: (m) => deliver(toPage, m), addEventListener: (_t, l) => toWorker.add(l) },
  };
}

async function renderPreview(): Promise<WorkerSide> {
  const worker = workerSide();
  const pipe = channel();
  worker.serve(pipe.worker, worker.session);
  const workbook = connectWorker(pipe.page) as WorkerWorkbook;
  await act(async () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <PreviewRoot workbook={workbook} />
      </FluentProvider>,
    );
    await workbook.ready;
  });
  return worker;
}

/** Names, symbols and keys that read the same in Traditional Chinese. */
const ALLOWED = [
  "GenAI",
  "Excel",
  "Office.js",
  ".xlsx",
  "ROI",
  "PoC",
  "PERT",
  "FTE",
  "API",
  "NT$",
  "US$",
  "English",
  "F2",
  "Enter",
  "Tab",
  "Shift",
  "Esc",
  "Delete",
  "Ctrl+Z",
  "Ctrl+Y",
];

/** English words left in `text` once the allowed names are taken out. */
function englishIn(text: string): string[] {
  let rest = text;
  for (const name of ALLOWED) rest = rest.split(name).join(" ");
  return rest.match(/[A-Za-z]{2,}/g) ?? [];
}

/** Every text a user reads or hears in `root`: text nodes, accessible names, titles, placeholders. */
function textsOf(root: Element): string[] {
  const texts: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement?.closest("style,script,[hidden]")) continue;
    if (node.textContent?.trim()) texts.push(node.textContent.trim());
  }
  for (const el of root.querySelectorAll("[aria-label],[title],[placeholder]"))
    for (const attr of ["aria-label", "title", "placeholder"]) {
      const value = el.getAttribute(attr);
      if (value?.trim()) texts.push(value.trim());
    }
  return texts;
}

describe("The preview's language", () => {
  it("passes the pane's language to the worker, where the GENAI functions word their messages", async () => {
    const worker = await renderPreview();
    expect(worker.message()).toBe("costs must be a number; got x");
    fireEvent.click(screen.getByRole("radio", { name: "繁體中文" }));
    await waitFor(() => expect(worker.message()).toBe("costs 必須是數字;收到 x"), { timeout: 5000 });
    fireEvent.click(screen.getByRole("radio", { name: "English" }));
    await waitFor(() => expect(worker.message()).toBe("costs must be a number; got x"), { timeout: 5000 });
  });

  it("shows the pane and the preview's frame in Traditional Chinese, with no English UI text left", async () => {
    await renderPreview();
    fireEvent.click(screen.getByRole("radio", { name: "繁體中文" }));
    await waitFor(() => expect(screen.getByRole("heading", { name: "活頁簿預覽" })).toBeTruthy());
    const english = textsOf(document.body).filter((text) => englishIn(text).length > 0);
    expect(english).toEqual([]);
  });

  it("words a host's build step in the frame's language, not as the host logged it", () => {
    const activity = {
      method: "applyPlans",
      since: 0,
      progress: {
        step: "writing cells A1:R2000 (ROI)",
        kind: "cells" as const,
        sheet: "ROI",
        range: "A1:R2000",
        done: 3,
        total: 9,
      },
    };
    expect(progressText(activity, previewBundleFor("zh-TW"))).toBe(
      "建立中：在 ROI 寫入儲存格 A1:R2000(第 3 步,共 9 步)",
    );
    expect(progressText(activity, previewBundleFor("en"))).toBe(
      "Building: writing cells A1:R2000 on ROI (3 of 9)",
    );
  });
});
