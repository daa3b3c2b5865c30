/**
 * What every panel of the pane shares: the workbook (only ever through WorkbookHost, so the
 * same components run in Excel and in the browser preview), the language, the model's currency,
 * the last build and the pane's last simulation run.
 */
import { createContext, useContext } from "react";
import type { Locale } from "../../i18n/locale";
import type { Bundle, PaneStrings } from "../../i18n/bundle";
import type { WorkbookHost } from "../../host/workbook-host";
import type { BuiltSheet } from "../model/build";

export type PaneTab = "build" | "summary" | "whatIf" | "simulate";
export const PANE_TABS: readonly PaneTab[] = ["build", "summary", "whatIf", "simulate"];

/** The pane's last Monte Carlo run, for the summary's P(ROI<0). */
export interface PaneRun {
  readonly probabilityOfLoss: number;
  readonly at: Date;
  /** The Stress sheet the run read; a later change there makes the sheet's own figure newer. */
  readonly sheet: string;
}

/** Delivers a workbook file: opened as a new workbook in Excel, downloaded in a browser. */
export type DeliverWorkbook = (bytes: Uint8Array, fileName: string) => Promise<void>;

export interface PaneContextValue {
  readonly host: WorkbookHost;
  readonly locale: Locale;
  readonly setLocale: (locale: Locale) => void;
  readonly strings: PaneStrings;
  /** Everything else in the pane's language: conventions, returned values as shown, sheet labels. */
  readonly bundle: Bundle;
  /** The currency of the last build (the sheets' money format), for the pane's money figures. */
  readonly currency: string;
  /** Counts successful builds: panels re-read their saved values and re-locate inputs after one. */
  readonly buildCount: number;
  /** The sheets of the last build of each template, under the names they got, with their plans. */
  readonly builtSheets: readonly BuiltSheet[];
  readonly recordBuild: (sheets: readonly BuiltSheet[]) => void;
  /** The pane's last run while it is newer than the Stress sheet's inputs, else null. */
  readonly lastRun: PaneRun | null;
  readonly recordRun: (run: PaneRun) => void;
  /** Runs `write` without letting its change events mark the pane's run as outdated. */
  readonly writingRunResults: (write: () => Promise<void>) => Promise<void>;
  readonly deliverWorkbook: DeliverWorkbook;
  readonly now: () => Date;
  readonly showTab: (tab: PaneTab) => void;
}

export const PaneContext = createContext<PaneContextValue | null>(null);

export function usePane(): PaneContextValue {
  const value = useContext(PaneContext);
  if (!value) throw new Error("usePane must be used inside <App>, which provides the pane's context.");
  return value;
}
