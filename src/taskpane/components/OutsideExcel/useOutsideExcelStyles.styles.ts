import { makeStyles, tokens } from "@fluentui/react-components";

export const useOutsideExcelStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
    paddingTop: tokens.spacingVerticalXL,
    paddingBottom: tokens.spacingVerticalXL,
    paddingLeft: tokens.spacingHorizontalL,
    paddingRight: tokens.spacingHorizontalL,
  },
  code: {
    fontFamily: tokens.fontFamilyMonospace,
  },
  text: {
    marginTop: 0,
    marginBottom: 0,
  },
});
