import { Body1, Field, Radio, RadioGroup, Text } from "@fluentui/react-components";
import { useId } from "react";
import { CASE_OUTPUTS, type CaseOutput, HORIZON_PAYBACK_MONTHS } from "../../../engine/case-simulation";
import { usePane } from "../../context/pane-context";
import { CASE_OUTPUT_FORMAT, CASE_OUTPUT_LABEL } from "../../model/case-run";
import { fill, formatNumber, numberLocale } from "../../model/format";
import { Histogram } from "../Histogram";
import { RunControls, WriteResults } from "../SimulationActions";
import { CHART_HEIGHT, CHART_WIDTH, cdfPolyline, spiderLines, tornadoBars } from "./case-view";
import { CorrelationNote } from "../CorrelationNote";
import { type CaseSettings, useCaseSimulation } from "./useCaseSimulation";
import { useCaseSimulationStyles } from "./useCaseSimulationStyles.styles";

/** Lines the tornado and the spider chart show: the largest swings. */
const TORNADO_LINES = 8;
const SPIDER_LINES = 5;
const SERIES = ["s0", "s1", "s2", "s3", "s4"] as const;

/** A chart as one image with a text description, as the histogram is. */
function Chart(props: {
  title: string;
  description: string;
  testId: string;
  minLabel: string;
  maxLabel: string;
  children: React.ReactNode;
}) {
  const styles = useCaseSimulationStyles();
  const id = useId();
  return (
    <figure className={styles.figure}>
      <Text as="p" className={styles.caption}>
        {props.title}
      </Text>
      <svg
        className={styles.svg}
        viewBox={`0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`}
        preserveAspectRatio="none"
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        focusable="false"
        data-testid={props.testId}
      >
        <title id={`${id}-title`}>{props.title}</title>
        <desc id={`${id}-desc`}>{props.description}</desc>
        {props.children}
      </svg>
      <figcaption className={styles.axis} aria-hidden>
        <span>{props.minLabel}</span>
        <span>{props.maxLabel}</span>
      </figcaption>
    </figure>
  );
}

/** The statistics the table shows per output, named as SIMULATE_ROI names them. */
const CASE_STATISTICS = ["Mean", "P10", "P50", "P90"] as const;

