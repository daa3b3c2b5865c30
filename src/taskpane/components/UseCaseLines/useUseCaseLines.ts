import { useCallback, useState } from "react";
import { usePane } from "../../context/pane-context";
import {
  type AddedLines,
  addUseCaseLines,
  type PortfolioUseCase,
  readPortfolioUseCases,
} from "../../model/portfolio-lines";
import { ROI_LINE_NAMES } from "../../../templates/roi";

export type UseCaseLinesStatus =
  | { readonly kind: "idle" }
  | { readonly kind: "choosing" }
  | { readonly kind: "working" }
  | { readonly kind: "needSheets" }
  | { readonly kind: "done"; readonly result: AddedLines }
  | { readonly kind: "failed"; readonly error: unknown };

/** State of the card: the Portfolio's use cases (recommended ones ticked), the choice, the outcome. */
export function useUseCaseLines() {
  const { host, locale } = usePane();
  const [useCases, setUseCases] = useState<readonly PortfolioUseCase[]>([]);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [status, setStatus] = useState<UseCaseLinesStatus>({ kind: "idle" });

  const load = useCallback(async () => {
    try {
      const found = await readPortfolioUseCases(host);
      const roi = (await host.readNames([ROI_LINE_NAMES.benefits.labels]))[ROI_LINE_NAMES.benefits.labels];
      if (!found || !roi) return setStatus({ kind: "needSheets" });
      setUseCases(found);
      setChosen(new Set(found.filter((u) => u.recommended).map((u) => u.name)));
      setStatus({ kind: "choosing" });
    } catch (error) {
      setStatus({ kind: "failed", error });
    }
  }, [host]);

  const toggle = useCallback((name: string, on: boolean) => {
    setChosen((previous) => {
      const next = new Set(previous);
      if (on) next.add(name);
      else next.delete(name);
      return next;
    });
  }, []);

  const add = useCallback(async () => {
    setStatus({ kind: "working" });
    try {
      const names = useCases.filter((u) => chosen.has(u.name)).map((u) => u.name);
      setStatus({ kind: "done", result: await addUseCaseLines(host, names, locale) });
    } catch (error) {
      setStatus({ kind: "failed", error });
    }
  }, [host, locale, useCases, chosen]);

  const dismiss = useCallback(() => setStatus({ kind: "idle" }), []);
  return { useCases, chosen, status, load, toggle, add, dismiss };
}
