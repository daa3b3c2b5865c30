/**
 * The preview grid's rules, without a browser: what a cell shows, how it looks (workbook colours,
 * conditional formats), how rows and columns are sized and windowed, and how typed text is read.
 */
import { PREVIEW_STRINGS } from "../../src/i18n/bundles";
import type { CellView, SheetView } from "../../src/preview/sheet-view";
import {
  EditHistory,
  movedTable,
  clearMessage,
  clearPlan,
  commitMove,
  entryValue,
  isEditable,
  selectionRange,
  DEFAULT_COLUMN_WIDTH_PX,
  ROW_HEIGHT_PX,
  cellAlignment,
  cellLook,
  cellText,
  columnWidthsPx,
  conditionalFill,
  conditionalIndex,
  editText,
  indexAt,
  mixColors,
  offsets,
  parseEntry,
  rowHeightsPx,
  spillWidths,
  scrollToShow,
  visibleColumns,
  visibleRows,
} from "../../src/preview/grid-model";
import { COLORS, LOOKS } from "../../src/templates/theme";

const cell = (value: CellView["value"], extra: Partial<CellView> = {}): CellView => ({
  value,
  input: false,
  ...extra,
});

describe("cellText", () => {
  it("shows values with the plan's number format and currency", () => {
    expect(cellText(cell(6.395787, { format: "percent" }), "NT$")).toBe("639.6%");
    expect(cellText(cell(22_000_000, { format: "currency" }), "NT$")).toBe("NT$22,000,000");
    expect(cellText(cell(-1_500_000, { format: "currency" }), "NT$")).toBe("-NT$1,500,000");
    expect(cellText(cell(7.94, { format: "months" }), "NT$")).toBe("7.9 mo");
  });

  it("shows blanks as nothing, booleans as Excel does, text and errors as they are", () => {
    expect(cellText(null, "NT$")).toBe("");
    expect(cellText(cell(null, { style: "header" }), "NT$")).toBe("");
    expect(cellText(cell(true), "NT$")).toBe("TRUE");
    expect(cellText(cell("Quick Win"), "NT$")).toBe("Quick Win");
    expect(cellText(cell("#N/A", { error: "no payback" }), "NT$")).toBe("#N/A");
  });
});

describe("cellAlignment", () => {
  it("aligns numbers right, text left, booleans and errors centred (Excel's defaults)", () => {
    expect([1, "a", true, "#VALUE!", null].map(cellAlignment)).toEqual([
      "right",
      "left",
      "center",
      "center",
      "left",
    ]);
  });
});

describe("cell looks", () => {
  it("paints inputs blue on their light fill, headers and outputs bold, from the workbook theme", () => {
    expect(cellLook(cell(35, { style: "input", input: true }), undefined)).toEqual({
      color: LOOKS.input.fontColor,
      background: LOOKS.input.fill,
    });
    expect(cellLook(cell("Line", { style: "header" }), undefined)).toMatchObject({ bold: true });
    expect(cellLook(cell(6.4, { style: "output" }), undefined)).toMatchObject({
      bold: true,
      background: COLORS.accentLight,
    });
    expect(cellLook(null, undefined)).toEqual({});
  });

  it("lets a conditional fill win over the role's fill", () => {
    expect(cellLook(cell("Stop", { style: "output" }), COLORS.badLight).background).toBe(COLORS.badLight);
  });

  it("fills text-equals matches without regard to case, and only matches", () => {
    const rule = { kind: "textEquals", text: "Quick Win", fill: "goodLight" } as const;
    expect(conditionalFill(rule, "quick win")).toBe(COLORS.goodLight);
    expect(conditionalFill(rule, "Fill-in")).toBeUndefined();
    expect(conditionalFill(rule, 3)).toBeUndefined();
  });

  it("runs the adoption colour scale from its min colour at 0 to its max colour at 1, clamped", () => {
    const rule = { kind: "colorScale", min: "neutralLight", max: "accent" } as const;
    expect(conditionalFill(rule, 0)).toBe(COLORS.neutralLight.toLowerCase());
    expect(conditionalFill(rule, 1)).toBe(COLORS.accent.toLowerCase());
    expect(conditionalFill(rule, 2)).toBe(COLORS.accent.toLowerCase());
    expect(conditionalFill(rule, 0.5)).toBe(mixColors(COLORS.neutralLight, COLORS.accent, 0.5));
    expect(conditionalFill(rule, null)).toBeUndefined();
  });

  it("mixes colours channel by channel", () => {
    expect(mixColors("#000000", "#FFFFFF", 0.5)).toBe("#808080");
    expect(mixColors("#102030", "#102030", 0.3)).toBe("#102030");
  });

  it("applies a sheet's conditional formats only inside their ranges, first match first", () => {
    const index = conditionalIndex([
      { range: "B2:B3", rule: { kind: "textEquals", text: "Stop", fill: "badLight" } },
      { range: "B2:C3", rule: { kind: "textEquals", text: "Stop", fill: "warningLight" } },
    ]);
    expect(index.fill(1, 1, "Stop")).toBe(COLORS.badLight);
    expect(index.fill(2, 2, "Stop")).toBe(COLORS.warningLight);
    expect(index.fill(3, 1, "Stop")).toBeUndefined();
    expect(index.fill(0, 0, "Stop")).toBeUndefined();
  });
});

