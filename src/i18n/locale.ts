/** The two languages of the add-in. Function names and returned labels stay English in both. */
export type Locale = "en" | "zh-TW";
export const LOCALES: readonly Locale[] = ["en", "zh-TW"];

/**
 * Maps an Office display language tag (e.g. "zh-TW", "zh-HK", "en-US") to a supported locale.
 * Traditional Chinese regions (TW, HK, MO, Hant) get zh-TW; everything else English.
 */
export function localeFromLanguageTag(tag: string | undefined | null): Locale {
  if (!tag) return "en";
  const lower = tag.toLowerCase();
  if (lower.startsWith("zh") && /(tw|hk|mo|hant)/.test(lower)) return "zh-TW";
  return "en";
}
