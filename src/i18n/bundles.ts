/**
 * The languages of the add-in, one folder each. Adding a language: its folder (an index.ts
 * typed as Bundle, and functions.json for the functions' metadata), one line here, and the
 * manifest's overrides (test/manifest.test.ts checks the two agree): docs/extending.md.
 */
import type { Bundle } from "./bundle";
import { en } from "./en";
import { qpsPloc } from "./qps-ploc";
import { zhTW } from "./zh-TW";

export const BUNDLES = { en, "zh-TW": zhTW, "qps-ploc": qpsPloc } as const satisfies Record<string, Bundle>;

export type Locale = keyof typeof BUNDLES;

/** Every language, pseudo-languages included (what a saved file or the command line may name). */
export const ALL_LOCALES = Object.keys(BUNDLES) as Locale[];

/** Everything the add-in says in `locale`. */
export function bundleFor(locale: Locale): Bundle {
  return BUNDLES[locale];
}
