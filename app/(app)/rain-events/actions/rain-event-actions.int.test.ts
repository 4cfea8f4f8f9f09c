/** recordRainEventAction and updateRainEventAction against the real database as brave_app. */
import { randomUUID } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  acme,
  auditCount,
  auditRowsFor,
  bolt,
  firstRainEvent,
  form,
  projectNamed,
  rainCount,
  rainRow,
  REQUEST_HEADERS,
  seedOrgs,
} from '@/app/(app)/projects/_test/support';
import { actAs } from '@/tests/support/auth-mock';
import { revalidated } from '@/tests/support/next-cache-mock';

vi.mock('@clerk/nextjs/server', () => import('@/tests/support/auth-mock'));
vi.mock('next/cache', () => import('@/tests/support/next-cache-mock'));
vi.mock('next/headers', () => ({ headers: async () => new Headers(REQUEST_HEADERS) }));

const { recordRainEventAction } = await import('./record-rain-event');
const { updateRainEventAction } = await import('./update-rain-event');

const crew = () => actAs({ userId: 'user_acme_crew', orgId: acme.id, orgSlug: 'acme', role: 'crew' });
const boltViewer = () => actAs({ userId: 'user_bolt_viewer', orgId: bolt.id, orgSlug: 'bolt', role: 'viewer' });
const FORBIDDEN = { ok: false, formError: 'You do not have permission to do that.' };
const NOT_FOUND = { ok: false, formError: 'Not found.' };

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

beforeAll(seedOrgs);
beforeEach(() => {
  actAs(null);
  revalidated.length = 0;
});

describe('recordRainEventAction', () => {
  it('a crew member records a reading on their org’s project; audited with the actor', async () => {
    crew();
    const p = await projectNamed(acme, 'Riverside Apartments');
    const startedAt = hoursAgo(5);
    const endedAt = hoursAgo(2);
    const result = await recordRainEventAction(
      null,
      form({ projectId: p.id, amountInches: '0.75', startedAt, endedAt, source: 'gauge' }),
    );
    expect(result.ok).toBe(true);
    const id = result.ok ? result.data.id : '';
    expect(await rainRow(acme, id)).toMatchObject({
      projectId: p.id,
      amountInches: '0.75',
      startedAt: new Date(startedAt),
      endedAt: new Date(endedAt),
      source: 'gauge',
      recordedBy: 'user_acme_crew',
    });
    expect(await auditRowsFor(acme, id)).toMatchObject([
      {
        action: 'create',
        entityType: 'rain_event',
        actorUserId: 'user_acme_crew',
        ip: '198.51.100.7',
        userAgent: 'vitest-phone/1.0',
      },
    ]);
    expect(revalidated).toEqual(expect.arrayContaining([`/projects/${p.id}`, '/rain-events']));
  });

  it('accepts an offset time, 0 and 50 inches, and defaults the source to manual', async () => {
    crew();
    const p = await projectNamed(acme, 'Riverside Apartments');
    for (const amount of ['0', '50', '2.5']) {
      const r = await recordRainEventAction(null, {
        projectId: p.id,
        amountInches: amount,
        startedAt: '2026-01-10T07:30:00-06:00',
      });
      expect(r.ok, amount).toBe(true);
      expect(await rainRow(acme, r.ok ? r.data.id : '')).toMatchObject({
        source: 'manual',
        startedAt: new Date('2026-01-10T13:30:00Z'),
      });
    }
  });

  it('reports every invalid field at once and writes nothing', async () => {
    crew();
    const [rainBefore, auditBefore] = [await rainCount(acme), await auditCount(acme)];
    const result = await recordRainEventAction(
      null,
      form({ projectId: 'x', amountInches: '50.01', startedAt: hoursAgo(1), endedAt: hoursAgo(3), source: 'guess' }),
    );
    expect(result.ok).toBe(false);
    const fe = !result.ok ? (result.fieldErrors ?? {}) : {};
    expect(Object.keys(fe).sort()).toEqual(['amountInches', 'endedAt', 'projectId', 'source']);
    expect(fe.amountInches).toEqual(['The rain amount must be between 0 and 50 inches.']);
    expect(fe.endedAt).toEqual(['End must be after the start.']);
    expect(fe.projectId).toEqual(['Choose a project.']);

    const p = await projectNamed(acme, 'Riverside Apartments');
    expect(
      await recordRainEventAction(null, form({ projectId: p.id, amountInches: '0.333', startedAt: '' })),
    ).toMatchObject({
      ok: false,
      fieldErrors: {
        amountInches: ['Use at most 2 decimal places for the rain amount.'],
        startedAt: ['Enter when the rain started.'],
      },
    });
    expect(
      await recordRainEventAction(
        null,
        form({ projectId: p.id, amountInches: 'a lot', startedAt: '2026-05-01T10:00', endedAt: 'soon' }),
      ),
    ).toMatchObject({
      ok: false,
      fieldErrors: {
        amountInches: ['Enter the rain amount as a number of inches.'],
        startedAt: ['Start must be a date and time.'],
        endedAt: ['End must be a date and time.'],
      },
    });
    const nextWeek = new Date(Date.now() + 7 * 86_400_000).toISOString();
    expect(
      await recordRainEventAction(null, form({ projectId: p.id, amountInches: '1', startedAt: nextWeek })),
    ).toMatchObject({
      ok: false,
      fieldErrors: { startedAt: ['Start can’t be in the future.'] },
    });
    expect([await rainCount(acme), await auditCount(acme)]).toEqual([rainBefore, auditBefore]);
  });

  it('a viewer may not record; nothing written', async () => {
    const p = await projectNamed(bolt, 'Riverside Apartments');
    const [rainBefore, auditBefore] = [await rainCount(bolt), await auditCount(bolt)];
    boltViewer();
    expect(
      await recordRainEventAction(null, form({ projectId: p.id, amountInches: '1', startedAt: hoursAgo(1) })),
    ).toEqual(FORBIDDEN);
    expect([await rainCount(bolt), await auditCount(bolt)]).toEqual([rainBefore, auditBefore]);
  });

  it('another org’s project is "Not found." like a missing one: nothing written in either org', async () => {
    crew();
    const theirs = await projectNamed(bolt, 'Riverside Apartments');
    const counts = async () => [
      await rainCount(acme),
      await rainCount(bolt),
      await auditCount(acme),
      await auditCount(bolt),
    ];
    const before = await counts();
    expect(
      await recordRainEventAction(null, form({ projectId: theirs.id, amountInches: '1', startedAt: hoursAgo(1) })),
    ).toEqual(NOT_FOUND);
    expect(
      await recordRainEventAction(null, form({ projectId: randomUUID(), amountInches: '1', startedAt: hoursAgo(1) })),
    ).toEqual(NOT_FOUND);
    expect(await counts()).toEqual(before);
  });
});

