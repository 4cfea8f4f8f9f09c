/**
 * A signed inspection is a legal record: at the SQL level (drizzle/0004's
 * trigger, as redefined by drizzle/0026 and 0034), as brave_app inside the tenant, no
 * statement may send it back to draft, unsign it or change its content; only
 * submitted → published is allowed, and record_sha256 may go from null to a
 * digest once (the seal), its layout version only with it. The negative controls re-create the trigger function
 * from the migration's own text with the status rule, then the digest rule,
 * removed, and show that the checks then find what each rule refuses.
 */
import fs from 'node:fs';
import path from 'node:path';
import type postgres from 'postgres';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '@/tests/support/database';
import { seedProjects, uniqueId } from '@/tests/support/factories';

const MIGRATION = path.resolve(import.meta.dirname, '../../drizzle/0038_record_hash_v2_rules.sql');

/** Changes that must be refused once an inspection is signed (status submitted, or published). */
const FORBIDDEN: Record<string, string> = {
  'back to draft': `status = 'draft'`,
  'published back to submitted': `status = 'submitted'`,
  'signature removed': `signed_at = null, signed_by = null`,
  'signer changed': `signed_by = 'user_other'`,
  'signature name changed': `signature_name = 'Someone else'`,
  'findings rewritten': `findings = 'all good after all'`,
  'record hash rewritten': `record_sha256 = repeat('b', 64)`,
  'record hash removed': `record_sha256 = null`,
  'findings rewritten under a new hash': `findings = 'all good after all', record_hash_version = 2, record_sha256 = repeat('c', 64)`,
  'hash layout changed': `record_hash_version = 1`,
  'signer title changed': `signature_title = 'Director'`,
  'signer qualifications changed': `signature_qualifications = 'none'`,
};

const SEALED = 'a'.repeat(64);

let orgId: string;
let projectId: string;

beforeAll(async () => {
  orgId = uniqueId('org', 'signed');
  projectId = (await seedProjects(orgId, 1))[0]!;
});

/** A transaction as `role` inside the tenant (set_config local, like the door). */
async function inTenant<T>(sql: postgres.Sql, fn: (tx: postgres.TransactionSql) => Promise<T>): Promise<T> {
  return (await sql.begin(async (tx) => {
    await tx`select set_config('app.current_org', ${orgId}, true), set_config('app.current_user', 'user_signer', true)`;
    return fn(tx);
  })) as T;
}

/** A signed (and, unless `sealed` is null, sealed) inspection in `status`, inserted in `tx`. */
async function signedInspection(tx: postgres.TransactionSql, status: 'submitted' | 'published', sealed: string | null = SEALED): Promise<string> {
  const [row] = await tx<{ id: string }[]>`
    insert into inspections (organization_id, project_id, status, findings, created_by, signed_by, signed_at, signature_name, signature_statement, record_sha256)
    values (${orgId}, ${projectId}, ${status}, 'silt fence intact', 'user_signer', 'user_signer', now(), 'Ines Ibarra', 'I certify…', ${sealed})
    returning id`;
  return row!.id;
}

/**
 * Which of the forbidden changes (and a delete) the database accepted for a
 * signed inspection, each tried in its own savepoint. Also reports when the
 * one allowed step (submitted → published) is refused, so a trigger that
 * refuses everything can't pass.
 */
async function accepted(tx: postgres.TransactionSql): Promise<string[]> {
  const found: string[] = [];
  type Statement = (sp: postgres.TransactionSql, id: string) => Promise<unknown>;
  const attempt = async (label: string, statement: Statement, status: 'submitted' | 'published') => {
    const id = await signedInspection(tx, status);
    try {
      await tx.savepoint(async (sp) => {
        await statement(sp, id);
        found.push(`${status} inspection: ${label} accepted`);
      });
    } catch (e) {
      if ((e as { code?: string }).code !== '23514') throw e;
    }
  };
  for (const status of ['submitted', 'published'] as const) {
    for (const [label, set] of Object.entries(FORBIDDEN)) {
      if (set === `status = '${status}'`) continue;
      await attempt(label, (sp, id) => sp.unsafe(`update inspections set ${set} where organization_id = $1 and id = $2`, [orgId, id]), status);
    }
    await attempt('delete', (sp, id) => sp`delete from inspections where organization_id = ${orgId} and id = ${id}`, status);
  }
  const id = await signedInspection(tx, 'submitted');
  try {
    await tx.savepoint((sp) => sp`update inspections set status = 'published' where organization_id = ${orgId} and id = ${id}`);
  } catch {
    found.push('submitted inspection: publishing refused');
  }
  // The seal: a signed row without a digest takes one, once; a non-digest is refused (drizzle/0015's CHECK).
  const unsealed = await signedInspection(tx, 'submitted', null);
  try {
    await tx.savepoint((sp) => sp`update inspections set record_sha256 = ${'d'.repeat(64)}, record_hash_version = 2 where organization_id = ${orgId} and id = ${unsealed}`);
  } catch {
    found.push('signed inspection: sealing refused');
  }
  const other = await signedInspection(tx, 'submitted', null);
  await attempt('sealed with a non-digest', (sp) => sp`update inspections set record_sha256 = 'not a digest' where organization_id = ${orgId} and id = ${other}`, 'submitted');
  const draft = await tx<{ id: string }[]>`
    insert into inspections (organization_id, project_id, created_by) values (${orgId}, ${projectId}, 'user_signer') returning id`;
  await attempt('digest on an unsigned draft', (sp) => sp`update inspections set record_sha256 = ${'e'.repeat(64)} where organization_id = ${orgId} and id = ${draft[0]!.id}`, 'submitted');
  return found;
}

