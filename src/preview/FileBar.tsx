/**
 * The preview's file commands and state: New, Open (an .xlsx), Save (download the workbook as
 * .xlsx), whether the workbook has unsaved changes and whether the browser's storage holds it,
 * and a progress bar while the workbook's worker is busy with something long (a build, opening
 * a file), with the step it reports.
 *
 * Leaving the page (closing, reloading) with unsaved changes asks first, as the browser allows:
 * the page registers a beforeunload handler, and the browser shows its own question.
 */
import {
  Button,
  Caption1,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  ProgressBar,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useRef, useState, useSyncExternalStore, type ChangeEvent } from "react";
import type { PreviewStrings } from "../i18n/bundle";
import type { PreviewBundle } from "../i18n/preview-bundles";
import type { Activity } from "../host/remote/client";
import type { SessionStatus } from "../host/remote/protocol";
import { stepText } from "../taskpane/components/BuildPanel/useBuildMessages";
import { downloadWorkbook } from "../taskpane/deliver";
import { fill } from "../taskpane/model/format";
import { usePreviewBundle } from "./preview-language";
import type { WorkerWorkbook } from "./worker-workbook";

/** A call that lasts longer than this shows the progress bar. */
export const SHOW_PROGRESS_AFTER_MS = 250;

export type FileHost = Pick<
  WorkerWorkbook,
  "openWorkbook" | "saveWorkbook" | "newWorkbook" | "onStatus" | "status" | "activities" | "onActivity"
>;

const useStyles = makeStyles({
  bar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  state: { color: tokens.colorNeutralForeground3 },
  unsaved: { color: tokens.colorPaletteDarkOrangeForeground1 },
  progress: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
});

const STEP_NAMES: Record<string, keyof PreviewStrings> = {
  applyPlans: "stepBuilding",
  prepareBuild: "stepBuilding",
  applyBuild: "stepBuilding",
  openWorkbook: "stepOpening",
  saveWorkbook: "stepSaving",
  writeCells: "stepRecalculating",
};

/** The status the worker last reported, kept current. */
export function useSessionStatus(host: Pick<FileHost, "onStatus" | "status">): SessionStatus | null {
  return useSyncExternalStore(
    (notify) => host.onStatus(notify),
    () => host.status,
  );
}

/** The oldest call in flight once it has lasted SHOW_PROGRESS_AFTER_MS, else null. */
function useLongActivity(host: Pick<FileHost, "activities" | "onActivity">): Activity | null {
  const [shown, setShown] = useState<Activity | null>(null);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const update = (): void => {
      const [oldest] = host.activities();
      if (timer !== null) clearTimeout(timer);
      timer = null;
      if (!oldest) return setShown(null);
      const wait = SHOW_PROGRESS_AFTER_MS - (performance.now() - oldest.since);
      if (wait <= 0) setShown(oldest);
      else timer = setTimeout(update, wait);
    };
    const unsubscribe = host.onActivity(update);
    update();
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, [host]);
  return shown;
}

