import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { explainCase } from './explain';

const run = promisify(execFile);
const example = 'docs/compliance-example-case.json';

/** The example case, by hand (America/Denver: MDT = UTC−6 until Nov 1 02:00, then MST = UTC−7). */
const byHand = [
  { kind: 'routine_inspection', dueAt: '2026-10-16T06:00:00.000Z', status: 'met', metBy: 'insp-oct-09' },
  { kind: 'routine_inspection', dueAt: '2026-10-24T06:00:00.000Z', status: 'met', metBy: 'insp-oct-22' },
  { kind: 'routine_inspection', dueAt: '2026-11-06T07:00:00.000Z', status: 'upcoming', metBy: null },
  { kind: 'storm_inspection', dueAt: '2026-11-01T20:00:00.000Z', status: 'overdue', metBy: null },
  { kind: 'storm_inspection', dueAt: '2026-11-02T14:00:00.000Z', status: 'overdue', metBy: null },
  { kind: 'inspection_report', dueAt: '2026-10-10T16:00:00.000Z', status: 'met', metBy: 'insp-oct-09' },
  { kind: 'inspection_report', dueAt: '2026-10-23T17:00:00.000Z', status: 'overdue', metBy: null },
  { kind: 'routine_maintenance', dueAt: '2026-11-03T00:00:00.000Z', status: 'met', metBy: 'silt-fence-north' },
];
const pick = ({ kind, dueAt, status, metBy }: Record<string, unknown>) => ({ kind, dueAt, status, metBy });
const byKindThenDue = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  String(a.kind).localeCompare(String(b.kind)) || String(a.dueAt).localeCompare(String(b.dueAt));

describe('npm run compliance:explain', () => {
  it('prints the example case’s obligations, each with its permit part and why', async () => {
    const { stdout } = await run('npm', ['run', '-s', 'compliance:explain', '--', example]);
    const out = JSON.parse(stdout) as { timeZone: string; obligations: Record<string, unknown>[] };
    expect(out.timeZone).toBe('America/Denver');
    expect(out.obligations.map(pick).sort(byKindThenDue)).toEqual([...byHand].sort(byKindThenDue));
    for (const o of out.obligations) {
      expect(o.part).toMatch(/^CGP 2022 (Part \d|Appendix I)/);
      expect(String(o.why).length).toBeGreaterThan(20);
    }
    expect(out.obligations.find((o) => o.kind === 'routine_maintenance')?.why).toContain('Nov 2, 2026, 5:00 PM MST');
  }, 30_000);

  it('exits 2 with usage without a file, and 1 with the reason on an invalid case', async () => {
    await expect(run('npm', ['run', '-s', 'compliance:explain'])).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('usage') });
    await expect(run('npm', ['run', '-s', 'compliance:explain', '--', 'package.json'])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('is not a valid case'),
    });
  }, 30_000);
});

describe('explainCase errors', () => {
  const valid = async () => JSON.parse(await readFile(example, 'utf8')) as Record<string, unknown>;
  const error = (v: unknown) => {
    const r = explainCase(typeof v === 'string' ? v : JSON.stringify(v));
    if (r.ok) throw new Error('expected an error');
    return r.error;
  };

  it('accepts the example (the control for the cases below)', async () => {
    expect(explainCase(JSON.stringify(await valid())).ok).toBe(true);
  });
  it('rejects text that is not JSON', () => expect(error('{ "timeZone": ')).toContain('is not JSON'));
  it('names the field of an unknown schedule', async () =>
    expect(error({ ...(await valid()), schedule: 'weekly' })).toMatch(/schedule/));
  it('rejects a time zone that is not IANA', async () =>
    expect(error({ ...(await valid()), timeZone: 'Mountain' })).toContain('not an IANA time zone'));
  it('rejects an instant without an offset', async () =>
    expect(error({ ...(await valid()), now: '2026-11-02T18:00:00' })).toMatch(/now/));
  it('rejects a storm that ends before it starts, naming it', async () => {
    const c = await valid();
    const storms = [{ id: 's', startedAt: '2026-10-02T00:00:00Z', endedAt: '2026-10-01T00:00:00Z', rainInches: 1 }];
    expect(error({ ...c, storms })).toMatch(/storms\[0\]\.endedAt|endedAt is before startedAt/);
  });
  it('rejects unknown fields (a typo must not silently drop a condition)', async () =>
    expect(error({ ...(await valid()), sensitiveWaters: true })).toMatch(/sensitiveWaters/));
});
