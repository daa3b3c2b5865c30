/**
 * Charts: a worksheet's collection, a chart with its small parts (title, axes, legend) kept as
 * fields of its state, and its series with the ranges they read.
 */
import { rangeAddress } from "../../../src/shared/a1";
import type { FakeRequestContext } from "./context";
import { OpError } from "./errors";
import type { ChartState, SeriesState, SheetRef, SheetState } from "./model";
import { FakeObject } from "./object";
import { FakeRange } from "./ranges";
import type { Subset } from "./subset";
import type { FakeWorksheet } from "./worksheets";

const CHART_TYPES = new Set(["Bubble", "Line", "BarClustered", "ColumnClustered", "XYScatter", "Pie"]);

function rangeRef(range: FakeObject | string, sheet: SheetState): SheetRef {
  if (range instanceof FakeRange) {
    const t = range.resolve();
    return { sheet: t.sheet, address: rangeAddress(t.rect) };
  }
  if (typeof range !== "string") throw new OpError("InvalidArgument", "A chart needs a range.");
  return { sheet, address: range };
}

export class FakeChartCollection extends FakeObject implements Subset<Excel.ChartCollection, "add"> {
  readonly officeType = "ChartCollection";

  constructor(
    context: FakeRequestContext,
    private readonly worksheet: FakeWorksheet,
  ) {
    super(context, worksheet, "charts", [], "property", () => worksheet.resolveOrNull(), false);
  }

  add(type: string, sourceData: FakeObject, seriesBy?: string): FakeChart {
    const chart = new FakeChart(this.context, this, [type, sourceData, seriesBy]);
    this.call("add", [type, sourceData, seriesBy], (sheet: SheetState) => {
      if (!CHART_TYPES.has(type)) throw new OpError("InvalidArgument", `Unknown chart type ${type}`);
      if (!(sourceData instanceof FakeRange))
        throw new OpError("InvalidArgument", "The source must be a range.");
      const source = rangeRef(sourceData, sheet);
      const state: ChartState = {
        type,
        source,
        seriesBy: seriesBy ?? "Auto",
        title: null,
        xTitle: null,
        yTitle: null,
        legendVisible: true,
        position: null,
        series: [{ name: "Series1", x: null, y: source, sizes: null }],
      };
      sheet.charts.push(state);
      chart.bind(state);
      this.fake.noteWrite("ChartCollection.add", sheet, source.address, false);
    });
    return chart;
  }

  sheetState(): SheetState {
    return this.worksheet.resolve();
  }
}

/** A chart, bound to its state when `add` applies; its parts set fields of that state. */
export class FakeChart
  extends FakeObject
  implements Subset<Excel.Chart, "title" | "axes" | "legend" | "series" | "setPosition">
{
  readonly officeType = "Chart";
  readonly title: FakeChartText;
  readonly axes: FakeChartAxes;
  readonly legend: FakeChartLegend;
  readonly series: FakeChartSeriesCollection;

  constructor(
    context: FakeRequestContext,
    readonly collection: FakeChartCollection,
    args: readonly unknown[],
  ) {
    super(context, collection, "add", args, "method", () => null, false);
    this.title = new FakeChartText(context, this, "title", "ChartTitle", (c, v) => (c.title = v));
    this.axes = new FakeChartAxes(context, this);
    this.legend = new FakeChartLegend(context, this);
    this.series = new FakeChartSeriesCollection(context, this);
  }

  setPosition(startCell: FakeObject | string, endCell?: FakeObject | string): void {
    this.call("setPosition", [startCell, endCell], (chart: ChartState) => {
      const address = (c: FakeObject | string): string => {
        if (c instanceof FakeRange) return rangeAddress(c.resolve().rect);
        if (typeof c === "string") return c;
        throw new OpError("InvalidArgument", "setPosition needs ranges or addresses.");
      };
      chart.position = { from: address(startCell), to: endCell === undefined ? null : address(endCell) };
    });
  }
}

/** A part of a chart (axes, an axis, a title, the legend, the series): it resolves to the chart's state. */
class FakeChartPart extends FakeObject {
  constructor(
    context: FakeRequestContext,
    parent: FakeObject,
    pathName: string,
    readonly officeType: string,
  ) {
    super(context, parent, pathName, [], "property", () => parent.resolveOrNull(), false);
  }
}

