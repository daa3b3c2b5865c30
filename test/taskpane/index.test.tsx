/**
 * @jest-environment jsdom
 */
import "./setup-dom";
import { waitFor } from "@testing-library/dom";

// Each test loads the entry point afresh (its own React), so React's act() from a test-side import
// cannot see it: wait for the DOM instead, and tell React not to expect act().
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;

async function boot(): Promise<void> {
  document.body.innerHTML = '<div id="container"></div>';
  await jest.isolateModulesAsync(async () => {
    await import("../../src/taskpane/index");
  });
}

const heading = () => document.querySelector("h1")?.textContent;
const globals = globalThis as { Office?: unknown; Excel?: unknown };

/** Office.js as Office.onReady sees it: the host and the display language. */
function fakeOffice(host: string, displayLanguage = "en-US") {
  let ready: () => void = () => undefined;
  const onReady = jest.fn(
    () =>
      new Promise<{ host: string; platform: string }>(
        (resolve) => (ready = () => resolve({ host, platform: "PC" })),
      ),
  );
  globals.Office = { onReady, HostType: { Excel: "Excel", Word: "Word" }, context: { displayLanguage } };
  return { onReady, ready: () => ready() };
}

describe("task pane entry point", () => {
  afterEach(() => {
    delete globals.Office;
    delete globals.Excel;
  });

  it("points to the browser preview (npm start) in a plain browser where Office.js is absent", async () => {
    expect(typeof Office).toBe("undefined");
    await boot();
    await waitFor(() => expect(heading()).toBe("GenAI Business Case"));
    expect(document.body.textContent).toContain("npm start");
    expect(document.querySelector('[role="tablist"]')).toBeNull();
  });

  it("waits for Office.onReady, then renders the pane on Excel in Office's display language", async () => {
    const office = fakeOffice("Excel", "zh-TW");
    const run = jest.fn(() => new Promise(() => undefined)); // Excel.run that never answers
    globals.Excel = { run };
    await boot();
    expect(office.onReady).toHaveBeenCalledTimes(1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(heading()).toBeUndefined();
    office.ready();
    await waitFor(() => expect(heading()).toBe("GenAI 商業論證"));
    expect(document.querySelector('[role="tablist"]')).not.toBeNull();
    // The pane reads the workbook through OfficeHost, that is through Excel.run.
    await waitFor(() => expect(run).toHaveBeenCalled());
  });

  it("shows the note instead of the pane in another Office application", async () => {
    const office = fakeOffice("Word");
    await boot();
    office.ready();
    await waitFor(() => expect(document.body.textContent).toContain("npm start"));
    expect(document.querySelector('[role="tablist"]')).toBeNull();
  });
});
