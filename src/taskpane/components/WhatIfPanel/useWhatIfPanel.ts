/**
 * The scenario switch and the driver sliders. Sliders write their input as they move (throttled)
 * and the figures beside them follow through the workbook's change events. "Saved values" are
 * the inputs as read when the pane opened, and again after every build; Reset writes them back.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { CellValue } from "../../../host/workbook-host";
import { SCENARIOS, type Scenario, STRESS_NAMES } from "../../../templates/stress";
import { usePane } from "../../context/pane-context";
import { useInputWriter } from "../../hooks/useInputWriter";
import { useWorkbookValues } from "../../hooks/useWorkbookValues";
import {
  DRIVER_IDS,
  DRIVER_NAMES,
  DRIVERS,
  type DriverId,
  type DriverReading,
  positionOf,
  readDriver,
  settingAt,
  settingOf,
  valueFor,
} from "../../model/drivers";
import { figureOf } from "../../model/summary";

const NAMES = [STRESS_NAMES.scenario, ...DRIVER_NAMES];

export interface SavedInputs {
  readonly scenario: string | null;
  readonly drivers: Readonly<Record<DriverId, DriverReading>>;
  readonly after: "opened" | "build";
}

export interface DriverState {
  readonly id: DriverId;
  readonly reading: DriverReading;
  readonly saved: number | null;
  /** The slider position (see model/drivers.ts), or null when the driver cannot be used. */
  readonly position: number | null;
}

export function useWhatIfPanel() {
  const { buildCount } = usePane();
  const { values, build } = useWorkbookValues(NAMES);
  const writer = useInputWriter();
  const [saved, setSaved] = useState<SavedInputs | null>(null);
  const savedAt = useRef(-1);
  const [dragging, setDragging] = useState<Partial<Record<DriverId, number>>>({});
  const [resetDone, setResetDone] = useState(false);

  // Save once the first read after opening (or after a build) has arrived.
  useEffect(() => {
    if (!values || build !== buildCount || savedAt.current === buildCount) return;
    savedAt.current = buildCount;
    const drivers = Object.fromEntries(DRIVER_IDS.map((id) => [id, readDriver(DRIVERS[id], values)]));
    const scenario = figureOf(values, STRESS_NAMES.scenario);
    setSaved({
      scenario: scenario.kind === "text" ? scenario.text : null,
      drivers: drivers as Record<DriverId, DriverReading>,
      after: buildCount === 0 ? "opened" : "build",
    });
  }, [values, build, buildCount]);

  const drivers = useMemo((): DriverState[] => {
    return DRIVER_IDS.map((id) => {
      const spec = DRIVERS[id];
      const reading = values ? readDriver(spec, values) : { name: null, value: null };
      const savedValue = saved?.drivers[id].value ?? null;
      const setting = reading.value === null ? null : settingOf(spec, reading.value, savedValue);
      const usable = reading.name !== null && setting !== null;
      const position = usable ? (dragging[id] ?? positionOf(spec, setting)) : null;
      return { id, reading, saved: savedValue, position };
    });
  }, [values, saved, dragging]);

  // A drag's own position shows until the workbook has caught up with it.
  useEffect(() => {
    setDragging((d) => {
      const caughtUp = drivers.filter((x) => {
        if (d[x.id] === undefined || x.reading.value === null) return false;
        const live = settingOf(DRIVERS[x.id], x.reading.value, x.saved);
        return live !== null && positionOf(DRIVERS[x.id], live) === d[x.id];
      });
      // The same object when nothing caught up, so React does not render again.
      if (caughtUp.length === 0) return d;
      const next = { ...d };
      for (const x of caughtUp) delete next[x.id];
      return next;
    });
  }, [drivers]);

  const move = useCallback(
    (id: DriverId, position: number) => {
      const x = drivers.find((d) => d.id === id);
      if (!x?.reading.name) return;
      const value = valueFor(DRIVERS[id], settingAt(DRIVERS[id], position), x.saved);
      if (value === null) return;
      setResetDone(false);
      setDragging((d) => ({ ...d, [id]: position }));
      writer.writeThrottled(x.reading.name, value);
    },
    [drivers, writer],
  );

  const scenarioFigure = values ? figureOf(values, STRESS_NAMES.scenario) : { kind: "missing" as const };
  const scenario = scenarioFigure.kind === "text" ? scenarioFigure.text : null;
  const setScenario = useCallback(
    (next: Scenario) => {
      setResetDone(false);
      writer.write([[STRESS_NAMES.scenario, next]]).catch((e: unknown) => writer.reportError(e));
    },
    [writer],
  );

  const reset = useCallback(() => {
    if (!saved) return;
    const entries: [string, CellValue][] = [];
    if (saved.scenario !== null && scenario !== null) entries.push([STRESS_NAMES.scenario, saved.scenario]);
    for (const id of DRIVER_IDS) {
      const { name, value } = saved.drivers[id];
      if (name && value !== null) entries.push([name, value]);
    }
    setDragging({});
    void writer
      .settled()
      .then(() => writer.write(entries))
      .then(() => setResetDone(true))
      .catch((e: unknown) => writer.reportError(e));
  }, [saved, scenario, writer]);

  return {
    ready: values !== null,
    scenarios: SCENARIOS,
    scenario,
    scenarioAvailable: scenarioFigure.kind !== "missing",
    setScenario,
    drivers,
    move,
    saved,
    reset,
    resetDone,
    error: writer.error,
    skipped: writer.skipped,
    clearError: writer.clearError,
  };
}
