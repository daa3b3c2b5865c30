/**
 * The preview never loses work, and its files round-trip, in a real browser (Debian's chromium,
 * playwright-core, the built preview served as `npm start` serves it):
 *
 * - reload: build the complete model, edit an ROI input and a use case's score in the grid, wait
 *   until the workbook is kept in the browser's storage, reload (the page asks first: the
 *   workbook has unsaved changes), and every cell of every sheet and every figure of the Summary
 *   is back;
 * - round trip: save the workbook as .xlsx (a download), open that file in a fresh browser
 *   profile (nothing stored), and every cell and Summary figure is the same again.
 *
 * "Every cell" is the grid's text of each cell of each sheet (the sheets here are small enough
 * for the grid to render all rows). Needs `npm run build` first; skipped without chromium, a
 * failure with CI=true.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { startPreviewServer, type PreviewServer } from "../../scripts/preview-server";
import { planCompleteModel } from "../../src/templates/index";
import { DEFAULT_PORTFOLIO_ROWS } from "../../src/templates/portfolio";
import { CHROMIUM, CHROMIUM_FLAGS } from "./chromium";
import { forEachGridScreen } from "./waits";

/** "ROI!B6"-style address of the cell a workbook name of the default complete model points at. */
function addressOf(name: string): string {
  const plans = planCompleteModel({
    data: "sample",
    currency: "NT$",
    locale: "en",
    rows: DEFAULT_PORTFOLIO_ROWS,
  });
  for (const plan of plans) {
    const found = plan.names.find((n) => n.name === name);
    if (found) return `${plan.sheet}!${found.range.replace(/\$/g, "").split(":")[0]}`;
  }
  throw new Error(`no plan defines ${name}`);
}

const ROOT = path.resolve(__dirname, "../..");
const ARTIFACTS = path.join(ROOT, "test-artifacts", "e2e");
const CI = Boolean(process.env.CI) && process.env.CI !== "false";
const STEP_TIMEOUT_MS = 120_000;
const SHEETS = ["Portfolio", "Rollout", "ROI", "Stress"];
const SUMMARY = [
  "summary-annual-roi",
  "summary-pv-roi",
  "summary-payback",
  "summary-loss-probability",
  "summary-top-use-cases",
];

const haveChromium = fs.existsSync(CHROMIUM);
if (!haveChromium) {
  const message = `The browser file tests need chromium at ${CHROMIUM} (or set CHROMIUM_PATH).`;
  if (CI) throw new Error(`${message} CI must install it.`);
  console.warn(`${message} Skipping them on this machine.`);
}
const describeInBrowser = haveChromium ? describe : describe.skip;

/** What a user sees of the workbook: each sheet's cells by address, and the Summary's figures. */
type Outputs = Record<string, string>;

async function outputs(page: Page): Promise<Outputs> {
  const out: Outputs = {};
  for (const sheet of SHEETS) {
    await page
      .getByRole("tablist", { name: "Sheets" })
      .getByRole("tab", { name: sheet, exact: true })
      .click();
    await page.locator(`[data-testid="preview-grid"][data-sheet="${sheet}"]`).waitFor();
    // The grid renders the cells in view (and a margin): every cell is read by scrolling over the
    // whole sheet, a screen at a time, down and across, as a user would.
    await forEachGridScreen(page, async () => {
      const cells = await page.$$eval(`[data-address^="${sheet}!"]`, (elements) =>
        elements.map((e) => [(e as HTMLElement).dataset.address ?? "", (e.textContent ?? "").trim()]),
      );
      for (const [address, text] of cells) out[address] = text;
    });
  }
  for (const id of SUMMARY) out[id] = ((await page.getByTestId(id).textContent()) ?? "").trim();
  return out;
}

async function waitUntilStored(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.querySelector<HTMLElement>('[data-testid="workbook-state"]')?.dataset.stored === "true",
    undefined,
    { timeout: STEP_TIMEOUT_MS },
  );
}

/** Types a value into an input cell through the grid. */
async function typeInto(page: Page, address: string, text: string): Promise<void> {
  const [sheet] = address.split("!");
  await page.getByRole("tablist", { name: "Sheets" }).getByRole("tab", { name: sheet, exact: true }).click();
  await page.locator(`[data-address="${address}"]`).click();
  // F2 edits the selected cell in place, as in Excel (Enter moves down).
  await page.keyboard.press("F2");
  const editor = page.getByLabel(`Edit ${address}`);
  await editor.fill(text);
  await page.keyboard.press("Enter");
  await page.waitForFunction(
    ([a, t]) => document.querySelector(`[data-address="${a}"]`)?.textContent?.trim() === t,
    [address, text] as const,
    { timeout: STEP_TIMEOUT_MS },
  );
}

