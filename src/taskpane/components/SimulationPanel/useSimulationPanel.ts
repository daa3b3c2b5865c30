/**
 * The Simulate panel: settings (from the Stress sheet's, when it has them), a chunked Monte Carlo
 * run with progress and Cancel, its histogram and statistics, and writing them to the Stress
 * sheet's PaneSimulation cells.
 */
import { SEED, TRIALS } from "../../../engine/inputs";
import { useCallback, useEffect, useRef, useState } from "react";
import {
  DEFAULT_SIMULATION,
  MAX_TRIALS,
  type Sampling,
  SAMPLINGS,
  type SimulationOptions,
} from "../../../engine/simulate";
import { type Distribution, DISTRIBUTIONS } from "../../../engine/distributions";
import { histogram } from "../../../engine/statistics";
import { formatProblem } from "../../../i18n/messages";
import { fill } from "../../model/format";
import { parseRange } from "../../../shared/a1";
import { inputToEnter, isErrorValue } from "../../model/unavailable";
import { PANE_SIMULATION_ROWS, STRESS_NAMES } from "../../../templates/stress";
import { usePane } from "../../context/pane-context";
import { useWorkbookValues } from "../../hooks/useWorkbookValues";
import {
  type ChunkedRun,
  keptLineRows,
  LINE_ITEM_NAMES,
  paneSimulationCells,
  readLineItems,
  runInChunks,
  SETTING_NAMES,
} from "../../model/simulation";
import { type Figure, figureOf } from "../../model/summary";
import {
  CORRELATION_NAMES,
  correlationOption,
  correlationRefusal,
  readCorrelation,
} from "../../model/correlation";
import { usePaneBlockWrite } from "../../hooks/usePaneBlockWrite";
import type { SimulationRun } from "./SimulationPanel.types";

export const HISTOGRAM_BINS = 30;
export const MAX_SEED = SEED.max ?? Number.MAX_SAFE_INTEGER;

function wholeIn(text: string, min: number, max: number): number | null {
  const n = Number(text);
  return text.trim() !== "" && Number.isInteger(n) && n >= min && n <= max ? n : null;
}

/**
 * The Stress sheet's Sampling setting as the sheet's SIMULATE_ROI reads it: blank is the engine's
 * default, LHS or MC in any case is that method, anything else is refused (null), as the sheet
 * refuses it with #VALUE!.
 */
export function samplingOf(figure: Figure): Sampling | null {
  if (figure.kind === "missing") return DEFAULT_SIMULATION.sampling;
  if (figure.kind !== "text") return null;
  if (figure.text === "") return DEFAULT_SIMULATION.sampling;
  const text = figure.text.trim().toLowerCase();
  return SAMPLINGS.find((m) => m.toLowerCase() === text) ?? null;
}

