/**
 * The pane's shared state: language, currency of the last build, the builds themselves, the
 * pane's last simulation run, and the selected tab. Everything reaches the workbook through the
 * host prop only.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { SelectTabData, SelectTabEvent } from "@fluentui/react-components";
import { setMessageLocale } from "../../../functions/boundary";
import type { Locale } from "../../../i18n/locale";
import { bundleFor } from "../../../i18n/bundles";
import { type PaneContextValue, type PaneRun, type PaneTab, PANE_TABS } from "../../context/pane-context";
import { downloadWorkbook } from "../../deliver";
import { type BuiltSheet, CURRENCIES } from "../../model/build";
import type { AppProps } from "./App.types";

/** How long after the pane writes its run's results their change events are still its own (Excel delivers them late). */
const OWN_WRITE_GRACE_MS = 500;

const systemClock = (): Date => new Date();

export interface AppState {
  readonly context: PaneContextValue;
  readonly tab: PaneTab;
  readonly onTabSelect: (event: SelectTabEvent, data: SelectTabData) => void;
  /** Marks that the user is at work in the pane: the opening tab stays as it is. */
  readonly onInteraction: () => void;
}

export function useApp(props: AppProps): AppState {
  const {
    host,
    initialLocale,
    onLocaleChange,
    deliverWorkbook = downloadWorkbook,
    now = systemClock,
  } = props;
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const [currency, setCurrency] = useState<string>(CURRENCIES[0]);
  const [tab, setTab] = useState<PaneTab>("build");
  const tabChosen = useRef(false);
  const [buildCount, setBuildCount] = useState(0);
  const [builtSheets, setBuiltSheets] = useState<readonly BuiltSheet[]>([]);
  const [lastRun, setLastRun] = useState<PaneRun | null>(null);
  const ownWrites = useRef(0);

  // The custom functions' messages follow the pane's language (in this bundle).
  useEffect(() => setMessageLocale(locale), [locale]);
  useEffect(() => onLocaleChange?.(locale), [locale, onLocaleChange]);

  // Open on the summary when the workbook already holds a model, unless the user has started
  // doing something (a click or a key anywhere in the pane) before the workbook answered.
  useEffect(() => {
    let alive = true;
    host
      .listSheets()
      .then((sheets) => {
        if (alive && !tabChosen.current && sheets.some((s) => s.template !== null)) setTab("summary");
      })
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, [host]);

  // The pane's run stops being the newest P(ROI<0) once its Stress sheet changes.
  useEffect(
    () =>
      host.onChange((event) => {
        if (ownWrites.current > 0) return;
        setLastRun((run) =>
          run && (event.sheets.length === 0 || event.sheets.includes(run.sheet)) ? null : run,
        );
      }),
    [host],
  );

  const writingRunResults = useCallback(async (write: () => Promise<void>): Promise<void> => {
    ownWrites.current++;
    try {
      await write();
    } finally {
      setTimeout(() => ownWrites.current--, OWN_WRITE_GRACE_MS);
    }
  }, []);

  const recordBuild = useCallback((sheets: readonly BuiltSheet[]) => {
    if (sheets.length > 0) setCurrency(sheets[0].currency);
    setBuiltSheets((before) => [
      ...before.filter((p) => !sheets.some((q) => q.template === p.template)),
      ...sheets,
    ]);
    setBuildCount((n) => n + 1);
  }, []);

  const showTab = useCallback((next: PaneTab) => {
    tabChosen.current = true;
    setTab(next);
  }, []);

  const onTabSelect = useCallback(
    (_: SelectTabEvent, data: SelectTabData) => {
      const value = data.value as PaneTab;
      if (PANE_TABS.includes(value)) showTab(value);
    },
    [showTab],
  );

  const context = useMemo(
    (): PaneContextValue => ({
      host,
      locale,
      setLocale,
      strings: bundleFor(locale).pane,
      bundle: bundleFor(locale),
      currency,
      buildCount,
      builtSheets,
      recordBuild,
      lastRun,
      recordRun: setLastRun,
      writingRunResults,
      deliverWorkbook,
      now,
      showTab,
    }),
    [
      host,
      locale,
      currency,
      buildCount,
      builtSheets,
      recordBuild,
      lastRun,
      writingRunResults,
      deliverWorkbook,
      now,
      showTab,
    ],
  );

  const onInteraction = useCallback(() => {
    tabChosen.current = true;
  }, []);

  return { context, tab, onTabSelect, onInteraction };
}
