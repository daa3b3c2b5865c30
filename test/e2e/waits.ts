/**
 * Waiting on the page the way the end-to-end tests do: the preview answers edits a moment later
 * (the workbook computes in a Web Worker), so a test polls what it reads until it is right, and a
 * failure says what it waited for and the last value it saw.
 */
import type { Locator, Page } from "playwright-core";
import { parseCell } from "../../src/shared/a1";

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

/**
 * The cell at `address` ("Sheet!B61") once it is in the page: the grid renders only the cells in
 * view (plus a margin), so a cell further down or right is scrolled to first, as a user scrolls
 * to it. The scroll is estimated from Excel's default sizes (22 px rows, 64 px columns; the
 * sheet's own are as large or larger), which lands the cell within the rendered margin.
 */
export async function revealCell(page: Page, address: string, timeoutMs = 30_000): Promise<Locator> {
  const locator = page.locator(`[data-address="${address}"]`);
  if ((await locator.count()) > 0) return locator;
  const { row, column } = parseCell(address.slice(address.lastIndexOf("!") + 1));
  await page.evaluate(
    ({ row, column }) => {
      const box = document.querySelector('[data-testid="preview-grid"]')?.parentElement;
      if (!box) return;
      box.scrollTop = Math.max(0, (row - 8) * 22);
      box.scrollLeft = Math.max(0, (column - 3) * 64);
    },
    { row, column },
  );
  await locator.waitFor({ state: "attached", timeout: timeoutMs });
  return locator;
}
