/**
 * @jest-environment jsdom
 */
import { MemoryHost } from "../../src/host/memory";
import { formatValue } from "../../src/templates/formats";
import { planModel } from "../../src/templates/index";
import {
  builtHost,
  fireEvent,
  nameValue,
  openTab,
  panelOf,
  renderPane,
  SAMPLE,
  screen,
  setName,
  SETTLE,
  waitFor,
  within,
} from "./pane-support";

const whatIf = () => within(panelOf("whatIf"));
const text = (id: string) => screen.getByTestId(id).textContent;
/** As the sheet shows it (the pane formats with the sheets' formatter). */
const percent = (v: number) => formatValue(v, "percent", "NT$");

async function openWhatIf(host: MemoryHost): Promise<void> {
  renderPane(host);
  openTab("What-if");
  // Saved values are read once the panel has the workbook's values.
  await waitFor(
    () =>
      expect(whatIf().getByRole("button", { name: "Reset to saved values" })).toHaveProperty(
        "disabled",
        false,
      ),
    SETTLE,
  );
}

const slider = (name: string) => whatIf().getByRole("slider", { name });

describe("What-if: scenario switch", () => {
  it("writes Worst to the Scenario input and the summary's annual ROI follows", async () => {
    const host = await builtHost();
    await openWhatIf(host);
    const worst = whatIf().getByRole("radio", { name: "Worst" });
    expect(whatIf().getByRole("radio", { name: "Base" })).toHaveProperty("checked", true);
    fireEvent.click(worst);
    await waitFor(async () => expect(await nameValue(host, "Scenario")).toBe("Worst"), SETTLE);
    const roi = (await nameValue(host, "AnnualROI")) as number;
    expect(roi).toBeLessThan((22_000_000 - 9_192_000) / 9_192_000);
    await waitFor(() => expect(text("summary-annual-roi")).toBe(percent(roi)), SETTLE);
    expect(text("whatif-annual-roi")).toBe(percent(roi));
    expect(whatIf().getByRole("radio", { name: "Worst" })).toHaveProperty("checked", true);
  });

  it("is disabled, with a hint, when there is no Stress sheet", async () => {
    const host = new MemoryHost();
    await host.applyPlans(planModel(["roi"], SAMPLE), { dialect: "live" });
    await openWhatIf(host);
    for (const name of ["Worst", "Base", "Best"])
      expect(whatIf().getByRole("radio", { name })).toHaveProperty("disabled", true);
    expect(whatIf().getByText("Build the Stress sheet to switch scenarios.")).toBeTruthy();
    // The ROI sheet's own adoption target stands in for the Rollout sheet's.
    expect(whatIf().getByText("Share of staff who adopt the tool (0–100%).")).toBeTruthy();
  });
});

describe("What-if: driver sliders", () => {
  it("writes benefit realisation (0–200%) and the figures beside the sliders follow", async () => {
    const host = await builtHost();
    await openWhatIf(host);
    const realisation = slider("Benefit realisation");
    expect(realisation.getAttribute("aria-valuetext")).toBe("100.0%");
    fireEvent.change(realisation, { target: { value: "150" } });
    await waitFor(async () => expect(await nameValue(host, "BenefitRealisation")).toBe(1.5), SETTLE);
    const roi = (await nameValue(host, "AnnualROI")) as number;
    expect(roi).toBeCloseTo((1.5 * 22_000_000 - 9_192_000) / 9_192_000, 6);
    await waitFor(() => expect(text("whatif-annual-roi")).toBe(percent(roi)), SETTLE);
  });

  it("writes the adoption target to the Rollout sheet's company-wide input when the Rollout sheet is there", async () => {
    const host = await builtHost();
    await openWhatIf(host);
    expect(whatIf().getByText("Company-wide target on the Rollout sheet (0–100%).")).toBeTruthy();
    fireEvent.change(slider("Adoption target"), { target: { value: "60" } });
    await waitFor(async () => expect(await nameValue(host, "AdoptionTargetAll")).toBe(0.6), SETTLE);
    expect(await nameValue(host, "AdoptionTarget")).toBe(1);
  });

  it("scales the API price and the people cost from their saved values", async () => {
    const host = await builtHost();
    await openWhatIf(host);
    expect(slider("API price").getAttribute("aria-valuetext")).toBe("1.00×");
    fireEvent.change(slider("API price"), { target: { value: "20" } }); // one doubling
    fireEvent.change(slider("People cost"), { target: { value: "-20" } }); // one halving
    await waitFor(async () => expect(await nameValue(host, "CostPerCall")).toBeCloseTo(0.004, 12), SETTLE);
    await waitFor(async () => expect(await nameValue(host, "FteMonthlyCost")).toBeCloseTo(40_000, 6), SETTLE);
    expect(slider("API price").getAttribute("aria-valuetext")).toBe("2.00×");
  });

  it("keeps only the newest value while a drag outpaces the workbook", async () => {
    const host = await builtHost();
    const writes: unknown[] = [];
    const write = host.writeCells.bind(host);
    host.writeCells = async (w) => {
      writes.push(w[0].values[0][0]);
      return write(w);
    };
    await openWhatIf(host);
    for (const v of [110, 120, 130, 140, 150, 160])
      fireEvent.change(slider("Benefit realisation"), { target: { value: String(v) } });
    await waitFor(async () => expect(await nameValue(host, "BenefitRealisation")).toBe(1.6), SETTLE);
    expect(writes[0]).toBe(1.1);
    expect(writes[writes.length - 1]).toBe(1.6);
    expect(writes.length).toBeLessThan(6);
  });

  it("resets the scenario and every driver to the values saved when the pane opened", async () => {
    const host = await builtHost();
    await openWhatIf(host);
    fireEvent.click(whatIf().getByRole("radio", { name: "Best" }));
    fireEvent.change(slider("Benefit realisation"), { target: { value: "40" } });
    fireEvent.change(slider("People cost"), { target: { value: "20" } });
    await waitFor(
      async () => expect(await nameValue(host, "FteMonthlyCost")).toBeCloseTo(160_000, 6),
      SETTLE,
    );
    await waitFor(async () => expect(await nameValue(host, "BenefitRealisation")).toBe(0.4), SETTLE);
    fireEvent.click(whatIf().getByRole("button", { name: "Reset to saved values" }));
    expect(
      await whatIf().findByText("Inputs reset to the values saved when the pane opened.", undefined, SETTLE),
    ).toBeTruthy();
    expect(await nameValue(host, "Scenario")).toBe("Base");
    expect(await nameValue(host, "BenefitRealisation")).toBe(1);
    expect(await nameValue(host, "FteMonthlyCost")).toBe(80_000);
    expect(await nameValue(host, "CostPerCall")).toBe(0.002);
    expect(await nameValue(host, "AnnualROI")).toBeCloseTo((22_000_000 - 9_192_000) / 9_192_000, 9);
  });
});

