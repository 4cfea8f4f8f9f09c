/**
 * Weather ingestion against a local Open-Meteo stand-in serving recorded
 * answers (scripts/fixtures/open-meteo): a qualifying day becomes a storm
 * inspection obligation through the engine; outages, timeouts and malformed
 * answers write nothing, so they neither create nor clear an obligation.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { complianceSettings, projectObligations, projects, rainEvents } from '@/db/schema';
import { withTenant } from '@/db/tenant';
import { recomputeAllObligations } from '@/lib/compliance/recompute-obligations';
import { calendarStatus } from '@/lib/compliance/obligation-view';
import { createOrganization, rowFactories, uniqueId } from '@/tests/support/factories';
import { startWeatherFixture, recordedAnswer, type FixtureAnswer, type WeatherFixtureServer } from '@/scripts/lib/weather-fixture-server';
import { ingestWeather } from './ingest';
import { WeatherUnavailableError } from './open-meteo';

const ZONE = 'America/Denver';
// Noon on Dec 1 in Denver: Nov 27–30 are complete local days.
const NOW = new Date('2026-12-01T19:00:00Z');
// Nov 28 ends at midnight MST (07:00Z on Nov 29); the storm inspection is due 24 h after that.
const STORM_DUE = new Date('2026-11-30T07:00:00Z');

let fixture: WeatherFixtureServer;
const logs: string[] = [];
const opts = () => ({ baseUrl: fixture.url, timeoutMs: 300, retryBaseMs: 10, log: (l: string) => logs.push(l) });

interface Site {
  orgId: string;
  projectId: string;
}

async function site(label: string, schedule: 'every_7_days' | 'every_14_days_and_storm' = 'every_14_days_and_storm'): Promise<Site> {
  const orgId = uniqueId('org', label);
  await createOrganization(orgId);
  const projectId = await withTenant({ orgId, userId: 'user_factory' }, async (tx) => {
    await rowFactories.compliance_settings(tx, orgId, {});
    const [p] = await tx
      .insert(projects)
      .values({ organizationId: orgId, name: `Site ${label}`, inspectionSchedule: schedule, timeZone: ZONE, permitStart: '2026-11-01', latitude: '39.73924', longitude: '-104.99025', createdBy: 'user_factory' })
      .returning({ id: projects.id });
    return p!.id;
  });
  return { orgId, projectId };
}

/** The project's stored storm obligations (project_obligations: what the sweep, the dashboard and the API read). */
const storms = (s: Site) =>
  withTenant({ orgId: s.orgId, userId: 'user_factory' }, async (tx) => {
    const rows = await tx
      .select()
      .from(projectObligations)
      .where(and(eq(projectObligations.organizationId, s.orgId), eq(projectObligations.projectId, s.projectId), eq(projectObligations.kind, 'storm_inspection')))
      .orderBy(projectObligations.dueAt);
    return rows.map((o) => ({ kind: o.kind, part: o.part, sourceId: o.sourceId, dueAt: o.dueAt, status: calendarStatus(o, NOW, ZONE) }));
  });
const rain = (s: Site) =>
  withTenant({ orgId: s.orgId, userId: 'user_factory' }, (tx) =>
    tx.select().from(rainEvents).where(and(eq(rainEvents.organizationId, s.orgId), eq(rainEvents.projectId, s.projectId))).orderBy(rainEvents.startedAt),
  );
const setThreshold = (s: Site, inches: string) =>
  withTenant({ orgId: s.orgId, userId: 'user_factory' }, async (tx) => {
    await tx.update(complianceSettings).set({ rainThresholdInches: inches }).where(eq(complianceSettings.organizationId, s.orgId));
    // What the settings action's audited write triggers in the door (db/obligations-touched.ts: every active project).
    await recomputeAllObligations(tx, s.orgId, NOW);
  });

beforeAll(async () => {
  fixture = await startWeatherFixture();
});
afterAll(async () => fixture.stop());
beforeEach(() => {
  fixture.requests.length = 0;
  logs.length = 0;
});

