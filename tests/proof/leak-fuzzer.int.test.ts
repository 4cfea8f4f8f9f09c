/**
 * Cross-tenant leak fuzzer: every registered endpoint, called as org B with
 * org A's ids and org id everywhere, must answer 404 / a form error, return no
 * byte of A's data, and change nothing of A's. Endpoints come from discovery
 * (tests/proof/endpoints.ts): a new action or route is covered the day it lands.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { actAs } from '@/tests/support/auth-mock';
import { testDatabase } from '@/tests/support/database';
import { discoverEndpoints, type Endpoint } from './endpoints';
import { probeEndpoint, type Finding } from './leak-probe';
import { buildWorld, fingerprint, type World } from './world';

vi.mock('@clerk/nextjs/server', async () => ({ ...(await import('@/tests/support/auth-mock')), clerkClient: () => ({}) }));
vi.mock('next/cache', () => import('@/tests/support/next-cache-mock'));

const { tenantRoute } = await import('@/lib/api/tenant-route');
const { tenantAction } = await import('@/lib/actions/tenant-action');

/**
 * Endpoints that take no id in a field or the path: probed with A's ids in the
 * query and A's org id everywhere, which is all they can be given.
 */
const NO_ID_FIELDS = [
  // The acting member's own reminders and preferences: scoped by the session's user and org, no id sent.
  'app/(app)/notifications/actions/mark-notifications-read.ts#markNotificationsReadAction',
  'app/(app)/notifications/actions/save-reminder-preferences.ts#saveReminderPreferencesAction',
  'app/(app)/members/actions/invite-member.ts#inviteMemberAction',
  'app/(app)/settings/actions/update-business-calendar.ts#updateBusinessCalendarAction',
  'app/(app)/settings/actions/update-compliance-settings.ts#updateComplianceSettingsAction',
  'app/(app)/settings/actions/update-organization-profile.ts#updateOrganizationProfileAction',
  'app/(app)/settings/actions/update-organization-logo.ts#updateOrganizationLogoAction',
  'app/(app)/settings/actions/remove-organization-logo.ts#removeOrganizationLogoAction',
  'app/(app)/settings/delete/actions/cancel-deletion.ts#cancelDeletionAction',
  'app/(app)/settings/delete/actions/request-deletion.ts#requestDeletionAction',
  // A dry run of the org's own purge: nothing to name.
  'app/(app)/settings/retention/actions/dry-run-purge.ts#dryRunPurgeAction',
  // Starts an export of the session's own org; the job it queues carries that org and the new row's id.
  'app/(app)/export/actions/start-export.ts#startExportAction',
  'app/(app)/projects/actions/create-project.ts#createProjectAction',
  'app/(app)/security/actions/mark-alerts-reviewed.ts#markAlertsReviewedAction',
  'app/(app)/security/actions/update-security-settings.ts#updateSecuritySettingsAction',
  'app/(app)/violations/actions/set-close-out-photo-rule.ts#setCloseOutPhotoRuleAction',
  'app/api/v1/inspections/route.ts#GET',
  'app/api/v1/obligations/route.ts#GET',
  'app/api/v1/projects/route.ts#GET',
  'app/api/v1/projects/route.ts#POST',
  'app/api/v1/rain-events/route.ts#GET',
  'app/api/v1/violations/route.ts#GET',
];

let db: Database;
let world: World;
let endpoints: Endpoint[];

beforeAll(async () => {
  db = testDatabase.app({ max: 3 });
  world = await buildWorld(db);
  endpoints = (await discoverEndpoints()).filter((e) => e.meta && e.meta.kind !== 'public');
  actAs({ userId: world.b.ownerId, orgId: world.b.orgId, orgSlug: world.b.slug, role: 'owner' });
}, 120_000);

async function fuzz(list: Endpoint[]) {
  const findings: Finding[] = [];
  const invalid: string[] = [];
  const idless: string[] = [];
  let calls = 0;
  for (const e of list) {
    const before = await fingerprint(db, world.a);
    const r = await probeEndpoint(e, world);
    calls += r.calls;
    findings.push(...r.findings);
    if (!r.validInput) invalid.push(`${e.file}#${e.exportName}`);
    if (r.idFields === 0) idless.push(`${e.file}#${e.exportName}`);
    if ((await fingerprint(db, world.a)) !== before) {
      findings.push({ endpoint: `${e.file}#${e.exportName}`, kind: 'changed', detail: "org A's data changed" });
    }
  }
  return { findings, calls, invalid, idless };
}

