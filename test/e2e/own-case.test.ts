/**
 * A user's own business case, end to end in headless Chromium against the built preview
 * (dist-preview/): a blank model, then a contract-review case of four benefits and five costs
 * typed through the grid (table rows inserted from the context menu, labels, amounts and timings
 * typed into the Benefits and Costs tables). The ROI sheet's annual ROI and the pane's Summary
 * must equal the engine's financialSummary on the same lines, and no seed wording may show. The
 * Stress sheet, built with a blank model's four rows, then covers all nine lines with no rebuild:
 * the pane appends the rows it lacks, and its tornado and simulation read every line.
 *
 * Where chromium is missing the test says so and is skipped; with CI=true it fails instead.
 * Needs the production build: `npm test` builds first; run `npm run build` before jest alone.
 */
import * as path from "node:path";
import type { Locator, Page } from "playwright-core";
import { financialSummary, type BenefitLine, type CostLine } from "../../src/engine/line-items";
import { parseRange } from "../../src/shared/a1";
import { formatValue } from "../../src/templates/formats";
import { planCompleteModel } from "../../src/templates/index";
import { ARTIFACTS, describeInBrowser as browserSuite, openPreview, type OpenedPreview } from "./browser";
import { forEachGridScreen, revealCell, text, until as untilWithin } from "./waits";

const STEP_TIMEOUT_MS = 60_000;

/** Waits up to one step's time for `read` to give a value `accept` takes. */
const until = <T>(
  what: string,
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs = STEP_TIMEOUT_MS,
): Promise<T> => untilWithin(what, read, accept, timeoutMs);

const describeInBrowser = browserSuite("The own-case end-to-end test");

/** The blank model's plans: where the line tables and the outputs are before any row is added. */
const BLANK = planCompleteModel({ data: "blank", currency: "NT$", locale: "en" });
function firstRowOf(name: string): number {
  for (const plan of BLANK) {
    const found = plan.names.find((n) => n.name === name);
    if (found) return parseRange(found.range).top + 1;
  }
  throw new Error(`no plan defines ${name}`);
}
function addressOf(name: string): string {
  for (const plan of BLANK) {
    const found = plan.names.find((n) => n.name === name);
    if (found) return `${plan.sheet}!${found.range.replace(/\$/g, "")}`;
  }
  throw new Error(`no plan defines ${name}`);
}

// The contract-review case: its own words, four benefits and five costs, one of them one-off.
const BENEFITS = [
  { label: "Lawyer hours saved", amount: 2_400_000, timing: "Company" },
  { label: "Faster contract turnaround", amount: 1_500_000, timing: "Company" },
  { label: "Fewer missed obligations", amount: 800_000, timing: "Fixed" },
  { label: "Outside counsel avoided", amount: 600_000, timing: "Company" },
] as const;
const COSTS = [
  { label: "Review platform licence", amount: 720_000, kind: "Recurring" },
  { label: "Legal engineer", amount: 960_000, kind: "Recurring" },
  { label: "Model usage", amount: 180_000, kind: "Recurring" },
  { label: "Training the lawyers", amount: 300_000, kind: "One-off" },
  { label: "Governance review", amount: 120_000, kind: "Recurring" },
] as const;

/** The engine's annual ROI on the same lines (the run-rate year does not depend on adoption). */
function engineAnnualRoi(): number {
  const benefits: BenefitLine[] = BENEFITS.map((b) => ({
    label: b.label,
    annual: b.amount,
    timing: b.timing === "Fixed" ? "fixed" : "company",
  }));
  const costs: CostLine[] = COSTS.map((c) => ({
    label: c.label,
    amount: c.amount,
    kind: c.kind === "One-off" ? "oneOff" : "recurring",
  }));
  const summary = financialSummary({
    benefits,
    costs,
    settings: {
      companyAdoption: new Array<number>(37).fill(1),
      monthsPerYear: 12,
      benefitRealisation: 1,
      scenario: "Base",
      usagePriceChange: 0,
      discountRate: 0.1,
    },
  });
  return summary.annualRoi as number;
}

