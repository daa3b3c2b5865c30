/**
 * A sheet's charts drawn simply as inline SVG: line, bar (horizontal, grouped), column and bubble.
 * Series take the workbook theme's colours (COLORS); axes and text take Fluent tokens.
 */
import { Caption1, Subtitle2 } from "@fluentui/react-components";
import { memo } from "react";
import type { ChartSeriesView, ChartView } from "./sheet-view";
import { extent, niceTicks, padded, scale, tickLabel, type Extent } from "./chart-geometry";
import {
  HEIGHT,
  PLOT,
  SERIES_COLORS,
  WIDTH,
  useChartStyles,
  type ChartStyles,
} from "./useChartStyles.styles";

const finite = (v: number | string | null | undefined): v is number =>
  typeof v === "number" && Number.isFinite(v);

/** Tick labels are percentages when the axis is titled "%" or holds ROI (a fraction). */
const percentAxis = (title: string | undefined): boolean => title === "%" || title === "ROI";

function ValueAxis({
  ticks,
  y,
  percent,
  styles,
}: {
  ticks: number[];
  y: (v: number) => number;
  percent: boolean;
  styles: ChartStyles;
}) {
  return (
    <g>
      {ticks.map((t) => (
        <g key={t}>
          <line className={styles.grid} x1={PLOT.left} x2={PLOT.right} y1={y(t)} y2={y(t)} />
          <text className={styles.text} x={PLOT.left - 6} y={y(t) + 4} textAnchor="end">
            {tickLabel(t, percent)}
          </text>
        </g>
      ))}
    </g>
  );
}

function AxisTitles({ chart, styles }: { chart: ChartView; styles: ChartStyles }) {
  return (
    <g>
      {chart.xTitle && (
        <text className={styles.text} x={(PLOT.left + PLOT.right) / 2} y={HEIGHT - 6} textAnchor="middle">
          {chart.xTitle}
        </text>
      )}
      {chart.yTitle && (
        <text
          className={styles.text}
          transform={`translate(12 ${(PLOT.top + PLOT.bottom) / 2}) rotate(-90)`}
          textAnchor="middle"
        >
          {chart.yTitle}
        </text>
      )}
    </g>
  );
}

/** Line chart: x numeric when every x is a number, else evenly spaced categories. */
function LineChart({ chart, styles }: { chart: ChartView; styles: ChartStyles }) {
  const all = chart.series.flatMap((s) => s.y);
  const yDomain = extent(all);
  const ticks = niceTicks(yDomain);
  const yRange: Extent = { min: ticks[0], max: ticks[ticks.length - 1] };
  const y = scale(yRange, PLOT.bottom, PLOT.top);
  const xOf = (series: ChartSeriesView): ((i: number) => number) => {
    const xs = series.x ?? [];
    if (xs.length === series.y.length && xs.every(finite)) {
      const x = scale(extent(xs), PLOT.left, PLOT.right);
      return (i) => x(xs[i]);
    }
    const x = scale({ min: 0, max: Math.max(1, series.y.length - 1) }, PLOT.left, PLOT.right);
    return (i) => x(i);
  };
  const first = chart.series[0];
  const xs = first?.x ?? [];
  const xLabels = xs.length > 0 ? [0, Math.floor((xs.length - 1) / 2), xs.length - 1] : [];
  return (
    <>
      <ValueAxis ticks={ticks} y={y} percent={percentAxis(chart.yTitle)} styles={styles} />
      {chart.series.map((series, k) => {
        const x = xOf(series);
        const segments: string[][] = [[]];
        series.y.forEach((v, i) => {
          if (finite(v)) segments[segments.length - 1].push(`${x(i).toFixed(1)},${y(v).toFixed(1)}`);
          else if (segments[segments.length - 1].length > 0) segments.push([]);
        });
        return segments
          .filter((points) => points.length > 0)
          .map((points, j) => (
            <polyline
              key={`${k}-${j}`}
              points={points.join(" ")}
              fill="none"
              stroke={SERIES_COLORS[k % SERIES_COLORS.length]}
              strokeWidth={2}
            >
              <title>{series.name}</title>
            </polyline>
          ));
      })}
      {yRange.min < 0 && yRange.max > 0 && (
        <line className={styles.axis} x1={PLOT.left} x2={PLOT.right} y1={y(0)} y2={y(0)} />
      )}
      {first &&
        xLabels.map((i) => (
          <text key={i} className={styles.text} x={xOf(first)(i)} y={PLOT.bottom + 14} textAnchor="middle">
            {String(xs[i] ?? "")}
          </text>
        ))}
    </>
  );
}

