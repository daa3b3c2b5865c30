/**
 * The plan parts that become ExcelJS formatting: cell looks (fonts, fills, the underline border),
 * number formats, data validation and conditional formats. Pure translation, no workbook state
 * beyond the worksheet passed in.
 */
import type {
  Borders,
  Cell,
  ConditionalFormattingRule,
  DataValidation,
  Fill,
  Font,
  Worksheet,
} from "exceljs";
import { cellAddress, parseRange, rangeAddress, type RangeRef } from "../shared/a1";
import { numberFormat } from "../templates/formats";
import type { ConditionalFormatPlan, SheetPlan, ValidationPlan } from "../templates/plan";
import { COLORS, type CellLook, LOOKS } from "../templates/theme";
import { bundleFor } from "../i18n/bundles";

/** "#2F5597" → "FF2F5597" (ExcelJS's ARGB). */
export function argb(hex: string): string {
  return `FF${hex.replace(/^#/, "").toUpperCase()}`;
}

/** Calls `visit` for every cell of an A1 range (creating the cell, as formats apply to blanks too). */
export function eachCell(ws: Worksheet, range: string, visit: (cell: Cell) => void): void {
  const r = parseRange(range);
  for (let row = r.top; row <= r.bottom; row++)
    for (let column = r.left; column <= r.right; column++) visit(ws.getCell(row + 1, column + 1));
}

/** Number formats, then looks, in plan order (a later entry wins where ranges overlap, as in Excel). */
export function applyFormatting(ws: Worksheet, plan: SheetPlan): void {
  for (const f of plan.formats) {
    const format = numberFormat(f.format, plan.currency, bundleFor(plan.locale).conventions.units);
    eachCell(ws, f.range, (cell) => (cell.numFmt = format));
  }
  const looks = new SheetLooks();
  for (const s of plan.styles) {
    const look = LOOKS[s.style];
    eachCell(ws, s.range, (cell) => looks.apply(cell, look));
  }
  for (const w of plan.columnWidths) ws.getColumn(w.column).width = w.width;
}

/**
 * A sheet's looks applied to its cells. Cells that end up looking the same get the same font, fill
 * and border objects (one per look over one earlier font or border), so that the export can tell
 * which cells share a style by comparing objects instead of their contents (see `shareStyles`).
 * ExcelJS replaces a cell's font or fill when one is set and never changes one in place, so a
 * shared object stays right for every cell that has it.
 */
class SheetLooks {
  private readonly fonts = new Map<Partial<Font> | undefined, Map<CellLook, Partial<Font>>>();
  private readonly fills = new Map<string, Fill>();
  private readonly borders = new Map<Partial<Borders> | undefined, Partial<Borders>>();

  apply(cell: Cell, look: CellLook): void {
    const before = cell.font as Partial<Font> | undefined;
    const byLook = this.fonts.get(before) ?? new Map<CellLook, Partial<Font>>();
    this.fonts.set(before, byLook);
    let font = byLook.get(look);
    if (!font) {
      font = { ...before };
      if (look.fontColor !== undefined) font.color = { argb: argb(look.fontColor) };
      if (look.bold !== undefined) font.bold = look.bold;
      if (look.italic !== undefined) font.italic = look.italic;
      if (look.size !== undefined) font.size = look.size;
      byLook.set(look, font);
    }
    cell.font = font;
    if (look.fill !== undefined) {
      const fill = this.fills.get(look.fill) ?? solid(look.fill);
      this.fills.set(look.fill, fill);
      cell.fill = fill;
    }
    // A thin line under the cell (OfficeHost draws the bottom edge and the inside horizontals).
    if (look.underline) {
      const was = cell.border as Partial<Borders> | undefined;
      const border = this.borders.get(was) ?? { ...was, bottom: { style: "thin" } };
      this.borders.set(was, border);
      cell.border = border;
    }
  }
}

function solid(hex: string): Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb: argb(hex) }, bgColor: { argb: argb(hex) } };
}

// ---- data validation ---------------------------------------------------------------------------

/**
 * Rectangles of cells per validation, where a later validation takes the cells it shares with an
 * earlier one (OfficeHost clears and sets each range in order, so the later rule wins). Excel
 * treats overlapping validation ranges in a file as damage, so they never overlap here.
 */
