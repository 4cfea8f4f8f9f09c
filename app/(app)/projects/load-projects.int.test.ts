/**
 * The page loaders of /projects, /projects/[id] and /rain-events with two
 * look-alike orgs (same project names): each page sees its own org only.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveTenant, type TenantContext } from '@/lib/auth/tenant-context';
import { encodeCursor } from '@/lib/pagination/cursor';
import type { Role } from '@/lib/rbac/permissions';
import { loadRainEvents } from '../rain-events/load-rain-events';
import { acme, bolt, projectNamed, seedOrgs, type Org } from './_test/support';
import { loadProjectDetail, loadProjectList } from './load-projects';

function ctxOf(org: Org, role: Role, userId = `user_${org.slug}_${role}`): TenantContext {
  const r = resolveTenant({ userId, orgId: org.id, orgSlug: org.slug, orgRole: `org:${role}` });
  if (!r.ok) throw new Error('bad test context');
  return r.ctx;
}

beforeAll(seedOrgs);

describe('projects list', () => {
  it('shows only the org’s own projects, though both orgs use the same names', async () => {
    const a = await loadProjectList(ctxOf(acme, 'owner'), {});
    const b = await loadProjectList(ctxOf(bolt, 'viewer'), {});
    expect(a.projects.map((p) => p.name).sort()).toEqual(b.projects.map((p) => p.name).sort());
    expect(a.projects.every((p) => p.organizationId === acme.id && p.npdesPermitId!.includes('A'))).toBe(true);
    expect(b.projects.every((p) => p.organizationId === bolt.id && p.npdesPermitId!.includes('B'))).toBe(true);
    expect(a.canWrite).toBe(true);
    expect(b.canWrite).toBe(false);
  });

  it('searches and filters within the org; a stale cursor starts over with a notice', async () => {
    const hits = await loadProjectList(ctxOf(bolt, 'crew'), { search: 'TXR17' });
    expect(hits.projects.map((p) => p.npdesPermitId)).toEqual(['TXR17B102']);
    expect(
      (await loadProjectList(ctxOf(acme, 'crew'), { status: 'completed' })).projects.every(
        (p) => p.status === 'completed',
      ),
    ).toBe(true);
    const stale = await loadProjectList(ctxOf(acme, 'crew'), { cursor: 'garbage' });
    expect(stale.notice).toMatch(/out of date/);
    expect(stale.projects.length).toBeGreaterThan(0);
    // A cursor pointing at another org's row can only narrow this org's list, never reveal theirs.
    const theirs = await projectNamed(bolt, 'Riverside Apartments');
    const crafted = await loadProjectList(ctxOf(acme, 'crew'), {
      cursor: encodeCursor({ createdAt: new Date(Date.now() + 86_400_000), id: theirs.id }),
    });
    expect(crafted.projects.every((p) => p.organizationId === acme.id)).toBe(true);
  });
});

describe('query parameters validated like the API', () => {
  // Regression: a NUL in `search` reached PostgreSQL (22021) and the page answered 500; the API said 400.
  it.each(['Riverside\u0000', '\u0000', 'a\u0007b', 'x'.repeat(101)])('search %j: an inline message, no throw', async (search) => {
    const d = await loadProjectList(ctxOf(acme, 'crew'), { search, status: 'active' });
    expect(d.searchError).toMatch(/control characters|at most 100/);
    expect(d.search).toBe('');
    expect(d.status).toBe('active'); // the valid filter is kept
    expect(d.projects.length).toBeGreaterThan(0);
  });

  it('the API refuses the same input with the same message', async () => {
    const { projectListQuery } = await import('@/lib/zod/schemas/projects');
    const r = projectListQuery.safeParse({ search: 'Riverside\u0000' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('Search can’t contain control characters.');
  });

  // Negative control: ordinary text (also non-Latin) still searches.
  it('a normal search has no error', async () => {
    const d = await loadProjectList(ctxOf(bolt, 'crew'), { search: 'TXR17' });
    expect(d.searchError).toBeUndefined();
    expect((await loadProjectList(ctxOf(bolt, 'crew'), { search: 'Größe 工事' })).searchError).toBeUndefined();
  });
});

describe('project detail', () => {
  it('loads the org’s project with its own rain only; another org’s, a missing and a malformed id are all null (404)', async () => {
    const mine = await projectNamed(acme, 'Riverside Apartments');
    const theirs = await projectNamed(bolt, 'Riverside Apartments');
    const d = await loadProjectDetail(ctxOf(acme, 'crew'), mine.id);
    expect(d?.project.id).toBe(mine.id);
    expect(d?.rain.length).toBeGreaterThan(0);
    expect(d?.rain.every((r) => r.organizationId === acme.id && r.projectId === mine.id)).toBe(true);
    expect(d?.recentInspections.length).toBeGreaterThan(0);
    expect(d).toMatchObject({ canWrite: false, canRecordRain: true });
    for (const id of [theirs.id, randomUUID(), 'not-a-uuid', '../../etc']) {
      expect(await loadProjectDetail(ctxOf(acme, 'owner'), id), id).toBeNull();
    }
  });
});

describe('rain events page', () => {
  it('lists the org’s entries with project names and a 14-day chart of its own rain', async () => {
    const a = await loadRainEvents(ctxOf(acme, 'viewer'), {});
    expect(a.events.length).toBeGreaterThan(0);
    expect(a.events.every((e) => e.organizationId === acme.id)).toBe(true);
    expect(a.days).toHaveLength(14);
    expect(a.canRecord).toBe(false);
    expect(a.projects.map((p) => p.id).sort()).toEqual(
      (await loadProjectList(ctxOf(acme, 'viewer'), { status: 'active' })).projects.map((p) => p.id).sort(),
    );
    const chartTotal = a.days.reduce((n, d) => n + d.inches, 0);
    const recent = a.events.filter((e) => e.startedAt.getTime() > Date.now() - 13 * 86_400_000);
    expect(chartTotal).toBeCloseTo(
      recent.reduce((n, e) => n + Number(e.amountInches), 0),
      2,
    );
  });

  it('filtering by another org’s project id shows nothing of theirs', async () => {
    const theirs = await projectNamed(bolt, 'Riverside Apartments');
    const a = await loadRainEvents(ctxOf(acme, 'crew'), { projectId: theirs.id });
    expect(a.events).toEqual([]);
    expect(a.days.every((d) => d.inches === 0)).toBe(true);
  });
});
