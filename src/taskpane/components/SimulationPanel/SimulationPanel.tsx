import { Body1, Field, Input, Radio, RadioGroup, Text } from "@fluentui/react-components";
import { type Distribution, DISTRIBUTIONS } from "../../../engine/distributions";
import { DEFAULT_SIMULATION, MAX_TRIALS } from "../../../engine/simulate";
import { usePane } from "../../context/pane-context";
import { fill, numberLocale } from "../../model/format";
import { CaseSimulation } from "../CaseSimulation";
import { CorrelationNote } from "../CorrelationNote";
import { Histogram } from "../Histogram";
import { RunControls, WriteResults } from "../SimulationActions";
import { StatisticSeek } from "../StatisticSeek";
import { StatusMessage } from "../StatusMessage";
import { histogramText, statisticRows } from "./simulation-view";
import { MAX_SEED, useSimulationPanel } from "./useSimulationPanel";
import { useSimulationPanelStyles } from "./useSimulationPanelStyles.styles";

const DISTRIBUTION_LABELS: Record<Distribution, "pert" | "triangular"> = {
  PERT: "pert",
  Triangular: "triangular",
};

/** Simulate: settings, a chunked Monte Carlo run with progress, the histogram and the statistics. */
export function SimulationPanel() {
  const { strings: s, locale } = usePane();
  const styles = useSimulationPanelStyles();
  const p = useSimulationPanel();
  const { run, write } = p;
  const n = (v: number): string => v.toLocaleString(numberLocale(locale));
  return (
    <section className={styles.root}>
      <Body1 as="p" className={styles.intro}>
        {s.simulateIntro}
      </Body1>
      {p.ready && !p.stressPresent && <StatusMessage intent="info" lines={[s.needStressSimulation]} />}
      {p.stressPresent && p.samplingProblem && <StatusMessage intent="error" lines={[p.samplingProblem]} />}
      <div className={styles.settings}>
        <Field
          label={s.trials}
          validationState={p.trialsValid ? "none" : "error"}
          validationMessage={p.trialsValid ? undefined : fill(s.trialsInvalid, { max: n(MAX_TRIALS) })}
          className={styles.setting}
        >
          <Input
            type="number"
            min={1}
            max={MAX_TRIALS}
            value={p.trialsText}
            className={styles.number}
            input={{ className: styles.numberField }}
            onChange={(_, d) => p.setTrialsText(d.value)}
          />
        </Field>
        <Field
          label={s.seed}
          validationState={p.seedValid ? "none" : "error"}
          validationMessage={p.seedValid ? undefined : fill(s.seedInvalid, { max: n(MAX_SEED) })}
          className={styles.setting}
        >
          <Input
            type="number"
            min={0}
            max={MAX_SEED}
            value={p.seedText}
            className={styles.number}
            input={{ className: styles.numberField }}
            onChange={(_, d) => p.setSeedText(d.value)}
          />
        </Field>
      </div>
      <Field label={s.distribution}>
        <RadioGroup
          layout="horizontal"
          value={p.distribution}
          onChange={(_, d) => p.setDistribution(d.value as Distribution)}
        >
          {DISTRIBUTIONS.map((d) => (
            <Radio key={d} value={d} label={s[DISTRIBUTION_LABELS[d]]} />
          ))}
        </RadioGroup>
      </Field>
      {p.stressPresent && p.sampling && (
        <Text as="p" size={200} data-testid="simulation-sampling">
          {fill(s.samplingFromSheet, { method: p.sampling === "MC" ? s.samplingMc : s.samplingLhs })}
        </Text>
      )}
      <RunControls
        run={run}
        label={s.runSimulation}
        disabled={!p.stressPresent || !p.trialsValid || !p.seedValid || p.sampling === null}
        onStart={p.start}
        onCancel={p.cancel}
        statusClassName={styles.status}
      />

      {run.kind === "done" && (
        <div className={styles.results}>
          <Text as="h3" weight="semibold" className={styles.heading}>
            {s.percentiles}
          </Text>
          <CorrelationNote reading={run.correlation} />
          <Histogram bins={run.bins} title={s.histogram} {...histogramText(run, s, locale)} />
          <table className={styles.table} data-testid="simulation-percentiles">
            <thead>
              <tr>
                <th scope="col" className={styles.th}>
                  {s.statistic}
                </th>
                <th scope="col" className={styles.thValue}>
                  {s.value}
                </th>
              </tr>
            </thead>
            <tbody>
              {statisticRows(run, locale).map((row) => (
                <tr key={row.label}>
                  <th scope="row" className={styles.th}>
                    {row.label}
                  </th>
                  <td className={styles.value} data-value={row.value}>
                    {row.text}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <WriteResults
            write={write}
            onWrite={p.writeResults}
            onDismiss={p.dismissWrite}
            label={s.writeResults}
            written={s.resultsWritten}
          />
        </div>
      )}

      <CaseSimulation
        trials={p.trials}
        seed={p.seed}
        distribution={p.distribution}
        sampling={p.sampling ?? DEFAULT_SIMULATION.sampling}
        disabled={!p.trialsValid || !p.seedValid || p.sampling === null}
      />
      <StatisticSeek
        trials={p.trials}
        seed={p.seed}
        distribution={p.distribution}
        sampling={p.sampling ?? DEFAULT_SIMULATION.sampling}
        disabled={!p.trialsValid || !p.seedValid || p.sampling === null}
      />
    </section>
  );
}
