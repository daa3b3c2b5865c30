/**
 * The business-case simulation in the browser (the built preview, dist-preview/): the Simulate
 * panel runs 10,000 trials of the seed's whole monthly model in a worker of its own (not on the
 * page's thread, not in the workbook's worker), with the page responsive throughout, and shows
 * the results and charts. Records how long the run took and the longest pause of the page's
 * thread in test-artifacts/e2e/case-simulation.json.
 *
 * Needs the production build (`npm run build`); skipped without chromium, as the other browser
 * tests are.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { Locator, Page } from "playwright-core";
import { ARTIFACTS, describeInBrowser, type OpenedPreview, openPreview } from "./browser";

const STEP_TIMEOUT_MS = 90_000;

describeInBrowser("The business-case simulation")("business-case simulation in the browser", () => {
  let browser: OpenedPreview;
  let page: Page;
  let pageErrors: string[] = [];
  const workers: string[] = [];
  const pane = (): Locator => page.getByTestId("preview-pane");
  const paneTab = (name: string): Locator => pane().getByRole("tab", { name, exact: true });

  beforeAll(async () => {
    browser = await openPreview({ profile: "genai-e2e-case-", stepTimeoutMs: STEP_TIMEOUT_MS });
    ({ page, pageErrors } = browser);
    page.on("worker", (worker) => workers.push(worker.url()));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it("runs 10,000 trials in the simulation worker, the page responsive, and shows the results", async () => {
    await page.goto(browser.server.url);
    await paneTab("Build").click();
    await pane().getByRole("button", { name: "Build complete model" }).click();
    await page
      .getByRole("tablist", { name: "Sheets" })
      .getByRole("tab", { name: "Stress", exact: true })
      .waitFor();
    await paneTab("Simulate").click();
    const trials = pane().getByRole("spinbutton", { name: "Trials" });
    await trials.fill("10000");
    const before = workers.length;
    // The page's longest pause while the run goes on: a timer that should fire every 10 ms.
    await page.evaluate(() => {
      const w = window as unknown as { gap: number; last: number; timer: number };
      w.gap = 0;
      w.last = performance.now();
      w.timer = window.setInterval(() => {
        const now = performance.now();
        w.gap = Math.max(w.gap, now - w.last);
        w.last = now;
      }, 10);
    });
    const started = Date.now();
    await pane().getByRole("button", { name: "Simulate the business case" }).click();
    await pane().getByTestId("case-statistics").waitFor();
    const runMs = Date.now() - started;
    const gapMs = await page.evaluate(() => {
      const w = window as unknown as { gap: number; timer: number };
      window.clearInterval(w.timer);
      return w.gap;
    });
    // A worker of its own started for the run (the workbook's worker was there before).
    expect(workers.length).toBe(before + 1);
    for (const id of ["case-cdf", "case-tornado", "case-spider"])
      expect(await pane().getByTestId(id).getAttribute("role")).toBe("img");
    const probability = await pane()
      .getByTestId("case-probabilities")
      .locator("td")
      .first()
      .getAttribute("data-value");
    expect(Number(probability)).toBeGreaterThanOrEqual(0);
    expect(Number(probability)).toBeLessThanOrEqual(1);
    expect(pageErrors).toEqual([]);
    fs.writeFileSync(
      path.join(ARTIFACTS, "case-simulation.json"),
      JSON.stringify(
        { trials: 10_000, run_ms_click_to_results: runMs, longest_page_pause_ms: gapMs },
        null,
        2,
      ) + "\n",
    );
  }, 300_000);

  it("finds the benefit realisation for a goal on P(annual ROI < 0) in the simulation worker", async () => {
    // Follows the run above: the model is built and the Simulate panel open, 10,000 trials.
    await pane().getByRole("spinbutton", { name: "Trials" }).fill("2000");
    await pane().getByRole("textbox", { name: "Target (%)" }).fill("5");
    const before = workers.length;
    await pane().getByRole("button", { name: "Find the value" }).click();
    const answer = pane().getByTestId("statistic-seek-answer").first();
    await answer.waitFor();
    // Each seek starts a worker of its own, as a run does.
    expect(workers.length).toBe(before + 1);
    expect(await answer.textContent()).toMatch(
      /^Benefit realisation needs at least \d+(\.\d)?%: P\(annual ROI < 0\) is then \d+(\.\d)?% \(goal ≤ 5\.0%\)\.$/,
    );
    await pane().getByRole("button", { name: "Apply" }).click();
    await pane().getByText("Written to the workbook; the sheets recalculate with it.").waitFor();
    expect(pageErrors).toEqual([]);
  }, 300_000);
});
