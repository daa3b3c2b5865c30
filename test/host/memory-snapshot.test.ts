/**
 * MemoryHost.snapshot / fromSnapshot: what the preview keeps in the browser's storage. A restored
 * workbook must show exactly what the original showed (every sheet, cell view, name) and stay a
 * live model: the same edit afterwards gives the same numbers in both.
 */
import { MemoryHost } from "../../src/host/memory";
import { isSnapshot, type WorkbookSnapshot } from "../../src/host/memory-snapshot";
import { planCompleteModel, planModel } from "../../src/templates/index";
import { nameCell, nameValue, snapshot } from "./memory-support";
import { sheetView } from "../../src/preview/sheet-view";

const OPTIONS = { data: "sample", currency: "NT$", locale: "en", rows: 12 } as const;

/** Storage holds a structured clone: no class instances, no shared references survive. */
const stored = (s: WorkbookSnapshot): WorkbookSnapshot => structuredClone(s);

async function edited(): Promise<MemoryHost> {
  const host = new MemoryHost();
  const plans = planCompleteModel(OPTIONS);
  await host.applyPlans(plans, { dialect: "live" });
  const roi = plans.find((p) => p.template === "roi")!;
  await host.writeCells([{ sheet: "ROI", address: nameCell(roi, "AgentsAfter"), values: [[40]] }]);
  // A second ROI sheet beside the first: its own names become sheet-scoped.
  const [copy] = planModel(["roi"], OPTIONS, ["portfolio", "rollout", "stress"]);
  await host.applyPlans([copy], { dialect: "portable", policies: { ROI: "keepBoth" } });
  // A sheet of the user's own, with a formula that reads the model.
  host.addSheet("Notes", [
    ["Annual ROI", "=AnnualROI*100"],
    ["typed", 7],
  ]);
  return host;
}

describe("MemoryHost snapshots", () => {
  it("restores every sheet, cell view and name exactly as the original shows them", async () => {
    const original = await edited();
    const saved = stored(original.snapshot());
    expect(isSnapshot(saved)).toBe(true);
    const restored = MemoryHost.fromSnapshot(saved);
    expect(await snapshot(restored)).toEqual(await snapshot(original));
    const roi = planCompleteModel(OPTIONS).find((p) => p.template === "roi")!;
    expect((await restored.readRange("ROI", nameCell(roi, "AgentsAfter")))[0][0]).toBe(40);
  });

  it("keeps the restored workbook live: the same edit gives the same numbers", async () => {
    const original = await edited();
    const restored = MemoryHost.fromSnapshot(stored(original.snapshot()));
    const roi = planCompleteModel(OPTIONS).find((p) => p.template === "roi")!;
    const before = await nameValue(restored, "AnnualROI");
    // The workbook names still point at "ROI", the model's sheet; "ROI (2)" is the kept copy.
    for (const host of [original, restored])
      await host.writeCells([{ sheet: "ROI", address: nameCell(roi, "AgentsAfter"), values: [[45]] }]);
    expect(await nameValue(restored, "AnnualROI")).not.toBe(before);
    expect(await snapshot(restored)).toEqual(await snapshot(original));
    expect((await restored.readRange("Notes", "B1"))[0][0]).toBeCloseTo(
      ((await nameValue(restored, "AnnualROI")) as number) * 100,
      9,
    );
  });

  it("stores spilled results as empty cells, so the spill is not blocked on restoring", async () => {
    const original = await edited();
    const saved = original.snapshot();
    const portfolio = saved.sheets.find((s) => s.name === "Portfolio")!;
    const formulas = portfolio.cells.flat().filter((c) => typeof c === "string" && c.startsWith("="));
    expect(formulas.some((f) => /GENAI\.QUADRANT_SCORE/.test(String(f)))).toBe(true);
    const restored = MemoryHost.fromSnapshot(saved);
    const view = sheetView(restored, "Portfolio");
    expect(view.cells.flat().some((c) => typeof c?.value === "string" && c.value.startsWith("#SPILL"))).toBe(
      false,
    );
  });

  it("refuses data that is not a snapshot of this version", () => {
    expect(isSnapshot(null)).toBe(false);
    expect(isSnapshot({ version: 0, sheets: [], names: [] })).toBe(false);
    expect(isSnapshot({ version: 1, sheets: [], names: [] })).toBe(true);
  });
});