describe('a qualifying day creates a storm inspection obligation', () => {
  it('0.30 in on Nov 28 ⇒ one storm inspection due 24 h after the day ended, naming its permit part', async () => {
    const s = await site('storm');
    fixture.answer({ kind: 'recorded', name: 'storm-030' });
    const r = await ingestWeather(s.orgId, NOW, opts());
    // 0.30 and 0.02 are stored (dry days are not); the request asked for inches in the site's zone.
    expect(r).toMatchObject({ sites: 1, created: 2, failed: [] });
    const q = fixture.requests[0]!.searchParams;
    expect([q.get('timezone'), q.get('precipitation_unit'), q.get('latitude'), q.get('longitude')]).toEqual([ZONE, 'inch', '39.7392', '-104.9903']);
    const rows = await rain(s);
    expect(rows.map((x) => [x.amountInches, x.source, x.recordedBy])).toEqual([
      ['0.30', 'weather_service', 'system_jobs'],
      ['0.02', 'weather_service', 'system_jobs'],
    ]);
    const got = await storms(s);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ kind: 'storm_inspection', sourceId: rows[0]!.id, dueAt: STORM_DUE, status: 'overdue' });
    expect(got[0]!.part).toMatch(/Part 4\.2\.2/);
  });

  it('0.20 in does not qualify at the default 0.25 in; lowering the org threshold to 0.15 makes it one', async () => {
    const s = await site('light');
    fixture.answer({ kind: 'recorded', name: 'light-020' });
    await ingestWeather(s.orgId, NOW, opts());
    expect((await rain(s)).map((x) => x.amountInches)).toEqual(['0.20']);
    expect(await storms(s)).toEqual([]);
    await setThreshold(s, '0.15');
    expect((await storms(s)).map((o) => o.dueAt)).toEqual([STORM_DUE]);
  });

  it('raising the threshold to 0.35 in turns the 0.30 in day into no obligation', async () => {
    const s = await site('strict');
    fixture.answer({ kind: 'recorded', name: 'storm-030' });
    await ingestWeather(s.orgId, NOW, opts());
    expect(await storms(s)).toHaveLength(1);
    await setThreshold(s, '0.35');
    expect(await storms(s)).toEqual([]);
  });

  it('a 7-day project on ordinary waters owes no storm inspection (Part 4.2.1) for the same day', async () => {
    const s = await site('weekly', 'every_7_days');
    fixture.answer({ kind: 'recorded', name: 'storm-030' });
    await ingestWeather(s.orgId, NOW, opts());
    expect(await rain(s)).toHaveLength(2);
    expect(await storms(s)).toEqual([]);
  });

  it("today's growing total is not stored, and storing the same days again changes nothing", async () => {
    const s = await site('again');
    fixture.answer({ kind: 'recorded', name: 'storm-030' });
    // On Nov 30 (local), the 0.30 day is complete but Nov 30 itself is not.
    const r1 = await ingestWeather(s.orgId, new Date('2026-11-30T19:00:00Z'), opts());
    expect(r1.created).toBe(2);
    const r2 = await ingestWeather(s.orgId, NOW, opts());
    expect(r2).toMatchObject({ created: 0, unchanged: 2 });
    expect(await rain(s)).toHaveLength(2);
  });
});

describe('the gauge on site wins over the provider for the same local day', () => {
  it('a manual 0.10 in entry on Nov 28 outweighs the provider’s 0.30 in: both kept, no storm', async () => {
    const s = await site('gauge');
    await withTenant({ orgId: s.orgId, userId: 'user_factory' }, (tx) =>
      tx.insert(rainEvents).values({ organizationId: s.orgId, projectId: s.projectId, amountInches: '0.10', startedAt: new Date('2026-11-28T15:00:00Z'), endedAt: new Date('2026-11-28T20:00:00Z'), source: 'manual', recordedBy: 'user_factory' }),
    );
    fixture.answer({ kind: 'recorded', name: 'storm-030' });
    await ingestWeather(s.orgId, NOW, opts());
    expect((await rain(s)).map((x) => [x.source, x.amountInches]).sort()).toEqual([
      ['manual', '0.10'],
      ['weather_service', '0.02'],
      ['weather_service', '0.30'],
    ]);
    expect(await storms(s)).toEqual([]);
  });

  it('control: a manual entry on another day leaves the provider’s 0.30 in day counted', async () => {
    const s = await site('gauge-other');
    await withTenant({ orgId: s.orgId, userId: 'user_factory' }, (tx) =>
      tx.insert(rainEvents).values({ organizationId: s.orgId, projectId: s.projectId, amountInches: '0.10', startedAt: new Date('2026-11-26T15:00:00Z'), endedAt: new Date('2026-11-26T20:00:00Z'), source: 'manual', recordedBy: 'user_factory' }),
    );
    fixture.answer({ kind: 'recorded', name: 'storm-030' });
    await ingestWeather(s.orgId, NOW, opts());
    expect((await storms(s)).map((o) => o.dueAt)).toEqual([STORM_DUE]);
  });
});

