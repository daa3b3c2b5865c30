import { makeStyles, tokens } from "@fluentui/react-components";

export const useSummaryPanelStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    minWidth: 0,
  },
  heading: {
    marginTop: 0,
    marginBottom: 0,
    fontSize: tokens.fontSizeBase400,
  },
  subheading: {
    marginTop: 0,
    marginBottom: tokens.spacingVerticalXS,
    fontSize: tokens.fontSizeBase300,
  },
  figures: {
    display: "grid",
    // Two figures a row from about 300 px; one where the pane is narrower.
    gridTemplateColumns: "repeat(auto-fit, minmax(130px, 1fr))",
    gap: tokens.spacingVerticalS,
  },
  benchmark: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
  },
  within: {
    color: tokens.colorPaletteGreenForeground1,
    fontWeight: tokens.fontWeightSemibold,
  },
  beyond: {
    color: tokens.colorPaletteDarkOrangeForeground1,
    fontWeight: tokens.fontWeightSemibold,
  },
  list: {
    minWidth: 0,
  },
  empty: {
    color: tokens.colorNeutralForeground3,
  },
  ranked: {
    marginTop: 0,
    marginBottom: 0,
    paddingLeft: tokens.spacingHorizontalXL,
  },
  waves: {
    marginTop: 0,
    marginBottom: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  wave: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
  },
  waveName: {
    fontWeight: tokens.fontWeightSemibold,
  },
  departments: {
    marginLeft: 0,
    minWidth: 0,
  },
});
