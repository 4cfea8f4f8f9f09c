import type { RainInspectionDay } from '@/lib/compliance/calendar-data';
import { formatDay } from '@/lib/format/when';

const W = 320;
const H = 190;
const PAD = { top: 16, right: 4, bottom: 54, left: 4 };
/** The strip under the axis where each day's inspections are drawn. */
const STRIP_Y = H - 36;

/** "Nov 2" from a local date, without a zone conversion (the date is already the site's). */
function shortDay(date: string): string {
  return formatDay(new Date(`${date}T12:00:00Z`), 'UTC', new Date(`${date}T12:00:00Z`));
}

/**
 * Rain per day (bars) against inspections done per day (dots under the axis),
 * as inline SVG rendered on the server: a storm with no dot in the next day
 * is the gap an auditor looks for. The dashed line is the storm threshold.
 * Screen readers get a summary and the numbers in a visually hidden table.
 */
export function RainInspectionsChart({
  title,
  days,
  thresholdInches = 0.25,
  labelEvery = 7,
}: {
  title: string;
  days: RainInspectionDay[];
  thresholdInches?: number;
  labelEvery?: number;
}) {
  const max = Math.max(thresholdInches * 1.2, ...days.map((d) => d.inches));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(days.length, 1);
  const barW = Math.max(2, Math.min(24, slot * 0.7));
  const base = H - PAD.bottom;
  const thresholdY = base - (thresholdInches / max) * plotH;
  const rainy = days.filter((d) => d.inches > 0);
  const inspected = days.filter((d) => d.inspections > 0);
  const summary =
    `${title}: ${rainy.length ? rainy.map((d) => `${shortDay(d.date)} ${d.inches.toFixed(2)} in`).join(', ') : 'no rain'}; ` +
    `inspections ${inspected.length ? inspected.map((d) => `${shortDay(d.date)} ${d.inspections}`).join(', ') : 'none'}.`;

  return (
    <figure className="m-0">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary} className="h-auto w-full">
        <line x1={PAD.left} x2={W - PAD.right} y1={base} y2={base} className="stroke-slate-300" strokeWidth={1} />
        <line
          x1={PAD.left}
          x2={W - PAD.right}
          y1={thresholdY}
          y2={thresholdY}
          className="stroke-amber-600"
          strokeWidth={1}
          strokeDasharray="4 3"
        />
        <text x={W - PAD.right} y={thresholdY - 3} textAnchor="end" className="fill-amber-800 text-[9px]">
          storm {thresholdInches.toFixed(2)} in
        </text>
        {days.map((d, i) => {
          const x = PAD.left + i * slot + (slot - barW) / 2;
          const h = (d.inches / max) * plotH;
          return (
            <g key={d.date}>
              {d.inches > 0 ? (
                <rect x={x} y={base - h} width={barW} height={Math.max(h, 1.5)} rx={1.5} className="fill-sky-600" />
              ) : null}
              {d.inspections > 0 ? (
                <>
                  <circle cx={x + barW / 2} cy={STRIP_Y} r={Math.min(5, slot / 2)} className="fill-emerald-600" />
                  {d.inspections > 1 ? (
                    <text x={x + barW / 2} y={STRIP_Y - 7} textAnchor="middle" className="fill-emerald-800 text-[8px]">
                      {d.inspections}
                    </text>
                  ) : null}
                </>
              ) : null}
              {(days.length - 1 - i) % labelEvery === 0 ? (
                <text x={x + barW / 2} y={H - 14} textAnchor="middle" className="fill-slate-600 text-[10px]">
                  {shortDay(d.date)}
                </text>
              ) : null}
            </g>
          );
        })}
        <text x={PAD.left} y={H - 2} className="fill-slate-700 text-[9px]">
          ■ rain (in) · ● inspections done
        </text>
      </svg>
      <table className="sr-only">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Rain (inches)</th>
            <th scope="col">Inspections</th>
          </tr>
        </thead>
        <tbody>
          {days.map((d) => (
            <tr key={d.date}>
              <th scope="row">{shortDay(d.date)}</th>
              <td>{d.inches.toFixed(2)}</td>
              <td>{d.inspections}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
