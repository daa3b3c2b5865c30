/**
 * The language of the preview's frame (file bar, grid, sheet tabs, messages): the pane's language,
 * handed down from the page so the frame and the pane never disagree.
 */
import { createContext, useContext } from "react";
import type { Locale } from "../i18n/locale";
import { previewBundleFor, type PreviewBundle } from "../i18n/preview-bundles";

export const PreviewLanguage = createContext<Locale>("en");

/** The frame's bundle: the pane's language with the preview's own words. */
export function usePreviewBundle(): PreviewBundle {
  return previewBundleFor(useContext(PreviewLanguage));
}
