import { OrganizationProfile } from '@clerk/nextjs';
import type { Metadata } from 'next';
import Link from 'next/link';
import { listMemberRows, listOpenInvitations, seatsTaken } from '@/db/queries/members';
import { withTenantRead } from '@/db/tenant';
import { requirePagePermission, requireTenantPage } from '@/lib/auth/session';
import { orgLimits } from '@/lib/billing/limits';
import { formatDateTime } from '@/lib/format/when';
import { clerkManagesMembers } from '@/lib/members/local-only';
import { canInviteAs } from '@/lib/members/rules';
import { ROLES } from '@/lib/rbac/permissions';
import { getComplianceSettings } from '@/db/queries/compliance-settings';
import { changeMemberRoleAction } from './actions/change-member-role';
import { inviteMemberAction } from './actions/invite-member';
import { removeMemberAction } from './actions/remove-member';
import { revokeInvitationAction } from './actions/revoke-invitation';
import { InviteForm } from './_components/invite-form';
import { MemberControls, RevokeInvitation } from './_components/member-controls';

export const metadata: Metadata = { title: 'Members' };

const ROLE_LABEL: Record<string, string> = {
  owner: 'Owner',
  admin: 'Admin',
  superintendent: 'Superintendent',
  inspector: 'Inspector',
  crew: 'Crew',
  viewer: 'Viewer',
};

/**
 * Members and roles (docs/members.md). Clerk mode: Clerk's own members UI,
 * our tables follow through the webhook. Local mode: our list, invitation
 * links, role changes and removal — each effective at the member's next write.
 */
export default async function MembersPage() {
  const ctx = await requireTenantPage();
  requirePagePermission(ctx, 'org:members:manage');

  if (clerkManagesMembers()) {
    return (
      <div className="mx-auto max-w-4xl space-y-4">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Members and roles</h1>
        <p className="text-sm text-slate-600">Invitations, roles and removals are made in Clerk; this app follows within seconds (webhook sync).</p>
        <OrganizationProfile routing="hash" />
      </div>
    );
  }

  const now = new Date();
  const { members, invitations, seats, limits, timeZone } = await withTenantRead(ctx, async (tx) => ({
    members: await listMemberRows(tx, ctx.orgId),
    invitations: await listOpenInvitations(tx, ctx.orgId, now),
    seats: await seatsTaken(tx, ctx.orgId, now),
    limits: await orgLimits(tx, ctx.orgId),
    timeZone: (await getComplianceSettings(tx, ctx.orgId))?.timezone ?? 'UTC',
  }));
  const assignable = ROLES.filter((r) => canInviteAs(ctx.role, r)).map((r) => ({ value: r, label: ROLE_LABEL[r]! }));
  const used = seats.members + seats.invited;

  return (
    <div className="mx-auto max-w-4xl space-y-8">
      <div>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Members and roles</h1>
        <p className="mt-1 text-sm text-slate-600" data-testid="seat-usage">
          {limits.users === null ? `${used} users (no limit on your plan).` : `${used} of ${limits.users} users on your plan (members and open invitations).`}{' '}
          <Link href="/billing" className="font-medium text-brand-700 underline">
            Plan and limits
          </Link>
        </p>
      </div>

      <section aria-labelledby="invite-heading" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
        <h2 id="invite-heading" className="mb-3 text-lg font-semibold text-slate-900">
          Invite a member
        </h2>
        <InviteForm action={inviteMemberAction} roles={assignable} />
      </section>

      <section aria-labelledby="members-heading">
        <h2 id="members-heading" className="text-lg font-semibold text-slate-900">
          Members ({members.length})
        </h2>
        <ul className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" aria-label="Members">
          {members.map((m) => (
            <li key={m.id} className="flex flex-wrap items-center justify-between gap-3 p-3" data-testid="member-row">
              <div className="min-w-0">
                <p className="font-medium text-slate-900">
                  {m.name}
                  {m.userId === ctx.userId ? <span className="font-normal text-slate-600"> (you)</span> : null}
                </p>
                <p className="text-sm break-all text-slate-600">
                  {m.email ?? m.userId} · {ROLE_LABEL[m.role]}
                </p>
              </div>
              {m.userId === ctx.userId || (m.role === 'owner' && ctx.role !== 'owner') ? null : (
                <MemberControls membershipId={m.id} name={m.name} role={m.role} roles={assignable} changeRole={changeMemberRoleAction} remove={removeMemberAction} />
              )}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="invitations-heading">
        <h2 id="invitations-heading" className="text-lg font-semibold text-slate-900">
          Open invitations ({invitations.length})
        </h2>
        {invitations.length ? (
          <ul className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" aria-label="Open invitations">
            {invitations.map((i) => (
              <li key={i.id} className="flex flex-wrap items-center justify-between gap-3 p-3">
                <div className="min-w-0">
                  <p className="font-medium break-all text-slate-900">{i.email}</p>
                  <p className="text-sm text-slate-600">
                    {ROLE_LABEL[i.role]} · expires {formatDateTime(i.expiresAt, timeZone)}
                  </p>
                </div>
                <RevokeInvitation invitationId={i.id} email={i.email} revoke={revokeInvitationAction} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-3 rounded-lg border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-600">No open invitations.</p>
        )}
      </section>
    </div>
  );
}
