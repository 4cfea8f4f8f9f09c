import Link from 'next/link';
import { OrganizationSwitcher, UserButton } from '@clerk/nextjs';
import { listUserMemberships } from '@/db/queries/memberships';
import { getUser } from '@/db/queries/users';
import { withIdentityRead } from '@/db/tenant';
import { isLocalAuth } from '@/lib/auth/auth-provider';
import { signOutLocallyAction } from '@/lib/auth/local-actions';
import type { TenantContext } from '@/lib/auth/tenant-context';
import { SignOutButton } from '@/components/offline/sign-out-button';
import { LocalOrgSwitcher } from './local-org-switcher';
import { ownerLinks } from './owner-links';

/**
 * Right side of the header: Clerk's switcher and user button in Clerk mode;
 * in local mode our own, fed from our tables (no clerkClient, no network).
 */
export async function AccountMenu({ ctx }: { ctx: TenantContext }) {
  const links = ownerLinks(ctx.permissions);
  if (!isLocalAuth()) {
    return (
      <div className="flex items-center gap-3">
        {links.length ? (
          <Link href="/settings" className="text-sm font-medium text-brand-700 underline">
            Settings
          </Link>
        ) : null}
        <OrganizationSwitcher hidePersonal afterSelectOrganizationUrl="/dashboard" afterLeaveOrganizationUrl="/select-org" />
        <UserButton />
      </div>
    );
  }

  // Issued together: pipelined on the transaction's connection (one flight, not two).
  const [user, orgs] = await withIdentityRead(ctx.userId, (tx) => Promise.all([getUser(tx, ctx.userId), listUserMemberships(tx, ctx.userId)]));
  const active = orgs.filter((o) => o.active);
  const current = active.find((o) => o.orgId === ctx.orgId) ?? { orgId: ctx.orgId, name: ctx.orgSlug ?? ctx.orgId, role: ctx.role };
  const name = user ? [user.firstName, user.lastName].filter(Boolean).join(' ') || user.email : ctx.userId;
  const initials = name
    .split(/\s+/)
    .slice(0, 2)
    .map((p) => p[0]?.toUpperCase())
    .join('');

  return (
    <div className="flex items-center gap-2">
      <LocalOrgSwitcher current={current} orgs={active} />
      <details className="relative">
        <summary
          className="flex size-11 cursor-pointer list-none items-center justify-center rounded-full bg-brand-100 text-sm font-semibold text-brand-800"
          // The visible initials start the name (WCAG 2.5.3, axe label-content-name-mismatch).
          aria-label={`${initials}, account menu for ${name}`}
        >
          <span aria-hidden="true">{initials}</span>
        </summary>
        <div className="absolute right-0 z-40 mt-1 w-56 rounded-md border border-slate-200 bg-white p-2 shadow-lg">
          <p className="px-2 py-1 text-sm font-medium text-slate-900" data-testid="signed-in-user">
            {name}
          </p>
          {user ? <p className="px-2 pb-1 text-xs text-slate-500">{user.email}</p> : null}
          {links.length ? (
            <ul className="my-1 border-y border-slate-100 py-1" aria-label="Account pages">
              {links.map((l) => (
                <li key={l.href}>
                  <Link href={l.href} className="flex min-h-11 items-center rounded px-2 text-sm text-slate-800 hover:bg-slate-100">
                    {l.label}
                  </Link>
                </li>
              ))}
            </ul>
          ) : null}
          <SignOutButton action={signOutLocallyAction} />
        </div>
      </details>
    </div>
  );
}
