import { makeStyles, tokens } from "@fluentui/react-components";

export const useGoalSeekStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    minWidth: 0,
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
  explanation: {
    marginTop: 0,
    marginBottom: 0,
    color: tokens.colorNeutralForeground2,
  },
});
