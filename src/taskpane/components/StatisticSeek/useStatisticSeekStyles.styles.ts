import { makeStyles, tokens } from "@fluentui/react-components";

export const useStatisticSeekStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    minWidth: 0,
    marginTop: tokens.spacingVerticalL,
  },
  heading: {
    marginTop: 0,
    marginBottom: 0,
    fontSize: tokens.fontSizeBase300,
  },
  intro: {
    marginTop: 0,
    marginBottom: 0,
    color: tokens.colorNeutralForeground2,
  },
  target: {
    maxWidth: "160px",
  },
  select: {
    minWidth: 0,
    maxWidth: "100%",
  },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  result: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  answer: {
    marginTop: 0,
    marginBottom: 0,
    fontWeight: tokens.fontWeightSemibold,
  },
});
