/**
 * @jest-environment jsdom
 */
/**
 * The preview page against a real MemoryHost: the empty state, sheet tabs after a build, formatted
 * values with the workbook's looks, keyboard navigation with the formula bar, editing an input
 * that recalculates live, Escape, and a refused entry that keeps the old value.
 */
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { roi } from "../../src/engine/roi";
import { MemoryHost } from "../../src/host/memory";
import { previewOn, type PreviewHost } from "../../src/preview/useWorkbook";
import { formatValue } from "../../src/templates/formats";
import { LOOKS } from "../../src/templates/theme";
import { nameCell, roiByEngine, roiInputs, roiPlan } from "../host/memory-support";
import { cellAt, grid, renderPreviewOn, settle } from "./preview-support";

const plan = roiPlan();
const AGENTS_AFTER = `ROI!${nameCell(plan, "AgentsAfter")}`;
const ANNUAL_ROI = `ROI!${nameCell(plan, "AnnualROI")}`;

const nameBox = (): string => screen.getByTestId("name-box").textContent ?? "";

/** Hex "#RRGGBB" → the rgb() form jsdom reports for inline styles. */
const rgb = (hex: string): string => {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
};

async function renderPreview(built = true): Promise<MemoryHost> {
  const host = new MemoryHost();
  if (built) await host.applyPlans([plan], { dialect: "live" });
  await renderPreviewOn(previewOn(host));
  return host;
}

async function edit(address: string, keys: string, finish: "Enter" | "Escape" = "Enter"): Promise<void> {
  fireEvent.mouseDown(cellAt(address));
  fireEvent.keyDown(grid(), { key: "F2" });
  const editor = await screen.findByLabelText(`Edit ${address}`);
  fireEvent.change(editor, { target: { value: keys } });
  await act(async () => {
    fireEvent.keyDown(editor, { key: finish });
    await settle();
  });
}

// Each test builds the ROI sheet and renders it whole in jsdom: seconds on a quiet machine, more under CI load.
jest.setTimeout(90_000);

