/**
 * The tests' stand-in for src/taskpane/model/case-worker-factory.ts: jsdom has no Worker, so
 * starting one fails and the pane runs its simulation in the page, as a host without workers does.
 */
exports.caseWorkerFactory = () => {
  throw new Error("No Web Worker in the test environment.");
};
