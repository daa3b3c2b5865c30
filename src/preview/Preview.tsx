/**
 * The preview page: the real task pane in a 340 px column (as Excel shows it) beside a grid of the
 * same in-memory workbook, so building, editing and what-if runs can be watched without Excel.
 */
import { Caption1, Subtitle1, makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { Locale } from "../i18n/locale";
import { FileBar, type FileHost } from "./FileBar";
import { PreviewLanguage, usePreviewBundle } from "./preview-language";
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
  /**
   * The frame's language: the pane's, so both speak one language.
   * @defaultvalue "en"
   */
  readonly locale?: Locale;
}

export function Preview({ locale = "en", ...props }: PreviewProps) {
  return (
    <PreviewLanguage.Provider value={locale}>
      <PreviewFrame {...props} />
    </PreviewLanguage.Provider>
  );
}

function PreviewFrame({ host, pane, files }: Omit<PreviewProps, "locale">) {
  const styles = useStyles();
  const { preview: t, meta } = usePreviewBundle();
  return (
    <div className={styles.page} lang={meta.tag}>
      <aside className={styles.pane} aria-label={t.paneRegion} data-testid="preview-pane">
        {pane}
      </aside>
      <main className={styles.workbook} aria-label={t.workbookRegion} data-testid="preview-workbook">
        <div className={styles.heading}>
          <Subtitle1 as="h1">{t.title}</Subtitle1>
          <Caption1 className={styles.note}>{t.tagline}</Caption1>
        </div>
        {files && <FileBar host={files} />}
        <WorkbookView host={host} />
      </main>
    </div>
  );
}
