/**
 * How cell roles and semantic colours look in a workbook. Financial-modelling convention (FAST
 * standard and its kin): inputs in blue on a light fill, formulas in black, key outputs bold.
 * Colours are hex strings as Excel's API and ExcelJS take them (the pane itself uses Fluent tokens).
 */
import type { CellStyle, SemanticColor } from "./plan";

export interface CellLook {
  readonly fontColor?: string;
  readonly fill?: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly size?: number;
  /** A thin border under the cell. */
  readonly underline?: boolean;
}

export const COLORS: Record<SemanticColor, string> = {
  accent: "#2F5597",
  accentLight: "#DDEBF7",
  good: "#2E7D32",
  goodLight: "#E2F0D9",
  warning: "#B26A00",
  warningLight: "#FFF2CC",
  bad: "#C00000",
  badLight: "#F8D7DA",
  neutralLight: "#F2F2F2",
};

export const LOOKS: Record<CellStyle, CellLook> = {
  title: { bold: true, size: 16, fontColor: "#1F3864" },
  subtitle: { italic: true, fontColor: "#595959" },
  header: { bold: true, fill: COLORS.neutralLight, underline: true },
  label: {},
  note: { italic: true, fontColor: "#7F7F7F" },
  input: { fontColor: "#0000FF", fill: "#FFF9E5" },
  formula: { fontColor: "#000000" },
  output: { bold: true, fill: COLORS.accentLight, underline: true },
  total: { bold: true, underline: true },
  constant: { fontColor: "#404040" },
  result: { italic: true, fill: COLORS.neutralLight },
};
