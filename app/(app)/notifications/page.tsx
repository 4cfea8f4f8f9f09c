import type { Metadata } from 'next';
import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { requireTenantPage } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/format/when';
import { loadNotifications } from './load-notifications';
import { MarkReadButton } from './_components/mark-read-button';
import { PreferencesForm } from './_components/preferences-form';

export const metadata: Metadata = { title: 'Reminders' };

/** The member's reminders (due soon, overdue) and which ones they want, in the app and by email. */
export default async function NotificationsPage() {
  const ctx = await requireTenantPage();
  const { items, preferences, timeZone } = await loadNotifications(ctx);
  const unread = items.filter((n) => !n.readAt).length;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold tracking-tight text-slate-900">Reminders</h1>
          <p className="mt-1 text-sm text-slate-600">
            Inspections and reports that are due within a day or overdue, at the sites of this organization. {unread} unread.
          </p>
        </div>
        {unread > 0 ? <MarkReadButton /> : null}
      </div>

      {items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-slate-600">No reminders. Nothing is due within a day.</p>
      ) : (
        <ul className="space-y-3" aria-label="Reminders">
          {items.map((n) => (
            <li key={n.id} className={`rounded-lg border p-4 ${n.readAt ? 'border-slate-200 bg-white' : 'border-brand-300 bg-brand-50'}`}>
              <p className="font-medium text-slate-900">
                {n.readAt ? null : <span className="sr-only">Unread: </span>}
                {n.stage === 'overdue' ? <span className="mr-2 rounded bg-red-100 px-1.5 py-0.5 text-xs font-semibold text-red-800">Overdue</span> : null}
                {n.title}
              </p>
              <p className="mt-1 text-sm text-slate-700">{n.body}</p>
              <p className="mt-2 flex flex-wrap gap-x-4 text-xs text-slate-600">
                <span>Sent {formatDateTime(n.createdAt, timeZone)}</span>
                {n.emailedAt ? <span>Emailed</span> : null}
                {n.projectId ? (
                  <Link href={`/projects/${n.projectId}`} className="font-medium text-brand-800 underline underline-offset-2">
                    Open the project
                  </Link>
                ) : null}
              </p>
            </li>
          ))}
        </ul>
      )}

      <Card title="Which reminders you get">
        <p id="prefs-heading" className="mb-3 text-sm text-slate-600">
          Your choices for this organization only.
        </p>
        <PreferencesForm initial={preferences} />
      </Card>
    </div>
  );
}
