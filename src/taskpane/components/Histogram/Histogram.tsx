import { useId } from "react";
import type { HistogramProps } from "./Histogram.types";
import { useHistogram, VIEW_HEIGHT, VIEW_WIDTH } from "./useHistogram";
import { useHistogramStyles } from "./useHistogramStyles.styles";

/**
 * The simulated ROI's distribution as inline SVG, coloured with Fluent tokens (losses in the
 * danger colour). One image with a text description: no focusable parts to trap the keyboard.
 */
export function Histogram({ bins, title, description, minLabel, maxLabel }: HistogramProps) {
  const styles = useHistogramStyles();
  const { bars, zeroX } = useHistogram(bins);
  const id = useId();
  return (
    <figure className={styles.root}>
      <svg
        className={styles.svg}
        viewBox={`0 0 ${VIEW_WIDTH} ${VIEW_HEIGHT}`}
        preserveAspectRatio="none"
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        focusable="false"
        data-testid="simulation-histogram"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {bars.map((b, i) => (
          <rect
            key={i}
            x={b.x}
            y={b.y}
            width={b.width}
            height={b.height}
            className={b.loss ? styles.loss : styles.bar}
          />
        ))}
        {zeroX !== null && <line x1={zeroX} x2={zeroX} y1={0} y2={VIEW_HEIGHT} className={styles.zero} />}
      </svg>
      <figcaption className={styles.axis} aria-hidden>
        <span>{minLabel}</span>
        <span>{maxLabel}</span>
      </figcaption>
    </figure>
  );
}
