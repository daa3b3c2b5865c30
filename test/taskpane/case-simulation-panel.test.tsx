/**
 * @jest-environment jsdom
 */
import {
  CASE_OUTPUTS,
  sensitivityAtPercentiles,
  simulateBusinessCase,
} from "../../src/engine/case-simulation";
import { sheetView } from "../../src/preview/sheet-view";
import { parseRange } from "../../src/shared/a1";
import { PANE_SENSITIVITY_LINES, PANE_SPIDER_LINES } from "../../src/templates/stress";
import { MemoryHost } from "../../src/host/memory";
import { bundleFor } from "../../src/i18n/bundles";
import { readCaseFrom } from "../../src/taskpane/model/case-reading";
import { paneCaseCells, registerCaseWorker } from "../../src/taskpane/model/case-run";
import { fill } from "../../src/taskpane/model/format";
import {
  builtHost,
  fireEvent,
  FIXED_NOW,
  openSimulate,
  openTab,
  panelOf,
  renderPane,
  screen,
  setName,
  SETTLE,
  sheetCorrelation,
  simulatePanel,
  simulationSettings,
  waitFor,
} from "./pane-support";

const simulate = simulatePanel;

async function openCaseSimulation(host: MemoryHost): Promise<void> {
  await openSimulate(host);
  expect(simulate().getByRole("button", { name: "Simulate the business case" })).toHaveProperty(
    "disabled",
    false,
  );
}

async function engine(host: MemoryHost, trials: number, seed: number) {
  const reading = await readCaseFrom(host);
  if (!reading.ok) throw new Error("no business case");
  const options = {
    trials,
    seed,
    distribution: "PERT" as const,
    // The sample's Stress sheet correlates its lines: the panel simulates with its matrix.
    correlation: await sheetCorrelation(host),
    paybackBenchmark: reading.paybackBenchmark,
  };
  return { options, summary: simulateBusinessCase(reading.businessCase, options) };
}

