/**
 * The order of day, month and year in a typed date, as Excel reads one: Excel follows the system's
 * regional settings (12/1/2020 is 1 December in the United States, 12 January in the United
 * Kingdom, and Taiwan writes the year first, 2020/12/1). The in-memory workbook reads typed dates
 * the same way, from the locale of the runtime it works in (the browser's, in the preview).
 */
export type DateOrder = "MDY" | "DMY" | "YMD";

/**
 * The short-date order of `locale` (default: the runtime's own), from how Intl writes a date in
 * it; month first when the runtime cannot say.
 */
export function localeDateOrder(locale?: string): DateOrder {
  try {
    const order = new Intl.DateTimeFormat(locale, { year: "numeric", month: "numeric", day: "numeric" })
      .formatToParts(new Date(2020, 11, 1))
      .filter((part) => part.type === "day" || part.type === "month" || part.type === "year")
      .map((part) => part.type.charAt(0).toUpperCase())
      .join("");
    return order === "DMY" || order === "YMD" ? order : "MDY";
  } catch {
    return "MDY";
  }
}

/**
 * HyperFormula's date formats for an order (each accepts "/", "-", "." or a space between its
 * parts). The year first with four digits (2020-12-01) is read in every order, as Excel reads it.
 */
export function dateFormatsFor(order: DateOrder): string[] {
  switch (order) {
    case "MDY":
      return ["MM/DD/YYYY", "MM/DD/YY", "YYYY/MM/DD"];
    case "DMY":
      return ["DD/MM/YYYY", "DD/MM/YY", "YYYY/MM/DD"];
    case "YMD":
      return ["YYYY/MM/DD"];
  }
}
