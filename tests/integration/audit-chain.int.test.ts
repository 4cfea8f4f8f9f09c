/**
 * The audit trail is a hash chain per organization (drizzle/0014_audit_hash_chain.sql,
 * lib/audit/verify-chain.ts): every insert, whoever makes it, is chained by the
 * database; concurrent writers of one org never fork it; and editing, re-hashing
 * or removing one row directly in the database makes verification fail at exactly
 * that row. Controls: the trigger without its advisory lock forks under
 * concurrency; the verifier with its content check removed misses an edit.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '@/db/queries/audit';
import { withTenant } from '@/db/tenant';
import { GENESIS_HASH, verifyAuditChain } from '@/lib/audit/verify-chain';
import { testDatabase } from '@/tests/support/database';
import { createOrganization, uniqueId } from '@/tests/support/factories';

const MIGRATION = fs.readFileSync(path.resolve(import.meta.dirname, '../../drizzle/0014_audit_hash_chain.sql'), 'utf8');
const statements = MIGRATION.split('--> statement-breakpoint').map((s) => s.replace(/^\s*--.*$/gm, '').trim());
const TRIGGER_FN = statements.find((s) => s.startsWith('CREATE OR REPLACE FUNCTION public.audit_log_chain()'))!;
const BACKFILL = statements.find((s) => s.startsWith('DO $$'))!;

async function newOrg(label: string) {
  const orgId = uniqueId('org', label);
  await createOrganization(orgId);
  return orgId;
}

function write(orgId: string, i: number) {
  const actor = { orgId, userId: 'user_chain', ip: '203.0.113.9', userAgent: 'vitest' };
  return withTenant(actor, (tx) =>
    recordAudit(tx, actor, { action: 'update', entityType: 'project', entityId: `p${i}`, before: { n: i }, after: { n: i + 1, note: `step ${i}` } }),
  );
}

const verify = (orgId: string) => withTenant({ orgId, userId: 'user_chain' }, (tx) => verifyAuditChain(tx, orgId));

async function chain(orgId: string) {
  const su = testDatabase.sql('superuser');
  return su<{ id: string; chain_seq: string; prev_hash: string; row_hash: string }[]>`
    select id, chain_seq, prev_hash, row_hash from audit_log where organization_id = ${orgId} order by chain_seq`;
}

describe('the audit hash chain', () => {
  let orgA: string;
  let orgB: string;
  beforeAll(async () => {
    [orgA, orgB] = await Promise.all([newOrg('chainA'), newOrg('chainB')]);
    for (let i = 0; i < 5; i++) await write(orgA, i);
    for (let i = 0; i < 3; i++) await write(orgB, i);
  });

  it('numbers each org 1, 2, 3… and links each row to the previous row of the same org', async () => {
    for (const [org, n] of [[orgA, 5], [orgB, 3]] as const) {
      const rows = await chain(org);
      expect(rows.map((r) => Number(r.chain_seq))).toEqual(Array.from({ length: n }, (_, i) => i + 1));
      expect(rows[0]!.prev_hash).toBe(GENESIS_HASH);
      rows.slice(1).forEach((r, i) => expect(r.prev_hash).toBe(rows[i]!.row_hash));
      rows.forEach((r) => expect(r.row_hash).toMatch(/^[0-9a-f]{64}$/));
      expect(await verify(org)).toMatchObject({ ok: true, checked: n, head: { chainSeq: n, rowHash: rows.at(-1)!.row_hash } });
    }
  });

  it('ignores chain values an insert tries to set (brave_app inside the tenant)', async () => {
    const org = await newOrg('forge');
    const app = testDatabase.sql('app');
    await app.begin(async (tx) => {
      await tx`select set_config('app.current_org', ${org}, true), set_config('app.current_user', 'user_chain', true)`;
      await tx`insert into audit_log (organization_id, actor_user_id, action, entity_type, entity_id, chain_seq, prev_hash, row_hash)
               values (${org}, 'user_chain', 'create', 'project', 'p1', 41, ${'f'.repeat(64)}, ${'e'.repeat(64)})`;
    });
    const [row] = await chain(org);
    expect(Number(row!.chain_seq)).toBe(1);
    expect(row!.prev_hash).toBe(GENESIS_HASH);
    expect(await verify(org)).toMatchObject({ ok: true, checked: 1 });
  });

  it('stays one unbroken chain under 30 concurrent writers of one org', async () => {
    const org = await newOrg('concurrent');
    await Promise.all(Array.from({ length: 30 }, (_, i) => write(org, i)));
    const rows = await chain(org);
    expect(rows.map((r) => Number(r.chain_seq))).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(await verify(org)).toMatchObject({ ok: true, checked: 30 });
  });

  it('control: without the advisory lock, concurrent writers fork the chain (the unique index refuses them)', async () => {
    const su = testDatabase.sql('superuser');
    const unlocked = TRIGGER_FN.replace(/PERFORM pg_advisory_xact_lock\([^;]*\);/, '').replace('LIMIT 1;', 'LIMIT 1;\n  PERFORM pg_sleep(0.05);');
    expect(unlocked).not.toContain('pg_advisory_xact_lock');
    await su.unsafe(unlocked);
    try {
      const org = await newOrg('unlocked');
      const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => write(org, i)));
      const refused = results.filter((r) => r.status === 'rejected');
      expect(refused.length).toBeGreaterThan(0);
      expect(String((refused[0] as PromiseRejectedResult).reason?.cause ?? (refused[0] as PromiseRejectedResult).reason)).toMatch(/audit_log_org_chain_idx|duplicate key/);
    } finally {
      await su.unsafe(TRIGGER_FN);
    }
  });

  describe('tampering in the database is found at exactly that row', () => {
    it('an edited row: content_changed at its sequence number', async () => {
      const org = await newOrg('edited');
      for (let i = 0; i < 6; i++) await write(org, i);
      const su = testDatabase.sql('superuser');
      await su`update audit_log set after = '{"n": 999}'::jsonb where organization_id = ${org} and chain_seq = 4`;
      const report = await verify(org);
      expect(report).toMatchObject({ ok: false, checked: 4, head: { chainSeq: 3 }, firstBreak: { chainSeq: 4, reason: 'content_changed' } });
    });

    it('an edited row whose own hash was recomputed: link_broken at the next row', async () => {
      const org = await newOrg('rehashed');
      for (let i = 0; i < 6; i++) await write(org, i);
      const su = testDatabase.sql('superuser');
      await su`update audit_log set actor_user_id = 'user_someone_else' where organization_id = ${org} and chain_seq = 2`;
      await su`update audit_log a set row_hash = audit_log_row_hash(a) where organization_id = ${org} and chain_seq = 2`;
      expect(await verify(org)).toMatchObject({ ok: false, firstBreak: { chainSeq: 3, reason: 'link_broken' } });
    });

    it('a removed row: row_missing where the sequence skips', async () => {
      const org = await newOrg('removed');
      for (let i = 0; i < 6; i++) await write(org, i);
      const su = testDatabase.sql('superuser');
      // A superuser can switch off the deletion guard (drizzle/0036, docs/deletion.md): the tamperer here is one.
      await su.begin(async (t) => {
        await t`set local session_replication_role = replica`;
        await t`delete from audit_log where organization_id = ${org} and chain_seq = 5`;
      });
      expect(await verify(org)).toMatchObject({ ok: false, firstBreak: { chainSeq: 6, expectedSeq: 5, reason: 'row_missing' } });
    });

    it('a tampered org leaves every other org verifying', async () => {
      expect(await verify(orgB)).toMatchObject({ ok: true, checked: 3 });
    });

    it('control: a verifier that skips the content check misses the edit', async () => {
      const org = await newOrg('blind');
      for (let i = 0; i < 3; i++) await write(org, i);
      const su = testDatabase.sql('superuser');
      await su`update audit_log set after = '{"n": 0}'::jsonb where organization_id = ${org} and chain_seq = 2`;
      const links = await su<{ recomputed: string; row_hash: string }[]>`
        select audit_log_row_hash(a) as recomputed, row_hash from audit_log a where organization_id = ${org} order by chain_seq`;
      // What a link-only check sees: every prev_hash still matches, so only the content check catches it.
      const rows = await chain(org);
      rows.slice(1).forEach((r, i) => expect(r.prev_hash).toBe(rows[i]!.row_hash));
      expect(links.map((l) => l.recomputed === l.row_hash)).toEqual([true, false, true]);
    });
  });

  it('the migration backfill chains rows written before the trigger existed', async () => {
    const org = await newOrg('backfill');
    const owner = testDatabase.sql('superuser');
    await owner`alter table audit_log disable trigger audit_log_chain`;
    try {
      await owner`insert into audit_log (organization_id, actor_user_id, action, entity_type, entity_id, chain_seq, created_at)
                  select ${org}, 'user_old', 'create', 'project', 'p' || g, -g, now() - make_interval(days => 10 - g)
                  from generate_series(1, 4) g`;
    } finally {
      await owner`alter table audit_log enable trigger audit_log_chain`;
    }
    // Scoped to this org: the migration chains every org at once, before the unique index exists.
    await owner.unsafe(BACKFILL.replace('FROM public.audit_log ORDER BY', `FROM public.audit_log WHERE organization_id = '${org}' ORDER BY`));
    const rows = await chain(org);
    expect(rows.map((r) => Number(r.chain_seq))).toEqual([1, 2, 3, 4]);
    expect(await verify(org)).toMatchObject({ ok: true, checked: 4 });
    await write(org, 5);
    expect(await verify(org)).toMatchObject({ ok: true, checked: 5 });
  });
});
