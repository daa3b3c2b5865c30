/**
 * Running the whole business case under uncertainty for the pane: the simulation and the
 * one-at-a-time sensitivities of every output, in a dedicated Web Worker when the page has
 * registered one (the task pane and the preview do), so 10,000 trials of a large case never
 * freeze the pane; in the page itself, in chunks that yield to the event loop, where there is no
 * worker (the tests). Either way the numbers are the engine's, for the same seed.
 */
import {
  CASE_OUTPUTS,
  type CaseOutput,
  CaseSimulation,
  type CaseSimulationOptions,
  type CaseSimulationSummary,
  compileCase,
  HORIZON_PAYBACK_MONTHS,
  SEEK_RANGE,
  type SeekLever,
  seekStatisticSteps,
  sensitivityAtPercentiles,
  type SensitivityResult,
  type StatisticGoal,
  type StatisticSeek,
} from "../../engine/case-simulation";
import type { LineItemCase } from "../../engine/line-items";
import type { CellValue } from "../../host/workbook-host";
import type { LineDistribution } from "../../engine/distributions";
import type { Sampling } from "../../engine/simulate";
import type { PaneStrings } from "../../i18n/bundle";
import type { SemanticFormat } from "../../templates/plan";
import { PANE_SENSITIVITY_COLUMNS, PANE_SENSITIVITY_LINES } from "../../templates/stress";
import type { CaseReading } from "./case-reading";
import { type CorrelationReading, correlationOption } from "./correlation";
import { fill } from "./format";
import { nextTask } from "./simulation";

export interface CaseRunRequest {
  readonly businessCase: LineItemCase;
  readonly options: CaseSimulationOptions;
}

export interface CaseRunResult {
  readonly summary: CaseSimulationSummary;
  /** Tornado and spider data per output, each line at its P10, P30, P50, P70 and P90. */
  readonly sensitivity: Readonly<Record<CaseOutput, SensitivityResult>>;
}

/** Trials between progress reports (and, in the page, between yields). */
export const CASE_CHUNK_TRIALS = 1_000;

/** Messages between the page and the simulation worker: a run, or a goal seek on a statistic. */
export type CaseWorkerRequest =
  | { readonly type: "run"; readonly request: CaseRunRequest }
  | { readonly type: "seek"; readonly request: SeekRequest };
export type CaseWorkerMessage<T = CaseRunResult> =
  | { readonly type: "progress"; readonly done: number; readonly total: number }
  | { readonly type: "done"; readonly result: T }
  | { readonly type: "error"; readonly message: string };

/** The run, step by step: `step` runs one chunk and says whether more remain. */
export function caseRun(request: CaseRunRequest): {
  readonly simulation: CaseSimulation;
  step(): boolean;
  result(): CaseRunResult;
} {
  const compiled = compileCase(request.businessCase);
  const simulation = new CaseSimulation(compiled, request.options);
  return {
    simulation,
    step: () => {
      simulation.run(CASE_CHUNK_TRIALS);
      return !simulation.done;
    },
    result: () => {
      const { distribution, lineDistributions } = request.options;
      const sensitivity = Object.fromEntries(
        CASE_OUTPUTS.map((o) => [o, sensitivityAtPercentiles(compiled, o, distribution, lineDistributions)]),
      ) as Record<CaseOutput, SensitivityResult>;
      return { summary: simulation.summary(), sensitivity };
    },
  };
}

export interface CaseJob<T = CaseRunResult> {
  /** The result, or null when cancelled. */
  readonly finished: Promise<T | null>;
  cancel(): void;
}

type WorkerFactory = () => Worker;
let workerFactory: WorkerFactory | null = null;

/** Called once by the page's entry: how to start the simulation worker (its URL is the bundler's). */
export function registerCaseWorker(factory: WorkerFactory | null): void {
  workerFactory = factory;
}

function inPage(request: CaseRunRequest, onProgress: (done: number, total: number) => void): CaseJob {
  let cancelled = false;
  const finished = (async () => {
    const run = caseRun(request);
    let more = true;
    while (more) {
      await nextTask();
      if (cancelled) return null;
      more = run.step();
      onProgress(run.simulation.completedTrials, run.simulation.trials);
    }
    return run.result();
  })();
  return { finished, cancel: () => void (cancelled = true) };
}

/**
 * One worker per run: Cancel terminates it at once (mid-chunk), and a finished run leaves no
 * worker holding the trials' memory.
 */
