/**
 * The base of every fake Excel object, as Office.js's ClientObject: an object path (how Office
 * names the object in a request), operations queued on the request context and applied at
 * sync, and properties that can be read only once loaded and synced.
 */
import type { FakeRequestContext } from "./context";
import { OpError, itemNotFound, propertyNotLoaded } from "./errors";
import type { FakeExcel } from "./fake-excel";
import { isSheet } from "./model";
import type { QueuedOp } from "./requests";

let nextPathId = 1;

export abstract class FakeObject {
  abstract readonly officeType: string;
  readonly pathId = nextPathId++;
  sent = false;
  private bound: unknown = undefined;
  private loadedProps: Record<string, unknown> | null = null;
  private nullObject: boolean | null = null;

  constructor(
    readonly context: FakeRequestContext,
    readonly parent: FakeObject | null,
    readonly pathName: string,
    readonly pathArgs: readonly unknown[],
    readonly pathKind: "property" | "method",
    private readonly resolver: () => unknown,
    /** Bind to the first target found (Office tracks objects by reference inside Excel.run). */
    private readonly binds: boolean,
    /** A *OrNullObject: resolves to null instead of failing. */
    readonly orNull = false,
  ) {}

  get fake(): FakeExcel {
    return this.context.fake;
  }

  markSent(): void {
    if (this.sent) return;
    this.sent = true;
    this.parent?.markSent();
  }

  /** Binds an object created by an operation (worksheets.add, tables.add, ...). */
  bind(target: unknown): void {
    this.bound = target;
  }

  /** The target or null (a null object, or a null parent). Throws ItemNotFound for a missing item. */
  resolveOrNull(): unknown {
    if (this.bound !== undefined) {
      this.checkAlive(this.bound);
      return this.bound;
    }
    const target = this.resolver();
    if (target === null && !this.orNull) {
      const parentIsNull = this.parent?.orNullChain() ?? false;
      if (!parentIsNull) throw itemNotFound();
    }
    if (this.binds && target !== null) this.bound = target;
    return target;
  }

  /** Whether this object or an ancestor is a *OrNullObject. */
  orNullChain(): boolean {
    return this.orNull || (this.parent?.orNullChain() ?? false);
  }

  /**
   * Fails when the bound target is gone. Only a sheet is checked here: tables and names check
   * themselves, and the parts of a conditional format or chart live as long as their state.
   */
  protected checkAlive(target: unknown): void {
    const state = this.fake.state;
    if (isSheet(target) && !state.sheets.includes(target))
      throw new OpError(
        "InvalidReference",
        "This reference is not valid for the current operation (the sheet was deleted).",
      );
  }

  /** The sheet name of the target, for failure predicates (null when it has none or cannot resolve). */
  sheetName(): string | null {
    try {
      const t = this.resolveOrNull();
      if (isSheet(t)) return t.name;
      if (t && typeof t === "object" && "sheet" in t && isSheet(t.sheet)) return t.sheet.name;
    } catch {
      // not resolvable yet
    }
    return this.parent?.sheetName() ?? null;
  }

  protected queue(kind: QueuedOp["kind"], member: string, args: readonly unknown[], apply: () => void): void {
    this.context.enqueue({ target: this, member, kind, args, apply });
  }

  /** Queues a property set; applied to the resolved target, or ignored on a null object. */
  protected set(member: string, value: unknown, apply: (target: never) => void): void {
    this.queue("set", member, [value], () => {
      const t = this.resolveOrNull();
      if (t !== null) apply(t as never);
    });
  }

  /** Queues a method call; ignored on a null object. */
  protected call(member: string, args: readonly unknown[], apply: (target: never) => void): void {
    this.queue("call", member, args, () => {
      const t = this.resolveOrNull();
      if (t !== null) apply(t as never);
    });
  }

  /** ClientObject.load: queued; the values appear after the sync. */
  load(properties?: string | string[]): this {
    const list = (Array.isArray(properties) ? properties : (properties ?? "").split(","))
      .map((p) => p.trim())
      .filter((p) => p !== "");
    this.queue("load", "load", [list.join(",")], () => {
      const t = this.resolveOrNull();
      const values = t === null ? null : this.read(t, list);
      this.fake.requests.loadResults.push(() => {
        this.nullObject = t === null;
        if (values) this.loadedProps = { ...(this.loadedProps ?? {}), ...values };
      });
    });
    return this;
  }

  /** The loaded properties of a target (per class); no properties asked means all of them. */
  protected read(_target: unknown, _properties: readonly string[]): Record<string, unknown> {
    return {};
  }

  protected loaded<T>(property: string): T {
    if (!this.loadedProps || !(property in this.loadedProps)) throw propertyNotLoaded(property);
    return this.loadedProps[property] as T;
  }

  get isNullObject(): boolean {
    if (this.nullObject === null) throw propertyNotLoaded("isNullObject");
    return this.nullObject;
  }

  /** For collections: an item whose properties were read with the collection ("items/name"). */
  markLoaded(target: unknown, properties: readonly string[]): void {
    this.loadedProps = { ...(this.loadedProps ?? {}), ...this.read(target, properties) };
    this.nullObject = false;
  }
}

/** The properties asked for, of all a target has; none asked means all. */
export function pick(all: Record<string, unknown>, properties: readonly string[]): Record<string, unknown> {
  const props = properties.length > 0 ? properties : Object.keys(all);
  return Object.fromEntries(props.filter((p) => p in all).map((p) => [p, all[p]]));
}

/** Properties asked of a collection's items ("items/name" or "name"). */
export function itemProps(properties: readonly string[]): string[] {
  return properties.map((p) => p.replace(/^items\//, "")).filter((p) => p !== "items");
}
