/**
 * The pseudo-language "qps-ploc" (Office's own tag for pseudo-localised testing): the English bundle
 * with every text accented and bracketed, for tests and for Office set to that display language.
 * It proves that a language is one folder: anything the add-in shows that is not bracketed here
 * did not come from a bundle. The number conventions stay English (they are not words).
 */
import { pseudoLocalize } from "../../../scripts/pseudo-locale";
import type { Bundle } from "../bundle";
import { en } from "../en";

/** Every string leaf of `table`, pseudo-localised. */
export function pseudo<T extends object>(table: T): T {
  return Object.fromEntries(
    Object.entries(table).map(([key, value]) => [
      key,
      typeof value === "string" ? pseudoLocalize(value) : pseudo(value as object),
    ]),
  ) as T;
}

export const qpsPloc: Bundle = {
  meta: { tag: "qps-ploc", name: pseudoLocalize("Pseudo"), officeTags: ["qps-ploc"], pseudo: true },
  conventions: { ...en.conventions, units: pseudo(en.conventions.units) },
  messages: pseudo(en.messages),
  messageWords: pseudo(en.messageWords),
  pane: pseudo(en.pane),
  results: pseudo(en.results),
  portfolio: pseudo(en.portfolio),
  rollout: pseudo(en.rollout),
  roi: pseudo(en.roi),
  stress: pseudo(en.stress),
  samples: pseudo(en.samples),
  validation: pseudo(en.validation),
  notes: pseudo(en.notes),
  sameAsEnglish: [],
};
