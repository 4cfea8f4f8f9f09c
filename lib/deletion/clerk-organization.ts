import 'server-only';
import { clerkClient } from '@clerk/nextjs/server';
import { isClerkAPIResponseError } from '@clerk/nextjs/errors';
import { isLocalAuth } from '@/lib/auth/auth-provider';
import { AuthConfigError } from '@/lib/auth/config';

/**
 * Clerk mode: the company's Clerk organization goes with its data, so no member can pick it in
 * Clerk's switcher any more and no webhook can bring it back (the tombstone and clerk_sync_state
 * already mark its late events stale). The people's Clerk accounts are theirs and stay.
 * Local mode has no Clerk organization. A 404 is "already gone" (a rerun after a crash). A process
 * with no auth configuration at all (the integration tests' worker) can reach no Clerk: it says so
 * in the log and in the outcome, and deletes the data all the same.
 */
export async function deleteClerkOrganization(orgId: string): Promise<'deleted' | 'absent' | 'local' | 'unconfigured'> {
  try {
    if (isLocalAuth()) return 'local';
  } catch (error) {
    if (!(error instanceof AuthConfigError)) throw error;
    console.warn(`organization ${orgId}: no auth configuration in this process, so its Clerk organization (if any) was not deleted`);
    return 'unconfigured';
  }
  try {
    await (await clerkClient()).organizations.deleteOrganization(orgId);
    return 'deleted';
  } catch (error) {
    if (isClerkAPIResponseError(error) && error.status === 404) return 'absent';
    throw error;
  }
}
