/**
 * Words for outputs that hold a spreadsheet error: while any of `names` reads as an error, the
 * model's named inputs and the names' places are read, and each erroneous output gets what to
 * enter and where (model/unavailable.ts). Until that read lands, the words are the general ones:
 * the raw error is never the answer.
 */
import { useEffect, useState } from "react";
import { usePane } from "../context/pane-context";
import { faultyInput, inputSpecs, isErrorValue, unavailableText } from "../model/unavailable";
import type { NameValues } from "../model/summary";

export type Unavailable = (name: string) => string | null;

export function useUnavailable(values: NameValues | null, names: readonly string[]): Unavailable {
  const { host, locale } = usePane();
  const failing = names.filter((n) => isErrorValue(values?.[n]?.[0]?.[0]));
  const key = `${locale}\n${failing.join("\n")}`;
  const [texts, setTexts] = useState<{ key: string; byName: Readonly<Record<string, string>> } | null>(null);

  useEffect(() => {
    if (failing.length === 0) return;
    let alive = true;
    const specs = inputSpecs(locale);
    const inputs = specs.map((s) => s.name);
    void Promise.all([host.readNames(inputs), host.locateNames([...inputs, ...failing])])
      .then(([read, where]) => {
        const fault = faultyInput(specs, read, where);
        const byName = Object.fromEntries(failing.map((n) => [n, unavailableText(locale, where[n], fault)]));
        if (alive) setTexts({ key, byName });
      })
      .catch(() => {
        // The general words stay; the next change event reads again.
      });
    return () => {
      alive = false;
    };
    // `values` changes with every read: an input fixed elsewhere may leave the same outputs failing.
  }, [host, key, values]);

  return (name) => {
    if (!failing.includes(name)) return null;
    return (texts?.key === key ? texts.byName[name] : undefined) ?? unavailableText(locale, null, null);
  };
}
