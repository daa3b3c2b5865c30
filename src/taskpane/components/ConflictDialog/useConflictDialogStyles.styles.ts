import { makeStyles, tokens } from "@fluentui/react-components";

export const useConflictDialogStyles = makeStyles({
  surface: {
    // Fits a 320 px pane: the dialog takes the pane's width less a margin.
    maxWidth: `calc(100vw - 2 * ${tokens.spacingHorizontalM})`,
    boxSizing: "border-box",
    paddingLeft: tokens.spacingHorizontalL,
    paddingRight: tokens.spacingHorizontalL,
  },
  content: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
  },
  intro: {
    marginTop: 0,
    marginBottom: 0,
  },
  sheet: {
    minWidth: 0,
  },
  choice: {
    display: "flex",
    flexDirection: "column",
  },
  hint: {
    display: "block",
    paddingLeft: tokens.spacingHorizontalXXXL,
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  actions: {
    flexWrap: "wrap",
  },
});
