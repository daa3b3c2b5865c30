/**
 * The complete model (Portfolio, Rollout, ROI, Stress, linked through workbook names) in
 * MemoryHost: it builds in both dialects, every formula cell gives the same value in each, and a
 * change on one sheet flows through to the others.
 */
import { MemoryHost } from "../../src/host/memory";
import type { ApplyProgress, CellValue } from "../../src/host/workbook-host";
import { cellAddress, parseCell } from "../../src/shared/a1";
import { planCompleteModel } from "../../src/templates/index";
import { isFormula, type SheetPlan } from "../../src/templates/plan";
import { nameCell, nameValue } from "./memory-support";

const OPTIONS = { data: "sample", currency: "NT$", locale: "en" } as const;

interface FormulaCell {
  readonly sheet: string;
  readonly address: string;
}

function formulaCells(plans: readonly SheetPlan[]): FormulaCell[] {
  return plans.flatMap((plan) =>
    plan.blocks.flatMap((block) => {
      const origin = parseCell(block.at);
      return block.cells.flatMap((row, r) =>
        row.flatMap((cell, c) =>
          isFormula(cell)
            ? [{ sheet: plan.sheet, address: cellAddress(origin.row + r, origin.column + c) }]
            : [],
        ),
      );
    }),
  );
}

function agree(a: CellValue, b: CellValue): boolean {
  if (typeof a === "number" && typeof b === "number")
    return Math.abs(a - b) <= Math.max(1e-9 * Math.max(Math.abs(a), Math.abs(b)), 1e-12);
  return a === b;
}

async function valuesOf(host: MemoryHost, cells: readonly FormulaCell[]): Promise<CellValue[]> {
  return Promise.all(cells.map(async (c) => (await host.readRange(c.sheet, c.address))[0][0]));
}

describe("the complete model in MemoryHost", () => {
  const plans = planCompleteModel(OPTIONS);
  const cells = formulaCells(plans);
  let live: MemoryHost;
  let portable: MemoryHost;
  const progress: ApplyProgress[] = [];

  beforeAll(async () => {
    live = new MemoryHost();
    portable = new MemoryHost();
    await live.applyPlans(plans, { dialect: "live", onProgress: (p) => progress.push(p) });
    await portable.applyPlans(plans, { dialect: "portable" });
  });

  it("builds all four sheets, each marked with its template", async () => {
    for (const host of [live, portable]) {
      expect((await host.listSheets()).map((s) => [s.name, s.template, s.templateVersion])).toEqual(
        plans.map((p) => [p.sheet, p.template, p.version]),
      );
    }
  });

  it("reports progress step by step, ending at its total", () => {
    expect(progress.length).toBe(progress[progress.length - 1].total);
    expect(progress.map((p) => p.done)).toEqual(progress.map((_, i) => i + 1));
    expect(progress.map((p) => p.step)).toContain("writing cells (Stress)");
    expect(progress).toContainEqual(expect.objectContaining({ kind: "cells", sheet: "Stress" }));
  });

  it("gives every formula cell the same value in the live and the portable dialect", async () => {
    expect(cells.length).toBeGreaterThan(100);
    const a = await valuesOf(live, cells);
    const b = await valuesOf(portable, cells);
    const differing = cells
      .map((cell, i) => ({ ...cell, live: a[i], portable: b[i] }))
      .filter((d) => !agree(d.live, d.portable));
    expect(differing).toEqual([]);
  });

  it("has no error in any formula cell", async () => {
    const a = await valuesOf(live, cells);
    const errors = cells
      .map((cell, i) => ({ ...cell, value: a[i] }))
      .filter((d) => typeof d.value === "string" && /^#[A-Z/0]+[!?]?$|^#N\/A$/.test(d.value));
    expect(errors).toEqual([]);
  });

  it("carries the Stress sheet's Scenario switch through to the ROI sheet in both dialects", async () => {
    const scenario = nameCell(plans.find((p) => p.template === "stress") as SheetPlan, "Scenario");
    const results: number[] = [];
    for (const host of [live, portable]) {
      const base = (await nameValue(host, "AnnualROI")) as number;
      await host.writeCells([{ sheet: "Stress", address: scenario, values: [["Worst"]] }]);
      const worst = (await nameValue(host, "AnnualROI")) as number;
      expect(worst).toBeLessThan(base);
      results.push(worst);
      await host.writeCells([{ sheet: "Stress", address: scenario, values: [["Base"]] }]);
      expect(await nameValue(host, "AnnualROI")).toBe(base);
    }
    expect(agree(results[0], results[1])).toBe(true);
  });
});

describe("the blank complete model in MemoryHost", () => {
  it.each(["live", "portable"] as const)(
    "builds in the %s dialect although its spilling functions return errors while inputs are empty",
    async (dialect) => {
      const host = new MemoryHost();
      const result = await host.applyPlans(planCompleteModel({ ...OPTIONS, data: "blank" }), { dialect });
      expect(result.sheets.map((s) => s.outcome)).toEqual(["created", "created", "created", "created"]);
      const [[roi]] = (await host.readNames(["AnnualROI"])).AnnualROI as CellValue[][];
      expect(roi).toBe(""); // no costs yet: blank, neither an error nor a made-up number
    },
    60_000,
  );
});
