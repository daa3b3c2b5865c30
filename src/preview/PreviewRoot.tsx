import { useCallback, useState } from "react";
import { type Locale, localeFromLanguageTag } from "../i18n/locale";
import { App } from "../taskpane/components/App";
import { downloadWorkbook } from "../taskpane/deliver";
import { useSessionStatus } from "./FileBar";
import { Preview } from "./Preview";
import type { WorkerWorkbook } from "./worker-workbook";

/**
 * The page's language follows the pane's: the frame speaks it, and the worker, where the workbook's
 * GENAI functions run, words their messages in it (the pane's own setting stays in this page).
 */
export function PreviewRoot({ workbook }: { readonly workbook: WorkerWorkbook }) {
  const status = useSessionStatus(workbook);
  const [locale, setLocale] = useState<Locale>(() => localeFromLanguageTag(navigator.language));
  const onLocaleChange = useCallback(
    (next: Locale) => {
      setLocale(next);
      void workbook.setLocale(next).catch(() => undefined);
    },
    [workbook],
  );
  return (
    <Preview
      host={workbook}
      files={workbook}
      locale={locale}
      pane={
        <App
          key={status?.generation ?? 0}
          host={workbook}
          initialLocale={locale}
          onLocaleChange={onLocaleChange}
          deliverWorkbook={downloadWorkbook}
        />
      }
    />
  );
}
