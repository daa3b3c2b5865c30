/**
 * The business-case simulation's worker: runs one request (case-run.ts) and reports progress
 * after every chunk of trials, then the result. The page terminates it to cancel.
 */
import { caseRun, type CaseWorkerMessage, type CaseWorkerRequest } from "./case-run";

const post = (message: CaseWorkerMessage): void => self.postMessage(message);

self.onmessage = (event: MessageEvent<CaseWorkerRequest>) => {
  try {
    const run = caseRun(event.data.request);
    while (run.step())
      post({ type: "progress", done: run.simulation.completedTrials, total: run.simulation.trials });
    post({ type: "progress", done: run.simulation.completedTrials, total: run.simulation.trials });
    post({ type: "done", result: run.result() });
  } catch (error) {
    post({ type: "error", message: error instanceof Error ? error.message : String(error) });
  }
};
