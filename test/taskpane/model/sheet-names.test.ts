/**
 * Sheet names where the pane shows them. The template sheets keep their English names in every
 * language (formulas and the user's references use them); the zh-TW pane shows such a sheet by
 * its Chinese title with the name to find its tab by. What it protects: a progress step, a
 * recovery message or a build outcome that shows a bare English sheet name to a zh-TW user, or
 * one that renames a sheet of the user's (a copy "ROI (2)", their own "Budget").
 */
import { bundleFor } from "../../../src/i18n/bundles";
import { recoveryLines } from "../../../src/taskpane/components/BuildPanel/useBuildMessages";
import { sheetShown } from "../../../src/taskpane/model/sheet-names";
import { stepText } from "../../../src/taskpane/model/steps";
import { PORTFOLIO_SHEET } from "../../../src/templates/portfolio";
import { ROI_SHEET } from "../../../src/templates/roi";
import { ROLLOUT_SHEET } from "../../../src/templates/rollout";
import { STRESS_SHEET } from "../../../src/templates/stress";

const zh = bundleFor("zh-TW");
const en = bundleFor("en");

describe("sheet names as the pane shows them", () => {
  it("shows a template sheet by its zh-TW title with its workbook name beside it", () => {
    expect(sheetShown(PORTFOLIO_SHEET, zh.pane)).toBe("使用案例組合(工作表 Portfolio)");
    expect(sheetShown(ROLLOUT_SHEET, zh.pane)).toBe("推廣計畫(工作表 Rollout)");
    expect(sheetShown(STRESS_SHEET, zh.pane)).toBe("壓力測試(工作表 Stress)");
    // ROI reads the same in both languages: nothing to add.
    expect(sheetShown(ROI_SHEET, zh.pane)).toBe("ROI");
  });

  it("leaves every other sheet as it is named, and English as it is", () => {
    for (const sheet of ["ROI (2)", "Budget", "portfolio (2)", "營收 Q1"])
      expect(sheetShown(sheet, zh.pane)).toBe(sheet);
    for (const sheet of [PORTFOLIO_SHEET, ROLLOUT_SHEET, ROI_SHEET, STRESS_SHEET])
      expect(sheetShown(sheet, en.pane)).toBe(sheet);
  });

  it("words a host's step and a recovery with the translated sheet", () => {
    expect(stepText({ kind: "cells", sheet: PORTFOLIO_SHEET, range: "A1:R2000" }, zh.pane)).toBe(
      "在 使用案例組合(工作表 Portfolio) 寫入儲存格 A1:R2000",
    );
    expect(recoveryLines({ restored: [STRESS_SHEET], removed: [], kept: [] }, zh)).toEqual([
      expect.stringContaining("壓力測試(工作表 Stress)"),
    ]);
    expect(stepText({ kind: "cells", sheet: PORTFOLIO_SHEET, range: "A1:R2000" }, en.pane)).not.toContain(
      "(",
    );
  });
});
