import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requireTenantPage } from '@/lib/auth/session';
import { env } from '@/lib/env';
import { formatDateTime } from '@/lib/format/when';
import { listOutbox } from '@/lib/reminders/mailer';

export const metadata: Metadata = { title: 'Mail outbox (development)' };

/**
 * Development only (404 in production): the mails the embedded default wrote
 * to the local outbox instead of sending them (no SMTP_URL), for the current
 * organization only — the outbox keeps one folder per organization.
 */
export default async function OutboxPage() {
  if (env.NODE_ENV === 'production') notFound();
  const ctx = await requireTenantPage();
  const mails = await listOutbox(ctx.orgId);
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">Mail outbox</h1>
      <p className="mt-1 text-sm text-slate-600">
        Development only. Without <code>SMTP_URL</code> reminder emails are written to <code>{env.OUTBOX_DIR}</code> instead of being sent. Times in UTC.
      </p>
      {mails.length === 0 ? (
        <p className="mt-6 rounded-lg border border-dashed border-slate-300 p-6 text-center text-slate-600">No mail for this organization yet.</p>
      ) : (
        <ul className="mt-6 space-y-3" aria-label="Mails">
          {mails.map((m) => (
            <li key={m.file} className="rounded-lg border border-slate-200 bg-white p-4">
              <p className="font-medium text-slate-900">{m.subject}</p>
              <p className="text-sm text-slate-600">
                To {m.to} · {formatDateTime(new Date(m.sentAt), 'UTC')} · {m.file}
              </p>
              <pre className="mt-2 overflow-x-auto text-sm whitespace-pre-wrap text-slate-800">{m.text}</pre>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
