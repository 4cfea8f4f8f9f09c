import Link from 'next/link';

const TONES = {
  danger: 'border-red-300 bg-red-50 text-red-900',
  warning: 'border-amber-300 bg-amber-50 text-amber-900',
  neutral: 'border-slate-200 bg-white text-slate-900',
} as const;

/** One number that needs attention, linking to the list behind it. */
export function StatCard({
  label,
  value,
  detail,
  href,
  tone,
}: {
  label: string;
  /** A count, or a capped one ("99+"). */
  value: number | string;
  detail?: string;
  href: string;
  tone: keyof typeof TONES;
}) {
  return (
    <Link
      href={href}
      className={`block rounded-lg border p-4 shadow-sm hover:border-brand-600 ${value !== 0 ? TONES[tone] : TONES.neutral}`}
      data-testid={`stat-${label}`}
    >
      <p className="text-3xl font-bold tabular-nums">{value}</p>
      <p className="mt-1 text-sm font-medium">{label}</p>
      {detail ? <p className="mt-0.5 text-xs opacity-80">{detail}</p> : null}
    </Link>
  );
}
