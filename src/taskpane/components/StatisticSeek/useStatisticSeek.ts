/**
 * Goal seek on a simulated statistic: which value of a lever (benefit realisation, the adoption
 * target, one line's level) makes P(annual ROI < 0) at most a target, or the NPV's P10 at least
 * one. Reads the business case when asked, runs the seek off the pane's thread (each step one
 * whole simulation with the panel's trials and seed: common random numbers), and applies a
 * realisation or adoption answer by writing its named input. A line's value is the user's own
 * cell (often their driver formula): the pane says what to type and where, and writes nothing.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { SeekLever, StatisticGoal, StatisticSeek } from "../../../engine/case-simulation";
import type { LineDistribution } from "../../../engine/distributions";
import { type Sampling, workProblem } from "../../../engine/simulate";
import { formatProblem } from "../../../i18n/messages";
import { columnLetters } from "../../../shared/a1";
import { COL } from "../../../templates/roi-lines";
import { ROI_NAMES } from "../../../templates/roi";
import { usePane } from "../../context/pane-context";
import { useInputWriter } from "../../hooks/useInputWriter";
import { type CaseJob, caseFailureMessage, caseRunOptions, startSeek } from "../../model/case-run";
import { caseUnreadableMessage, readCaseFrom } from "../../model/case-reading";
import { correlationRefusal, readCaseCorrelation } from "../../model/correlation";
import { DRIVERS, readDriver } from "../../model/drivers";

/** The lever as the pane lists it: the two named inputs, then every line ("b0", "c2", ...). */
export type LeverKey = "realisation" | "adoption" | `b${number}` | `c${number}`;

export interface LineChoice {
  readonly key: LeverKey;
  readonly label: string;
  readonly side: "benefits" | "costs";
}

export interface SeekAnswer {
  readonly goal: StatisticGoal;
  readonly lever: SeekLever;
  readonly result: StatisticSeek;
  /** The input an answer is written to (realisation, adoption), or null for a line. */
  readonly input: string | null;
  /** The line's label, base and where its value is (a line lever). */
  readonly line?: { readonly label: string; readonly base: number; readonly cell: string };
}

export type SeekState =
  | { readonly kind: "idle" }
  | { readonly kind: "running"; readonly done: number; readonly total: number }
  | { readonly kind: "cancelled" }
  | { readonly kind: "unavailable"; readonly message: string }
  | { readonly kind: "done"; readonly answer: SeekAnswer };

export interface SeekSettings {
  readonly trials: number | null;
  readonly seed: number | null;
  readonly distribution: LineDistribution;
  /** The Stress sheet's Sampling setting. */
  readonly sampling?: Sampling;
}

/** The goal's target as typed: a percentage for the loss probability, an amount for the P10. */
export function parseTarget(statistic: StatisticGoal["statistic"], text: string): number | null {
  const t = text.replace(/[,\s%]/g, "");
  if (t === "") return null;
  const v = Number(t);
  if (!Number.isFinite(v)) return null;
  if (statistic === "lossProbability") return v >= 0 && v <= 100 ? v / 100 : null;
  return v;
}

