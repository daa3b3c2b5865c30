import { Body1, Button, Field, Radio, RadioGroup, Text } from "@fluentui/react-components";
import type { Scenario } from "../../../templates/stress";
import { usePane } from "../../context/pane-context";
import { useSummary } from "../../hooks/useSummary";
import { fill } from "../../model/format";
import { DriverSlider } from "../DriverSlider";
import { GoalSeek } from "../GoalSeek";
import { KeyFigure } from "../KeyFigure";
import { InputWriteStatus } from "../InputWriteStatus";
import { StatusMessage } from "../StatusMessage";
import { driverView } from "./driver-view";
import { useWhatIfPanel } from "./useWhatIfPanel";
import { useWhatIfPanelStyles } from "./useWhatIfPanelStyles.styles";

const SCENARIO_LABELS = { Worst: "worst", Base: "base", Best: "best" } as const;

/** What-if: the scenario switch, the driver sliders with the figures they move, and goal seek. */
export function WhatIfPanel() {
  const { strings: s, locale, currency } = usePane();
  const styles = useWhatIfPanelStyles();
  const w = useWhatIfPanel();
  const summary = useSummary();
  return (
    <section className={styles.root}>
      <Body1 as="p" className={styles.intro}>
        {s.whatIfIntro}
      </Body1>
      <div className={styles.figures} aria-live="polite">
        <KeyFigure
          label={s.annualRoi}
          value={summary.annualRoi}
          emptyText={s.needRoiShort}
          testId="whatif-annual-roi"
        />
        <KeyFigure
          label={s.payback}
          value={summary.payback}
          emptyText={s.needRoiShort}
          testId="whatif-payback"
          detail={summary.benchmark}
        />
      </div>

      <Field label={s.scenario} hint={w.scenarioAvailable ? s.scenarioHint : s.needStressScenario}>
        <RadioGroup
          layout="horizontal"
          value={w.scenario ?? ""}
          disabled={!w.scenarioAvailable}
          onChange={(_, d) => w.setScenario(d.value as Scenario)}
          className={styles.scenarios}
        >
          {w.scenarios.map((x) => (
            <Radio key={x} value={x} label={s[SCENARIO_LABELS[x]]} />
          ))}
        </RadioGroup>
      </Field>

      <div className={styles.drivers} role="group" aria-labelledby="what-if-drivers">
        <Text as="h3" id="what-if-drivers" weight="semibold" className={styles.heading}>
          {s.drivers}
        </Text>
        {w.drivers.map((x) => (
          <DriverSlider
            key={x.id}
            {...driverView(x, s, locale, currency)}
            onChange={(p) => w.move(x.id, p)}
          />
        ))}
        <div className={styles.actions}>
          <Button onClick={w.reset} disabled={!w.saved}>
            {s.resetDrivers}
          </Button>
        </div>
        <div aria-live="polite">
          {w.resetDone && w.saved && (
            <StatusMessage
              intent="success"
              lines={[
                fill(s.resetDone, {
                  when: w.saved.after === "build" ? s.savedAfterBuild : s.savedWhenOpened,
                }),
              ]}
            />
          )}
          <InputWriteStatus skipped={w.skipped} error={w.error} onDismiss={w.clearError} />
        </div>
      </div>

      <GoalSeek />
    </section>
  );
}
