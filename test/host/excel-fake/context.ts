/**
 * The request context and what hangs off it directly: the workbook (worksheets, names, tables,
 * application) and the runtime. Operations are queued on the context and sent at `sync()`.
 */
import { OpError } from "./errors";
import type { FakeExcel } from "./fake-excel";
import type { WorkbookState } from "./model";
import { FakeNamedItemCollection } from "./names";
import { FakeObject } from "./object";
import type { QueuedOp } from "./requests";
import type { Subset } from "./subset";
import { FakeTableCollection } from "./tables";
import { FakeWorksheetCollection } from "./worksheets";

export class FakeRequestContext implements Subset<Excel.RequestContext, "workbook" | "runtime" | "sync"> {
  readonly workbook: FakeWorkbook;
  readonly runtime: FakeRuntime;
  private ops: QueuedOp[] = [];

  constructor(readonly fake: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
    this.runtime = new FakeRuntime(this);
  }

  enqueue(op: QueuedOp): void {
    this.ops.push(op);
  }

  get pending(): number {
    return this.ops.length;
  }

  discard(): void {
    this.ops = [];
  }

  async sync(): Promise<void> {
    const ops = this.ops;
    this.ops = [];
    await this.fake.requests.execute(ops);
  }
}

export class FakeWorkbook
  extends FakeObject
  implements Subset<Excel.Workbook, "worksheets" | "names" | "tables" | "application">
{
  readonly officeType = "Workbook";
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  readonly tables: FakeTableCollection;
  readonly application: FakeApplication;

  constructor(context: FakeRequestContext) {
    super(context, null, "workbook", [], "property", () => context.fake.state, true);
    this.worksheets = new FakeWorksheetCollection(context, this);
    this.names = new FakeNamedItemCollection(context, this, null);
    this.tables = new FakeTableCollection(context, this, null);
    this.application = new FakeApplication(context, this);
  }
}

export class FakeApplication
  extends FakeObject
  implements
    Subset<
      Excel.Application,
      "suspendScreenUpdatingUntilNextSync" | "suspendApiCalculationUntilNextSync" | "calculate"
    >
{
  readonly officeType = "Application";

  constructor(context: FakeRequestContext, parent: FakeObject) {
    super(context, parent, "application", [], "property", () => context.fake.state, true);
  }

  suspendScreenUpdatingUntilNextSync(): void {
    this.call("suspendScreenUpdatingUntilNextSync", [], () => {
      if (!this.fake.isSetSupported("ExcelApi", "1.9"))
        throw new OpError("ApiNotFound", "The API you are trying to use could not be found (ExcelApi 1.9).");
      this.fake.requests.screenSuspended = true;
    });
  }

  suspendApiCalculationUntilNextSync(): void {
    this.call("suspendApiCalculationUntilNextSync", [], () => {
      this.fake.requests.calculationSuspended = true;
    });
  }

  calculate(calculationType: string): void {
    this.call("calculate", [calculationType], () => {
      this.fake.calculations++;
      this.fake.events.queueCalculated();
    });
  }
}

export class FakeRuntime extends FakeObject implements Subset<Excel.Runtime, "enableEvents"> {
  readonly officeType = "Runtime";

  constructor(context: FakeRequestContext) {
    super(context, null, "runtime", [], "property", () => context.fake.state, true);
  }

  protected override read(target: WorkbookState): Record<string, unknown> {
    return { enableEvents: target.enableEvents };
  }

  get enableEvents(): boolean {
    return this.loaded("enableEvents");
  }

  set enableEvents(value: boolean) {
    this.set("enableEvents", value, (state: WorkbookState) => {
      state.enableEvents = value;
    });
  }
}
