/**
 * @jest-environment jsdom
 */
import { MemoryHost } from "../../src/host/memory";
import { bundleFor } from "../../src/i18n/bundles";
import { fill } from "../../src/taskpane/model/format";
import type { ApplyOptions, ApplyResult } from "../../src/host/workbook-host";
import type { SheetPlan } from "../../src/templates/plan";
import { snapshot } from "../host/memory-support";
import {
  builtHost,
  fireEvent,
  nameValue,
  renderPane,
  screen,
  setName,
  SETTLE,
  waitFor,
  within,
} from "./pane-support";
import { roiTemplate } from "../../src/templates/roi";
import { DEFAULT_OPTIONS } from "../../src/templates/plan";
import { sheetView } from "../../src/preview/sheet-view";

/** Where the ROI sheet's AgentsAfter input sits (by name: the layout may move). */
const AGENTS_AFTER = (
  roiTemplate(DEFAULT_OPTIONS).names.find((n) => n.name === "AgentsAfter")?.range ?? ""
).replace(/\$/g, "");

/** A MemoryHost whose builds hold back their result until released, so the progress can be seen. */
class PausingHost extends MemoryHost {
  private release: () => void = () => undefined;
  private readonly gate = new Promise<void>((resolve) => (this.release = resolve));
  readonly progress: string[] = [];

  override async applyPlans(plans: readonly SheetPlan[], options: ApplyOptions): Promise<ApplyResult> {
    const result = await super.applyPlans(plans, {
      ...options,
      onProgress: (p) => {
        this.progress.push(p.step);
        options.onProgress?.(p);
      },
    });
    await this.gate;
    return result;
  }

  finish(): void {
    this.release();
  }
}

const sheetNames = async (host: MemoryHost) => (await host.listSheets()).map((s) => s.name);
const click = (name: string | RegExp) => fireEvent.click(screen.getByRole("button", { name }));
const dialog = () => screen.findByRole("alertdialog", undefined, SETTLE);

