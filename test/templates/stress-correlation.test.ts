/**
 * The Stress sheet's rank-correlation block as planned and as both dialects compute it: a labelled
 * square of inputs over the lines (the sample's pairs as documented, a blank model's identity),
 * above the line table, with its status, its 1/0 and the matrix SIMULATE_ROI receives; the same
 * block on a Stress sheet built alone; the Sampling setting passed to SIMULATE_ROI. What it
 * protects: the block's cells equal in the live and portable dialects (the shareable copy computes
 * the rule natively), and a layout change that would move the matrix into the table.
 */
import { bundleFor } from "../../src/i18n/bundles";
import { MemoryHost } from "../../src/host/memory";
import { tableBody } from "../../src/host/plan-rows";
import type { CellValue } from "../../src/host/workbook-host";
import { cellAddress, parseRange } from "../../src/shared/a1";
import { planCompleteModel, planModel } from "../../src/templates/index";
import { isFormula, type Dialect, type SheetPlan } from "../../src/templates/plan";
import { ROI_LINE_NAMES } from "../../src/templates/roi";
import { SAMPLE_CORRELATION, STRESS_NAMES, STRESS_TABLE } from "../../src/templates/stress";

const SAMPLE = { data: "sample", currency: "NT$", locale: "en" } as const;
const BLOCK = [
  STRESS_NAMES.correlation,
  STRESS_NAMES.correlationLabels,
  STRESS_NAMES.correlationStatus,
  STRESS_NAMES.correlationApplied,
  STRESS_NAMES.correlationInUse,
] as const;

async function built(plans: SheetPlan[], dialect: Dialect): Promise<Record<string, CellValue[][] | null>> {
  const host = new MemoryHost();
  await host.applyPlans(plans, { dialect });
  return host.readNames([...BLOCK, STRESS_NAMES.sampling]);
}

const stressOf = (plans: readonly SheetPlan[]): SheetPlan => plans.find((p) => p.template === "stress")!;

