/**
 * Text typed into the in-memory workbook becomes a date or a time where Excel's would, and stays
 * text where Excel's does. What it protects: the fast answer for texts without a digit (the
 * workbook compares tens of thousands of texts as a large Portfolio is built, and HyperFormula
 * tries each as a date) must not change what a typed date, time or label is; a text such as ":"
 * stays text, where HyperFormula's own parser made it the time 00:00; and a typed date is read in
 * the day, month and year order of the locale, as Excel reads it in the system's (HyperFormula's
 * own default is day first everywhere).
 */
import { localeDateOrder } from "../../src/host/date-order";
import { MemoryHost } from "../../src/host/memory";

/** Serial numbers of the dates below (the 1900 date system). */
const DECEMBER_1_2020 = 44166;
const JANUARY_12_2020 = 43842;
const DECEMBER_31_2020 = 44196;

describe("dates, times and text typed into the in-memory workbook", () => {
  it("reads dates and times with digits as numbers, and keeps text without digits as text", async () => {
    const host = new MemoryHost({ dateOrder: "MDY" });
    host.addSheet("Typed", [
      ["12/1/2020", "1:30", "1:30 pm", "12/31/2020 6:00", ":", "-", "/", "am", "Quick Win", ""],
      ['=A1=""', '=E1=":"', '=I1="quick win"', "=ISTEXT(E1)", "=ISNUMBER(B1)", null, null, null, null, null],
    ]);
    const [typed, checks] = await host.readRange("Typed", "A1:J2");
    expect(typed.slice(0, 4)).toEqual([DECEMBER_1_2020, 1.5 / 24, 13.5 / 24, DECEMBER_31_2020 + 0.25]);
    expect(typed.slice(4, 9)).toEqual([":", "-", "/", "am", "Quick Win"]);
    expect(checks.slice(0, 5)).toEqual([false, true, true, true, true]);
  });

  it.each([
    // A date that cannot be read in the order stays text, as Excel keeps it.
    ["MDY", [DECEMBER_1_2020, "31/12/2020", DECEMBER_1_2020, DECEMBER_1_2020]],
    ["DMY", [JANUARY_12_2020, DECEMBER_31_2020, DECEMBER_1_2020, DECEMBER_1_2020]],
    ["YMD", ["12/1/2020", "31/12/2020", DECEMBER_1_2020, DECEMBER_1_2020]],
  ] as const)(
    "reads typed dates in the %s order, and a four-digit year first in every order",
    async (order, expected) => {
      const host = new MemoryHost({ dateOrder: order });
      host.addSheet("Typed", [["12/1/2020", "31/12/2020", "2020-12-01", "2020/12/1"]]);
      const [typed] = await host.readRange("Typed", "A1:D1");
      expect(typed).toEqual(expected);
    },
  );

  it("takes the order from the locale: month first in the United States, day first in Britain, year first in Taiwan", () => {
    expect(localeDateOrder("en-US")).toBe("MDY");
    expect(localeDateOrder("en-GB")).toBe("DMY");
    expect(localeDateOrder("zh-TW")).toBe("YMD");
  });
});