describe("Build panel", () => {
  it('builds the complete model with "Build complete model", showing progress, then success', async () => {
    const host = new PausingHost();
    renderPane(host);
    click("Build complete model");
    expect(
      await screen.findByText("Step 16 of 16: writing computed values on Stress", undefined, SETTLE),
    ).toBeTruthy();
    expect(screen.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("1");
    expect(host.progress).toHaveLength(16);
    expect(screen.getByRole("button", { name: "Build complete model" })).toHaveProperty("disabled", true);
    host.finish();
    expect(await screen.findByText("Model built", undefined, SETTLE)).toBeTruthy();
    expect(screen.getByText("Built: Portfolio, Rollout, ROI, Stress.")).toBeTruthy();
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(await sheetNames(host)).toEqual(["Portfolio", "Rollout", "ROI", "Stress"]);
    expect(await nameValue(host, "AnnualROI")).toBeCloseTo(6.395786642761, 9);
  });

  it("builds one template with the chosen options: blank data, US$, 5 use cases", async () => {
    const host = new MemoryHost();
    renderPane(host);
    fireEvent.click(screen.getByRole("radio", { name: "Blank inputs" }));
    const currency = screen.getByRole("combobox", { name: "Currency" });
    expect([...currency.querySelectorAll("option")].map((o) => o.textContent)).toEqual([
      "NT$",
      "US$",
      "€",
      "£",
      "¥",
    ]);
    fireEvent.change(currency, { target: { value: "US$" } });
    fireEvent.change(screen.getByRole("spinbutton", { name: /Use cases in the portfolio/ }), {
      target: { value: "5" },
    });
    click("Build Portfolio sheet");
    expect(await screen.findByText("Model built", undefined, SETTLE)).toBeTruthy();
    const names = (await host.readNames(["UseCaseNames"])).UseCaseNames!;
    expect(names).toEqual([[null], [null], [null], [null], [null]]);
    expect(sheetView(host, "Portfolio").currency).toBe("US$");
  });

  it("refuses a number of use cases outside 1–5,000 and keeps the build buttons off", () => {
    renderPane(new MemoryHost());
    fireEvent.change(screen.getByRole("spinbutton", { name: /Use cases in the portfolio/ }), {
      target: { value: "0" },
    });
    expect(screen.getByText("Enter a whole number from 1 to 5000.")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Build complete model" })).toHaveProperty("disabled", true);
  });

  it("links a new sheet to the template sheets already in the workbook (ROI after Rollout)", async () => {
    const host = new MemoryHost();
    renderPane(host);
    click("Build Rollout sheet");
    await screen.findByText("Built: Rollout.", undefined, SETTLE);
    click("Build ROI sheet");
    await screen.findByText("Built: ROI.", undefined, SETTLE);
    const adoption = (await host.readNames(["RoiMonthlyAdoption"])).RoiMonthlyAdoption!.flat();
    const share = (await host.readNames(["AdoptedShare"])).AdoptedShare!.flat();
    expect(adoption).toEqual(share);
    expect(share[3]).toBeGreaterThan(0.2); // the rollout's curve, not the ROI sheet's own 6-month ramp
  });

  it("shows what failed and what to do next when a build fails, and leaves the workbook as it was", async () => {
    const host = new MemoryHost({ failAt: (step, sheet) => step === "blocks" && sheet === "ROI" });
    renderPane(host);
    click("Build complete model");
    expect(await screen.findByText("The build did not finish", undefined, SETTLE)).toBeTruthy();
    expect(
      screen.getByText(
        'Building the sheet "ROI" stopped at step "writing cells on ROI". The workbook was left as it was.',
      ),
    ).toBeTruthy();
    expect(screen.getByText(/rename or delete the sheet "ROI"/)).toBeTruthy();
    expect(screen.getByText("Details: injected failure (blocks, ROI)")).toBeTruthy();
    expect(await host.listSheets()).toEqual([]);
  });
});

describe("Build panel in Traditional Chinese", () => {
  it("names the step a build failed at in the pane's language, as progress does", async () => {
    const host = new MemoryHost({ failAt: (step, sheet) => step === "blocks" && sheet === "ROI" });
    renderPane(host, { initialLocale: "zh-TW" });
    const zh = bundleFor("zh-TW").pane;
    fireEvent.click(screen.getByRole("button", { name: zh.buildComplete }));
    expect(await screen.findByText(zh.buildFailed, undefined, SETTLE)).toBeTruthy();
    const step = fill(zh.stepCells, { sheet: "ROI", range: "" })
      .replace(/\s{2,}/g, " ")
      .trim();
    expect(screen.getByText(fill(zh.buildFailedAt, { sheet: "ROI", step }))).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/writing cells/);
  });
});

describe("Build panel asks before touching a non-empty sheet", () => {
  it("lists every conflicting sheet, rebuilds in place keeping inputs by default, and says what each choice does", async () => {
    const host = await builtHost();
    renderPane(host);
    click("Build complete model");
    const d = within(await dialog());
    expect(d.getByText("Some sheets already exist")).toBeTruthy();
    for (const sheet of ["Portfolio", "Rollout", "ROI", "Stress"]) {
      const group = d.getByRole("radiogroup", { name: `Sheet "${sheet}"` });
      expect(within(group).getByRole("radio", { name: "Replace" })).toHaveProperty("checked", true);
    }
    const group = within(d.getByRole("radiogroup", { name: 'Sheet "ROI"' }));
    const hint = (choice: string) =>
      document.getElementById(
        group.getByRole("radio", { name: choice }).getAttribute("aria-describedby") ?? "",
      )?.textContent;
    expect(hint("Replace")).toMatch(
      /^Rebuilds this ROI sheet in its place\. Kept, by table row and name: every row of its tables \(rows typed below a table too\), every value in the blue input cells, and any formula you typed into one\. Not kept: .* Kept: Benefits 3 rows, Costs 5 rows; \d+ named inputs; 0 formulas you typed\. Afterwards the model uses "ROI"\.$/,
    );
    expect(hint("Keep both")).toBe(
      'Rebuilds "ROI" in its place as Replace does, and keeps the old sheet as "ROI (2)": a copy the model does not use. Kept: Benefits 3 rows, Costs 5 rows; 33 named inputs; 0 formulas you typed. Afterwards the model uses "ROI".',
    );
    expect(hint("Cancel")).toBe(
      'Leave this sheet as it is and do not build it. Afterwards the model uses "ROI".',
    );
  });

  it("changes nothing when the build is cancelled", async () => {
    const host = await builtHost();
    await setName(host, "AgentsAfter", 40);
    const before = await snapshot(host);
    renderPane(host);
    click("Build complete model");
    await dialog();
    click("Cancel build");
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull(), SETTLE);
    expect(await snapshot(host)).toEqual(before);
    expect(screen.getByRole("button", { name: "Build complete model" })).toHaveProperty("disabled", false);
  });

  it('keeps both: ROI rebuilt with the edited input, the old sheet kept as the copy "ROI (2)"', async () => {
    const host = await builtHost();
    await setName(host, "AgentsAfter", 40);
    renderPane(host);
    click("Build ROI sheet");
    const group = within(await dialog()).getByRole("radiogroup", { name: 'Sheet "ROI"' });
    fireEvent.click(within(group).getByRole("radio", { name: "Keep both" }));
    click("Build");
    expect(
      await screen.findByText(
        "The old sheet was kept as ROI (2), a copy the model does not use",
        undefined,
        SETTLE,
      ),
    ).toBeTruthy();
    // MemoryHost adds the copy last (HyperFormula cannot move sheets); Excel puts it after ROI.
    expect(await sheetNames(host)).toEqual(["Portfolio", "Rollout", "ROI", "Stress", "ROI (2)"]);
    expect(await nameValue(host, "AgentsAfter")).toBe(40);
    expect((await host.readRange("ROI (2)", AGENTS_AFTER))[0][0]).toBe(40);
  });

  it("shows a workbook name of the user's before writing, and builds only once the model may take it", async () => {
    const host = new MemoryHost();
    host.addSheet("Assumptions", [["Hurdle", 0.08]]);
    host.typeAsUser("Assumptions", "C1", "=1000/(1+B1)");
    (host as unknown as { hf: { addNamedExpression: (n: string, e: string) => void } }).hf.addNamedExpression(
      "DiscountRate",
      "=Assumptions!$B$1",
    );
    const before = await snapshot(host);
    renderPane(host);
    click("Build complete model");
    const d = within(await dialog());
    expect(d.getByText("Names you already use")).toBeTruthy();
    const take = d.getByRole("checkbox", {
      name: /Let the model use "DiscountRate" \(now Assumptions!\$B\$1\)$/,
    });
    expect(d.getByRole("button", { name: "Build" })).toHaveProperty("disabled", true);
    expect(await snapshot(host)).toEqual(before);
    fireEvent.click(take);
    click("Build");
    expect(await screen.findByText("Model built", undefined, SETTLE)).toBeTruthy();
    expect((await host.locateNames(["DiscountRate"])).DiscountRate?.sheet).toBe("ROI");
  });

  it("replaces the ROI sheet and keeps an edited input (the default)", async () => {
    const host = await builtHost();
    await setName(host, "AgentsAfter", 40);
    renderPane(host);
    click("Build ROI sheet");
    within(await dialog()).getByRole("radiogroup", { name: 'Sheet "ROI"' });
    click("Build");
    expect(await screen.findByText(/^ROI replaced, \d+ input values kept$/, undefined, SETTLE)).toBeTruthy();
    expect(await sheetNames(host)).toEqual(["Portfolio", "Rollout", "ROI", "Stress"]);
    expect(await nameValue(host, "AgentsAfter")).toBe(40);
  });

  it("leaves a sheet as it is when its own choice is Cancel", async () => {
    const host = await builtHost();
    const before = await snapshot(host);
    renderPane(host);
    click("Build ROI sheet");
    const group = within(await dialog()).getByRole("radiogroup", { name: 'Sheet "ROI"' });
    fireEvent.click(within(group).getByRole("radio", { name: "Cancel" }));
    click("Build");
    expect(
      await screen.findByText("Nothing was built: every sheet was left as it was.", undefined, SETTLE),
    ).toBeTruthy();
    expect(await snapshot(host)).toEqual(before);
  });
});
