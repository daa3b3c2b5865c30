import type { WorkbookHost } from "../../../host/workbook-host";
import type { Locale } from "../../../i18n/locale";
import type { DeliverWorkbook } from "../../context/pane-context";

export interface AppProps {
  /** The workbook: OfficeHost in Excel, a MemoryHost in the browser preview and the tests. */
  readonly host: WorkbookHost;
  /** The language the pane opens in (Office's display language in Excel). */
  readonly initialLocale: Locale;
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
