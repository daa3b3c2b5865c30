/**
 * @jest-environment jsdom
 */
/**
 * The Simulate panel's goal seek on a simulated statistic: the answer is the engine's seek for
 * the workbook's business case with the panel's trials and seed, worded with the sheet's formats;
 * Apply writes a realisation answer to its input, and a line's answer only says what to type
 * where (the line's value is the user's cell, often their own driver formula).
 */
import {
  seekStatistic,
  type SeekLever,
  simulateBusinessCase,
  type StatisticGoal,
  withLever,
} from "../../src/engine/case-simulation";
import type { MemoryHost } from "../../src/host/memory";
import { bundleFor } from "../../src/i18n/bundles";
import { readCaseFrom } from "../../src/taskpane/model/case-reading";
import { SEEK_TOLERANCE } from "../../src/taskpane/model/case-run";
import { formatNumber } from "../../src/taskpane/model/format";
import { ROI_NAMES } from "../../src/templates/roi";
import {
  builtHost,
  fireEvent,
  nameValue,
  openSimulate,
  openTab,
  renderPane,
  SETTLE,
  sheetCorrelation,
  simulatePanel,
  simulationSettings,
  waitFor,
} from "./pane-support";

const simulate = simulatePanel;
const TRIALS = 600;
const SEED = 11;

async function openSeek(host: MemoryHost): Promise<void> {
  await openSimulate(host);
  simulationSettings(String(TRIALS), String(SEED));
}

async function engineSeek(host: MemoryHost, goal: StatisticGoal, lever: SeekLever) {
  const reading = await readCaseFrom(host);
  if (!reading.ok) throw new Error("no business case");
  const options = {
    trials: TRIALS,
    seed: SEED,
    distribution: "PERT" as const,
    // The sample's Stress sheet correlates its lines: the seek simulates with its matrix.
    correlation: await sheetCorrelation(host),
    paybackBenchmark: reading.paybackBenchmark,
  };
  return { reading, result: seekStatistic(reading.businessCase, options, goal, lever, SEEK_TOLERANCE) };
}

async function answers(): Promise<string[]> {
  const found = await simulate().findAllByTestId("statistic-seek-answer", undefined, SETTLE);
  return found.map((e) => e.textContent ?? "");
}

describe("Simulate panel: goal seek on a simulated statistic", () => {
  it("finds the benefit realisation at which P(annual ROI < 0) is at most the target, and applies it", async () => {
    const host = await builtHost();
    await openSeek(host);
    fireEvent.change(simulate().getByRole("textbox", { name: "Target (%)" }), { target: { value: "5" } });
    fireEvent.click(simulate().getByRole("button", { name: "Find the value" }));
    const [text] = await answers();
    const { result } = await engineSeek(
      host,
      { statistic: "lossProbability", target: 0.05 },
      { kind: "realisation" },
    );
    expect(result.value).not.toBeNull();
    // The sample needs about 16% of its planned benefits to keep P(annual ROI < 0) within 5%.
    expect(result.metEverywhere).toBe(false);
    expect(text).toMatch(/^Benefit realisation needs at least \d+(\.\d)?%: P\(annual ROI < 0\) is then/);
    expect(text).toContain("(goal ≤ 5.0%)");
    fireEvent.click(simulate().getByRole("button", { name: "Apply" }));
    await waitFor(
      async () => expect(await nameValue(host, ROI_NAMES.benefitRealisation)).toBe(result.value),
      SETTLE,
    );
  }, 120_000);

  it("says the adoption target does not change P(annual ROI < 0), not that the goal holds even at 0%", async () => {
    const host = await builtHost();
    await openSeek(host);
    fireEvent.change(simulate().getByRole("textbox", { name: "Target (%)" }), { target: { value: "5" } });
    fireEvent.change(simulate().getByRole("combobox", { name: "Lever" }), { target: { value: "adoption" } });
    fireEvent.click(simulate().getByRole("button", { name: "Find the value" }));
    const [text] = await answers();
    expect(text).toMatch(
      /^Adoption target does not change P\(annual ROI < 0\): it is \d+(\.\d)?% anywhere from 0\.0% – 100\.0%\. Choose another lever\.$/,
    );
    expect(simulate().queryByRole("button", { name: "Apply" })).toBeNull();
  }, 120_000);

  it("answers for one cost line with the most it may cost and where to type it, writing nothing", async () => {
    const host = await builtHost();
    await openSeek(host);
    fireEvent.click(simulate().getByRole("radio", { name: "P10 of NPV at least" }));
    const target = simulate().getByRole("textbox", { name: "Target (NT$)" });
    expect((target as HTMLInputElement).value).toBe("0");
    const reading = await readCaseFrom(host);
    if (!reading.ok) throw new Error("no case");
    // The largest cost line, and a goal that binds: the NPV's P10 with that line at twice its level.
    const costs = reading.businessCase.costs;
    const index = costs.reduce((best, c, i) => (c.amount > costs[best].amount ? i : best), 0);
    const lever = { kind: "lineLevel", side: "costs", index } as const;
    const options = {
      trials: TRIALS,
      seed: SEED,
      distribution: "PERT" as const,
      correlation: await sheetCorrelation(host),
      paybackBenchmark: reading.paybackBenchmark,
    };
    const goalValue = Math.round(
      simulateBusinessCase(withLever(reading.businessCase, lever, 2), options).outputs.npv.percentiles[1],
    );
    fireEvent.change(target, { target: { value: String(goalValue) } });
    fireEvent.change(simulate().getByRole("combobox", { name: "Lever" }), { target: { value: `c${index}` } });
    const cell = `F${reading.lineRows.costs[index]}`;
    const before = await host.readRange(reading.sheet ?? "", cell);
    fireEvent.click(simulate().getByRole("button", { name: "Find the value" }));
    const texts = await answers();
    const { result } = await engineSeek(host, { statistic: "npvP10", target: goalValue }, lever);
    expect(result.metEverywhere).toBe(false);
    expect(result.value).toBeGreaterThanOrEqual(2 - 1e-3);
    const amount = formatNumber(costs[index].amount * (result.value as number), "currency", "NT$", "en");
    expect(texts[0]).toContain(`Line “${costs[index].label}” may be at most ${amount}`);
    expect(texts[1]).toContain(`type it into ${reading.sheet}!${cell}`);
    expect(simulate().queryByRole("button", { name: "Apply" })).toBeNull();
    expect(await host.readRange(reading.sheet ?? "", cell)).toEqual(before);
  }, 120_000);

  it("refuses a target that is not a percentage, and speaks the pane's language (zh-TW)", async () => {
    const host = await builtHost();
    renderPane(host, { initialLocale: "zh-TW" });
    const zh = bundleFor("zh-TW").pane;
    openTab(zh.tabSimulate);
    const box = await simulate().findByRole("textbox", { name: zh.seekTargetPercent }, SETTLE);
    fireEvent.change(box, { target: { value: "150" } });
    expect(simulate().getByText(zh.seekTargetPercentInvalid)).toBeTruthy();
    expect(simulate().getByRole("button", { name: zh.find })).toHaveProperty("disabled", true);
    expect(simulate().getByRole("heading", { name: zh.seekHeading })).toBeTruthy();
  }, 60_000);
});
