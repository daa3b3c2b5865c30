/**
 * The preview page: the real task pane in a 340 px column (as Excel shows it) beside a grid of the
 * same in-memory workbook, so building, editing and what-if runs can be watched without Excel.
 */
import { Caption1, Subtitle1, makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { FileBar, type FileHost } from "./FileBar";
import { WorkbookView } from "./WorkbookView";
import type { PreviewHost } from "./useWorkbook";

export const PANE_WIDTH_PX = 340;

const useStyles = makeStyles({
  page: {
    display: "flex",
    height: "100vh",
    backgroundColor: tokens.colorNeutralBackground2,
    "@media (max-width: 720px)": { flexDirection: "column", height: "auto" },
  },
  pane: {
    flex: `0 0 ${PANE_WIDTH_PX}px`,
    width: `${PANE_WIDTH_PX}px`,
    boxSizing: "border-box",
    overflowY: "auto",
    backgroundColor: tokens.colorNeutralBackground1,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    boxShadow: tokens.shadow4,
    "@media (max-width: 720px)": { width: "100%", flexBasis: "auto", borderRight: "none" },
  },
  workbook: {
    flex: "1 1 auto",
    minWidth: 0,
    overflow: "auto",
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  heading: {
    display: "flex",
    alignItems: "baseline",
    columnGap: tokens.spacingHorizontalM,
    flexWrap: "wrap",
  },
  note: { color: tokens.colorNeutralForeground3 },
});

export interface PreviewProps {
  readonly host: PreviewHost;
  /** The task pane, rendered against the same host. */
  readonly pane: ReactNode;
  /** Open, save and the workbook's state, when the workbook lives in the preview's worker. */
  readonly files?: FileHost;
}

export function Preview({ host, pane, files }: PreviewProps) {
  const styles = useStyles();
  return (
    <div className={styles.page}>
      <aside className={styles.pane} aria-label="Task pane" data-testid="preview-pane">
        {pane}
      </aside>
      <main className={styles.workbook} aria-label="Workbook" data-testid="preview-workbook">
        <div className={styles.heading}>
          <Subtitle1 as="h1">Workbook preview</Subtitle1>
          <Caption1 className={styles.note}>
            An in-memory workbook computed in your browser: no Excel, no Office.js, no network.
          </Caption1>
        </div>
        {files && <FileBar host={files} />}
        <WorkbookView host={host} />
      </main>
    </div>
  );
}
