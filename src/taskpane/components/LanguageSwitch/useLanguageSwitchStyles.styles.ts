import { makeStyles, tokens } from "@fluentui/react-components";

export const useLanguageSwitchStyles = makeStyles({
  root: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalXS,
  },
  label: {
    color: tokens.colorNeutralForeground2,
  },
  group: {
    flexWrap: "wrap",
  },
});