function inWorker<T>(
  worker: Worker,
  message: CaseWorkerRequest,
  onProgress: (done: number, total: number) => void,
): CaseJob<T> {
  let settle: (value: T | null) => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  const finished = new Promise<T | null>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  worker.onmessage = (event: MessageEvent<CaseWorkerMessage<T>>) => {
    const message = event.data;
    if (message.type === "progress") return onProgress(message.done, message.total);
    worker.terminate();
    if (message.type === "done") settle(message.result);
    else fail(new Error(message.message));
  };
  worker.onerror = (event: ErrorEvent) => {
    worker.terminate();
    fail(new CaseWorkerStopped(event.message ?? ""));
  };
  worker.postMessage(message);
  return {
    finished,
    cancel: () => {
      worker.terminate();
      settle(null);
    },
  };
}

/**
 * The simulation's worker stopped without a result (a crash, out of memory): the pane says so in
 * its own language, with the browser's words, if any, as the detail.
 */
export class CaseWorkerStopped extends Error {
  constructor(readonly detail: string) {
    super(detail || "The simulation worker stopped.");
    this.name = "CaseWorkerStopped";
  }
}

/**
 * A worker from the registered factory, or null (none registered, or the page may not start one:
 * a host whose content policy forbids workers); the caller then works in the page.
 */
function startWorker(): Worker | null {
  if (!workerFactory) return null;
  try {
    return workerFactory();
  } catch {
    return null;
  }
}

/** Why a run or a seek failed, in the pane's words: a stopped worker says so, with the browser's own. */
export function caseFailureMessage(error: unknown, s: PaneStrings): string {
  if (error instanceof CaseWorkerStopped)
    return fill(s.caseWorkerStopped, { detail: error.detail || s.caseWorkerNoDetail });
  return error instanceof Error ? error.message : String(error);
}

/** Starts a run off the main thread when a worker is registered, else in the page in chunks. */
export function startCaseRun(
  request: CaseRunRequest,
  onProgress: (done: number, total: number) => void,
): CaseJob {
  const worker = startWorker();
  return worker ? inWorker(worker, { type: "run", request }, onProgress) : inPage(request, onProgress);
}

/** A goal seek on a simulated statistic (each evaluation one whole simulation with the same seed). */
export interface SeekRequest {
  readonly businessCase: LineItemCase;
  readonly options: CaseSimulationOptions;
  readonly goal: StatisticGoal;
  readonly lever: SeekLever;
}

/** Evaluations a seek makes at most: both ends of the range, then bisection to the tolerance. */
export function seekEvaluations(lever: SeekLever, tolerance = SEEK_TOLERANCE): number {
  const [min, max] = SEEK_RANGE[lever.kind];
  return 2 + Math.ceil(Math.log2((max - min) / tolerance));
}

/** How close the seek's answer is to the exact boundary, in the lever's units (0.01 percentage point). */
export const SEEK_TOLERANCE = 1e-4;

/** Runs a seek in this thread; `onEvaluation` reports progress after each simulation. */
export function runSeek(
  request: SeekRequest,
  onEvaluation: (done: number, total: number) => void,
): StatisticSeek {
  const total = seekEvaluations(request.lever);
  const steps = seekStatisticSteps(
    request.businessCase,
    request.options,
    request.goal,
    request.lever,
    SEEK_TOLERANCE,
  );
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    onEvaluation(next.value, total);
  }
}

/** Starts a seek off the main thread when a worker is registered, else in the page. */
export function startSeek(
  request: SeekRequest,
  onProgress: (done: number, total: number) => void,
): CaseJob<StatisticSeek> {
  const worker = startWorker();
  if (worker) return inWorker<StatisticSeek>(worker, { type: "seek", request }, onProgress);
  // In the page: one simulation per task, so the pane stays responsive and Cancel is heard.
  let cancelled = false;
  const finished = (async () => {
    const total = seekEvaluations(request.lever);
    const { businessCase, options, goal, lever } = request;
    const steps = seekStatisticSteps(businessCase, options, goal, lever, SEEK_TOLERANCE);
    for (;;) {
      await nextTask();
      if (cancelled) return null;
      const next = steps.next();
      if (next.done) return next.value;
      onProgress(next.value, total);
    }
  })();
  return { finished, cancel: () => void (cancelled = true) };
}

/** The Stress sheet's run settings the whole-case panels take (trials and seed once entered). */
export interface CaseRunSettings {
  readonly trials: number;
  readonly seed: number;
  readonly distribution: LineDistribution;
  /** Blank on the sheet or not given: the engine's default (Latin Hypercube). */
  readonly sampling?: Sampling;
}

/**
 * One whole-case run's options, the same for the simulation and the statistic goal seek: the
 * panel's settings, each line's own distribution and the payback benchmark as read from the ROI
 * sheet, and the Stress sheet's matrix while it applies.
 */
