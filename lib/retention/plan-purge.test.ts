import { describe, expect, it } from 'vitest';
import { planPurge, type PurgeInput } from './plan-purge';

const now = new Date('2030-01-15T12:00:00Z');
const base: PurgeInput = {
  now,
  retentionYears: 3,
  orgHeld: false,
  heldProjectIds: new Set(),
  projects: [
    { id: 'old', name: 'Old site', status: 'completed', permitEnd: '2020-01-01' },
    { id: 'in-permit', name: 'Recent site', status: 'completed', permitEnd: '2028-01-01' },
    { id: 'running', name: 'Running site', status: 'active', permitEnd: null },
  ],
  incidents: [],
};

describe('planPurge', () => {
  it('purges only the project past retention; keeps the in-permit and the unterminated ones', () => {
    const plan = planPurge(base);
    expect(plan.projects).toEqual([{ id: 'old', name: 'Old site', retainUntil: '2023-01-01' }]);
    expect(plan.kept).toEqual([]);
  });

  it('a hold on the project keeps it, and says why', () => {
    const plan = planPurge({ ...base, heldProjectIds: new Set(['old']) });
    expect(plan.projects).toEqual([]);
    expect(plan.kept).toEqual([{ id: 'old', kind: 'project', reason: 'legal hold on project old' }]);
  });

  it('a hold on the organization keeps everything', () => {
    const plan = planPurge({ ...base, orgHeld: true, incidents: [{ id: 'i1', projectId: 'running', occurredAt: new Date('2015-05-01T12:00:00Z'), timeZone: 'UTC' }] });
    expect(plan.projects).toEqual([]);
    expect(plan.incidents).toEqual([]);
    expect(plan.kept.map((k) => k.id).sort()).toEqual(['i1', 'old']);
  });

  it('the org rule longer than the permit’s keeps a project the permit alone would let go', () => {
    expect(planPurge({ ...base, retentionYears: 12 }).projects).toEqual([]);
  });

  it('an OSHA record still within its 5 years keeps its project; a past one goes on its own', () => {
    const plan = planPurge({
      ...base,
      incidents: [
        { id: 'recent', projectId: 'old', occurredAt: new Date('2026-05-01T12:00:00Z'), timeZone: 'UTC' },
        { id: 'past', projectId: 'running', occurredAt: new Date('2020-05-01T12:00:00Z'), timeZone: 'UTC' },
      ],
    });
    expect(plan.projects).toEqual([]);
    expect(plan.kept).toEqual([{ id: 'old', kind: 'project', reason: 'OSHA 1904 records of the project are still within their retention' }]);
    expect(plan.incidents).toEqual([{ id: 'past', projectId: 'running', retainUntil: '2025-12-31' }]);
  });
});
