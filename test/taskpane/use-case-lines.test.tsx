/**
 * @jest-environment jsdom
 */
/**
 * The Build panel's "Portfolio use cases in the business case" card against a MemoryHost with the
 * complete model: it lists the Portfolio's use cases with the recommended PoCs ticked, and adding
 * them appends their lines (the customer-service assistant, which the sample's lines already
 * name, is said to be there already), and the workbook's annual benefits grow by their values.
 */
import {
  builtHost,
  fireEvent,
  nameValue,
  panelOf,
  renderPane,
  SETTLE,
  waitFor,
  within,
} from "./pane-support";

const build = () => within(panelOf("build"));

describe("Portfolio use cases in the business case", () => {
  it("adds the ticked use cases as lines and says which were already there", async () => {
    const host = await builtHost();
    renderPane(host);
    fireEvent.click(build().getByRole("button", { name: "Choose use cases" }));
    const contract = await build().findByRole("checkbox", { name: /^Contract review/ }, SETTLE);
    const service = build().getByRole("checkbox", { name: "Customer service assistant (recommended)" });
    expect(service).toHaveProperty("checked", true);
    // Only the customer-service assistant and contract review.
    for (const box of build().getAllByRole("checkbox"))
      if ((box === service || box === contract) !== (box as HTMLInputElement).checked) fireEvent.click(box);
    const before = (await nameValue(host, "AnnualBenefits")) as number;
    fireEvent.click(build().getByRole("button", { name: "Add to the business case" }));
    expect(await build().findByText("Added lines for: Contract review.", undefined, SETTLE)).toBeTruthy();
    expect(build().getByText("Already in the business case: Customer service assistant.")).toBeTruthy();
    await waitFor(
      async () => expect(await nameValue(host, "AnnualBenefits")).toBeCloseTo(before + 9_000_000, 6),
      SETTLE,
    );
  }, 60_000);
});
