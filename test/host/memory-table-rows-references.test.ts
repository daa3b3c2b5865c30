/**
 * Table row operations and the formulas around the table, as Excel treats them (the reference):
 * - undoing a delete (restoreTableRows, the grid's Ctrl+Z) puts back every formula of the user's
 *   that the delete turned into #REF! or shortened, on any sheet and in names, exactly as typed;
 * - a row inserted at a table's edge (above its first row, below its last) leaves references to
 *   the table's rows on those rows: a formula reading the first use case still reads it;
 * - the template's own cells stay right through all of it: every template sheet computes what a
 *   fresh build of the same inputs computes (scores, ranks, picks), and its plan matches it;
 * - input columns whose lines hold their own driver formulas (the sample's Benefits and Costs)
 *   do not block a row operation, and a refusal is told in the preview's language.
 */
import { MemoryHost } from "../../src/host/memory";
import { cellAddress } from "../../src/shared/a1";
import { tableBody, tableRowRefusal } from "../../src/host/plan-rows";
import { TableRowError, tableRowMessage } from "../../src/host/table-row-error";
import { reviveError, serialiseError } from "../../src/host/remote/protocol";
import { PREVIEW_STRINGS } from "../../src/i18n/bundles";
import { blockRange, cellInDialect, writableCells } from "../../src/templates/cells";
import { planCompleteModel } from "../../src/templates/index";
import { isFormula, type SheetPlan } from "../../src/templates/plan";
import type { CellValue } from "../../src/host/workbook-host";
import { sheetView } from "../../src/preview/sheet-view";
import { templateValues, valueDifferences } from "./memory-support";

const SHEET = "Portfolio";
const FIRST = 11; // the UseCases table's first body row (1-based)
const ROWS = 12;

async function sampleHost(rows = ROWS): Promise<MemoryHost> {
  const host = new MemoryHost();
  await host.applyPlans(planCompleteModel({ data: "sample", currency: "NT$", locale: "en", rows }), {
    dialect: "live",
  });
  return host;
}

function formulaAt(host: MemoryHost, sheet: string, address: string): string | undefined {
  const view = sheetView(host, sheet);
  const at = /^([A-Z]+)(\d+)$/.exec(address)!;
  const column = at[1].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return view.cells[Number(at[2]) - 1]?.[column]?.formula;
}

async function valueAt(host: MemoryHost, sheet: string, address: string): Promise<CellValue> {
  return (await host.readRange(sheet, address))[0][0];
}

function planOf(host: MemoryHost, sheet: string): SheetPlan {
  const plan = host.appliedPlans().find((p) => p.sheet === sheet);
  if (!plan) throw new Error(`no plan for ${sheet}`);
  return plan;
}

/** Every template formula cell of every template sheet holds what its plan says. */
function expectPlansMatchWorkbook(host: MemoryHost): void {
  const mismatches: string[] = [];
  for (const plan of host.appliedPlans()) {
    const view = sheetView(host, plan.sheet);
    const writable = new Set(writableCells(plan).map(({ row, column }) => `${row},${column}`));
    for (const block of plan.blocks) {
      const r = blockRange(block);
      block.cells.forEach((line, i) =>
        line.forEach((cell, j) => {
          if (!isFormula(cell) || writable.has(`${r.top + i},${r.left + j}`)) return;
          const wanted = cellInDialect(cell, "live");
          const held = view.cells[r.top + i]?.[r.left + j]?.formula;
          if (wanted !== null && held !== wanted)
            mismatches.push(`${plan.sheet}!${cellAddress(r.top + i, r.left + j)}: ${held} ≠ ${wanted}`);
        }),
      );
    }
  }
  expect(mismatches.slice(0, 5)).toEqual([]);
}

/** Every value of every template block cell, by sheet and address. */
/**
 * The Portfolio computes what a fresh build with the same number of use case rows and the same
 * inputs computes, cell for cell, on every template sheet (scores, ranks, quadrants, picks, and
 * what the Rollout and ROI read from them). Inputs holding a formula are compared by value.
 */
