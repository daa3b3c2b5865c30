/**
 * Conditional formats: the collection of a range, one format, and its typed parts (colorScale,
 * cellValue, custom) with their rules and fills. Each property set lands in the format's `props`
 * by path ("criteria", "rule.formula", "format.fill.color").
 */
import { rangeAddress } from "../../../src/shared/a1";
import type { FakeRequestContext } from "./context";
import { OpError } from "./errors";
import type { ConditionalFormatState, RangeOnSheet } from "./model";
import { FakeObject } from "./object";
import { checkColor } from "./range-format";
import type { FakeRange } from "./ranges";
import type { Subset } from "./subset";

const CONDITIONAL_TYPES = new Set([
  "Custom",
  "DataBar",
  "ColorScale",
  "IconSet",
  "TopBottom",
  "PresetCriteria",
  "ContainsText",
  "CellValue",
]);

export class FakeConditionalFormatCollection
  extends FakeObject
  implements Subset<Excel.ConditionalFormatCollection, "add">
{
  readonly officeType = "ConditionalFormatCollection";

  constructor(
    context: FakeRequestContext,
    private readonly range: FakeRange,
  ) {
    super(context, range, "conditionalFormats", [], "property", () => range.resolveOrNull(), false);
  }

  add(type: string): FakeConditionalFormat {
    const cf = new FakeConditionalFormat(this.context, this, type);
    this.call("add", [type], (t: RangeOnSheet) => {
      if (!CONDITIONAL_TYPES.has(type))
        throw new OpError("InvalidArgument", `Unknown conditional format type ${type}`);
      const state: ConditionalFormatState = { range: rangeAddress(t.rect), type, props: {} };
      t.sheet.conditionalFormats.push(state);
      cf.bind(state);
    });
    return cf;
  }
}

/** A conditional format and its parts, bound to the format's state when `add` applies. */
export class FakeConditionalFormat
  extends FakeObject
  implements Subset<Excel.ConditionalFormat, "colorScale" | "cellValue" | "custom">
{
  readonly officeType = "ConditionalFormat";
  readonly colorScale: FakeColorScaleConditionalFormat;
  readonly cellValue: FakeCellValueConditionalFormat;
  readonly custom: FakeCustomConditionalFormat;

  constructor(context: FakeRequestContext, parent: FakeObject, type: string) {
    super(context, parent, "add", [type], "method", () => null, false);
    this.colorScale = new FakeColorScaleConditionalFormat(context, this);
    this.cellValue = new FakeCellValueConditionalFormat(context, this);
    this.custom = new FakeCustomConditionalFormat(context, this);
  }
}

/** A typed part of a conditional format (colorScale, cellValue, custom); it checks the format's type. */
abstract class FakeConditionalPart extends FakeObject {
  constructor(
    context: FakeRequestContext,
    cf: FakeObject,
    pathName: string,
    readonly type: string,
  ) {
    super(context, cf, pathName, [], "property", () => cf.resolveOrNull(), false);
  }

  /** Sets a property of the format, kept under `path` in its props. */
  put(
    member: string,
    path: string,
    value: unknown,
    check?: (value: unknown) => void,
    by: FakeObject = this,
  ): void {
    by.context.enqueue({
      target: by,
      member,
      kind: "set",
      args: [value],
      apply: () => {
        const state = this.resolveOrNull() as ConditionalFormatState | null;
        if (state === null) return;
        if (state.type !== this.type)
          throw new OpError(
            "InvalidOperation",
            `This is a ${state.type} conditional format, not ${this.type}.`,
          );
        check?.(value);
        state.props[path] = JSON.parse(JSON.stringify(value)) as unknown;
      },
    });
  }
}

export class FakeColorScaleConditionalFormat
  extends FakeConditionalPart
  implements Subset<Excel.ColorScaleConditionalFormat, "criteria">
{
  readonly officeType = "ColorScaleConditionalFormat";

  constructor(context: FakeRequestContext, cf: FakeObject) {
    super(context, cf, "colorScale", "ColorScale");
  }

  get criteria(): Excel.ConditionalColorScaleCriteria {
    return this.loaded("criteria");
  }

  set criteria(value: Excel.ConditionalColorScaleCriteria) {
    this.put("criteria", "criteria", value, () => {
      for (const c of [value.minimum, value.midpoint, value.maximum]) if (c?.color) checkColor(c.color);
    });
  }
}

export class FakeCellValueConditionalFormat
  extends FakeConditionalPart
  implements Subset<Excel.CellValueConditionalFormat, "rule" | "format">
{
  readonly officeType = "CellValueConditionalFormat";
  readonly format: FakeConditionalRangeFormat;

  constructor(context: FakeRequestContext, cf: FakeObject) {
    super(context, cf, "cellValue", "CellValue");
    this.format = new FakeConditionalRangeFormat(context, this);
  }

  get rule(): Excel.ConditionalCellValueRule {
    return this.loaded("rule");
  }

  set rule(value: Excel.ConditionalCellValueRule) {
    this.put("rule", "rule", value);
  }
}

export class FakeCustomConditionalFormat
  extends FakeConditionalPart
  implements Subset<Excel.CustomConditionalFormat, "rule" | "format">
{
  readonly officeType = "CustomConditionalFormat";
  readonly rule: FakeConditionalRule;
  readonly format: FakeConditionalRangeFormat;

  constructor(context: FakeRequestContext, cf: FakeObject) {
    super(context, cf, "custom", "Custom");
    this.rule = new FakeConditionalRule(context, this);
    this.format = new FakeConditionalRangeFormat(context, this);
  }
}

export class FakeConditionalRule
  extends FakeObject
  implements Subset<Excel.ConditionalFormatRule, "formula">
{
  readonly officeType = "ConditionalFormatRule";

  constructor(
    context: FakeRequestContext,
    private readonly part: FakeConditionalPart,
  ) {
    super(context, part, "rule", [], "property", () => part.resolveOrNull(), false);
  }

  get formula(): string {
    return this.loaded("formula");
  }

  set formula(value: string) {
    this.part.put("formula", "rule.formula", value, undefined, this);
  }
}

export class FakeConditionalRangeFormat
  extends FakeObject
  implements Subset<Excel.ConditionalRangeFormat, "fill">
{
  readonly officeType = "ConditionalRangeFormat";
  readonly fill: FakeConditionalRangeFill;

  constructor(context: FakeRequestContext, part: FakeConditionalPart) {
    super(context, part, "format", [], "property", () => part.resolveOrNull(), false);
    this.fill = new FakeConditionalRangeFill(context, this, part);
  }
}

export class FakeConditionalRangeFill
  extends FakeObject
  implements Subset<Excel.ConditionalRangeFill, "color">
{
  readonly officeType = "ConditionalRangeFill";

  constructor(
    context: FakeRequestContext,
    parent: FakeObject,
    private readonly part: FakeConditionalPart,
  ) {
    super(context, parent, "fill", [], "property", () => part.resolveOrNull(), false);
  }

  get color(): string {
    return this.loaded("color");
  }

  set color(value: string) {
    this.part.put("color", "format.fill.color", value, checkColor, this);
  }
}
