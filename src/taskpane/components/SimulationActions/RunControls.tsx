import { Button, Field, ProgressBar } from "@fluentui/react-components";
import { usePane } from "../../context/pane-context";
import { fill, numberLocale } from "../../model/format";
import { StatusMessage } from "../StatusMessage";
import { useSimulationActionsStyles } from "./useSimulationActionsStyles.styles";

/** What a simulation run's controls need to know of it (the run's own states carry more). */
export type RunProgress =
  | { readonly kind: "idle" | "cancelled" | "done" }
  | { readonly kind: "running"; readonly done: number; readonly total: number }
  | { readonly kind: "unavailable"; readonly message: string };

export interface RunControlsProps {
  readonly run: RunProgress;
  /** The run button's label (also the progress bar's). */
  readonly label: string;
  /** The run button is disabled (besides while running). */
  readonly disabled: boolean;
  readonly onStart: () => void;
  readonly onCancel: () => void;
  /** Layout of the status area. */
  readonly statusClassName?: string;
  /** The progress line, with {done} and {total} (default: the trials run). */
  readonly progressText?: string;
  /** Said when the run is cancelled (default: the simulation's words). */
  readonly cancelledText?: string;
}

/** A simulation's Run and Cancel buttons, its progress, and why it was cancelled or cannot run. */
export function RunControls({
  run,
  label,
  disabled,
  onStart,
  onCancel,
  statusClassName,
  progressText,
  cancelledText,
}: RunControlsProps) {
  const { strings: s, locale } = usePane();
  const styles = useSimulationActionsStyles();
  const running = run.kind === "running";
  const n = (v: number): string => v.toLocaleString(numberLocale(locale));
  return (
    <>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={running || disabled} onClick={onStart}>
          {label}
        </Button>
        {running && <Button onClick={onCancel}>{s.cancel}</Button>}
      </div>
      <div aria-live="polite" className={statusClassName}>
        {run.kind === "running" && (
          <Field
            validationMessage={fill(progressText ?? s.simulationProgress, {
              done: n(run.done),
              total: n(run.total),
            })}
            validationState="none"
          >
            <ProgressBar
              value={run.total > 0 ? run.done / run.total : 0}
              thickness="large"
              aria-label={label}
            />
          </Field>
        )}
        {run.kind === "cancelled" && (
          <StatusMessage intent="info" lines={[cancelledText ?? s.simulationCancelled]} />
        )}
        {run.kind === "unavailable" && <StatusMessage intent="warning" lines={[run.message]} />}
      </div>
    </>
  );
}
