import { Caption1, Text } from "@fluentui/react-components";
import { useStrings } from "../../hooks/useStrings";
import { useSummary } from "../../hooks/useSummary";
import { fill } from "../../model/format";
import { KeyFigure } from "../KeyFigure";
import { ErrorMessage } from "../ErrorMessage";
import { useSummaryPanelStyles } from "./useSummaryPanelStyles.styles";

/** The model at a glance, kept live by the workbook's change events. */
export function SummaryPanel() {
  const s = useStrings();
  const styles = useSummaryPanelStyles();
  const v = useSummary();
  return (
    <section className={styles.root} aria-busy={!v.ready}>
      <Text as="h2" weight="semibold" className={styles.heading}>
        {s.summaryTitle}
      </Text>
      <ErrorMessage error={v.error || null} title={s.readFailed} next={s.unexpectedNext} />
      <div className={styles.figures}>
        <KeyFigure
          label={s.annualRoi}
          value={v.annualRoi}
          emptyText={v.unavailable.annualRoi ?? s.needRoi}
          testId="summary-annual-roi"
          detail={
            (v.missing.length > 0 || v.stressBehind) && (
              <span data-testid="summary-lines-notice">
                {[...v.missing, ...(v.stressBehind ? [v.stressBehind] : [])].join(" ")}
              </span>
            )
          }
        />
        <KeyFigure
          label={s.pvRoi}
          value={v.pvRoi}
          emptyText={v.unavailable.pvRoi ?? s.needRoiShort}
          testId="summary-pv-roi"
          detail={v.adoptionNotice && <span data-testid="summary-adoption-notice">{v.adoptionNotice}</span>}
        />
        <KeyFigure
          label={s.payback}
          value={v.payback}
          emptyText={v.unavailable.payback ?? s.needRoiShort}
          testId="summary-payback"
          detail={
            v.benchmark && (
              <span className={styles.benchmark}>
                {v.benchmark}
                {v.withinBenchmark !== null && (
                  <span className={v.withinBenchmark ? styles.within : styles.beyond}>
                    {v.withinBenchmark ? s.withinBenchmark : s.beyondBenchmark}
                  </span>
                )}
              </span>
            )
          }
        />
        <KeyFigure
          label={s.lossProbability}
          value={v.lossProbability}
          emptyText={v.unavailable.lossProbability ?? s.needStress}
          testId="summary-loss-probability"
          detail={v.lossSource}
        />
      </div>

      <div className={styles.list}>
        <Text as="h3" weight="semibold" className={styles.subheading}>
          {s.topUseCases}
        </Text>
        <div data-testid="summary-top-use-cases">
          {v.topUseCases === null ? (
            <Caption1 className={styles.empty}>{s.needPortfolio}</Caption1>
          ) : v.topUseCases.length === 0 ? (
            <Caption1 className={styles.empty}>{s.noUseCases}</Caption1>
          ) : (
            <ol className={styles.ranked}>
              {v.topUseCases.map((u) => (
                <li key={`${u.rank}-${u.name}`}>{u.name}</li>
              ))}
            </ol>
          )}
        </div>
      </div>

      <div className={styles.list}>
        <Text as="h3" weight="semibold" className={styles.subheading}>
          {s.wavePlan}
        </Text>
        <div data-testid="summary-waves">
          {v.waves === null ? (
            <Caption1 className={styles.empty}>{s.needRollout}</Caption1>
          ) : v.waves.length === 0 ? (
            <Caption1 className={styles.empty}>{s.noDepartments}</Caption1>
          ) : (
            <dl className={styles.waves}>
              {v.waves.map((w) => (
                <div key={w.wave} className={styles.wave}>
                  <dt className={styles.waveName}>{fill(s.waveLabel, { wave: w.wave })}</dt>
                  <dd className={styles.departments}>{w.departments.join(", ")}</dd>
                </div>
              ))}
            </dl>
          )}
        </div>
      </div>
    </section>
  );
}
