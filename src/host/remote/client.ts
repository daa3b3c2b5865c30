/**
 * The page's handle on a workbook that lives in a Web Worker: every method of the worker's host
 * (MemoryHost, and the session's open / save) is forwarded by name, so methods added to MemoryHost
 * later work through the worker without a line here. Only change events and the worker's status
 * are kept on the page, as listeners.
 *
 * Why a worker: HyperFormula recalculates synchronously; a 5,000-row portfolio takes seconds to
 * build, and on the page's main thread that froze the preview. In the worker the page stays
 * responsive and shows progress while the workbook computes.
 *
 * Nothing here imports HyperFormula: the worker's bundle has it, the page's does not.
 */
import type { ApplyStepKind, ChangeEvent, Unsubscribe } from "../workbook-host";
import { encodeArgs, type FromWorker, reviveError, type SessionStatus, type ToWorker } from "./protocol";

/** `T`'s methods, each returning a promise of what it returned (the call crosses a thread). */
export type Remote<T> = {
  readonly [K in keyof T as T[K] extends (...args: never[]) => unknown ? K : never]: T[K] extends (
    ...args: infer A
  ) => infer R
    ? (...args: A) => Promise<Awaited<R>>
    : never;
};

/** A call the page is waiting for, as the preview shows it while it lasts. */
export interface Activity {
  readonly method: string;
  readonly since: number;
  /**
   * The latest progress a callback of this call reported ({ step, done, total }), if any; a
   * build's (ApplyProgress) also says its kind, sheet and range, so the page words it itself.
   */
  readonly progress: {
    readonly step: string;
    readonly done: number;
    readonly total: number;
    readonly kind?: ApplyStepKind;
    readonly sheet?: string;
    readonly range?: string;
  } | null;
}

/** The page-side members: listeners and the worker's state. */
export interface RemoteSession {
  onChange(listener: (event: ChangeEvent) => void): Unsubscribe;
  /** Calls back with every status the worker reports (after each change and each call). */
  onStatus(listener: (status: SessionStatus) => void): Unsubscribe;
  /** The latest status, or null before the worker has answered. */
  readonly status: SessionStatus | null;
  /** Resolves once the worker has loaded (and restored a stored workbook, if there was one). */
  readonly ready: Promise<SessionStatus>;
  /** The calls in flight, oldest first; `onActivity` says when the list changes. */
  activities(): readonly Activity[];
  onActivity(listener: () => void): Unsubscribe;
  /** Stops the worker. */
  terminate(): void;
}

/** The part of a Worker the client uses (a MessagePort-like object in tests). */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  addEventListener(type: "message", listener: (event: { data: FromWorker }) => void): void;
  terminate?(): void;
}

interface Pending {
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
  readonly callbacks: ((...args: unknown[]) => void)[];
  activity: Activity;
}

const LOCAL = new Set([
  "onChange",
  "onStatus",
  "status",
  "ready",
  "activities",
  "onActivity",
  "terminate",
  "then",
]);

/**
 * A proxy whose every method but the RemoteSession members posts a call to the worker. `T` is the
 * worker's host type (imported as a type only, so its code stays in the worker's bundle).
 */
export function connectWorker<T>(worker: WorkerLike): Remote<T> & RemoteSession {
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const changeListeners = new Set<(event: ChangeEvent) => void>();
  const statusListeners = new Set<(status: SessionStatus) => void>();
  const activityListeners = new Set<() => void>();
  let status: SessionStatus | null = null;
  let markReady: (status: SessionStatus) => void = () => undefined;
  const ready = new Promise<SessionStatus>((resolve) => (markReady = resolve));

  const activityChanged = (): void => {
    for (const listener of activityListeners) listener();
  };
  const setStatus = (next: SessionStatus): void => {
    status = next;
    for (const listener of statusListeners) listener(next);
  };

  worker.addEventListener("message", ({ data }) => {
    switch (data.kind) {
      case "result":
      case "error": {
        const call = pending.get(data.id);
        if (!call) return;
        pending.delete(data.id);
        activityChanged();
        if (data.kind === "result") call.resolve(data.value);
        else call.reject(reviveError(data.error));
        return;
      }
      case "callback": {
        const call = pending.get(data.id);
        if (!call) return;
        const [first] = data.args;
        if (typeof first === "object" && first !== null && "done" in first && "total" in first) {
          call.activity = { ...call.activity, progress: first as Activity["progress"] };
          activityChanged();
        }
        call.callbacks[data.token]?.(...data.args);
        return;
      }
      case "change":
        for (const listener of changeListeners) listener(data.event);
        return;
      case "status":
        setStatus(data.status);
        return;
      case "ready":
        setStatus(data.status);
        markReady(data.status);
        return;
    }
  });
  worker.postMessage({ kind: "hello" });

  const call = (method: string, args: unknown[]): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      const callbacks: ((...a: unknown[]) => void)[] = [];
      const encoded = encodeArgs(args, callbacks);
      pending.set(id, {
        resolve,
        reject,
        callbacks,
        activity: { method, since: performance.now(), progress: null },
      });
      activityChanged();
      try {
        worker.postMessage({ kind: "call", id, method, args: encoded });
      } catch (error) {
        pending.delete(id);
        activityChanged();
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });

  const local: RemoteSession = {
    onChange(listener) {
      changeListeners.add(listener);
      return () => changeListeners.delete(listener);
    },
    onStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    get status() {
      return status;
    },
    ready,
    activities: () => [...pending.values()].map((p) => p.activity),
    onActivity(listener) {
      activityListeners.add(listener);
      return () => activityListeners.delete(listener);
    },
    terminate: () => worker.terminate?.(),
  };

  const forwarded = new Map<string, (...args: unknown[]) => Promise<unknown>>();
  return new Proxy(local, {
    get(target, property, receiver) {
      if (typeof property !== "string" || LOCAL.has(property))
        return Reflect.get(target, property, receiver) as unknown;
      let method = forwarded.get(property);
      if (!method) {
        method = (...args: unknown[]) => call(property, args);
        forwarded.set(property, method);
      }
      return method;
    },
  }) as Remote<T> & RemoteSession;
}