/** The whole business case under uncertainty: run, statistics, four charts, write-back. */
export function CaseSimulation(props: CaseSettings & { readonly disabled: boolean }) {
  const { strings: s, bundle, locale, currency } = usePane();
  const styles = useCaseSimulationStyles();
  const p = useCaseSimulation(props);
  const { run, write, output } = p;
  const n = (v: number): string => v.toLocaleString(numberLocale(locale));
  // A payback beyond the horizon (+Infinity) reads as the "payback" format's words for it.
  const format = (v: number, o: CaseOutput): string =>
    Number.isFinite(v) || (v === Infinity && o === "paybackMonths")
      ? formatNumber(v, CASE_OUTPUT_FORMAT[o], currency, locale)
      : s.caseNotDefined;
  const percent = (v: number): string =>
    Number.isFinite(v) ? formatNumber(v, "percent", "", locale) : s.caseNotDefined;
  const name = (o: CaseOutput): string => s[CASE_OUTPUT_LABEL[o]];
  return (
    <section className={styles.root} aria-labelledby="case-simulation-heading">
      <Text as="h3" weight="semibold" className={styles.heading} id="case-simulation-heading">
        {s.caseHeading}
      </Text>
      <Body1 as="p" className={styles.intro}>
        {s.caseIntro}
      </Body1>
      <RunControls
        run={run}
        label={s.runCase}
        disabled={props.disabled}
        onStart={p.start}
        onCancel={p.cancel}
      />
      {run.kind === "done" &&
        (() => {
          const summary = run.result.summary;
          const chosen = summary.outputs[output];
          const [, p10, p50, p90] = chosen.percentiles;
          const sensitivity = run.result.sensitivity[output];
          const cdf = cdfPolyline(chosen.cdf);
          const tornado = tornadoBars(sensitivity, TORNADO_LINES);
          const spider = spiderLines(sensitivity, SPIDER_LINES);
          const f = (v: number): string => format(v, output);
          const minBin = chosen.bins[0]?.from ?? 0;
          const maxBin = chosen.bins[chosen.bins.length - 1]?.to ?? 0;
          return (
            <>
              <CorrelationNote reading={run.correlation} />
              <table className={styles.table} data-testid="case-statistics">
                <thead>
                  <tr>
                    <th scope="col" className={styles.th}>
                      {s.caseOutput}
                    </th>
                    {CASE_STATISTICS.map((key) => bundle.results.statistics[key]).map((h) => (
                      <th key={h} scope="col" className={`${styles.th} ${styles.num}`}>
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {CASE_OUTPUTS.map((o) => {
                    const out = summary.outputs[o];
                    const cells = [out.mean, out.percentiles[1], out.percentiles[2], out.percentiles[3]];
                    return (
                      <tr key={o} data-output={o}>
                        <th scope="row" className={styles.th}>
                          {name(o)}
                        </th>
                        {cells.map((v, i) => (
                          <td key={i} className={styles.num} data-value={v}>
                            {format(v, o)}
                          </td>
                        ))}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              <table className={styles.table} data-testid="case-probabilities">
                <tbody>
                  {[
                    [
                      fill(s.paybackWithin, { months: n(summary.paybackBenchmark) }),
                      summary.paybackWithinBenchmark,
                    ],
                    [
                      fill(s.paybackWithin, { months: n(HORIZON_PAYBACK_MONTHS) }),
                      summary.paybackWithinHorizon,
                    ],
                    [s.lossChance, summary.outputs.npv.belowZero],
                  ].map(([label, v]) => (
                    <tr key={label}>
                      <th scope="row" className={styles.th}>
                        {label}
                      </th>
                      <td className={styles.num} data-value={v}>
                        {percent(v as number)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <Field label={s.caseOutput}>
                <RadioGroup
                  layout="horizontal"
                  value={output}
                  onChange={(_, d) => p.setOutput(d.value as CaseOutput)}
                >
                  {CASE_OUTPUTS.map((o) => (
                    <Radio key={o} value={o} label={name(o)} />
                  ))}
                </RadioGroup>
              </Field>
              <Histogram
                bins={chosen.bins}
                title={fill(s.caseHistogram, { output: name(output) })}
                description={fill(s.caseHistogramDescription, {
                  trials: n(summary.trials),
                  bins: chosen.bins.length,
                  min: f(minBin),
                  max: f(maxBin),
                  p10: f(p10),
                  p50: f(p50),
                  p90: f(p90),
                })}
                minLabel={f(minBin)}
                maxLabel={f(maxBin)}
              />
              <Chart
                title={fill(s.cdfChart, { output: name(output) })}
                description={fill(s.cdfDescription, { p10: f(p10), p50: f(p50), p90: f(p90) })}
                testId="case-cdf"
                minLabel={f(cdf.min)}
                maxLabel={f(cdf.max)}
              >
                <polyline points={cdf.points} className={styles.curve} />
              </Chart>
              <Chart
                title={fill(s.tornadoChart, { output: name(output) })}
                description={fill(s.tornadoDescription, {
                  output: name(output),
                  base: f(sensitivity.base),
                  lines: tornado.bars
                    .map((b) => `${b.label} ${f(b.low)} – ${f(b.high)}`)
                    .join(bundle.conventions.listSeparator),
                })}
                testId="case-tornado"
                minLabel={f(tornado.min)}
                maxLabel={f(tornado.max)}
              >
                {tornado.bars.map((b) => (
                  <rect
                    key={b.label + b.y}
                    x={b.x}
                    y={b.y}
                    width={b.width}
                    height={b.height}
                    className={b.inverse ? styles.inverse : styles.bar}
                  >
                    <title>{`${b.label} ${f(b.low)} – ${f(b.high)}`}</title>
                  </rect>
                ))}
                <line
                  x1={tornado.baseX}
                  x2={tornado.baseX}
                  y1={0}
                  y2={CHART_HEIGHT}
                  className={styles.base}
                />
              </Chart>
              <Chart
                title={fill(s.spiderChart, { output: name(output) })}
                description={fill(s.spiderDescription, { output: name(output), count: spider.lines.length })}
                testId="case-spider"
                minLabel="P10"
                maxLabel="P90"
              >
                {spider.lines.map((l, i) => (
                  <polyline key={l.label + i} points={l.points} className={styles[SERIES[i % SERIES.length]]}>
                    <title>{l.label}</title>
                  </polyline>
                ))}
              </Chart>
              <div className={styles.legend} aria-hidden>
                {spider.lines.map((l, i) => (
                  <span key={l.label + i}>
                    <svg width="12" height="4" focusable="false">
                      <line x1={0} x2={12} y1={2} y2={2} className={styles[SERIES[i % SERIES.length]]} />
                    </svg>{" "}
                    {l.label}
                  </span>
                ))}
              </div>
              <WriteResults
                write={write}
                onWrite={p.writeResults}
                onDismiss={p.dismissWrite}
                label={s.writeCase}
                written={s.caseWritten}
              />
            </>
          );
        })()}
    </section>
  );
}
