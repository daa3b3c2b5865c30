/**
 * Worksheet events: handlers registered through WorksheetCollection.onChanged and onCalculated,
 * and the events a request raises, delivered after it asynchronously, as Excel delivers them.
 */
import type { FakeObject } from "./object";
import type { SheetState, WorkbookState } from "./model";

type EventKind = "changed" | "calculated";

export class EventHub {
  private readonly handlers = {
    changed: new Set<(args: Excel.WorksheetChangedEventArgs) => Promise<unknown>>(),
    calculated: new Set<(args: Excel.WorksheetCalculatedEventArgs) => Promise<unknown>>(),
  };
  private pending: (() => Promise<unknown>)[] = [];
  private deliveries: Promise<unknown>[] = [];

  constructor(
    private readonly state: WorkbookState,
    /** The host's requirement sets: triggerSource comes with ExcelApi 1.14. */
    private readonly supports: (set: string, version: string) => boolean,
  ) {}

  queueChanged(sheet: SheetState, address: string, trigger: "ThisLocalAddin" | "Unknown"): void {
    const args = {
      type: "WorksheetChanged",
      worksheetId: sheet.id,
      address,
      changeType: "RangeEdited",
      source: "Local",
      ...(this.supports("ExcelApi", "1.14") ? { triggerSource: trigger } : {}),
    } as unknown as Excel.WorksheetChangedEventArgs;
    for (const h of this.handlers.changed) this.pending.push(() => h(args));
  }

  /** With events on, every sheet reports a calculation. */
  queueCalculated(): void {
    if (!this.state.enableEvents) return;
    for (const sheet of this.state.sheets) {
      const args = {
        type: "WorksheetCalculated",
        worksheetId: sheet.id,
        address: "",
      } as unknown as Excel.WorksheetCalculatedEventArgs;
      for (const h of this.handlers.calculated) this.pending.push(() => h(args));
    }
  }

  add(kind: EventKind, handler: (args: never) => Promise<unknown>): void {
    (this.handlers[kind] as Set<unknown>).add(handler);
  }

  remove(kind: EventKind, handler: (args: never) => Promise<unknown>): void {
    (this.handlers[kind] as Set<unknown>).delete(handler);
  }

  get handlerCount(): number {
    return this.handlers.changed.size + this.handlers.calculated.size;
  }

  /** Sends the events queued so far, after the current task (a handler's failure is its own). */
  deliver(): void {
    const events = this.pending;
    this.pending = [];
    if (events.length > 0)
      this.deliveries.push(
        new Promise((resolve) => setTimeout(resolve, 0)).then(() =>
          Promise.all(events.map((e) => e().catch(() => undefined))),
        ),
      );
  }

  /** Waits until every event raised so far has been delivered and handled. */
  async idle(): Promise<void> {
    while (this.deliveries.length > 0) {
      const all = this.deliveries;
      this.deliveries = [];
      await Promise.all(all);
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** EventHandlers with Office's member names (add returns { context, remove }). */
export class FakeEventHandlers<T> {
  constructor(
    private readonly owner: FakeObject,
    private readonly kind: EventKind,
    private readonly member: string,
  ) {}

  add(handler: (args: T) => Promise<unknown>): OfficeExtension.EventHandlerResult<T> {
    const owner = this.owner;
    const kind = this.kind;
    const queueOn = (member: string, apply: () => void): void => {
      owner.context.enqueue({ target: owner, member, kind: "call", args: [], apply });
    };
    queueOn(`${this.member}.add`, () => owner.fake.events.add(kind, handler));
    // The result's context is the fake one: OfficeHost hands it back to the runner to remove.
    const result = {
      context: owner.context,
      remove: () => queueOn(`${this.member}.remove`, () => owner.fake.events.remove(kind, handler)),
    };
    return result as unknown as OfficeExtension.EventHandlerResult<T>;
  }
}
