/**
 * @jest-environment jsdom
 */
import { roi } from "../../src/engine/roi";
import { MemoryHost } from "../../src/host/memory";
import {
  builtHost,
  nameValue,
  openTab,
  panelOf,
  renderPane,
  screen,
  setName,
  SETTLE,
  waitFor,
  within,
} from "./pane-support";

const text = (id: string) => screen.getByTestId(id).textContent;

describe("Summary panel", () => {
  // The complete model: the seed's lines with the Rollout's training cost (NT$19,152,000 ÷ 3 years
  // in place of NT$500,000 ÷ 3), so annual costs 9,192,000 and ROI (22,000,000 − 9,192,000) / 9,192,000.
  it("shows the complete model's 139.3% annual ROI, PV ROI, payback and P(ROI<0) after it is built", async () => {
    const host = await builtHost();
    renderPane(host);
    await waitFor(() => expect(text("summary-annual-roi")).toBe("139.3%"), SETTLE);
    const pv = (await nameValue(host, "PVROI")) as number;
    expect(text("summary-pv-roi")).toBe(`${(pv * 100).toFixed(1)}%`);
    const payback = (await nameValue(host, "PaybackMonths")) as number;
    expect(text("summary-payback")).toBe(`${payback.toFixed(1)} mo`);
    const summary = within(panelOf("summary"));
    expect(summary.getByText(/^Leaders' benchmark: 14.0 mo/)).toBeTruthy();
    expect(summary.getByText(payback <= 14 ? "Within the benchmark" : "Beyond the benchmark")).toBeTruthy();
    expect(text("summary-loss-probability")).toBe("0.0%");
  });

  it("follows an edit of the workbook (agents after AI 35 → 40) to the value the workbook computes", async () => {
    const host = await builtHost();
    renderPane(host);
    await waitFor(() => expect(text("summary-annual-roi")).toBe("139.3%"), SETTLE);
    await setName(host, "AgentsAfter", 40);
    const expected = (await nameValue(host, "AnnualROI")) as number;
    // Independent check of the workbook: 5 fewer agents saved × NT$40,000 × 12 months.
    expect(expected).toBeCloseTo(roi(22_000_000 - 5 * 40_000 * 12, 9_192_000), 6);
    await waitFor(() => expect(text("summary-annual-roi")).toBe(`${(expected * 100).toFixed(1)}%`), SETTLE);
    expect(text("summary-annual-roi")).toBe("113.2%");
    const payback = (await nameValue(host, "PaybackMonths")) as number;
    expect(text("summary-payback")).toBe(`${payback.toFixed(1)} mo`);
  });

  it("lists the top three ranked use cases and the departments of each wave", async () => {
    const host = await builtHost();
    renderPane(host);
    openTab("Summary");
    await waitFor(
      () => expect(screen.getByTestId("summary-top-use-cases").querySelectorAll("li")).toHaveLength(3),
      SETTLE,
    );
    const top = [...screen.getByTestId("summary-top-use-cases").querySelectorAll("li")].map(
      (li) => li.textContent,
    );
    expect(top).toEqual([
      "Customer service assistant",
      "Internal knowledge search",
      "Code assistant for developers",
    ]);
    const waves = screen.getByTestId("summary-waves").textContent;
    expect(waves).toContain("Wave 1Customer Service, IT, Marketing");
    expect(waves).toContain("Wave 2Sales, Finance, HR");
    expect(waves).toContain("Wave 3Legal, Operations");
  });

  it("says which sheet to build where a figure's sheet is missing", async () => {
    renderPane(new MemoryHost());
    await waitFor(() => expect(text("summary-annual-roi")).toMatch(/^Build the ROI sheet/), SETTLE);
    expect(text("summary-pv-roi")).toMatch(/^Build the ROI sheet/);
    expect(text("summary-payback")).toMatch(/^Build the ROI sheet/);
    expect(text("summary-loss-probability")).toBe("Build the Stress sheet to see P(ROI<0).");
    expect(text("summary-top-use-cases")).toBe("Build the Portfolio sheet to see the top use cases.");
    expect(text("summary-waves")).toBe("Build the Rollout sheet to see the wave plan.");
  });
});
