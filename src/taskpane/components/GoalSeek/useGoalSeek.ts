/**
 * Goal seek by the engine: reads the business case from the workbook when asked, solves for the
 * lever, and applies the answer by writing the lever's input.
 */
import { useCallback, useEffect, useState } from "react";
import { usePane } from "../../context/pane-context";
import { useInputWriter } from "../../hooks/useInputWriter";
import { BUSINESS_CASE_NAMES, readBusinessCase } from "../../model/business-case";
import { DRIVERS, readDriver } from "../../model/drivers";
import { type GoalAnswer, type GoalLever, type GoalTarget, seekGoal } from "../../model/goal-seek";
import { figureOf } from "../../model/summary";
import { ROI_NAMES } from "../../../templates/roi";

/** The seed's benchmark, used when the ROI sheet has no LeaderPaybackMonths. */
export const DEFAULT_BENCHMARK_MONTHS = 14;

const LEVER_DRIVER = { benefits: DRIVERS.benefitRealisation, adoption: DRIVERS.adoptionTarget } as const;

export type GoalSeekOutcome =
  | { readonly kind: "none" }
  | { readonly kind: "needsRoi" }
  | { readonly kind: "invalid"; readonly name: string }
  | {
      readonly kind: "solved";
      readonly lever: GoalLever;
      readonly target: GoalTarget;
      readonly targetValue: number;
      /** The input the answer is written to. */
      readonly input: string;
      readonly answer: GoalAnswer;
    };

export function useGoalSeek() {
  const { host, buildCount } = usePane();
  const writer = useInputWriter();
  const [target, setTarget] = useState<GoalTarget>("roi");
  const [lever, setLever] = useState<GoalLever>("benefits");
  const [outcome, setOutcome] = useState<GoalSeekOutcome>({ kind: "none" });
  const [applied, setApplied] = useState(false);
  const [benchmark, setBenchmark] = useState(DEFAULT_BENCHMARK_MONTHS);

  // The payback target is the workbook's benchmark; a build may change it, and voids an answer.
  useEffect(() => {
    let alive = true;
    setOutcome({ kind: "none" });
    host
      .readNames([ROI_NAMES.leaderPaybackMonths])
      .then((v) => {
        const f = figureOf(v, ROI_NAMES.leaderPaybackMonths);
        if (alive) setBenchmark(f.kind === "number" ? f.value : DEFAULT_BENCHMARK_MONTHS);
      })
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, [host, buildCount]);

  const find = useCallback(() => {
    setApplied(false);
    void (async () => {
      try {
        const driver = LEVER_DRIVER[lever];
        const values = await host.readNames([
          ...BUSINESS_CASE_NAMES,
          ROI_NAMES.leaderPaybackMonths,
          ...driver.names,
        ]);
        const reading = readBusinessCase(values);
        const input = readDriver(driver, values);
        if (!reading.ok) {
          setOutcome(
            reading.reason === "missing" ? { kind: "needsRoi" } : { kind: "invalid", name: reading.name },
          );
          return;
        }
        if (input.name === null) return setOutcome({ kind: "needsRoi" });
        const leader = figureOf(values, ROI_NAMES.leaderPaybackMonths);
        const targetValue = target === "roi" ? 0 : leader.kind === "number" ? leader.value : benchmark;
        const answer = seekGoal(reading.businessCase, {
          lever,
          target,
          targetValue,
          current: input.value ?? 0,
        });
        setOutcome({ kind: "solved", lever, target, targetValue, input: input.name, answer });
      } catch (error) {
        writer.reportError(error);
      }
    })();
  }, [host, lever, target, benchmark, writer]);

  const apply = useCallback(() => {
    if (outcome.kind !== "solved" || outcome.answer.kind !== "answer") return;
    writer
      .write([[outcome.input, outcome.answer.value]])
      .then((result) => setApplied(result.skipped.length === 0))
      .catch((e: unknown) => writer.reportError(e));
  }, [outcome, writer]);

  const choose = {
    target: (t: GoalTarget) => {
      setTarget(t);
      setOutcome({ kind: "none" });
    },
    lever: (l: GoalLever) => {
      setLever(l);
      setOutcome({ kind: "none" });
    },
  };

  return {
    target,
    lever,
    benchmark,
    outcome,
    applied,
    find,
    apply,
    choose,
    error: writer.error,
    skipped: writer.skipped,
    clearError: writer.clearError,
  };
}
