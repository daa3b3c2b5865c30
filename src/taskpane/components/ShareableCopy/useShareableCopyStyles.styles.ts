import { makeStyles, tokens } from "@fluentui/react-components";

export const useShareableCopyStyles = makeStyles({
  card: {
    minWidth: 0,
  },
  heading: {
    marginTop: 0,
    marginBottom: 0,
    fontSize: tokens.fontSizeBase300,
  },
  description: {
    color: tokens.colorNeutralForeground2,
  },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
  },
});