describe('updateRainEventAction', () => {
  it('corrects a reading; the audit row keeps the old amount', async () => {
    crew();
    const event = await firstRainEvent(acme);
    const result = await updateRainEventAction(
      null,
      form({
        id: event.id,
        amountInches: '1.10',
        startedAt: event.startedAt.toISOString(),
        endedAt: '',
        source: 'manual',
      }),
    );
    expect(result).toEqual({ ok: true, data: { id: event.id } });
    expect(await rainRow(acme, event.id)).toMatchObject({ amountInches: '1.10', projectId: event.projectId });
    const update = (await auditRowsFor(acme, event.id)).find((a) => a.action === 'update');
    expect(update).toMatchObject({
      actorUserId: 'user_acme_crew',
      before: { amountInches: event.amountInches },
      after: { amountInches: '1.10' },
    });
  });

  it('ignores a projectId in the form: an entry never moves to another site', async () => {
    crew();
    const event = await firstRainEvent(acme);
    const other = await projectNamed(acme, 'Oak Park School Expansion');
    const result = await updateRainEventAction(null, {
      id: event.id,
      projectId: other.id,
      amountInches: '0.20',
      startedAt: event.startedAt.toISOString(),
    });
    expect(result.ok).toBe(true);
    expect((await rainRow(acme, event.id))?.projectId).toBe(event.projectId);
  });

  it('reports every invalid field and changes nothing', async () => {
    crew();
    const event = await rainRow(acme, (await firstRainEvent(acme)).id);
    const result = await updateRainEventAction(
      null,
      form({ id: 'bad', amountInches: '-1', startedAt: 'yesterday', source: '' }),
    );
    expect(Object.keys(!result.ok ? (result.fieldErrors ?? {}) : {}).sort()).toEqual([
      'amountInches',
      'id',
      'startedAt',
    ]);
    expect(await rainRow(acme, event!.id)).toEqual(event);
  });

  it('a viewer may not edit', async () => {
    const event = await firstRainEvent(bolt);
    boltViewer();
    expect(await updateRainEventAction(null, { id: event.id, amountInches: '9', startedAt: hoursAgo(1) })).toEqual(
      FORBIDDEN,
    );
    expect(await rainRow(bolt, event.id)).toEqual(event);
  });

  it('another org’s entry is "Not found.": unchanged, no audit row', async () => {
    crew();
    const theirs = await firstRainEvent(bolt);
    expect(await updateRainEventAction(null, { id: theirs.id, amountInches: '9', startedAt: hoursAgo(1) })).toEqual(
      NOT_FOUND,
    );
    expect(await updateRainEventAction(null, { id: randomUUID(), amountInches: '9', startedAt: hoursAgo(1) })).toEqual(
      NOT_FOUND,
    );
    expect(await rainRow(bolt, theirs.id)).toEqual(theirs);
    expect(await auditRowsFor(bolt, theirs.id)).toEqual([]);
    expect(await auditRowsFor(acme, theirs.id)).toEqual([]);
  });
});
