/**
 * The page-to-worker call layer (connectWorker / serve) over an asynchronous channel that copies each message, with a
 * MemoryHost on the far side, as the preview runs it. It protects what the preview relies on:
 * any method of the host is reachable by name (so methods MemoryHost gains later work through
 * the worker without a change), progress callbacks cross the thread, the host's error classes
 * come back as themselves, change events reach the page's listeners, and calls keep their order.
 */
import { MemoryHost } from "../../src/host/memory";
import { CellWriteError } from "../../src/host/memory-writes";
import { connectWorker, type WorkerLike } from "../../src/host/remote/client";
import type { FromWorker, SessionStatus, ToWorker } from "../../src/host/remote/protocol";
import { methodOf, type PortLike, serve, type Served } from "../../src/host/remote/server";
import { ApplyError, type ApplyProgress, type ChangeEvent } from "../../src/host/workbook-host";
import { roiPlan } from "./memory-support";

const STATUS: SessionStatus = {
  unsaved: false,
  stored: true,
  storeError: null,
  restoreFailed: false,
  fileName: null,
  generation: 0,
};

/**
 * A message channel between the two sides, asynchronous as a worker's is. Messages are copied
 * through JSON here: a Node MessagePort would build them in another realm than jest's, which
 * HyperFormula's own `instanceof Array` checks refuse (a browser worker has no such split).
 */
function channel(): { page: WorkerLike; worker: PortLike; close(): void } {
  const toWorker = new Set<(event: { data: ToWorker }) => void>();
  const toPage = new Set<(event: { data: FromWorker }) => void>();
  let open = true;
  const deliver = <T>(listeners: Set<(event: { data: T }) => void>, message: T): void => {
    const data = JSON.parse(JSON.stringify(message)) as T;
    setImmediate(() => open && listeners.forEach((l) => l({ data })));
  };
  return {
    page: { postMessage: (m) => deliver(toWorker, m), addEventListener: (_t, l) => toPage.add(l) },
    worker: { postMessage: (m) => deliver(toPage, m), addEventListener: (_t, l) => toWorker.add(l) },
    close: () => (open = false),
  };
}

function connected(host: MemoryHost) {
  const pipe = channel();
  const listeners = new Set<(event: ChangeEvent) => void>();
  host.onChange((event) => listeners.forEach((l) => l(event)));
  const served: Served = {
    lookup: (method) => methodOf(host, method),
    ready: () => Promise.resolve(),
    status: () => STATUS,
    onChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onStatus: () => () => undefined,
  };
  serve(pipe.worker, served);
  const remote = connectWorker<Omit<MemoryHost, "onChange">>(pipe.page);
  return { remote, close: pipe.close };
}

describe("calling a MemoryHost in another thread", () => {
  const plan = roiPlan();

  it("forwards any method by name, with progress callbacks, and reports changes", async () => {
    const host = new MemoryHost();
    const { remote, close } = connected(host);
    try {
      await remote.ready;
      const changes: ChangeEvent[] = [];
      remote.onChange((event) => changes.push(event));
      const progress: ApplyProgress[] = [];
      const result = await remote.applyPlans([plan], {
        dialect: "live",
        onProgress: (p) => progress.push(p),
      });
      expect(result.sheets[0]).toMatchObject({ sheet: "ROI", outcome: "created" });
      expect(progress.map((p) => p.done)).toEqual([1, 2, 3, 4]);
      expect(changes).toEqual([{ sheets: ["ROI"], source: "addin" }]);
      // Methods the page never declared: the host's own, reached by name.
      expect(await remote.names()).toEqual(host.names());
      expect(await remote.readRange("ROI", "A1:B3")).toEqual(await host.readRange("ROI", "A1:B3"));
      expect(remote.activities()).toEqual([]);
    } finally {
      close();
    }
  });

  it("brings back the host's errors as their own classes, with their fields", async () => {
    const host = new MemoryHost({ failAt: (step) => step === "blocks" });
    const { remote, close } = connected(host);
    try {
      const failed = await remote.applyPlans([plan], { dialect: "live" }).catch((e: unknown) => e);
      expect(failed).toBeInstanceOf(ApplyError);
      expect(failed).toMatchObject({ sheet: "ROI", step: "writing cells" });
      const ok = new MemoryHost();
      await ok.applyPlans([plan], { dialect: "live" });
      const other = connected(ok);
      const refused = await other.remote
        .writeCells([{ sheet: "ROI", address: "A1", values: [["x"]] }])
        .catch((e: unknown) => e);
      other.close();
      expect(refused).toBeInstanceOf(CellWriteError);
      expect(refused).toMatchObject({ sheet: "ROI", address: "A1" });
      const untyped = remote as unknown as { noSuchMethod: () => Promise<unknown> };
      await expect(untyped.noSuchMethod()).rejects.toThrow('The workbook has no method "noSuchMethod".');
    } finally {
      close();
    }
  });

  it("runs calls one at a time in the order they were made", async () => {
    const host = new MemoryHost();
    const { remote, close } = connected(host);
    try {
      const build = remote.applyPlans([plan], { dialect: "live" });
      // Sent before the build answered: it must see the built sheet.
      const sheets = remote.listSheets();
      await build;
      expect((await sheets).map((s) => s.name)).toEqual(["ROI"]);
    } finally {
      close();
    }
  });
});
