/**
 * A range's format: font, fill, borders and column width. Each property set is kept as a record
 * ("font.color" = "#0000FF" over the range), and reads give the value in effect where the whole
 * range agrees.
 */
import { columnLetters, rangeAddress } from "../../../src/shared/a1";
import type { FakeRequestContext } from "./context";
import { OpError } from "./errors";
import { cellsOf, contains, parseAddress, type RangeOnSheet } from "./model";
import { FakeObject } from "./object";
import type { FakeRange } from "./ranges";
import type { Subset } from "./subset";

const COLOR = /^(#[0-9A-Fa-f]{6}|[a-z]+)$/;
export const checkColor = (v: unknown): void => {
  if (typeof v !== "string" || !COLOR.test(v))
    throw new OpError("InvalidArgument", `Not a colour: ${String(v)}`);
};

/** A property of a range's format kept as a record "font.color" = "#0000FF" over the range. */
abstract class FakeFormatPart extends FakeObject {
  constructor(
    context: FakeRequestContext,
    parent: FakeObject,
    pathName: string,
    args: readonly unknown[],
    private readonly range: FakeRange,
    private readonly prefix: string,
  ) {
    super(context, parent, pathName, args, "property", () => range.resolveOrNull(), false);
  }

  protected record(property: string, value: unknown, check?: (value: unknown) => void): void {
    this.set(property, value, (t: RangeOnSheet) => {
      check?.(value);
      t.sheet.formats.push({ range: rangeAddress(t.rect), property: `${this.prefix}${property}`, value });
      this.fake.noteWrite(`${this.officeType}.${property}`, t.sheet, rangeAddress(t.rect), false);
    });
  }

  protected override read(t: RangeOnSheet, properties: readonly string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const p of properties) {
      const values = new Set<unknown>();
      for (const { row, column } of cellsOf(t.rect)) {
        let v: unknown = null;
        for (const f of t.sheet.formats)
          if (f.property === `${this.prefix}${p}` && contains(parseAddress(f.range), row, column))
            v = f.value;
        values.add(v);
      }
      out[p] = values.size === 1 ? [...values][0] : null;
    }
    return out;
  }
}

export class FakeRangeFormat
  extends FakeFormatPart
  implements Subset<Excel.RangeFormat, "font" | "fill" | "borders" | "columnWidth">
{
  readonly officeType = "RangeFormat";
  readonly font: FakeRangeFont;
  readonly fill: FakeRangeFill;
  readonly borders: FakeRangeBorderCollection;

  constructor(context: FakeRequestContext, range: FakeRange) {
    super(context, range, "format", [], range, "");
    this.font = new FakeRangeFont(context, this, range);
    this.fill = new FakeRangeFill(context, this, range);
    this.borders = new FakeRangeBorderCollection(context, this, range);
  }

  get columnWidth(): number {
    return this.loaded("columnWidth");
  }

  set columnWidth(points: number) {
    this.set("columnWidth", points, (t: RangeOnSheet) => {
      if (!(points >= 0)) throw new OpError("InvalidArgument", "A column width must be positive.");
      for (let c = t.rect.left; c <= t.rect.right; c++) t.sheet.columnWidths.set(columnLetters(c), points);
      this.fake.noteWrite("RangeFormat.columnWidth", t.sheet, rangeAddress(t.rect), false);
    });
  }
}

export class FakeRangeFont
  extends FakeFormatPart
  implements Subset<Excel.RangeFont, "color" | "bold" | "italic" | "size">
{
  readonly officeType = "RangeFont";

  constructor(context: FakeRequestContext, parent: FakeObject, range: FakeRange) {
    super(context, parent, "font", [], range, "font.");
  }

  get color(): string {
    return this.loaded("color");
  }
  set color(value: string) {
    this.record("color", value, checkColor);
  }
  get bold(): boolean {
    return this.loaded("bold");
  }
  set bold(value: boolean) {
    this.record("bold", value);
  }
  get italic(): boolean {
    return this.loaded("italic");
  }
  set italic(value: boolean) {
    this.record("italic", value);
  }
  get size(): number {
    return this.loaded("size");
  }
  set size(value: number) {
    this.record("size", value);
  }
}

export class FakeRangeFill extends FakeFormatPart implements Subset<Excel.RangeFill, "color"> {
  readonly officeType = "RangeFill";

  constructor(context: FakeRequestContext, parent: FakeObject, range: FakeRange) {
    super(context, parent, "fill", [], range, "fill.");
  }

  get color(): string {
    return this.loaded("color");
  }
  set color(value: string) {
    this.record("color", value, checkColor);
  }
}

const BORDER_INDEXES = new Set([
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideVertical",
  "InsideHorizontal",
  "DiagonalDown",
  "DiagonalUp",
]);

export class FakeRangeBorderCollection
  extends FakeObject
  implements Subset<Excel.RangeBorderCollection, "getItem">
{
  readonly officeType = "RangeBorderCollection";

  constructor(
    context: FakeRequestContext,
    parent: FakeObject,
    private readonly range: FakeRange,
  ) {
    super(context, parent, "borders", [], "property", () => range.resolveOrNull(), false);
  }

  getItem(index: string): FakeRangeBorder {
    if (!BORDER_INDEXES.has(index)) throw new Error(`InvalidArgument: border index ${index}`);
    return new FakeRangeBorder(this.context, this, this.range, index);
  }
}

export class FakeRangeBorder
  extends FakeFormatPart
  implements Subset<Excel.RangeBorder, "style" | "weight" | "color">
{
  readonly officeType = "RangeBorder";

  constructor(context: FakeRequestContext, parent: FakeObject, range: FakeRange, index: string) {
    super(context, parent, "getItem", [index], range, `border.${index}.`);
  }

  get style(): Excel.RangeBorder["style"] {
    return this.loaded("style");
  }
  set style(value: Excel.RangeBorder["style"]) {
    this.record("style", value);
  }
  get weight(): Excel.RangeBorder["weight"] {
    return this.loaded("weight");
  }
  set weight(value: Excel.RangeBorder["weight"]) {
    this.record("weight", value);
  }
  get color(): string {
    return this.loaded("color");
  }
  set color(value: string) {
    this.record("color", value, checkColor);
  }
}
