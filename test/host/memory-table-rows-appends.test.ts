/**
 * Lines added to the ROI tables one after another, each followed by the pane appending the Stress
 * rows it lacks, in the in-memory workbook the preview runs on. What it protects: appending rows
 * below a table grows the ranges over the whole table (totals, names) but not a row's own range,
 * so the Stress tornado's Order column (a running count `COUNTIF($N$first:N<own row>, ...)`)
 * still holds one formula per row after each append; the next append is therefore not refused,
 * and every line typed reaches the Stress sheet's rows and tornado, not only the first. The
 * workbook then computes what a fresh build of the same lines computes, cell for cell.
 *
 * Lines arrive both ways the preview has: the pane's Add line (appendTableRows below the table)
 * and the grid's "Insert row below" on the last row (insertTableRows) followed by typing.
 */
import { MemoryHost } from "../../src/host/memory";
import { relativeForm } from "../../src/host/formula-rows";
import { tableBody, tableRowRefusal } from "../../src/host/plan-rows";
import type { CellValue } from "../../src/host/workbook-host";
import { sheetView } from "../../src/preview/sheet-view";
import { cellAddress, columnLetters } from "../../src/shared/a1";
import { addLine, keepStressInStep } from "../../src/taskpane/model/line-add";
import { writableCells } from "../../src/templates/cells";
import { templateValues, valueDifferences } from "./memory-support";
import { planCompleteModel } from "../../src/templates/index";
import type { SheetPlan, TemplateOptions } from "../../src/templates/plan";
import { ROI_SHEET, ROI_TABLES } from "../../src/templates/roi";
import { COL, EMPTY_LINE, sampleLines } from "../../src/templates/roi-lines";
import { STRESS_NAMES, STRESS_SHEET, STRESS_TABLE } from "../../src/templates/stress";
import { tableLabelCells } from "../../src/host/plan-rows";

const OPTIONS = { data: "sample", currency: "NT$", locale: "en" } as const;
/** The Stress line table's columns: A line label, N rank key, O order, P the tornado's line. */
const ORDER_COLUMN = 14;
const TORNADO_LINE_COLUMN = 15;

function planOf(host: MemoryHost, sheet: string): SheetPlan {
  const plan = host.appliedPlans().find((p) => p.sheet === sheet);
  if (!plan) throw new Error(`no plan for ${sheet}`);
  return plan;
}

function bodyOf(host: MemoryHost, sheet: string, table: string) {
  const body = tableBody(planOf(host, sheet), table);
  if (!body) throw new Error(`no table ${table}`);
  return body;
}

/**
 * The Stress table's Order column as the workbook holds it: the same formula on every row once
 * its own row is the reference point, and the table's row check (asked afresh, not from an answer
 * kept for an earlier plan) finds nothing to refuse.
 */
