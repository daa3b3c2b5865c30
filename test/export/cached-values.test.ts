/**
 * The cached values an export writes are the numbers Excel computes, where HyperFormula on its
 * own would differ:
 *
 * - ROUND on binary fractions. A portfolio score of 46.875 is reached as 46.87499999999999;
 *   HyperFormula's ROUND gave 46.87 (and the next rank), Excel and LibreOffice give 46.88. A
 *   seeded sweep of weights that do not sum to 1 and of every score combination compares, on
 *   the score and rank cells, the in-memory workbook, the file's cached values and LibreOffice's
 *   own recalculation of the file (written without cached values, so it computes them).
 * - A formula that yields an empty cell. Excel gives 0 (=ApiMonthlyBudget on a blank input);
 *   HyperFormula leaves it empty, and the file carried no cached value. The blank model's every
 *   cached value is compared with LibreOffice's.
 *
 * Without LibreOffice the tests say so and are skipped; under CI=true they fail instead.
 */
import { mkdirSync, readFileSync, writeFileSync } from "fs";
import { basename, join } from "path";
import type * as ExcelJS from "exceljs";
import { Sfc32 } from "../../src/engine/random";
import { lookupOf, readPlanValues } from "../../src/export/values";
import { writeWorkbook } from "../../src/export/xlsx";
import { excelRound } from "../../src/host/excel-rounding";
import { MemoryHost } from "../../src/host/memory";
import type { CellValue } from "../../src/host/workbook-host";
import { cellAddress, parseRange } from "../../src/shared/a1";
import { withInputs } from "../../src/templates/cells";
import { planCompleteModel, planModel } from "../../src/templates/index";
import type { PlanValue, SheetPlan } from "../../src/templates/plan";
import { cellAt, cellValueOf, NOW, planFormulaCells, readXlsx } from "./export-support";
import { describeWithLibreOffice, recalculateAll } from "./libreoffice";