async function expectSameAsFreshBuild(host: MemoryHost): Promise<void> {
  const body = tableBody(planOf(host, SHEET), "UseCases")!;
  const rows = body.bottom - body.top + 1;
  const plan = planOf(host, SHEET);
  const values = await host.readRange(SHEET, `A${FIRST}:T${FIRST + rows - 1}`);
  const inputs = writableCells(plan).filter(({ row }) => row >= body.top && row <= body.bottom);
  expect(inputs.length).toBeGreaterThan(8 * rows);
  const fresh = await sampleHost(rows);
  await fresh.writeCells(
    inputs.map(({ row, column }) => ({
      sheet: SHEET,
      address: cellAddress(row, column),
      values: [[values[row - body.top][column]]],
    })),
  );
  const sheets = host.appliedPlans().map((p) => p.sheet);
  const got = templateValues(host, sheets);
  const wanted = templateValues(fresh, sheets);
  const differences = valueDifferences(got, wanted);
  expect(differences.slice(0, 5)).toEqual([]);
}

/** Every cell of every sheet showing an error: "Sheet!A1 #REF!". */
function errorCells(host: MemoryHost): string[] {
  return host
    .appliedPlans()
    .flatMap((plan) =>
      sheetView(host, plan.sheet).cells.flatMap((line, row) =>
        (line ?? []).flatMap((cell, column) =>
          typeof cell?.value === "string" && /^#[A-Z/0!?]+[!?A]?$/.test(cell.value)
            ? [`${plan.sheet}!${cellAddress(row, column)} ${cell.value}`]
            : [],
        ),
      ),
    );
}

