import {
  Body1,
  Button,
  Card,
  CardHeader,
  Field,
  Input,
  ProgressBar,
  Radio,
  RadioGroup,
  Select,
  Text,
} from "@fluentui/react-components";
import type { PaneStringKey } from "../../../i18n/bundle";
import type { SampleOrBlank, TemplateId } from "../../../templates/plan";
import { TEMPLATE_IDS } from "../../../templates/plan";
import { usePane } from "../../context/pane-context";
import { CURRENCIES, MAX_PORTFOLIO_ROWS } from "../../model/build";
import { fill } from "../../model/format";
import { ConflictDialog } from "../ConflictDialog";
import { ShareableCopy } from "../ShareableCopy";
import { AddLine } from "../AddLine";
import { UseCaseLines } from "../UseCaseLines";
import { StatusMessage } from "../StatusMessage";
import { buildMessages, recoveryLines } from "./useBuildMessages";
import { useBuildPanel } from "./useBuildPanel";
import { useBuildPanelStyles } from "./useBuildPanelStyles.styles";

const CARDS: Record<TemplateId, { title: PaneStringKey; description: PaneStringKey }> = {
  portfolio: { title: "portfolio", description: "portfolioDescription" },
  rollout: { title: "rollout", description: "rolloutDescription" },
  roi: { title: "roi", description: "roiDescription" },
  stress: { title: "stress", description: "stressDescription" },
};

/** Build: options, the complete model, one card per template, progress and outcome, a shareable copy. */
export function BuildPanel() {
  const { strings: s, bundle, showTab } = usePane();
  const styles = useBuildPanelStyles();
  const state = useBuildPanel();
  const { options, busy, status, pending } = state;
  const messages = buildMessages(status, bundle);
  return (
    <section className={styles.root}>
      <Body1 as="p" className={styles.intro}>
        {s.buildIntro}
      </Body1>

      <fieldset className={styles.options}>
        <legend className={styles.legend}>{s.options}</legend>
        <Field label={s.data}>
          <RadioGroup value={options.data} onChange={(_, d) => state.setData(d.value as SampleOrBlank)}>
            <Radio value="sample" label={s.sampleData} />
            <Radio value="blank" label={s.blankData} />
          </RadioGroup>
        </Field>
        <Field label={s.currency}>
          <Select
            value={options.currency}
            onChange={(_, d) => state.setCurrency(d.value)}
            className={styles.control}
          >
            {CURRENCIES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          label={s.portfolioRows}
          hint={fill(s.portfolioRowsHint, { max: MAX_PORTFOLIO_ROWS })}
          validationState={options.rowsValid ? "none" : "error"}
          validationMessage={
            options.rowsValid ? undefined : fill(s.portfolioRowsInvalid, { max: MAX_PORTFOLIO_ROWS })
          }
        >
          <Input
            type="number"
            min={1}
            max={MAX_PORTFOLIO_ROWS}
            step={1}
            value={options.rowsText}
            onChange={(_, d) => state.setRowsText(d.value)}
            className={styles.control}
          />
        </Field>
      </fieldset>

      <Card className={styles.card}>
        <CardHeader
          header={
            <Text as="h2" weight="semibold" className={styles.heading}>
              {s.completeModel}
            </Text>
          }
          description={<Text className={styles.description}>{s.completeModelDescription}</Text>}
        />
        <Button
          appearance="primary"
          disabled={busy || !options.rowsValid}
          onClick={() => state.build("complete")}
        >
          {s.buildComplete}
        </Button>
      </Card>

      <div className={styles.cards}>
        {TEMPLATE_IDS.map((t) => (
          <Card key={t} className={styles.card} size="small">
            <CardHeader
              header={
                <Text as="h2" weight="semibold" className={styles.heading}>
                  {s[CARDS[t].title]}
                </Text>
              }
              description={<Text className={styles.description}>{s[CARDS[t].description]}</Text>}
            />
            <Button disabled={busy || !options.rowsValid} onClick={() => state.build(t)}>
              {fill(s.buildSheet, { sheet: s[CARDS[t].title] })}
            </Button>
          </Card>
        ))}
      </div>

      <div aria-live="polite" className={styles.status}>
        {state.recovery && (
          <StatusMessage
            intent="warning"
            title={s.recovered}
            lines={recoveryLines(state.recovery, bundle)}
            onDismiss={state.dismissRecovery}
          />
        )}
        {messages.progressText !== null && (
          <Field validationMessage={messages.progressText} validationState="none">
            <ProgressBar value={messages.progressValue} thickness="large" aria-label={s.building} />
          </Field>
        )}
        {messages.success && (
          <StatusMessage
            intent="success"
            title={messages.success.title}
            lines={messages.success.lines}
            action={
              <Button size="small" onClick={() => showTab("summary")}>
                {s.seeSummary}
              </Button>
            }
            onDismiss={state.dismiss}
          />
        )}
        {messages.failure && (
          <StatusMessage
            intent="error"
            title={messages.failure.title}
            lines={messages.failure.lines}
            onDismiss={state.dismiss}
          />
        )}
      </div>

      <AddLine disabled={busy} />
      <UseCaseLines disabled={busy} />

      <ShareableCopy disabled={busy} />

      {pending && (
        <ConflictDialog
          conflicts={pending.conflicts}
          policies={pending.policies}
          predictions={pending.predictions}
          keeps={pending.keeps}
          onPolicyChange={state.setPolicy}
          nameConflicts={pending.nameConflicts}
          takeNames={pending.takeNames}
          onTakeNameChange={state.setTakeName}
          onConfirm={state.confirm}
          onCancel={state.cancel}
        />
      )}
    </section>
  );
}
