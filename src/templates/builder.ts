/**
 * SheetBuilder: the small vocabulary templates use to lay out a sheet. It only collects data
 * (blocks, formats, names, ...) and returns a SheetPlan; it never touches a workbook.
 */
import { cellAddress, parseCell, parseRange, rangeAddress } from "../shared/a1";
import { BLANK_RULES } from "./blank-inputs";
import type {
  Block,
  CellStyle,
  ChartPlan,
  ConditionalFormatRule,
  NamePlan,
  PlanCell,
  PlanFormula,
  SemanticFormat,
  SheetPlan,
  TablePlan,
  TemplateId,
  ValidationRule,
} from "./plan";
import type { Locale } from "../i18n/locale";

/** A formula that is the same in both dialects (no GENAI function involved). */
export function same(formula: string): PlanFormula {
  return { live: formula, portable: formula };
}

/** A formula with a GENAI form and a native form. */
export function dual(live: string, portable: string): PlanFormula {
  return { live, portable };
}

export interface Placed {
  /** Top-left cell of the block. */
  readonly at: string;
  /** Address of the cell at (row, column) inside the block, zero-based. */
  cell(row: number, column: number, absolute?: boolean): string;
  /** Address of a rectangle inside the block, zero-based and inclusive. */
  range(top: number, left: number, bottom: number, right: number, absolute?: boolean): string;
  /** One column of the block, rows [from, to]. */
  column(column: number, from?: number, to?: number, absolute?: boolean): string;
  /** One row of the block, columns [from, to]. */
  row(row: number, from?: number, to?: number, absolute?: boolean): string;
  readonly rows: number;
  readonly columns: number;
}

export class SheetBuilder {
  private readonly blocks: Block[] = [];
  private readonly formats: { range: string; format: SemanticFormat }[] = [];
  private readonly styles: { range: string; style: CellStyle }[] = [];
  private readonly widths: { column: string; width: number }[] = [];
  private readonly tables: TablePlan[] = [];
  private readonly names: NamePlan[] = [];
  private readonly validations: { range: string; rule: ValidationRule; message: string }[] = [];
  private readonly conditionalFormats: { range: string; rule: ConditionalFormatRule }[] = [];
  private readonly charts: ChartPlan[] = [];
  private freezePanes: { rows: number; columns: number } | null = null;

  constructor(
    private readonly template: TemplateId,
    private readonly version: number,
    private readonly sheet: string,
    private readonly locale: Locale,
    private readonly currency: string,
  ) {}

  /** Writes a rectangle of cells at `at`; rows shorter than the widest are padded with null. */
  write(at: string, rows: readonly (readonly PlanCell[])[]): Placed {
    const width = Math.max(1, ...rows.map((r) => r.length));
    const cells = rows.map((r) =>
      r.length === width ? r : [...r, ...new Array<PlanCell>(width - r.length).fill(null)],
    );
    this.blocks.push({ at, cells });
    return placed(at, cells.length, width);
  }

  format(range: string, format: SemanticFormat): this {
    this.formats.push({ range, format });
    return this;
  }

  style(range: string, style: CellStyle): this {
    this.styles.push({ range, style });
    return this;
  }

  width(column: string, width: number): this {
    this.widths.push({ column, width });
    return this;
  }

  table(name: string, range: string, calculated?: readonly number[]): this {
    this.tables.push(calculated ? { name, range, calculated } : { name, range });
    return this;
  }

  name(name: string, range: string, comment: string): this {
    this.names.push({ name, range, comment });
    return this;
  }

  /** A square matrix of inputs whose rows and columns follow the labels under `labels` (NamePlan.keyedBy). */
  keyedName(name: string, range: string, comment: string, labels: string): this {
    this.names.push({ name, range, comment, keyedBy: labels });
    return this;
  }

  validate(range: string, rule: ValidationRule, message: string): this {
    this.validations.push({ range, rule, message });
    return this;
  }

  conditional(range: string, rule: ConditionalFormatRule): this {
    this.conditionalFormats.push({ range, rule });
    return this;
  }

  chart(chart: ChartPlan): this {
    this.charts.push(chart);
    return this;
  }

  freeze(rows: number, columns: number): this {
    this.freezePanes = { rows, columns };
    return this;
  }

  /** Whether a range lies inside a named input whose blank-input rule is "required". */
  private requiredCells(range: string): boolean {
    const r = parseRange(range);
    return this.names.some((n) => {
      if (BLANK_RULES[n.name]?.kind !== "required") return false;
      const named = parseRange(n.range);
      return r.top >= named.top && r.bottom <= named.bottom && r.left >= named.left && r.right <= named.right;
    });
  }

  build(): SheetPlan {
    return {
      template: this.template,
      version: this.version,
      sheet: this.sheet,
      locale: this.locale,
      currency: this.currency,
      blocks: this.blocks,
      formats: this.formats,
      styles: this.styles,
      columnWidths: this.widths,
      tables: this.tables,
      names: this.names,
      validations: this.validations.map((v) => (this.requiredCells(v.range) ? { ...v, required: true } : v)),
      conditionalFormats: this.conditionalFormats,
      freeze: this.freezePanes,
      charts: this.charts,
    };
  }
}

function placed(at: string, rows: number, columns: number): Placed {
  const origin = parseCell(at);
  const cell = (r: number, c: number, absolute = false): string =>
    cellAddress(origin.row + r, origin.column + c, absolute);
  const range = (top: number, left: number, bottom: number, right: number, absolute = false): string =>
    rangeAddress(
      {
        top: origin.row + top,
        left: origin.column + left,
        bottom: origin.row + bottom,
        right: origin.column + right,
      },
      absolute,
    );
  return {
    at,
    rows,
    columns,
    cell,
    range,
    column: (c, from = 0, to = rows - 1, absolute = false) => range(from, c, to, c, absolute),
    row: (r, from = 0, to = columns - 1, absolute = false) => range(r, from, r, to, absolute),
  };
}
