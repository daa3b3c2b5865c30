/**
 * The browser preview's own words (file bar, grid, sheet tabs), per language, apart from the
 * add-in's bundles: the add-in never shows them, so they stay out of its download. A preview
 * bundle is the language's add-in bundle with these words beside it.
 */
import type { Bundle, PreviewStrings } from "./bundle";
import { bundleFor, type Locale } from "./bundles";
import { preview as en } from "./en/preview";
import { pseudo } from "./qps-ploc";
import { preview as zhTW } from "./zh-TW/preview";

export interface PreviewBundle extends Bundle {
  readonly preview: PreviewStrings;
}

export const PREVIEW_STRINGS: Readonly<Record<Locale, PreviewStrings>> = {
  en,
  "zh-TW": zhTW,
  "qps-ploc": pseudo(en),
};

const made = new Map<Locale, PreviewBundle>();

/** Everything the preview says in `locale`: one object per language, so React sees it unchanged. */
export function previewBundleFor(locale: Locale): PreviewBundle {
  let bundle = made.get(locale);
  if (!bundle) {
    bundle = { ...bundleFor(locale), preview: PREVIEW_STRINGS[locale] };
    made.set(locale, bundle);
  }
  return bundle;
}