export function caseRunOptions(
  settings: CaseRunSettings,
  reading: Extract<CaseReading, { ok: true }>,
  correlation: CorrelationReading,
): CaseSimulationOptions {
  return {
    ...settings,
    lineDistributions: reading.lineDistributions,
    correlation: correlationOption(correlation),
    paybackBenchmark: reading.paybackBenchmark,
  };
}

/**
 * The PaneBusinessCase block (13 rows × 4 outputs, see PANE_CASE_ROWS): mean, P5, P10, P50, P90,
 * P95 and P(< 0) of annual ROI, PV ROI, NPV and payback months; then in the first column the
 * payback benchmark, P(payback ≤ benchmark), P(payback ≤ 36 months), trials, seed and the run's
 * time as ISO text. A payback beyond the horizon is the text `beyond` ("> 36"); a statistic
 * with no value (ROI without run-rate costs, the mean of a payback some trials never reach, a
 * payback's P(< 0)) is left blank.
 */
export function paneCaseCells(
  options: CaseSimulationOptions,
  summary: CaseSimulationSummary,
  at: Date,
  beyond: string,
): CellValue[][] {
  const cell = (v: number, output: CaseOutput): CellValue =>
    v === Infinity && output === "paybackMonths" ? beyond : Number.isFinite(v) ? v : null;
  const column = (output: CaseOutput): CellValue[] => {
    const o = summary.outputs[output];
    const below = output === "paybackMonths" ? NaN : o.belowZero;
    return [o.mean, ...o.percentiles, below].map((v) => cell(v, output));
  };
  const columns = CASE_OUTPUTS.map(column);
  const statistics = columns[0].map((_, r) => columns.map((c) => c[r]));
  const single = (v: CellValue): CellValue[] => [v, null, null, null];
  return [
    ...statistics,
    single(summary.paybackBenchmark),
    single(summary.paybackWithinBenchmark),
    single(summary.paybackWithinHorizon),
    single(summary.trials),
    single(options.seed),
    single(at.toISOString()),
  ];
}

/** Each output's name in the pane's strings. */
export const CASE_OUTPUT_LABEL: Readonly<
  Record<CaseOutput, "caseAnnualRoi" | "casePvRoi" | "caseNpv" | "casePayback">
> = {
  annualRoi: "caseAnnualRoi",
  pvRoi: "casePvRoi",
  npv: "caseNpv",
  paybackMonths: "casePayback",
};

/**
 * The number format each output reads in: ROI as a percentage, NPV as money, payback in months
 * (past the horizon, as the words for it: see `paneSensitivityCells`).
 */
export const CASE_OUTPUT_FORMAT: Readonly<Record<CaseOutput, SemanticFormat>> = {
  annualRoi: "percent",
  pvRoi: "percent",
  npv: "currency",
  paybackMonths: "payback",
};

/**
 * A payback beyond the horizon as the sensitivity block writes it: a month past the horizon, a
 * number, so Excel's spider and tornado draw the line there (a text cell would plot as 0, a blank
 * as a gap), shown as "> 36" by the "payback" number format.
 */
export const PAYBACK_BEYOND_CELL = HORIZON_PAYBACK_MONTHS + 1;

/**
 * The Stress sheet's sensitivity blocks for one output: PaneSensitivityOutput (the output's name,
 * its value with every line at base) and PaneSensitivity (PANE_SENSITIVITY_LINES rows: the lines
 * that move the output, largest swing first, each its label and the output at the line's
 * percentiles). A line that does not move it (swing 0 or undefined) is left out, so the charts
 * show what matters. A line that puts payback beyond the horizon at one end moves it most and
 * comes first, that end written as PAYBACK_BEYOND_CELL (as is a base payback beyond it). Rows
 * beyond the lines, and outputs with no value, are blank.
 */
export function paneSensitivityCells(
  result: SensitivityResult,
  outputName: string,
): { readonly output: CellValue[][]; readonly lines: CellValue[][] } {
  const value = (v: number): CellValue =>
    v === Infinity && result.output === "paybackMonths" ? PAYBACK_BEYOND_CELL : Number.isFinite(v) ? v : null;
  // An undefined swing (NaN) fails the comparison; an infinite one passes.
  const moving = result.lines.filter((l) => l.swing > 0);
  const lines = Array.from({ length: PANE_SENSITIVITY_LINES }, (_, i): CellValue[] => {
    const l = moving[i];
    return l ? [l.label, ...l.outputs.map(value)] : new Array<CellValue>(PANE_SENSITIVITY_COLUMNS).fill(null);
  });
  return { output: [[outputName], [value(result.base)]], lines };
}
