/**
 * The world and the tools of tests/integration/app-layer-isolation: two
 * tenants' ids and rows as the superuser sees them, a normalized form of a
 * query's answer, and planted copies of db/queries modules with one
 * organization_id filter removed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Tx } from '@/db/tenant';
import { testDatabase } from './database';
import type { TenantGraph } from './factories';
import { discoverQueryFunctions, NOW, SHARED_LINK_TOKEN_HASH, type QueryFunction, type Refs } from './query-calls';
import { TENANT_TABLES } from './tenants';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const QUERIES = path.join(ROOT, 'db/queries');
export const CONCURRENCY = 4;

/**
 * Generated uuids and the database clock (a row's created_at: now() of each
 * run's own transaction) differ between two runs of a create; everything else
 * must match. Times computed from the suite's clock (NOW) are kept exact.
 */
export function normalize(value: unknown): string {
  return JSON.stringify(value ?? null, (_k, v: unknown) => {
    if (typeof v === 'string') {
      if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v)) return '<uuid>';
      if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/.test(v) && v !== NOW.toISOString()) {
        const t = Date.parse(v);
        if (Math.abs(t - Date.now()) < 3_600_000) return '<recent>';
      }
    }
    return v;
  });
}

export function describeError(e: unknown): string {
  for (let cur = e; cur && typeof cur === 'object'; cur = (cur as { cause?: unknown }).cause) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return `threw SQLSTATE ${code}`;
  }
  return `threw ${e instanceof Error ? e.constructor.name : typeof e}`;
}

/** Every row of `g`'s tenant (and its users), as the connection in `tx` sees it. */
export async function rowsOf(tx: Pick<Tx, 'execute'>, g: TenantGraph): Promise<string> {
  const parts = TENANT_TABLES.map(
    (t) =>
      sql`select ${t}::text as t, coalesce(jsonb_agg(to_jsonb(x) order by to_jsonb(x)::text), '[]') as rows from ${sql.identifier(t)} x where x.organization_id = ${g.orgId}`,
  );
  parts.push(sql`select 'users', coalesce(jsonb_agg(to_jsonb(u)), '[]') from users u where u.id = ${g.userId}`);
  const rows = await tx.execute<{ t: string; rows: unknown }>(sql.join(parts, sql` union all `));
  return JSON.stringify([...rows].sort((x, y) => x.t.localeCompare(y.t)));
}

/** Whether this transaction has inserted, updated or deleted no row yet (then no snapshot is needed). */
export async function wroteNothing(tx: Pick<Tx, 'execute'>): Promise<boolean> {
  const [row] = await tx.execute<{ n: number }>(
    sql`select coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0)::int as n from pg_stat_xact_user_tables`,
  );
  return row!.n === 0;
}

/** The ids and keys of a tenant, read as the superuser (no RLS), for aiming at. */
export async function refsOf(g: TenantGraph): Promise<Refs> {
  const su = testDatabase.sql('superuser');
  const strings = new Set<string>([g.orgId, g.userId]);
  const keys = new Set<string>();
  const invitationHashes: string[] = [];
  const byTable: Record<string, string> = {};
  for (const t of TENANT_TABLES) {
    const rows = await su`select to_jsonb(x) as row from ${su(t)} x where organization_id = ${g.orgId}`;
    for (const { row } of rows as unknown as { row: Record<string, unknown> }[]) {
      for (const col of ['id', 'key', 'slug', 'idempotency_key', 'user_id']) {
        if (typeof row[col] === 'string') strings.add(row[col] as string);
      }
      for (const col of ['key', 'slug', 'idempotency_key']) if (typeof row[col] === 'string') keys.add(row[col] as string);
      if (typeof row.id === 'string') byTable[t] ??= row.id;
      if (t === 'invitations' && typeof row.token_hash === 'string') invitationHashes.push(row.token_hash);
    }
  }
  const documents = await su<{ id: string; projectId: string; kind: string; title: string }[]>`
    select id, project_id as "projectId", kind, title from documents where organization_id = ${g.orgId} order by created_at, id`;
  return { strings: [...strings], keys: [...keys], byTable, user: g.userId, documents: [...documents], invitationHashes };
}

