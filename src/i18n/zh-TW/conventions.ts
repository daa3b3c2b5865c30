/** How Traditional Chinese writes numbers, lists and units. */
import type { Conventions } from "../bundle";

export const conventions: Conventions = {
  numberLocale: "zh-TW",
  listSeparator: "、",
  clauseSeparator: "；",
  open: "（",
  close: "）",
  units: { months: "個月", hours: "小時", seconds: "秒", beyondHorizon: "超過 36" },
};
