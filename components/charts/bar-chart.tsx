// A bar chart drawn on the server as SVG: no client JavaScript. The scale is a
// "nice" linear one (ticks at 1, 2 or 5 × 10^n), bars carry a <title> for the
// exact figure on hover, and the figures are also given as a visually hidden
// list, so a screen reader gets the numbers rather than the shapes.
import { niceScale } from "@/lib/reports/scale";
import { formatMoney } from "@/lib/money";

export interface Bar {
  label: string;
  cents: number;
  /** Where the bar leads (a drill-down), if anywhere. */
  href?: string;
}

const WIDTH = 640;
const PLOT_LEFT = 64;
const PLOT_TOP = 8;
const PLOT_BOTTOM = 28;

export function BarChart({ bars, title, currency = "USD", height = 200, testId }: { bars: readonly Bar[]; title: string; currency?: string; height?: number; testId?: string }) {
  if (bars.length === 0) {
    return (
      <p className="text-sm text-muted" data-testid={testId ? `${testId}-empty` : undefined}>
        Nothing to draw yet: {title.toLowerCase()} shows once there are billed lines.
      </p>
    );
  }
  const plotHeight = height - PLOT_TOP - PLOT_BOTTOM;
  const plotWidth = WIDTH - PLOT_LEFT - 8;
  const min = Math.min(0, ...bars.map((b) => b.cents));
  const max = Math.max(0, ...bars.map((b) => b.cents));
  const scale = niceScale(min, max, 4);
  const y = (cents: number) => PLOT_TOP + plotHeight - ((cents - scale.min) / (scale.max - scale.min || 1)) * plotHeight;
  const slot = plotWidth / bars.length;
  const barWidth = Math.max(2, Math.min(48, slot * 0.7));
  // Every label when they fit, otherwise every n-th.
  const labelEvery = Math.max(1, Math.ceil(bars.length / Math.floor(plotWidth / 56)));
  const compact = (cents: number) => formatMoney(cents, currency, { compact: true });
  return (
    <figure className="grid gap-1" data-testid={testId}>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={title} className="h-auto w-full max-w-full text-muted">
        <title>{title}</title>
        {scale.ticks.map((t) => (
          <g key={t}>
            <line x1={PLOT_LEFT} x2={WIDTH - 8} y1={y(t)} y2={y(t)} stroke="currentColor" strokeOpacity={t === 0 ? 0.6 : 0.15} />
            <text x={PLOT_LEFT - 6} y={y(t)} dy="0.32em" textAnchor="end" fontSize="11" fill="currentColor">
              {compact(t)}
            </text>
          </g>
        ))}
        {bars.map((b, i) => {
          const x = PLOT_LEFT + i * slot + (slot - barWidth) / 2;
          const top = y(Math.max(0, b.cents));
          const h = Math.max(b.cents === 0 ? 0 : 1, Math.abs(y(b.cents) - y(0)));
          const rect = (
            <rect x={x} y={top} width={barWidth} height={h} rx={2} className={b.cents < 0 ? "fill-red-500" : "fill-brand-600"} data-bar={b.label}>
              <title>{`${b.label}: ${formatMoney(b.cents, currency)}`}</title>
            </rect>
          );
          return (
            <g key={`${b.label}-${i}`}>
              {b.href ? <a href={b.href}>{rect}</a> : rect}
              {i % labelEvery === 0 ? (
                <text x={x + barWidth / 2} y={height - 10} textAnchor="middle" fontSize="11" fill="currentColor">
                  {b.label.length > 10 ? `${b.label.slice(0, 9)}…` : b.label}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption className="sr-only">
        <ul>
          {bars.map((b, i) => (
            <li key={`${b.label}-${i}`}>
              {b.label}: {formatMoney(b.cents, currency)}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
