/**
 * Writing named inputs (the scenario, the drivers, a goal-seek answer): the name is located once
 * per build (locateNames), then written with writeCells. Slider drags go through `writeThrottled`:
 * at most one write per input in flight, and only the newest value waits behind it, so a fast drag
 * never queues dozens of Excel round trips.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { CellValue, NameLocation, SkippedCell, WriteResult } from "../../host/workbook-host";
import { usePane } from "../context/pane-context";

/** The least time between two writes of one input while dragging. */
export const THROTTLE_MS = 60;

export interface InputWriter {
  /**
   * Writes values to named inputs in one call; rejects when a name is missing or the write is
   * refused. An input holding a formula the user typed is left alone and listed in the result.
   */
  readonly write: (entries: readonly (readonly [string, CellValue])[]) => Promise<WriteResult>;
  /** Inputs the last write left alone because they hold the user's formula (shown by the panel). */
  readonly skipped: readonly SkippedCell[];
  /** Latest-wins write for drags; failures land in `error`. */
  readonly writeThrottled: (name: string, value: CellValue) => void;
  /** Resolves when no throttled write is in flight or waiting. */
  readonly settled: () => Promise<void>;
  readonly error: unknown;
  /** Shows a failure of `write` that the caller caught. */
  readonly reportError: (error: unknown) => void;
  readonly clearError: () => void;
}

interface Lane {
  busy: boolean;
  next?: { value: CellValue };
  idle: Promise<void>;
}

export function useInputWriter(): InputWriter {
  const { host, buildCount } = usePane();
  const [error, setError] = useState<unknown>(null);
  const [skipped, setSkipped] = useState<readonly SkippedCell[]>([]);
  const locations = useRef(new Map<string, NameLocation | null>());
  const lanes = useRef(new Map<string, Lane>());

  // A build may move inputs (a rebuilt or renamed sheet): locate them afresh.
  useEffect(() => locations.current.clear(), [host, buildCount]);

  const write = useCallback(
    async (entries: readonly (readonly [string, CellValue])[]): Promise<WriteResult> => {
      const unknown = entries.map(([name]) => name).filter((name) => !locations.current.has(name));
      if (unknown.length > 0) {
        const found = await host.locateNames(unknown);
        for (const name of unknown) locations.current.set(name, found[name] ?? null);
      }
      const writes = entries.map(([name, value]) => {
        const at = locations.current.get(name);
        if (!at) throw new Error(`The workbook has no input named ${name}.`);
        return { sheet: at.sheet, address: at.address.split(":")[0], values: [[value]] };
      });
      try {
        const result = await host.writeCells(writes);
        setSkipped(result.skipped);
        return result;
      } catch (error) {
        // The sheet may have been renamed or deleted since: locate afresh next time.
        locations.current.clear();
        throw error;
      }
    },
    [host],
  );

  const writeThrottled = useCallback(
    (name: string, value: CellValue): void => {
      const lane = lanes.current.get(name) ?? { busy: false, idle: Promise.resolve() };
      lanes.current.set(name, lane);
      if (lane.busy) {
        lane.next = { value };
        return;
      }
      lane.busy = true;
      lane.idle = (async () => {
        let current: CellValue = value;
        for (;;) {
          try {
            await write([[name, current]]);
          } catch (e) {
            setError(e);
          }
          await new Promise((resolve) => setTimeout(resolve, THROTTLE_MS));
          if (!lane.next) break;
          current = lane.next.value;
          lane.next = undefined;
        }
        lane.busy = false;
      })();
    },
    [write],
  );

  const settled = useCallback(async (): Promise<void> => {
    await Promise.all([...lanes.current.values()].map((lane) => lane.idle));
  }, []);

  const clearError = useCallback(() => {
    setError(null);
    setSkipped([]);
  }, []);
  return useMemo(
    () => ({ write, writeThrottled, settled, error, skipped, reportError: setError, clearError }),
    [write, writeThrottled, settled, error, skipped, clearError],
  );
}
