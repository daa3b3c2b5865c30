/**
 * Error messages: every problem has a message in both languages, and the boundary speaks the
 * user's language.
 */
import { GENAI_ROI, QUADRANT_SCORE } from "../../src/functions/functions";
import { setMessageLocale } from "../../src/functions/boundary";
import { bundleFor } from "../../src/i18n/bundles";
import { formatProblem, type Meaning, messageKeys } from "../../src/i18n/messages";
import { invalid } from "../../src/engine/problem";
import { localeFromLanguageTag } from "../../src/i18n/locale";

afterEach(() => setMessageLocale("en"));

describe("problem messages", () => {
  it("has the same keys in English and Traditional Chinese", () => {
    expect(messageKeys("zh-TW").sort()).toEqual(messageKeys("en").sort());
  });

  it("fills every placeholder of every message (no {name} left when the params are given)", () => {
    const params = {
      argument: "costs",
      row: 2,
      column: 1,
      got: 7,
      min: 1,
      max: 5,
      rows: 2,
      columns: 3,
      other: "benefits",
      expected: 4,
      meaning: "low, base, high",
      low: 3,
      base: 2,
      high: 1,
      choices: '"PERT", "Triangular"',
      detail: "x",
      mirror: 0.5,
      items: 7,
      trials: 2_000_000,
    };
    for (const locale of ["en", "zh-TW"] as const) {
      for (const key of messageKeys(locale)) {
        expect(formatProblem(invalid(key, params), locale)).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it("places a cell as 'row 3, column 2' in English and '第 3 列第 2 欄' in Chinese", () => {
    const problem = invalid("notNumber", { argument: "benefits", row: 3, column: 2, got: '"x"' });
    expect(formatProblem(problem, "en")).toBe('benefits row 3, column 2 must be a number; got "x"');
    expect(formatProblem(problem, "zh-TW")).toBe('benefits 第 3 列第 2 欄 必須是數字;收到 "x"');
  });

  it("says what a range's values stand for in the message's language, for every meaning", () => {
    const meanings = Object.keys(bundleFor("en").messageWords.meanings) as Meaning[];
    for (const meaning of meanings) {
      const problem = invalid("countMismatch", { argument: "labels", expected: 4, meaning, got: 2 });
      expect(formatProblem(problem, "en")).toBe(
        `labels must have 4 values (${bundleFor("en").messageWords.meanings[meaning]}); got 2`,
      );
      const zh = formatProblem(problem, "zh-TW");
      expect(zh).toContain(bundleFor("zh-TW").messageWords.meanings[meaning]);
      // No English word left in the Chinese message but the argument's own name.
      expect(zh.replace("labels", "")).not.toMatch(/[a-z]{3,}/);
    }
  });
});

describe("the language of Excel errors", () => {
  it("follows the message locale: Traditional Chinese for zh-TW", () => {
    setMessageLocale("zh-TW");
    try {
      GENAI_ROI([[1]], [[0]]);
      throw new Error("expected an error");
    } catch (error) {
      expect((error as CustomFunctions.Error).message).toBe("costs 的合計必須大於 0;收到 0");
    }
    const cell = QUADRANT_SCORE([[9]], [[1]], [[1]], [[1]])[0][0] as CustomFunctions.Error;
    expect(cell.message).toBe("impact 必須介於 1 與 5 之間;收到 9");
  });

  it("maps Office display languages: zh-TW, zh-HK and zh-Hant to zh-TW, others to English", () => {
    expect(localeFromLanguageTag("zh-TW")).toBe("zh-TW");
    expect(localeFromLanguageTag("zh-HK")).toBe("zh-TW");
    expect(localeFromLanguageTag("zh-Hant-TW")).toBe("zh-TW");
    expect(localeFromLanguageTag("zh-CN")).toBe("en");
    expect(localeFromLanguageTag("en-US")).toBe("en");
    expect(localeFromLanguageTag(undefined)).toBe("en");
  });
});