describe("the Stress sheet's rank-correlation block", () => {
  const cases = {
    "sample, linked": planCompleteModel(SAMPLE),
    "blank, linked": planCompleteModel({ ...SAMPLE, data: "blank" }),
    "sample, alone": planModel(["stress"], SAMPLE),
    "blank, alone": planModel(["stress"], { ...SAMPLE, data: "blank" }),
  };

  it.each(Object.entries(cases))(
    "computes the same in both dialects, matching its lines (%s)",
    async (_, plans) => {
      const [live, portable] = await Promise.all([built(plans, "live"), built(plans, "portable")]);
      expect(portable).toEqual(live);
      expect(live[STRESS_NAMES.correlationApplied]).toEqual([[1]]);
      expect(live[STRESS_NAMES.correlationStatus]).toEqual([["Matches the lines: the simulation uses it."]]);
      // While it matches, the matrix the function receives is the entries themselves.
      expect(live[STRESS_NAMES.correlationInUse]).toEqual(
        live[STRESS_NAMES.correlation]!.map((row) => row.map((v) => (v === null ? "" : v))),
      );
    },
  );

  it("holds the sample's pairs: benefits +0.5, the usage-priced Model API line +0.3 with each benefit, others 0", async () => {
    const values = await built(cases["sample, linked"], "live");
    const labels = values[STRESS_NAMES.correlationLabels]!.map((r) => r[0]);
    expect(labels).toEqual([
      "Agent cost saved",
      "Capacity from shorter handling",
      "Retention",
      "Model API",
      "Platform and infrastructure",
      "People (build and run)",
      "Training and change",
      "Implementation",
    ]);
    const m = values[STRESS_NAMES.correlation]!;
    const expected = (i: number, j: number): number => {
      if (i === j) return 1;
      if (i < 3 && j < 3) return SAMPLE_CORRELATION.benefitPairs;
      if ((i < 3 && j === 3) || (i === 3 && j < 3)) return SAMPLE_CORRELATION.usageWithBenefit;
      return 0;
    };
    m.forEach((row, i) => row.forEach((v, j) => expect(v).toBe(expected(i, j))));
    expect(values[STRESS_NAMES.sampling]).toEqual([["LHS"]]);
  });

  it("starts a blank model at the identity: 1 on the diagonal, blank pairs", async () => {
    const m = (await built(cases["blank, linked"], "live"))[STRESS_NAMES.correlation]!;
    expect(m).toHaveLength(4); // two empty rows per ROI table
    m.forEach((row, i) => row.forEach((v, j) => expect(v).toBe(i === j ? 1 : null)));
  });

  it.each(Object.entries(cases))(
    "sits above the line table, whose rows can grow below it (%s)",
    (_, plans) => {
      const plan = stressOf(plans);
      const range = (name: string) => parseRange(plan.names.find((n) => n.name === name)!.range);
      const table = tableBody(plan, STRESS_TABLE)!;
      for (const name of BLOCK) expect(range(name).bottom).toBeLessThan(table.top - 1);
      // Square, one row per line of the table at build time, with a validation of −1..1.
      const entries = range(STRESS_NAMES.correlation);
      expect(entries.bottom - entries.top).toBe(entries.right - entries.left);
      expect(entries.bottom - entries.top).toBe(table.bottom - table.top);
      expect(plan.validations).toContainEqual(
        expect.objectContaining({ rule: { kind: "decimal", min: -1, max: 1 } }),
      );
      // A rebuild keeps the entries by their labels.
      expect(plan.names.find((n) => n.name === STRESS_NAMES.correlation)?.keyedBy).toBe(
        STRESS_NAMES.correlationLabels,
      );
    },
  );

  it.each(Object.entries(cases))(
    "passes the sampling, the gated matrix and the words for no lines to SIMULATE_ROI (%s)",
    (_, plans) => {
      const plan = stressOf(plans);
      const live = plan.blocks
        .flatMap((b) => b.cells.flat())
        .flatMap((c) => (isFormula(c) && c.live?.startsWith("=GENAI.SIMULATE_ROI(") ? [c.live] : []));
      expect(live).toHaveLength(1);
      // Then the words a model without lines shows in the table's place (value_if_empty).
      expect(live[0]).toMatch(/,IF\(SimSampling="","LHS",SimSampling\),StressCorrelationInUse,"[^"]+"\)$/);
    },
  );

  it.each(["en", "zh-TW"] as const)(
    "is not applied while a line with a value has no label, and says which one to label, alike in both dialects (%s)",
    async (locale) => {
      const L = bundleFor(locale).stress;
      const read = async (dialect: Dialect): Promise<Record<string, CellValue[][] | null>> => {
        const host = new MemoryHost();
        await host.applyPlans(planCompleteModel({ ...SAMPLE, locale, data: "blank" }), { dialect });
        // A value typed into the second row of Costs, its label left blank.
        const at = (await host.locateNames([ROI_LINE_NAMES.costs.base]))[ROI_LINE_NAMES.costs.base]!;
        const r = parseRange(at.address);
        host.typeAsUser(at.sheet, cellAddress(r.top + 1, r.left), 600_000);
        // The column beside the matrix: the line now at each row's position.
        const m = (await host.locateNames([STRESS_NAMES.correlation]))[STRESS_NAMES.correlation]!;
        const e = parseRange(m.address);
        const now = await host.readRange(
          m.sheet,
          `${cellAddress(e.top, e.right + 1)}:${cellAddress(e.bottom, e.right + 1)}`,
        );
        return { ...(await host.readNames([...BLOCK])), now };
      };
      const [live, portable] = await Promise.all([read("live"), read("portable")]);
      expect(portable).toEqual(live);
      expect(live[STRESS_NAMES.correlationApplied]).toEqual([[0]]);
      expect(live[STRESS_NAMES.correlationStatus]).toEqual([
        [L.correlationUnlabelled.replace("{row}", "2").replace("{table}", "Costs")],
      ]);
      // The line now at the matrix's fourth row (Costs row 2) is shown as having no label, and
      // the matrix the function receives is blank.
      expect(live.now?.map((row) => row[0] ?? "")).toEqual(["", "", "", L.correlationNoLabel]);
      expect(live[STRESS_NAMES.correlationInUse]?.flat().every((v) => v === "" || v === null)).toBe(true);
    },
  );

  it.each(["zh-TW", "qps-ploc"] as const)(
    "writes its status in the sheet's language (%s)",
    async (locale) => {
      const values = await built(planCompleteModel({ ...SAMPLE, locale }), "live");
      expect(values[STRESS_NAMES.correlationStatus]).toEqual([[bundleFor(locale).stress.correlationMatches]]);
      expect(values[STRESS_NAMES.correlationApplied]).toEqual([[1]]);
    },
  );
});
