/**
 * How a page starts the business-case simulation's worker. The bundler sees
 * `new Worker(new URL(…, import.meta.url))` and emits the worker as a chunk of its own, loaded
 * when the first run starts. Kept apart so the entry points share it and the tests (CommonJS,
 * where import.meta does not exist) replace it (test/setup/case-worker-factory-stub.js).
 */
export const caseWorkerFactory = (): Worker =>
  new Worker(new URL("./case.worker.ts", import.meta.url), { name: "simulation" });
