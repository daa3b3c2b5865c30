/**
 * What the browser preview says in a language: the add-in's bundle with the preview's own words
 * (PREVIEW_STRINGS) beside it.
 */
import type { Bundle, PreviewStrings } from "./bundle";
import { bundleFor, type Locale, PREVIEW_STRINGS } from "./bundles";

export interface PreviewBundle extends Bundle {
  readonly preview: PreviewStrings;
}

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
