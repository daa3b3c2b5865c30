import { Body1, Button, Field, Radio, RadioGroup, Text } from "@fluentui/react-components";
import { usePane } from "../../context/pane-context";
import { fill } from "../../model/format";
import type { GoalLever, GoalTarget } from "../../model/goal-seek";
import { InputWriteStatus } from "../InputWriteStatus";
import { StatusMessage } from "../StatusMessage";
import { leverLabel, outcomeText, targetLabel } from "./goal-seek-text";
import { useGoalSeek } from "./useGoalSeek";
import { useGoalSeekStyles } from "./useGoalSeekStyles.styles";

/** Goal seek in the pane: target, lever, the engine's answer and Apply. */
export function GoalSeek() {
  const { strings: s, locale } = usePane();
  const styles = useGoalSeekStyles();
  const g = useGoalSeek();
  const text = outcomeText(g.outcome, s, locale);
  const answered = g.outcome.kind === "solved" && g.outcome.answer.kind === "answer";
  return (
    <section className={styles.root} aria-labelledby="goal-seek-heading">
      <Text as="h3" id="goal-seek-heading" weight="semibold" className={styles.heading}>
        {s.goalSeek}
      </Text>
      <Body1 as="p" className={styles.intro}>
        {s.goalSeekIntro}
      </Body1>
      <Field label={s.target}>
        <RadioGroup value={g.target} onChange={(_, d) => g.choose.target(d.value as GoalTarget)}>
          <Radio value="roi" label={targetLabel("roi", g.benchmark, s)} />
          <Radio value="payback" label={targetLabel("payback", g.benchmark, s)} />
        </RadioGroup>
      </Field>
      <Field label={s.lever}>
        <RadioGroup value={g.lever} onChange={(_, d) => g.choose.lever(d.value as GoalLever)}>
          <Radio value="benefits" label={leverLabel("benefits", s)} />
          <Radio value="adoption" label={leverLabel("adoption", s)} />
        </RadioGroup>
      </Field>
      <div className={styles.actions}>
        <Button onClick={g.find}>{s.find}</Button>
      </div>
      <div aria-live="polite" className={styles.result}>
        {text && (
          <Text
            as="p"
            className={answered ? styles.answer : styles.explanation}
            data-testid="goal-seek-answer"
          >
            {text}
          </Text>
        )}
        {answered && (
          <div className={styles.actions}>
            <Button appearance="primary" onClick={g.apply}>
              {s.apply}
            </Button>
          </div>
        )}
        {g.applied && text && <StatusMessage intent="success" lines={[fill(s.applied, { answer: text })]} />}
        <InputWriteStatus skipped={g.skipped} error={g.error} onDismiss={g.clearError} />
      </div>
    </section>
  );
}