export function validationAreas(
  validations: readonly ValidationPlan[],
): { validation: ValidationPlan; ranges: string[] }[] {
  const owner = new Map<string, number>();
  validations.forEach((v, i) => {
    const r = parseRange(v.range);
    for (let row = r.top; row <= r.bottom; row++)
      for (let column = r.left; column <= r.right; column++) owner.set(`${row},${column}`, i);
  });
  return validations
    .map((validation, i) => {
      const r = parseRange(validation.range);
      const owned = (row: number, column: number): boolean => owner.get(`${row},${column}`) === i;
      return { validation, ranges: rectangles(r, owned).map((x) => rangeAddress(x)) };
    })
    .filter((a) => a.ranges.length > 0);
}

/** Covers the owned cells of `r` with rectangles: runs per row, merged down while they repeat. */
function rectangles(r: RangeRef, owned: (row: number, column: number) => boolean): RangeRef[] {
  const done: RangeRef[] = [];
  let open: RangeRef[] = [];
  for (let row = r.top; row <= r.bottom; row++) {
    const runs: { left: number; right: number }[] = [];
    for (let column = r.left; column <= r.right; column++) {
      if (!owned(row, column)) continue;
      const last = runs[runs.length - 1];
      if (last && last.right === column - 1) last.right = column;
      else runs.push({ left: column, right: column });
    }
    const next: RangeRef[] = [];
    for (const run of runs) {
      const above = open.find((o) => o.left === run.left && o.right === run.right);
      next.push(above ? { ...above, bottom: row } : { top: row, bottom: row, ...run });
    }
    done.push(...open.filter((o) => !next.some((n) => n.top === o.top && n.left === o.left)));
    open = next;
  }
  return [...done, ...open];
}

/** ExcelJS's form of a validation: blanks allowed unless required, a stop alert with the plan's message. */
export function dataValidation(v: ValidationPlan): DataValidation {
  const alert = { allowBlank: !v.required, showErrorMessage: true, errorStyle: "stop", error: v.message };
  switch (v.rule.kind) {
    case "decimal":
    case "whole":
      return {
        type: v.rule.kind,
        operator: "between",
        formulae: [String(v.rule.min), String(v.rule.max)],
        ...alert,
      };
    case "list":
      // An inline list: quoted, comma-separated (the file format's separator in every locale).
      return { type: "list", formulae: [`"${v.rule.values.join(",")}"`], ...alert };
  }
}

/** ExcelJS keeps validations per address (a cell or a range) in the worksheet's model. */
interface WithValidations {
  readonly dataValidations: { add(address: string, validation: DataValidation): void };
}

export function applyValidations(ws: Worksheet, plan: SheetPlan): void {
  const store = (ws as unknown as WithValidations).dataValidations;
  for (const { validation, ranges } of validationAreas(plan.validations))
    for (const range of ranges) store.add(range, dataValidation(validation));
}

// ---- conditional formats -----------------------------------------------------------------------

/** A conditional format as an ExcelJS rule; `priority` follows plan order (first = highest). */
export function conditionalRule(c: ConditionalFormatPlan, priority: number): ConditionalFormattingRule {
  const rule = c.rule;
  const fill = (color: keyof typeof COLORS): { fill: Fill } => ({
    // A differential format's solid fill takes its colour from bgColor.
    fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(COLORS[color]) } },
  });
  switch (rule.kind) {
    case "colorScale":
      return {
        type: "colorScale",
        priority,
        cfvo: [
          { type: "num", value: 0 },
          { type: "num", value: 1 },
        ],
        color: [{ argb: argb(COLORS[rule.min]) }, { argb: argb(COLORS[rule.max]) }],
      };
    case "textEquals":
      // "Cell value equal to" a quoted text, as OfficeHost writes it: an exact match, where
      // containsText would also colour longer texts.
      return {
        type: "cellIs",
        operator: "equal",
        priority,
        formulae: [`"${rule.text.replace(/"/g, '""')}"`],
        style: fill(rule.fill),
      };
    case "formula":
      return {
        type: "expression",
        priority,
        formulae: [rule.formula.replace(/^=/, "")],
        style: fill(rule.fill),
      };
  }
}

export function applyConditionalFormats(ws: Worksheet, plan: SheetPlan): void {
  plan.conditionalFormats.forEach((c, i) =>
    ws.addConditionalFormatting({ ref: c.range, rules: [conditionalRule(c, i + 1)] }),
  );
}

/** Frozen rows and columns as a worksheet view. */
export function freezeView(plan: SheetPlan): Worksheet["views"] {
  const f = plan.freeze;
  if (!f || (f.rows === 0 && f.columns === 0)) return [];
  return [
    {
      state: "frozen",
      xSplit: f.columns,
      ySplit: f.rows,
      topLeftCell: cellAddress(f.rows, f.columns),
    },
  ];
}