/** Grouped bars: horizontal ("bar", categories down the side) or vertical ("column"). */
function BarChart({ chart, styles }: { chart: ChartView; styles: ChartStyles }) {
  const horizontal = chart.kind === "bar";
  const labels = chart.series[0]?.x ?? chart.series[0]?.y.map((_, i) => i + 1) ?? [];
  const domain = extent(
    chart.series.flatMap((s) => s.y),
    true,
  );
  const ticks = niceTicks(domain);
  const range: Extent = { min: ticks[0], max: ticks[ticks.length - 1] };
  const value = horizontal ? scale(range, PLOT.left + 60, PLOT.right) : scale(range, PLOT.bottom, PLOT.top);
  const bandStart = horizontal ? PLOT.top : PLOT.left;
  const bandSpan =
    (horizontal ? PLOT.bottom - PLOT.top : PLOT.right - PLOT.left) / Math.max(1, labels.length);
  const barSpan = (bandSpan * 0.8) / Math.max(1, chart.series.length);
  const percent = percentAxis(chart.yTitle);
  return (
    <>
      {ticks.map((t) =>
        horizontal ? (
          <g key={t}>
            <line className={styles.grid} x1={value(t)} x2={value(t)} y1={PLOT.top} y2={PLOT.bottom} />
            <text className={styles.text} x={value(t)} y={PLOT.bottom + 14} textAnchor="middle">
              {tickLabel(t, percent)}
            </text>
          </g>
        ) : (
          <g key={t}>
            <line className={styles.grid} x1={PLOT.left} x2={PLOT.right} y1={value(t)} y2={value(t)} />
            <text className={styles.text} x={PLOT.left - 6} y={value(t) + 4} textAnchor="end">
              {tickLabel(t, percent)}
            </text>
          </g>
        ),
      )}
      {labels.map((label, i) => {
        const band = bandStart + i * bandSpan + bandSpan * 0.1;
        return (
          <g key={i}>
            {chart.series.map((series, k) => {
              const v = series.y[i];
              if (!finite(v)) return null;
              const a = value(0);
              const b = value(v);
              const color = SERIES_COLORS[k % SERIES_COLORS.length];
              const offset = band + k * barSpan;
              const title = <title>{`${String(label)}: ${series.name} ${tickLabel(v, percent)}`}</title>;
              return horizontal ? (
                <rect
                  key={k}
                  x={Math.min(a, b)}
                  y={offset}
                  width={Math.abs(b - a)}
                  height={barSpan}
                  fill={color}
                >
                  {title}
                </rect>
              ) : (
                <rect
                  key={k}
                  x={offset}
                  y={Math.min(a, b)}
                  width={barSpan}
                  height={Math.abs(b - a)}
                  fill={color}
                >
                  {title}
                </rect>
              );
            })}
            <text
              className={styles.text}
              x={horizontal ? PLOT.left + 56 : band + (barSpan * chart.series.length) / 2}
              y={horizontal ? band + (barSpan * chart.series.length) / 2 + 4 : PLOT.bottom + 14}
              textAnchor={horizontal ? "end" : "middle"}
            >
              {String(label ?? "").slice(0, 14)}
            </text>
          </g>
        );
      })}
    </>
  );
}

