/**
 * @jest-environment jsdom
 */
import { RoiSimulation, type SimulationOptions } from "../../src/engine/simulate";
import { MemoryHost } from "../../src/host/memory";
import { LINE_ITEM_NAMES, readLineItems, statisticsOf } from "../../src/taskpane/model/simulation";
import { planModel } from "../../src/templates/index";
import { STRESS_NAMES } from "../../src/templates/stress";
import {
  builtHost,
  fireEvent,
  FIXED_NOW,
  openSimulate,
  openTab,
  panelOf,
  renderPane,
  SAMPLE,
  screen,
  setName,
  SETTLE,
  sheetCorrelation,
  simulatePanel,
  simulationSettings,
  within,
} from "./pane-support";

const simulate = simulatePanel;

async function engineSummary(host: MemoryHost, options: SimulationOptions) {
  const reading = readLineItems(await host.readNames(LINE_ITEM_NAMES));
  if (!reading.ok) throw new Error("no line items");
  // The sample's Stress sheet correlates its lines: the panel simulates with its matrix.
  const simulation = new RoiSimulation(reading.model, {
    ...options,
    correlation: await sheetCorrelation(host),
  });
  simulation.run();
  return simulation.summary();
}

const statistics = () =>
  [...screen.getByTestId("simulation-percentiles").querySelectorAll("tbody tr")].map((tr) => ({
    label: tr.querySelector("th")!.textContent,
    value: Number(tr.querySelector("td")!.getAttribute("data-value")),
  }));