describe("sizes and windowing", () => {
  it("turns the plan's character widths into pixels and leaves other columns at Excel's default", () => {
    const widths = columnWidthsPx({ columns: 3, columnWidths: [{ column: "B", width: 18 }] });
    expect(widths).toEqual([DEFAULT_COLUMN_WIDTH_PX, 18 * 7 + 5, DEFAULT_COLUMN_WIDTH_PX]);
  });

  it("makes a row with the title's larger font taller than the default", () => {
    const heights = rowHeightsPx({ cells: [[cell("Title", { style: "title" })], [cell(1)], []] });
    expect(heights[0]).toBeGreaterThan(ROW_HEIGHT_PX);
    expect(heights.slice(1)).toEqual([ROW_HEIGHT_PX, ROW_HEIGHT_PX]);
  });

  it("lets text run on over the empty cells to its right, up to the next value", () => {
    const line = [cell("A long title"), null, cell(null, { style: "header" }), cell(3), cell(""), null];
    expect(spillWidths(line, [10, 20, 30, 40, 50, 60])).toEqual([50, 30, 0, 110, 60, 0]);
  });

  it("finds the row at a position and the rows in view", () => {
    const tops = offsets(new Array<number>(5000).fill(20));
    expect(tops[5000]).toBe(100_000);
    expect(indexAt(tops, 0)).toBe(0);
    expect(indexAt(tops, 19.9)).toBe(0);
    expect(indexAt(tops, 20)).toBe(1);
    expect(indexAt(tops, 1e9)).toBe(4999);
    expect(visibleRows(tops, 20_000, 400, 5)).toEqual({ first: 995, last: 1025 });
    expect(visibleRows(tops, 0, 400, 5)).toEqual({ first: 0, last: 25 });
    expect(visibleRows(offsets([]), 0, 400)).toEqual({ first: 0, last: -1 });
  });

  it("renders the frozen columns and those in view, with the widths left out on either side", () => {
    const lefts = offsets(new Array<number>(100).fill(50));
    // Two frozen columns (100 px) and a 500 px view scrolled 1,000 px: columns 22..29 show.
    const window = visibleColumns(lefts, 2, 1_000, 500, 3);
    expect(window).toEqual({ frozen: 2, first: 19, last: 33, before: 17 * 50, after: 66 * 50 });
    // The widths add up to the sheet's: frozen + before + rendered + after.
    expect(100 + window.before + (window.last - window.first + 1) * 50 + window.after).toBe(lefts[100]);
    expect(visibleColumns(lefts, 2, 0, 500, 3)).toMatchObject({ first: 2, before: 0 });
    expect(visibleColumns(lefts, 0, 1e6, 500, 3)).toMatchObject({ last: 99, after: 0 });
    expect(visibleColumns(offsets([50, 50]), 2, 0, 500)).toEqual({
      frozen: 2,
      first: 2,
      last: 1,
      before: 0,
      after: 0,
    });
  });

  it("scrolls no further than it must to show a span below what covers the top of the view", () => {
    // In view: no scroll.
    expect(scrollToShow(300, 322, 44, 200, 400)).toBe(200);
    // Under the headers and frozen rows (44 px): its top goes just below them.
    expect(scrollToShow(220, 242, 44, 200, 400)).toBe(176);
    // Below the view: its bottom goes to the view's bottom.
    expect(scrollToShow(700, 722, 44, 200, 400)).toBe(322);
    expect(scrollToShow(10, 32, 44, 0, 400)).toBe(0);
  });
});

