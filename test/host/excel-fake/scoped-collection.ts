/**
 * What the table and name collections share: each belongs to the workbook or to one worksheet
 * (Workbook.tables, Worksheet.names, ...), loads its items with the properties asked
 * ("items/name"), and gets an item by key, failing or as a null object.
 */
import type { FakeRequestContext } from "./context";
import { FakeObject, itemProps } from "./object";
import type { FakeWorksheet } from "./worksheets";

export abstract class FakeScopedCollection<State, Item extends FakeObject> extends FakeObject {
  constructor(
    context: FakeRequestContext,
    parent: FakeObject,
    pathName: string,
    /** The sheet of a Worksheet.* collection; null for the workbook's. */
    protected readonly worksheet: FakeWorksheet | null,
  ) {
    super(
      context,
      parent,
      pathName,
      [],
      "property",
      () => (worksheet ? worksheet.resolveOrNull() : context.fake.state),
      false,
    );
  }

  /** The states in scope, in order. */
  protected abstract states(): State[];

  /** The state in scope that getItem's key names (an id or a name), or null. */
  protected abstract find(key: string): State | null;

  /** The key an item loaded with the collection is got by. */
  protected abstract keyOf(state: State): string;

  protected abstract item(
    pathName: string,
    args: readonly unknown[],
    resolver: () => unknown,
    orNull: boolean,
  ): Item;

  protected override read(_target: unknown, properties: readonly string[]): Record<string, unknown> {
    const props = itemProps(properties);
    const items = this.states().map((state) => {
      const item = this.item("getItem", [this.keyOf(state)], () => state, false);
      item.bind(state);
      item.markLoaded(state, props);
      return item;
    });
    return { items };
  }

  get items(): Item[] {
    return this.loaded("items");
  }

  getItem(key: string): Item {
    return this.item("getItem", [key], () => this.find(key), false);
  }

  getItemOrNullObject(key: string): Item {
    return this.item("getItemOrNullObject", [key], () => this.find(key), true);
  }
}
