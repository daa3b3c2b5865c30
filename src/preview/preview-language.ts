/**
 * The language of the preview's frame (file bar, grid, sheet tabs, messages): the pane's language,
 * handed down from the page so the frame and the pane never disagree.
 */
import { createContext, useContext } from "react";
import type { Bundle } from "../i18n/bundle";
import { bundleFor } from "../i18n/bundles";
import type { Locale } from "../i18n/locale";

export const PreviewLanguage = createContext<Locale>("en");

/** The frame's bundle. */
export function usePreviewBundle(): Bundle {
  return bundleFor(useContext(PreviewLanguage));
}
