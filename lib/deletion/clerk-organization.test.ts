/**
 * The Clerk side of an organization's deletion (lib/deletion/clerk-organization.ts): in Clerk mode
 * the Backend API deletes the organization, a 404 counts as done (a rerun after a crash), any other
 * failure is thrown so the job stays "deleting" and retries; local mode calls nothing.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ClerkAPIResponseError } from '@clerk/nextjs/errors';

const deleteOrganization = vi.fn();
let local: boolean | 'unconfigured' = false;
vi.mock('@clerk/nextjs/server', () => ({ clerkClient: async () => ({ organizations: { deleteOrganization } }) }));
vi.mock('@/lib/auth/auth-provider', async () => {
  const { AuthConfigError } = await import('@/lib/auth/config');
  return {
    isLocalAuth: () => {
      if (local === 'unconfigured') throw new AuthConfigError('not configured');
      return local;
    },
  };
});

const { deleteClerkOrganization } = await import('./clerk-organization');
const apiError = (status: number) => new ClerkAPIResponseError('clerk', { data: [], status });

beforeEach(() => {
  deleteOrganization.mockReset();
  local = false;
});

describe('deleteClerkOrganization', () => {
  it('Clerk mode: deletes the organization by its id', async () => {
    deleteOrganization.mockResolvedValue({});
    expect(await deleteClerkOrganization('org_2acme')).toBe('deleted');
    expect(deleteOrganization).toHaveBeenCalledWith('org_2acme');
  });

  it('a 404 (already gone) is done; a 500 is thrown so the job retries', async () => {
    deleteOrganization.mockRejectedValueOnce(apiError(404));
    expect(await deleteClerkOrganization('org_2acme')).toBe('absent');
    deleteOrganization.mockRejectedValueOnce(apiError(500));
    await expect(deleteClerkOrganization('org_2acme')).rejects.toThrow();
  });

  it('local mode: no call to Clerk', async () => {
    local = true;
    expect(await deleteClerkOrganization('org_2acme')).toBe('local');
    expect(deleteOrganization).not.toHaveBeenCalled();
  });

  it('no auth configuration in the process: no call, said in the outcome', async () => {
    local = 'unconfigured';
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await deleteClerkOrganization('org_2acme')).toBe('unconfigured');
    expect(deleteOrganization).not.toHaveBeenCalled();
  });
});
