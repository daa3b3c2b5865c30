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

  it("shows months, scores and seconds with one decimal and text as it is", () => {
    expect(formatValue(6.0321, "months", "NT$")).toBe("6.0 mo");
    expect(formatValue(88.75, "score", "NT$")).toBe("88.8");
    expect(formatValue(2.1, "seconds", "NT$")).toBe("2.1 s");
    expect(formatValue("Beyond 36 months", "months", "NT$")).toBe("Beyond 36 months");
    expect(formatValue(null, "currency", "NT$")).toBe("");
  });
});
