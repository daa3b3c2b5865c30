/**
 * The business-case simulation's worker: runs one request (case-run.ts), a simulation or a goal
 * seek on a statistic, and reports progress after every chunk of trials (or every simulation of
 * the seek), then the result. The page terminates it to cancel.
 */
import { caseRun, type CaseWorkerMessage, type CaseWorkerRequest, runSeek } from "./case-run";

const post = (message: CaseWorkerMessage<unknown>): void => self.postMessage(message);

self.onmessage = (event: MessageEvent<CaseWorkerRequest>) => {
  try {
    const data = event.data;
    if (data.type === "seek") {
      const result = runSeek(data.request, (done, total) => post({ type: "progress", done, total }));
      return post({ type: "done", result });
    }
    const run = caseRun(data.request);
    while (run.step())
      post({ type: "progress", done: run.simulation.completedTrials, total: run.simulation.trials });
    post({ type: "progress", done: run.simulation.completedTrials, total: run.simulation.trials });
    post({ type: "done", result: run.result() });
  } catch (error) {
    post({ type: "error", message: error instanceof Error ? error.message : String(error) });
  }
};
