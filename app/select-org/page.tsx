import { OrganizationList } from '@clerk/nextjs';
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { IdentityPage } from '@/components/auth/identity-page';
import { CreateOrganizationForm } from '@/components/auth/create-organization-form';
import { LocalOrgPicker } from '@/components/auth/local-org-picker';
import { listUserMemberships } from '@/db/queries/memberships';
import { withIdentityRead } from '@/db/tenant';
import { isLocalAuth } from '@/lib/auth/auth-provider';
import { signOutLocallyAction } from '@/lib/auth/local-actions';
import { currentTenant, currentUserId } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Choose an organization' };
export const dynamic = 'force-dynamic';

const REASONS: Record<string, string> = {
  inactive: 'That organization is not active, so its data is unavailable. Choose another organization or contact its owner.',
  role: 'Your role in that organization is not recognized. Ask an admin to give you one of the BrAve Forms roles.',
};

export default async function SelectOrgPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const userId = await currentUserId();
  if (!userId) redirect('/sign-in');
  const { reason } = await searchParams;
  const message = typeof reason === 'string' ? REASONS[reason] : undefined;
  const current = await currentTenant();
  const orgs = await withIdentityRead(userId, (tx) => listUserMemberships(tx, userId));

  return (
    <IdentityPage
      title="Choose an organization"
      intro={<>BrAve Forms works inside a company account; personal accounts have no data.</>}
    >
      {message ? (
        <p role="alert" className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
          {message}
        </p>
      ) : null}
      {isLocalAuth() ? (
        <>
          <LocalOrgPicker
            orgs={orgs.map((o) => ({ orgId: o.orgId, name: o.name, role: o.role, active: o.active }))}
            currentOrgId={current.ok ? current.ctx.orgId : null}
          />
          <CreateOrganizationForm />
          <form action={signOutLocallyAction}>
            <button type="submit" className="min-h-11 text-sm font-medium text-brand-700 underline">
              Sign out
            </button>
          </form>
        </>
      ) : (
        <OrganizationList hidePersonal afterSelectOrganizationUrl="/dashboard" afterCreateOrganizationUrl="/dashboard" />
      )}
    </IdentityPage>
  );
}
