/**
 * The preview grid's rules, without a browser: what a cell shows, how it looks (workbook colours,
 * conditional formats), how rows and columns are sized and windowed, and how typed text is read.
 */
import type { CellView } from "../../src/host/memory-view";
import {
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
