import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ComplianceCalendar } from '@/components/obligations/compliance-calendar';
import { requireTenantPage } from '@/lib/auth/session';
import { loadCalendar } from './load-calendar';

export const metadata: Metadata = { title: 'Compliance calendar' };

/** Every project's obligations: overdue, due today, upcoming, met late, met on time (stored rows only). */
export default async function CalendarPage() {
  const ctx = await requireTenantPage();
  const now = new Date();
  const data = await loadCalendar(ctx, undefined, now);
  if (!data) notFound();
  return (
    <div className="mx-auto max-w-5xl">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">Compliance calendar</h1>
      <ComplianceCalendar data={data} now={now} />
    </div>
  );
}
