import { PANE_STRINGS, SAME_IN_BOTH } from "../../src/i18n/en/pane";

/** Chinese characters, and the full-width punctuation Chinese text uses (the list separator "、"). */
const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff]/;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("Pane strings", () => {
  const en = PANE_STRINGS.en;
  const zh = PANE_STRINGS["zh-TW"];

  it("have the same keys in English and Traditional Chinese", () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it("are Traditional Chinese in zh-TW, except the few kept identical on purpose", () => {
    const untranslated = (Object.keys(zh) as (keyof typeof zh)[]).filter(
      (k) => !CJK.test(zh[k]) && !SAME_IN_BOTH.includes(k),
    );
    expect(untranslated).toEqual([]);
    for (const k of SAME_IN_BOTH) expect(zh[k]).toBe(en[k]);
  });

  it("separate list items the Chinese way in zh-TW, not with an English comma", () => {
    expect(zh.listSeparator).toBe("、");
  });

  it("use the same {placeholders} in both languages", () => {
    const mismatched = (Object.keys(en) as (keyof typeof en)[]).filter(
      (k) => placeholders(en[k]).join() !== placeholders(zh[k]).join(),
    );
    expect(mismatched).toEqual([]);
  });

  it('label the complete-model button "Build complete model" and "建立完整模型", and the tabs as agreed', () => {
    expect([en.buildComplete, zh.buildComplete]).toEqual(["Build complete model", "建立完整模型"]);
    expect([en.tabBuild, en.tabSummary, en.tabWhatIf, en.tabSimulate]).toEqual([
      "Build",
      "Summary",
      "What-if",
      "Simulate",
    ]);
    expect([zh.tabBuild, zh.tabSummary, zh.tabWhatIf, zh.tabSimulate]).toEqual([
      "建立",
      "摘要",
      "假設分析",
      "模擬",
    ]);
    expect([en.worst, en.base, en.best]).toEqual(["Worst", "Base", "Best"]);
    expect([en.language, zh.language]).toEqual(["Language", "語言"]);
  });
});
