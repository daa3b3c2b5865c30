import { makeStyles, tokens } from "@fluentui/react-components";

export const useSimulationActionsStyles = makeStyles({
  actions: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
});
