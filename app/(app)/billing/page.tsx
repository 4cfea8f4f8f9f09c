import type { Metadata } from 'next';
import Link from 'next/link';
import { storageBytes } from '@/db/queries/files';
import { seatsTaken } from '@/db/queries/members';
import { countProjects } from '@/db/queries/projects';
import { withTenantRead } from '@/db/tenant';
import { hasPermission } from '@/lib/auth/tenant-context';
import { requirePagePermission, requireTenantPage } from '@/lib/auth/session';
import { orgLimits } from '@/lib/billing/limits';
import { PLAN_LABEL, PLAN_LIMITS, type PlanLimits } from '@/lib/billing/plans';
import { billingProvider } from '@/lib/billing/provider';
import { formatBytes } from '@/lib/usage/format';

export const metadata: Metadata = { title: 'Plan and limits' };

const limitText = (n: number | null, unit: (n: number) => string) => (n === null ? 'No limit' : unit(n));

/** The plan, its limits and what is used of them. Read-only: no billing integration is configured (docs/billing.md). */
export default async function BillingPage() {
  const ctx = await requireTenantPage();
  requirePagePermission(ctx, 'org:settings:manage');
  const now = new Date();
  const { limits, seats, projects, bytes } = await withTenantRead(ctx, async (tx) => ({
    limits: await orgLimits(tx, ctx.orgId),
    seats: await seatsTaken(tx, ctx.orgId, now),
    projects: await countProjects(tx, ctx.orgId),
    bytes: (await storageBytes(tx, ctx.orgId)).total,
  }));
  const provider = billingProvider();
  const rows: { label: string; used: string; limit: string }[] = [
    { label: 'Users (members and open invitations)', used: String(seats.members + seats.invited), limit: limitText(limits.users, String) },
    { label: 'Projects (not archived)', used: String(projects), limit: limitText(limits.projects, String) },
    { label: 'File storage (photos and documents)', used: formatBytes(bytes), limit: limitText(limits.storageBytes, formatBytes) },
  ];
  const tiers = Object.entries(PLAN_LIMITS) as [keyof typeof PLAN_LIMITS, PlanLimits][];

  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <div>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Plan and limits</h1>
        <p className="mt-1 text-sm text-slate-600">
          Your plan: <strong data-testid="plan-name">{PLAN_LABEL[limits.tier]}</strong>.{' '}
          <Link href="/usage" className="font-medium text-brand-700 underline">
            Usage over time
          </Link>
        </p>
      </div>
      <table className="w-full overflow-hidden rounded-lg border border-slate-200 bg-white text-left text-sm">
        <caption className="sr-only">What your plan allows and what is used</caption>
        <thead className="bg-slate-50 text-slate-700">
          <tr>
            <th scope="col" className="p-3">Limit</th>
            <th scope="col" className="p-3">Used</th>
            <th scope="col" className="p-3">Allowed</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row" className="p-3 font-medium text-slate-900">{r.label}</th>
              <td className="p-3 tabular-nums">{r.used}</td>
              <td className="p-3 tabular-nums">{r.limit}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <section aria-labelledby="plans-heading">
        <h2 id="plans-heading" className="text-lg font-semibold text-slate-900">Plans</h2>
        <ul className="mt-3 grid gap-3 sm:grid-cols-3">
          {tiers.map(([tier, l]) => (
            <li key={tier} className={`rounded-lg border bg-white p-4 text-sm ${tier === limits.tier ? 'border-brand-600 ring-1 ring-brand-600' : 'border-slate-200'}`}>
              <p className="font-semibold text-slate-900">
                {PLAN_LABEL[tier]}
                {tier === limits.tier ? <span className="ml-2 text-xs font-normal text-brand-700">(current)</span> : null}
              </p>
              <p className="mt-1 text-slate-700">{limitText(l.users, (n) => `${n} users`)}</p>
              <p className="text-slate-700">{limitText(l.projects, (n) => `${n} projects`)}</p>
              <p className="text-slate-700">{limitText(l.storageBytes, (n) => `${formatBytes(n)} storage`)}</p>
            </li>
          ))}
        </ul>
        <p className="mt-3 text-sm text-slate-600" role="note">
          {provider
            ? `Billing is handled by ${provider.name}.`
            : hasPermission(ctx, 'org:billing:manage')
              ? 'Plan changes are made by your account manager: no billing integration is configured on this server.'
              : 'Only an owner can change the plan.'}
        </p>
      </section>
    </div>
  );
}
