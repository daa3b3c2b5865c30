/**
 * Values of workbook names, kept current: read on mount, after every build, and after the host
 * reports a change. The first change is read at once (an edit's figures show as soon as the
 * workbook has them); the changes that follow within CHANGE_DEBOUNCE_MS (one recalculation in
 * Excel fires an event per sheet, and a slider drag fires many) are read together once that
 * time has passed without one: at most one read per period, and the last change always read.
 *
 * The values land as a transition: every panel reads them, hidden ones too, and rendering them
 * all at once after an edit held the page for one task of up to a quarter of a second; as a
 * transition React renders them in slices between which the page stays responsive.
 */
import { startTransition, useEffect, useState } from "react";
import type { CellValue } from "../../host/workbook-host";
import { usePane } from "../context/pane-context";

export const CHANGE_DEBOUNCE_MS = 150;

export interface WorkbookValues {
  /** null until the first read completes. */
  readonly values: Readonly<Record<string, CellValue[][] | null>> | null;
  /** The last read's failure, if it failed. */
  readonly error: unknown;
  /** The build count the values were read after (to tell a read after a build from one before). */
  readonly build: number;
}

export function useWorkbookValues(names: readonly string[]): WorkbookValues {
  const { host, buildCount } = usePane();
  const [state, setState] = useState<WorkbookValues>({ values: null, error: null, build: -1 });
  const key = names.join("\n");

  useEffect(() => {
    const wanted = key.split("\n");
    let alive = true;
    let latest = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = async (): Promise<void> => {
      const ticket = ++latest;
      try {
        const values = await host.readNames(wanted);
        // Reads can finish out of order; only the newest may land.
        if (alive && ticket === latest)
          startTransition(() => setState({ values, error: null, build: buildCount }));
      } catch (error) {
        if (alive && ticket === latest) setState((s) => ({ ...s, error }));
      }
    };
    void read();
    // Changes seen since the last read, while a quiet period runs.
    let pending = false;
    const quiet = (): void => {
      timer = setTimeout(() => {
        timer = undefined;
        if (!pending) return;
        pending = false;
        void read();
        quiet();
      }, CHANGE_DEBOUNCE_MS);
    };
    const unsubscribe = host.onChange(() => {
      if (timer !== undefined) {
        pending = true;
        return;
      }
      void read();
      quiet();
    });
    return () => {
      alive = false;
      clearTimeout(timer);
      unsubscribe();
    };
  }, [host, key, buildCount]);

  return state;
}
