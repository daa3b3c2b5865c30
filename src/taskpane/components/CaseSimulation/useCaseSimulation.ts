/**
 * The whole business case under uncertainty in the Simulate panel: reads the ROI sheet's line
 * tables, runs the simulation off the pane's thread (case-run.ts) with progress and Cancel, and
 * writes the results to the Stress sheet's PaneBusinessCase cells.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { CaseOutput, CaseSimulationOptions } from "../../../engine/case-simulation";
import type { LineDistribution } from "../../../engine/distributions";
import { type Sampling, workProblem } from "../../../engine/simulate";
import { formatProblem } from "../../../i18n/messages";
import {
  PANE_CASE_ROWS,
  PANE_SENSITIVITY_COLUMNS,
  PANE_SENSITIVITY_LINES,
  STRESS_NAMES,
} from "../../../templates/stress";
import { usePane } from "../../context/pane-context";
import {
  CASE_OUTPUT_FORMAT,
  CASE_OUTPUT_LABEL,
  type CaseJob,
  type CaseRunResult,
  caseFailureMessage,
  caseRunOptions,
  paneCaseCells,
  paneSensitivityCells,
  startCaseRun,
} from "../../model/case-run";
import { caseUnreadableMessage, readCaseFrom } from "../../model/case-reading";
import { usePaneBlockWrite } from "../../hooks/usePaneBlockWrite";
import { type CorrelationReading, correlationRefusal, readCaseCorrelation } from "../../model/correlation";

export type CaseRun =
  | { readonly kind: "idle" }
  | { readonly kind: "running"; readonly done: number; readonly total: number }
  | { readonly kind: "cancelled" }
  | { readonly kind: "unavailable"; readonly message: string }
  | {
      readonly kind: "done";
      readonly options: CaseSimulationOptions;
      readonly result: CaseRunResult;
      /** What the run did with the Stress sheet's rank-correlation matrix. */
      readonly correlation: CorrelationReading;
      readonly at: Date;
    };

export interface CaseSettings {
  readonly trials: number | null;
  readonly seed: number | null;
  readonly distribution: LineDistribution;
  /** The Stress sheet's Sampling setting. */
  readonly sampling: Sampling;
}

export function useCaseSimulation({ trials, seed, distribution, sampling }: CaseSettings) {
  const { host, locale, strings: s, bundle, now, currency } = usePane();
  const [run, setRun] = useState<CaseRun>({ kind: "idle" });
  const [output, setOutput] = useState<CaseOutput>("npv");
  const { write, writeBlock, dismissWrite } = usePaneBlockWrite(STRESS_NAMES.paneBusinessCase, {
    rows: PANE_CASE_ROWS,
    columns: 4,
  });
  const job = useRef<CaseJob | null>(null);

  useEffect(() => () => job.current?.cancel(), []);

  const start = useCallback(() => {
    if (trials === null || seed === null) return;
    dismissWrite();
    setRun({ kind: "running", done: 0, total: trials });
    void (async () => {
      try {
        const reading = await readCaseFrom(host);
        if (!reading.ok)
          return setRun({
            kind: "unavailable",
            message: await caseUnreadableMessage(reading, host, locale, s),
          });
        const c = reading.businessCase;
        const lines = c.benefits.length + c.costs.length;
        const tooMuch = workProblem(lines, trials);
        if (tooMuch)
          return setRun({
            kind: "unavailable",
            message: s.invalidCase.replace("{detail}", formatProblem(tooMuch, locale)),
          });
        const correlation = await readCaseCorrelation(host);
        const refusal = correlationRefusal(correlation, s, locale);
        if (refusal) return setRun({ kind: "unavailable", message: refusal });
        const options = caseRunOptions({ trials, seed, distribution, sampling }, reading, correlation);
        const current = startCaseRun({ businessCase: c, options }, (done, total) =>
          setRun({ kind: "running", done, total }),
        );
        job.current = current;
        const result = await current.finished;
        if (job.current === current) job.current = null;
        if (!result) return setRun({ kind: "cancelled" });
        setRun({ kind: "done", options, result, correlation, at: now() });
      } catch (error) {
        setRun({ kind: "unavailable", message: caseFailureMessage(error, s) });
      }
    })();
  }, [host, trials, seed, distribution, sampling, s, locale, now, dismissWrite]);

  const cancel = useCallback(() => job.current?.cancel(), []);

  const writeResults = useCallback(() => {
    if (run.kind !== "done") return;
    // The sensitivity blocks (the spider and the percentile tornado in Excel) hold the output the
    // pane shows, in its number format.
    writeBlock(
      () => paneCaseCells(run.options, run.result.summary, run.at, bundle.conventions.units.beyondHorizon),
      () => {
        const cells = paneSensitivityCells(run.result.sensitivity[output], s[CASE_OUTPUT_LABEL[output]]);
        const format = { kind: CASE_OUTPUT_FORMAT[output], currency, locale };
        const missing = s.needSensitivityCells;
        return [
          {
            name: STRESS_NAMES.paneSensitivityOutput,
            shape: { rows: 2, columns: 1 },
            values: cells.output,
            format,
            missing,
          },
          {
            name: STRESS_NAMES.paneSensitivity,
            shape: { rows: PANE_SENSITIVITY_LINES, columns: PANE_SENSITIVITY_COLUMNS },
            values: cells.lines,
            format,
            missing,
          },
        ];
      },
    );
  }, [run, s, bundle, output, currency, locale, writeBlock]);

  return {
    run,
    start,
    cancel,
    output,
    setOutput,
    write,
    writeResults,
    dismissWrite,
  };
}
