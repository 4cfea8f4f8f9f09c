/**
 * The brave_public half of the catalog conformance test (rls-catalog.int.test.ts
 * calls it): what the public QR page's role can reach, read from pg_catalog.
 * brave_public must see exactly the columns below, only through SELECT
 * policies keyed by the opened link's token hash (`app.inspector_token`, set by
 * open_inspector_link in drizzle/0011), never by an org or user setting.
 */
import type postgres from 'postgres';

type Sql = postgres.Sql | postgres.TransactionSql;

/**
 * Every column brave_public may SELECT, exactly. Adding one is a decision
 * about what the public sees: docs/inspector-page.md lists why each is there.
 */
export const PUBLIC_GRANTS: Readonly<Record<string, readonly string[]>> = {
  bmp_categories: ['key', 'name', 'organization_id'],
  compliance_settings: ['organization_id', 'timezone'],
  corrective_actions: ['description', 'due_at', 'fixed_at', 'organization_id', 'status', 'verified_at', 'violation_id'],
  inspections: [
    'areas_not_inspected',
    'bmp_results',
    'findings',
    'id',
    'inspected_at',
    'inspector_name',
    'inspector_title',
    'organization_id',
    'project_id',
    'rain_gauge_inches',
    'record_hash_version',
    'record_sha256',
    'revision',
    'signature_name',
    'signature_qualifications',
    'signed_at',
    'status',
    'type',
  ],
  // The current SWPPP version the project publishes (drizzle/0016_public_photos_swppp.sql): its download and what the link says.
  documents: [
    'content_type',
    'file_name',
    'id',
    'kind',
    'organization_id',
    'project_id',
    'size_bytes',
    'status',
    'storage_key',
    'stored_at',
    'title',
    'version',
  ],
  inspector_links: ['expires_at', 'id', 'organization_id', 'project_id', 'revoked_at', 'token_hash'],
  organizations: ['active', 'name', 'organization_id'],
  // Photos of published inspections (drizzle/0016_public_photos_swppp.sql): keys to presign, caption, capture time. No file
  // name, uploader, location or EXIF flag.
  photos: [
    'caption',
    'content_type',
    'inspection_id',
    'organization_id',
    'project_id',
    'status',
    'storage_key',
    'stored_at',
    'taken_at',
    'thumbnail_key',
  ],
  projects: [
    'address',
    'id',
    'name',
    'notice_contact_name',
    'notice_contact_phone',
    'npdes_permit_id',
    'organization_id',
    'permit_end',
    'permit_start',
    'public_swppp_document_id',
    'status',
    'swppp_location',
    'time_zone',
  ],
  violation_types: ['id', 'name', 'organization_id'],
  violations: [
    'deadline',
    'description',
    'found_at',
    'id',
    'inspection_id',
    'location',
    'organization_id',
    'project_id',
    'status',
    'violation_type_id',
  ],
};

/** The only functions of schema public brave_public may call. */
const PUBLIC_FUNCTIONS: readonly string[] = ['open_inspector_link(text)'];

const TOKEN_SETTING = /current_setting\('app\.inspector_token'/;
const TENANT_SETTING = /current_setting\('app\.current_(org|user)'/;

export async function findPublicRoleViolations(sql: Sql): Promise<string[]> {
  const v: string[] = [];

  const columns = await sql<{ table: string; column: string }[]>`
    select c.relname as table, a.attname::text as column
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
    where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'f')
      and has_column_privilege('brave_public', c.oid, a.attnum, 'SELECT')
    order by 1, 2`;
  const granted = new Map<string, string[]>();
  for (const c of columns) granted.set(c.table, [...(granted.get(c.table) ?? []), c.column]);
  for (const [table, cols] of granted) {
    const allowed = PUBLIC_GRANTS[table];
    if (!allowed) v.push(`role brave_public may read table ${table}, which is not in PUBLIC_GRANTS`);
    else
      for (const c of cols)
        if (!allowed.includes(c)) v.push(`role brave_public may read ${table}.${c}, which is not in PUBLIC_GRANTS`);
  }
  for (const [table, cols] of Object.entries(PUBLIC_GRANTS)) {
    for (const c of cols) {
      if (!granted.get(table)?.includes(c))
        v.push(`PUBLIC_GRANTS lists ${table}.${c} but brave_public can't read it (stale list)`);
    }
  }

  const tables = await sql<{ name: string; rls: boolean; forced: boolean }[]>`
    select c.relname as name, c.relrowsecurity as rls, c.relforcerowsecurity as forced
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relname in ${sql([...granted.keys(), ''])}`;
  const policies = await sql<{ table: string; name: string; cmd: string; permissive: boolean; qual: string | null }[]>`
    select c.relname as table, p.polname as name, p.polcmd::text as cmd, p.polpermissive as permissive,
           pg_get_expr(p.polqual, p.polrelid) as qual
    from pg_policy p join pg_class c on c.oid = p.polrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public'
      and (0 = any (p.polroles) or exists (select 1 from unnest(p.polroles) r where pg_has_role('brave_public', r, 'MEMBER')))`;
  for (const t of tables) {
    if (!t.rls || !t.forced) v.push(`table ${t.name} is readable by brave_public without forced row level security`);
    if (!policies.some((p) => p.table === t.name && p.cmd === 'r' && p.permissive)) {
      v.push(`table ${t.name} is readable by brave_public but has no SELECT policy for it`);
    }
  }
  for (const p of policies) {
    const label = `policy ${p.name} on ${p.table} applying to brave_public`;
    if (p.cmd !== 'r') v.push(`${label} is not SELECT-only (cmd ${p.cmd})`);
    if (!p.qual || !TOKEN_SETTING.test(p.qual)) v.push(`${label} is not keyed by app.inspector_token: ${p.qual}`);
    else if (TENANT_SETTING.test(p.qual)) v.push(`${label} reads an org/user setting: ${p.qual}`);
  }

  const functions = await sql<{ fn: string }[]>`
    select p.oid::regprocedure::text as fn from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname = 'public' and has_function_privilege('brave_public', p.oid, 'EXECUTE') order by 1`;
  for (const f of functions)
    if (!PUBLIC_FUNCTIONS.includes(f.fn)) v.push(`role brave_public may call function ${f.fn}`);

  const schemas = await sql<{ name: string }[]>`
    select nspname as name from pg_namespace
    where nspname not in ('public', 'pg_catalog', 'information_schema') and nspname not like 'pg\\_%'
      and has_schema_privilege('brave_public', oid, 'USAGE')`;
  for (const s of schemas) v.push(`role brave_public may use schema ${s.name}`);
  return v;
}
