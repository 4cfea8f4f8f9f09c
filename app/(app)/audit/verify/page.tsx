import type { Metadata } from 'next';
import { AuditSubpage } from '../_components/audit-subpage';
import { forbidden } from 'next/navigation';
import { orgTimeZone } from '@/db/queries/dashboard';
import { withTenantRead } from '@/db/tenant';
import { hasPermission } from '@/lib/auth/tenant-context';
import { requireTenantPage } from '@/lib/auth/session';
import { verifyAuditChain, type ChainBreak } from '@/lib/audit/verify-chain';
import { formatDateTime } from '@/lib/format/when';

export const metadata: Metadata = { title: 'Verify the audit trail' };

const REASONS: Record<ChainBreak, string> = {
  content_changed: 'this entry was changed after it was written: its content no longer matches its hash',
  link_broken: 'this entry no longer points at the entry before it: the entry before it was changed or replaced',
  row_missing: 'an entry before this one was removed',
};

/**
 * Owners and admins check that nobody has edited or removed an entry of the
 * audit log since it was written (the hash chain of drizzle/0014_audit_hash_chain.sql).
 * The walk reads the whole log, so it runs only when asked (?run=1).
 */
export default async function VerifyAuditPage({ searchParams }: { searchParams: Promise<{ run?: string | string[] }> }) {
  const ctx = await requireTenantPage();
  if (!hasPermission(ctx, 'org:audit:read')) forbidden();
  const run = (await searchParams).run === '1';
  const { report, timeZone } = await withTenantRead(ctx, async (tx) => ({
    timeZone: await orgTimeZone(tx, ctx.orgId),
    report: run ? await verifyAuditChain(tx, ctx.orgId) : null,
  }));

  return (
    <AuditSubpage title="Verify the audit trail">
      <p className="mt-2 text-sm text-slate-700">
        Every entry of the audit log stores a SHA-256 hash of its content and of the entry before it, computed by the
        database when the entry is written. Editing, replacing or removing any entry breaks the chain from that entry
        on. Verification recomputes every hash from the first entry and names the first one that does not match.
      </p>
      <form method="get" action="/audit/verify" className="mt-4">
        <input type="hidden" name="run" value="1" />
        <button
          type="submit"
          className="min-h-12 rounded-md bg-blue-700 px-5 text-base font-semibold text-white hover:bg-blue-800 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-700"
        >
          {report ? 'Verify again' : 'Verify now'}
        </button>
      </form>

      {report ? (
        <section aria-labelledby="result" aria-live="polite" className="mt-6">
          <h2 id="result" className="sr-only">
            Result
          </h2>
          {report.ok ? (
            <div className="rounded-lg border border-green-700 bg-green-50 p-4 text-green-900">
              <p className="text-base font-semibold">Intact: {report.checked.toLocaleString('en-US')} entries verified.</p>
              {report.head ? (
                <p className="mt-2 text-sm">
                  Latest entry #{report.head.chainSeq}, hash{' '}
                  <code className="font-mono break-all">{report.head.rowHash}</code>. Keep this hash somewhere outside
                  the app (a printed report, an email): if the log is ever cut short, the entry it names will be missing.
                </p>
              ) : (
                <p className="mt-2 text-sm">The log has no entries yet.</p>
              )}
            </div>
          ) : (
            <div role="alert" className="rounded-lg border border-red-700 bg-red-50 p-4 text-red-900">
              <p className="text-base font-semibold">Broken at entry #{report.firstBreak!.expectedSeq}.</p>
              <p className="mt-2 text-sm">
                Entry #{report.firstBreak!.chainSeq} of {formatDateTime(report.firstBreak!.createdAt, timeZone)}:{' '}
                {REASONS[report.firstBreak!.reason]}. The {report.checked - 1} entries before it are intact.
              </p>
            </div>
          )}
        </section>
      ) : null}
    </AuditSubpage>
  );
}
