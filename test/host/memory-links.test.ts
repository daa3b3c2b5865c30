/**
 * Sheets reach each other only through workbook names. Rebuilding one sheet re-points its names,
 * and every formula on other sheets that reads them follows, including spills whose size changes.
 */
import { MemoryHost } from "../../src/host/memory";
import { tableBody } from "../../src/host/plan-rows";
import { cellAddress } from "../../src/shared/a1";
import { STRESS_TABLE } from "../../src/templates/stress";
import { SheetBuilder, dual } from "../../src/templates/builder";
import { planCompleteModel } from "../../src/templates/index";
import type { SheetPlan } from "../../src/templates/plan";
import { close, nameCell, nameValue } from "./memory-support";

const OPTIONS = { data: "sample", currency: "NT$", locale: "en" } as const;

/** A small "portfolio" sheet naming columns of scores, `rows` long. */
function scores(rows: number): SheetPlan {
  const b = new SheetBuilder("portfolio", 1, "Scores", "en", "NT$");
  const data = b.write(
    "A1",
    Array.from({ length: rows }, (_, r) => [1 + (r % 5), 5 - (r % 5)]),
  );
  b.style(data.range(0, 0, rows - 1, 1), "input");
  b.name("Impact", data.column(0), "impact").name("Complexity", data.column(1), "complexity");
  return b.build();
}

/** A "rollout" sheet whose live formula spills over the other sheet's names. */
function quadrants(): SheetPlan {
  const b = new SheetBuilder("rollout", 1, "Quadrants", "en", "NT$");
  b.write("A1", [[dual("=GENAI.QUADRANT(Impact,Complexity)", '=""')]]);
  return b.build();
}

describe("links between sheets in MemoryHost", () => {
  it("a spill over another sheet's names resizes when that sheet is rebuilt with more rows", async () => {
    const host = new MemoryHost();
    await host.applyPlans([scores(3), quadrants()], { dialect: "live" });
    expect(await host.readRange("Quadrants", "A1:A6")).toEqual([
      ["Deprioritize"],
      ["Deprioritize"],
      ["Fill-in"],
      [null],
      [null],
      [null],
    ]);
    await host.applyPlans([scores(5)], { dialect: "live", policies: { Scores: "replace" } });
    expect(await host.readRange("Quadrants", "A1:A6")).toEqual([
      ["Deprioritize"],
      ["Deprioritize"],
      ["Fill-in"],
      ["Quick Win"],
      ["Quick Win"],
      [null],
    ]);
  });

  it("a user's own spill over a template's names follows a rebuild with more rows", async () => {
    const host = new MemoryHost();
    await host.applyPlans([scores(3)], { dialect: "live" });
    host.addSheet("Mine", [["=GENAI.QUADRANT(Impact,Complexity)"]]);
    await host.applyPlans([scores(5)], { dialect: "live", policies: { Scores: "replace" } });
    expect((await host.readRange("Mine", "A1:A5")).flat()).toEqual([
      "Deprioritize",
      "Deprioritize",
      "Fill-in",
      "Quick Win",
      "Quick Win",
    ]);
  });

  it("formulas on other sheets follow the model's sheet, never a copy kept beside it", async () => {
    const host = new MemoryHost();
    const plans = planCompleteModel(OPTIONS);
    await host.applyPlans(plans, { dialect: "live" });
    const roi = plans.find((p) => p.template === "roi") as SheetPlan;
    const stressBase = async (): Promise<unknown> =>
      (await host.readNames(["RoiBenefitBase"])).RoiBenefitBase;
    // The Stress table's first line's base, found from the plan (the correlation block is above it).
    const stressPlan = plans.find((p) => p.template === "stress") as SheetPlan;
    const firstBase = cellAddress(tableBody(stressPlan, STRESS_TABLE)!.top, 5);
    const stressLine = async (): Promise<unknown> => (await host.readRange("Stress", firstBase))[0][0];
    expect(await stressLine()).toBe(7_200_000);
    await host.writeCells([{ sheet: "ROI", address: nameCell(roi, "AgentsAfter"), values: [[40]] }]);
    expect(await stressLine()).toBe(4_800_000);

    await host.applyPlans([roi], { dialect: "live", policies: { ROI: "keepBoth" } }); // copy "ROI (2)"
    expect(await stressLine()).toBe(4_800_000);
    await host.writeCells([{ sheet: "ROI (2)", address: nameCell(roi, "AgentsAfter"), values: [[30]] }]);
    expect(await stressLine()).toBe(4_800_000);
    expect(await stressBase()).toEqual([[4_800_000], [4_800_000], [10_000_000]]);
    // The copy computes from its own inputs: 20 agents saved.
    const [[copySaving]] = await host.readRange("ROI (2)", nameCell(roi, "RoiBenefitBase").split(":")[0]);
    expect(close(copySaving, 9_600_000)).toBe(true);
    expect(await nameValue(host, "AnnualBenefits")).toBe(19_600_000);
  });
});
