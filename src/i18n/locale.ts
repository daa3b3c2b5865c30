/** The add-in's languages and how Office's display language picks one. Function names stay English in all. */
import { ALL_LOCALES, BUNDLES, type Locale } from "./bundles";

export type { Locale };

/** The languages offered to users (the language switch): the pseudo-language is for tests. */
export const LOCALES: readonly Locale[] = ALL_LOCALES.filter((l) => !BUNDLES[l].meta.pseudo);

/** True for a tag the add-in has a bundle for ("en", "zh-TW", "qps-ploc"). */
export function isLocale(tag: unknown): tag is Locale {
  return typeof tag === "string" && (ALL_LOCALES as string[]).includes(tag);
}

/**
 * Maps an Office display language tag (e.g. "zh-TW", "zh-Hant-HK", "en-US") to a language: the
 * first bundle one of whose Office tags the tag starts with; English for every other tag.
 */
export function localeFromLanguageTag(tag: string | undefined | null): Locale {
  if (!tag) return "en";
  const lower = tag.toLowerCase().replace(/_/g, "-");
  const match = ALL_LOCALES.find(
    (l) => l !== "en" && BUNDLES[l].meta.officeTags.some((t) => lower === t || lower.startsWith(`${t}-`)),
  );
  return match ?? "en";
}
