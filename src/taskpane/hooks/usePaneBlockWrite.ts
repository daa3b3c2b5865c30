/**
 * Writing a simulation's results into the Stress sheet's pane block (a named range of fixed
 * shape): the status the write button and its messages show, and the write itself, done through
 * the pane's writingRunResults so the pane's own write is not taken for the user's edit.
 */
import { useCallback, useState } from "react";
import type { CellValue } from "../../host/workbook-host";
import { usePane } from "../context/pane-context";
import { type PaneBlockCells, writePaneBlocks } from "../model/pane-block";

export type WriteStatus =
  | { readonly kind: "idle" }
  | { readonly kind: "writing" }
  | { readonly kind: "written" }
  | { readonly kind: "failed"; readonly error: unknown };

export interface PaneBlockWrite {
  readonly write: WriteStatus;
  /**
   * Writes the cells `cells()` makes into the block, and the blocks `more()` makes with it, all or
   * none (a failure to make them is the write's).
   */
  readonly writeBlock: (cells: () => CellValue[][], more?: () => readonly PaneBlockCells[]) => void;
  readonly dismissWrite: () => void;
}

/** The write of the block named `name`, `shape` rows × columns (a different shape: needPaneCells). */
export function usePaneBlockWrite(
  name: string,
  shape: { readonly rows: number; readonly columns: number },
): PaneBlockWrite {
  const { host, strings: s, writingRunResults } = usePane();
  const [write, setWrite] = useState<WriteStatus>({ kind: "idle" });
  const { rows, columns } = shape;

  const writeBlock = useCallback(
    (cells: () => CellValue[][], more: () => readonly PaneBlockCells[] = () => []) => {
      setWrite({ kind: "writing" });
      void (async () => {
        try {
          const blocks = [
            { name, shape: { rows, columns }, values: cells(), missing: s.needPaneCells },
            ...more(),
          ];
          await writingRunResults(() => writePaneBlocks(host, blocks));
          setWrite({ kind: "written" });
        } catch (error) {
          setWrite({ kind: "failed", error });
        }
      })();
    },
    [host, name, rows, columns, s, writingRunResults],
  );

  const dismissWrite = useCallback(() => setWrite({ kind: "idle" }), []);
  return { write, writeBlock, dismissWrite };
}
