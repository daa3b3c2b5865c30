/**
 * Shared by the task pane's component tests: a MemoryHost with the complete model built (the
 * seed's sample, in English, NT$), name lookups, and rendering <App> on a host.
 */
import "./setup-dom";
import {
  configure,
  fireEvent,
  render,
  screen,
  waitFor,
  within,
  type RenderResult,
} from "@testing-library/react";
import { App } from "../../src/taskpane/components/App";
import type { AppProps } from "../../src/taskpane/components/App";
import { MemoryHost } from "../../src/host/memory";
import type { CellValue } from "../../src/host/workbook-host";
import { planCompleteModel, type ModelOptions } from "../../src/templates/index";

// The pane updates itself from asynchronous workbook reads and change events, as it does in Excel.
// The tests wait for what the user would see (findBy…, waitFor) instead of wrapping each host call
// in act(); React is told not to expect act() outside those (Testing Library's own beforeAll turns
// it on, and this runs after it).
beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
});

// Role queries skip the visibility check: with Fluent's style sheets in the document, jsdom's
// getComputedStyle makes it cost hundreds of milliseconds a query. Tests scope queries to a panel
// (panelOf) where hidden panels could hold the same control.
configure({ defaultHidden: true });

export const SAMPLE: ModelOptions = { data: "sample", currency: "NT$", locale: "en" };
/** Enough for a debounced re-read (150 ms) and HyperFormula's recalculation on a slow machine. */
export const SETTLE = { timeout: 20_000 };
export const FIXED_NOW = new Date("2025-03-01T09:30:00.000Z");

export async function builtHost(options: ModelOptions = SAMPLE): Promise<MemoryHost> {
  const host = new MemoryHost();
  await host.applyPlans(planCompleteModel(options), { dialect: "live" });
  return host;
}

/**
 * The Stress sheet's rank-correlation matrix as typed (a blank pair 0, a blank diagonal 1): the
 * pane's simulations use it while it matches the lines, as the sample's does.
 */
export async function sheetCorrelation(host: MemoryHost): Promise<number[][]> {
  const cells = (await host.readNames(["StressCorrelation"])).StressCorrelation;
  if (!cells) throw new Error("no correlation matrix on the Stress sheet");
  return cells.map((row, i) => row.map((v, j) => (v === null || v === "" ? (i === j ? 1 : 0) : Number(v))));
}

export async function nameValue(host: MemoryHost, name: string): Promise<CellValue> {
  const values = (await host.readNames([name]))[name];
  if (!values) throw new Error(`name ${name} is not defined`);
  return values[0][0];
}

export async function setName(host: MemoryHost, name: string, value: CellValue): Promise<void> {
  const at = (await host.locateNames([name]))[name];
  if (!at) throw new Error(`name ${name} is not defined`);
  await host.writeCells([{ sheet: at.sheet, address: at.address, values: [[value]] }]);
}

export function renderPane(host: MemoryHost, props: Partial<AppProps> = {}): RenderResult {
  return render(<App host={host} initialLocale="en" now={() => FIXED_NOW} {...props} />);
}

/** Selects a tab by its label. */
export function openTab(label: string): void {
  fireEvent.click(screen.getByRole("tab", { name: label }));
}

/** A tab's panel, whether shown or not (every panel stays mounted). */
export function panelOf(tab: "build" | "summary" | "whatIf" | "simulate"): HTMLElement {
  const element = document.getElementById(`pane-panel-${tab}`);
  if (!element) throw new Error(`no panel ${tab}`);
  return element;
}

/** The visible tab panel. */
export function panel(): HTMLElement {
  return screen.getByRole("tabpanel");
}

export async function findInPanel(text: string | RegExp): Promise<HTMLElement> {
  return within(panel()).findByText(text, undefined, SETTLE);
}

/** Queries scoped to the Simulate tab's panel. */
export const simulatePanel = () => within(panelOf("simulate"));

/**
 * Renders the pane on a host and opens the Simulate tab, waiting until the annual-ROI simulation
 * can run: its button waits for the Stress sheet's settings, which fill the fields.
 */
export async function openSimulate(host: MemoryHost): Promise<void> {
  renderPane(host);
  openTab("Simulate");
  await waitFor(
    () =>
      expect(simulatePanel().getByRole("button", { name: "Run simulation" })).toHaveProperty(
        "disabled",
        false,
      ),
    SETTLE,
  );
}

/** Types the Simulate panel's trials and, when given, its seed. */
export function simulationSettings(trials: string, seed?: string): void {
  fireEvent.change(simulatePanel().getByRole("spinbutton", { name: "Trials" }), {
    target: { value: trials },
  });
  if (seed !== undefined)
    fireEvent.change(simulatePanel().getByRole("spinbutton", { name: "Seed" }), { target: { value: seed } });
}

export { fireEvent, screen, waitFor, within };