describe("What-if: a refused write", () => {
  it("shows what failed and what to do next", async () => {
    const host = await builtHost();
    host.writeCells = () => Promise.reject(new Error("ROI!B13: the sheet is being edited"));
    await openWhatIf(host);
    fireEvent.change(slider("Benefit realisation"), { target: { value: "120" } });
    expect(await whatIf().findByText("The input could not be written", undefined, SETTLE)).toBeTruthy();
    expect(whatIf().getByText("Details: ROI!B13: the sheet is being edited")).toBeTruthy();
    expect(whatIf().getByText("Check that the sheet is not being edited, then try again.")).toBeTruthy();
  });
});

describe("What-if: goal seek by the engine", () => {
  const find = () => fireEvent.click(whatIf().getByRole("button", { name: "Find the value" }));
  const apply = () => fireEvent.click(whatIf().getByRole("button", { name: "Apply" }));
  const answer = () => whatIf().findByTestId("goal-seek-answer", undefined, SETTLE);

  it("finds the benefit realisation that gives ROI = 0 (41.8%), and Apply makes the workbook's ROI 0", async () => {
    const host = await builtHost();
    await openWhatIf(host);
    find();
    expect((await answer()).textContent).toBe("Benefit realisation of 41.8% gives ROI = 0");
    apply();
    await waitFor(
      async () => expect(Math.abs((await nameValue(host, "AnnualROI")) as number)).toBeLessThan(1e-6),
      SETTLE,
    );
    expect(await nameValue(host, "BenefitRealisation")).toBeCloseTo(9_192_000 / 22_000_000, 9);
  });

  // The complete model pays back in about 14.3 months at full realisation and adoption (the
  // Rollout's training cost is a cost of the case), so the target is an 18-month benchmark the
  // user typed: both levers reach it below 100%, and the pane names the benchmark typed.
  it.each([
    ["Benefit realisation", "BenefitRealisation"],
    ["Adoption target", "AdoptionTargetAll"],
  ])(
    "finds the %s that gives an 18-month payback, and Apply makes PaybackMonths 18 within 1e-6",
    async (lever, input) => {
      const host = await builtHost();
      await setName(host, "LeaderPaybackMonths", 18);
      await openWhatIf(host);
      fireEvent.click(whatIf().getByRole("radio", { name: "Payback = 18 months" }));
      fireEvent.click(whatIf().getByRole("radio", { name: lever }));
      find();
      expect((await answer()).textContent).toMatch(
        new RegExp(`^${lever} of \\d+\\.\\d% gives Payback = 18 months$`),
      );
      apply();
      await waitFor(
        async () => expect((await nameValue(host, "PaybackMonths")) as number).toBeCloseTo(18, 6),
        SETTLE,
      );
      expect(Math.abs(((await nameValue(host, "PaybackMonths")) as number) - 18)).toBeLessThan(1e-6);
      expect((await nameValue(host, input)) as number).toBeLessThan(1);
    },
  );

  it("explains that the adoption target does not move the annual ROI", async () => {
    const host = await builtHost();
    await openWhatIf(host);
    fireEvent.click(whatIf().getByRole("radio", { name: "Adoption target" }));
    find();
    expect((await answer()).textContent).toMatch(/^The adoption target does not change the annual ROI/);
    expect(whatIf().queryByRole("button", { name: "Apply" })).toBeNull();
  });

  it("explains when the payback target would need more than 100% adoption", async () => {
    const host = await builtHost();
    await setName(host, "ImplementationCost", 25_000_000);
    await openWhatIf(host);
    fireEvent.click(whatIf().getByRole("radio", { name: "Payback = 14 months" }));
    fireEvent.click(whatIf().getByRole("radio", { name: "Adoption target" }));
    find();
    expect((await answer()).textContent).toMatch(
      /^Payback = 14 months needs Adoption target of \d+\.\d%, beyond the 100\.0% the input accepts\.$/,
    );
  });

  it("says to build the ROI sheet first when there is none", async () => {
    await openWhatIf(new MemoryHost()).catch(() => undefined);
    find();
    expect((await answer()).textContent).toBe("Build the ROI sheet to use goal seek.");
  });
});