describeInBrowser("a user's own case typed through the preview's grid", () => {
  let browser: OpenedPreview;
  let page: Page;
  let pageErrors: string[] = [];

  const cell = (address: string): Locator => page.locator(`[data-address="${address}"]`);
  const pane = (): Locator => page.getByTestId("preview-pane");
  const sheetTab = (name: string): Locator =>
    page.getByRole("tablist", { name: "Sheets" }).getByRole("tab", { name, exact: true });
  const nameBox = (): Promise<string> => text(page.getByTestId("name-box"));
  /** The text of a cell, scrolled into the page first (the grid renders the cells in view). */
  const shownText = async (address: string): Promise<string> => text(await revealCell(page, address));
  /** Texts of cells one after another (each may scroll the grid). */
  const shownTexts = async (addresses: readonly string[]): Promise<string[]> => {
    const out: string[] = [];
    for (const address of addresses) out.push(await shownText(address));
    return out;
  };

  /**
   * Every text of the active sheet, read as a user reads it: the grid scrolled over the whole
   * sheet a half screen at a time, down and across, each screen read once it has rendered.
   */
  async function wholeSheetText(): Promise<string> {
    const parts: string[] = [];
    await forEachGridScreen(page, async () => {
      parts.push((await page.getByRole("grid").first().textContent()) ?? "");
    });
    return parts.join("\n");
  }

  /** Moves the selection to a row of the ROI sheet by the keyboard (the grid draws only rows in view). */
  async function goTo(row: number): Promise<void> {
    // Focus the grid on the selected cell (a click on a selected cell does not edit it).
    const selected = await nameBox();
    const shown = cell(selected.includes("!") ? selected : "ROI!A4");
    await ((await shown.count()) > 0 ? shown : cell("ROI!A4")).click();
    // Arrow by arrow, reading where the selection is (a key pressed while the grid redraws after
    // a row insertion may be lost).
    await until(
      `row ${row} to be selected`,
      async () => {
        const current = Number((await nameBox()).replace(/^.*![A-Z]+/, ""));
        const steps = row - current;
        for (let k = 0; k < Math.min(Math.abs(steps), 20); k++)
          await page.keyboard.press(steps > 0 ? "ArrowDown" : "ArrowUp");
        return nameBox();
      },
      (v) => new RegExp(`^ROI![A-Z]+${row}$`).test(v),
    );
  }

  async function typeAt(address: string, entry: string): Promise<void> {
    await cell(address).click();
    await page.keyboard.type(entry);
    await page.keyboard.press("Enter");
  }

  async function insertAbove(row: number): Promise<void> {
    await goTo(row);
    await cell(`ROI!A${row}`).click({ button: "right" });
    await page.getByRole("menuitem", { name: "Insert table rows above" }).click();
  }

  beforeAll(async () => {
    browser = await openPreview({ profile: "genai-e2e-own-", stepTimeoutMs: STEP_TIMEOUT_MS });
    ({ page, pageErrors } = browser);
    await page.goto(browser.server.url);
    await pane().getByRole("tab", { name: "Build", exact: true }).click();
    await pane().getByRole("radio", { name: "Blank inputs" }).check();
    await pane().getByRole("button", { name: "Build complete model" }).click();
    await sheetTab("Stress").waitFor();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
  });

  it("starts blank: a neutral title, no seed wording, and an annual ROI that reads blank", async () => {
    await sheetTab("ROI").click();
    await until(
      "the ROI title",
      () => text(cell("ROI!A1")),
      (t) => t === "ROI: business case",
    );
    expect(await shownText(addressOf("AnnualROI"))).toBe("");
    const sheet = await wholeSheetText();
    expect(sheet).toMatch(/ROI: business case/);
    expect(sheet).not.toMatch(/agent|customer-service|churn/i);
  }, 60_000);

  it("takes four benefits and five costs typed into the tables, and the annual ROI is the engine's", async () => {
    const benefitTop = firstRowOf("RoiBenefitLabels");
    const costTop = firstRowOf("RoiCostLabels");
    // The blank tables have two rows each: insert the rest between them, as a user would.
    for (let k = 0; k < BENEFITS.length - 2; k++) await insertAbove(benefitTop + 1);
    const costsAt = costTop + BENEFITS.length - 2;
    for (let k = 0; k < COSTS.length - 2; k++) await insertAbove(costsAt + 1);

    for (const [i, b] of BENEFITS.entries()) {
      const r = benefitTop + i;
      await goTo(r);
      await typeAt(`ROI!A${r}`, b.label);
      await typeAt(`ROI!F${r}`, String(b.amount));
      await typeAt(`ROI!H${r}`, b.timing);
    }
    for (const [i, c] of COSTS.entries()) {
      const r = costsAt + i;
      await goTo(r);
      await typeAt(`ROI!A${r}`, c.label);
      await typeAt(`ROI!F${r}`, String(c.amount));
      await typeAt(`ROI!H${r}`, c.kind);
    }
    await page.screenshot({ path: path.join(ARTIFACTS, "own-case-01-typed.png") });

    const expected = formatValue(engineAnnualRoi(), "percent", "NT$");
    expect(expected).toBe("167.7%"); // (5,300,000 − 1,980,000) / 1,980,000
    await pane().getByRole("tab", { name: "Summary", exact: true }).click();
    await until(
      "the summary's annual ROI",
      () => text(pane().getByTestId("summary-annual-roi")),
      (t) => t.includes(expected),
    );
    await goTo(firstRowOf("AnnualROI"));
    await until(
      "the ROI sheet's annual ROI",
      () => shownText(addressOf("AnnualROI")),
      (t) => t === expected,
    );
    expect(pageErrors).toEqual([]);
  }, 300_000);

  it("puts every typed line in the Stress sheet's rows, tornado and simulation, with no rebuild", async () => {
    const labels = [...BENEFITS, ...COSTS].map((l) => l.label);
    const sorted = (list: readonly string[]): string => [...list].sort().join(" | ");
    const top = firstRowOf("StressLabels");
    // Built with four rows (two per blank table): the Summary has appended the five it lacked,
    // so the rows below the table moved down by five.
    const grown = labels.length - 4;
    await sheetTab("Stress").click();
    await until(
      "the Stress sheet's line rows",
      () => shownTexts(labels.map((_, k) => `Stress!A${top + k}`)),
      (got) => got.join(" | ") === labels.join(" | "),
    );
    // The tornado columns rank every line, the typed ones all included.
    const tornadoColumn = "P";
    const tornado = await until(
      "the Stress sheet's tornado",
      () => shownTexts(labels.map((_, k) => `Stress!${tornadoColumn}${top + k}`)),
      (got) => sorted(got) === sorted(labels),
    );
    expect(tornado).toHaveLength(labels.length);
    // The simulation's P(ROI<0) and its mean read every line: a percentage, not an error or a blank.
    const loss = parseRange(addressOf("SimLossProbability").replace(/^.*!/, "")).top + 1 + grown;
    await until(
      "the simulation's mean",
      () => shownText(`Stress!B${loss - 6}`),
      (t) => /^-?[0-9.,]+%$/.test(t),
    );
    await page.screenshot({ path: path.join(ARTIFACTS, "own-case-02-stress.png") });
    expect(pageErrors).toEqual([]);
  }, 180_000);
});
