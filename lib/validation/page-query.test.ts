import { describe, expect, it } from 'vitest';
import { listInspectionsQuery } from '@/lib/zod/schemas/inspections';
import { listViolationsQuery } from '@/lib/zod/schemas/violations';
import { readPageQuery } from './page-query';

const UUID = '5f0c1c1e-3c43-4c55-9e1c-2a3e2f8d9b10';

describe('readPageQuery (the API schema on a page)', () => {
  it('keeps a valid query as the API would parse it', () => {
    const r = readPageQuery(listInspectionsQuery, { status: 'submitted', projectId: UUID }, ['status', 'projectId']);
    expect(r).toEqual({ query: { status: ['submitted'], projectId: UUID }, invalid: [] });
  });

  it('drops only the invalid fields and names them (a bad status keeps the project filter)', () => {
    const r = readPageQuery(listInspectionsQuery, { status: 'nope', projectId: UUID }, ['status', 'projectId']);
    expect(r.invalid).toEqual(['status']);
    expect(r.query).toEqual({ projectId: UUID });
  });

  it('refuses NUL and other bytes PostgreSQL would refuse, as the API does', () => {
    const r = readPageQuery(listViolationsQuery, { projectId: `${UUID}\u0000`, cursor: '\u0000' }, ['projectId', 'cursor']);
    expect(r.invalid.sort()).toEqual(['cursor', 'projectId']);
    expect(r.query.projectId).toBeUndefined();
    expect(r.query.cursor).toBeUndefined();
  });

  it('reads the first of repeated keys and ignores keys it was not asked for', () => {
    const r = readPageQuery(listInspectionsQuery, { status: ['draft', 'published'], organizationId: 'org_x' }, ['status']);
    expect(r).toEqual({ query: { status: ['draft'] }, invalid: [] });
  });
});
