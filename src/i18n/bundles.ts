/**
 * The languages of the add-in, one folder each. Adding a language: its folder (an index.ts
 * typed as Bundle, and functions.json for the functions' metadata), one line here, and the
 * manifest's overrides (test/manifest.test.ts checks the two agree): docs/extending.md.
 */
import type { Bundle, PreviewStrings } from "./bundle";
import { en } from "./en";
import { preview as enPreview } from "./en/preview";
import { pseudo, qpsPloc } from "./qps-ploc";
import { zhTW } from "./zh-TW";
import { preview as zhTWPreview } from "./zh-TW/preview";

export const BUNDLES = { en, "zh-TW": zhTW, "qps-ploc": qpsPloc } as const satisfies Record<string, Bundle>;

/**
 * The browser preview's own words (file bar, grid, sheet tabs), kept out of the bundles: the
 * add-in never shows them, and only the preview reads this list, so the add-in's build leaves
 * them out (the pseudo-language's call is marked pure for that).
 */
export const PREVIEW_STRINGS = {
  en: enPreview,
  "zh-TW": zhTWPreview,
  "qps-ploc": /* @__PURE__ */ pseudo(enPreview),
} as const satisfies Record<keyof typeof BUNDLES, PreviewStrings>;

export type Locale = keyof typeof BUNDLES;

/** Every language, pseudo-languages included (what a saved file or the command line may name). */
export const ALL_LOCALES = Object.keys(BUNDLES) as Locale[];

/** Everything the add-in says in `locale`. */
export function bundleFor(locale: Locale): Bundle {
  return BUNDLES[locale];
}