describe('a provider failure never creates or clears an obligation', () => {
  const good = JSON.stringify(recordedAnswer('storm-030'));
  const malformed: [string, string][] = [
    ['not JSON', '<html>gateway error</html>'],
    ['no daily block', JSON.stringify({ ...recordedAnswer('storm-030'), daily: undefined })],
    ['precipitation in unknown units', JSON.stringify(recordedAnswer('malformed-units'))],
    ['arrays that do not line up', good.replace('[0,0.3,0.02,0]', '[0.3,0.02,0]').replace('[0.0, 0.3, 0.02, 0.0]', '[0.3, 0.02, 0.0]')],
    ['a value as text', good.replace(/"precipitation_sum": ?\[[^\]]*\]/, '"precipitation_sum": [0, "0.30", 0.02, 0]')],
    ['a negative amount', good.replace(/"precipitation_sum": ?\[[^\]]*\]/, '"precipitation_sum": [0, -0.30, 0.02, 0]')],
  ];

  it('the malformed bodies differ from the recorded one only where stated (they are really malformed)', () => {
    for (const [, body] of malformed) expect(body).not.toBe(good);
  });

  const failures: [string, FixtureAnswer][] = [
    ['an outage (503)', { kind: 'status', status: 503 }],
    ['a timeout', { kind: 'hang', ms: 2_000 }],
    ...malformed.map(([name, body]): [string, FixtureAnswer] => [`a malformed answer: ${name}`, { kind: 'raw', body }]),
  ];
  it.each(failures)('%s: retried with backoff, logged, nothing stored, no obligation', async (_name, answer) => {
    const s = await site('fail');
    fixture.answer(answer);
    const started = Date.now();
    await expect(ingestWeather(s.orgId, NOW, opts())).rejects.toBeInstanceOf(WeatherUnavailableError);
    expect(fixture.requests).toHaveLength(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(10 + 20);
    expect(logs).toHaveLength(3);
    expect(logs[2]).toMatch(/attempt 3\/3/);
    expect(await rain(s)).toEqual([]);
    expect(await storms(s)).toEqual([]);
  });

  it('after a stored 0.30 in day, an outage, a timeout and a malformed answer leave the obligation as it was', async () => {
    const s = await site('keep');
    fixture.answer({ kind: 'recorded', name: 'storm-030' });
    await ingestWeather(s.orgId, NOW, opts());
    const before = await storms(s);
    expect(before).toHaveLength(1);
    for (const a of [{ kind: 'status', status: 500 }, { kind: 'hang', ms: 2_000 }, { kind: 'raw', body: malformed[2]![1] }] as const) {
      fixture.answer(a);
      await expect(ingestWeather(s.orgId, NOW, opts())).rejects.toBeInstanceOf(WeatherUnavailableError);
      expect(await storms(s)).toEqual(before);
    }
    // A valid but lower answer for the same day (a provider revision) does not lower the stored reading either.
    fixture.answer({ kind: 'recorded', name: 'light-020' });
    await ingestWeather(s.orgId, NOW, opts());
    expect(await storms(s)).toEqual(before);
  });

  it('control: the same hang shorter than the timeout is answered, and stores the day', async () => {
    const s = await site('slow');
    fixture.answer({ kind: 'hang', ms: 50, then: { kind: 'recorded', name: 'storm-030' } });
    await ingestWeather(s.orgId, NOW, opts());
    expect(await storms(s)).toHaveLength(1);
  });

  it('control: a failure on the first attempt is retried and the second answer is used', async () => {
    const s = await site('flaky');
    let n = 0;
    fixture.answer(() => (n++ === 0 ? { kind: 'status', status: 502 } : { kind: 'recorded', name: 'storm-030' }));
    await ingestWeather(s.orgId, NOW, opts());
    expect(fixture.requests).toHaveLength(2);
    expect(await storms(s)).toHaveLength(1);
  });

  it('an answer in mm is converted, not read as inches (7.62 mm = 0.30 in qualifies; 0.3 mm does not)', async () => {
    const s = await site('mm');
    const mm = (v: number) => JSON.stringify({ ...recordedAnswer('storm-030'), daily_units: { time: 'iso8601', precipitation_sum: 'mm' }, daily: { time: ['2026-11-28'], precipitation_sum: [v] } });
    fixture.answer({ kind: 'raw', body: mm(0.3) });
    await ingestWeather(s.orgId, NOW, opts());
    expect(await storms(s)).toEqual([]);
    fixture.answer({ kind: 'raw', body: mm(7.62) });
    await ingestWeather(s.orgId, NOW, opts());
    expect((await rain(s)).map((x) => x.amountInches)).toEqual(['0.30']);
    expect(await storms(s)).toHaveLength(1);
  });
});

describe('tenants', () => {
  it("ingesting org A's sites writes nothing for org B's project at the same coordinates", async () => {
    const a = await site('tenant_a');
    const b = await site('tenant_b');
    fixture.answer({ kind: 'recorded', name: 'storm-030' });
    await ingestWeather(a.orgId, NOW, opts());
    expect(await rain(a)).toHaveLength(2);
    expect(await rain(b)).toEqual([]);
    expect(fixture.requests).toHaveLength(1);
  });

  it('a project without coordinates, or not active, is not asked about', async () => {
    const s = await site('nocoords');
    await withTenant({ orgId: s.orgId, userId: 'user_factory' }, (tx) =>
      tx.update(projects).set({ latitude: null, longitude: null }).where(eq(projects.organizationId, s.orgId)),
    );
    expect(await ingestWeather(s.orgId, NOW, opts())).toMatchObject({ sites: 0 });
    expect(fixture.requests).toHaveLength(0);
  });
});
