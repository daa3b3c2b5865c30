import { makeStyles, tokens } from "@fluentui/react-components";

export const useCorrelationNoteStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    minWidth: 0,
  },
  // A matrix of a few dozen lines scrolls sideways inside the 320 px pane.
  scroll: {
    overflowX: "auto",
  },
  table: {
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
  },
  th: {
    textAlign: "left",
    fontWeight: tokens.fontWeightSemibold,
    paddingRight: tokens.spacingHorizontalS,
    whiteSpace: "nowrap",
  },
  value: {
    textAlign: "right",
    paddingLeft: tokens.spacingHorizontalS,
    fontVariantNumeric: "tabular-nums",
  },
});