describe("Simulate panel: the whole business case", () => {
  it("shows the engine's annual ROI, PV ROI, NPV and payback, the payback probabilities and four charts", async () => {
    const host = await builtHost();
    await openCaseSimulation(host);
    simulationSettings("3000", "5");
    fireEvent.click(simulate().getByRole("button", { name: "Simulate the business case" }));
    const table = await simulate().findByTestId("case-statistics", undefined, SETTLE);
    const { summary } = await engine(host, 3000, 5);
    const rows = [...table.querySelectorAll("tbody tr")];
    expect(rows.map((r) => r.getAttribute("data-output"))).toEqual([...CASE_OUTPUTS]);
    rows.forEach((r, i) => {
      const out = summary.outputs[CASE_OUTPUTS[i]];
      const values = [...r.querySelectorAll("td")].map((td) => Number(td.getAttribute("data-value")));
      expect(values).toEqual([out.mean, out.percentiles[1], out.percentiles[2], out.percentiles[3]]);
    });
    const probabilities = screen.getByTestId("case-probabilities");
    // The seed model's leaders' benchmark is 14 months.
    expect(probabilities.textContent).toContain("P(payback ≤ 14 months)");
    expect(probabilities.textContent).toContain("P(payback ≤ 36 months)");
    const first = probabilities.querySelector("td")!;
    expect(Number(first.getAttribute("data-value"))).toBe(summary.paybackWithinBenchmark);
    for (const id of ["simulation-histogram", "case-cdf", "case-tornado", "case-spider"])
      expect(simulate().getByTestId(id).getAttribute("role")).toBe("img");
    // The seed model has 3 benefit lines and 5 cost lines: the tornado shows each that moves the NPV.
    expect(simulate().getByTestId("case-tornado").querySelectorAll("rect").length).toBeGreaterThanOrEqual(7);
    expect(simulate().getByTestId("case-spider").querySelectorAll("polyline")).toHaveLength(5);
    fireEvent.click(simulate().getByRole("radio", { name: "Payback (months)" }));
    expect(simulate().getByTestId("case-cdf").querySelector("title")!.textContent).toContain("Payback");
  }, 120_000);

  it("writes the results to the Stress sheet's PaneBusinessCase cells", async () => {
    const host = await builtHost();
    await openCaseSimulation(host);
    simulationSettings("2000", "9");
    fireEvent.click(simulate().getByRole("button", { name: "Simulate the business case" }));
    await simulate().findByTestId("case-statistics", undefined, SETTLE);
    fireEvent.click(simulate().getByRole("button", { name: "Write the business case to the Stress sheet" }));
    expect(
      await simulate().findByText("Business-case results written to the Stress sheet.", undefined, SETTLE),
    ).toBeTruthy();
    const { options, summary } = await engine(host, 2000, 9);
    const want = paneCaseCells(options, summary, FIXED_NOW, "> 36");
    const got = (await host.readNames(["PaneBusinessCase"])).PaneBusinessCase!;
    expect(got).toHaveLength(13);
    got.forEach((row, r) =>
      row.forEach((v, c) => {
        const w = want[r][c];
        // HyperFormula keeps a number to about 15 significant digits.
        if (typeof w === "number")
          expect(Math.abs((v as number) - w)).toBeLessThanOrEqual(Math.abs(w) * 1e-12);
        else expect(v ?? null).toEqual(w === null ? null : w);
      }),
    );
    // Nothing else on the sheet moved: the ROI simulation's own cells are still where they were.
    expect((await host.readNames(["PaneSimulation"])).PaneSimulation).toHaveLength(11);

    // The sensitivity at percentiles of the output shown (NPV by default), for the Excel spider
    // and percentile tornado: the lines that move it, largest swing first, at P10 … P90.
    const reading = await readCaseFrom(host);
    if (!reading.ok) throw new Error("no business case");
    const npv = sensitivityAtPercentiles(reading.businessCase, "npv", "PERT");
    const names = await host.readNames(["PaneSensitivity", "PaneSensitivityOutput"]);
    expect(names.PaneSensitivityOutput![0][0]).toBe("NPV");
    expect(names.PaneSensitivityOutput![1][0]).toBeCloseTo(npv.base, 4);
    const moving = npv.lines.filter((l) => l.swing > 0);
    expect(moving.length).toBeGreaterThanOrEqual(PANE_SPIDER_LINES);
    const lines = names.PaneSensitivity!;
    expect(lines).toHaveLength(PANE_SENSITIVITY_LINES);
    lines.forEach((row, i) => {
      const line = moving[i];
      if (!line) return expect(row.every((v) => v === null || v === "")).toBe(true);
      expect(row[0]).toBe(line.label);
      row.slice(1).forEach((v, j) => expect(v as number).toBeCloseTo(line.outputs[j], 4));
    });
    // The preview draws the Excel charts from the same cells, in money.
    const view = sheetView(host, "Stress");
    const spider = view.charts.find((c) => c.title.startsWith("Spider"))!;
    expect(spider.series.map((x) => x.name)).toEqual(moving.slice(0, PANE_SPIDER_LINES).map((l) => l.label));
    expect(spider.series[0].x).toEqual(["P10", "P30", "P50", "P70", "P90"]);
    const tornado = view.charts.find((c) => c.title.startsWith("Tornado at"))!;
    expect(tornado.series[0].y.slice(0, moving.length)).toEqual(
      moving.slice(0, PANE_SENSITIVITY_LINES).map((l) => expect.closeTo(l.low, 4)),
    );
    const at = (await host.locateNames(["PaneSensitivity"])).PaneSensitivity!;
    const first = parseRange(at.address);
    expect(view.cells[first.top][first.left + 1]?.format).toBe("currency");
  }, 120_000);

  it("names the statistics of both simulations from the language's one declaration (zh-TW)", async () => {
    const host = await builtHost();
    renderPane(host, { initialLocale: "zh-TW" });
    const zh = bundleFor("zh-TW");
    openTab(zh.pane.tabSimulate);
    const run = simulate().getByRole("button", { name: zh.pane.runSimulation });
    await waitFor(() => expect(run).toHaveProperty("disabled", false), SETTLE);
    fireEvent.change(simulate().getByRole("spinbutton", { name: zh.pane.trials }), {
      target: { value: "2000" },
    });
    fireEvent.click(run);
    const roi = await simulate().findByTestId("simulation-percentiles", undefined, SETTLE);
    const labels = zh.results.statistics;
    expect([...roi.querySelectorAll("tbody th")].map((th) => th.textContent)).toEqual(Object.values(labels));
    fireEvent.click(simulate().getByRole("button", { name: zh.pane.runCase }));
    const table = await simulate().findByTestId("case-statistics", undefined, SETTLE);
    expect([...table.querySelectorAll("thead th")].slice(1).map((th) => th.textContent)).toEqual([
      labels.Mean,
      labels.P10,
      labels.P50,
      labels.P90,
    ]);
  });

  it("says which input to enter and where when a line holds a spreadsheet error, in both simulations", async () => {
    const host = await builtHost();
    await openSimulate(host);
    // A spread of 0 years divides the training line by 0 (#DIV/0! in its table row).
    await setName(host, "AmortisationYears", 0);
    const where = (await host.locateNames(["AmortisationYears"])).AmortisationYears!;
    const words = `Enter spread over (years) on ${where.sheet}!${where.address}`;
    fireEvent.click(simulate().getByRole("button", { name: "Simulate the business case" }));
    expect(
      await simulate().findByText(new RegExp(words.replace(/[()!]/g, "\\$&")), undefined, SETTLE),
    ).toBeTruthy();
    fireEvent.click(simulate().getByRole("button", { name: "Run simulation" }));
    await waitFor(
      () => expect(simulate().getAllByText(new RegExp(words.replace(/[()!]/g, "\\$&")))).toHaveLength(2),
      SETTLE,
    );
    expect(panelOf("simulate").textContent).not.toMatch(/#DIV\/0!/);
  });

  it("says in the pane's language when the simulation's worker stops without a result (zh-TW)", async () => {
    // A worker that dies as soon as it is asked (as a crash or lack of memory ends one).
    const dying = {
      onmessage: null,
      onerror: null as ((event: { message: string }) => void) | null,
      postMessage() {
        setTimeout(() => this.onerror?.({ message: "" }), 0);
      },
      terminate: () => undefined,
    };
    registerCaseWorker(() => dying as unknown as Worker);
    try {
      const host = await builtHost();
      renderPane(host, { initialLocale: "zh-TW" });
      const zh = bundleFor("zh-TW").pane;
      openTab(zh.tabSimulate);
      const run = simulate().getByRole("button", { name: zh.runCase });
      await waitFor(() => expect(run).toHaveProperty("disabled", false), SETTLE);
      fireEvent.click(run);
      const words = fill(zh.caseWorkerStopped, { detail: zh.caseWorkerNoDetail });
      expect(await simulate().findByText(words, undefined, SETTLE)).toBeTruthy();
      expect(panelOf("simulate").textContent).not.toMatch(/worker stopped/);
    } finally {
      registerCaseWorker(null);
    }
  });

  it("stops when cancelled", async () => {
    const host = await builtHost();
    await openCaseSimulation(host);
    simulationSettings("1000000", "1");
    fireEvent.click(simulate().getByRole("button", { name: "Simulate the business case" }));
    fireEvent.click(await simulate().findByRole("button", { name: "Cancel" }, SETTLE));
    expect(await simulate().findByText("Simulation cancelled.", undefined, SETTLE)).toBeTruthy();
    expect(screen.queryByTestId("case-statistics")).toBeNull();
  }, 120_000);
});