export function useSimulationPanel() {
  const { host, buildCount, locale, strings: s, recordRun, now } = usePane();
  const { values, build } = useWorkbookValues([...LINE_ITEM_NAMES, ...SETTING_NAMES]);
  const [trialsText, setTrialsText] = useState(String(DEFAULT_SIMULATION.trials));
  const [seedText, setSeedText] = useState(String(DEFAULT_SIMULATION.seed));
  const [distribution, setDistribution] = useState<Distribution>(DEFAULT_SIMULATION.distribution);
  const [run, setRun] = useState<SimulationRun>({ kind: "idle" });
  const { write, writeBlock, dismissWrite } = usePaneBlockWrite(STRESS_NAMES.paneSimulation, {
    rows: PANE_SIMULATION_ROWS,
    columns: 1,
  });
  const job = useRef<ChunkedRun | null>(null);
  const settingsAt = useRef(-1);

  // Start from the Stress sheet's own settings, on opening and after each build.
  useEffect(() => {
    if (!values || build !== buildCount || settingsAt.current === buildCount) return;
    settingsAt.current = buildCount;
    const trials = figureOf(values, STRESS_NAMES.trials);
    const seed = figureOf(values, STRESS_NAMES.seed);
    const dist = figureOf(values, STRESS_NAMES.distribution);
    if (trials.kind === "number") setTrialsText(String(trials.value));
    if (seed.kind === "number") setSeedText(String(seed.value));
    const known = DISTRIBUTIONS.find(
      (d) => dist.kind === "text" && d.toLowerCase() === dist.text.toLowerCase(),
    );
    if (known) setDistribution(known);
  }, [values, build, buildCount]);

  // Sampling has no field in the pane: every run follows the Stress sheet's setting as it is now,
  // so the pane and the sheet's own simulation never differ by method.
  const samplingFigure = values ? figureOf(values, STRESS_NAMES.sampling) : null;
  const sampling = samplingFigure ? samplingOf(samplingFigure) : DEFAULT_SIMULATION.sampling;
  const samplingProblem =
    sampling === null && samplingFigure
      ? fill(s.samplingInvalid, {
          value:
            samplingFigure.kind === "number"
              ? String(samplingFigure.value)
              : samplingFigure.kind === "text"
                ? samplingFigure.text
                : "",
        })
      : null;

  useEffect(() => () => job.current?.cancel(), []);

  const trials = wholeIn(trialsText, TRIALS.min ?? 1, MAX_TRIALS);
  const seed = wholeIn(seedText, SEED.min ?? 0, MAX_SEED);
  const stressPresent = !!values?.[STRESS_NAMES.labels];

  const start = useCallback(() => {
    if (trials === null || seed === null || sampling === null) return;
    dismissWrite();
    setRun({ kind: "running", done: 0, total: trials });
    void (async () => {
      try {
        const [items, where] = await Promise.all([
          host.readNames([...LINE_ITEM_NAMES, ...CORRELATION_NAMES]),
          host.locateNames([STRESS_NAMES.labels, ...LINE_ITEM_NAMES]),
        ]);
        const firstRows = Object.fromEntries(
          Object.entries(where).flatMap(([name, at]) => (at ? [[name, parseRange(at.address).top + 1]] : [])),
        );
        const reading = readLineItems(items, firstRows);
        if (!reading.ok) {
          const message =
            reading.reason === "missing"
              ? s.needStressSimulation
              : s.invalidLineItems.replace(
                  "{detail}",
                  // A spreadsheet error in a line comes from an input: say which, and where.
                  (await inputToEnter(host, locale, Object.values(items).flat(2).find(isErrorValue))) ??
                    formatProblem(reading.problem, locale),
                );
          return setRun({ kind: "unavailable", message });
        }
        const correlation = readCorrelation(items, keptLineRows(items));
        const refusal = correlationRefusal(correlation, s, locale);
        if (refusal) return setRun({ kind: "unavailable", message: refusal });
        const options: SimulationOptions = {
          trials,
          seed,
          distribution,
          sampling,
          correlation: correlationOption(correlation),
        };
        const current = runInChunks(reading.model, options, (done, total) =>
          setRun({ kind: "running", done, total }),
        );
        job.current = current;
        const simulation = await current.finished;
        if (job.current === current) job.current = null;
        if (!simulation) return setRun({ kind: "cancelled" });
        const summary = simulation.summary();
        const at = now();
        const sheet = where[STRESS_NAMES.labels]?.sheet ?? "";
        setRun({
          kind: "done",
          options,
          summary,
          bins: histogram(simulation.results(), HISTOGRAM_BINS),
          correlation,
          at,
          sheet,
        });
        recordRun({ probabilityOfLoss: summary.probabilityOfLoss, at, sheet });
      } catch (error) {
        setRun({ kind: "unavailable", message: error instanceof Error ? error.message : String(error) });
      }
    })();
  }, [host, trials, seed, distribution, sampling, s, locale, now, recordRun, dismissWrite]);

  const cancel = useCallback(() => job.current?.cancel(), []);

  const writeResults = useCallback(() => {
    if (run.kind !== "done") return;
    writeBlock(() => paneSimulationCells(run.options, run.summary, run.at));
  }, [run, writeBlock]);

  return {
    trialsText,
    setTrialsText,
    trials,
    seed,
    trialsValid: trials !== null,
    seedText,
    setSeedText,
    seedValid: seed !== null,
    distribution,
    setDistribution,
    sampling,
    samplingProblem,
    ready: values !== null,
    stressPresent,
    run,
    start,
    cancel,
    write,
    writeResults,
    dismissWrite,
  };
}
