/**
 * @jest-environment jsdom
 */
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

describe("task pane entry point", () => {
  afterEach(() => {
    delete (globalThis as { Office?: unknown }).Office;
  });

  it("renders in a plain browser where Office.js is absent", async () => {
    expect(typeof Office).toBe("undefined");
    await boot();
    await waitFor(() => expect(heading()).toBe("GenAI Business Case"));
  });

  it("waits for Office.onReady before rendering inside Office", async () => {
    let ready: () => void = () => undefined;
    const onReady = jest.fn(() => new Promise<void>((resolve) => (ready = resolve)));
    (globalThis as { Office?: unknown }).Office = { onReady };
    await boot();
    expect(onReady).toHaveBeenCalledTimes(1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(heading()).toBeUndefined();
    ready();
    await waitFor(() => expect(heading()).toBe("GenAI Business Case"));
  });
});
