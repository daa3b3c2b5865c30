import { makeStyles, tokens } from "@fluentui/react-components";

export const useWhatIfPanelStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
    minWidth: 0,
  },
  intro: {
    marginTop: 0,
    marginBottom: 0,
    color: tokens.colorNeutralForeground2,
  },
  figures: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(130px, 1fr))",
    gap: tokens.spacingVerticalS,
  },
  scenarios: {
    flexWrap: "wrap",
  },
  drivers: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    minWidth: 0,
  },
  heading: {
    marginTop: 0,
    marginBottom: 0,
    fontSize: tokens.fontSizeBase300,
  },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
  },
});