/** Bubbles: x and y numeric, area proportional to size. */
function BubbleChart({ chart, styles }: { chart: ChartView; styles: ChartStyles }) {
  const xs = chart.series.flatMap((s) => (s.x ?? []).filter(finite));
  const ys = chart.series.flatMap((s) => s.y);
  const sizes = chart.series.flatMap((s) => s.size ?? []).filter(finite);
  // Pad the ranges so bubbles at the extremes (scores of 1 and 5) are not cut in half.
  const xTicks = niceTicks(padded(extent(xs)));
  const yTicks = niceTicks(padded(extent(ys)));
  const x = scale({ min: xTicks[0], max: xTicks[xTicks.length - 1] }, PLOT.left, PLOT.right);
  const y = scale({ min: yTicks[0], max: yTicks[yTicks.length - 1] }, PLOT.bottom, PLOT.top);
  const largest = Math.max(1, ...sizes.map(Math.abs));
  const maxRadius = 22;
  return (
    <>
      <ValueAxis ticks={yTicks} y={y} percent={false} styles={styles} />
      {xTicks.map((t) => (
        <text key={t} className={styles.text} x={x(t)} y={PLOT.bottom + 14} textAnchor="middle">
          {tickLabel(t, false)}
        </text>
      ))}
      {chart.series.map((series, k) =>
        series.y.map((v, i) => {
          const xv = series.x?.[i];
          if (!finite(v) || !finite(xv)) return null;
          const size = series.size?.[i];
          const r = Math.max(3, Math.sqrt(Math.abs(finite(size) ? size : 0) / largest) * maxRadius);
          return (
            <circle
              key={`${k}-${i}`}
              cx={x(xv)}
              cy={y(v)}
              r={r}
              fill={SERIES_COLORS[k % SERIES_COLORS.length]}
              fillOpacity={0.45}
              stroke={SERIES_COLORS[k % SERIES_COLORS.length]}
            >
              <title>{`${series.name}: (${xv}, ${v}) ${finite(size) ? size.toLocaleString("en-US") : ""}`}</title>
            </circle>
          );
        }),
      )}
    </>
  );
}

export function ChartFigure({ chart }: { chart: ChartView }) {
  const styles = useChartStyles();
  const body =
    chart.kind === "line" ? (
      <LineChart chart={chart} styles={styles} />
    ) : chart.kind === "bubble" ? (
      <BubbleChart chart={chart} styles={styles} />
    ) : (
      <BarChart chart={chart} styles={styles} />
    );
  return (
    <figure className={styles.figure} data-chart-kind={chart.kind}>
      <Subtitle2 as="h3">{chart.title}</Subtitle2>
      <svg className={styles.svg} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={chart.title}>
        <line className={styles.axis} x1={PLOT.left} x2={PLOT.left} y1={PLOT.top} y2={PLOT.bottom} />
        <line className={styles.axis} x1={PLOT.left} x2={PLOT.right} y1={PLOT.bottom} y2={PLOT.bottom} />
        {body}
        <AxisTitles chart={chart} styles={styles} />
      </svg>
      {chart.series.length > 0 && (
        <figcaption className={styles.legend}>
          {chart.series.map((series, k) => (
            <Caption1 key={k}>
              <span
                className={styles.swatch}
                style={{ backgroundColor: SERIES_COLORS[k % SERIES_COLORS.length] }}
                aria-hidden
              />
              {series.name}
            </Caption1>
          ))}
        </figcaption>
      )}
    </figure>
  );
}

/** All charts of a sheet, or nothing. Memoised: moving the selection must not redraw them. */
export const Charts = memo(function Charts({
  charts,
  label,
}: {
  charts: readonly ChartView[];
  label: string;
}) {
  const styles = useChartStyles();
  if (charts.length === 0) return null;
  return (
    <section className={styles.charts} aria-label={label}>
      {charts.map((chart, i) => (
        <ChartFigure key={`${chart.title}-${i}`} chart={chart} />
      ))}
    </section>
  );
});
