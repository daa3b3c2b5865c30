/**
 * @jest-environment jsdom
 */
/**
 * The pane's reading of workbook names after changes: an edit's figures are read as soon as the
 * workbook reports the change (no wait added to every Summary edit), and a burst of changes (one
 * event per sheet of a recalculation, a slider drag) costs one more read once it is over, which
 * sees the last change.
 */
import { act, render } from "@testing-library/react";
import type { ReactNode } from "react";
import { PaneContext, type PaneContextValue } from "../../src/taskpane/context/pane-context";
import { CHANGE_DEBOUNCE_MS, useWorkbookValues } from "../../src/taskpane/hooks/useWorkbookValues";
import type { CellValue, WorkbookHost } from "../../src/host/workbook-host";

/** A workbook with one name whose value the test sets, and change events it fires. */
function fakeWorkbook() {
  let value = 1;
  let reads = 0;
  const listeners = new Set<() => void>();
  const host = {
    readNames: (names: readonly string[]): Promise<Record<string, CellValue[][] | null>> => {
      reads++;
      return Promise.resolve(Object.fromEntries(names.map((n) => [n, [[value]]])));
    },
    onChange: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    host: host as unknown as WorkbookHost,
    change(next: number): void {
      value = next;
      for (const listener of listeners) listener();
    },
    reads: () => reads,
  };
}

function Shown() {
  const { values } = useWorkbookValues(["AnnualROI"]);
  return <output data-testid="shown">{String(values?.AnnualROI?.[0]?.[0] ?? "")}</output>;
}

function renderWith(host: WorkbookHost): () => string {
  const pane = { host, buildCount: 0 } as unknown as PaneContextValue;
  const wrap = (children: ReactNode) => <PaneContext.Provider value={pane}>{children}</PaneContext.Provider>;
  const { getByTestId } = render(wrap(<Shown />));
  return () => getByTestId("shown").textContent ?? "";
}

/** Lets resolved reads land. */
const flush = () => act(async () => Promise.resolve());

describe("useWorkbookValues", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it("reads a change at once, without waiting for the quiet period", async () => {
    const book = fakeWorkbook();
    const shown = renderWith(book.host);
    await flush();
    expect(shown()).toBe("1");
    book.change(2);
    await flush();
    expect(shown()).toBe("2");
    expect(book.reads()).toBe(2);
    // Nothing more changed: the quiet period ends without another read.
    await act(async () => {
      jest.advanceTimersByTime(CHANGE_DEBOUNCE_MS * 2);
      await Promise.resolve();
    });
    expect(book.reads()).toBe(2);
  });

  it("reads a burst of changes once more when it is over, and shows the last", async () => {
    const book = fakeWorkbook();
    const shown = renderWith(book.host);
    await flush();
    for (let v = 2; v <= 6; v++) {
      book.change(v);
      await act(async () => {
        jest.advanceTimersByTime(CHANGE_DEBOUNCE_MS / 10);
        await Promise.resolve();
      });
    }
    expect(book.reads()).toBe(2);
    await act(async () => {
      jest.advanceTimersByTime(CHANGE_DEBOUNCE_MS);
      await Promise.resolve();
    });
    await flush();
    expect(book.reads()).toBe(3);
    expect(shown()).toBe("6");
  });
});