describeInBrowser("the preview keeps and round-trips the workbook in a real browser", () => {
  let server: PreviewServer;
  const contexts: BrowserContext[] = [];
  const profiles: string[] = [];
  const pageErrors: string[] = [];
  let page: Page;
  let edited: Outputs;
  let saved: string;

  async function freshPage(): Promise<Page> {
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), "genai-e2e-files-"));
    profiles.push(profile);
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_FLAGS,
      viewport: { width: 1440, height: 900 },
      acceptDownloads: true,
      timeout: STEP_TIMEOUT_MS,
    });
    contexts.push(context);
    const p = context.pages()[0] ?? (await context.newPage());
    p.setDefaultTimeout(STEP_TIMEOUT_MS);
    p.on("pageerror", (error) => pageErrors.push(error.message));
    await context.route(
      (url) => url.hostname !== "localhost" && url.protocol !== "data:" && url.protocol !== "blob:",
      (route) => {
        pageErrors.push(`network request outside localhost: ${route.request().url()}`);
        return route.abort();
      },
    );
    await p.goto(server.url);
    await p.getByTestId("preview-pane").getByRole("tab", { name: "Build", exact: true }).waitFor();
    return p;
  }

  beforeAll(async () => {
    if (!fs.existsSync(path.join(ROOT, "dist-preview", "index.html")))
      throw new Error("dist-preview/index.html is missing: run `npm run build` first");
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    server = await startPreviewServer({ root: ROOT, port: 0 });
    page = await freshPage();
  }, STEP_TIMEOUT_MS);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await server?.close();
    for (const profile of profiles) fs.rmSync(profile, { recursive: true, force: true });
  });

  it("builds the complete model and takes two edits from the grid", async () => {
    const pane = page.getByTestId("preview-pane");
    await page.getByTestId("grid-empty").waitFor();
    await pane.getByRole("button", { name: "Build complete model" }).click();
    await page
      .getByRole("tablist", { name: "Sheets" })
      .getByRole("tab", { name: "Stress", exact: true })
      .waitFor();
    const before = await outputs(page);
    await typeInto(page, addressOf("AgentsAfter"), "40");
    await typeInto(page, "Portfolio!C11", "1");
    edited = await outputs(page);
    // The edits moved the outputs: the ROI, and the first use case's score and rank.
    expect(edited["summary-annual-roi"]).not.toBe(before["summary-annual-roi"]);
    expect(edited["Portfolio!I11"]).not.toBe(before["Portfolio!I11"]);
    expect(edited["Portfolio!K11"]).not.toBe(before["Portfolio!K11"]);
    expect(Object.keys(edited).length).toBeGreaterThan(500);
  }, 300_000);

  it("asks before a reload with unsaved changes, and after it everything is back", async () => {
    await waitUntilStored(page);
    expect(await page.getByTestId("workbook-state").getAttribute("data-unsaved")).toBe("true");
    const asked: string[] = [];
    page.once("dialog", (dialog) => {
      asked.push(dialog.type());
      void dialog.accept();
    });
    await page.reload();
    expect(asked).toEqual(["beforeunload"]);
    await page
      .getByRole("tablist", { name: "Sheets" })
      .getByRole("tab", { name: "Stress", exact: true })
      .waitFor();
    await page.getByTestId("preview-pane").getByTestId("summary-annual-roi").waitFor({ state: "attached" });
    await page.waitForFunction(
      (text) => document.querySelector('[data-testid="summary-annual-roi"]')?.textContent?.trim() === text,
      edited["summary-annual-roi"],
    );
    expect(await outputs(page)).toEqual(edited);
    await page.screenshot({ path: path.join(ARTIFACTS, "10-after-reload.png") });
  }, 300_000);

  it("saves the workbook as .xlsx, and it counts as saved", async () => {
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Save as .xlsx" }).click();
    saved = path.join(ARTIFACTS, (await download).suggestedFilename());
    await (await download).saveAs(saved);
    expect(fs.statSync(saved).size).toBeGreaterThan(10_000);
    await page.waitForFunction(
      () =>
        document.querySelector<HTMLElement>('[data-testid="workbook-state"]')?.dataset.unsaved === "false",
    );
  }, 300_000);

  it("opens the saved file in a fresh browser profile with the same figures on every output", async () => {
    const fresh = await freshPage();
    await fresh.getByTestId("grid-empty").waitFor();
    await fresh.getByTestId("open-file").setInputFiles(saved);
    await fresh
      .getByTestId("file-message")
      .getByText(/as the model/)
      .waitFor();
    await fresh.waitForFunction(
      (text) => document.querySelector('[data-testid="summary-annual-roi"]')?.textContent?.trim() === text,
      edited["summary-annual-roi"],
    );
    expect(await outputs(fresh)).toEqual(edited);
    expect(await fresh.getByTestId("workbook-state").getAttribute("data-unsaved")).toBe("false");
    await fresh.screenshot({ path: path.join(ARTIFACTS, "11-after-open.png") });
  }, 300_000);

  it("raised no error in the pages", () => {
    expect(pageErrors).toEqual([]);
  });
});
