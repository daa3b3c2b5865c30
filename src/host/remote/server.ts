/**
 * The worker's side of connectWorker: answers each call by looking the method up by name on the
 * served object (the session first, then its current MemoryHost), awaits it and posts the result,
 * forwards change events and the session's status. Calls run one at a time, in the order they
 * came, as they would on one thread: a write never overtakes the build before it.
 */
import type { ChangeEvent, Unsubscribe } from "../workbook-host";
import { decodeArgs, type FromWorker, serialiseError, type SessionStatus, type ToWorker } from "./protocol";

/** The part of a worker's global scope the server uses. */
export interface PortLike {
  postMessage(message: FromWorker): void;
  addEventListener(type: "message", listener: (event: { data: ToWorker }) => void): void;
}

export interface Served {
  /** The function to run for a method name, bound to its object, or undefined if there is none. */
  lookup(method: string): ((...args: unknown[]) => unknown) | undefined;
  /** Resolves once the session has loaded (restored a stored workbook, if any). */
  ready(): Promise<void>;
  status(): SessionStatus;
  onChange(listener: (event: ChangeEvent) => void): Unsubscribe;
  onStatus(listener: (status: SessionStatus) => void): Unsubscribe;
}

/** Methods never reachable from the page: listeners live on the page's side. */
const REFUSED = new Set(["constructor", "onChange", "onStatus", "lookup"]);

/** A method of `target` by name (own or inherited, not Object's), bound to it. */
export function methodOf(target: object, method: string): ((...args: unknown[]) => unknown) | undefined {
  if (REFUSED.has(method) || method.startsWith("_") || method in Object.prototype) return undefined;
  const value = (target as Record<string, unknown>)[method];
  return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : undefined;
}

export function serve(port: PortLike, served: Served): void {
  const post = (message: FromWorker): void => port.postMessage(message);
  served.onChange((event) => post({ kind: "change", event }));
  served.onStatus((status) => post({ kind: "status", status }));
  // A session that failed to load still answers (its calls then say what is wrong).
  let queue: Promise<void> = served.ready().catch(() => undefined);

  port.addEventListener("message", ({ data }) => {
    if (data.kind === "hello") {
      void queue.then(() => post({ kind: "ready", status: served.status() }));
      return;
    }
    const { id, method, args } = data;
    queue = queue.then(async () => {
      try {
        const run = served.lookup(method);
        if (!run) throw new Error(`The workbook has no method "${method}".`);
        const decoded = decodeArgs(args, (token, callbackArgs) =>
          post({ kind: "callback", id, token, args: callbackArgs }),
        );
        const value = await run(...decoded);
        post({ kind: "result", id, value });
      } catch (error) {
        post({ kind: "error", id, error: serialiseError(error) });
      }
    });
  });
}
