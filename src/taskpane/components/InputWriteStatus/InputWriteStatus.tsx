import type { SkippedCell } from "../../../host/workbook-host";
import { usePane } from "../../context/pane-context";
import { skippedCells } from "../../model/errors";
import { fill } from "../../model/format";
import { ErrorMessage } from "../ErrorMessage";
import { StatusMessage } from "../StatusMessage";

export interface InputWriteStatusProps {
  /** Inputs the last write left alone because they hold the user's formula. */
  readonly skipped: readonly SkippedCell[];
  /** The last write's failure, if any. */
  readonly error: unknown;
  readonly onDismiss: () => void;
}

/**
 * What a write of named inputs (sliders, goal seek's Apply) reports beyond success: the inputs it
 * left alone because the user wrote a formula there, and why it failed.
 */
export function InputWriteStatus({ skipped, error, onDismiss }: InputWriteStatusProps) {
  const { strings: s, bundle } = usePane();
  return (
    <>
      {skipped.length > 0 && (
        <StatusMessage
          intent="info"
          lines={[fill(s.formulaKept, { cells: skippedCells(skipped, bundle.conventions) })]}
          onDismiss={onDismiss}
        />
      )}
      <ErrorMessage
        error={error || null}
        title={s.writeFailed}
        next={s.writeFailedNext}
        onDismiss={onDismiss}
      />
    </>
  );
}
