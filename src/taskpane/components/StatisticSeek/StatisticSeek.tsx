import { Body1, Button, Field, Input, Radio, RadioGroup, Select, Text } from "@fluentui/react-components";
import { useId } from "react";
import { usePane } from "../../context/pane-context";
import { fill } from "../../model/format";
import { InputWriteStatus } from "../InputWriteStatus";
import { RunControls } from "../SimulationActions";
import { StatusMessage } from "../StatusMessage";
import { seekAnswerText } from "./statistic-seek-text";
import { type LeverKey, type SeekSettings, useStatisticSeek } from "./useStatisticSeek";
import { useStatisticSeekStyles } from "./useStatisticSeekStyles.styles";

/** Goal seek on a simulated statistic, under the business-case simulation. */
export function StatisticSeek(props: SeekSettings & { readonly disabled?: boolean }) {
  const { strings: s, currency, locale } = usePane();
  const styles = useStatisticSeekStyles();
  const g = useStatisticSeek(props);
  const headingId = useId();
  const { state } = g;
  const answer = state.kind === "done" ? state.answer : null;
  const canApply =
    answer !== null && answer.input !== null && answer.result.value !== null && !answer.result.metEverywhere;
  const loss = g.statistic === "lossProbability";
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Text as="h3" id={headingId} weight="semibold" className={styles.heading}>
        {s.seekHeading}
      </Text>
      <Body1 as="p" className={styles.intro}>
        {s.seekIntro}
      </Body1>
      <Field label={s.seekGoal}>
        <RadioGroup
          value={g.statistic}
          onChange={(_, d) => g.chooseStatistic(d.value as "lossProbability" | "npvP10")}
        >
          <Radio value="lossProbability" label={s.seekGoalLoss} />
          <Radio value="npvP10" label={s.seekGoalNpvP10} />
        </RadioGroup>
      </Field>
      <Field
        label={loss ? s.seekTargetPercent : fill(s.seekTargetAmount, { currency })}
        validationState={g.targetValid ? "none" : "error"}
        validationMessage={
          g.targetValid ? undefined : loss ? s.seekTargetPercentInvalid : s.seekTargetAmountInvalid
        }
      >
        <Input
          className={styles.target}
          inputMode="decimal"
          value={g.targetText}
          onChange={(_, d) => g.setTargetText(d.value)}
        />
      </Field>
      <Field label={s.lever}>
        <Select
          className={styles.select}
          value={g.lever}
          onFocus={g.refreshLines}
          onChange={(_, d) => g.setLever(d.value as LeverKey)}
        >
          <option value="realisation">{s.seekLeverRealisation}</option>
          <option value="adoption">{s.seekLeverAdoption}</option>
          {g.lines.map((line) => (
            <option key={line.key} value={line.key}>
              {fill(s.seekLeverLine, { label: line.label })}
            </option>
          ))}
        </Select>
      </Field>
      <RunControls
        run={state}
        label={s.find}
        disabled={!!props.disabled || !g.targetValid}
        onStart={g.find}
        onCancel={g.cancel}
        statusClassName={styles.result}
        progressText={s.seekProgress}
        cancelledText={s.seekCancelled}
      />
      <div aria-live="polite" className={styles.result}>
        {answer &&
          seekAnswerText(answer, s, currency, locale).map((line) => (
            <Text as="p" key={line} className={styles.answer} data-testid="statistic-seek-answer">
              {line}
            </Text>
          ))}
        {canApply && (
          <div className={styles.actions}>
            <Button appearance="primary" onClick={g.apply}>
              {s.apply}
            </Button>
          </div>
        )}
        {g.applied && <StatusMessage intent="success" lines={[s.seekApplied]} />}
        <InputWriteStatus skipped={g.skipped} error={g.error} onDismiss={g.clearError} />
      </div>
    </section>
  );
}
