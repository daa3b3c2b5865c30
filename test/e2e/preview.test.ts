/**
 * End to end in a real browser: Debian's chromium, driven by playwright-core, against
 * the built preview (dist-preview/, served by scripts/preview-server.js as `npm start` serves it).
 *
 * It builds the complete model from the pane, reads the seed's 639.6% in the ROI sheet's grid and
 * in the summary, edits "agents after AI" from 35 to 40 in the grid and checks ROI, payback and
 * the summary against numbers computed here without the browser (the engine, and a MemoryHost
 * built and edited the same way), switches the scenario to Worst, runs a simulation, and switches
 * the pane to Traditional Chinese. Screenshots go to test-artifacts/e2e/ (and, with
 * UPDATE_DOCS_SCREENSHOT=1, the README's docs/images/preview.png).
 *
 * Where chromium is missing the test says so and is skipped; with CI=true it fails instead.
 * Needs the production build: `npm test` builds first; run `npm run build` before jest alone.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { Locator, Page } from "playwright-core";
import { apiCost } from "../../src/engine/costs";
import { annualRoi, paybackMonths, type BusinessCase } from "../../src/engine/business-case";
import { MemoryHost } from "../../src/host/memory";
import type { CellValue } from "../../src/host/workbook-host";
import { parseCell } from "../../src/shared/a1";
import { formatValue } from "../../src/templates/formats";
import { planCompleteModel, type ModelOptions } from "../../src/templates/index";
import { DEFAULT_PORTFOLIO_ROWS } from "../../src/templates/portfolio";
import { roiAssumptions } from "../../src/templates/roi";
import {
  ARTIFACTS,
  describeInBrowser as browserSuite,
  openPreview,
  type OpenedPreview,
  ROOT,
} from "./browser";
import { revealCell, text, until as untilWithin } from "./waits";
import { sheetView } from "../../src/preview/sheet-view";

const DOCS_SCREENSHOT = path.join(ROOT, "docs", "images", "preview.png");
const STEP_TIMEOUT_MS = 60_000;

/** Waits up to one step's time for `read` to give a value `accept` takes. */
const until = <T>(
  what: string,
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs = STEP_TIMEOUT_MS,
): Promise<T> => untilWithin(what, read, accept, timeoutMs);

/** The pane's defaults for "Build complete model": sample data, NT$, English, 15 use cases. */
const OPTIONS: ModelOptions = { data: "sample", currency: "NT$", locale: "en", rows: DEFAULT_PORTFOLIO_ROWS };
const CURRENCY = OPTIONS.currency;

const describeInBrowser = browserSuite("The browser end-to-end test");

// ---- expected numbers, computed without the browser ---------------------------------------

const plans = planCompleteModel(OPTIONS);
/** "Sheet!A1" of a workbook name a plan defines. */
function addressOf(name: string): string {
  for (const plan of plans) {
    const found = plan.names.find((n) => n.name === name);
    if (found) return `${plan.sheet}!${found.range.replace(/\$/g, "").split(":")[0]}`;
  }
  throw new Error(`no plan defines ${name}`);
}

async function nameNumber(host: MemoryHost, name: string): Promise<number> {
  const value = (await host.readNames([name]))[name]?.[0]?.[0];
  if (typeof value !== "number") throw new Error(`${name} is ${String(value)}, not a number`);
  return value;
}

async function nameColumn(host: MemoryHost, name: string): Promise<number[]> {
  const values = (await host.readNames([name]))[name] ?? [];
  return values.map((row: CellValue[]) => (typeof row[0] === "number" ? row[0] : 0));
}

/**
 * The ROI sheet's annual ROI and payback by the engine alone, for given inputs: the seed's line
 * items and the monthly schedule of src/engine/business-case.ts on the
 * workbook's adoption curve (the Rollout sheet's, read from `host`; it does not depend on agents).
 */
async function engineCase(host: MemoryHost, changes: Record<string, number>): Promise<BusinessCase> {
  const a = {
    ...Object.fromEntries(roiAssumptions({ ...OPTIONS, linkedTo: [] }).map((x) => [x.name, x.sample])),
    ...changes,
  };
  const perYear = a.MonthsPerYear;
  const api = apiCost(a.ApiCallsPerMonth, a.CostPerCall, a.FxRate, perYear);
  return {
    annualBenefits:
      ((a.AgentsBefore - a.AgentsAfter) * a.AgentMonthlyCost * perYear +
        a.CapacityAgents * a.AgentMonthlyCost * perYear +
        a.Customers * a.ChurnReduction * a.Arpu) *
      a.BenefitRealisation,
    annualCosts:
      api +
      a.PlatformMonthly * perYear +
      a.PeopleFte * a.FteMonthlyCost * perYear +
      a.TrainingOneOff / a.AmortisationYears,
    apiAnnualCost: api,
    implementationCost: a.ImplementationCost,
    adoption: await nameColumn(host, "RoiMonthlyAdoption"),
    monthsPerYear: perYear,
  };
}

