import { Caption1 } from "@fluentui/react-components";
import type { KeyFigureProps } from "./KeyFigure.types";
import { useKeyFigureStyles } from "./useKeyFigureStyles.styles";

/** One headline figure: label, value (or what to build to see it) and an optional detail line. */
export function KeyFigure({ label, value, emptyText, testId, detail }: KeyFigureProps) {
  const styles = useKeyFigureStyles();
  return (
    <div className={styles.root} role="group" aria-label={label}>
      <Caption1 className={styles.label}>{label}</Caption1>
      <span data-testid={testId} className={value === null ? styles.empty : styles.value}>
        {value ?? emptyText}
      </span>
      {detail && <Caption1 className={styles.detail}>{detail}</Caption1>}
    </div>
  );
}
