/**
 * @jest-environment jsdom
 */
/**
 * The Build panel's "Add a line" card against a MemoryHost with a blank complete model: a benefit
 * typed in the pane lands in the Benefits table and the workbook's annual benefits follow; once a
 * table grows beyond the rows the Stress sheet was built for, the card says the Stress sheet needs
 * a rebuild.
 */
import {
  builtHost,
  fireEvent,
  nameValue,
  openTab,
  panelOf,
  renderPane,
  SETTLE,
  waitFor,
  within,
} from "./pane-support";

const build = () => within(panelOf("build"));

async function addBenefit(label: string, amount: string): Promise<void> {
  fireEvent.change(build().getByLabelText("Line"), { target: { value: label } });
  fireEvent.change(build().getByLabelText("Annual value or amount"), { target: { value: amount } });
  fireEvent.click(build().getByRole("button", { name: "Add benefit line" }));
  expect(await build().findByText(`Added "${label}" to the Benefits table.`, undefined, SETTLE)).toBeTruthy();
}

describe("Add a line", () => {
  it("adds the user's benefit lines, and says when the Stress sheet is behind the tables", async () => {
    const host = await builtHost({ data: "blank", currency: "NT$", locale: "en" });
    renderPane(host);
    await addBenefit("Lawyer hours saved", "2400000");
    await waitFor(async () => expect(await nameValue(host, "AnnualBenefits")).toBe(2_400_000), SETTLE);
    expect(build().queryByText(/rebuild the Stress sheet/)).toBeNull();
    await addBenefit("Faster deal closing", "1500000");
    await addBenefit("Fewer missed clauses", "600000");
    await waitFor(async () => expect(await nameValue(host, "AnnualBenefits")).toBe(4_500_000), SETTLE);
    expect(
      build().getByText(
        "The Stress sheet was built for 4 lines and the tables now have 5: rebuild the Stress sheet to put every line in its scenarios, simulation and tornado.",
      ),
    ).toBeTruthy();
  }, 60_000);

  it("has the Summary say what a blank model's annual ROI needs, and when the Stress sheet is behind", async () => {
    const host = await builtHost({ data: "blank", currency: "NT$", locale: "en" });
    renderPane(host);
    openTab("Summary");
    const summary = () => within(panelOf("summary"));
    const notice = async () =>
      (await summary().findByTestId("summary-lines-notice", undefined, SETTLE)).textContent;
    await waitFor(
      async () => expect(await notice()).toContain("Add a benefit line to the Benefits table on ROI"),
      SETTLE,
    );
    expect(await notice()).toContain("Add a cost line to the Costs table on ROI");
    openTab("Build");
    await addBenefit("Lawyer hours saved", "2400000");
    openTab("Summary");
    await waitFor(async () => expect(await notice()).not.toContain("Add a benefit line"), SETTLE);
    expect(await notice()).toContain("Add a cost line");
    openTab("Build");
    await addBenefit("Faster deal closing", "1500000");
    await addBenefit("Fewer missed clauses", "600000");
    openTab("Summary");
    await waitFor(
      async () =>
        expect(await notice()).toContain("The Stress sheet was built for 4 lines and the tables now have 5"),
      SETTLE,
    );
  }, 60_000);
});
