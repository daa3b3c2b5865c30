/**
 * Waiting on the page the way the end-to-end tests do: the preview answers edits a moment later
 * (the workbook computes in a Web Worker), so a test polls what it reads until it is right, and a
 * failure says what it waited for and the last value it saw.
 */
import type { Locator } from "playwright-core";

/** Polls `read` until `accept` takes its value; fails after `timeoutMs` with the last value seen. */
export async function until<T>(
  what: string,
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    try {
      last = await read();
      if (accept(last)) return last;
    } catch {
      // Not there yet.
    }
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}; last saw ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A locator's text as the user reads it (trimmed; empty when it has none). */
export const text = async (locator: Locator): Promise<string> => ((await locator.textContent()) ?? "").trim();
