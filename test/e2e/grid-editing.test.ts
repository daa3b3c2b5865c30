/**
 * The preview's grid edits like Excel, end to end in headless Chromium against the built preview
 * (dist-preview/, served as `npm start` serves it). Each step protects one behaviour a user relies
 * on: Tab and Enter (and their Shift forms) commit and move, so a row typed with Tab fills the row;
 * a click on the selected cell does not append to it; typing replaces, F2 and a double click edit
 * in place, Escape cancels; ranges by drag, Shift+click and Shift+arrows; Delete clears only the
 * inputs and says what it left; Ctrl+Z / Ctrl+Y undo and redo entries, clears and row operations;
 * table rows are inserted, deleted and cleared from the context menu, and the Portfolio scores and
 * ranks right after each.
 *
 * Where chromium is missing the test says so and is skipped; with CI=true it fails instead.
 * Needs the production build: `npm test` builds first; run `npm run build` before jest alone.
 */
import * as path from "node:path";
import type { Locator, Page } from "playwright-core";
import { ARTIFACTS, describeInBrowser as browserSuite, openPreview, type OpenedPreview } from "./browser";
import { revealCell, text, until as untilWithin } from "./waits";

const STEP_TIMEOUT_MS = 60_000;

/** Waits up to one step's time for `read` to give a value `accept` takes. */
const until = <T>(
  what: string,
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs = STEP_TIMEOUT_MS,
): Promise<T> => untilWithin(what, read, accept, timeoutMs);

const describeInBrowser = browserSuite("The grid's end-to-end test");

