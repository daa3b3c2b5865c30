/**
 * Every language bundle against the English one: the same keys (the types hold the real bundles;
 * this also holds the pseudo-language, which is built at run time), the same {placeholders}, and
 * every text translated except the few a bundle declares the same as English.
 */
import { isPseudo } from "../../scripts/pseudo-locale";
import { ALL_LOCALES, BUNDLES, PREVIEW_STRINGS } from "../../src/i18n/bundles";
import { LOCALES, localeFromLanguageTag } from "../../src/i18n/locale";

/** Chinese characters, and the full-width punctuation Chinese text uses (the list separator "、"). */
const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** "section.key" → text for every string of a bundle's translatable tables. */
function leaves(value: unknown, path = ""): [string, string][] {
  if (typeof value === "string") return [[path, value]];
  if (value === null || typeof value !== "object" || Array.isArray(value)) return [];
  return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
}

/**
 * Everything but the language's metadata, its number conventions and the declared exceptions, and
 * the preview's own words, which live beside the bundle.
 */
function texts(locale: keyof typeof BUNDLES): Map<string, string> {
  const { meta: _meta, conventions, sameAsEnglish: _same, ...tables } = BUNDLES[locale];
  return new Map([
    ...leaves({ ...tables, preview: PREVIEW_STRINGS[locale] }),
    ...leaves({ units: conventions.units }, "conventions"),
  ]);
}

const en = texts("en");

describe.each(ALL_LOCALES.filter((l) => l !== "en"))("The %s bundle", (locale) => {
  const bundle = BUNDLES[locale];
  const own = texts(locale);

  it("has every text the English bundle has, and no other", () => {
    expect([...own.keys()].sort()).toEqual([...en.keys()].sort());
  });

  it("uses the same {placeholders} as English in every text", () => {
    const mismatched = [...en].filter(
      ([k, text]) => placeholders(text).join() !== placeholders(own.get(k) ?? "").join(),
    );
    expect(mismatched.map(([k]) => k)).toEqual([]);
  });

  it("translates every text, except the pane strings it declares the same as English", () => {
    const translated = bundle.meta.pseudo ? isPseudo : (text: string) => CJK.test(text);
    const declared = new Set(bundle.sameAsEnglish);
    const untranslated = [...own].filter(([k, text]) => !declared.has(k) && text !== "" && !translated(text));
    expect(untranslated).toEqual([]);
    for (const k of declared) expect([k, own.get(k)]).toEqual([k, en.get(k)]);
  });
});

describe("Traditional Chinese conventions", () => {
  const zh = BUNDLES["zh-TW"];

  it("separate list items the Chinese way, not with an English comma", () => {
    expect(zh.conventions.listSeparator).toBe("、");
  });

  it("write the months unit in Chinese, on the sheets and in the pane", () => {
    expect(zh.conventions.units.months).toBe("個月");
  });
});

describe("Languages offered", () => {
  it("offer English and Traditional Chinese in the switch, never the pseudo-language", () => {
    expect(LOCALES).toEqual(["en", "zh-TW"]);
  });

  it("follow Office's display language, the pseudo-language included", () => {
    expect(localeFromLanguageTag("zh-TW")).toBe("zh-TW");
    expect(localeFromLanguageTag("zh-Hant-HK")).toBe("zh-TW");
    expect(localeFromLanguageTag("zh_TW")).toBe("zh-TW");
    expect(localeFromLanguageTag("zh-CN")).toBe("en");
    expect(localeFromLanguageTag("qps-ploc")).toBe("qps-ploc");
    expect(localeFromLanguageTag("fr-FR")).toBe("en");
  });
});

describe("Pane strings", () => {
  const en = BUNDLES.en.pane;
  const zh = BUNDLES["zh-TW"].pane;

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