/** "1.5e-7" → "0.00000015", "1.5e+21" → "1500000000000000000000"; plain text as it is. */
function plainDecimal(text: string): string {
  const [mantissa, exponent] = text.split("e");
  if (exponent === undefined) return text;
  const [int, frac = ""] = mantissa.split(".");
  const digits = int + frac;
  const point = int.length + Number(exponent);
  if (point <= 0) return `0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return digits + "0".repeat(point - digits.length);
  return `${digits.slice(0, point)}.${digits.slice(point)}`;
}

describe("excelRound", () => {
  it.each([
    [46.87499999999999, 2, 46.88], // 0.08·1 + … with weights 8/10/15/15%: Excel shows 46.88
    [2.675, 2, 2.68], // stored as 2.67499999999999982236431605997495353221893310546875
    [-2.675, 2, -2.68], // half away from zero
    [1.005, 2, 1.01],
    [0.5, 0, 1],
    [-0.5, 0, -1],
    [2.5, 0, 3],
    [1234.5, -1, 1230],
    [1235, -1, 1240],
    [123.456, 1.9, 123.5], // digits are truncated
    [5e-16, 15, 1e-15],
    [1e-20, 2, 0],
    [1e300, 2, 1e300],
    [0.1 + 0.2, 1, 0.3],
    [46.87, 2, 46.87],
  ])("ROUND(%p, %p) = %p", (value, digits, expected) => {
    expect(excelRound(value, digits)).toBe(expected);
  });

  it("agrees with rounding the 15-digit decimal, on random values", () => {
    const random = new Sfc32(20250314);
    for (let i = 0; i < 5_000; i++) {
      const digits = Math.floor(random.next() * 5);
      // Values on a .xx5 boundary, as sums of binary fractions reach them, and plain random ones.
      const value =
        i % 2 === 0
          ? (Math.floor(random.next() * 1e6) + 0.5) / 10 ** digits + (random.next() - 0.5) * 1e-12
          : (random.next() - 0.5) * 10 ** Math.floor(random.next() * 8);
      // The reference: decimal arithmetic on the 15-significant-digit text, half away from zero.
      const [whole, fraction = ""] = plainDecimal(Math.abs(value).toPrecision(15)).split(".");
      const kept = BigInt(whole + fraction.slice(0, digits).padEnd(digits, "0"));
      const up = Number(fraction[digits] ?? "0") >= 5 ? 1n : 0n;
      const expected = Math.sign(value) * Number(`${kept + up}e-${digits}`);
      expect([value, digits, excelRound(value, digits)]).toEqual([
        value,
        digits,
        expected === 0 ? 0 : expected,
      ]);
    }
  });
});

/** The workbook name's cells as a column of values read by `read` (sheet, zero-based row, column). */
function namedColumn(
  plan: SheetPlan,
  name: string,
  read: (row: number, column: number) => CellValue,
): CellValue[] {
  const found = plan.names.find((n) => n.name === name);
  if (!found) throw new Error(`the Portfolio plan has no name ${name}`);
  const r = parseRange(found.range);
  return Array.from({ length: r.bottom - r.top + 1 }, (_, i) => read(r.top + i, r.left));
}

function fromFile(workbook: ExcelJS.Workbook, sheet: string) {
  return (row: number, column: number): CellValue =>
    cellValueOf(cellAt(workbook, sheet, cellAddress(row, column)));
}

describeWithLibreOffice("cached values against LibreOffice's", "genai-cached-", (session) => {
  /**
   * Every workbook of this file, written without cached values (so LibreOffice computes them)
   * and recalculated by one LibreOffice process; `recalculated(file)` reads the result.
   */
  const files = {
    inputs: [] as string[],
    results: new Map<string, ExcelJS.Workbook>(),
  };
  async function queueForLibreOffice(plans: readonly SheetPlan[], file: string): Promise<void> {
    const input = join(session.folder, "in", file);
    writeFileSync(input, await writeWorkbook(plans, () => undefined, { now: NOW }));
    files.inputs.push(input);
  }
  const recalculated = (file: string): ExcelJS.Workbook => {
    const workbook = files.results.get(file);
    if (!workbook) throw new Error(`LibreOffice did not recalculate ${file}`);
    return workbook;
  };

  // The sweep: the weights of the report (8/10/15/15%) with every score combination, then
  // random whole-percent weights (which do not sum to 1), each with random combinations.
  const SCORE_COMBINATIONS = 5 ** 4;
  const random = new Sfc32(46875);
  const WEIGHT_SETS: readonly (readonly number[])[] = [
    [0.08, 0.1, 0.15, 0.15],
    ...Array.from({ length: 4 }, () =>
      Array.from({ length: 4 }, () => (1 + Math.floor(random.next() * 40)) / 100),
    ),
  ];
  const SWEEP = WEIGHT_SETS.map((weights, set) => ({
    weights,
    scores: Array.from({ length: set === 0 ? SCORE_COMBINATIONS : 150 }, (_, i) => {
      const n = set === 0 ? i : Math.floor(random.next() * SCORE_COMBINATIONS);
      return [0, 1, 2, 3].map((k) => 1 + (Math.floor(n / 5 ** k) % 5));
    }),
  }));

  interface Columns {
    readonly score: CellValue[];
    readonly rank: CellValue[];
  }
  interface Case {
    readonly weights: readonly number[];
    readonly scores: readonly (readonly number[])[];
    readonly plan: SheetPlan;
    readonly memory: Columns;
    readonly cached: Columns;
  }
  const cases: Case[] = [];
  const blank = {
    plans: [] as SheetPlan[],
    cached: null as unknown as ExcelJS.Workbook,
    memory: (() => undefined) as ReturnType<typeof lookupOf>,
  };

  beforeAll(async () => {
    const started = Date.now();
    mkdirSync(join(session.folder, "in"), { recursive: true });

    for (const [set, { weights, scores }] of SWEEP.entries()) {
      const [template] = planModel(["portfolio"], {
        data: "sample",
        currency: "NT$",
        locale: "en",
        rows: scores.length,
      });
      const kept = new Map<string, PlanValue>();
      const w = parseRange(template.names.find((n) => n.name === "Weights")!.range);
      weights.forEach((value, k) => kept.set(`${w.top},${w.left + k}`, value));
      const table = parseRange(template.tables.find((t) => t.name === "UseCases")!.range);
      scores.forEach((row, i) =>
        row.forEach((value, k) => kept.set(`${table.top + 1 + i},${table.left + 2 + k}`, value)),
      );
      const plan = withInputs(template, kept);

      const host = new MemoryHost();
      await host.applyPlans([plan], { dialect: "portable" });
      const values = lookupOf(await readPlanValues(host, [plan]));
      const cachedFile = await readXlsx(await writeWorkbook([plan], values, { now: NOW }));
      await queueForLibreOffice([plan], `weights-${set}.xlsx`);
      cases.push({
        weights,
        scores,
        plan,
        memory: columnsOf(plan, (row, column) => values(plan.sheet, row, column) ?? null),
        cached: columnsOf(plan, fromFile(cachedFile, plan.sheet)),
      });
    }

    blank.plans = planCompleteModel({ data: "blank", currency: "NT$", locale: "en" });
    const host = new MemoryHost();
    await host.applyPlans(blank.plans, { dialect: "portable" });
    blank.memory = lookupOf(await readPlanValues(host, blank.plans));
    blank.cached = await readXlsx(await writeWorkbook(blank.plans, blank.memory, { now: NOW }));
    await queueForLibreOffice(blank.plans, "blank.xlsx");
    const computed = Date.now();

    const outputs = await recalculateAll(
      session.soffice,
      session.profile,
      files.inputs,
      join(session.folder, "out"),
    );
    for (const out of outputs) files.results.set(basename(out), await readXlsx(readFileSync(out)));
    console.log(
      `Cached values vs LibreOffice: ${cases.reduce((n, c) => n + c.scores.length, 0)} use cases over ${cases.length} weight sets ` +
        `and the blank model, computed in ${computed - started} ms, recalculated by LibreOffice in ${Date.now() - computed} ms`,
    );
  }, 300_000);

  function columnsOf(plan: SheetPlan, read: (row: number, column: number) => CellValue): Columns {
    return { score: namedColumn(plan, "UseCaseScores", read), rank: namedColumn(plan, "UseCaseRanks", read) };
  }

  describe("portfolio scores and ranks near .xx5, over weights that do not sum to 1", () => {
    const libre = (c: Case, set: number): Columns =>
      columnsOf(c.plan, fromFile(recalculated(`weights-${set}.xlsx`), c.plan.sheet));

    /**
     * A score at Excel's 15 significant digits. The in-memory workbook reads its values out
     * rounded to 16 digits by multiplying and dividing (33.84 reads 33.84000000000001): an ulp,
     * not a different score. A rounding fault is a hundredth.
     */
    const at15 = (v: CellValue): CellValue => (typeof v === "number" ? Number(v.toPrecision(15)) : v);

    /** Rows where a source differs from LibreOffice, with the inputs, for the failure message. */
    const differences = (source: "memory" | "cached") =>
      cases.flatMap((c, set) => {
        const lo = libre(c, set);
        return c.scores.flatMap((scores, i) =>
          at15(c[source].score[i]) === at15(lo.score[i]) && c[source].rank[i] === lo.rank[i]
            ? []
            : [
                {
                  weights: c.weights,
                  scores,
                  [source]: [c[source].score[i], c[source].rank[i]],
                  libreOffice: [lo.score[i], lo.rank[i]],
                },
              ],
        );
      });

    it("reaches the boundary: HyperFormula's former ROUND (on the raw double) differs on many rows", () => {
      // The score's own arithmetic, in the formula's order, rounded the way HyperFormula 3.5 did.
      let naiveDiffers = 0;
      cases.forEach((c, set) => {
        const lo = libre(c, set);
        const [w1, w2, w3, w4] = c.weights;
        const sum = w1 + w2 + w3 + w4;
        c.scores.forEach(([C, D, E, F], i) => {
          const raw = (100 * (w1 * (C - 1) + w2 * (5 - D) + w3 * (E - 1) + w4 * (F - 1))) / ((5 - 1) * sum);
          if (Math.round(raw * 100) / 100 !== at15(lo.score[i])) naiveDiffers++;
        });
      });
      expect(naiveDiffers).toBeGreaterThanOrEqual(10);
      // The report's case: weights 8/10/15/15%, scores 1,5,3,5 → 46.88 (HyperFormula gave 46.87).
      const report = cases[0].scores.findIndex((s) => s.join() === "1,5,3,5");
      expect([libre(cases[0], 0).score[report], cases[0].memory.score[report]]).toEqual([46.88, 46.88]);
    });

    it("the in-memory workbook computes every score and rank LibreOffice does", () => {
      expect(differences("memory")).toEqual([]);
    });

    it("the file caches every score and rank LibreOffice computes", () => {
      expect(differences("cached")).toEqual([]);
    });
  });

  describe("the blank model: formulas on empty inputs", () => {
    it("caches 0 where the in-memory workbook leaves a formula's result empty (Excel reads it as 0)", () => {
      const empty = planFormulaCells(blank.plans).filter(
        (c) => c.formula.portable !== null && blank.memory(c.sheet, c.row, c.column) === null,
      );
      // The blank model has such cells (a formula reading an empty input): the check below is not vacuous.
      expect(empty.length).toBeGreaterThan(0);
      for (const c of empty)
        expect([`${c.sheet}!${c.address}`, cellValueOf(cellAt(blank.cached, c.sheet, c.address))]).toEqual([
          `${c.sheet}!${c.address}`,
          0,
        ]);
    });

    it("caches what LibreOffice computes in every formula cell", () => {
      const lo = recalculated("blank.xlsx");
      const differ = planFormulaCells(blank.plans)
        .filter((c) => c.formula.portable !== null)
        .flatMap((c) => {
          const file = cellValueOf(cellAt(blank.cached, c.sheet, c.address));
          const libre = cellValueOf(cellAt(lo, c.sheet, c.address));
          const same =
            typeof file === "number" && typeof libre === "number"
              ? Math.abs(file - libre) <= 1e-9 * Math.max(1, Math.abs(libre))
              : (file ?? "") === (libre ?? "");
          return same ? [] : [{ cell: `${c.sheet}!${c.address}`, file, libre }];
        });
      expect(differ).toEqual([]);
    });
  });
});
