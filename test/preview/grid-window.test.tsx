/**
 * @jest-environment jsdom
 */
/**
 * The grid renders only the cells in view, on every sheet: a 5,000-row sheet or a sheet of 200
 * columns puts a screenful of cells (plus a margin) in the page, never all of them; the frozen
 * rows and columns stay rendered wherever the grid scrolls; the active cell is always among the
 * rendered cells, wherever the keyboard takes it; and the ARIA grid still states the sheet's whole
 * size and each rendered cell's true row and column.
 *
 * jsdom lays nothing out: the grid then assumes its unmeasured size (UNMEASURED_VIEWPORT), which
 * is what these bounds are computed from.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { COLUMN_OVERSCAN, Grid, ROW_OVERSCAN, UNMEASURED_VIEWPORT } from "../../src/preview/Grid";
import {
  DEFAULT_COLUMN_WIDTH_PX,
  ROW_HEIGHT_PX,
  singleCell,
  type GridSelection,
} from "../../src/preview/grid-model";
import type { CellView, SheetView } from "../../src/preview/sheet-view";
import { cellAddress } from "../../src/shared/a1";

function bigSheet(
  rows: number,
  columns: number,
  freeze: SheetView["freeze"] = null,
  name = "Big",
): SheetView {
  const cells: CellView[][] = [];
  for (let r = 0; r < rows; r++) {
    const line: CellView[] = [];
    for (let c = 0; c < columns; c++) line.push({ value: r * columns + c, input: true });
    cells.push(line);
  }
  return {
    name,
    template: null,
    version: null,
    dialect: null,
    currency: null,
    locale: null,
    rows,
    columns,
    cells,
    window: null,
    fontRows: [],
    columnWidths: [],
    freeze,
    tables: [],
    conditionalFormats: [],
    charts: [],
  };
}

const noop = (): void => undefined;

function GridOf({ view }: { view: SheetView }) {
  const [selection, setSelection] = useState<GridSelection>(singleCell({ row: 0, column: 0 }));
  return (
    <Grid
      view={view}
      currency=""
      selection={selection}
      onSelect={setSelection}
      onCommit={() => Promise.resolve(null)}
      onCommitEntry={noop}
      onRefuse={noop}
      onClear={noop}
      onUndo={noop}
      onRedo={noop}
      onRowCommand={noop}
      onContextMenu={noop}
      height="60vh"
    />
  );
}

function renderGrid(view: SheetView): (next: SheetView) => void {
  const { rerender } = render(
    <FluentProvider theme={webLightTheme}>
      <GridOf view={view} />
    </FluentProvider>,
  );
  return (next) =>
    rerender(
      <FluentProvider theme={webLightTheme}>
        <GridOf view={next} />
      </FluentProvider>,
    );
}

const grid = (): HTMLElement => screen.getByTestId("preview-grid");
const renderedCells = (): HTMLElement[] => Array.from(document.querySelectorAll('[role="gridcell"]'));
const cell = (row: number, column: number): HTMLElement | null =>
  document.querySelector(`[data-address="Big!${cellAddress(row, column)}"]`);
const key = (name: string, init: { ctrlKey?: boolean } = {}): void => {
  act(() => {
    fireEvent.keyDown(grid(), { key: name, ...init });
  });
};

/** At most the rows and columns of the unmeasured viewport, each with its margin either side. */
const ROWS_IN_VIEW = Math.ceil(UNMEASURED_VIEWPORT.height / ROW_HEIGHT_PX);
const COLUMNS_IN_VIEW = Math.ceil(UNMEASURED_VIEWPORT.width / DEFAULT_COLUMN_WIDTH_PX);
const MOST_ROWS = ROWS_IN_VIEW + 2 * ROW_OVERSCAN + 2;
const MOST_COLUMNS = COLUMNS_IN_VIEW + 2 * COLUMN_OVERSCAN + 2;

jest.setTimeout(60_000);

