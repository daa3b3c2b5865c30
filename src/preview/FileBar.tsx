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
import type { Activity } from "../host/remote/client";
import type { SessionStatus } from "../host/remote/protocol";
import { downloadWorkbook } from "../taskpane/deliver";
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

const STEP_NAMES: Record<string, string> = {
  applyPlans: "Building",
  openWorkbook: "Opening",
  saveWorkbook: "Saving",
  writeCells: "Recalculating",
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

function stateText(status: SessionStatus | null): string {
  if (status === null) return "Loading the workbook…";
  if (status.storeError) return `Not kept in this browser: ${status.storeError}`;
  const file = status.fileName ? `${status.fileName}: ` : "";
  if (status.unsaved) return `${file}unsaved changes${status.stored ? " (kept in this browser)" : ""}`;
  return `${file}${status.fileName ? "saved" : "no changes"}`;
}

export interface FileBarProps {
  readonly host: FileHost;
  /** Injected clock for file names. */
  readonly now?: () => Date;
  readonly deliver?: (bytes: Uint8Array, fileName: string) => Promise<void>;
}

export function FileBar({ host, now = () => new Date(), deliver = downloadWorkbook }: FileBarProps) {
  const styles = useStyles();
  const status = useSessionStatus(host);
  const activity = useLongActivity(host);
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<{ intent: "error" | "info"; text: string } | null>(null);
  useUnloadGuard(status);

  const confirmDiscard = useCallback(
    (what: string): boolean =>
      !host.status?.unsaved || window.confirm(`The workbook has unsaved changes. ${what} anyway?`),
    [host],
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
    if (!confirmDiscard("Start a new workbook")) return;
    void run(async () => {
      await host.newWorkbook();
      return null;
    });
  }, [host, confirmDiscard, run]);

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
        const opened =
          report.kind === "model"
            ? `Opened ${file.name} as the model: ${report.sheets.join(", ")}.`
            : `Added the sheets of ${file.name}: ${report.sheets.join(", ")}.`;
        return [opened, ...report.notes].join(" ");
      });
    },
    [host, run],
  );

  const onOpen = useCallback(() => {
    // Opening the add-in's model replaces the workbook; a foreign file only adds sheets, but
    // which one it is shows only once it is read, so ask first in either case.
    if (!confirmDiscard("Open another workbook")) return;
    input.current?.click();
  }, [confirmDiscard]);

  const busy = activity !== null;
  const step = activity?.progress;
  return (
    <div className={styles.progress}>
      <div className={styles.bar} role="toolbar" aria-label="Workbook file">
        <Button size="small" onClick={onNew} disabled={busy}>
          New
        </Button>
        <Button size="small" onClick={onOpen} disabled={busy}>
          Open…
        </Button>
        <Button size="small" appearance="primary" onClick={onSave} disabled={busy || status === null}>
          Save as .xlsx
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
          {stateText(status)}
        </Caption1>
      </div>
      {activity && (
        <div data-testid="workbook-progress" aria-live="polite">
          <ProgressBar
            thickness="large"
            value={step && step.total > 0 ? step.done / step.total : undefined}
            aria-label="Workbook progress"
          />
          <Caption1>
            {STEP_NAMES[activity.method] ?? "Working"}
            {step ? `: ${step.step} (${step.done} of ${step.total})` : "…"}
          </Caption1>
        </div>
      )}
      {message && (
        <MessageBar intent={message.intent} data-testid="file-message">
          <MessageBarBody>{message.text}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" appearance="transparent" onClick={() => setMessage(null)}>
              Dismiss
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </div>
  );
}