describe("Simulate panel", () => {
  it("runs in chunks with a progress bar and shows the seven statistics RoiSimulation gives for the seed", async () => {
    const host = await builtHost();
    await openSimulate(host);
    expect(simulate().getByRole("spinbutton", { name: "Trials" })).toHaveProperty("value", "10000"); // the Stress sheet's setting
    simulationSettings("20000", "7");
    fireEvent.click(simulate().getByRole("button", { name: "Run simulation" }));
    expect(await simulate().findByRole("progressbar", undefined, SETTLE)).toBeTruthy();
    await simulate().findByTestId("simulation-percentiles", undefined, SETTLE);
    const expected = statisticsOf(
      await engineSummary(host, { trials: 20_000, seed: 7, distribution: "PERT" }),
    );
    expect(statistics()).toEqual(
      ["Mean", "P5", "P10", "P50", "P90", "P95", "P(ROI<0)"].map((label, i) => ({
        label,
        value: expected[i],
      })),
    );
    expect(simulate().queryByRole("progressbar")).toBeNull();
    const histogram = screen.getByTestId("simulation-histogram");
    expect(histogram.getAttribute("role")).toBe("img");
    expect(histogram.querySelectorAll("rect")).toHaveLength(30);
    expect(histogram.querySelector("desc")!.textContent).toMatch(/^20,000 trials in 30 bars/);
    expect(histogram.querySelector("[tabindex]")).toBeNull();
  });

  it("simulates with the triangular distribution when chosen", async () => {
    const host = await builtHost();
    await openSimulate(host);
    simulationSettings("5000", "3");
    fireEvent.click(simulate().getByRole("radio", { name: "Triangular" }));
    fireEvent.click(simulate().getByRole("button", { name: "Run simulation" }));
    await simulate().findByTestId("simulation-percentiles", undefined, SETTLE);
    const expected = statisticsOf(
      await engineSummary(host, { trials: 5_000, seed: 3, distribution: "Triangular" }),
    );
    expect(statistics().map((s) => s.value)).toEqual(expected);
  });

  it("follows the Stress sheet's Sampling as it is when the run starts, and refuses one the sheet refuses", async () => {
    const host = await builtHost();
    await openSimulate(host);
    // Changed on the sheet after the pane opened: the pane has no field of its own for it.
    await setName(host, STRESS_NAMES.sampling, "mc");
    expect(
      await simulate().findByText(
        "Sampling: plain Monte Carlo (the Stress sheet's setting).",
        undefined,
        SETTLE,
      ),
    ).toBeTruthy();
    simulationSettings("3000", "4");
    fireEvent.click(simulate().getByRole("button", { name: "Run simulation" }));
    await simulate().findByTestId("simulation-percentiles", undefined, SETTLE);
    const mc = statisticsOf(
      await engineSummary(host, { trials: 3000, seed: 4, distribution: "PERT", sampling: "MC" }),
    );
    const lhs = statisticsOf(
      await engineSummary(host, { trials: 3000, seed: 4, distribution: "PERT", sampling: "LHS" }),
    );
    expect(statistics().map((x) => x.value)).toEqual(mc);
    expect(mc).not.toEqual(lhs);

    // Pasted over the cell's list (a paste skips Excel's validation).
    const at = (await host.locateNames([STRESS_NAMES.sampling]))[STRESS_NAMES.sampling]!;
    host.typeAsUser(at.sheet, at.address, "Sobol");
    expect(
      await simulate().findByText(
        /Sampling setting reads “Sobol”: type LHS \(Latin Hypercube\) or MC/,
        undefined,
        SETTLE,
      ),
    ).toBeTruthy();
    expect(simulate().getByRole("button", { name: "Run simulation" })).toHaveProperty("disabled", true);
    expect(simulate().getByRole("button", { name: "Simulate the business case" })).toHaveProperty(
      "disabled",
      true,
    );
  });

  it("writes trials, seed, distribution, the statistics and the run time to the Stress sheet's PaneSimulation cells", async () => {
    const host = await builtHost();
    await openSimulate(host);
    simulationSettings("12000", "42");
    fireEvent.click(simulate().getByRole("button", { name: "Run simulation" }));
    await simulate().findByTestId("simulation-percentiles", undefined, SETTLE);
    fireEvent.click(simulate().getByRole("button", { name: "Write results to the Stress sheet" }));
    expect(
      await simulate().findByText("Results written to the Stress sheet.", undefined, SETTLE),
    ).toBeTruthy();
    const expected = statisticsOf(
      await engineSummary(host, { trials: 12_000, seed: 42, distribution: "PERT" }),
    );
    const cells = (await host.readNames(["PaneSimulation"])).PaneSimulation!.map((row) => row[0]);
    expect(cells.slice(0, 3)).toEqual([12000, 42, "PERT"]);
    cells.slice(3, 10).forEach((v, i) => expect(v).toBeCloseTo(expected[i], 12));
    expect(cells[10]).toBe(FIXED_NOW.toISOString());
  });

  it("feeds the summary's P(ROI<0) until the Stress sheet's inputs change", async () => {
    const host = await builtHost();
    await openSimulate(host);
    simulationSettings("5000", "1");
    fireEvent.click(simulate().getByRole("button", { name: "Run simulation" }));
    await simulate().findByTestId("simulation-percentiles", undefined, SETTLE);
    const summary = within(panelOf("summary"));
    expect(await summary.findByText(/^From the pane's run at /, undefined, SETTLE)).toBeTruthy();
    // Writing the results does not make the run look older than the sheet.
    fireEvent.click(simulate().getByRole("button", { name: "Write results to the Stress sheet" }));
    await simulate().findByText("Results written to the Stress sheet.", undefined, SETTLE);
    expect(summary.getByText(/^From the pane's run at /)).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 600));
    await setName(host, "AgentsAfter", 40);
    expect(await summary.findByText("From the Stress sheet's simulation", undefined, SETTLE)).toBeTruthy();
  });

  it("stops when cancelled", async () => {
    const host = await builtHost();
    await openSimulate(host);
    simulationSettings("1000000", "1");
    fireEvent.click(simulate().getByRole("button", { name: "Run simulation" }));
    fireEvent.click(await simulate().findByRole("button", { name: "Cancel" }, SETTLE));
    expect(await simulate().findByText("Simulation cancelled.", undefined, SETTLE)).toBeTruthy();
    expect(screen.queryByTestId("simulation-percentiles")).toBeNull();
  });

  it("refuses trials outside 1–1,000,000", async () => {
    const host = await builtHost();
    await openSimulate(host);
    simulationSettings("0", "1");
    expect(simulate().getByText("Enter a whole number from 1 to 1,000,000.")).toBeTruthy();
    expect(simulate().getByRole("button", { name: "Run simulation" })).toHaveProperty("disabled", true);
  });

  it("asks for the Stress sheet when there is none", async () => {
    const host = new MemoryHost();
    await host.applyPlans(planModel(["roi"], SAMPLE), { dialect: "live" });
    renderPane(host);
    openTab("Simulate");
    expect(
      await simulate().findByText("Build the Stress sheet to run a simulation.", undefined, SETTLE),
    ).toBeTruthy();
    expect(simulate().getByRole("button", { name: "Run simulation" })).toHaveProperty("disabled", true);
  });
});