/** Asks before the page goes away while the workbook has unsaved changes or is not yet stored. */
function useUnloadGuard(status: SessionStatus | null): void {
  const risky = status !== null && (status.unsaved || !status.stored);
  useEffect(() => {
    if (!risky) return;
    const ask = (event: BeforeUnloadEvent): void => {
      event.preventDefault();
      // Older browsers show the question only when returnValue is set.
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", ask);
    return () => window.removeEventListener("beforeunload", ask);
  }, [risky]);
}

function stateText(status: SessionStatus | null, t: PreviewStrings): string {
  if (status === null) return t.loading;
  if (status.storeError)
    return fill(status.restoreFailed ? t.notRestored : t.notStored, { detail: status.storeError });
  const file = status.fileName ? fill(t.fileNamePrefix, { file: status.fileName }) : "";
  if (status.unsaved) return fill(status.stored ? t.unsavedStored : t.unsaved, { file });
  return fill(status.fileName ? t.saved : t.noChanges, { file });
}

/**
 * "Building: writing cells A1:R2000 on ROI (step 3 of 9)" in the frame's language. A host's step
 * comes as a kind, a sheet and a range (ApplyProgress) and is worded here as the pane words it;
 * a step with no kind (a call that reports only counts) reads with its name alone.
 */
export function progressText(activity: Activity, bundle: PreviewBundle): string {
  const { preview: t, pane } = bundle;
  const name = t[STEP_NAMES[activity.method] ?? "stepWorking"];
  const p = activity.progress;
  if (!p) return `${name}…`;
  const step = p.kind ? stepText({ ...p, kind: p.kind, sheet: p.sheet ?? "" }, pane) : name;
  return fill(t.stepLine, { name, detail: fill(t.stepDetail, { step, done: p.done, total: p.total }) });
}

export interface FileBarProps {
  readonly host: FileHost;
  /** Injected clock for file names. */
  readonly now?: () => Date;
  readonly deliver?: (bytes: Uint8Array, fileName: string) => Promise<void>;
}

export function FileBar({ host, now = () => new Date(), deliver = downloadWorkbook }: FileBarProps) {
  const styles = useStyles();
  const bundle = usePreviewBundle();
  const { preview: t, conventions: c } = bundle;
  const status = useSessionStatus(host);
  const activity = useLongActivity(host);
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<{ intent: "error" | "info"; text: string } | null>(null);
  useUnloadGuard(status);

  const confirmDiscard = useCallback(
    (action: string): boolean => !host.status?.unsaved || window.confirm(fill(t.confirmDiscard, { action })),
    [host, t],
  );

  const run = useCallback(async (work: () => Promise<string | null>) => {
    try {
      const text = await work();
      setMessage(text ? { intent: "info", text } : null);
    } catch (error) {
      setMessage({ intent: "error", text: error instanceof Error ? error.message : String(error) });
    }
  }, []);

  const onNew = useCallback(() => {
    if (!confirmDiscard(t.actionNew)) return;
    void run(async () => {
      await host.newWorkbook();
      return null;
    });
  }, [host, confirmDiscard, run, t]);

  const onSave = useCallback(() => {
    void run(async () => {
      const { bytes, fileName } = await host.saveWorkbook(now().toISOString());
      await deliver(bytes, fileName);
      return null;
    });
  }, [host, now, deliver, run]);

  const onFile = useCallback(
    (event: ChangeEvent<HTMLInputElement>) => {
      const file = event.target.files?.[0];
      event.target.value = "";
      if (!file) return;
      void run(async () => {
        const bytes = new Uint8Array(await file.arrayBuffer());
        const report = await host.openWorkbook(bytes, file.name);
        const params = { file: file.name, sheets: report.sheets.join(c.listSeparator) };
        const opened = fill(report.kind === "model" ? t.openedModel : t.openedSheets, params);
        return [opened, ...report.notes].join(" ");
      });
    },
    [host, run, t, c],
  );

  const onOpen = useCallback(() => {
    // Opening the add-in's model replaces the workbook; a foreign file only adds sheets, but
    // which one it is shows only once it is read, so ask first in either case.
    if (!confirmDiscard(t.actionOpen)) return;
    input.current?.click();
  }, [confirmDiscard, t]);

  const busy = activity !== null;
  const step = activity?.progress;
  return (
    <div className={styles.progress}>
      <div className={styles.bar} role="toolbar" aria-label={t.fileBar}>
        <Button size="small" onClick={onNew} disabled={busy}>
          {t.newWorkbook}
        </Button>
        <Button size="small" onClick={onOpen} disabled={busy}>
          {t.open}
        </Button>
        <Button size="small" appearance="primary" onClick={onSave} disabled={busy || status === null}>
          {t.save}
        </Button>
        <input
          ref={input}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          hidden
          data-testid="open-file"
          onChange={onFile}
        />
        <Caption1
          className={status?.unsaved ? styles.unsaved : styles.state}
          data-testid="workbook-state"
          data-unsaved={status?.unsaved ? "true" : "false"}
          data-stored={status?.stored ? "true" : "false"}
        >
          {stateText(status, t)}
        </Caption1>
      </div>
      {activity && (
        <div data-testid="workbook-progress" aria-live="polite">
          <ProgressBar
            thickness="large"
            value={step && step.total > 0 ? step.done / step.total : undefined}
            aria-label={t.progress}
          />
          <Caption1>{progressText(activity, bundle)}</Caption1>
        </div>
      )}
      {message && (
        <MessageBar intent={message.intent} data-testid="file-message">
          <MessageBarBody>{message.text}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" appearance="transparent" onClick={() => setMessage(null)}>
              {t.dismiss}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </div>
  );
}
