import type { WorkbookHost } from "../../../host/workbook-host";
import type { Locale } from "../../../i18n/locale";
import type { DeliverWorkbook } from "../../context/pane-context";

export interface AppProps {
  /** The workbook: OfficeHost in Excel, a MemoryHost in the browser preview and the tests. */
  readonly host: WorkbookHost;
  /** The language the pane opens in (Office's display language in Excel). */
  readonly initialLocale: Locale;
  /**
   * Told the pane's language when it opens and whenever the user switches it: the browser preview
   * speaks it in its frame and passes it to the workbook's worker, where the functions run.
   */
  readonly onLocaleChange?: (locale: Locale) => void;
  /**
   * Delivers the shareable copy's .xlsx bytes.
   * @defaultvalue a browser download (Blob and an object URL)
   */
  readonly deliverWorkbook?: DeliverWorkbook;
  /**
   * The clock, for run times and file names (injected so tests can fix it).
   * @defaultvalue () => new Date()
   */
  readonly now?: () => Date;
}