describeInBrowser("the preview's grid edits like Excel", () => {
  let browser: OpenedPreview;
  let page: Page;
  let pageErrors: string[] = [];
  /** The ROI sheet's "agents after AI" input, found by its value 35. */
  let agentsAddress = "";

  const cell = (address: string): Locator => page.locator(`[data-address="${address}"]`);
  const pane = (): Locator => page.getByTestId("preview-pane");
  const sheetTab = (name: string): Locator =>
    page.getByRole("tablist", { name: "Sheets" }).getByRole("tab", { name, exact: true });
  const nameBox = (): Promise<string> => text(page.getByTestId("name-box"));
  const message = (): Locator => page.getByTestId("grid-message");

  async function waitForText(address: string, expected: string): Promise<void> {
    await until(
      `${address} to show ${JSON.stringify(expected)}`,
      async () => text(await revealCell(page, address)),
      (t) => t === expected,
    );
  }

  /** The texts of a row's cells from column A, as the grid shows them. */
  async function rowTexts(sheet: string, row: number, letters: string): Promise<string[]> {
    // One at a time: each is scrolled to, as a user reads a row wider than the screen.
    const texts: string[] = [];
    for (const c of letters) texts.push(await text(await revealCell(page, `${sheet}!${c}${row}`)));
    return texts;
  }

  async function menu(address: string, item: string): Promise<void> {
    await (await revealCell(page, address)).click({ button: "right" });
    await page.getByRole("menuitem", { name: item }).click();
  }

  /** Scores (column I) and ranks (column K) of the UseCases rows in view: every rank is 1 + the higher scores. */
  async function expectRanksFollowScores(firstRow: number, lastRow: number): Promise<void> {
    await until(
      "ranks to follow the scores",
      async () => {
        const scores: number[] = [];
        const ranks: number[] = [];
        for (let r = firstRow; r <= lastRow; r++) {
          const score = await text(await revealCell(page, `Portfolio!I${r}`));
          const rank = await text(await revealCell(page, `Portfolio!K${r}`));
          if (score === "") continue;
          scores.push(Number(score));
          ranks.push(Number(rank));
        }
        return scores.map((s, i) => ranks[i] === scores.filter((x) => x > s).length + 1);
      },
      (ok) => ok.length > 0 && ok.every(Boolean),
    );
  }

  beforeAll(async () => {
    browser = await openPreview({
      profile: "genai-e2e-grid-",
      stepTimeoutMs: STEP_TIMEOUT_MS,
      consoleErrors: true,
    });
    ({ page, pageErrors } = browser);
    await page.goto(browser.server.url);
    await pane().getByRole("tab", { name: "Build", exact: true }).click();
    await pane().getByRole("button", { name: "Build complete model" }).click();
    await sheetTab("Stress").waitFor();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
  });

  it("inserts a table row from the context menu and fills it with Tab, moving right on each commit", async () => {
    await sheetTab("Portfolio").click();
    const before = await rowTexts("Portfolio", 12, "AB");
    await menu("Portfolio!A12", "Insert table rows above");
    await waitForText("Portfolio!A12", "");
    expect(await rowTexts("Portfolio", 13, "AB")).toEqual(before);
    await cell("Portfolio!A12").click();
    for (const entry of ["Chat triage", "IT", "5", "1", "5", "5"]) {
      await page.keyboard.type(entry);
      await page.keyboard.press("Tab");
    }
    expect(await nameBox()).toBe("Portfolio!G12");
    await page.keyboard.press("Shift+Tab");
    expect(await nameBox()).toBe("Portfolio!F12");
    // Each commit reaches the workbook and comes back to the grid a moment later: wait for the
    // last one rather than read the row while it is on its way.
    const typed = ["Chat triage", "IT", "5", "1", "5", "5"];
    await until(
      "the typed row to show in the grid",
      () => rowTexts("Portfolio", 12, "ABCDEF"),
      (row) => JSON.stringify(row) === JSON.stringify(typed),
    );
    // The calculated columns came with the new row: score, quadrant and rank right away.
    await waitForText("Portfolio!I12", "100.00");
    await waitForText("Portfolio!J12", "Quick Win");
    await waitForText("Portfolio!K12", "1");
    await expectRanksFollowScores(11, 26);
    await page.screenshot({ path: path.join(ARTIFACTS, "grid-01-inserted-row.png") });
  }, 120_000);

  it("commits with Enter and Shift+Enter moving down and up", async () => {
    await cell("Portfolio!G12").click();
    await page.keyboard.type("2000000");
    await page.keyboard.press("Enter");
    expect(await nameBox()).toBe("Portfolio!G13");
    await page.keyboard.press("Shift+Enter");
    expect(await nameBox()).toBe("Portfolio!G12");
    await page.keyboard.type("3000000");
    await page.keyboard.press("Shift+Enter");
    expect(await nameBox()).toBe("Portfolio!G11");
    await waitForText("Portfolio!G12", "NT$3,000,000");
  }, 60_000);

  it("does not append to a cell clicked twice: typing replaces it, F2 edits in place and Escape cancels", async () => {
    await sheetTab("ROI").click();
    const agents = page.locator('[data-address^="ROI!B"]', { hasText: /^35$/ }).first();
    const address = (await agents.getAttribute("data-address")) as string;
    agentsAddress = address;
    await agents.click();
    await agents.click();
    expect(await page.getByLabel(`Edit ${address}`).count()).toBe(0);
    await page.keyboard.type("40");
    await page.keyboard.press("Enter");
    await waitForText(address, "40");

    await cell(address).click();
    await page.keyboard.press("F2");
    const editor = page.getByLabel(`Edit ${address}`);
    expect(await editor.inputValue()).toBe("40");
    await page.keyboard.type("5");
    expect(await editor.inputValue()).toBe("405");
    await page.keyboard.press("Escape");
    await waitForText(address, "40");

    // A double click edits in place; a click inside the open editor keeps it open and places the caret.
    await cell(address).dblclick();
    await editor.click({ position: { x: 2, y: 5 } });
    await page.keyboard.type("1");
    expect(await editor.inputValue()).toBe("140");
    await page.keyboard.press("Escape");
    await waitForText(address, "40");
  }, 60_000);

  it("selects ranges by drag, Shift+click and Shift+arrows; Delete clears only inputs and says what it left", async () => {
    await sheetTab("Portfolio").click();
    const grid = page.getByTestId("preview-grid");
    // Drag from C12 to D13.
    await cell("Portfolio!C12").hover();
    await page.mouse.down();
    await cell("Portfolio!D13").hover();
    await page.mouse.up();
    expect(await grid.getAttribute("data-selection")).toBe("C12:D13");
    // Shift+arrows extend from the anchor.
    await cell("Portfolio!E12").click();
    await page.keyboard.press("Shift+ArrowRight");
    await page.keyboard.press("Shift+ArrowDown");
    expect(await grid.getAttribute("data-selection")).toBe("E12:F13");
    // Shift+click: the new use case's whole row, formulas included.
    await cell("Portfolio!A12").click();
    await cell("Portfolio!K12").click({ modifiers: ["Shift"] });
    expect(await grid.getAttribute("data-selection")).toBe("A12:K12");
    await page.keyboard.press("Delete");
    await until(
      "the clear's message",
      () => text(message()),
      (t) => /Cleared 7 cells; left 3 cells with formulas/.test(t),
    );
    // The message comes with the write's answer; the cleared cells with the next view of the sheet,
    // which the grid renders as a transition: a frame or two later.
    await until(
      "row 12's inputs to clear",
      () => rowTexts("Portfolio", 12, "ABCDEFG"),
      (texts) => texts.every((t) => t === ""),
    );
    expect(await rowTexts("Portfolio", 12, "ABCDEFG")).toEqual(["", "", "", "", "", "", ""]);
    // Formulas stay, and show blank for an empty use case.
    await waitForText("Portfolio!I12", "");
    await expectRanksFollowScores(11, 26);
  }, 60_000);

  it("undoes and redoes the clear and the entries with Ctrl+Z and Ctrl+Y", async () => {
    await page.keyboard.press("Control+z");
    await waitForText("Portfolio!A12", "Chat triage");
    await waitForText("Portfolio!I12", "100.00");
    expect(await rowTexts("Portfolio", 12, "CDEF")).toEqual(["5", "1", "5", "5"]);
    await page.keyboard.press("Control+y");
    await waitForText("Portfolio!A12", "");
    await page.keyboard.press("Control+z");
    await waitForText("Portfolio!A12", "Chat triage");
    // The edit before the clear was on the ROI sheet: undo goes there, as Excel's does.
    await page.keyboard.press("Control+z");
    await until(
      "the ROI sheet",
      () => sheetTab("ROI").getAttribute("aria-selected"),
      (v) => v === "true",
    );
    await waitForText(agentsAddress, "35");
    // Then the entry of G12 (3,000,000 back to 2,000,000), back on the Portfolio.
    await page.keyboard.press("Control+z");
    await waitForText("Portfolio!G12", "NT$2,000,000");
  }, 60_000);

  it("deletes and clears table rows from the context menu, and undoes both", async () => {
    const next = await rowTexts("Portfolio", 13, "A");
    await menu("Portfolio!B12", "Delete table rows");
    await waitForText("Portfolio!A12", next[0]);
    await expectRanksFollowScores(11, 25);
    await page.keyboard.press("Control+z");
    await waitForText("Portfolio!A12", "Chat triage");
    await waitForText("Portfolio!K12", "1");

    await menu("Portfolio!C12", "Clear table rows");
    await waitForText("Portfolio!A12", "");
    await waitForText("Portfolio!I12", "");
    await page.keyboard.press("Control+z");
    await waitForText("Portfolio!A12", "Chat triage");
    await expectRanksFollowScores(11, 26);
    await page.screenshot({ path: path.join(ARTIFACTS, "grid-02-row-operations.png") });
  }, 90_000);

  it("refuses row operations outside a table, and says why", async () => {
    await menu("Portfolio!B5", "Delete table rows");
    await until(
      "the refusal",
      () => text(message()),
      (t) => /inside a table/.test(t),
    );
  }, 30_000);

  it("raised no error in the page", () => {
    expect(pageErrors).toEqual([]);
  });
});
