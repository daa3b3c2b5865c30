import { makeStyles, tokens } from "@fluentui/react-components";

export const useStatusMessageStyles = makeStyles({
  root: {
    minWidth: 0,
  },
  line: {
    marginTop: tokens.spacingVerticalXXS,
    marginBottom: 0,
  },
});