export function useStatisticSeek({ trials, seed, distribution, sampling }: SeekSettings) {
  const { host, locale, strings: s, buildCount } = usePane();
  const writer = useInputWriter();
  const [statistic, setStatistic] = useState<StatisticGoal["statistic"]>("lossProbability");
  const [targetText, setTargetText] = useState("5");
  const [lever, setLever] = useState<LeverKey>("realisation");
  const [lines, setLines] = useState<readonly LineChoice[]>([]);
  const [state, setState] = useState<SeekState>({ kind: "idle" });
  const [applied, setApplied] = useState(false);
  const job = useRef<CaseJob<StatisticSeek> | null>(null);

  useEffect(() => () => job.current?.cancel(), []);

  /** The lines to choose from, read afresh (a line added since the last look is listed). */
  const refreshLines = useCallback(() => {
    void readCaseFrom(host)
      .then((reading) => {
        if (!reading.ok) return setLines([]);
        const c = reading.businessCase;
        setLines([
          ...c.benefits.map((b, i): LineChoice => ({ key: `b${i}`, label: b.label, side: "benefits" })),
          ...c.costs.map((k, i): LineChoice => ({ key: `c${i}`, label: k.label, side: "costs" })),
        ]);
      })
      .catch(() => setLines([]));
  }, [host]);

  useEffect(() => {
    setState({ kind: "idle" });
    refreshLines();
  }, [refreshLines, buildCount]);

  const chooseStatistic = useCallback((next: StatisticGoal["statistic"]) => {
    setStatistic(next);
    setTargetText(next === "lossProbability" ? "5" : "0");
  }, []);

  const target = parseTarget(statistic, targetText);

  const find = useCallback(() => {
    if (trials === null || seed === null || target === null) return;
    setApplied(false);
    setState({ kind: "running", done: 0, total: 1 });
    void (async () => {
      try {
        const reading = await readCaseFrom(host);
        if (!reading.ok)
          return setState({
            kind: "unavailable",
            message: await caseUnreadableMessage(reading, host, locale, s),
          });
        const c = reading.businessCase;
        const tooMuch = workProblem(c.benefits.length + c.costs.length, trials);
        if (tooMuch)
          return setState({
            kind: "unavailable",
            message: s.invalidCase.replace("{detail}", formatProblem(tooMuch, locale)),
          });
        let seekLever: SeekLever;
        let input: string | null = null;
        let line: SeekAnswer["line"];
        if (lever === "realisation") {
          seekLever = { kind: "realisation" };
          input = ROI_NAMES.benefitRealisation;
        } else if (lever === "adoption") {
          const spec = DRIVERS.adoptionTarget;
          const driver = readDriver(spec, await host.readNames(spec.names));
          if (driver.name === null || driver.value === null || !(driver.value > 0))
            return setState({ kind: "unavailable", message: s.seekZeroAdoption });
          seekLever = { kind: "adoptionTarget", current: driver.value };
          input = driver.name;
        } else {
          const side = lever.startsWith("b") ? "benefits" : "costs";
          const index = Number(lever.slice(1));
          const found = side === "benefits" ? c.benefits[index] : c.costs[index];
          if (!found) return setState({ kind: "unavailable", message: s.seekLineGone });
          seekLever = { kind: "lineLevel", side, index };
          const base = "annual" in found ? found.annual : found.amount;
          const row = reading.lineRows[side][index];
          const sheet = reading.sheet ?? "";
          line = { label: found.label, base, cell: `${sheet}!${columnLetters(COL.base)}${row}` };
        }
        // The same correlation as the whole-case simulation: the Stress sheet's matrix while it matches.
        const correlation = await readCaseCorrelation(host);
        const refusal = correlationRefusal(correlation, s, locale);
        if (refusal) return setState({ kind: "unavailable", message: refusal });
        const goal: StatisticGoal = { statistic, target };
        const current = startSeek(
          {
            businessCase: c,
            options: caseRunOptions({ trials, seed, distribution, sampling }, reading, correlation),
            goal,
            lever: seekLever,
          },
          (done, total) => setState({ kind: "running", done, total }),
        );
        job.current = current;
        const result = await current.finished;
        if (job.current === current) job.current = null;
        if (!result) return setState({ kind: "cancelled" });
        setState({ kind: "done", answer: { goal, lever: seekLever, result, input, line } });
      } catch (error) {
        setState({ kind: "unavailable", message: caseFailureMessage(error, s) });
      }
    })();
  }, [host, trials, seed, distribution, sampling, target, statistic, lever, s, locale]);

  const cancel = useCallback(() => job.current?.cancel(), []);

  const apply = useCallback(() => {
    if (state.kind !== "done") return;
    const { input, result } = state.answer;
    if (input === null || result.value === null) return;
    void writer
      .write([[input, result.value]])
      .then(() => setApplied(true))
      .catch(writer.reportError);
  }, [state, writer]);

  return {
    statistic,
    chooseStatistic,
    targetText,
    setTargetText,
    targetValid: target !== null,
    lever,
    setLever,
    lines,
    refreshLines,
    state,
    find,
    cancel,
    apply,
    applied,
    skipped: writer.skipped,
    error: writer.error,
    clearError: writer.clearError,
  };
}
