/**
 * (f) What the same-transaction audit row adds to a write: createProject
 * (insert … returning, then recordAudit in the same transaction) against the
 * same insert without the audit row, both through the door as brave_app,
 * interleaved. The audit row is written synchronously and commits with the
 * change (docs/design.md §1), so its cost is one more statement in the transaction.
 */
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { createDatabase } from '@/db/client';
import { createProject } from '@/db/queries/projects';
import { projects } from '@/db/schema';
import { withTenantOn } from '@/db/tenant';
import type { Target } from './lib/setup';
import { ratio, sampleInterleaved, type Ratio, type Summary } from './lib/stats';

export interface AuditResult {
  without: Summary;
  with: Summary;
  ratio: Ratio;
  /** with − without, in ms. */
  added: { p50: number; p99: number };
  /**
   * What the hash chain (drizzle/0014) adds to one audit insert: the same INSERT
   * into audit_log (chained by its trigger) and into an unchained copy of it
   * (same columns, indexes but the chain's, RLS and grants, no trigger), interleaved.
   */
  chain?: { plain: Summary; chained: Summary; ratio: Ratio; added: { p50: number; p99: number } };
}

export async function measureAudit(o: {
  appUrl: string;
  superuserUrl?: string;
  targets: Target[];
  warmup: number;
  samples: number;
}): Promise<AuditResult> {
  const a = createDatabase(o.appUrl, { max: 1 });
  const b = createDatabase(o.appUrl, { max: 1 });
  const values = (i: number) => ({ name: `Bench write ${i}`, address: '1 Bench Rd', npdesPermitId: `TXR15B${i}` });
  let i = 0;
  try {
    const [without, withAudit] = await sampleInterleaved(
      [
        {
          name: 'insert',
          run: (t: Target) =>
            withTenantOn(a, { orgId: t.orgId, userId: 'user_bench' }, (tx) =>
              tx
                .insert(projects)
                .values({ ...values(i++), organizationId: t.orgId, createdBy: 'user_bench' })
                .returning(),
            ),
        },
        {
          name: 'insert + recordAudit',
          run: (t: Target) =>
            withTenantOn(b, { orgId: t.orgId, userId: 'user_bench' }, (tx) =>
              createProject(
                tx,
                { orgId: t.orgId, userId: 'user_bench', ip: '127.0.0.1', userAgent: 'bench' },
                values(i++),
              ),
            ),
        },
      ],
      { warmup: o.warmup, samples: o.samples, pick: (k) => o.targets[(k * 104729) % o.targets.length]! },
    );
    const chain = o.superuserUrl ? await measureChain({ ...o, superuserUrl: o.superuserUrl }) : undefined;
    return {
      chain,
      without: without!,
      with: withAudit!,
      ratio: ratio(withAudit!, without!),
      added: { p50: withAudit!.p50 - without!.p50, p99: withAudit!.p99 - without!.p99 },
    };
  } finally {
    await Promise.all([a.$pool.end({ timeout: 1 }), b.$pool.end({ timeout: 1 })]);
  }
}

async function measureChain(o: { appUrl: string; superuserUrl: string; targets: Target[]; warmup: number; samples: number }) {
  const su = postgres(o.superuserUrl, { max: 1, onnotice: () => {} });
  await su.unsafe(`
    drop table if exists bench_audit_unchained;
    create table bench_audit_unchained (like audit_log including defaults including indexes including constraints);
    -- The chain's own index is part of what the chain costs.
    drop index bench_audit_unchained_organization_id_chain_seq_idx;
    alter table bench_audit_unchained enable row level security;
    alter table bench_audit_unchained force row level security;
    create policy tenant_all on bench_audit_unchained to brave_app
      using (organization_id = (select current_setting('app.current_org', true)))
      with check (organization_id = (select current_setting('app.current_org', true)));
    grant select, insert on bench_audit_unchained to brave_app;`);
  await su.end();
  const db = createDatabase(o.appUrl, { max: 1 });
  const insert = (table: 'audit_log' | 'bench_audit_unchained', t: Target) =>
    withTenantOn(db, { orgId: t.orgId, userId: 'user_bench' }, (tx) =>
      tx.execute(
        sql`insert into ${sql.identifier(table)} (organization_id, actor_user_id, action, entity_type, entity_id, after, ip, user_agent)
            values (${t.orgId}, 'user_bench', 'update', 'project', 'p1', ${JSON.stringify({ name: 'Bench' })}::jsonb, '127.0.0.1', 'bench')`,
      ),
    );
  try {
    const [plain, chained] = await sampleInterleaved(
      [
        { name: 'audit insert, unchained copy', run: (t: Target) => insert('bench_audit_unchained', t) },
        { name: 'audit insert, hash-chained', run: (t: Target) => insert('audit_log', t) },
      ],
      { warmup: o.warmup, samples: o.samples, pick: (k) => o.targets[(k * 7919) % o.targets.length]! },
    );
    return {
      plain: plain!,
      chained: chained!,
      ratio: ratio(chained!, plain!),
      added: { p50: chained!.p50 - plain!.p50, p99: chained!.p99 - plain!.p99 },
    };
  } finally {
    await db.$pool.end({ timeout: 1 });
  }
}
