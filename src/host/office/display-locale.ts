/**
 * Office's display language, read safely: outside Office (tests, the preview, the CLI) `Office`
 * is undefined or has no context, and English is used.
 */
import { type Locale, localeFromLanguageTag } from "../../i18n/locale";

export function officeDisplayLocale(): Locale {
  try {
    if (typeof Office === "undefined") return "en";
    return localeFromLanguageTag(Office.context?.displayLanguage);
  } catch {
    return "en";
  }
}
