/**
 * The messages between the page and the worker that holds the in-memory workbook. A call names a
 * method and carries its arguments; functions inside the arguments (an `onProgress` in the apply
 * options) cannot cross a thread, so each becomes a token that the worker calls back through.
 * Errors cross as their name, message and own fields, and are rebuilt as the host's error classes,
 * so the pane tells a failed build (ApplyError) from a refused entry (CellWriteError) as before.
 */
import { CellWriteError } from "../memory-writes";
import { ApplyError, type ApplyStepKind, type ChangeEvent } from "../workbook-host";

/** A function argument, replaced by its number among the call's callbacks. */
export interface CallbackToken {
  readonly __callback: number;
}

/** What the worker says about the open workbook, after every change and every call. */
export interface SessionStatus {
  /** Changes since the workbook was last saved to a file or opened from one. */
  readonly unsaved: boolean;
  /** The browser's storage holds the workbook as it is now. */
  readonly stored: boolean;
  /** Why the last write to the browser's storage, or the restore from it, failed, if it did. */
  readonly storeError: string | null;
  /** The failure was in restoring the workbook kept in the browser, not in keeping it. */
  readonly restoreFailed: boolean;
  /** The name of the file last opened or saved, if any. */
  readonly fileName: string | null;
  /** Increments each time the workbook is replaced (opened from a file, new, restored). */
  readonly generation: number;
}

export type ToWorker =
  | { readonly kind: "call"; readonly id: number; readonly method: string; readonly args: readonly unknown[] }
  | { readonly kind: "hello" };

export interface SerialisedError {
  readonly name: string;
  readonly message: string;
  readonly fields: Readonly<Record<string, unknown>>;
}

export type FromWorker =
  | { readonly kind: "result"; readonly id: number; readonly value: unknown }
  | { readonly kind: "error"; readonly id: number; readonly error: SerialisedError }
  | { readonly kind: "callback"; readonly id: number; readonly token: number; readonly args: unknown[] }
  | { readonly kind: "change"; readonly event: ChangeEvent }
  | { readonly kind: "status"; readonly status: SessionStatus }
  | { readonly kind: "ready"; readonly status: SessionStatus };

/** A plain object of any realm (a structured clone may be made in another realm's Object). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/**
 * Replaces the functions in a call's arguments (at the top level and inside plain option objects,
 * two levels down) by tokens; `callbacks` collects them in token order.
 */
export function encodeArgs(args: readonly unknown[], callbacks: ((...a: unknown[]) => void)[]): unknown[] {
  const encode = (value: unknown, depth: number): unknown => {
    if (typeof value === "function") {
      callbacks.push(value as (...a: unknown[]) => void);
      return { __callback: callbacks.length - 1 } satisfies CallbackToken;
    }
    if (depth > 0 && isPlainObject(value))
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encode(v, depth - 1)]));
    return value;
  };
  return args.map((a) => encode(a, 2));
}

/** The worker's side of encodeArgs: each token becomes a function that posts its arguments back. */
export function decodeArgs(
  args: readonly unknown[],
  call: (token: number, args: unknown[]) => void,
): unknown[] {
  const decode = (value: unknown, depth: number): unknown => {
    if (isPlainObject(value) && typeof value.__callback === "number" && Object.keys(value).length === 1) {
      const token = value.__callback;
      return (...a: unknown[]) => call(token, a);
    }
    if (depth > 0 && isPlainObject(value))
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decode(v, depth - 1)]));
    return value;
  };
  return args.map((a) => decode(a, 2));
}

export function serialiseError(error: unknown): SerialisedError {
  if (!(error instanceof Error)) return { name: "Error", message: String(error), fields: {} };
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error))
    if (["string", "number", "boolean"].includes(typeof value) || value === null) fields[key] = value;
  return { name: error.name, message: error.message, fields };
}

/** The error as the page sees it: the host's own classes where the name says so. */
export function reviveError(e: SerialisedError): Error {
  const text = (key: string): string => {
    const value = e.fields[key];
    return typeof value === "string" ? value : "";
  };
  let error: Error;
  if (e.name === "ApplyError")
    error = new ApplyError(
      e.message,
      text("sheet"),
      text("step"),
      undefined,
      e.fields.restored !== false,
      (text("kind") || undefined) as ApplyStepKind | undefined,
      text("range") || undefined,
    );
  else if (e.name === "CellWriteError") error = new CellWriteError(e.message, text("sheet"), text("address"));
  else {
    error = new Error(e.message);
    error.name = e.name;
    Object.assign(error, e.fields);
  }
  return error;
}
