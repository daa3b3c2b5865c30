import { Button } from "@fluentui/react-components";
import { usePane } from "../../context/pane-context";
import type { WriteStatus } from "../../hooks/usePaneBlockWrite";
import { ErrorMessage } from "../ErrorMessage";
import { StatusMessage } from "../StatusMessage";
import { useSimulationActionsStyles } from "./useSimulationActionsStyles.styles";

export interface WriteResultsProps {
  readonly write: WriteStatus;
  readonly onWrite: () => void;
  readonly onDismiss: () => void;
  /** The button's label. */
  readonly label: string;
  /** What the success message says. */
  readonly written: string;
}

/** A simulation's "write to the Stress sheet" button and what came of the write. */
export function WriteResults({ write, onWrite, onDismiss, label, written }: WriteResultsProps) {
  const { strings: s } = usePane();
  const styles = useSimulationActionsStyles();
  return (
    <>
      <div className={styles.actions}>
        <Button onClick={onWrite} disabled={write.kind === "writing"}>
          {label}
        </Button>
      </div>
      <div aria-live="polite">
        {write.kind === "written" && (
          <StatusMessage intent="success" lines={[written]} onDismiss={onDismiss} />
        )}
        <ErrorMessage
          error={write.kind === "failed" ? write.error : null}
          title={s.writeFailed}
          next={s.writeFailedNext}
          onDismiss={onDismiss}
        />
      </div>
    </>
  );
}
