/**
 * Text typed into the in-memory workbook becomes a date or a time where Excel's would, and stays
 * text where Excel's does. What it protects: the fast answer for texts without a digit (the
 * workbook compares tens of thousands of texts as a large Portfolio is built, and HyperFormula
 * tries each as a date) must not change what a typed date, time or label is; and a text such as
 * ":" stays text, where HyperFormula's own parser made it the time 00:00.
 */
import { MemoryHost } from "../../src/host/memory";

describe("dates, times and text typed into the in-memory workbook", () => {
  it("reads dates and times with digits as numbers, and keeps text without digits as text", async () => {
    const host = new MemoryHost();
    host.addSheet("Typed", [
      ["12/1/2020", "1:30", "1:30 pm", "31/12/2020 6:00", ":", "-", "/", "am", "Quick Win", ""],
      ['=A1=""', '=E1=":"', '=I1="quick win"', "=ISTEXT(E1)", "=ISNUMBER(B1)", null, null, null, null, null],
    ]);
    const [typed, checks] = await host.readRange("Typed", "A1:J2");
    // HyperFormula's date formats are day first (DD/MM/YYYY): 12 January 2020 is serial 43842.
    expect(typed.slice(0, 4)).toEqual([43842, 1.5 / 24, 13.5 / 24, 44196.25]);
    expect(typed.slice(4, 9)).toEqual([":", "-", "/", "am", "Quick Win"]);
    expect(checks.slice(0, 5)).toEqual([false, true, true, true, true]);
  });
});
