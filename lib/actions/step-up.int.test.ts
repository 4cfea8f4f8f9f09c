/**
 * Step-up verification (lib/auth/step-up.ts, docs/auth.md): every sensitive
 * action refuses a session without a second factor verified in the last 10
 * minutes, and then writes nothing (no row, no audit entry); the same call
 * passes once the factor is fresh. The control is the same action without the
 * option, which the stale session can call: the refusal is the step-up check.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { inspectorLinks, projects } from '@/db/schema';
import { actAs } from '@/tests/support/auth-mock';
import { acme, auditCount, form, inOrg, REQUEST_HEADERS, seedOrgs } from '@/app/(app)/projects/_test/support';
import { endpointMeta } from '@/lib/endpoints/registry';

vi.mock('@clerk/nextjs/server', () => import('@/tests/support/auth-mock'));
vi.mock('next/cache', () => import('@/tests/support/next-cache-mock'));
vi.mock('next/headers', () => ({ headers: async () => new Headers({ ...REQUEST_HEADERS, host: 'brave.test' }) }));

const { createInspectorLinkAction } = await import('@/app/(app)/projects/[id]/inspector-links/actions/create-inspector-link');
const { updateSecuritySettingsAction } = await import('@/app/(app)/security/actions/update-security-settings');
const { setCloseOutPhotoRuleAction } = await import('@/app/(app)/violations/actions/set-close-out-photo-rule');
const { tenantAction, STEP_UP_MESSAGE } = await import('./tenant-action');

const owner = (stepUp: 'fresh' | 'none' | 'stale') =>
  actAs({ userId: 'user_acme_owner', orgId: acme.id, orgSlug: acme.slug, role: 'owner', stepUp });
const REFUSED = { ok: false, formError: STEP_UP_MESSAGE, stepUp: true };

let projectId = '';
beforeAll(async () => {
  await seedOrgs();
  projectId = (await inOrg(acme, (tx) => tx.select({ id: projects.id }).from(projects).where(eq(projects.organizationId, acme.id)).limit(1)))[0]!.id;
});

const linkCount = () => inOrg(acme, (tx) => tx.$count(inspectorLinks, eq(inspectorLinks.organizationId, acme.id)));

const SENSITIVE = [
  ['createInspectorLinkAction', () => createInspectorLinkAction(null, form({ projectId, label: 'Gate' }))],
  [
    'updateSecuritySettingsAction',
    () =>
      updateSecuritySettingsAction(
        null,
        form({
          breachAttemptThreshold: '5',
          breachAttemptWindowMinutes: '10',
          accessDeniedThreshold: '5',
          accessDeniedWindowMinutes: '10',
        }),
      ),
  ],
  ['setCloseOutPhotoRuleAction', () => setCloseOutPhotoRuleAction(null, form({ fixedRequiresPhoto: 'true' }))],
] as const;

describe('sensitive actions need a recent second factor', () => {
  it('each is declared step-up in the endpoint registry', () => {
    for (const fn of [createInspectorLinkAction, updateSecuritySettingsAction, setCloseOutPhotoRuleAction]) {
      expect(endpointMeta(fn)).toMatchObject({ kind: 'action', stepUp: true });
    }
  });

  it.each(SENSITIVE)('%s: refused with no second factor and with a stale one, writing nothing', async (_name, call) => {
    const before = { links: await linkCount(), audit: await auditCount(acme) };
    for (const state of ['none', 'stale'] as const) {
      owner(state);
      expect(await call()).toEqual(REFUSED);
    }
    expect({ links: await linkCount(), audit: await auditCount(acme) }).toEqual(before);
  });

  it.each(SENSITIVE)('%s: allowed, and audited, with a fresh second factor', async (_name, call) => {
    const audit = await auditCount(acme);
    owner('fresh');
    const result = await call();
    expect(result.ok).toBe(true);
    expect(await auditCount(acme)).toBeGreaterThan(audit);
  });

  it('control: the same kind of action without the option runs for the stale session', async () => {
    const plain = tenantAction('org:settings:manage', z.object({}), async () => 'ran');
    owner('stale');
    expect(await plain(null, {})).toEqual({ ok: true, data: 'ran' });
  });

  it('the role check still comes first: a crew member is refused for the role, not the factor', async () => {
    actAs({ userId: 'user_acme_crew', orgId: acme.id, orgSlug: acme.slug, role: 'crew', stepUp: 'fresh' });
    expect(await setCloseOutPhotoRuleAction(null, form({ fixedRequiresPhoto: 'true' }))).toEqual({
      ok: false,
      formError: 'You do not have permission to do that.',
    });
  });
});