/** `fn` over `items`, CONCURRENCY at a time (each call holds one pooled connection). */
export async function inParallel<T>(items: T[], fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

const ORG_FILTER = /eq\(\w+\.organizationId, (actor\.)?orgId\)/g;

/** Each explicit `organization_id = orgId` filter of a query module, named by its enclosing function. */
export function orgFilters(file: string): { at: number; label: string }[] {
  const src = fs.readFileSync(path.join(QUERIES, file), 'utf8');
  const counts = new Map<string, number>();
  return [...src.matchAll(ORG_FILTER)].map((m) => {
    const before = [...src.slice(0, m.index).matchAll(/function (\w+)\(/g)].at(-1)?.[1] ?? '?';
    const n = (counts.get(before) ?? 0) + 1;
    counts.set(before, n);
    return { at: m.index, label: `${file}#${before}:${n}` };
  });
}

/**
 * A copy of the module `file` with the org filter at offset `at` replaced by
 * nothing (`and(undefined, x)` is `x`; `where(undefined)` is no filter),
 * written under .data/ and imported: the planted defect.
 */
export async function plantWithoutOrgFilter(file: string, at: number): Promise<QueryFunction[]> {
  const src = fs.readFileSync(path.join(QUERIES, file), 'utf8');
  const match = new RegExp(ORG_FILTER.source).exec(src.slice(at));
  expect(match?.index, `an org filter at ${file}:${at}`).toBe(0);
  const mutated = (src.slice(0, at) + 'undefined' + src.slice(at + match![0].length))
    .replace(/from '\.\/([\w-]+)'/g, "from '@/db/queries/$1'")
    .replace(/from '\.\.\/([\w-]+)'/g, "from '@/db/$1'");
  const dir = path.join(ROOT, '.data/planted', randomBytes(4).toString('hex'));
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, file), mutated);
  try {
    return (await discoverQueryFunctions(dir)).filter((q) => q.params[0]?.name === 'tx');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * What the factories leave out and some queries look up: idempotency keys, a
 * valid form definition, an amendment, a violation's audit trail. Written as
 * the superuser, outside the app. Both tenants get the SAME idempotency keys
 * (keys are client-generated; nothing stops two tenants from sending the same
 * one), so a retry's read-back must find its own tenant's row.
 */
export async function enrich(su: ReturnType<typeof testDatabase.sql>, g: TenantGraph, distinct: boolean, other?: TenantGraph) {
  const k = g.keys;
  for (const t of ['form_submissions', 'violations', 'corrective_actions', 'rain_events', 'incidents'] as const) {
    await su`update ${su(t)} set idempotency_key = ${`idem_shared_${t}`} where organization_id = ${g.orgId} and id = ${k[t]}`;
  }
  const definition = {
    title: 'SWPPP inspection',
    sections: [{ key: 'site', title: 'Site', fields: [{ key: 'note', label: 'Note', type: 'text' }] }],
  };
  await su`update form_templates set schema = ${su.json(definition)} where organization_id = ${g.orgId}`;
  await su`insert into inspections (organization_id, project_id, amends_inspection_id, revision, created_by)
           values (${g.orgId}, ${k.projects}, ${k.inspections}, 2, 'factory')`;
  // A signed inspection without its digest (signed before record_sha256 existed): what sealing and the backfill find.
  await su`insert into inspections (organization_id, project_id, status, created_by, signed_by, signed_at, signature_name, signature_statement, signature_qualifications)
           values (${g.orgId}, ${k.projects}, 'submitted', 'factory', ${g.userId}, now(), 'Signer', 'I certify.', ${`qualified ${g.orgId}`})`;
  // A sealed signed inspection (db/queries/inspector-packet.ts lists only those) and a legal hold in
  // force on the project (db/queries/retention.ts: the factory's hold is released).
  await su`insert into inspections (organization_id, project_id, status, created_by, signed_by, signed_at, signature_name, signature_statement, record_sha256)
           values (${g.orgId}, ${k.projects}, 'submitted', 'factory', ${g.userId}, now(), 'Signer', 'I certify.', ${'c'.repeat(64)})`;
  await su`insert into legal_holds (organization_id, project_id, reason, placed_by) values (${g.orgId}, ${k.projects}, 'World hold', 'factory')`;
  // An OSHA daily checklist submitted now, with its submitted form (db/queries/my-work.ts oshaChecklistsSince).
  await su`with i as (insert into inspections (organization_id, project_id, type, status, inspected_at, created_by)
                      values (${g.orgId}, ${k.projects}, 'osha_daily', 'submitted', now(), 'factory') returning id)
           insert into form_submissions (organization_id, template_id, project_id, inspection_id, status, submitted_by, submitted_at)
           select ${g.orgId}, ${k.form_templates}, ${k.projects}, i.id, 'submitted', 'factory', now() from i`;
  // The business calendar (db/queries/compliance-settings.ts): each tenant's own closed day.
  await su`update compliance_settings set closed_days = ${distinct ? '{2026-07-03}' : '{2026-12-24}'}::date[] where organization_id = ${g.orgId}`;
  // One token hash on both tenants' links (unique per org only): a lookup by hash could reach the other's.
  await su`update inspector_links set token_hash = ${SHARED_LINK_TOKEN_HASH} where organization_id = ${g.orgId} and id = ${k.inspector_links}`;
  await su`insert into audit_log (organization_id, actor_user_id, action, entity_type, entity_id, after)
           values (${g.orgId}, ${g.userId}, 'create', 'violation', ${k.violations}, ${su.json({ status: 'open' })}),
                  (${g.orgId}, ${g.userId}, ${`act_${g.orgId}`}, ${`type_${g.orgId}`}, ${k.projects}, null)`;
  await su`insert into security_events (organization_id, kind, user_id, details)
           values (${g.orgId}, 'OFF_HOURS_ACCESS', ${g.userId}, ${su.json({ day: '2026-01-01' })})`;
  // Each tenant's own logo (db/queries/organizations.ts setOrganizationLogo): a lookup that lost its
  // filter returns the other's key, type and size.
  await su`update organizations set logo_key = ${`tenants/${g.orgId}/logos/${distinct ? '00000000-0000-4000-8000-00000000000a' : '00000000-0000-4000-8000-00000000000b'}/logo.png`},
           logo_content_type = ${distinct ? 'image/png' : 'image/jpeg'}, logo_size_bytes = ${distinct ? 100 : 200} where organization_id = ${g.orgId}`;
  // The storm rule reads the settings below: a project on it shows whose settings were read.
  await su`update projects set inspection_schedule = 'every_14_days_and_storm' where organization_id = ${g.orgId}`;
  // Files (db/queries/files.ts): the factories' pending photo and document, plus stored photos on
  // each kind of parent (one without a thumbnail yet) and a stored first version of the pending
  // document's series, so every file query has rows of its own tenant to find and of the other to leak.
  await su`update documents set kind = 'swppp' where organization_id = ${g.orgId} and id = ${k.documents}`;
  const parents = [
    { inspection_id: k.inspections, violation_id: null, corrective_action_id: null, thumb: false },
    { inspection_id: null, violation_id: k.violations, corrective_action_id: null, thumb: true },
    { inspection_id: null, violation_id: k.violations, corrective_action_id: k.corrective_actions, thumb: true },
  ];
  for (const [i, p] of parents.entries()) {
    const id = randomUUID();
    const key = `tenants/${g.orgId}/photos/${id}/stored-${i}.jpg`;
    await su`insert into photos (organization_id, id, project_id, inspection_id, violation_id, corrective_action_id, storage_key,
               file_name, content_type, size_bytes, status, uploaded_by, stored_at, etag, thumbnail_key, thumbnail_bytes)
             values (${g.orgId}, ${id}, ${k.projects}, ${p.inspection_id}, ${p.violation_id}, ${p.corrective_action_id}, ${key},
               ${`stored-${i}.jpg`}, 'image/jpeg', ${distinct ? 70_000 + i : 30_000 + i}, 'stored', ${g.userId}, now(), '"stored"',
               ${p.thumb ? `${key}.thumb.webp` : null}, ${p.thumb ? 900 : null})`;
  }
  const docId = randomUUID();
  await su`insert into documents (organization_id, id, project_id, kind, title, version, storage_key, file_name, content_type,
             size_bytes, status, uploaded_by, stored_at, etag)
           values (${g.orgId}, ${docId}, ${k.projects}, 'swppp', 'SWPPP', 1, ${`tenants/${g.orgId}/documents/${docId}/swppp-v1.pdf`},
             'swppp-v1.pdf', 'application/pdf', ${distinct ? 250_000 : 120_000}, 'stored', ${g.userId}, now(), '"stored"')`;
  // Obligations (db/queries/obligations.ts): the factory's open one is upcoming; add an overdue one,
  // a met one, and a completed inspection, so every obligation read has rows of each tenant.
  await su`insert into project_obligations (organization_id, project_id, kind, part, reason, opens_at, due_at, met_at, met_by_kind, met_by_id, met_late)
           values (${g.orgId}, ${k.projects}, 'routine_inspection', 'CGP 2022 Part 4.2.1', 'overdue probe', now() - interval '9 days', now() - interval '2 days', null, null, null, false),
                  (${g.orgId}, ${k.projects}, 'storm_inspection', 'CGP 2022 Part 4.2.2', 'met probe', now() - interval '5 days', now() - interval '4 days', now() - interval '3 days', 'inspection', ${k.inspections}, true)`;
  await su`insert into inspections (organization_id, project_id, status, inspected_at, created_by)
           values (${g.orgId}, ${k.projects}, 'submitted', now() - interval '1 day', 'factory')`;
  // My work and findings (db/queries/my-work.ts, findings.ts): a reported finding, the
  // corrective action assigned to the tenant's user, a submitted unsigned report, a draft the user
  // left, a completed inspection and rain in the engine's window, a photo of a BMP item.
  await su`insert into violations (organization_id, project_id, violation_type_id, description, found_at, deadline, status, found_by)
           values (${g.orgId}, ${k.projects}, ${k.violation_types}, 'Reported by the crew', now() - interval '1 hour',
             now() + interval '7 days', 'reported', ${g.userId})`;
  await su`update corrective_actions set assigned_to = ${g.userId}, status = 'open' where organization_id = ${g.orgId} and id = ${k.corrective_actions}`;
  await su`insert into inspections (organization_id, project_id, status, inspected_at, created_by)
           values (${g.orgId}, ${k.projects}, 'submitted', now() - interval '2 days', 'factory'),
                  (${g.orgId}, ${k.projects}, 'draft', null, ${g.userId})`;
  await su`update photos set bmp_item_key = 'silt_fence' where organization_id = ${g.orgId} and inspection_id = ${k.inspections}`;
  await su`update rain_events set started_at = now() - interval '3 days', ended_at = now() - interval '3 days' + interval '2 hours'
           where organization_id = ${g.orgId} and id = ${k.rain_events}`;
  // Coordinates, so the weather provider's site list (db/queries/weather.ts) has rows to find and to leak.
  await su`update projects set latitude = ${distinct ? '39.73924' : '40.71280'}, longitude = ${distinct ? '-104.99025' : '-74.00600'} where organization_id = ${g.orgId}`;
  // A reminder in this tenant for the other tenant's user (a person in both organizations):
  // "mark my reminders read" must stay inside the acting tenant.
  if (other) {
    await su`insert into notifications (organization_id, user_id, category, stage, dedup_key, title, body)
             values (${g.orgId}, ${other.userId}, 'inspections', 'due_soon', 'world:cross', 'Due', 'Due soon')`;
  }
  // Support grants (db/queries/support.ts): A's runs longest, so a lookup that lost its organization
  // filter returns A's grant to B.
  await su`update support_access_grants set expires_at = now() + ${distinct ? '30 minutes' : '10 minutes'}::interval where organization_id = ${g.orgId}`;
  // Exports (db/queries/exports.ts): a running export whose worker stopped an hour ago, so the
  // stale sweep has a row of each tenant to fail, and to fail in the other tenant if unfiltered.
  await su`insert into data_exports (organization_id, status, requested_by, started_at, heartbeat_at)
           values (${g.orgId}, 'running', ${g.userId}, now() - interval '2 hours', now() - interval '1 hour')`;
  // Settings that differ between the two tenants, so reading the other's row shows.
  const mine = distinct;
  await su`update compliance_settings set timezone = ${mine ? 'America/Denver' : 'America/New_York'},
             business_hours_start = ${mine ? 5 : 7}, inspection_deadline_hours = ${mine ? 48 : 24},
             rain_threshold_inches = ${mine ? '9.99' : '0.25'},
             security_alerts_reviewed_at = ${mine ? new Date() : null}
           where organization_id = ${g.orgId}`;
}
