/**
 * Table row operations on a MemoryHost (the preview's grid offers them): insert, delete and
 * restore rows of a template's table. What they protect: the Portfolio keeps scoring and ranking
 * every row right after each operation (calculated columns fill the new rows; totals, ranks,
 * names and the chart follow the table's rows), the sheet's plan stays equal to what the
 * workbook holds (so a later export or relink writes the right formulas), the deleted rows
 * come back on restore, and the linked Stress table, whose rows find their lines by position,
 * shows every line whatever rows it gains or loses.
 */
import { MemoryHost } from "../../src/host/memory";
import { cellAddress, parseCell } from "../../src/shared/a1";
import { tableBody } from "../../src/host/plan-rows";
import { cellInDialect, blockRange } from "../../src/templates/cells";
import { planCompleteModel } from "../../src/templates/index";
import { isFormula, type Dialect } from "../../src/templates/plan";
import { portfolioTemplate } from "../../src/templates/portfolio";
import { stressTemplate } from "../../src/templates/stress";
import type { CellValue } from "../../src/host/workbook-host";
import { sheetView } from "../../src/preview/sheet-view";

const SHEET = "Portfolio";
const FIRST = 11; // the UseCases table's first body row (1-based)

async function portfolioHost(dialect: Dialect = "live", rows = 12): Promise<MemoryHost> {
  const host = new MemoryHost();
  const plans = planCompleteModel({ data: "sample", currency: "NT$", locale: "en", rows });
  await host.applyPlans(plans, { dialect });
  return host;
}

async function column(host: MemoryHost, letter: string, rows: number): Promise<CellValue[]> {
  const values = await host.readRange(SHEET, `${letter}${FIRST}:${letter}${FIRST + rows - 1}`);
  return values.map((r) => r[0]);
}

/** Every formula cell of the sheet's plan is what the workbook holds there (in the dialect built). */
function expectPlanMatchesWorkbook(host: MemoryHost, sheet: string, dialect: Dialect): void {
  const plan = host.appliedPlans().find((p) => p.sheet === sheet);
  if (!plan) throw new Error(`no plan for ${sheet}`);
  const view = sheetView(host, sheet);
  const mismatches: string[] = [];
  for (const block of plan.blocks) {
    const r = blockRange(block);
    block.cells.forEach((line, i) =>
      line.forEach((cell, j) => {
        if (!isFormula(cell)) return;
        const wanted = cellInDialect(cell, dialect);
        const held = view.cells[r.top + i]?.[r.left + j]?.formula;
        if (wanted !== null && held !== wanted)
          mismatches.push(`${r.top + i},${r.left + j}: ${held} ≠ ${wanted}`);
      }),
    );
  }
  expect(mismatches.slice(0, 5)).toEqual([]);
}

/** Ranks as the sheet should compute them: 1 + the number of strictly higher scores. */
function ranksOf(scores: CellValue[]): CellValue[] {
  const numbers = scores.filter((s): s is number => typeof s === "number");
  return scores.map((s) => (typeof s === "number" ? numbers.filter((x) => x > s).length + 1 : ""));
}

