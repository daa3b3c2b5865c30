/** The preview charts' geometry and look: Fluent tokens for axes and text, theme colours for series. */
import { makeStyles, tokens } from "@fluentui/react-components";
import { COLORS } from "../templates/theme";

/** Series take the workbook theme's colours, as Excel charts take the workbook's. */
export const SERIES_COLORS = [COLORS.accent, COLORS.good, COLORS.warning, COLORS.bad];
export const WIDTH = 520;
export const HEIGHT = 280;
const MARGIN = { top: 12, right: 16, bottom: 44, left: 64 };
/** The plotting area inside the SVG viewBox. */
export const PLOT = {
  left: MARGIN.left,
  right: WIDTH - MARGIN.right,
  top: MARGIN.top,
  bottom: HEIGHT - MARGIN.bottom,
};

export const useChartStyles = makeStyles({
  charts: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalL },
  figure: {
    margin: 0,
    padding: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    width: `${WIDTH}px`,
    maxWidth: "100%",
  },
  svg: { width: "100%", height: "auto", display: "block" },
  axis: { stroke: tokens.colorNeutralStroke1, strokeWidth: 1 },
  grid: { stroke: tokens.colorNeutralStroke3, strokeWidth: 1 },
  text: { fill: tokens.colorNeutralForeground2, fontSize: "11px", fontFamily: tokens.fontFamilyBase },
  legend: { display: "flex", gap: tokens.spacingHorizontalM, flexWrap: "wrap" },
  swatch: {
    display: "inline-block",
    width: "10px",
    height: "10px",
    marginRight: tokens.spacingHorizontalXS,
    borderRadius: tokens.borderRadiusSmall,
  },
});

export type ChartStyles = ReturnType<typeof useChartStyles>;
