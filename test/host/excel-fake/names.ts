/**
 * Defined names: the workbook's or a worksheet's collection, and one name (its formula, comment,
 * type and value, and the range it refers to).
 */
import { rangeAddress } from "../../../src/shared/a1";
import { NUMBER } from "./cell-input";
import type { FakeRequestContext } from "./context";
import { itemAlreadyExists, OpError } from "./errors";
import type { FakeExcel } from "./fake-excel";
import { checkDefinedName, type NameRef, type NameState, parseAddress, structuredRect } from "./model";
import { FakeObject, pick } from "./object";
import { FakeRange } from "./ranges";
import { FakeScopedCollection } from "./scoped-collection";
import type { Subset } from "./subset";
import type { FakeWorksheet } from "./worksheets";

/** What a name refers to, from a range or a formula ("=Sheet!$A$1", or anything else as a formula). */
function referenceOf(fake: FakeExcel, reference: unknown): NameRef {
  if (reference instanceof FakeRange) {
    const { sheet, rect } = reference.resolve();
    return { sheet, address: rangeAddress(rect, true) };
  }
  return fake.model.nameRef(reference);
}

export class FakeNamedItemCollection
  extends FakeScopedCollection<NameState, FakeNamedItem>
  implements Subset<Excel.NamedItemCollection, "items" | "add" | "getItem" | "getItemOrNullObject">
{
  readonly officeType = "NamedItemCollection";

  constructor(context: FakeRequestContext, parent: FakeObject, worksheet: FakeWorksheet | null) {
    super(context, parent, "names", worksheet);
  }

  private map(): Map<string, NameState> {
    return this.worksheet ? this.worksheet.resolve().names : this.fake.state.names;
  }

  protected override states(): NameState[] {
    return [...this.map().values()];
  }

  protected override find(name: string): NameState | null {
    return this.map().get(name.toLowerCase()) ?? null;
  }

  protected override keyOf(state: NameState): string {
    return state.name;
  }

  protected override item(
    pathName: string,
    args: readonly unknown[],
    resolver: () => unknown,
    orNull: boolean,
  ): FakeNamedItem {
    return new FakeNamedItem(this.context, this, pathName, args, resolver, orNull, this.worksheet);
  }

  add(name: string, reference: FakeObject | string, comment?: string): FakeNamedItem {
    const item = this.item("add", [name, reference, comment], () => null, false);
    this.call("add", [name, reference, comment], () => {
      checkDefinedName(name);
      const map = this.map();
      const lower = name.toLowerCase();
      if (
        map.has(lower) ||
        (!this.worksheet && this.fake.state.tables.some((t) => t.name.toLowerCase() === lower))
      )
        throw itemAlreadyExists(name);
      const state: NameState = { name, ref: referenceOf(this.fake, reference), comment: comment ?? "" };
      map.set(lower, state);
      item.bind(state);
    });
    return item;
  }
}

export class FakeNamedItem
  extends FakeObject
  implements
    Subset<Excel.NamedItem, "name" | "formula" | "comment" | "type" | "value" | "delete" | "getRange">
{
  readonly officeType = "NamedItem";

  constructor(
    context: FakeRequestContext,
    parent: FakeObject,
    pathName: string,
    args: readonly unknown[],
    resolver: () => unknown,
    orNull: boolean,
    private readonly worksheet: FakeWorksheet | null,
  ) {
    super(context, parent, pathName, args, "method", resolver, true, orNull);
  }

  private owner(): Map<string, NameState> {
    return this.worksheet ? this.worksheet.resolve().names : this.fake.state.names;
  }

  protected override checkAlive(target: unknown): void {
    if (![...this.owner().values()].includes(target as NameState))
      throw new OpError("InvalidReference", "The name no longer exists.");
  }

  protected override read(state: NameState, properties: readonly string[]): Record<string, unknown> {
    const formula = this.fake.model.nameFormula(state);
    const constant = formula.slice(1);
    const type =
      "table" in state.ref
        ? "Range"
        : "sheet" in state.ref
          ? formula.startsWith("=#REF!")
            ? "Error"
            : "Range"
          : NUMBER.test(constant)
            ? "Double"
            : /^(true|false)$/i.test(constant)
              ? "Boolean"
              : /^".*"$/.test(constant)
                ? "String"
                : "Error";
    const value =
      type === "Range"
        ? formula.slice(1)
        : type === "Double"
          ? Number(constant)
          : type === "Boolean"
            ? constant.toLowerCase() === "true"
            : type === "String"
              ? constant.slice(1, -1).replace(/""/g, '"')
              : formula.startsWith("=#REF!")
                ? "#REF!"
                : constant;
    return pick({ name: state.name, formula, comment: state.comment, type, value }, properties);
  }

  get name(): string {
    return this.loaded("name");
  }

  get formula(): unknown {
    return this.loaded("formula");
  }

  set formula(value: unknown) {
    this.set("formula", value, (state: NameState) => {
      state.ref = referenceOf(this.fake, value);
    });
  }

  get comment(): string {
    return this.loaded("comment");
  }

  set comment(value: string) {
    this.set("comment", value, (state: NameState) => {
      state.comment = value;
    });
  }

  get type(): Excel.NamedItem["type"] {
    return this.loaded("type");
  }

  get value(): unknown {
    return this.loaded("value");
  }

  delete(): void {
    this.call("delete", [], (state: NameState) => {
      this.owner().delete(state.name.toLowerCase());
    });
  }

  getRange(): FakeRange {
    return new FakeRange(this.context, this, "getRange", [], () => {
      const state = this.resolveOrNull() as NameState | null;
      if (!state) return null;
      const ref = state.ref;
      if ("table" in ref) {
        const rect = this.fake.state.tables.includes(ref.table)
          ? structuredRect(ref.table, ref.columns)
          : null;
        if (!rect)
          throw new OpError("InvalidReference", "This reference is not valid for the current operation.");
        return { sheet: ref.table.sheet, rect };
      }
      if (!("sheet" in ref) || !this.fake.state.sheets.includes(ref.sheet))
        throw new OpError("InvalidReference", "This reference is not valid for the current operation.");
      return { sheet: ref.sheet, rect: parseAddress(ref.address) };
    });
  }
}