describe('a signed inspection at the SQL level (drizzle/0004)', () => {
  it('as brave_app: never back to draft, never unsigned, content frozen, not deletable; publishing allowed', async () => {
    const app = testDatabase.sql('app', { max: 1 });
    const marker = new Error('rollback');
    let found: string[] | undefined;
    await inTenant(app, async (tx) => {
      found = await accepted(tx);
      throw marker;
    }).catch((e: unknown) => {
      if (e !== marker) throw e;
    });
    expect(found).toEqual([]);
  });

  it('negative control: the trigger without its status rule lets a signed record go back to draft', async () => {
    const found = await acceptedUnder(/\s*OR NOT \(OLD\.status = NEW\.status OR \(OLD\.status = 'submitted' AND NEW\.status = 'published'\)\)/);
    expect(found).toEqual(
      expect.arrayContaining(['submitted inspection: back to draft accepted', 'published inspection: back to draft accepted']),
    );
    // The content rule is still in place in the weakened copy: only status moves got through.
    expect(found.every((f) => /back to draft|back to submitted/.test(f))).toBe(true);
  });

  it('negative control: the trigger without its digest rule lets a sealed hash be rewritten or removed', async () => {
    const found = await acceptedUnder(/\s*OR NOT \(NEW\.record_sha256 IS NOT DISTINCT FROM OLD\.record_sha256 OR \(OLD\.record_sha256 IS NULL AND NEW\.record_sha256 ~ '\^\[0-9a-f\]\{64\}\$'\)\)/);
    expect(found).toEqual(
      expect.arrayContaining([
        'submitted inspection: record hash rewritten accepted',
        'published inspection: record hash removed accepted',
      ]),
    );
    // Content stays frozen even then: a new hash can't carry rewritten findings.
    expect(found.every((f) => /record hash (rewritten|removed)/.test(f))).toBe(true);
  });

  it('negative control: the trigger without its layout rule lets a sealed record be re-labelled to another layout', async () => {
    const found = await acceptedUnder(/\s*OR NOT \(NEW\.record_hash_version = OLD\.record_hash_version OR \(OLD\.record_sha256 IS NULL AND NEW\.record_sha256 IS NOT NULL\)\)/);
    expect(found).toEqual(expect.arrayContaining(['submitted inspection: hash layout changed accepted', 'published inspection: hash layout changed accepted']));
    expect(found.every((f) => /hash layout changed/.test(f))).toBe(true);
  });
});

/** What `accepted` finds once the superuser replaces the trigger function with the migration's text minus `rule`; rolled back. */
async function acceptedUnder(rule: RegExp): Promise<string[]> {
  const migration = fs.readFileSync(MIGRATION, 'utf8');
  const fn = migration.split('--> statement-breakpoint').find((s) => s.includes('CREATE OR REPLACE FUNCTION'))!;
  expect(fn).toMatch(rule);
  const weakened = fn.replace(rule, '');
  const su = testDatabase.sql('superuser', { max: 1 });
  const marker = new Error('rollback');
  let found: string[] = [];
  await inTenant(su, async (tx) => {
    await tx.unsafe(weakened);
    await tx.unsafe('set local role brave_app');
    found = await accepted(tx);
    throw marker;
  }).catch((e: unknown) => {
    if (e !== marker) throw e;
  });
  return found;
}
