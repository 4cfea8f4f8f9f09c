interface Bar {
  /** Axis label under the bar (short). */
  label: string;
  /** Full label for the data table and screen readers. */
  longLabel?: string;
  value: number;
}

export interface BarChartProps {
  /** What the chart shows, e.g. "Open corrective actions by age"; also the table caption. */
  title: string;
  bars: Bar[];
  /** Formats a value for labels and the table ("3", "0.45 in"). */
  format?: (v: number) => string;
  /** Column header of the values in the data table. */
  valueHeader: string;
  /** Show every n-th axis label, counted back from the last bar (dense charts on a phone). */
  labelEvery?: number;
  /** Tailwind fill class of the bars. */
  barClass?: string;
}

const W = 320;
const H = 160;
const PAD = { top: 18, right: 4, bottom: 24, left: 4 };

/**
 * A small bar chart as inline SVG, rendered on the server (no chart library,
 * no client JavaScript). Screen readers get role="img" with a summary, and
 * the exact numbers in a visually hidden table.
 */
export function BarChart({
  title,
  bars,
  format = String,
  valueHeader,
  labelEvery = 1,
  barClass = 'fill-brand-600',
}: BarChartProps) {
  const max = Math.max(...bars.map((b) => b.value), 0);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(bars.length, 1);
  const barW = Math.max(2, Math.min(48, slot * 0.7));
  const summary = `${title}: ${bars.map((b) => `${b.longLabel ?? b.label} ${format(b.value)}`).join(', ')}.`;

  return (
    <figure className="m-0">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={summary}
        className="h-auto w-full"
        preserveAspectRatio="xMidYMid meet"
      >
        <line
          x1={PAD.left}
          x2={W - PAD.right}
          y1={H - PAD.bottom}
          y2={H - PAD.bottom}
          className="stroke-slate-300"
          strokeWidth={1}
        />
        {bars.map((b, i) => {
          const h = max > 0 ? (b.value / max) * plotH : 0;
          const x = PAD.left + i * slot + (slot - barW) / 2;
          const y = H - PAD.bottom - h;
          return (
            <g key={`${b.label}-${i}`}>
              {b.value > 0 ? (
                <rect x={x} y={y} width={barW} height={Math.max(h, 1.5)} rx={2} className={barClass} />
              ) : null}
              {b.value > 0 && (bars.length <= 8 || b.value === max) ? (
                <text
                  x={x + barW / 2}
                  y={y - 4}
                  textAnchor="middle"
                  className="fill-slate-700 text-[11px] font-semibold"
                >
                  {format(b.value)}
                </text>
              ) : null}
              {(bars.length - 1 - i) % labelEvery === 0 ? (
                <text x={x + barW / 2} y={H - 8} textAnchor="middle" className="fill-slate-600 text-[10px]">
                  {b.label}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <table className="sr-only">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{bars[0]?.longLabel ? 'Day' : 'Group'}</th>
            <th scope="col">{valueHeader}</th>
          </tr>
        </thead>
        <tbody>
          {bars.map((b, i) => (
            <tr key={`${b.label}-${i}`}>
              <th scope="row">{b.longLabel ?? b.label}</th>
              <td>{format(b.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
