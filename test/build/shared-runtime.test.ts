/**
 * The shared runtime on the built bundle: taskpane.html loads taskpane.js, functions.js and
 * commands.js into one page, and the custom functions' messages must follow the language the
 * pane settles on (Office's display language). With one webpack runtime for the three entries
 * they share the message module; without it functions.js keeps its own copy, which reads
 * Office's language once, possibly before Office is ready, and keeps English for good.
 * Runs on the production build: `npm test` builds first; run `npm run build` before running
 * jest alone.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { JSDOM } from "jsdom";

const DIST = process.env.GENAI_DIST_DIR ?? path.resolve(__dirname, "..", "..", "dist");

/** The local scripts of taskpane.html, in the order the page runs them. */
function pageScripts(html: string): string[] {
  return [...html.matchAll(/<script[^>]*src=["']?([^"' >]+)/g)]
    .map((m) => m[1])
    .filter((src) => !/^https?:/.test(src))
    .map((src) => src.replace(/^\.\//, "").replace(/\?.*$/, ""));
}

interface Stubs {
  functions: Map<string, (...args: unknown[]) => unknown>;
  ready: (displayLanguage: string) => void;
}

/** A window with stand-ins for what Office gives the page: Office.js (not ready yet), Excel, CustomFunctions. */
function officePage(html: string): { window: JSDOM["window"]; stubs: Stubs } {
  const dom = new JSDOM(html.replace(/<script[^>]*><\/script>/g, ""), {
    runScripts: "outside-only",
    pretendToBeVisual: true,
    url: "https://localhost:3000/taskpane.html",
  });
  const w = dom.window as unknown as Record<string, unknown>;
  const functions = new Map<string, (...args: unknown[]) => unknown>();
  class CfError extends Error {
    constructor(
      readonly code: string,
      message?: string,
    ) {
      super(message);
    }
  }
  w.CustomFunctions = {
    Error: CfError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
    associate: (id: string, f: (...args: unknown[]) => unknown) => functions.set(id, f),
  };
  let resolveReady: (info: { host: string }) => void = () => undefined;
  const onReady = new Promise<{ host: string }>((resolve) => (resolveReady = resolve));
  const office: Record<string, unknown> = { HostType: { Excel: "Excel" }, onReady: () => onReady };
  w.Office = office;
  w.Excel = { run: () => Promise.reject(new Error("no workbook in this test")) };
  const ready = (displayLanguage: string): void => {
    office.context = { displayLanguage, requirements: { isSetSupported: () => true } };
    resolveReady({ host: "Excel" });
  };
  return { window: dom.window, stubs: { functions, ready } };
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the built shared runtime", () => {
  it("loads one webpack runtime before the three bundles", () => {
    const scripts = pageScripts(fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8"));
    expect(scripts[0]).toBe("runtime.js");
    expect(scripts).toEqual(expect.arrayContaining(["taskpane.js", "functions.js", "commands.js"]));
  });

  it("gives custom-function messages in Office's display language once the pane is up, even after an early call", async () => {
    const html = fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8");
    const { window, stubs } = officePage(html);
    for (const script of pageScripts(html)) {
      // webpack finds its public path from the running script, as the page's <script> gives it.
      Object.defineProperty(window.document, "currentScript", {
        value: { src: `https://localhost:3000/${script}`, tagName: "SCRIPT" },
        configurable: true,
      });
      window.eval(fs.readFileSync(path.join(DIST, script), "utf8"));
    }
    const roi = stubs.functions.get("GENAI_ROI");
    expect(roi).toBeDefined();
    const message = (): string => {
      try {
        roi!([[1]], [[0]]);
        return "";
      } catch (error) {
        return (error as Error).message;
      }
    };
    // Excel may compute a cell before Office.js is ready: English then.
    expect(message()).toMatch(/costs must add up to more than 0/);

    stubs.ready("zh-TW");
    for (let i = 0; i < 50 && /costs must/.test(message()); i++) await settle(20);

    expect(window.document.getElementById("container")?.textContent).toContain("GenAI 商業論證");
    expect(message()).toMatch(/的合計必須大於 0/);
    window.close();
  });
});
