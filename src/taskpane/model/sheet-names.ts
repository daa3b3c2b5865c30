/**
 * A sheet's name as the pane shows it. The template sheets keep their English names in every
 * language (formulas, workbook names and the user's own references use them), so the pane shows
 * a template sheet by its title in the pane's language with the name to find it by beside it:
 * "使用案例組合(工作表 Portfolio)". Any other sheet (the user's, a kept copy "ROI (2)") shows as it is.
 */
import type { PaneStrings } from "../../i18n/bundle";
import { PORTFOLIO_SHEET } from "../../templates/portfolio";
import { ROI_SHEET } from "../../templates/roi";
import { ROLLOUT_SHEET } from "../../templates/rollout";
import { STRESS_SHEET } from "../../templates/stress";
import { fill } from "./format";

const TITLES = new Map<string, "portfolio" | "rollout" | "roi" | "stress">([
  [PORTFOLIO_SHEET, "portfolio"],
  [ROLLOUT_SHEET, "rollout"],
  [ROI_SHEET, "roi"],
  [STRESS_SHEET, "stress"],
]);

export function sheetShown(sheet: string, s: PaneStrings): string {
  const key = TITLES.get(sheet);
  const title = key ? s[key] : sheet;
  return title === sheet ? sheet : fill(s.sheetShown, { title, sheet });
}
