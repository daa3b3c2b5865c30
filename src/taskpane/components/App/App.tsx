import type { ComponentType } from "react";
import { FluentProvider, Tab, TabList, Title3, webLightTheme } from "@fluentui/react-components";
import { PaneContext, type PaneTab, PANE_TABS } from "../../context/pane-context";
import type { PaneStrings } from "../../../i18n/bundle";
import { BuildPanel } from "../BuildPanel";
import { LanguageSwitch } from "../LanguageSwitch";
import { SimulationPanel } from "../SimulationPanel";
import { SummaryPanel } from "../SummaryPanel";
import { WhatIfPanel } from "../WhatIfPanel";
import type { AppProps } from "./App.types";
import { useApp } from "./useApp";
import { useAppStyles } from "./useAppStyles.styles";

const TAB_LABELS: Record<PaneTab, keyof PaneStrings> = {
  build: "tabBuild",
  summary: "tabSummary",
  whatIf: "tabWhatIf",
  simulate: "tabSimulate",
};

const PANELS: Record<PaneTab, ComponentType> = {
  build: BuildPanel,
  summary: SummaryPanel,
  whatIf: WhatIfPanel,
  simulate: SimulationPanel,
};

/**
 * The task pane: Build, Summary, What-if and Simulate. Every panel stays mounted (hidden when
 * another is selected), so a simulation's results or a goal-seek answer survive a tab switch.
 */
export function App(props: AppProps) {
  const { context, tab, onTabSelect, onInteraction } = useApp(props);
  const styles = useAppStyles();
  const s = context.strings;
  return (
    <FluentProvider theme={webLightTheme} lang={context.locale} className={styles.provider}>
      <PaneContext.Provider value={context}>
        <main className={styles.root} onClickCapture={onInteraction} onKeyDownCapture={onInteraction}>
          <header className={styles.header}>
            <Title3 as="h1">{s.appTitle}</Title3>
            <LanguageSwitch />
          </header>
          <TabList
            className={styles.tabs}
            selectedValue={tab}
            onTabSelect={onTabSelect}
            aria-label={s.tabs}
            size="small"
          >
            {PANE_TABS.map((t) => (
              <Tab
                key={t}
                value={t}
                id={`pane-tab-${t}`}
                aria-controls={`pane-panel-${t}`}
                className={styles.tab}
              >
                {s[TAB_LABELS[t]]}
              </Tab>
            ))}
          </TabList>
          {PANE_TABS.map((t) => {
            const Panel = PANELS[t];
            return (
              <div
                key={t}
                role="tabpanel"
                id={`pane-panel-${t}`}
                aria-labelledby={`pane-tab-${t}`}
                hidden={tab !== t}
                className={styles.panel}
              >
                <Panel />
              </div>
            );
          })}
        </main>
      </PaneContext.Provider>
    </FluentProvider>
  );
}
