/**
 * @jest-environment jsdom
 */
/**
 * The grid's undo and redo after the pane changed the workbook. What it protects: the user's line
 * is never lost or overwritten. The grid's undo history holds only the grid's own edits: the
 * pane's "Add line" fills the first blank row of a table, which may be the row the grid just
 * inserted (undoing the insert would delete the line with it), or appends below a table and moves
 * the cells under it (undoing an entry there would write onto another line); and the pane may
 * write into rows an undo put back (redoing their delete would lose that).
 */
import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { MemoryHost } from "../../src/host/memory";
import { tableBody } from "../../src/host/plan-rows";
import { ROW_HEIGHT_PX } from "../../src/preview/grid-model";
import { previewOn } from "../../src/preview/useWorkbook";
import { cellAddress } from "../../src/shared/a1";
import { addLine } from "../../src/taskpane/model/line-add";
import { ROI_LINE_NAMES, ROI_SHEET, ROI_TABLES } from "../../src/templates/roi";
import { COL } from "../../src/templates/roi-lines";
import { roiPlan } from "../host/memory-support";
import { cellAt, grid, renderPreviewOn, settle } from "./preview-support";

jest.setTimeout(90_000);

describe("undo and redo in the grid after the pane changed the workbook", () => {
  async function setUp(): Promise<{
    host: MemoryHost;
    body: NonNullable<ReturnType<typeof tableBody>>;
    labels: () => Promise<unknown[]>;
  }> {
    const plan = roiPlan();
    const body = tableBody(plan, ROI_TABLES.benefits);
    if (!body) throw new Error("no Benefits table");
    const host = new MemoryHost();
    await host.applyPlans([plan], { dialect: "live" });
    await renderPreviewOn(previewOn(host));
    const second = `${ROI_SHEET}!${cellAddress(body.top + 1, body.left)}`;
    // Scroll the grid to the table (jsdom lays nothing out: the grid renders a window of rows).
    await act(async () => {
      const scroller = grid().parentElement as HTMLElement;
      scroller.scrollTop = Math.max(0, body.top - 5) * ROW_HEIGHT_PX;
      fireEvent.scroll(scroller);
      await settle();
    });
    await waitFor(() => cellAt(second));
    const labels = async (): Promise<unknown[]> =>
      ((await host.readNames([ROI_LINE_NAMES.benefits.labels]))[ROI_LINE_NAMES.benefits.labels] ?? []).map(
        (r) => r[0],
      );
    return { host, body, labels };
  }

  async function insertAboveSecondLine(body: NonNullable<ReturnType<typeof tableBody>>): Promise<void> {
    fireEvent.mouseDown(cellAt(`${ROI_SHEET}!${cellAddress(body.top + 1, body.left)}`));
    await act(async () => {
      fireEvent.keyDown(grid(), { key: "+", ctrlKey: true });
      await settle();
    });
  }

  async function undo(): Promise<void> {
    await act(async () => {
      fireEvent.keyDown(grid(), { key: "z", ctrlKey: true });
      await settle();
    });
    await act(settle);
  }

  /** The grid deletes the second line (Ctrl+-), and Ctrl+Z puts it back. */
  async function deleteSecondLineAndUndo(
    body: NonNullable<ReturnType<typeof tableBody>>,
    labels: () => Promise<unknown[]>,
  ): Promise<void> {
    const before = await labels();
    fireEvent.mouseDown(cellAt(`${ROI_SHEET}!${cellAddress(body.top + 1, body.left)}`));
    await act(async () => {
      fireEvent.keyDown(grid(), { key: "-", ctrlKey: true });
      await settle();
    });
    await waitFor(async () => expect((await labels()).length).toBe(before.length - 1));
    await undo();
    await waitFor(async () => expect(await labels()).toEqual(before));
  }

  it("takes out a blank inserted row", async () => {
    const { labels, body } = await setUp();
    const before = await labels();
    await insertAboveSecondLine(body);
    await waitFor(async () => expect((await labels()).length).toBe(before.length + 1));
    await undo();
    await waitFor(async () => expect(await labels()).toEqual(before));
  });

  it("keeps a line the pane's Add line put into the inserted row", async () => {
    const { host, labels, body } = await setUp();
    const before = await labels();

    // The grid inserts a blank row above the second line (Ctrl++).
    await insertAboveSecondLine(body);
    await waitFor(async () => expect((await labels()).length).toBe(before.length + 1));

    // The pane adds a line: it goes into that blank row.
    const added = await addLine(host, { kind: "benefit", label: "Pane line", amount: 5000 }, "en");
    expect(added).toMatchObject({ row: 1, appended: false });
    await act(settle);

    // Ctrl+Z in the grid.
    await undo();
    expect(await labels()).toContain("Pane line");
    // The undo is refused, and the message says which cell changed.
    const label = `${ROI_SHEET}!${cellAddress(body.top + 1, body.left)}`;
    await waitFor(() => expect(screen.getByText(new RegExp(`${label} has changed since`))).toBeTruthy());
  });

  it("does not put a typed cell's old value onto another row after the pane appended a line above it", async () => {
    // The Costs table lies below Benefits: a benefit line appended by the pane moves every cost
    // line down a row. Undoing an entry typed before that must not write into the row that has
    // moved to the entry's old address.
    const { host } = await setUp();
    const costs = tableBody(roiPlan(), ROI_TABLES.costs);
    if (!costs) throw new Error("no Costs table");
    const kind = (k: number): string => `${ROI_SHEET}!${cellAddress(costs.top + k, COL.kind)}`;
    const kinds = async (): Promise<unknown[]> =>
      (
        await host.readRange(
          ROI_SHEET,
          `${cellAddress(costs.top, COL.kind)}:${cellAddress(costs.bottom + 1, COL.kind)}`,
        )
      ).map((r) => r[0]);
    await act(async () => {
      const scroller = grid().parentElement as HTMLElement;
      scroller.scrollTop = Math.max(0, costs.top - 5) * ROW_HEIGHT_PX;
      fireEvent.scroll(scroller);
      await settle();
    });
    await waitFor(() => cellAt(kind(4)));
    const before = await kinds();
    // The last cost line (a one-off) typed as recurring, like the line above it.
    expect(before[3]).toBe("Recurring");
    fireEvent.mouseDown(cellAt(kind(4)));
    fireEvent.keyDown(grid(), { key: "F2" });
    const editor = await screen.findByLabelText(`Edit ${kind(4)}`);
    fireEvent.change(editor, { target: { value: "Recurring" } });
    await act(async () => {
      fireEvent.keyDown(editor, { key: "Enter" });
      await settle();
    });
    await waitFor(async () => expect((await kinds())[4]).toBe("Recurring"));

    // The pane appends a benefit line: the cost lines move down a row.
    const added = await addLine(host, { kind: "benefit", label: "Pane line", amount: 5000 }, "en");
    expect(added.appended).toBe(true);
    await act(settle);

    await undo();
    // The line above keeps its own kind; the typed entry is either undone on its own line or refused.
    const after = await kinds();
    expect(after.slice(1, 5)).toEqual([before[0], before[1], before[2], before[3]]);
    expect(["Recurring", before[4]]).toContain(after[5]);
  });

  it("keeps what the pane wrote into deleted rows that an undo put back, on redo", async () => {
    const { host, labels, body } = await setUp();
    const before = await labels();
    const months = cellAddress(body.top + 1, COL.months);
    await deleteSecondLineAndUndo(body, labels);

    // The pane writes the line's ramp-up months (as a what-if would).
    await host.writeCells([{ sheet: ROI_SHEET, address: months, values: [[6]] }]);
    await act(settle);

    // Ctrl+Y in the grid: deleting the line again would lose the pane's value.
    await act(async () => {
      fireEvent.keyDown(grid(), { key: "y", ctrlKey: true });
      await settle();
    });
    const label = `${ROI_SHEET}!${cellAddress(body.top + 1, body.left)}`;
    await waitFor(() => expect(screen.getByText(new RegExp(`${label} has changed since`))).toBeTruthy());
    expect(await labels()).toEqual(before);
    expect(await host.readRange(ROI_SHEET, months)).toEqual([[6]]);
  });

  it("deletes an untouched line again on redo", async () => {
    const { labels, body } = await setUp();
    const before = await labels();
    await deleteSecondLineAndUndo(body, labels);
    await act(async () => {
      fireEvent.keyDown(grid(), { key: "y", ctrlKey: true });
      await settle();
    });
    await waitFor(async () => expect(await labels()).toEqual([before[0], ...before.slice(2)]));
  });
});