interface Expected {
  readonly roi: number;
  readonly payback: number;
  readonly worstRoi: number;
  /** The format of the payback cell on the ROI sheet. */
  readonly paybackFormat: Parameters<typeof formatValue>[1];
}

/** Builds the model in a MemoryHost here, edits it as the browser will, and cross-checks the engine. */
async function expectedNumbers(): Promise<Expected> {
  const host = new MemoryHost();
  await host.applyPlans(plans, { dialect: "live" });
  const agents = addressOf("AgentsAfter");
  const [sheet, address] = agents.split("!");
  await host.writeCells([{ sheet, address, values: [[40]] }]);
  const roi = await nameNumber(host, "AnnualROI");
  const payback = await nameNumber(host, "PaybackMonths");
  const byEngine = await engineCase(host, { AgentsAfter: 40 });
  // The spreadsheet and the engine agree before the browser is asked anything.
  expect(roi).toBeCloseTo(annualRoi(byEngine), 9);
  expect(payback).toBeCloseTo(paybackMonths(byEngine) as number, 9);

  const [stressSheet, scenario] = addressOf("Scenario").split("!");
  await host.writeCells([{ sheet: stressSheet, address: scenario, values: [["Worst"]] }]);
  const worstRoi = await nameNumber(host, "AnnualROI");
  expect(worstRoi).toBeLessThan(roi);

  const at = parseCell(addressOf("PaybackMonths").split("!")[1]);
  const paybackFormat = sheetView(host, "ROI").cells[at.row][at.column]?.format;
  return { roi, payback, worstRoi, paybackFormat };
}

// ---- browser helpers ------------------------------------------------------------------------

async function waitForText(locator: Locator, expected: string, what: string): Promise<void> {
  await until(
    what,
    () => text(locator),
    (t) => t === expected,
  );
}

async function waitForTextContaining(locator: Locator, expected: string, what: string): Promise<void> {
  await until(
    what,
    () => text(locator),
    (t) => t.includes(expected),
  );
}

// ---- the test -------------------------------------------------------------------------------

