import { cookies } from 'next/headers';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { isPublicError } from '@/lib/api/errors';
import { formatDateTime } from '@/lib/format/when';
import { readTenantForSupport } from '@/lib/support/break-glass';
import { readSupportSession, SUPPORT_COOKIE } from '@/lib/support/staff';

/** A customer's data, read-only, while this staff member's grant runs; every view is audited in their log. */
export default async function SupportOrgPage({ params }: { params: Promise<{ orgId: string }> }) {
  const staff = readSupportSession((await cookies()).get(SUPPORT_COOKIE)?.value);
  if (!staff) redirect('/internal');
  const { orgId } = await params;
  let data: Awaited<ReturnType<typeof readTenantForSupport>>;
  try {
    data = await readTenantForSupport(staff, decodeURIComponent(orgId));
  } catch (error) {
    if (!isPublicError(error)) throw error;
    return (
      <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-4 text-red-900">
        <p className="font-semibold">{error.message}</p>
        <Link href="/internal" className="mt-2 inline-block font-semibold underline">Request a grant</Link>
      </div>
    );
  }
  const tz = 'UTC';
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold text-slate-900">{data.organization?.name ?? orgId}</h1>
      <p className="rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950">
        Grant until {formatDateTime(data.grant.expiresAt, tz)} — “{data.grant.reason}”. This view was recorded in the
        customer&apos;s audit log.
      </p>
      <section aria-labelledby="support-projects">
        <h2 id="support-projects" className="text-lg font-semibold text-slate-900">Projects</h2>
        <ul className="mt-2 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {data.projects.map((p) => (
            <li key={p.id} className="px-4 py-3 text-sm text-slate-800">{p.name} — {p.status}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="support-audit">
        <h2 id="support-audit" className="text-lg font-semibold text-slate-900">Latest audit entries</h2>
        <ul className="mt-2 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {data.audit.map((a) => (
            <li key={a.id} className="px-4 py-3 text-sm text-slate-800">
              {formatDateTime(a.createdAt, tz)} · {a.actorUserId} · {a.action} {a.entityType}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