describe("the preview page", () => {
  it("puts the pane beside the workbook and says how to start when the workbook is empty", async () => {
    await renderPreview(false);
    expect(within(screen.getByTestId("preview-pane")).getByText("pane")).toBeTruthy();
    expect(screen.getByTestId("grid-empty").textContent).toMatch(/Build complete model/);
    expect(screen.queryByRole("tablist", { name: "Sheets" })).toBeNull();
  });

  it("shows a built sheet with its tab, formatted values and the workbook's looks", async () => {
    await renderPreview();
    await waitFor(() => expect(cellAt(ANNUAL_ROI).textContent).toBe("639.6%"));
    expect(screen.getByRole("tab", { name: "ROI" }).getAttribute("aria-selected")).toBe("true");
    const input = cellAt(AGENTS_AFTER);
    expect(input.textContent).toBe("35");
    expect(input.dataset.input).toBe("true");
    expect(input.style.color).toBe(rgb(LOOKS.input.fontColor as string));
    expect(input.style.backgroundColor).toBe(rgb(LOOKS.input.fill as string));
    expect(cellAt(ANNUAL_ROI).style.fontWeight).toBe("600");
    expect(screen.getAllByRole("columnheader").map((h) => h.textContent)).toContain("C");
    expect(screen.getByRole("img", { name: plan.charts[0].title })).toBeTruthy();
  });

  it("moves the selection with the arrow keys and shows the selected cell's formula", async () => {
    await renderPreview();
    await waitFor(() => expect(cellAt(ANNUAL_ROI).textContent).toBe("639.6%"));
    fireEvent.mouseDown(cellAt(ANNUAL_ROI));
    expect(nameBox()).toBe(ANNUAL_ROI);
    expect(screen.getByTestId<HTMLInputElement>("formula-bar").value).toMatch(/GENAI\.ROI\(/);
    fireEvent.keyDown(grid(), { key: "ArrowUp" });
    fireEvent.keyDown(grid(), { key: "ArrowLeft" });
    fireEvent.keyDown(grid(), { key: "ArrowRight" });
    fireEvent.keyDown(grid(), { key: "ArrowDown" });
    fireEvent.keyDown(grid(), { key: "ArrowDown" });
    expect(nameBox()).toBe(ANNUAL_ROI.replace(/\d+$/, (row) => String(Number(row) + 1)));
    // The ROI sheet freezes its title rows and label column: Ctrl+Home, as in Excel, goes to the
    // first cell past them.
    fireEvent.keyDown(grid(), { key: "Home", ctrlKey: true });
    expect(nameBox()).toBe("ROI!B4");
    expect(cellAt("ROI!B4").getAttribute("aria-selected")).toBe("true");
  });

  it("recalculates live when an input is edited", async () => {
    await renderPreview();
    await waitFor(() => expect(cellAt(ANNUAL_ROI).textContent).toBe("639.6%"));
    await edit(AGENTS_AFTER, "40");
    const expected = roiByEngine(roiInputs({ AgentsAfter: 40 })).annualRoi;
    expect(expected).toBeCloseTo(roi(22_000_000 - 2_400_000, 2_974_666.67), 6);
    await waitFor(() => expect(cellAt(ANNUAL_ROI).textContent).toBe(formatValue(expected, "percent", "NT$")));
    expect(cellAt(AGENTS_AFTER).textContent).toBe("40");
    // Enter commits and moves down, as in Excel.
    expect(nameBox()).toBe(AGENTS_AFTER.replace(/\d+$/, (row) => String(Number(row) + 1)));
  });

  it("cancels an edit with Escape", async () => {
    const host = await renderPreview();
    const changes = jest.fn();
    host.onChange(changes);
    await waitFor(() => expect(cellAt(AGENTS_AFTER).textContent).toBe("35"));
    await edit(AGENTS_AFTER, "40", "Escape");
    expect(screen.queryByLabelText(`Edit ${AGENTS_AFTER}`)).toBeNull();
    expect(cellAt(AGENTS_AFTER).textContent).toBe("35");
    expect(changes).not.toHaveBeenCalled();
  });

  it("shows why an entry was refused next to the grid and keeps the old value", async () => {
    await renderPreview();
    await waitFor(() => expect(cellAt(AGENTS_AFTER).textContent).toBe("35"));
    await edit(AGENTS_AFTER, "-5");
    const message = await screen.findByTestId("grid-message");
    expect(message.textContent).toContain(`${AGENTS_AFTER}: Enter zero or a positive number.`);
    expect(cellAt(AGENTS_AFTER).textContent).toBe("35");
    expect(cellAt(ANNUAL_ROI).textContent).toBe("639.6%");
  });

  it("does not open an editor on a calculated cell, and says which cells can be edited", async () => {
    await renderPreview();
    await waitFor(() => expect(cellAt(ANNUAL_ROI).textContent).toBe("639.6%"));
    fireEvent.mouseDown(cellAt(ANNUAL_ROI));
    fireEvent.keyDown(grid(), { key: "F2" });
    expect(screen.queryByLabelText(`Edit ${ANNUAL_ROI}`)).toBeNull();
    expect(screen.getByTestId("grid-message").textContent).toMatch(/calculated by a formula/);
  });

  it("starts an edit by typing, replacing the value", async () => {
    await renderPreview();
    await waitFor(() => expect(cellAt(AGENTS_AFTER).textContent).toBe("35"));
    fireEvent.mouseDown(cellAt(AGENTS_AFTER));
    fireEvent.keyDown(grid(), { key: "4" });
    const editor = await screen.findByLabelText<HTMLInputElement>(`Edit ${AGENTS_AFTER}`);
    expect(editor.value).toBe("4");
  });

  it("adds a tab for a sheet built later and brings it to the front", async () => {
    const host = await renderPreview();
    await waitFor(() => expect(screen.getByRole("tab", { name: "ROI" })).toBeTruthy());
    await act(async () => {
      host.addSheet("Notes", [["hello", 2]]);
      await host.writeCells([{ sheet: "Notes", address: "C1", values: [[3]] }]);
      await settle();
    });
    await waitFor(() =>
      expect(screen.getByRole("tab", { name: "Notes" }).getAttribute("aria-selected")).toBe("true"),
    );
    expect(cellAt("Notes!C1").textContent).toBe("3");
    fireEvent.click(screen.getByRole("tab", { name: "ROI" }));
    await waitFor(() => expect(cellAt(ANNUAL_ROI).textContent).toBe("639.6%"));
  });

  it("clears a range's inputs with Delete and puts them back with Ctrl+Z, and again with Ctrl+Y", async () => {
    await renderPreview();
    await waitFor(() => expect(cellAt(AGENTS_AFTER).textContent).toBe("35"));
    const below = AGENTS_AFTER.replace(/\d+$/, (row) => String(Number(row) + 1));
    const belowText = cellAt(below).textContent;
    fireEvent.mouseDown(cellAt(AGENTS_AFTER));
    fireEvent.mouseDown(cellAt(below), { shiftKey: true });
    await act(async () => {
      fireEvent.keyDown(grid(), { key: "Delete" });
      await settle();
    });
    await waitFor(() => expect(cellAt(AGENTS_AFTER).textContent).toBe(""));
    expect(cellAt(below).textContent).toBe("");
    await act(async () => {
      fireEvent.keyDown(grid(), { key: "z", ctrlKey: true });
      await settle();
    });
    await waitFor(() => expect(cellAt(AGENTS_AFTER).textContent).toBe("35"));
    expect(cellAt(below).textContent).toBe(belowText);
    await waitFor(() => expect(cellAt(ANNUAL_ROI).textContent).toBe("639.6%"));
    await act(async () => {
      fireEvent.keyDown(grid(), { key: "y", ctrlKey: true });
      await settle();
    });
    await waitFor(() => expect(cellAt(AGENTS_AFTER).textContent).toBe(""));
  });
});

describe("entries and clears made before the grid shows the last write", () => {
  // The grid shows the workbook a moment after each write (in the browser the view comes back
  // from a Web Worker, later still on a loaded machine). An entry or a clear made in that moment
  // must undo to what the workbook held, not to what the screen still showed.

  /** The preview over a host whose sheet views arrive `lagMs` late once `lag` is set. */
  async function renderLagging(): Promise<{ host: MemoryHost; lag: (ms: number) => void }> {
    const host = new MemoryHost();
    await host.applyPlans([plan], { dialect: "live" });
    const direct = previewOn(host);
    let lagMs = 0;
    const lagging: PreviewHost = {
      ...direct,
      sheetView: (sheet, window) =>
        new Promise((resolve) => setTimeout(() => resolve(direct.sheetView(sheet, window)), lagMs)),
    };
    await renderPreviewOn(lagging);
    await waitFor(() => expect(cellAt(AGENTS_AFTER).textContent).toBe("35"));
    return {
      host,
      lag: (ms) => {
        lagMs = ms;
      },
    };
  }

  const pause = (ms: number): Promise<void> =>
    act(() => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const agents = async (host: MemoryHost): Promise<unknown> =>
    (await host.readRange("ROI", AGENTS_AFTER.slice("ROI!".length)))[0]?.[0];
  const press = (key: string, init: Partial<KeyboardEventInit> = {}): Promise<void> =>
    act(async () => {
      fireEvent.keyDown(grid(), { key, ...init });
      await settle();
    });

  /** Types `value` into the agents input while views lag: the workbook has it, the grid shows 35. */
  async function typeAheadOfTheGrid(value: string): ReturnType<typeof renderLagging> {
    const rendered = await renderLagging();
    rendered.lag(400);
    await edit(AGENTS_AFTER, value);
    await pause(20);
    expect(cellAt(AGENTS_AFTER).textContent).toBe("35");
    expect(await agents(rendered.host)).toBe(Number(value));
    return rendered;
  }

  it("undoes a second entry to the first when the grid did not show the first yet", async () => {
    const { host, lag } = await typeAheadOfTheGrid("40");
    await edit(AGENTS_AFTER, "45");
    await waitFor(() => expect(cellAt(AGENTS_AFTER).textContent).toBe("45"));
    lag(0);
    await press("z", { ctrlKey: true });
    await waitFor(async () => expect(await agents(host)).toBe(40));
    await press("z", { ctrlKey: true });
    await waitFor(async () => expect(await agents(host)).toBe(35));
  });

  it("clears a value the grid does not show yet, and puts it back on undo", async () => {
    const { host, lag } = await typeAheadOfTheGrid("50");
    fireEvent.mouseDown(cellAt(AGENTS_AFTER));
    await press("Delete");
    await waitFor(async () => expect(await agents(host)).toBeNull());
    lag(0);
    await press("z", { ctrlKey: true });
    await waitFor(async () => expect(await agents(host)).toBe(50));
  });
});

describe("typing into a row the grid has not received yet", () => {
  // The grid carries a window of rows from the workbook (in the browser, from a Web Worker): a row
  // just inserted, or scrolled to on a busy machine, renders blank until its cells arrive. Keys
  // typed there must not be lost: the editor opens at once, and the cell, read from the workbook
  // when the entry is committed, takes it or refuses it.

  /** The preview over a host whose views leave out the rows from `hiddenFrom` down. */
  async function renderWithout(hiddenFrom: number): Promise<MemoryHost> {
    const host = new MemoryHost();
    await host.applyPlans([plan], { dialect: "live" });
    const direct = previewOn(host);
    const hiding: PreviewHost = {
      ...direct,
      sheetView: async (sheet, window) => {
        const view = await direct.sheetView(sheet, window);
        // A one-row read is the commit's own, from the workbook: it sees everything.
        if (window && window.top === window.bottom) return view;
        return {
          ...view,
          window: { top: view.window?.top ?? 0, bottom: hiddenFrom - 1 },
          cells: view.cells.map((line, r) => (r >= hiddenFrom ? [] : line)),
        };
      },
    };
    await renderPreviewOn(hiding);
    return host;
  }

  const rowOf = (address: string): number => Number(/\d+$/.exec(address)?.[0]) - 1;
  const read = async (host: MemoryHost, address: string): Promise<unknown> =>
    (await host.readRange("ROI", address.slice("ROI!".length)))[0]?.[0];

  it("opens the editor on the first key and writes the whole entry once the cell is read", async () => {
    const host = await renderWithout(rowOf(AGENTS_AFTER));
    await waitFor(() => expect(screen.getByRole("tab", { name: "ROI" })).toBeTruthy());
    expect(cellAt(AGENTS_AFTER).textContent).toBe("");
    fireEvent.mouseDown(cellAt(AGENTS_AFTER));
    fireEvent.keyDown(grid(), { key: "4" });
    const editor = await screen.findByLabelText<HTMLInputElement>(`Edit ${AGENTS_AFTER}`);
    expect(editor.value).toBe("4");
    fireEvent.change(editor, { target: { value: "42" } });
    await act(async () => {
      fireEvent.keyDown(editor, { key: "Enter" });
      await settle();
    });
    await waitFor(async () => expect(await read(host, AGENTS_AFTER)).toBe(42));
    expect(screen.queryByTestId("grid-message")).toBeNull();
  });

  it("refuses an entry typed into a calculated cell it could not see, and keeps the formula", async () => {
    const host = await renderWithout(rowOf(ANNUAL_ROI));
    await waitFor(() => expect(screen.getByRole("tab", { name: "ROI" })).toBeTruthy());
    const before = await read(host, ANNUAL_ROI);
    fireEvent.mouseDown(cellAt(ANNUAL_ROI));
    fireEvent.keyDown(grid(), { key: "5" });
    const editor = await screen.findByLabelText<HTMLInputElement>(`Edit ${ANNUAL_ROI}`);
    await act(async () => {
      fireEvent.keyDown(editor, { key: "Enter" });
      await settle();
    });
    await waitFor(() =>
      expect(screen.getByTestId("grid-message").textContent).toMatch(/calculated by a formula/),
    );
    expect(await read(host, ANNUAL_ROI)).toBe(before);
  });
});