describeInBrowser("the preview in a real browser", () => {
  let browser: OpenedPreview;
  let page: Page;
  let expected: Expected;
  let pageErrors: string[] = [];
  const timings: Record<string, number> = {};

  /** The cell a workbook name points at, scrolled into the page (the grid renders the cells in view). */
  const shown = (name: string): Promise<Locator> => revealCell(page, addressOf(name));
  const pane = (): Locator => page.getByTestId("preview-pane");
  const sheetTab = (name: string): Locator =>
    page.getByRole("tablist", { name: "Sheets" }).getByRole("tab", { name, exact: true });
  const paneTab = (name: string): Locator => pane().getByRole("tab", { name, exact: true });

  async function shoot(name: string): Promise<string> {
    const file = path.join(ARTIFACTS, `${name}.png`);
    await page.screenshot({ path: file });
    return file;
  }

  async function timed<T>(step: string, body: () => Promise<T>): Promise<T> {
    const start = Date.now();
    try {
      return await body();
    } finally {
      timings[step] = Date.now() - start;
    }
  }

  beforeAll(async () => {
    expected = await expectedNumbers();
    browser = await openPreview({
      profile: "genai-e2e-chromium-",
      stepTimeoutMs: STEP_TIMEOUT_MS,
      consoleErrors: true,
      offline: true,
    });
    ({ page, pageErrors } = browser);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (Object.keys(timings).length > 0) {
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      fs.writeFileSync(path.join(ARTIFACTS, "timings.json"), JSON.stringify(timings, null, 2) + "\n");
    }
  });

  it("opens the pane beside an empty workbook, with no Office.js and no network", async () => {
    await timed("open_ms", async () => {
      await page.goto(browser.server.url);
      await paneTab("Build").waitFor();
      await page.getByTestId("grid-empty").waitFor();
    });
    expect(await page.evaluate(() => typeof (window as { Office?: unknown }).Office)).toBe("undefined");
  }, 120_000);

  it("builds the complete model and shows 639.6% in the ROI grid and in the summary", async () => {
    await timed("build_ms", async () => {
      await paneTab("Build").click();
      await pane().getByRole("button", { name: "Build complete model" }).click();
      await sheetTab("Stress").waitFor();
    });
    for (const sheet of ["Portfolio", "Rollout", "ROI", "Stress"]) await sheetTab(sheet).waitFor();
    await sheetTab("ROI").click();
    await waitForText(await shown("AnnualROI"), "639.6%", "the ROI sheet's annual ROI");
    await waitForText(await shown("AgentsAfter"), "35", "agents after AI");
    await paneTab("Summary").click();
    await waitForTextContaining(
      pane().getByTestId("summary-annual-roi"),
      "639.6%",
      "the summary's annual ROI",
    );
    // Select the ROI cell: the grid scrolls to the line items and the formula bar shows GENAI.ROI.
    await (await shown("AnnualROI")).click();
    await until(
      "the formula bar",
      () => page.getByTestId("formula-bar").inputValue(),
      (v) => v.includes("GENAI.ROI("),
    );
    await shoot("01-after-build");
    if (process.env.UPDATE_DOCS_SCREENSHOT) {
      fs.mkdirSync(path.dirname(DOCS_SCREENSHOT), { recursive: true });
      await page.screenshot({ path: DOCS_SCREENSHOT });
    }
  }, 180_000);

  it("recalculates ROI, payback and the summary when agents after AI goes from 35 to 40 in the grid", async () => {
    const roiText = formatValue(expected.roi, "percent", CURRENCY);
    const paybackText = formatValue(expected.payback, expected.paybackFormat, CURRENCY);
    const paybackBefore = await text(await shown("PaybackMonths"));
    await timed("edit_ms", async () => {
      await (await shown("AgentsAfter")).click();
      await page.keyboard.press("F2");
      const editor = page.getByLabel(`Edit ${addressOf("AgentsAfter")}`);
      await editor.waitFor();
      await editor.fill("40");
      await page.keyboard.press("Enter");
      await waitForText(await shown("AnnualROI"), roiText, "the ROI after the edit");
    });
    expect(roiText).not.toBe("639.6%");
    expect(await text(await shown("AgentsAfter"))).toBe("40");
    await waitForText(await shown("PaybackMonths"), paybackText, "the payback after the edit");
    expect(paybackText).not.toBe(paybackBefore);
    await waitForTextContaining(pane().getByTestId("summary-annual-roi"), roiText, "the summary's ROI");
    await waitForTextContaining(
      pane().getByTestId("summary-payback"),
      formatValue(expected.payback, "months", CURRENCY),
      "the summary's payback",
    );
    await (await shown("AnnualROI")).click();
    await shoot("02-after-edit");
  }, 120_000);

  it("switches the scenario to Worst from the What-if tab and the ROI follows", async () => {
    const worstText = formatValue(expected.worstRoi, "percent", CURRENCY);
    await timed("scenario_ms", async () => {
      await paneTab("What-if").click();
      // A controlled radio: it turns checked once the write to the Stress sheet has come back.
      await pane().getByRole("radio", { name: "Worst" }).click();
      await waitForText(await shown("AnnualROI"), worstText, "the ROI in the Worst scenario");
    });
    await paneTab("Summary").click();
    await waitForTextContaining(
      pane().getByTestId("summary-annual-roi"),
      worstText,
      "the summary's Worst ROI",
    );
  }, 120_000);

  it("runs a simulation from the Simulate tab and shows its percentiles", async () => {
    await paneTab("Simulate").click();
    const table = pane().getByTestId("simulation-percentiles");
    await timed("simulation_ms", async () => {
      await pane().getByRole("button", { name: "Run simulation" }).click();
      await table.waitFor();
      await until(
        "percentiles",
        () => text(table),
        (t) => /P50/.test(t) && /%/.test(t),
      );
    });
    await table.scrollIntoViewIfNeeded();
    await shoot("03-simulation");
  }, 180_000);

  it("switches the pane to Traditional Chinese", async () => {
    await timed("language_ms", async () => {
      await pane().getByRole("radio", { name: "繁體中文" }).check();
      await paneTab("摘要").waitFor();
    });
    for (const label of ["建立", "假設分析", "模擬"]) await paneTab(label).waitFor();
    await paneTab("摘要").click();
    await shoot("04-zh-TW");
  }, 120_000);

  it("fits the pane in 320 px, Office's narrowest task pane, on every tab in both languages", async () => {
    // Below 720 px the preview stacks the pane above the grid at the full width of the page.
    await page.setViewportSize({ width: 320, height: 900 });
    try {
      for (const label of ["建立", "摘要", "假設分析", "模擬"]) {
        await paneTab(label).click();
        const overflow = await pane().evaluate((el) => el.scrollWidth - el.clientWidth);
        expect(`${label}: ${overflow} px too wide`).toBe(`${label}: 0 px too wide`);
      }
      await pane().getByRole("radio", { name: "English" }).check();
      for (const label of ["Build", "Summary", "What-if", "Simulate"]) {
        await paneTab(label).click();
        const overflow = await pane().evaluate((el) => el.scrollWidth - el.clientWidth);
        expect(`${label}: ${overflow} px too wide`).toBe(`${label}: 0 px too wide`);
      }
      await shoot("05-320px");
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 });
    }
  }, 120_000);

  it("raised no error in the page", () => {
    expect(pageErrors).toEqual([]);
  });
});