describe('cross-tenant leak fuzzer', () => {
  it('covers every tenant endpoint the app registers', () => {
    expect(endpoints.length).toBeGreaterThan(5);
    expect(endpoints.some((e) => e.kind === 'route')).toBe(true);
    expect(endpoints.some((e) => e.kind === 'action')).toBe(true);
  });

  it("no endpoint leaks, accepts or changes org A's data when called as org B", async () => {
    const { findings, calls, invalid, idless } = await fuzz(endpoints);
    console.log(`leak fuzzer: ${endpoints.length} endpoints, ${calls} cross-tenant requests`);
    expect(calls, 'the probe must actually send requests').toBeGreaterThan(endpoints.length * 3);
    expect(findings).toEqual([]);
    // A probe that never got past validation proved nothing about the handler: that is a failure, not a note.
    expect(invalid, 'endpoints for which no valid input was found').toEqual([]);
    expect(idless.sort(), 'endpoints that take no id anywhere (reviewed list)').toEqual([...NO_ID_FIELDS].sort());
  }, 600_000);
});

describe('negative controls: the fuzzer catches planted defects', () => {
  it('a handler that reads the row without the tenant (as a superuser) leaks and is caught', async () => {
    const superuser = testDatabase.sql('superuser');
    const leaky = tenantRoute<{ id: string }>({ permission: 'org:data:read' }, async (_req, { params }) => {
      const rows = await superuser`select id, name, address from projects where id::text = ${params.id}`;
      return rows[0] ?? Response.json({ error: 'not found' }, { status: 404 });
    });
    const planted: Endpoint = { file: 'planted/projects/[id]/route.ts', exportName: 'GET', kind: 'route', path: '/planted/projects/[id]', fn: leaky, meta: { kind: 'route', permission: 'org:data:read' } };
    const { findings } = await fuzz([planted]);
    expect(findings.filter((f) => f.kind === 'leak').length).toBeGreaterThan(0);
  });

  it("a handler that writes through another tenant's id (bypassing RLS) is caught", async () => {
    const superuser = testDatabase.sql('superuser');
    const writer = tenantRoute<{ id: string }>({ permission: 'org:projects:write' }, async (_req, { params }) => {
      await superuser`update projects set name = name || '!' where id::text = ${params.id}`;
      return { ok: true };
    });
    const planted: Endpoint = { file: 'planted/projects/[id]/route.ts', exportName: 'PATCH', kind: 'route', path: '/planted/projects/[id]', fn: writer, meta: { kind: 'route', permission: 'org:projects:write' } };
    const { findings } = await fuzz([planted]);
    expect(findings.map((f) => f.kind)).toEqual(expect.arrayContaining(['changed', 'accepted']));
  });

  it('an endpoint no valid input can be found for is reported (the main test then fails)', async () => {
    const { validationFailed } = await import('@/lib/validation/request');
    // Accepts only a value nothing can guess: every probe would stop at validation.
    const guarded = tenantRoute({ permission: 'org:projects:write' }, async (req) => {
      const body = (await req.json()) as { code?: unknown };
      return body.code === 'a4f1-not-guessable' ? { ok: true } : validationFailed({ code: ['Wrong code.'] });
    });
    const planted: Endpoint = { file: 'planted/codes/route.ts', exportName: 'POST', kind: 'route', path: '/planted/codes', fn: guarded, meta: { kind: 'route', permission: 'org:projects:write' } };
    const { invalid } = await fuzz([planted]);
    expect(invalid).toEqual(['planted/codes/route.ts#POST']);
  });

  it('an action whose id field is optional is still probed there: a leak through it is caught', async () => {
    const { z } = await import('zod');
    const superuser = testDatabase.sql('superuser');
    // The smallest valid input is { note } alone; the leak needs the optional projectId.
    const schema = z.strictObject({ note: z.string().min(1).max(50), projectId: z.uuid().optional() });
    const leaky = tenantAction('org:projects:write', schema, async function plantedOptionalId(input) {
      if (!input.projectId) return { project: null };
      const rows = await superuser`select id, name, address from projects where id = ${input.projectId}`;
      return { project: rows[0] ?? null };
    });
    const planted: Endpoint = { file: 'planted/optional-id.ts', exportName: 'plantedOptionalId', kind: 'action', fn: leaky, meta: { kind: 'action', permission: 'org:projects:write', schema, stepUp: false } };
    const { findings } = await fuzz([planted]);
    expect(findings.filter((f) => f.kind === 'leak' && f.detail.startsWith('projectId=')).length).toBeGreaterThan(0);
  });

  it('a handler that crashes on a foreign id is caught', async () => {
    const crashing = tenantRoute<{ id: string }>({ permission: 'org:data:read' }, async () => {
      throw new TypeError('cannot read properties of undefined');
    });
    const planted: Endpoint = { file: 'planted/x/[id]/route.ts', exportName: 'GET', kind: 'route', path: '/planted/x/[id]', fn: crashing, meta: { kind: 'route', permission: 'org:data:read' } };
    const { findings } = await fuzz([planted]);
    expect(findings.some((f) => f.kind === 'error')).toBe(true);
  });
});
