import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { withTenant, withTenantOn } from './tenant';
import { testDatabase } from '@/tests/support/database';

describe('withTenant', () => {
  it('sets the tenant for the first query even though the settings are not awaited alone', async () => {
    const got = await withTenant({ orgId: 'org_a', userId: 'user_1' }, async (tx) => {
      // First statement of the callback, issued right behind the pipelined settings.
      const [row] = await tx.execute<{ org: string; usr: string; role: string }>(
        sql`select current_setting('app.current_org', true) as org, current_setting('app.current_user', true) as usr, current_user as role`,
      );
      return row;
    });
    expect(got).toEqual({ org: 'org_a', usr: 'user_1', role: 'brave_app' });
  });

  it('leaves nothing on the pooled connection after the transaction', async () => {
    const db = testDatabase.app({ max: 1 });
    await withTenantOn(db, { orgId: 'org_a', userId: 'u' }, async (tx) => tx.execute(sql`select 1`));
    const [row] = await db.execute<{ org: string | null }>(sql`select current_setting('app.current_org', true) as org`);
    expect(row?.org ?? '').toBe('');
  });

  it('rejects an empty or oversized scope before touching the database', async () => {
    await expect(withTenant({ orgId: '', userId: 'u' }, async () => 1)).rejects.toThrow();
    await expect(withTenant({ orgId: 'x'.repeat(65), userId: 'u' }, async () => 1)).rejects.toThrow();
  });

  it('rolls back everything when the callback throws', async () => {
    const owner = testDatabase.sql('owner');
    await expect(
      withTenant({ orgId: 'org_rb', userId: 'u' }, async (tx) => {
        await tx.execute(sql`insert into organizations (organization_id, name, slug) values ('org_rb', 'RB', 'rb')`);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const rows = await withTenant({ orgId: 'org_rb', userId: 'u' }, (tx) =>
      tx.execute(sql`select 1 from organizations where organization_id = 'org_rb'`),
    );
    expect(rows.length).toBe(0);
    await owner.end();
  });
});

describe('withTenant id check', () => {
  it.each(["org_a'; select 1; --", 'org a', 'org_ä', 'x'.repeat(65), ''])('refuses %j before any SQL is sent', async (bad) => {
    await expect(withTenant({ orgId: bad, userId: 'user_1' }, async () => 1)).rejects.toThrow();
    await expect(withTenant({ orgId: 'org_a', userId: bad }, async () => 1)).rejects.toThrow();
  });
});