describe("typed entries", () => {
  const percentCell = cell(0.1, { format: "percent", input: true });
  const numberCell = cell(35, { format: "number", input: true });

  it("reads numbers with grouping, currency and sign", () => {
    expect(parseEntry("40", numberCell, "NT$")).toBe(40);
    expect(parseEntry(" 1,000,000 ", numberCell, "NT$")).toBe(1_000_000);
    expect(parseEntry("NT$40,000", numberCell, "NT$")).toBe(40_000);
    expect(parseEntry("-2.5", numberCell, "NT$")).toBe(-2.5);
    expect(parseEntry("1e3", numberCell, "NT$")).toBe(1000);
  });

  it("reads percentages, and plain numbers in percent cells as Excel's automatic percent entry does", () => {
    expect(parseEntry("12.5%", numberCell, "NT$")).toBe(0.125);
    expect(parseEntry("12", percentCell, "NT$")).toBe(0.12);
    expect(parseEntry("0.12", percentCell, "NT$")).toBe(0.12);
  });

  it("keeps other text as text, reads TRUE/FALSE, and blank as empty", () => {
    expect(parseEntry("Worst", cell("Base", { input: true }), "NT$")).toBe("Worst");
    expect(parseEntry("12 agents", numberCell, "NT$")).toBe("12 agents");
    expect(parseEntry("1,00", numberCell, "NT$")).toBe("1,00");
    expect(parseEntry("true", numberCell, "NT$")).toBe(true);
    expect(parseEntry("   ", numberCell, "NT$")).toBeNull();
  });

  it("starts an edit from the value as typed, a percentage with its sign", () => {
    expect(editText(percentCell)).toBe("10%");
    expect(editText(cell(0.005, { format: "percentPrecise" }))).toBe("0.5%");
    expect(editText(numberCell)).toBe("35");
    expect(editText(cell(null))).toBe("");
    expect(editText(null)).toBe("");
  });

  it("round-trips an edit's starting text to the same value", () => {
    for (const c of [percentCell, numberCell, cell(0.005, { format: "percentPrecise" }), cell("Base")]) {
      expect(parseEntry(editText(c), c, "NT$")).toBe(c.value);
    }
  });
});

