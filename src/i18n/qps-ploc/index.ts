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

/**
 * The language's name and tags, which the language list and Office's tag lookup read as they
 * load, are made at once; every other table of the English bundle when it is first read, then
 * kept. Accenting every English text as the module loaded was about a tenth of the preview page's
 * start-up, for a language only tests and Office set to it show.
 */
const bundle: Pick<Bundle, "meta" | "sameAsEnglish"> = {
  meta: { tag: "qps-ploc", name: pseudoLocalize("Pseudo"), officeTags: ["qps-ploc"], pseudo: true },
  sameAsEnglish: [],
};
for (const key of Object.keys(en) as (keyof Bundle)[]) {
  if (key in bundle) continue;
  let made: unknown;
  Object.defineProperty(bundle, key, {
    enumerable: true,
    get: () =>
      (made ??=
        key === "conventions"
          ? { ...en.conventions, units: pseudo(en.conventions.units) }
          : pseudo(en[key] as object)),
  });
}

export const qpsPloc = bundle as Bundle;
