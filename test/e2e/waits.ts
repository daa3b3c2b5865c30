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
 * sheet's own are as large or larger), which lands the cell within the rendered margin. It is
 * made once the grid shows the cell's sheet, and again until the cell is there: a sheet that has
 * just been opened puts its own scroll position back as it renders, as it would under a user.
 */
export async function revealCell(page: Page, address: string, timeoutMs = 30_000): Promise<Locator> {
  const locator = page.locator(`[data-address="${address}"]`);
  const bang = address.lastIndexOf("!");
  const sheet = address
    .slice(0, bang)
    .replace(/^'(.*)'$/, "$1")
    .replace(/''/g, "'");
  const { row, column } = parseCell(address.slice(bang + 1));
  const deadline = Date.now() + timeoutMs;
  while ((await locator.count()) === 0) {
    if (Date.now() > deadline)
      throw new Error(`${address} was not rendered within ${timeoutMs} ms of scrolling to it`);
    await page.evaluate(
      ({ row, column, sheet }) =>
        new Promise<void>((resolve) => {
          const grid = document.querySelector('[data-testid="preview-grid"]');
          const box = grid?.parentElement;
          if (box && grid?.getAttribute("data-sheet") === sheet) {
            box.scrollTop = Math.max(0, (row - 8) * 22);
            box.scrollLeft = Math.max(0, (column - 3) * 64);
          }
          requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
        }),
      { row, column, sheet },
    );
    await page.waitForTimeout(50);
  }
  return locator;
}

/** Scrolls the preview's grid to a position and resolves once the cells there have rendered. */
async function scrollGrid(page: Page, at: { top: number; left: number }): Promise<void> {
  await page.evaluate(
    ({ top, left }) =>
      new Promise<void>((resolve) => {
        const box = document.querySelector('[data-testid="preview-grid"]')?.parentElement;
        if (box) {
          box.scrollTop = top;
          box.scrollLeft = left;
        }
        requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
      }),
    at,
  );
}

/**
 * Visits the whole active sheet as a user reads it: the grid renders only the cells in view (and a
 * margin), so it is scrolled a half screen at a time, down and across, and `visit` runs once each
 * screen has rendered; then back to the top-left corner, where the user (and the next step) began.
 */
export async function forEachGridScreen(page: Page, visit: () => Promise<void>): Promise<void> {
  const size = await page.evaluate(() => {
    const box = document.querySelector('[data-testid="preview-grid"]')?.parentElement;
    return box
      ? {
          height: box.scrollHeight,
          width: box.scrollWidth,
          stepY: box.clientHeight / 2,
          stepX: box.clientWidth / 2,
        }
      : null;
  });
  if (!size) return;
  for (let top = 0; top < size.height; top += size.stepY)
    for (let left = 0; left < size.width; left += size.stepX) {
      await scrollGrid(page, { top, left });
      await visit();
    }
  await scrollGrid(page, { top: 0, left: 0 });
}
