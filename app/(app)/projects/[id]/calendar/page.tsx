import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ComplianceCalendar } from '@/components/obligations/compliance-calendar';
import { requireTenantPage } from '@/lib/auth/session';
import { loadCalendar } from '../../../calendar/load-calendar';

export const metadata: Metadata = { title: 'Project compliance calendar' };

/** One project's obligations; a missing, malformed or another tenant's id is the same 404. */
export default async function ProjectCalendarPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireTenantPage();
  const { id } = await params;
  const now = new Date();
  const data = await loadCalendar(ctx, id, now);
  if (!data?.project) notFound();
  return (
    <div className="mx-auto max-w-5xl">
      <p className="text-sm">
        <Link href={`/projects/${data.project.id}`} className="font-medium text-brand-700 underline">
          ← {data.project.name}
        </Link>
      </p>
      <h1 className="mt-1 text-2xl font-bold tracking-tight text-slate-900">Compliance calendar: {data.project.name}</h1>
      <ComplianceCalendar data={data} now={now} />
    </div>
  );
}
