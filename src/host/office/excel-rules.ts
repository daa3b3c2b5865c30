/**
 * Plan parts that become more than one property set in Excel: data validation rules, conditional
 * formats and charts, as Excel API calls.
 */
import type { ChartPlan, ConditionalFormatPlan, ValidationPlan } from "../../templates/plan";
import { COLORS } from "../../templates/theme";

const CHART_TYPES = {
  bubble: "Bubble",
  line: "Line",
  bar: "BarClustered",
  column: "ColumnClustered",
} as const;

export function validationRule(v: ValidationPlan): Excel.DataValidationRule {
  const rule = v.rule;
  switch (rule.kind) {
    case "decimal":
      return { decimal: { formula1: rule.min, formula2: rule.max, operator: "Between" } };
    case "whole":
      return { wholeNumber: { formula1: rule.min, formula2: rule.max, operator: "Between" } };
    case "list":
      // A comma-separated source (Excel's list separator in the API is always the comma).
      return { list: { inCellDropDown: true, source: rule.values.join(",") } };
  }
}

export function addConditionalFormat(range: Excel.Range, c: ConditionalFormatPlan): void {
  const rule = c.rule;
  switch (rule.kind) {
    case "colorScale": {
      const cf = range.conditionalFormats.add("ColorScale");
      cf.colorScale.criteria = {
        minimum: { type: "Number", formula: "0", color: COLORS[rule.min] },
        maximum: { type: "Number", formula: "1", color: COLORS[rule.max] },
      };
      return;
    }
    case "textEquals": {
      // "Cell value equal to" a quoted text: an exact match, where containsText would also match longer texts.
      const cf = range.conditionalFormats.add("CellValue");
      cf.cellValue.format.fill.color = COLORS[rule.fill];
      cf.cellValue.rule = { formula1: `="${rule.text.replace(/"/g, '""')}"`, operator: "EqualTo" };
      return;
    }
    case "formula": {
      const cf = range.conditionalFormats.add("Custom");
      cf.custom.rule.formula = rule.formula;
      cf.custom.format.fill.color = COLORS[rule.fill];
      return;
    }
  }
}

/**
 * A chart from the first series' values; the series then get their ranges explicitly (the
 * approach of Microsoft's bubble-chart sample), so Excel never guesses which column is which.
 */
export function addChart(ws: Excel.Worksheet, plan: ChartPlan): void {
  if (plan.source) {
    // ChartCollection.add with a source range and series by rows (ExcelApi 1.1): Excel names each
    // series after its row's first cell, so the legend follows what the cells say.
    const chart = ws.charts.add(CHART_TYPES[plan.kind], ws.getRange(plan.source.range), "Rows");
    decorate(ws, chart, plan, true);
    return;
  }
  const [first] = plan.series;
  if (!first) return;
  const chart = ws.charts.add(CHART_TYPES[plan.kind], ws.getRange(first.y), "Auto");
  decorate(ws, chart, plan, plan.series.length > 1);
  plan.series.forEach((s, i) => {
    const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(s.name); // add: ExcelApi 1.7
    series.name = s.name;
    if (s.x) series.setXAxisValues(ws.getRange(s.x)); // ExcelApi 1.7
    series.setValues(ws.getRange(s.y)); // ExcelApi 1.7
    if (s.size && plan.kind === "bubble") series.setBubbleSizes(ws.getRange(s.size)); // ExcelApi 1.7
  });
}

/** Title, position, axis titles and legend. */
function decorate(ws: Excel.Worksheet, chart: Excel.Chart, plan: ChartPlan, legend: boolean): void {
  chart.title.text = plan.title;
  chart.setPosition(ws.getRange(plan.anchor.from), ws.getRange(plan.anchor.to));
  if (plan.xTitle) chart.axes.categoryAxis.title.text = plan.xTitle;
  if (plan.yTitle) chart.axes.valueAxis.title.text = plan.yTitle;
  chart.legend.visible = legend;
}
