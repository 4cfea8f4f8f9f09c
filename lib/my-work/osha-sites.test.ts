import { describe, expect, it } from 'vitest';
import { siteChecklists } from '@/lib/compliance/osha-checklists';
import { checklistsOfSites } from './osha-sites';

// Tuesday 2026-12-01 13:30Z: 07:30 CST in Chicago (after the start of work), 05:30 PST in Los Angeles (before it).
const now = new Date('2026-12-01T13:30:00Z');
const sites = [
  { id: 'p-chi', name: 'Chicago site', timeZone: 'America/Chicago' },
  { id: 'p-la', name: 'LA site', timeZone: 'America/Los_Angeles' },
  { id: 'p-chi-2', name: 'Second Chicago site', timeZone: 'America/Chicago' },
  { id: 'p-none', name: 'Site without a zone', timeZone: null },
  { id: 'p-bad', name: 'Site with an unknown zone', timeZone: 'Mars/Olympus' },
];
const daily = (r: ReturnType<typeof checklistsOfSites>, id: string) =>
  r.find((c) => c.projectId === id && c.kind === 'osha_daily')!;

describe('OSHA checklists of many sites (lib/my-work/osha-sites.ts)', () => {
  const result = checklistsOfSites({
    now,
    orgZone: 'America/Denver',
    sites,
    done: [
      // Chicago site: done at 06:40 CST, before work. The second Chicago site has none of its own.
      { projectId: 'p-chi', type: 'osha_daily', submittedAt: new Date('2026-12-01T12:40:00Z') },
      { projectId: 'p-la', type: 'osha_weekly', submittedAt: new Date('2026-12-01T13:00:00Z') },
      { projectId: 'p-la', type: 'osha_daily', submittedAt: null },
    ],
  });

  it('gives every site its daily and weekly checklist, in its own zone or the organization’s', () => {
    expect(result).toHaveLength(sites.length * 2);
    expect(
      Object.fromEntries(result.filter((c) => c.kind === 'osha_daily').map((c) => [c.projectId, c.timeZone])),
    ).toEqual({
      'p-chi': 'America/Chicago',
      'p-la': 'America/Los_Angeles',
      'p-chi-2': 'America/Chicago',
      'p-none': 'America/Denver',
      'p-bad': 'America/Denver',
    });
  });

  it('a checklist meets only its own site’s obligation, even in a shared zone', () => {
    expect(daily(result, 'p-chi')).toMatchObject({ status: 'met', dueToday: false });
    expect(daily(result, 'p-chi-2')).toMatchObject({ status: 'overdue', dueToday: true, metAt: null });
    expect(result.find((c) => c.projectId === 'p-la' && c.kind === 'osha_weekly')).toMatchObject({ status: 'met' });
    // A draft (no submit instant) meets nothing; 05:30 PST is before LA's start of work.
    expect(daily(result, 'p-la')).toMatchObject({ status: 'due', metAt: null });
  });

  it('each site reads as siteChecklists computes it alone', () => {
    for (const c of result) {
      const submitted =
        c.projectId === 'p-chi'
          ? [{ type: 'osha_daily', at: new Date('2026-12-01T12:40:00Z') }]
          : c.projectId === 'p-la'
            ? [{ type: 'osha_weekly', at: new Date('2026-12-01T13:00:00Z') }]
            : [];
      const alone = siteChecklists({ now, timeZone: c.timeZone, submitted }).find((x) => x.kind === c.kind)!;
      expect({ ...c, projectId: undefined, projectName: undefined, timeZone: undefined }).toEqual({
        ...alone,
        projectId: undefined,
        projectName: undefined,
        timeZone: undefined,
      });
    }
  });
});
