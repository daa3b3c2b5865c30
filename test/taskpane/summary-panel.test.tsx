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
  it("shows the seed's 639.6% annual ROI, PV ROI, payback and P(ROI<0) after the model is built", async () => {
    const host = await builtHost();
    renderPane(host);
    await waitFor(() => expect(text("summary-annual-roi")).toBe("639.6%"), SETTLE);
    const pv = (await nameValue(host, "PVROI")) as number;
    expect(text("summary-pv-roi")).toBe(`${(pv * 100).toFixed(1)}%`);
    const payback = (await nameValue(host, "PaybackMonths")) as number;
    expect(text("summary-payback")).toBe(`${payback.toFixed(1)} mo`);
    const summary = within(panelOf("summary"));
    expect(summary.getByText(/^Leaders' benchmark: 14.0 mo/)).toBeTruthy();
    expect(summary.getByText("Within the benchmark")).toBeTruthy();
    expect(text("summary-loss-probability")).toBe("0.0%");
  });

  it("follows an edit of the workbook (agents after AI 35 → 40) to the value the workbook computes", async () => {
    const host = await builtHost();
    renderPane(host);
    await waitFor(() => expect(text("summary-annual-roi")).toBe("639.6%"), SETTLE);
    await setName(host, "AgentsAfter", 40);
    const expected = (await nameValue(host, "AnnualROI")) as number;
    // Independent check of the workbook: 5 fewer agents saved × NT$40,000 × 12 months.
    expect(expected).toBeCloseTo(roi(22_000_000 - 5 * 40_000 * 12, 2_974_666.6667), 6);
    await waitFor(() => expect(text("summary-annual-roi")).toBe(`${(expected * 100).toFixed(1)}%`), SETTLE);
    expect(text("summary-annual-roi")).toBe("558.9%");
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

  it("says what to enter and where for every figure the workbook cannot compute, never the raw error", async () => {
    const host = await builtHost();
    renderPane(host);
    await waitFor(() => expect(text("summary-annual-roi")).toBe("639.6%"), SETTLE);
    // A spread of 0 years divides the training cost by 0: every output of the model is #DIV/0!.
    await setName(host, "AmortisationYears", 0);
    expect(await nameValue(host, "AnnualROI")).toBe("#DIV/0!");
    const where = (await host.locateNames(["AmortisationYears"])).AmortisationYears!;
    const words = `Enter spread over (years) on ${where.sheet}!${where.address}`;
    const figures = ["summary-annual-roi", "summary-pv-roi", "summary-payback", "summary-loss-probability"];
    await waitFor(() => expect(figures.map(text)).toEqual(figures.map(() => words)), SETTLE);
    expect(panelOf("summary").textContent).not.toMatch(/#(DIV\/0!|VALUE!|N\/A|NUM!|REF!)/);
    expect(within(panelOf("summary")).queryByText("From the Stress sheet's simulation")).toBeNull();
    // An exchange rate of 0 is refused by the usage cost (#VALUE!): the words follow the input at fault.
    await setName(host, "AmortisationYears", 3);
    await setName(host, "FxRate", 0);
    expect(await nameValue(host, "AnnualROI")).toBe("#VALUE!");
    const fx = (await host.locateNames(["FxRate"])).FxRate!;
    await waitFor(
      () =>
        expect(text("summary-annual-roi")).toBe(
          `Enter exchange rate (workbook currency per provider unit) on ${fx.sheet}!${fx.address}`,
        ),
      SETTLE,
    );
    await setName(host, "FxRate", 32);
    await waitFor(() => expect(text("summary-annual-roi")).toBe("639.6%"), SETTLE);
  });

  it("says in the Summary, beside the ROI, that adoption comes from an empty Rollout sheet", async () => {
    const host = await builtHost();
    renderPane(host);
    await waitFor(() => expect(text("summary-annual-roi")).toBe("639.6%"), SETTLE);
    expect(screen.queryByTestId("summary-adoption-notice")).toBeNull();
    // Every department cleared: the Rollout sheet has no headcount to adopt.
    const departments = (await host.locateNames(["DepartmentNames"])).DepartmentNames!;
    const first = Number(/\d+/.exec(departments.address)![0]);
    const last = Number(/\d+$/.exec(departments.address)![0]);
    await host.writeCells([
      {
        sheet: departments.sheet,
        address: `A${first}:E${last}`,
        values: Array.from({ length: last - first + 1 }, () => [null, null, null, null, null]),
      },
    ]);
    await waitFor(
      () =>
        expect(text("summary-adoption-notice")).toBe(
          "Adoption comes from the Rollout sheet, which has no headcount yet: enter departments on Rollout!A18:E29",
        ),
      SETTLE,
    );
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
