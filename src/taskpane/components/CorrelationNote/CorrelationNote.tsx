import { formatProblem } from "../../../i18n/messages";
import { usePane } from "../../context/pane-context";
import type { CorrelationReading } from "../../model/correlation";
import { fill, numberLocale } from "../../model/format";
import { StatusMessage } from "../StatusMessage";
import { useCorrelationNoteStyles } from "./useCorrelationNoteStyles.styles";

/**
 * What a simulation did with the Stress sheet's rank-correlation matrix: nothing to say without
 * one; a warning when it did not match the lines (independent lines, with the sheet's words why)
 * or was adjusted (with the nearest consistent matrix the run used, two decimals, by line).
 */
export function CorrelationNote({ reading }: { readonly reading: CorrelationReading }) {
  const { strings: s, locale } = usePane();
  const styles = useCorrelationNoteStyles();
  const two = (x: number): string =>
    x.toLocaleString(numberLocale(locale), { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  if (reading.kind === "none") return null;
  if (reading.kind === "unmatched")
    return (
      <StatusMessage
        intent="warning"
        lines={[s.correlationUnmatched, ...(reading.status === "" ? [] : [reading.status])]}
      />
    );
  if (reading.kind === "invalid")
    return (
      <StatusMessage
        intent="error"
        lines={[fill(s.correlationInvalid, { detail: formatProblem(reading.problem, locale) })]}
      />
    );
  if (!reading.adjusted) {
    // A matrix of blanks and zeros correlates nothing: say so rather than "correlated".
    const independent = reading.matrix.every((row, i) => row.every((x, j) => i === j || x === 0));
    return <StatusMessage intent="info" lines={[independent ? s.correlationNone : s.correlationUsed]} />;
  }
  return (
    <div className={styles.root}>
      <StatusMessage
        intent="warning"
        title={s.correlationAdjustedTitle}
        lines={[fill(s.correlationAdjusted, { change: two(reading.largestChange) })]}
      />
      <div className={styles.scroll}>
        <table className={styles.table} aria-label={s.correlationTable}>
          <caption className={styles.th}>{s.correlationTable}</caption>
          <thead>
            <tr>
              <th scope="col" className={styles.th}>
                {s.correlationLine}
              </th>
              {reading.labels.map((label, j) => (
                <th scope="col" key={j} className={styles.th}>
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {reading.matrix.map((row, i) => (
              <tr key={i}>
                <th scope="row" className={styles.th}>
                  {reading.labels[i]}
                </th>
                {row.map((x, j) => (
                  <td key={j} className={styles.value} data-value={x}>
                    {two(x)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
