import 'server-only';
import { PublicError } from '@/lib/api/errors';
import { LOCAL_PUBLISHABLE_KEY } from '@/lib/auth/local-keys';
import { env } from '@/lib/env';

/** Clerk mode: Clerk keys and no AUTH_MODE=local (a server with neither refuses to start, lib/auth/startup-check.ts). */
export function clerkManagesMembers(): boolean {
  const key = env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY;
  return env.AUTH_MODE !== 'local' && Boolean(key) && key !== LOCAL_PUBLISHABLE_KEY;
}

/**
 * In Clerk mode Clerk owns memberships (its <OrganizationProfile> and the
 * webhook sync, docs/members.md): a local change would be overwritten by the
 * next webhook, so our own member actions refuse.
 */
export function assertLocalMembers(): void {
  if (clerkManagesMembers()) throw PublicError.conflict('Members are managed in Clerk: use the Clerk panel on the Members page.');
}
