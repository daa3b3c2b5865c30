/**
 * "Make a shareable copy": the model's sheets as .xlsx with portable formulas (src/export), loaded
 * with a dynamic import so ExcelJS stays out of the pane's initial bundle, and handed to
 * deliverWorkbook (a new workbook in Excel, a download in a browser).
 */
import { useCallback, useState } from "react";
import { DEFAULT_PORTFOLIO_ROWS } from "../../../templates/portfolio";
import { usePane } from "../../context/pane-context";
import { plansToShare, shareableFileName } from "../../model/share";

export type ShareStatus =
  | { readonly kind: "idle" }
  | { readonly kind: "working" }
  | { readonly kind: "noSheets" }
  | { readonly kind: "done"; readonly file: string }
  | { readonly kind: "failed"; readonly error: unknown };

export function useShareableCopy(): {
  status: ShareStatus;
  make: () => void;
  dismiss: () => void;
} {
  const { host, builtSheets, locale, currency, deliverWorkbook, now } = usePane();
  const [status, setStatus] = useState<ShareStatus>({ kind: "idle" });

  const make = useCallback(() => {
    setStatus({ kind: "working" });
    void (async () => {
      try {
        const options = { data: "sample" as const, currency, locale, rows: DEFAULT_PORTFOLIO_ROWS };
        const plans = await plansToShare(host, builtSheets, options);
        if (plans.length === 0) return setStatus({ kind: "noSheets" });
        const { makeShareableCopy } = await import(
          /* webpackChunkName: "shareable" */ "../../../export/shareable"
        );
        const at = now();
        const bytes = await makeShareableCopy(host, plans, { now: at });
        const file = shareableFileName(at);
        await deliverWorkbook(bytes, file);
        setStatus({ kind: "done", file });
      } catch (error) {
        setStatus({ kind: "failed", error });
      }
    })();
  }, [host, builtSheets, locale, currency, deliverWorkbook, now]);

  const dismiss = useCallback(() => setStatus({ kind: "idle" }), []);
  return { status, make, dismiss };
}
