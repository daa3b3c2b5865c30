/**
 * @jest-environment jsdom
 */
/**
 * The pane's simulations and the Stress sheet's rank-correlation matrix: an inconsistent matrix
 * (not positive semi-definite) is replaced by the nearest consistent one, and the annual-ROI and
 * whole-business-case panels say so (a warning, not an error) with the adjusted values to two
 * decimals, and simulate with them; a matrix that no longer matches the lines is not applied, and
 * the pane says the lines ran independently, with the sheet's status in words.
 */
import { simulatedCorrelation } from "../../src/engine/correlation";
import { RoiSimulation, type SimulationOptions } from "../../src/engine/simulate";
import type { MemoryHost } from "../../src/host/memory";
import { cellAddress, parseRange } from "../../src/shared/a1";
import { addLine } from "../../src/taskpane/model/line-add";
import { LINE_ITEM_NAMES, readLineItems, statisticsOf } from "../../src/taskpane/model/simulation";
import { STRESS_NAMES, STRESS_SHEET } from "../../src/templates/stress";
import {
  builtHost,
  fireEvent,
  openSimulate,
  openTab,
  renderPane,
  screen,
  SETTLE,
  simulatePanel,
  simulationSettings,
  waitFor,
} from "./pane-support";

const simulate = simulatePanel;

/** Three benefits judged pairwise in a way no joint distribution allows. */
const INCONSISTENT: readonly [number, number, number][] = [
  [0, 1, 0.9],
  [1, 2, 0.9],
  [0, 2, -0.5],
];

async function typePairs(host: MemoryHost, pairs: readonly [number, number, number][]): Promise<number[][]> {
  const at = (await host.locateNames([STRESS_NAMES.correlation]))[STRESS_NAMES.correlation];
  if (!at) throw new Error("no matrix");
  const r = parseRange(at.address);
  for (const [i, j, x] of pairs) {
    host.typeAsUser(STRESS_SHEET, cellAddress(r.top + i, r.left + j), x);
    host.typeAsUser(STRESS_SHEET, cellAddress(r.top + j, r.left + i), x);
  }
  const cells = (await host.readNames([STRESS_NAMES.correlation]))[STRESS_NAMES.correlation] ?? [];
  return cells.map((row, i) => row.map((v, j) => (v === null || v === "" ? (i === j ? 1 : 0) : Number(v))));
}

async function engineStatistics(host: MemoryHost, options: SimulationOptions): Promise<number[]> {
  const reading = readLineItems(await host.readNames(LINE_ITEM_NAMES));
  if (!reading.ok) throw new Error("no line items");
  const simulation = new RoiSimulation(reading.model, options);
  simulation.run();
  return statisticsOf(simulation.summary());
}

async function runAnnual(host: MemoryHost): Promise<number[]> {
  await openSimulate(host);
  simulationSettings("4000");
  fireEvent.click(simulate().getByRole("button", { name: "Run simulation" }));
  await simulate().findByTestId("simulation-percentiles", undefined, SETTLE);
  return [...screen.getByTestId("simulation-percentiles").querySelectorAll("tbody tr")].map((tr) =>
    Number(tr.querySelector("td")!.getAttribute("data-value")),
  );
}

const OPTIONS = { trials: 4000, seed: 1, distribution: "PERT", sampling: "LHS" } as const;

describe("the pane and the Stress sheet's rank-correlation matrix", () => {
  it("warns that an inconsistent matrix was adjusted, shows the adjusted values, and simulates with them", async () => {
    const host = await builtHost();
    const typed = await typePairs(host, INCONSISTENT);
    const shown = await runAnnual(host);
    // The pane runs the typed matrix as SIMULATE_ROI does, and shows the correlation the trials
    // get (the nearest consistent matrix, as its normal scores can induce it).
    const adjusted = simulatedCorrelation(typed);
    expect(adjusted.adjusted).toBe(true);
    expect(shown).toEqual(await engineStatistics(host, { ...OPTIONS, correlation: typed }));
    // Not the typed matrix's figures read as independent lines: the correlation is in use.
    expect(shown).not.toEqual(await engineStatistics(host, { ...OPTIONS, correlation: null }));

    const warning = await simulate().findByText(/is not consistent \(not positive semi-definite\)/);
    // A warning, not an error: the run went ahead with the adjusted matrix.
    expect(warning.closest("[data-intent]")?.getAttribute("data-intent")).toBe("warning");
    const table = simulate().getByRole("table", { name: "Rank correlation in use" });
    const headers = [...table.querySelectorAll("thead th")].map((th) => th.textContent);
    expect(headers.slice(0, 4)).toEqual([
      "Line",
      "Agent cost saved",
      "Capacity from shorter handling",
      "Retention",
    ]);
    const firstRow = [...table.querySelectorAll("tbody tr")][0];
    const cells = [...firstRow.querySelectorAll("td")].map((td) => td.textContent);
    expect(cells.slice(0, 3)).toEqual(adjusted.matrix[0].slice(0, 3).map((x) => x.toFixed(2)));
    // The adjustment moved the typed 0.90 (rounded to two decimals, it is no longer 0.90).
    expect(cells[1]).not.toBe("0.90");
  });

  it("says the lines ran independently when the matrix does not match them, with the sheet's words why", async () => {
    const host = await builtHost();
    await addLine(host, { kind: "benefit", label: "Faster onboarding", amount: 3_000_000 }, "en");
    const shown = await runAnnual(host);
    expect(shown).toEqual(await engineStatistics(host, { ...OPTIONS, correlation: null }));
    expect(
      await simulate().findByText(/matrix was not applied: the lines were simulated independently/),
    ).toBeTruthy();
    expect(simulate().getByText(/^Does not match: the model has 9 lines, the matrix 8\./)).toBeTruthy();
  });

  it("says the lines ran independently when every pair is 0, not that they were correlated", async () => {
    const host = await builtHost();
    const size = (await host.readNames([STRESS_NAMES.correlation]))[STRESS_NAMES.correlation]!.length;
    const zeros: [number, number, number][] = [];
    for (let i = 0; i < size; i++) for (let j = i + 1; j < size; j++) zeros.push([i, j, 0]);
    await typePairs(host, zeros);
    const shown = await runAnnual(host);
    expect(shown).toEqual(await engineStatistics(host, { ...OPTIONS, correlation: null }));
    expect(
      simulate().getByText(/^Lines independent: the Stress sheet's rank-correlation matrix/),
    ).toBeTruthy();
    expect(simulate().queryByText(/correlated by the Stress sheet's rank-correlation matrix/)).toBeNull();
  });

  it("shows the adjusted matrix in the whole-business-case panel too", async () => {
    const host = await builtHost();
    await typePairs(host, INCONSISTENT);
    renderPane(host);
    openTab("Simulate");
    const run = await simulate().findByRole("button", { name: "Simulate the business case" }, SETTLE);
    await waitFor(() => expect(run).toHaveProperty("disabled", false), SETTLE);
    fireEvent.click(run);
    await simulate().findByTestId("case-statistics", undefined, SETTLE);
    expect(simulate().getAllByText(/is not consistent \(not positive semi-definite\)/)).toHaveLength(1);
    expect(simulate().getByRole("table", { name: "Rank correlation in use" })).toBeTruthy();
  });
});