describe("editing rules", () => {
  const view = (cells: (CellView | null)[][], template: SheetView["template"] = "portfolio"): SheetView => ({
    name: "S",
    template,
    version: 1,
    dialect: "live",
    currency: "NT$",
    locale: "en",
    rows: cells.length,
    columns: cells[0]?.length ?? 0,
    cells,
    window: null,
    fontRows: [],
    columnWidths: [],
    freeze: null,
    tables: [],
    conditionalFormats: [],
    charts: [],
  });

  it("lets the user type into inputs and table labels, never over a formula (not even one typed into an input)", () => {
    const v = view([[]]);
    expect(isEditable(v, cell(3, { input: true }))).toBe(true);
    expect(isEditable(v, cell("Agent cost", { label: true }))).toBe(true);
    expect(isEditable(v, cell(3, { input: true, formula: "=B2*2" }))).toBe(false);
    expect(isEditable(v, cell("Title"))).toBe(false);
    expect(isEditable(view([[]], null), cell("note"))).toBe(true);
    expect(isEditable(view([[]], null), cell(4, { formula: "=1+3" }))).toBe(false);
  });

  it("keeps a label as typed text (a line called 2025 stays text)", () => {
    expect(entryValue(" 2025 ", cell("x", { label: true }), "NT$")).toBe("2025");
    expect(entryValue("", cell("x", { label: true }), "NT$")).toBeNull();
    expect(entryValue("2025", cell(1, { input: true }), "NT$")).toBe(2025);
  });

  it("moves Enter down, Shift+Enter up, Tab right, Shift+Tab left", () => {
    expect(commitMove("Enter", false)).toEqual({ rows: 1, columns: 0 });
    expect(commitMove("Enter", true)).toEqual({ rows: -1, columns: 0 });
    expect(commitMove("Tab", false)).toEqual({ rows: 0, columns: 1 });
    expect(commitMove("Tab", true)).toEqual({ rows: 0, columns: -1 });
    expect(commitMove("a", false)).toBeNull();
  });

  it("normalises a selection whichever way it was dragged", () => {
    expect(selectionRange({ anchor: { row: 5, column: 4 }, focus: { row: 2, column: 1 } })).toEqual({
      top: 2,
      left: 1,
      bottom: 5,
      right: 4,
    });
  });

  it("clears only the inputs of a range and counts the formulas and other cells it leaves", () => {
    const v = view([
      [cell("Use case"), cell("Score")],
      [cell("Chat", { input: true }), cell(88, { formula: "=SCORE(A2)" })],
      [cell(5, { input: true, formula: "=C9" }), cell(null, { input: true })],
    ]);
    const plan = clearPlan(v, { top: 0, left: 0, bottom: 2, right: 1 });
    expect(plan.cells).toEqual([{ row: 1, column: 0, before: "Chat", after: null }]);
    expect(plan.formulas).toBe(2);
    expect(plan.locked).toBe(2);
    expect(clearMessage(plan, PREVIEW_STRINGS.en)).toBe(
      "Cleared 1 cell; left 2 cells with formulas (they are never cleared) and 2 cells that are not inputs.",
    );
    expect(clearMessage({ cells: plan.cells, formulas: 0, locked: 0 }, PREVIEW_STRINGS.en)).toBeNull();
  });

  it("undoes and redoes in order, and a new edit drops what could be redone", () => {
    const history = new EditHistory(2);
    const edit = (n: number) => ({
      kind: "cells" as const,
      sheet: "S",
      changes: [{ row: n, column: 0, before: null, after: n }],
      tables: [],
    });
    history.push(edit(1));
    history.push(edit(2));
    history.push(edit(3));
    expect(history.undo()).toEqual(edit(3));
    expect(history.undo()).toEqual(edit(2));
    expect(history.undo()).toBeNull(); // the limit kept two
    expect(history.redo()).toEqual(edit(2));
    history.push(edit(4));
    expect(history.canRedo).toBe(false);
    expect(history.undo()).toEqual(edit(4));
  });

  it("says when a table at or above an edit's rows changed since, so its cells may have moved", () => {
    const before = [
      { name: "Benefits", range: "A10:H13" },
      { name: "Costs", range: "A20:H25" },
    ];
    // Nothing changed.
    expect(movedTable(before, before, 22)).toBeNull();
    // A line appended to Benefits (rows below it move down): an edit in Costs has moved...
    const appended = [
      { name: "Benefits", range: "A10:H14" },
      { name: "Costs", range: "A21:H26" },
    ];
    expect(movedTable(before, appended, 22)?.name).toBe("Benefits");
    // ...but not one above both tables.
    expect(movedTable(before, appended, 5)).toBeNull();
    // A table gone counts as changed.
    expect(movedTable(before, [before[0]], 22)?.name).toBe("Costs");
  });
});
