import { makeStyles, tokens } from "@fluentui/react-components";

export const useDriverSliderStyles = makeStyles({
  field: {
    minWidth: 0,
  },
  row: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    minWidth: 0,
  },
  slider: {
    flexGrow: 1,
    minWidth: 0,
  },
  value: {
    flexShrink: 0,
    minWidth: "4.5em",
    textAlign: "end",
    fontVariantNumeric: "tabular-nums",
    fontWeight: tokens.fontWeightSemibold,
  },
});
