/**
 * Sheet names in references follow Excel's quoting rules. A name left unquoted where Excel needs
 * quotes (FY25!$A$1 reads as a cell of column FY, 2025!$A$1 as a number) makes Excel repair the
 * file and drop the workbook names every formula reads; so every sheet-qualified reference the
 * project writes goes through sheetPrefix, and this table of awkward names holds its rules.
 */
import { quoteSheetName, sheetNeedsQuotes, sheetPrefix, splitQualified } from "../../src/shared/a1";

const CASES: readonly [name: string, written: string, why: string][] = [
  ["ROI", "ROI", "a plain identifier"],
  ["Portfolio", "Portfolio", "a plain identifier"],
  ["Stress", "Stress", "a plain identifier"],
  ["Rollout", "Rollout", "starts with R, but not an R1C1 reference"],
  ["Costs", "Costs", "starts with C, but not an R1C1 reference"],
  ["Sheet_1", "Sheet_1", "letters, digits and underscores"],
  ["_data", "_data", "may start with an underscore"],
  ["ABCD1", "ABCD1", "four letters then a digit: beyond column XFD, not a reference"],
  ["FY25", "'FY25'", "looks like the cell FY25"],
  ["Q1", "'Q1'", "looks like the cell Q1"],
  ["A1B", "'A1B'", "starts like the cell A1"],
  ["XFD1048576", "'XFD1048576'", "the last cell of a sheet"],
  ["2025", "'2025'", "starts with a digit"],
  ["1Q", "'1Q'", "starts with a digit"],
  ["R1C1", "'R1C1'", "an R1C1 reference"],
  ["r2c3", "'r2c3'", "an R1C1 reference, lower case"],
  ["R", "'R'", "the R1C1 current row"],
  ["C", "'C'", "the R1C1 current column"],
  ["RC", "'RC'", "the R1C1 current cell"],
  ["TRUE", "'TRUE'", "a logical constant"],
  ["My Sheet", "'My Sheet'", "contains a space"],
  ["ROI (2)", "'ROI (2)'", "Excel's name for a second copy"],
  ["O'Brien", "'O''Brien'", "an apostrophe is doubled"],
  ["營收", "'營收'", "non-ASCII letters"],
  ["Café", "'Café'", "a non-ASCII letter"],
  ["FY-25", "'FY-25'", "a dash"],
  ["Q1-Q2", "'Q1-Q2'", "a dash, and starts like a cell"],
  ["Data.2025", "'Data.2025'", "a period"],
  ["a&b", "'a&b'", "punctuation"],
  ["Plan+", "'Plan+'", "an operator"],
];

describe("quoting sheet names in references", () => {
  it.each(CASES)("%s is written %s (%s)", (name, written) => {
    expect(quoteSheetName(name)).toBe(written);
    expect(sheetNeedsQuotes(name)).toBe(written !== name);
    expect(sheetPrefix(name)).toBe(`${written}!`);
  });

  it.each(CASES)("%s reads back from its reference", (name) => {
    expect(splitQualified(`${sheetPrefix(name)}$B$5:$C$6`)).toEqual({ sheet: name, address: "$B$5:$C$6" });
  });
});
