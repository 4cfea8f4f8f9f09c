import type { Metadata } from 'next';
import { IdentityPage } from '@/components/auth/identity-page';
import { AcceptInvitationForm } from '@/components/auth/accept-invitation-form';
import { isLocalAuth } from '@/lib/auth/auth-provider';
import { currentUserId } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Join an organization', robots: { index: false } };
export const dynamic = 'force-dynamic';

/**
 * Local mode: the invitation link's landing page. Nothing about the
 * invitation is shown before it is accepted (the page can't tell a valid
 * token from a guess without looking it up, and a lookup here would make it an
 * oracle); accepting checks the token and answers one message for every
 * unusable link.
 */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const signedIn = Boolean(await currentUserId());
  return (
    <IdentityPage
      title="Join your team"
      intro={signedIn ? 'Accept the invitation to add this organization to your account.' : 'You were invited to a company account. Tell us your name to join.'}
    >
      {isLocalAuth() ? (
        <AcceptInvitationForm token={decodeURIComponent(token).slice(0, 200)} signedIn={signedIn} />
      ) : (
        <p className="text-sm text-slate-700">Invitations on this server are sent by email through Clerk: open the link in that email.</p>
      )}
    </IdentityPage>
  );
}
