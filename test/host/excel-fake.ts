/**
 * A recording fake of the part of Excel's JavaScript API that OfficeHost uses, for the host's
 * tests and the benchmarks. It behaves like Office.js where OfficeHost could
 * get it wrong:
 *
 * - calls and property sets are queued on the request context and applied only at
 *   `context.sync()`, in order; `load` results appear after that sync, and reading a property
 *   that was not loaded throws PropertyNotLoaded;
 * - every sync is counted and its request measured as JSON (actions with their arguments, plus
 *   the object paths first used in it, as Office.js sends them); a request over 5 MB is rejected
 *   whole with RequestPayloadSizeLimitExceeded, as Excel on the web does;
 * - a failure can be injected at the Nth operation or at an operation matching a predicate; as in
 *   Excel, the operations of that request before it stay applied and the rest are dropped;
 * - the workbook is modelled as sheets of cells (formulas, values, number formats), range-level
 *   formats, column widths, tables, workbook and sheet names (a name follows its sheet's renames
 *   and turns into #REF! when the sheet is deleted), data validation, conditional formats, freeze
 *   panes and charts; `snapshot()` returns all of it as plain data to compare before and after.
 *
 * The subset, by Excel class (each fake class is checked against @types/office-js through
 * `Subset`, so member names and parameter types are the real ones; Excel objects are replaced by
 * their fakes and the context is cast at the boundary, in `run`):
 *   RequestContext: workbook, runtime, sync
 *   Workbook: worksheets, names, tables, application
 *   Application: suspendScreenUpdatingUntilNextSync, suspendApiCalculationUntilNextSync, calculate
 *   Runtime: enableEvents
 *   WorksheetCollection: items, add, getItem, getItemOrNullObject, getActiveWorksheet,
 *     onChanged, onCalculated (same names; EventHandlers are not checked: their class has a
 *     constructor the fake does not share)
 *   Worksheet: id, name, position, tables, charts, names, freezePanes, getRange,
 *     getUsedRangeOrNullObject, activate, delete
 *   Range: address, values, formulas, valueTypes, numberFormat, format, dataValidation,
 *     conditionalFormats; RangeFormat: font, fill, borders, columnWidth; RangeFont: color, bold,
 *     italic, size; RangeFill: color; RangeBorderCollection: getItem; RangeBorder: style, weight, color
 *   DataValidation: rule, errorAlert, clear
 *   ConditionalFormatCollection: add; ConditionalFormat: colorScale, cellValue, custom, with
 *     criteria, rule (and ConditionalFormatRule.formula), format.fill.color
 *   TableCollection: items, add, getItem, getItemOrNullObject; Table: id, name
 *   NamedItemCollection: items, add, getItem, getItemOrNullObject; NamedItem: name, formula,
 *     comment, type, value, delete, getRange
 *   ChartCollection: add; Chart: title.text, axes.categoryAxis/valueAxis.title.text,
 *     legend.visible, series, setPosition; ChartSeriesCollection: getItemAt, add;
 *     ChartSeries: name, setXAxisValues, setValues, setBubbleSizes
 *   WorksheetFreezePanes: freezeAt, freezeRows, freezeColumns
 *   ClientObject: load (string or string[] of property names, "items/x" on collections), isNullObject
 * What it does not model: calculation (a formula cell reads as empty unless `formulaValue` is
 * given), cell references inside formulas following renames, dates typed as text, response size.
 *
 * This file is the fake's public face; its parts are in excel-fake/:
 *   fake-excel.ts       FakeExcel (run, failure injection, seeding, inspecting) and fakeExcelRun;
 *   requests.ts         measuring, rejecting, applying and recording requests;
 *   events.ts           worksheet event handlers and their delivery after a request;
 *   model.ts, workbook-model.ts, cell-input.ts, snapshot.ts   the workbook as plain data;
 *   object.ts, subset.ts, errors.ts   the base of every fake object, its typing, Office's errors;
 *   context.ts, worksheets.ts, ranges.ts, range-format.ts, validation.ts,
 *   conditional-formats.ts, scoped-collection.ts, tables.ts, names.ts, charts.ts   the proxies.
 */
export { type CellState } from "./excel-fake/model";
export { type DebugInfo, FakeRichApiError } from "./excel-fake/errors";
export { FakeEventHandlers } from "./excel-fake/events";
export { FakeExcel, type FakeExcelOptions, fakeExcelRun, type WriteRecord } from "./excel-fake/fake-excel";
export { FakeObject } from "./excel-fake/object";
export { type FakeStats, type OpInfo, REQUEST_LIMIT_BYTES, type SyncRecord } from "./excel-fake/requests";
export { type WorkbookSnapshot } from "./excel-fake/snapshot";
export { type Subset } from "./excel-fake/subset";

export { FakeApplication, FakeRequestContext, FakeRuntime, FakeWorkbook } from "./excel-fake/context";
export { FakeFreezePanes, FakeWorksheet, FakeWorksheetCollection } from "./excel-fake/worksheets";
export { FakeRange } from "./excel-fake/ranges";
export {
  FakeRangeBorder,
  FakeRangeBorderCollection,
  FakeRangeFill,
  FakeRangeFont,
  FakeRangeFormat,
} from "./excel-fake/range-format";
export { FakeDataValidation } from "./excel-fake/validation";
export {
  FakeCellValueConditionalFormat,
  FakeColorScaleConditionalFormat,
  FakeConditionalFormat,
  FakeConditionalFormatCollection,
  FakeConditionalRangeFill,
  FakeConditionalRangeFormat,
  FakeConditionalRule,
  FakeCustomConditionalFormat,
} from "./excel-fake/conditional-formats";
export { FakeTable, FakeTableCollection } from "./excel-fake/tables";
export { FakeNamedItem, FakeNamedItemCollection } from "./excel-fake/names";
export {
  FakeChart,
  FakeChartAxes,
  FakeChartAxis,
  FakeChartCollection,
  FakeChartLegend,
  FakeChartSeries,
  FakeChartSeriesCollection,
  FakeChartText,
} from "./excel-fake/charts";
