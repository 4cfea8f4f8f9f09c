/**
 * Two look-alike tenants for the proof suites: the demo seed (Acme and Bolt,
 * provisioned, same project names) plus one row in every tenant table the
 * seed leaves empty. Everything org A owns is collected as "secrets": its row
 * ids and its distinctive strings. Any of them in a response to org B is a leak.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { seed } from '@/lib/demo/seed';
import { seedOrganizations, seedUsers } from '@/db/seed-data';
import { withTenantOn } from '@/db/tenant';
import { rowFactories, type TenantKeys } from '@/tests/support/factories';
import { TENANT_TABLE_SHAPE, TENANT_TABLES, type TenantTable } from '@/tests/support/tenants';

export interface Tenant {
  orgId: string;
  slug: string;
  ownerId: string;
  /** Every row id of this org, by table. */
  ids: Record<TenantTable, string[]>;
}

export interface World {
  a: Tenant;
  b: Tenant;
  /** Ids and strings that only org A has. */
  secretsOfA: string[];
}

async function idsOf(db: Database, orgId: string, userId: string): Promise<Record<TenantTable, string[]>> {
  return withTenantOn(db, { orgId, userId }, async (tx) => {
    const out = {} as Record<TenantTable, string[]>;
    for (const table of TENANT_TABLES) {
      const key = TENANT_TABLE_SHAPE[table].key;
      const rows = await tx.execute<{ k: string }>(sql.raw(`select ${key}::text as k from ${table} order by 1`));
      out[table] = rows.map((r) => r.k);
    }
    return out;
  });
}

/** Fill the tables the demo seed leaves empty, reusing seeded parents. */
async function completeTenant(db: Database, orgId: string, userId: string) {
  const ids = await idsOf(db, orgId, userId);
  await withTenantOn(db, { orgId, userId }, async (tx) => {
    const parents: Partial<TenantKeys> = {};
    for (const table of TENANT_TABLES) {
      const first = ids[table][0];
      parents[table] = first ?? (await rowFactories[table](tx, orgId, parents));
    }
  });
}

export async function buildWorld(db: Database): Promise<World> {
  await seed(db);
  const tenants = await Promise.all(
    seedOrganizations.map(async (org) => {
      const owner = seedUsers.find((u) => u.memberships.some((m) => m.org === org.slug && m.role === 'owner'))!;
      await completeTenant(db, org.id, owner.id);
      return { orgId: org.id, slug: org.slug, ownerId: owner.id, ids: await idsOf(db, org.id, owner.id) };
    }),
  );
  const [a, b] = tenants as [Tenant, Tenant];
  const bIds = new Set(Object.values(b.ids).flat());
  const secretsOfA = [
    ...new Set(
      Object.entries(a.ids)
        .filter(([table]) => table !== 'organizations' && table !== 'compliance_settings')
        .flatMap(([, ids]) => ids)
        .filter((id) => !bIds.has(id)),
    ),
    a.orgId,
    // Acme's seeded addresses and permit ids differ from Bolt's look-alikes only here.
    'Austin, TX',
    'A100',
  ];
  return { a, b, secretsOfA };
}

/** A text fingerprint of org A's data: any update by another tenant changes it. */
export async function fingerprint(db: Database, t: Tenant): Promise<string> {
  return withTenantOn(db, { orgId: t.orgId, userId: t.ownerId }, async (tx) => {
    const parts: string[] = [];
    for (const table of TENANT_TABLES) {
      const rows = await tx.execute<{ j: string }>(sql.raw(`select md5(string_agg(t::text, '|' order by t::text)) as j from ${table} t`));
      parts.push(`${table}:${rows[0]?.j ?? ''}`);
    }
    return parts.join(',');
  });
}
