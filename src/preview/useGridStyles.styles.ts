/** The preview grid's look: Fluent tokens for its chrome; stacking of the frozen panes. */
import { makeStyles, tokens } from "@fluentui/react-components";
import { ROW_HEIGHT_PX } from "./grid-model";

/**
 * Stacking of the sticky parts (frozen panes and headers): what scrolls must pass under what
 * stays. A cell whose text runs on over its empty neighbours sits one above its peers.
 */
export const Z = {
  frozenColumn: 1,
  rowHeader: 3,
  frozenRow: 4,
  frozenBoth: 6,
  frozenRowHeader: 8,
  columnHeader: 9,
  frozenColumnHeader: 10,
  corner: 11,
} as const;

export const ROW_HEADER_WIDTH_PX = 44;
/** Excel's Calibri where it is installed, its metric twin Carlito, then narrow fallbacks. */
export const WORKBOOK_FONT = `Calibri, Carlito, "Segoe UI", Arial, "Liberation Sans", "DejaVu Sans Condensed", ${tokens.fontFamilyBase}`;
/** Horizontal padding inside a cell, each side (px). */
export const CELL_PADDING_PX = 2;
export const HEADER_HEIGHT_PX = ROW_HEIGHT_PX;

export const useGridStyles = makeStyles({
  scroller: {
    overflow: "auto",
    position: "relative",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    minHeight: "160px",
  },
  table: {
    borderCollapse: "separate",
    borderSpacing: 0,
    tableLayout: "fixed",
    fontFamily: WORKBOOK_FONT,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground1,
    ":focus-visible": { outline: "none" },
  },
  header: {
    position: "sticky",
    top: 0,
    zIndex: Z.columnHeader,
    height: `${HEADER_HEIGHT_PX}px`,
    padding: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    textAlign: "center",
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  headerActive: {
    backgroundColor: tokens.colorNeutralBackground3Selected,
    color: tokens.colorNeutralForeground1,
  },
  rowHeader: {
    position: "sticky",
    left: 0,
    zIndex: Z.rowHeader,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    textAlign: "right",
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  corner: { left: 0, zIndex: Z.corner },
  cell: {
    padding: `0 ${CELL_PADDING_PX}px`,
    overflow: "hidden",
    whiteSpace: "nowrap",
    textOverflow: "ellipsis",
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    backgroundColor: tokens.colorNeutralBackground1,
    cursor: "cell",
  },
  frozen: { position: "sticky" },
  input: { cursor: "text" },
  /** A selected range: a tint over the cell's own fill, which stays visible. */
  inRange: {
    backgroundImage: `linear-gradient(color-mix(in srgb, ${tokens.colorBrandBackground} 16%, transparent), color-mix(in srgb, ${tokens.colorBrandBackground} 16%, transparent))`,
  },
  selected: {
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    outlineOffset: `calc(-1 * ${tokens.strokeWidthThick})`,
  },
  editor: {
    width: "100%",
    height: "100%",
    boxSizing: "border-box",
    border: "none",
    padding: 0,
    font: "inherit",
    color: "inherit",
    backgroundColor: tokens.colorNeutralBackground1,
    outline: "none",
  },
  spacer: { padding: 0, border: "none" },
  /** Text running on over empty cells to its right, as Excel lets it. */
  spill: {
    display: "inline-block",
    verticalAlign: "top",
    overflow: "hidden",
    whiteSpace: "nowrap",
    textOverflow: "ellipsis",
  },
});

export type GridStyles = ReturnType<typeof useGridStyles>;