function expectOrderColumnOneFormulaPerRow(host: MemoryHost): void {
  const body = bodyOf(host, STRESS_SHEET, STRESS_TABLE);
  const view = sheetView(host, STRESS_SHEET);
  const forms: string[] = [];
  for (let row = body.top; row <= body.bottom; row++) {
    const formula = view.cells[row]?.[ORDER_COLUMN]?.formula;
    expect(formula).toMatch(/^=IF\(.*COUNTIF\(/);
    forms.push(relativeForm(formula as string, row));
  }
  expect(new Set(forms).size).toBe(1);
  // A copy of the plan: the row check's answers are kept per plan object.
  expect(tableRowRefusal({ ...planOf(host, STRESS_SHEET) }, body)).toBeNull();
}

async function roiLabels(host: MemoryHost): Promise<CellValue[]> {
  const labels = await host.readNames(["RoiBenefitLabels", "RoiCostLabels"]);
  return [...(labels.RoiBenefitLabels ?? []), ...(labels.RoiCostLabels ?? [])].map((r) => r[0]);
}

/** What each cell of a sheet holds as typed: its formula, or its value. */
function typed(host: MemoryHost, sheet: string): (row: number, column: number) => CellValue {
  const reading = host.readSheet(sheet);
  return (row, column) => reading.formula(row, column) ?? reading.value(row, column);
}

/** Every template block cell's value on the template sheets but `skip`, by "Sheet!A1". */
/** The Stress line table's values, row by row from its first body row. */
function stressRows(host: MemoryHost): Map<string, CellValue> {
  const body = bodyOf(host, STRESS_SHEET, STRESS_TABLE);
  const view = sheetView(host, STRESS_SHEET);
  const out = new Map<string, CellValue>();
  for (let row = body.top; row <= body.bottom; row++)
    for (let column = body.left; column <= body.right; column++)
      out.set(
        `Stress line ${row - body.top + 1}, column ${column}`,
        view.cells[row]?.[column]?.value ?? null,
      );
  return out;
}

/** Every name's values, by name. */
async function nameValues(
  host: MemoryHost,
  skip: (name: string) => boolean,
): Promise<Map<string, CellValue>> {
  const list = host
    .names()
    .map((n) => n.name)
    .filter((n) => !skip(n));
  const values = await host.readNames(list);
  const out = new Map<string, CellValue>();
  for (const name of list)
    (values[name] ?? []).forEach((line, r) => line.forEach((v, c) => out.set(`${name}[${r},${c}]`, v)));
  return out;
}

/**
 * A fresh build of the sample with as many benefit and cost rows as the tables have now, the
 * ROI sheet's inputs and labels typed as the grown workbook holds them, computes the same: every
 * template cell of the Portfolio, Rollout and ROI sheets (and the names over them, where they
 * are), the Stress line table row by row, and the value of every name. A fresh Stress sheet sizes
 * its rank-correlation matrix to the lines it is built for (a grown one keeps the matrix it was
 * built with, the new lines uncorrelated), so what lies below the matrix sits lower there: the
 * Stress sheet is compared by its table's rows and its names' values, the matrix left out.
 */
async function expectSameAsFreshBuild(host: MemoryHost): Promise<void> {
  const benefits = bodyOf(host, ROI_SHEET, ROI_TABLES.benefits);
  const costs = bodyOf(host, ROI_SHEET, ROI_TABLES.costs);
  const template: TemplateOptions = { ...OPTIONS, linkedTo: ["portfolio", "rollout", "stress"] };
  const sample = sampleLines(template);
  const rows = (given: typeof sample.benefits, n: number) => [
    ...given,
    ...Array.from({ length: n - given.length }, () => EMPTY_LINE),
  ];
  const fresh = new MemoryHost();
  await fresh.applyPlans(
    planCompleteModel({
      ...OPTIONS,
      lines: {
        benefits: rows(sample.benefits, benefits.bottom - benefits.top + 1),
        costs: rows(sample.costs, costs.bottom - costs.top + 1),
      },
    }),
    { dialect: "live" },
  );
  const grown = planOf(host, ROI_SHEET);
  expect(planOf(fresh, ROI_SHEET).tables).toEqual(grown.tables);
  const [held, built] = [typed(host, ROI_SHEET), typed(fresh, ROI_SHEET)];
  for (const { row, column } of [...writableCells(grown), ...tableLabelCells(grown)])
    if (built(row, column) !== held(row, column))
      fresh.typeAsUser(ROI_SHEET, cellAddress(row, column), held(row, column));
  const onStress = (expression: string): boolean => expression.startsWith(`=${STRESS_SHEET}!`);
  const notStress = (h: MemoryHost) => h.names().filter((n) => !onStress(n.expression));
  expect(notStress(host)).toEqual(notStress(fresh));
  const matrix = (name: string): boolean => name.startsWith("StressCorrelation");
  // The Stress sheet is compared row by row below: a fresh build sizes its matrix to the lines.
  const otherSheets = host.appliedPlans().flatMap((p) => (p.sheet === STRESS_SHEET ? [] : [p.sheet]));
  expect(
    valueDifferences(templateValues(host, otherSheets), templateValues(fresh, otherSheets)).slice(0, 5),
  ).toEqual([]);
  expect(valueDifferences(stressRows(host), stressRows(fresh)).slice(0, 5)).toEqual([]);
  expect(
    valueDifferences(await nameValues(host, matrix), await nameValues(fresh, matrix)).slice(0, 5),
  ).toEqual([]);
}

/** "Insert row below" on a table's last row in the grid, then its label, amount and kind typed. */
async function insertBelowAndType(
  host: MemoryHost,
  table: string,
  line: { label: string; amount: number; kind: string },
): Promise<void> {
  const body = bodyOf(host, ROI_SHEET, table);
  const n = body.bottom - body.top + 1;
  await host.insertTableRows(ROI_SHEET, table, n, 1);
  const row = body.bottom + 2;
  await host.writeCells(
    (
      [
        [COL.label, line.label],
        [COL.base, line.amount],
        [COL.kind, line.kind],
      ] as const
    ).map(([column, value]) => ({
      sheet: ROI_SHEET,
      address: `${columnLetters(body.left + column)}${row}`,
      values: [[value]],
    })),
  );
}

describe("lines added one after another reach the Stress sheet", () => {
  it("keeps the Order column one formula per row through every append, and each new line in the tornado", async () => {
    const host = new MemoryHost();
    await host.applyPlans(planCompleteModel(OPTIONS), { dialect: "live" });
    expectOrderColumnOneFormulaPerRow(host);
    const steps: (() => Promise<unknown>)[] = [
      () => addLine(host, { kind: "benefit", label: "Faster onboarding", amount: 3_000_000 }, "en"),
      () => addLine(host, { kind: "cost", label: "Vector database", amount: 900_000 }, "en"),
      () => addLine(host, { kind: "benefit", label: "Fewer escalations", amount: 1_200_000 }, "en"),
      () =>
        insertBelowAndType(host, ROI_TABLES.costs, {
          label: "Prompt reviews",
          amount: 400_000,
          kind: "Recurring",
        }),
      () =>
        insertBelowAndType(host, ROI_TABLES.benefits, {
          label: "Night shift cover",
          amount: 700_000,
          kind: "Company",
        }),
    ];
    const added = [
      "Faster onboarding",
      "Vector database",
      "Fewer escalations",
      "Prompt reviews",
      "Night shift cover",
    ];
    for (const [k, step] of steps.entries()) {
      await step();
      // The pane's Summary sees the tables grow and appends the Stress row they now lack.
      await expect(keepStressInStep(host)).resolves.toBe(1);
      expectOrderColumnOneFormulaPerRow(host);
      const labels = await roiLabels(host);
      expect(labels).toEqual(expect.arrayContaining(added.slice(0, k + 1)));
      const stress = (await host.readNames([STRESS_NAMES.labels]))[STRESS_NAMES.labels]?.map((r) => r[0]);
      expect(stress).toEqual(labels);
      // The tornado ranks every line, the ones added so far included.
      const body = bodyOf(host, STRESS_SHEET, STRESS_TABLE);
      const view = sheetView(host, STRESS_SHEET);
      const tornado = Array.from(
        { length: body.bottom - body.top + 1 },
        (_, i) => view.cells[body.top + i]?.[TORNADO_LINE_COLUMN]?.value,
      );
      expect([...tornado].sort()).toEqual([...labels].sort());
    }
    await expectSameAsFreshBuild(host);
  }, 240_000);

  it("keeps the Order column one formula per row when rows are inserted above the Stress table's first row", async () => {
    const host = new MemoryHost();
    await host.applyPlans(planCompleteModel(OPTIONS), { dialect: "live" });
    const labels = await roiLabels(host);
    await host.insertTableRows(STRESS_SHEET, STRESS_TABLE, 0, 2);
    expectOrderColumnOneFormulaPerRow(host);
    // The running count starts at the table's new first row on every row, the new ones too.
    const body = bodyOf(host, STRESS_SHEET, STRESS_TABLE);
    const first = sheetView(host, STRESS_SHEET).cells[body.top]?.[ORDER_COLUMN]?.formula;
    expect(first).toContain(`COUNTIF($N$${body.top + 1}:N${body.top + 1},`);
    // Rows show the lines by position, and the tornado still ranks every line.
    const stress = (await host.readNames([STRESS_NAMES.labels]))[STRESS_NAMES.labels]?.map((r) => r[0]);
    expect(stress?.slice(0, labels.length)).toEqual(labels);
    const tornado = (await host.readNames([STRESS_NAMES.tornado]))[STRESS_NAMES.tornado]?.map((r) => r[0]);
    expect(tornado?.filter((t) => t !== "").sort()).toEqual([...labels].sort());
    // And a line added afterwards still reaches it: the append below is not refused.
    await addLine(host, { kind: "cost", label: "Vector database", amount: 900_000 }, "en");
    await expect(host.appendTableRows(STRESS_SHEET, STRESS_TABLE, [[]])).resolves.toBeUndefined();
    expectOrderColumnOneFormulaPerRow(host);
  }, 120_000);
});
