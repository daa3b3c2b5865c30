/**
 * Number formats: the format strings written to Excel and the .xlsx, and the text the preview and
 * the pane show for the same values, which must read as Excel would show them.
 */
import { formatValue, numberFormat } from "../../src/templates/formats";

describe("number formats", () => {
  it("writes money with the workbook's currency and no decimals, negatives with a minus", () => {
    expect(numberFormat("currency", "NT$")).toBe('"NT$"#,##0;-"NT$"#,##0');
    expect(formatValue(22_000_000, "currency", "NT$")).toBe("NT$22,000,000");
    expect(formatValue(-1_500_000, "currency", "NT$")).toBe("-NT$1,500,000");
    expect(formatValue(2_974_666.67, "currency", "US$")).toBe("US$2,974,667");
  });

  it("shows percentages with one decimal and no thousands separator, as 0.0% does", () => {
    expect(numberFormat("percent", "NT$")).toBe("0.0%");
    expect(formatValue(6.395786642761093, "percent", "NT$")).toBe("639.6%");
    expect(formatValue(10.094, "percent", "NT$")).toBe("1009.4%");
    expect(formatValue(-0.3, "percent", "NT$")).toBe("-30.0%");
    expect(formatValue(0.005, "percentPrecise", "NT$")).toBe("0.50%");
  });

  it("leaves a zero share blank in the adoption Gantt and rounds the rest to whole percent", () => {
    expect(numberFormat("gantt", "NT$")).toBe('0%;-0%;""');
    expect(formatValue(0, "gantt", "NT$")).toBe("");
    expect(formatValue(0.504, "gantt", "NT$")).toBe("50%");
  });

  it("shows a payback past the three-year horizon as the words for it, in the sheet's format and the pane alike", () => {
    // Excel, LibreOffice and the preview read the condition the same way: above 36, the words.
    expect(numberFormat("payback", "NT$")).toBe('[>36]"> 36";#,##0.00##');
    expect(
      numberFormat("payback", "NT$", {
        months: "個月",
        hours: "小時",
        seconds: "秒",
        beyondHorizon: "超過 36",
      }),
    ).toBe('[>36]"超過 36";#,##0.00##');
    expect(formatValue(37, "payback", "NT$")).toBe("> 36");
    expect(formatValue(Infinity, "payback", "NT$")).toBe("> 36");
    expect(formatValue(36, "payback", "NT$")).toBe("36.00");
    expect(formatValue(14.25, "payback", "NT$")).toBe(formatValue(14.25, "decimal", "NT$"));
  });

  it("shows months and seconds with one decimal, scores with the two ScoreDecimals keeps, and text as it is", () => {
    expect(numberFormat("score", "NT$")).toBe("0.00");
    expect(formatValue(6.0321, "months", "NT$")).toBe("6.0 mo");
    expect(formatValue(88.75, "score", "NT$")).toBe("88.75");
    expect(formatValue(88.8, "score", "NT$")).toBe("88.80");
    expect(formatValue(2.1, "seconds", "NT$")).toBe("2.1 s");
    expect(formatValue("Beyond 36 months", "months", "NT$")).toBe("Beyond 36 months");
    expect(formatValue(null, "currency", "NT$")).toBe("");
  });

  it("formats with the same text whichever formats were asked for before (formatters are kept)", () => {
    // Formatters are made once per locale and options: a cached one must never leak the options
    // of another format (grouping, decimals) into the text.
    const values = [0, 0.5, -0.125, 1234.5678, -98765.4321, 10.094, 1e9 + 0.123456789];
    const formats = [
      "currency",
      "currencyPrecise",
      "percent",
      "percentPrecise",
      "number",
      "decimal",
    ] as const;
    const first = formats.map((f) => values.map((v) => formatValue(v, f, "NT$", "en-US")));
    const again = [...formats].reverse().map((f) => values.map((v) => formatValue(v, f, "NT$", "en-US")));
    expect(again.reverse()).toEqual(first);
    expect(formatValue(1234.5678, "number", "NT$", "en-US")).toBe("1234.5678");
    expect(formatValue(10.094, "percent", "NT$", "en-US")).toBe("1009.4%");
    expect(formatValue(1234.5, "decimal", "NT$", "en-US")).toBe("1,234.50");
    expect(formatValue(1234.5, "number", "NT$", "de-DE")).toBe("1234,5");
  });

  it("shows plain numbers as Excel's General does: no trailing point on a whole number", () => {
    // #,##0.## would show 14 as "14." in Excel.
    expect(numberFormat("number", "NT$")).toBe("General");
    expect(formatValue(14, "number", "NT$", "en-US")).toBe("14");
    expect(formatValue(1_000_000, "number", "NT$", "en-US")).toBe("1000000");
    expect(formatValue(1.5, "number", "NT$", "en-US")).toBe("1.5");
    expect(formatValue(-0.125, "number", "NT$", "en-US")).toBe("-0.125");
    expect(formatValue(0.1 + 0.2, "number", "NT$", "en-US")).toBe("0.3");
    expect(formatValue(0, "number", "NT$", "en-US")).toBe("0");
    expect(formatValue(123_456_789_012, "number", "NT$", "en-US")).toBe("1.23457E+11");
    expect(formatValue(-2.5e-7, "number", "NT$", "en-US")).toBe("-2.5E-07");
  });
});