describe("the grid's window of cells", () => {
  it("puts a screenful of a 5,000-row, 30-column sheet in the page, not its 150,000 cells", () => {
    renderGrid(bigSheet(5_000, 30));
    const count = renderedCells().length;
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThanOrEqual(MOST_ROWS * MOST_COLUMNS);
    expect(count).toBeLessThan(150_000 / 50);
    expect(cell(0, 0)?.textContent).toBe("0");
    expect(cell(4_999, 0)).toBeNull();
    // The sheet's size is stated whole, for assistive technology, with the headers counted.
    expect(grid().getAttribute("aria-rowcount")).toBe("5001");
    expect(grid().getAttribute("aria-colcount")).toBe("31");
  });

  it("leaves the rows and columns out of view out of a sheet under 200 rows, and keeps the table its full width", () => {
    renderGrid(bigSheet(150, 200));
    const columns = new Set(renderedCells().map((c) => c.getAttribute("aria-colindex")));
    expect(columns.size).toBeGreaterThan(10);
    expect(columns.size).toBeLessThanOrEqual(MOST_COLUMNS);
    expect(cell(0, 199)).toBeNull();
    expect(grid().style.width).toBe(`${44 + 200 * DEFAULT_COLUMN_WIDTH_PX}px`);
    // The column headers follow the same window: one per rendered column, each with its index.
    const headers = screen.getAllByRole("columnheader").filter((h) => h.textContent !== "");
    expect(headers.length).toBe(columns.size);
    expect(headers[0].getAttribute("aria-colindex")).toBe("2");
  });

  it("renders the active cell wherever the keyboard takes it, with its true row and column", () => {
    renderGrid(bigSheet(5_000, 30, { rows: 1, columns: 1 }));
    key("End", { ctrlKey: true });
    const active = grid().getAttribute("aria-activedescendant");
    const target = active ? document.getElementById(active) : null;
    expect(target?.dataset.address).toBe("Big!AD5000");
    expect(target?.getAttribute("aria-colindex")).toBe("31");
    expect(target?.closest("tr")?.getAttribute("aria-rowindex")).toBe("5001");
    // The frozen row and column stay rendered at the far end of the sheet.
    expect(cell(0, 0)).not.toBeNull();
    expect(cell(0, 29)).not.toBeNull();
    expect(cell(4_999, 0)).not.toBeNull();
    expect(renderedCells().length).toBeLessThanOrEqual(MOST_ROWS * (MOST_COLUMNS + 1));
    // The page moves the window back up a page at a time, the active cell always rendered.
    key("PageUp");
    const up = document.getElementById(grid().getAttribute("aria-activedescendant") ?? "");
    expect(up?.dataset.address).toMatch(/^Big!AD49\d\d$/);
    // Ctrl+Home, as in Excel, selects the first cell past the frozen panes and brings the sheet
    // back to its top-left corner.
    key("Home", { ctrlKey: true });
    expect(cell(1, 1)?.getAttribute("aria-selected")).toBe("true");
    expect(cell(4_999, 29)).toBeNull();
    expect(cell(4_900, 1)).toBeNull();
    // Home goes to the row's first column past the frozen one.
    key("PageDown");
    key("End");
    key("Home");
    const home = document.getElementById(grid().getAttribute("aria-activedescendant") ?? "");
    expect(home?.dataset.address).toMatch(/^Big!B\d+$/);
    expect(cell(1, 29)).toBeNull();
    // A frozen cell is still reached by the arrows.
    key("ArrowLeft");
    expect(
      document.getElementById(grid().getAttribute("aria-activedescendant") ?? "")?.dataset.address,
    ).toMatch(/^Big!A\d+$/);
  });

  it("follows the scroll bar: scrolling down and right renders the cells there", () => {
    renderGrid(bigSheet(5_000, 30, { rows: 1, columns: 1 }));
    const scroller = grid().parentElement as HTMLElement;
    act(() => {
      scroller.scrollTop = 2_000 * ROW_HEIGHT_PX;
      scroller.scrollLeft = 20 * DEFAULT_COLUMN_WIDTH_PX;
      fireEvent.scroll(scroller);
    });
    expect(cell(2_000, 25)).not.toBeNull();
    expect(cell(1, 1)).toBeNull();
    expect(cell(0, 0)).not.toBeNull();
    expect(cell(2_000, 0)).not.toBeNull();
    expect(renderedCells().length).toBeLessThanOrEqual(MOST_ROWS * (MOST_COLUMNS + 1));
  });

  it("opens each sheet where it was left, and a sheet not seen yet at its top", () => {
    const big = bigSheet(5_000, 30);
    const other = bigSheet(5_000, 30, null, "Other");
    const show = renderGrid(big);
    const scroller = grid().parentElement as HTMLElement;
    act(() => {
      scroller.scrollTop = 3_000 * ROW_HEIGHT_PX;
      fireEvent.scroll(scroller);
    });
    expect(cell(3_000, 0)).not.toBeNull();
    act(() => show(other));
    expect(document.querySelector('[data-address="Other!A1"]')).not.toBeNull();
    expect(document.querySelector('[data-address="Other!A3001"]')).toBeNull();
    act(() => show(big));
    expect(cell(3_000, 0)).not.toBeNull();
    expect(cell(0, 0)).toBeNull();
  });
});
