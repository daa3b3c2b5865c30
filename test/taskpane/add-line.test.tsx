/**
 * @jest-environment jsdom
 */
/**
 * The Build panel's "Add a line" card against a MemoryHost with a blank complete model: a benefit
 * typed in the pane lands in the Benefits table and the workbook's annual benefits follow; once a
 * table grows beyond the rows the Stress sheet was built with, the pane appends the Stress rows it
 * lacks, so the Stress sheet covers every line with no rebuild asked for. The Summary does the
 * same for a line typed below a table in Excel, not through the pane.
 */
import { newLineRow } from "../../src/taskpane/model/line-add";
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

const stressLabels = async (host: Awaited<ReturnType<typeof builtHost>>): Promise<unknown[]> =>
  ((await host.readNames(["StressLabels"])).StressLabels ?? []).map((r) => r[0]);

describe("Add a line", () => {
  it("adds the user's benefit lines, and the linked Stress sheet takes each one with no rebuild", async () => {
    const host = await builtHost({ data: "blank", currency: "NT$", locale: "en" });
    renderPane(host);
    await addBenefit("Lawyer hours saved", "2400000");
    await waitFor(async () => expect(await nameValue(host, "AnnualBenefits")).toBe(2_400_000), SETTLE);
    await addBenefit("Faster deal closing", "1500000");
    // The third benefit grows the Benefits table beyond the four rows the Stress sheet was built with.
    await addBenefit("Fewer missed clauses", "600000");
    await waitFor(async () => expect(await nameValue(host, "AnnualBenefits")).toBe(4_500_000), SETTLE);
    expect(await stressLabels(host)).toEqual([
      "Lawyer hours saved",
      "Faster deal closing",
      "Fewer missed clauses",
      "",
      "",
    ]);
    expect(build().queryByText(/rebuild the Stress sheet/)).toBeNull();
  }, 60_000);

  it("has the Summary say what a blank model's annual ROI needs, and keep the Stress sheet in step with lines typed in the workbook", async () => {
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
    // Two cost lines typed below the Costs table, as in Excel: the table grows to four rows and
    // the Summary has the Stress table grown to six, with no rebuild asked for.
    await host.appendTableRows("ROI", "Costs", [
      newLineRow({ kind: "cost", label: "Review platform licence", amount: 720_000 }, "en"),
      newLineRow({ kind: "cost", label: "Legal engineer", amount: 960_000 }, "en"),
    ]);
    await waitFor(
      async () =>
        expect(await stressLabels(host)).toEqual([
          "Lawyer hours saved",
          "",
          "",
          "",
          "Review platform licence",
          "Legal engineer",
        ]),
      SETTLE,
    );
    // Both tables have a line with an amount, and the Stress sheet is in step: nothing to say.
    expect(summary().queryByTestId("summary-lines-notice")).toBeNull();
  }, 60_000);
});
