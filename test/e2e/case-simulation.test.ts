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
import * as os from "node:os";
import * as path from "node:path";
import { chromium, type BrowserContext, type Locator, type Page } from "playwright-core";
import { startPreviewServer, type PreviewServer } from "../../scripts/preview-server";
import { CHROMIUM, CHROMIUM_FLAGS } from "./chromium";

const ROOT = path.resolve(__dirname, "../..");
const ARTIFACTS = path.join(ROOT, "test-artifacts", "e2e");
const STEP_TIMEOUT_MS = 90_000;
const describeInBrowser = fs.existsSync(CHROMIUM) ? describe : describe.skip;

describeInBrowser("business-case simulation in the browser", () => {
  let server: PreviewServer;
  let context: BrowserContext;
  let page: Page;
  let profile = "";
  const workers: string[] = [];
  const pageErrors: string[] = [];
  const pane = (): Locator => page.getByTestId("preview-pane");
  const paneTab = (name: string): Locator => pane().getByRole("tab", { name, exact: true });

  beforeAll(async () => {
    if (!fs.existsSync(path.join(ROOT, "dist-preview", "index.html")))
      throw new Error("dist-preview/index.html is missing: run `npm run build` first");
    server = await startPreviewServer({ root: ROOT, port: 0 });
    profile = fs.mkdtempSync(path.join(os.tmpdir(), "genai-e2e-case-"));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_FLAGS,
      viewport: { width: 1440, height: 900 },
      timeout: STEP_TIMEOUT_MS,
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    page.on("worker", (worker) => workers.push(worker.url()));
    page.on("pageerror", (error) => pageErrors.push(error.message));
  }, 120_000);

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await server?.close();
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
  });

  it("runs 10,000 trials in the simulation worker, the page responsive, and shows the results", async () => {
    await page.goto(server.url);
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
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    fs.writeFileSync(
      path.join(ARTIFACTS, "case-simulation.json"),
      JSON.stringify(
        { trials: 10_000, run_ms_click_to_results: runMs, longest_page_pause_ms: gapMs },
        null,
        2,
      ) + "\n",
    );
  }, 300_000);
});