export class FakeChartAxes
  extends FakeChartPart
  implements Subset<Excel.ChartAxes, "categoryAxis" | "valueAxis">
{
  readonly categoryAxis: FakeChartAxis;
  readonly valueAxis: FakeChartAxis;

  constructor(context: FakeRequestContext, chart: FakeChart) {
    super(context, chart, "axes", "ChartAxes");
    this.categoryAxis = new FakeChartAxis(context, this, "categoryAxis", (c, v) => (c.xTitle = v));
    this.valueAxis = new FakeChartAxis(context, this, "valueAxis", (c, v) => (c.yTitle = v));
  }
}

export class FakeChartAxis extends FakeChartPart implements Subset<Excel.ChartAxis, "title"> {
  readonly title: FakeChartText;

  constructor(
    context: FakeRequestContext,
    axes: FakeChartAxes,
    pathName: string,
    apply: (chart: ChartState, value: string) => void,
  ) {
    super(context, axes, pathName, "ChartAxis");
    this.title = new FakeChartText(context, this, "title", "ChartAxisTitle", apply);
  }
}

export class FakeChartText extends FakeChartPart implements Subset<Excel.ChartTitle, "text"> {
  constructor(
    context: FakeRequestContext,
    parent: FakeObject,
    pathName: string,
    officeType: string,
    private readonly apply: (chart: ChartState, value: string) => void,
  ) {
    super(context, parent, pathName, officeType);
  }

  get text(): string {
    return this.loaded("text");
  }

  set text(value: string) {
    this.set("text", value, (chart: ChartState) => this.apply(chart, value));
  }
}

export class FakeChartLegend extends FakeChartPart implements Subset<Excel.ChartLegend, "visible"> {
  constructor(context: FakeRequestContext, chart: FakeChart) {
    super(context, chart, "legend", "ChartLegend");
  }

  get visible(): boolean {
    return this.loaded("visible");
  }

  set visible(value: boolean) {
    this.set("visible", value, (chart: ChartState) => {
      chart.legendVisible = value;
    });
  }
}

export class FakeChartSeriesCollection
  extends FakeChartPart
  implements Subset<Excel.ChartSeriesCollection, "getItemAt" | "add">
{
  constructor(
    context: FakeRequestContext,
    readonly chart: FakeChart,
  ) {
    super(context, chart, "series", "ChartSeriesCollection");
  }

  getItemAt(index: number): FakeChartSeries {
    return new FakeChartSeries(this.context, this, "getItemAt", [index], () => {
      const chart = this.chart.resolveOrNull() as ChartState | null;
      return chart ? (chart.series[index] ?? null) : null;
    });
  }

  add(name?: string, index?: number): FakeChartSeries {
    const series = new FakeChartSeries(this.context, this, "add", [name, index], () => null);
    this.call("add", [name, index], (chart: ChartState) => {
      const state: SeriesState = {
        name: name ?? `Series${chart.series.length + 1}`,
        x: null,
        y: null,
        sizes: null,
      };
      chart.series.splice(index ?? chart.series.length, 0, state);
      series.bind(state);
    });
    return series;
  }
}

export class FakeChartSeries
  extends FakeObject
  implements Subset<Excel.ChartSeries, "name" | "setXAxisValues" | "setValues" | "setBubbleSizes">
{
  readonly officeType = "ChartSeries";

  constructor(
    context: FakeRequestContext,
    private readonly collection: FakeChartSeriesCollection,
    pathName: string,
    args: readonly unknown[],
    resolver: () => unknown,
  ) {
    super(context, collection, pathName, args, "method", resolver, true);
  }

  private sheet(): SheetState {
    return this.collection.chart.collection.sheetState();
  }

  get name(): string {
    return this.loaded("name");
  }

  set name(value: string) {
    this.set("name", value, (s: SeriesState) => {
      s.name = value;
    });
  }

  setXAxisValues(sourceData: FakeObject): void {
    this.call("setXAxisValues", [sourceData], (s: SeriesState) => {
      s.x = rangeRef(sourceData, this.sheet());
    });
  }

  setValues(sourceData: FakeObject): void {
    this.call("setValues", [sourceData], (s: SeriesState) => {
      s.y = rangeRef(sourceData, this.sheet());
    });
  }

  setBubbleSizes(sourceData: FakeObject): void {
    this.call("setBubbleSizes", [sourceData], (s: SeriesState) => {
      const chart = this.collection.chart.resolveOrNull() as ChartState;
      if (chart.type !== "Bubble")
        throw new OpError("InvalidOperation", "Bubble sizes apply to bubble charts only.");
      s.sizes = rangeRef(sourceData, this.sheet());
    });
  }
}