describe("MemoryHost table rows and the user's formulas", () => {
  it("restores the user's formulas a delete turned into #REF!, on any sheet and in names, as typed", async () => {
    const built = await sampleHost();
    // A user name on the row that will be deleted, and one over the table's whole column.
    const snapshot = built.snapshot();
    const host = MemoryHost.fromSnapshot({
      ...snapshot,
      names: [
        ...snapshot.names,
        { name: "ThirdCost", expression: "=Portfolio!$G$13", scope: null },
        { name: "AllCosts", expression: "=Portfolio!$G$11:$G$22", scope: null },
      ],
    });
    host.typeAsUser(SHEET, "H14", "=G13/4");
    host.typeAsUser(SHEET, "W5", "=I13*2");
    host.typeAsUser(SHEET, "W6", "=SUM(G11:G22)");
    host.addSheet("Notes", [["=Portfolio!G13"], ["=ThirdCost+1"], ["=SUM(AllCosts)"]]);
    const before = {
      h14: await valueAt(host, SHEET, "H14"),
      w5: await valueAt(host, SHEET, "W5"),
      w6: await valueAt(host, SHEET, "W6"),
      notes: await host.readRange("Notes", "A1:A3"),
    };
    expect(typeof before.w5).toBe("number");
    const valuesBefore = templateValues(
      host,
      host.appliedPlans().map((p) => p.sheet),
    );

    const removed = await host.deleteTableRows(SHEET, "UseCases", 2, 1);
    expect(formulaAt(host, SHEET, "H13")).toBe("=#REF!/4");
    expect(formulaAt(host, SHEET, "W5")).toBe("=#REF!*2");
    expect(formulaAt(host, "Notes", "A1")).toBe("=#REF!");
    expect(formulaAt(host, SHEET, "W6")).toBe("=SUM(G11:G21)");
    expect(host.names().find((n) => n.name === "ThirdCost")?.expression).toMatch(/#REF!/);

    await host.restoreTableRows(SHEET, "UseCases", 2, removed);
    expect(formulaAt(host, SHEET, "H14")).toBe("=G13/4");
    expect(formulaAt(host, SHEET, "W5")).toBe("=I13*2");
    expect(formulaAt(host, SHEET, "W6")).toBe("=SUM(G11:G22)");
    expect(formulaAt(host, "Notes", "A1")).toBe("=Portfolio!G13");
    expect(host.names().find((n) => n.name === "ThirdCost")?.expression).toBe("=Portfolio!$G$13");
    expect(host.names().find((n) => n.name === "AllCosts")?.expression).toBe("=Portfolio!$G$11:$G$22");
    expect(await valueAt(host, SHEET, "H14")).toBe(before.h14);
    expect(await valueAt(host, SHEET, "W5")).toBe(before.w5);
    expect(await valueAt(host, SHEET, "W6")).toBe(before.w6);
    expect(await host.readRange("Notes", "A1:A3")).toEqual(before.notes);
    // The template's cells are back as they were, everywhere.
    expect(templateValues(host, [...new Set([...valuesBefore.keys()].map((k) => k.split("!")[0]))])).toEqual(
      valuesBefore,
    );
    expectPlansMatchWorkbook(host);
    await expectSameAsFreshBuild(host);
  });

  it("restores the first and the last row with the user's references to them", async () => {
    const host = await sampleHost();
    host.typeAsUser(SHEET, "W5", `=G${FIRST}+G${FIRST + ROWS - 1}`);
    host.typeAsUser(SHEET, "W6", `=SUM(G${FIRST}:G${FIRST + ROWS - 1})`);
    const w5 = await valueAt(host, SHEET, "W5");
    for (const index of [0, ROWS - 1]) {
      const removed = await host.deleteTableRows(SHEET, "UseCases", index, 1);
      expect(formulaAt(host, SHEET, "W5")).toMatch(/#REF!/);
      await host.restoreTableRows(SHEET, "UseCases", index, removed);
      expect(formulaAt(host, SHEET, "W5")).toBe(`=G${FIRST}+G${FIRST + ROWS - 1}`);
      expect(formulaAt(host, SHEET, "W6")).toBe(`=SUM(G${FIRST}:G${FIRST + ROWS - 1})`);
      expect(await valueAt(host, SHEET, "W5")).toBe(w5);
      expectPlansMatchWorkbook(host);
    }
    await expectSameAsFreshBuild(host);
  });

  it("leaves a formula the user changed after the delete as they changed it", async () => {
    const host = await sampleHost();
    host.typeAsUser(SHEET, "W5", "=I13*2");
    const removed = await host.deleteTableRows(SHEET, "UseCases", 2, 1);
    host.typeAsUser(SHEET, "W5", "=1+1");
    await host.restoreTableRows(SHEET, "UseCases", 2, removed);
    expect(formulaAt(host, SHEET, "W5")).toBe("=1+1");
  });

  it("puts back what the user typed beside the table in a deleted row", async () => {
    const host = await sampleHost();
    host.typeAsUser(SHEET, "W13", "note on the third use case");
    host.typeAsUser(SHEET, "X13", "=G13*2");
    const removed = await host.deleteTableRows(SHEET, "UseCases", 2, 1);
    await host.restoreTableRows(SHEET, "UseCases", 2, removed);
    expect(await valueAt(host, SHEET, "W13")).toBe("note on the third use case");
    expect(formulaAt(host, SHEET, "X13")).toBe("=G13*2");
  });

  it("moves references to the first use case down with it when a row is inserted above it", async () => {
    const host = await sampleHost();
    host.typeAsUser(SHEET, "H12", "=G11*0.1");
    host.typeAsUser(SHEET, "W11", "=G11");
    host.addSheet("Notes", [["=Portfolio!A11"]]);
    const first = await valueAt(host, SHEET, "A11");
    const cost = await valueAt(host, SHEET, "G11");
    expect(await valueAt(host, SHEET, "H12")).toBe(2_200_000);

    await host.insertTableRows(SHEET, "UseCases", 0, 1);
    expect(await valueAt(host, SHEET, "A12")).toBe(first);
    expect(formulaAt(host, SHEET, "H13")).toBe("=G12*0.1");
    expect(await valueAt(host, SHEET, "H13")).toBe(2_200_000);
    // The preview inserts whole sheet rows: a cell beside the table moves down with its row.
    expect(formulaAt(host, SHEET, "W12")).toBe("=G12");
    expect(await valueAt(host, SHEET, "W12")).toBe(cost);
    expect(await valueAt(host, "Notes", "A1")).toBe(first);
    // The new row is the table's first, empty, with its calculated columns.
    const view = sheetView(host, SHEET);
    expect(view.tables.find((t) => t.name === "UseCases")?.range).toBe(`A10:T${FIRST + ROWS}`);
    expect(view.cells[FIRST - 1][0]).toMatchObject({ value: null, input: true });
    expect(view.cells[FIRST - 1][8]?.formula).toMatch(/QUADRANT_SCORE/);
    expect((await host.readNames(["UseCaseScores"])).UseCaseScores).toHaveLength(ROWS + 1);
    expectPlansMatchWorkbook(host);
    await expectSameAsFreshBuild(host);

    // A use case typed into the new first row is scored and ranked with the others.
    await host.writeCells([
      {
        sheet: SHEET,
        address: `A${FIRST}:H${FIRST}`,
        values: [["New assistant", "IT", 5, 1, 5, 5, 1e7, 1e6]],
      },
    ]);
    expect(await valueAt(host, SHEET, `I${FIRST}`)).toBe(100);
    await expectSameAsFreshBuild(host);
  });

  it("keeps references to the last use case on it when rows are inserted below it", async () => {
    const host = await sampleHost();
    const last = FIRST + ROWS - 1;
    await host.writeCells([
      { sheet: SHEET, address: `A${last}:H${last}`, values: [["Last line", "IT", 3, 3, 3, 3, 5e6, 5e5]] },
    ]);
    host.typeAsUser(SHEET, "W5", `=A${last}`);
    await host.insertTableRows(SHEET, "UseCases", ROWS, 2);
    expect(formulaAt(host, SHEET, "W5")).toBe(`=A${last}`);
    expect(await valueAt(host, SHEET, "W5")).toBe("Last line");
    expect(await valueAt(host, SHEET, `A${last + 1}`)).toBeNull();
    expect((await host.readNames(["UseCaseScores"])).UseCaseScores).toHaveLength(ROWS + 2);
    expectPlansMatchWorkbook(host);
    await expectSameAsFreshBuild(host);
  });

  it("appends rows below the last use case: references to it stay on it, the new rows are scored", async () => {
    const host = await sampleHost();
    const last = FIRST + ROWS - 1;
    await host.writeCells([
      { sheet: SHEET, address: `A${last}:H${last}`, values: [["Last line", "IT", 3, 3, 3, 3, 5e6, 5e5]] },
    ]);
    host.typeAsUser(SHEET, "W5", `=A${last}&G${last}`);
    await host.appendTableRows(SHEET, "UseCases", [
      ["Appended one", "IT", 5, 1, 5, 5, 1e7, 1e6],
      ["Appended two", "HR", 1, 5, 1, 1, 1e5, 1e6],
    ]);
    expect(formulaAt(host, SHEET, "W5")).toBe(`=A${last}&G${last}`);
    expect(await valueAt(host, SHEET, "W5")).toBe("Last line5000000");
    expect(await host.readRange(SHEET, `A${last + 1}:A${last + 2}`)).toEqual([
      ["Appended one"],
      ["Appended two"],
    ]);
    expect(await valueAt(host, SHEET, `I${last + 1}`)).toBe(100);
    expectPlansMatchWorkbook(host);
    await expectSameAsFreshBuild(host);
  });

  it("inserts and deletes rows of the sample's Benefits and Costs, whose lines hold driver formulas", async () => {
    const host = await sampleHost();
    const roi = planOf(host, "ROI");
    const errorsBefore = errorCells(host);
    for (const table of ["Benefits", "Costs"]) {
      const body = tableBody(planOf(host, "ROI"), table)!;
      const n = body.bottom - body.top + 1;
      expect(tableRowRefusal(roi, body)).toBeNull();
      const rowsOf = async (): Promise<CellValue[][]> =>
        host.readRange(
          "ROI",
          `A${body.top + 1}:${cellAddress(0, body.right).replace(/\d+$/, "")}${body.top + n}`,
        );
      const formulasOf = (from: number, count: number): (string | undefined)[][] => {
        const view = sheetView(host, "ROI");
        return Array.from({ length: count }, (_, k) =>
          Array.from(
            { length: body.right - body.left + 1 },
            (_, c) => view.cells[from + k]?.[body.left + c]?.formula,
          ),
        );
      };
      const values = await rowsOf();
      const formulas = formulasOf(body.top, n);
      const totals = await host.readNames(["AnnualBenefits", "RoiYearBenefits"]);

      // A blank line above the first: every line keeps its values and its own driver formula
      // (moved down with it), the new line's inputs are empty, the totals are unchanged.
      await host.insertTableRows("ROI", table, 0, 1);
      const grown = tableBody(planOf(host, "ROI"), table)!;
      expect(grown.bottom - grown.top + 1).toBe(n + 1);
      const view = sheetView(host, "ROI");
      for (const column of writableCells(planOf(host, "ROI"))
        .filter((c) => c.row === grown.top)
        .map((c) => c.column))
        expect(view.cells[grown.top][column]?.value ?? null).toBeNull();
      expect(
        await host.readRange(
          "ROI",
          `A${grown.top + 2}:${cellAddress(0, body.right).replace(/\d+$/, "")}${grown.top + 1 + n}`,
        ),
      ).toEqual(values);
      expect(await host.readNames(["AnnualBenefits", "RoiYearBenefits"])).toEqual(totals);
      expectPlansMatchWorkbook(host);

      // Deleting that line and then a real one, and undoing the latter, gives the lines back as typed.
      await host.deleteTableRows("ROI", table, 0, 1);
      expect(await rowsOf()).toEqual(values);
      const removed = await host.deleteTableRows("ROI", table, 1, 1);
      await host.restoreTableRows("ROI", table, 1, removed);
      expect(await rowsOf()).toEqual(values);
      expect(formulasOf(body.top, n)).toEqual(formulas);
      expect(await host.readNames(["AnnualBenefits", "RoiYearBenefits"])).toEqual(totals);
      expectPlansMatchWorkbook(host);
    }
    expect(errorCells(host)).toEqual(errorsBefore);
  });
});

describe("Table row refusals", () => {
  it("refuses a calculated column that is not one formula per row, not an input column", async () => {
    const host = await sampleHost();
    const roi = planOf(host, "ROI");
    const body = tableBody(roi, "Benefits")!;
    const writable = new Set(writableCells(roi).map(({ row, column }) => `${row},${column}`));
    // Change one line's cell: in an input column the table still takes rows; in a calculated column it does not.
    const alter = (calculated: boolean): SheetPlan => {
      let done = false;
      const blocks = roi.blocks.map((block) => {
        const r = blockRange(block);
        return {
          ...block,
          cells: block.cells.map((line, i) =>
            line.map((cell, j) => {
              const [row, column] = [r.top + i, r.left + j];
              if (done || row !== body.top + 1 || !isFormula(cell)) return cell;
              if (writable.has(`${row},${column}`) === calculated) return cell;
              done = true;
              return { live: "=1", portable: "=1" };
            }),
          ),
        };
      });
      expect(done).toBe(true);
      return { ...roi, blocks };
    };
    expect(tableRowRefusal(alter(false), body)).toBeNull();
    expect(tableRowRefusal(alter(true), body)).toMatchObject({ table: "Benefits" });
  });

  it("says a refusal in the preview's language, also once it has crossed the worker boundary", async () => {
    const host = await sampleHost();
    const error = await host.deleteTableRows(SHEET, "UseCases", 0, ROWS - 1).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TableRowError);
    expect((error as Error).message).toBe(
      "The UseCases table keeps at least 2 rows; clear the row's inputs instead of deleting it.",
    );
    const zh = PREVIEW_STRINGS["zh-TW"];
    const crossed = reviveError(serialiseError(error));
    for (const e of [error, crossed])
      expect(tableRowMessage(e, zh)).toBe("UseCases 表格至少保留 2 列;請清除該列的輸入,而不要刪除它。");
    await expect(host.insertTableRows(SHEET, "NoSuchTable", 0)).rejects.toThrow(
      'Portfolio has no table named "NoSuchTable".',
    );
    const other = await host.insertTableRows(SHEET, "UseCases", 99).then(
      () => null,
      (e: unknown) => e,
    );
    expect(tableRowMessage(other, zh)).toBe("UseCases 表格有 12 列;沒有第 99 個列位置。");
    expect(tableRowMessage(new Error("other"), zh)).toBeNull();
  });
});
