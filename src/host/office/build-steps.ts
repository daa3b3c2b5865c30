/**
 * The build of one sheet as steps: the temporary sheet, then every block as one 2-D `formulas`
 * array (cut into row chunks), number formats, styles, widths, tables, validation, conditional
 * formats, freeze panes and charts. Each step says which Office.js members it calls, so a failed
 * request names the step.
 */
import { parseRange, rangeAddress, rangeColumns, rangeRows } from "../../shared/a1";
import { blockRange } from "../../templates/cells";
import { numberFormat } from "../../templates/formats";
import type { Dialect, PlanValue } from "../../templates/plan";
import { LOOKS } from "../../templates/theme";
import { offsetFormulaRows } from "../formula-rows";
import { planCellAt } from "../plan-rows";
import { calculatedColumns, structuredCells } from "../table-references";
import { excelContent } from "./cell-content";
import { addChart, addConditionalFormat, validationRule } from "./excel-rules";
import type { Build } from "./prepare-builds";
import { chunkedWrites, jsonBytes, OPERATION_BYTES, type Step } from "./requests";
import { bundleFor } from "../../i18n/bundles";

/** A sheet-scoped name on every sheet a build creates, removed when the build is committed. */
export const PENDING_NAME = "GenAI_Build_Pending";

/** Plan widths are in characters of the default font (as in .xlsx); Excel's API takes points. */
export function columnWidthPoints(characters: number): number {
  // Calibri 11: 7 px per character plus 5 px of padding; 96 px = 72 pt.
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

/** The sheet a step is about and the temporary worksheet, which exists once the first step has run. */
interface OnSheet {
  readonly b: Build;
  readonly sheet: string;
  readonly ws: () => Excel.Worksheet;
}

/** The build of one sheet, as steps; the first creates the temporary sheet the others use. */
export function buildSteps(b: Build, dialect: Dialect): Step[] {
  const on: OnSheet = { b, sheet: b.plan.sheet, ws: () => b.sheet as Excel.Worksheet };
  return [
    addSheetStep(on),
    ...cellSteps(on, dialect),
    ...numberFormatSteps(on),
    ...styleSteps(on),
    ...columnWidthSteps(on),
    ...tableSteps(on),
    ...tableFormulaSteps(on, dialect),
    ...validationSteps(on),
    ...conditionalFormatSteps(on),
    ...freezePaneSteps(on),
    ...chartSteps(on),
  ];
}

function addSheetStep({ b, sheet }: OnSheet): Step {
  return {
    sheet,
    label: "adding the sheet",
    kind: "adding the sheet",
    apis: ["WorksheetCollection.add", "NamedItemCollection.add"],
    bytes: 3 * OPERATION_BYTES,
    queue: (context) => {
      b.sheet = context.workbook.worksheets.add(b.tempName); // ExcelApi 1.1
      b.sheet.load("id");
      // Marks the sheet as not yet the workbook's until the commit removes the mark, so that
      // what an interrupted build leaves can be told from the user's sheets (recover.ts).
      b.sheet.names.add(PENDING_NAME, "=TRUE", "Being built by the GenAI Business Case add-in"); // 1.4
    },
  };
}

/**
 * Cells: each block as one 2-D array of formulas and constants (Range.formulas, ExcelApi 1.1),
 * in row chunks; many chunks share a request.
 */
function cellSteps({ b, sheet, ws }: OnSheet, dialect: Dialect): Step[] {
  return b.plan.blocks.flatMap((block) =>
    chunkedWrites(
      blockRange(block),
      block.cells.map((row) => row.map((cell) => excelContent(cell, dialect))),
      {
        sheet,
        label: "writing cells",
        kind: "writing cells",
        apis: ["Worksheet.getRange", "Range.formulas"],
      },
      (_context, address, rows) => {
        ws().getRange(address).formulas = rows;
      },
    ),
  );
}

/** Number formats (Range.numberFormat, ExcelApi 1.1): a 2-D array the size of the range. */
function numberFormatSteps({ b, sheet, ws }: OnSheet): Step[] {
  const { plan } = b;
  return plan.formats.flatMap((f) => {
    const r = parseRange(f.range);
    const row: string[] = new Array<string>(rangeColumns(r)).fill(
      numberFormat(f.format, plan.currency, bundleFor(plan.locale).conventions.units),
    );
    return chunkedWrites(
      r,
      Array.from({ length: rangeRows(r) }, () => row),
      {
        sheet,
        label: "number format",
        kind: "number formats",
        apis: ["Worksheet.getRange", "Range.numberFormat"],
      },
      (_context, address, rows) => {
        ws().getRange(address).numberFormat = rows;
      },
    );
  });
}

/** Styles (RangeFont, RangeFill, RangeBorder: ExcelApi 1.1). */
function styleSteps({ b, sheet, ws }: OnSheet): Step[] {
  return b.plan.styles.flatMap((s): Step[] => {
    const look = LOOKS[s.style];
    const r = parseRange(s.range);
    const calls = [look.fontColor, look.bold, look.italic, look.size, look.fill].filter(
      (v) => v !== undefined,
    ).length;
    if (calls === 0 && !look.underline) return [];
    return [
      {
        sheet,
        label: `style "${s.style}" on ${s.range}`,
        kind: "styles",
        apis: [
          "RangeFont.color",
          "RangeFont.bold",
          "RangeFont.italic",
          "RangeFont.size",
          "RangeFill.color",
          "RangeBorder.style",
          "RangeBorder.weight",
        ],
        bytes: (calls + 6) * OPERATION_BYTES,
        queue: () => {
          const format = ws().getRange(s.range).format;
          if (look.fontColor !== undefined) format.font.color = look.fontColor;
          if (look.bold !== undefined) format.font.bold = look.bold;
          if (look.italic !== undefined) format.font.italic = look.italic;
          if (look.size !== undefined) format.font.size = look.size;
          if (look.fill !== undefined) format.fill.color = look.fill;
          if (look.underline) {
            // A thin line under every cell: the bottom edge, and between the rows of a taller range.
            const edges =
              rangeRows(r) > 1 ? (["EdgeBottom", "InsideHorizontal"] as const) : (["EdgeBottom"] as const);
            for (const edge of edges) {
              const border = format.borders.getItem(edge);
              border.style = "Continuous";
              border.weight = "Thin";
            }
          }
        },
      },
    ];
  });
}

/** Column widths (RangeFormat.columnWidth, ExcelApi 1.2), in points: one step for all of them. */
function columnWidthSteps({ b, sheet, ws }: OnSheet): Step[] {
  const widths = b.plan.columnWidths;
  if (widths.length === 0) return [];
  return [
    {
      sheet,
      label: "column widths",
      kind: "column widths",
      apis: ["RangeFormat.columnWidth"],
      bytes: widths.length * 3 * OPERATION_BYTES,
      queue: () => {
        for (const w of widths)
          ws().getRange(`${w.column}:${w.column}`).format.columnWidth = columnWidthPoints(w.width);
      },
    },
  ];
}

/**
 * Tables, over ranges already filled (TableCollection.add, ExcelApi 1.1). A name taken by the
 * replaced sheet's table is given at commit, once that table has stepped aside.
 */
function tableSteps({ b, sheet, ws }: OnSheet): Step[] {
  return b.plan.tables.map((t, i) => ({
    sheet,
    label: `table ${b.decision.plan.tables[i].name}`,
    kind: "tables",
    apis: ["TableCollection.add", "Table.name"],
    bytes: 3 * OPERATION_BYTES,
    queue: () => {
      const table = ws().tables.add(ws().getRange(t.range), true);
      table.name = t.name;
      table.load("id");
      b.tables[i] = table;
    },
  }));
}

/**
 * Once the tables exist (Range.formulas, ExcelApi 1.1): each calculated column is written as one
 * formula down its whole body, which makes it a calculated column that Excel fills into a row the
 * user adds (typed just below the table, or Add line); adjacent calculated columns go out as one
 * rectangle. Then the cells where a kept input holds something else (an exception, as when a user
 * types over one cell of a calculated column), and every formula that reads whole table columns,
 * rewritten with structured references (Benefits[In use]) so that it follows the table's current
 * rows. The tables have their build names here; a table named at commit takes its references
 * with it, as Excel renames them.
 */
function tableFormulaSteps({ b, sheet, ws }: OnSheet, dialect: Dialect): Step[] {
  const { plan } = b;
  const write = (label: string, top: number, left: number, rows: PlanValue[][]): Step[] =>
    chunkedWrites(
      { top, bottom: top + rows.length - 1, left, right: left + rows[0].length - 1 },
      rows,
      { sheet, label, kind: "writing cells", apis: ["Worksheet.getRange", "Range.formulas"] },
      (_context, address, chunk) => {
        ws().getRange(address).formulas = chunk;
      },
    );
  const steps: Step[] = [];
  const others: { row: number; column: number; content: PlanValue }[] = [];
  for (const table of plan.tables) {
    const r = parseRange(table.range);
    const columns = calculatedColumns(plan, table).flatMap((c) => {
      const first = excelContent(c.formula, dialect);
      return typeof first === "string" ? [{ ...c, first }] : [];
    });
    for (const run of adjacentRuns(columns)) {
      const rows = Array.from({ length: r.bottom - r.top }, (_, k) =>
        run.map((c) => offsetFormulaRows(c.first, k)),
      );
      steps.push(...write(`calculated columns of ${table.name}`, r.top + 1, run[0].column, rows));
      rows.forEach((line, k) =>
        line.forEach((formula, i) => {
          const row = r.top + 1 + k;
          const cell = planCellAt(plan, row, run[i].column);
          // A cleared cell is written as "" (null in `formulas` would leave the formula there).
          const content = cell === undefined ? "" : (excelContent(cell, dialect) ?? "");
          if (content !== formula) others.push({ row, column: run[i].column, content });
        }),
      );
    }
  }
  for (const s of structuredCells(plan)) others.push({ ...s, content: excelContent(s.cell, dialect) });
  const runs = adjacentRuns(others.sort((x, y) => x.row - y.row || x.column - y.column));
  for (const block of stackedRuns(runs))
    steps.push(
      ...write(
        "formulas over the tables",
        block[0][0].row,
        block[0][0].column,
        block.map((run) => run.map((c) => c.content)),
      ),
    );
  return steps;
}

/**
 * Runs of cells that span the same columns on consecutive rows, stacked into one rectangle: a
 * column of outputs that read a table becomes one write instead of one per row.
 */
function stackedRuns<T extends { readonly column: number; readonly row: number }>(
  runs: readonly T[][],
): T[][][] {
  const blocks: T[][][] = [];
  // The open rectangle for each column span, by its first column and width.
  const open = new Map<string, T[][]>();
  for (const run of runs) {
    const span = `${run[0].column}:${run.length}`;
    const block = open.get(span);
    if (block && block[block.length - 1][0].row + 1 === run[0].row) block.push(run);
    else {
      const fresh = [run];
      blocks.push(fresh);
      open.set(span, fresh);
    }
  }
  return blocks;
}

/** Cells (or columns) side by side in one row, grouped: each group is one rectangle to write. */
function adjacentRuns<T extends { readonly column: number; readonly row?: number }>(
  cells: readonly T[],
): T[][] {
  const runs: T[][] = [];
  for (const cell of cells) {
    const last = runs[runs.length - 1]?.at(-1);
    if (last && last.row === cell.row && last.column + 1 === cell.column) runs[runs.length - 1].push(cell);
    else runs.push([cell]);
  }
  return runs;
}

/**
 * Data validation (Range.dataValidation, ExcelApi 1.8): cleared first, so overlapping plan rules
 * apply in order (the later wins) instead of meeting a mix of rules.
 */
function validationSteps({ b, sheet, ws }: OnSheet): Step[] {
  return b.plan.validations.map((v) => ({
    sheet,
    label: `validation on ${v.range}`,
    kind: "data validation",
    apis: [
      "DataValidation.clear",
      "DataValidation.rule",
      "DataValidation.ignoreBlanks",
      "DataValidation.errorAlert",
    ],
    bytes: jsonBytes(v) + 5 * OPERATION_BYTES,
    queue: () => {
      const dv = ws().getRange(v.range).dataValidation;
      dv.clear();
      dv.rule = validationRule(v);
      // A required input (docs/blank-inputs.md) does not ignore blanks.
      dv.ignoreBlanks = !v.required;
      dv.errorAlert = { message: v.message, showAlert: true, style: "Stop", title: "" };
    },
  }));
}

/** Conditional formats (ExcelApi 1.6). */
function conditionalFormatSteps({ b, sheet, ws }: OnSheet): Step[] {
  return b.plan.conditionalFormats.map((c) => ({
    sheet,
    label: `conditional format on ${c.range}`,
    kind: "conditional formats",
    apis: [
      "ConditionalFormatCollection.add",
      "ColorScaleConditionalFormat.criteria",
      "CellValueConditionalFormat.rule",
      "ConditionalFormatRule.formula",
      "ConditionalRangeFill.color",
    ],
    bytes: jsonBytes(c) + 5 * OPERATION_BYTES,
    queue: () => addConditionalFormat(ws().getRange(c.range), c),
  }));
}

/** Freeze panes (WorksheetFreezePanes, ExcelApi 1.7). */
function freezePaneSteps({ b, sheet, ws }: OnSheet): Step[] {
  const freeze = b.plan.freeze;
  if (!freeze || !(freeze.rows > 0 || freeze.columns > 0)) return [];
  return [
    {
      sheet,
      label: "freeze panes",
      kind: "freeze panes",
      apis: [
        "WorksheetFreezePanes.freezeAt",
        "WorksheetFreezePanes.freezeRows",
        "WorksheetFreezePanes.freezeColumns",
      ],
      bytes: 2 * OPERATION_BYTES,
      queue: () => {
        const panes = ws().freezePanes;
        if (freeze.rows > 0 && freeze.columns > 0)
          panes.freezeAt(
            ws().getRange(
              rangeAddress({ top: 0, left: 0, bottom: freeze.rows - 1, right: freeze.columns - 1 }),
            ),
          );
        else if (freeze.rows > 0) panes.freezeRows(freeze.rows);
        else panes.freezeColumns(freeze.columns);
      },
    },
  ];
}

/** Charts (ChartCollection.add, ExcelApi 1.1; series ranges, ExcelApi 1.7). */
function chartSteps({ b, sheet, ws }: OnSheet): Step[] {
  return b.plan.charts.map((chart) => ({
    sheet,
    label: `chart "${chart.title}"`,
    kind: "charts",
    apis: [
      "ChartCollection.add",
      "ChartSeriesCollection.add",
      "ChartSeries.setXAxisValues",
      "ChartSeries.setValues",
      "ChartSeries.setBubbleSizes",
      "Chart.setPosition",
    ],
    bytes: jsonBytes(chart) + (8 + 5 * chart.series.length) * OPERATION_BYTES,
    queue: () => addChart(ws(), chart),
  }));
}