describe("MemoryHost table rows", () => {
  it.each([0, 4, 12])(
    "inserts a row at position %i of UseCases; a use case typed into it is scored and ranked at once",
    async (index) => {
      const host = await portfolioHost();
      await host.insertTableRows(SHEET, "UseCases", index);
      const view = sheetView(host, SHEET);
      const table = view.tables.find((t) => t.name === "UseCases");
      expect(table?.range).toBe(`A10:T${FIRST + 12}`);
      const row = FIRST + index;
      // The new row is empty and editable, its calculated columns are there.
      for (const letter of ["A", "C", "D", "E", "F", "G", "H"])
        expect(view.cells[row - 1][parseCell(`${letter}1`).column]).toMatchObject({
          value: null,
          input: true,
        });
      expect(view.cells[row - 1][parseCell("I1").column]?.formula).toMatch(/QUADRANT_SCORE/);

      await host.writeCells([
        { sheet: SHEET, address: `A${row}:H${row}`, values: [["New assistant", "IT", 5, 1, 5, 5, 1e7, 1e6]] },
      ]);
      const scores = await column(host, "I", 13);
      expect(scores[index]).toBe(100);
      expect(await column(host, "K", 13)).toEqual(ranksOf(scores));
      expect(await column(host, "J", 13)).toContain("Quick Win");
      // Names and the chart follow the table.
      const names = await host.readNames(["UseCaseScores"]);
      expect(names.UseCaseScores?.length).toBe(13);
      expect(view.charts[0].series[0].y.length).toBe(13);
      // The ten sample use cases are all still there, with the new one (the last rows stay empty).
      const labels = await column(host, "A", 13);
      expect(labels.filter((l) => l !== null && l !== "")).toHaveLength(11);
      expectPlanMatchesWorkbook(host, SHEET, "live");
    },
  );

  it("keeps the portable dialect's plan and workbook in step too", async () => {
    const host = await portfolioHost("portable");
    await host.insertTableRows(SHEET, "UseCases", 3, 2);
    await host.deleteTableRows(SHEET, "UseCases", 0);
    expectPlanMatchesWorkbook(host, SHEET, "portable");
    const scores = await column(host, "I", 13);
    expect(await column(host, "K", 13)).toEqual(ranksOf(scores));
  });

  it("deletes a row: ranks close up, and restore puts the row back as it was", async () => {
    const host = await portfolioHost();
    const before = await column(host, "A", 12);
    const removed = await host.deleteTableRows(SHEET, "UseCases", 1);
    const after = await column(host, "A", 11);
    expect(after).toEqual([before[0], ...before.slice(2)]);
    const scores = await column(host, "I", 11);
    expect(await column(host, "K", 11)).toEqual(ranksOf(scores));
    expect(removed.rows[0].find((c) => c.column === 0)?.content).toBe(before[1]);

    await host.restoreTableRows(SHEET, "UseCases", 1, removed);
    expect(await column(host, "A", 12)).toEqual(before);
    expectPlanMatchesWorkbook(host, SHEET, "live");
  });

  it("moves an edge row's inputs with the insert, so the last use case stays last", async () => {
    const host = await portfolioHost();
    const before = await column(host, "A", 12);
    await host.insertTableRows(SHEET, "UseCases", 12);
    expect(await column(host, "A", 13)).toEqual([...before, null]);
    await host.insertTableRows(SHEET, "UseCases", 0);
    expect(await column(host, "A", 14)).toEqual([null, ...before, null]);
  });

  it("keeps the Rollout's adoption grid and company share in step with its Departments table", async () => {
    const host = await portfolioHost();
    const shareBefore = (await host.readNames(["AdoptedShare"])).AdoptedShare?.[0];
    await host.insertTableRows("Rollout", "Departments", 2);
    expectPlanMatchesWorkbook(host, "Rollout", "live");
    // An empty department changes nobody's adoption.
    expect((await host.readNames(["AdoptedShare"])).AdoptedShare?.[0]).toEqual(shareBefore);
  });

  it("lets the linked Stress table take or lose rows anywhere: each row shows the line at its position", async () => {
    const host = await portfolioHost();
    const labels = async (): Promise<CellValue[]> =>
      ((await host.readNames(["StressLabels"])).StressLabels ?? []).map((r) => r[0]);
    const lines = await labels();
    expect(lines.every((l) => typeof l === "string" && l !== "")).toBe(true);
    // A row inserted inside the table holds the same formulas: the lines stay in order, and the
    // row at the end, beyond the lines, reads blank.
    await host.insertTableRows("Stress", "StressLineItems", 1);
    expect(await labels()).toEqual([...lines, ""]);
    expectPlanMatchesWorkbook(host, "Stress", "live");
    await host.deleteTableRows("Stress", "StressLineItems", 0);
    expect(await labels()).toEqual(lines);
  });

  it("keeps at least two rows, and refuses positions outside the table", async () => {
    const host = new MemoryHost();
    await host.applyPlans(
      [portfolioTemplate({ data: "sample", currency: "NT$", locale: "en", rows: 3, linkedTo: [] })],
      { dialect: "live" },
    );
    await expect(host.deleteTableRows(SHEET, "UseCases", 0, 2)).rejects.toThrow(/at least 2 rows/);
    await expect(host.insertTableRows(SHEET, "UseCases", 4)).rejects.toThrow(/no row position 4/);
    await expect(host.insertTableRows(SHEET, "NoSuchTable", 0)).rejects.toThrow(/no table named/);
  });

  it("lets a user rename a table line (its label takes text, not numbers) and exports the new name", async () => {
    const host = new MemoryHost();
    await host.applyPlans([stressTemplate({ data: "sample", currency: "NT$", locale: "en", linkedTo: [] })], {
      dialect: "live",
    });
    // The table's first line, found from the plan (the correlation block sits above the table).
    const body = tableBody(
      host.appliedPlans().find((p) => p.sheet === "Stress")!,
      "StressLineItems",
    )!;
    const [first, kind, header] = [
      cellAddress(body.top, 0),
      cellAddress(body.top, 1),
      cellAddress(body.top - 1, 0),
    ];
    const label = sheetView(host, "Stress").cells[body.top][0];
    expect(label).toMatchObject({ label: true, input: false });
    await host.writeCells([{ sheet: "Stress", address: first, values: [["Agent hours saved"]] }]);
    expect((await host.readRange("Stress", first))[0][0]).toBe("Agent hours saved");
    await expect(host.writeCells([{ sheet: "Stress", address: first, values: [[5]] }])).rejects.toThrow(
      /label takes text/,
    );
    // The tornado reads the new name; a save or shareable copy carries it.
    const tornado = sheetView(host, "Stress")
      .cells.flat()
      .filter((c) => c?.value === "Agent hours saved");
    expect(tornado.length).toBeGreaterThan(1);
    const plan = host.appliedPlans().find((p) => p.sheet === "Stress");
    expect(plan?.blocks.some((b) => b.cells.flat().includes("Agent hours saved"))).toBe(true);
    // A line's kind (formulas compare it) and headers stay as built.
    expect(sheetView(host, "Stress").cells[body.top][1]?.label).toBeUndefined();
    await expect(host.writeCells([{ sheet: "Stress", address: kind, values: [["Other"]] }])).rejects.toThrow(
      /not an input cell/,
    );
    await expect(host.writeCells([{ sheet: "Stress", address: header, values: [["x"]] }])).rejects.toThrow(
      /not an input cell/,
    );
  });
});
