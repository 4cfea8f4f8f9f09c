/**
 * The exact row-level security and grants the schema must have, compared
 * character for character with what PostgreSQL reports (`pg_get_expr`), so a
 * policy loosened in any way — a dropped `(select …)` wrapper, an extra `OR`,
 * another role, a new permissive policy next to the old one — is reported.
 * Used by tests/integration/rls-catalog (conformance) and rls-exact (its
 * negative controls).
 */
import type postgres from 'postgres';

type Sql = postgres.Sql | postgres.TransactionSql;

const setting = (name: 'app.current_org' | 'app.current_user') =>
  `( SELECT current_setting('${name}'::text, true) AS current_setting)`;

/** The one tenant expression, as pg_get_expr prints it. */
const SAME_ORG_EXPR = `(organization_id = ${setting('app.current_org')})`;

interface ExpectedPolicy {
  cmd: 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE';
  using: string | null;
  check: string | null;
  /** The one role it applies to (brave_app unless said). */
  role?: 'brave_app' | 'brave_public';
}

/** The four policies every tenant table has (drizzle/0001 via db/schema/_tenant.ts). */
const TENANT_POLICIES: Record<string, ExpectedPolicy> = {
  tenant_select: { cmd: 'SELECT', using: SAME_ORG_EXPR, check: null },
  tenant_insert: { cmd: 'INSERT', using: null, check: SAME_ORG_EXPR },
  tenant_update: { cmd: 'UPDATE', using: SAME_ORG_EXPR, check: SAME_ORG_EXPR },
  tenant_delete: { cmd: 'DELETE', using: SAME_ORG_EXPR, check: null },
};

const SAME_USER = (col: string) => `(${col} = ${setting('app.current_user')})`;
const SYNC_SCOPE =
  `(((scope_org IS NOT NULL) AND (scope_org = ${setting('app.current_org')})) OR ` +
  `((scope_org IS NULL) AND (scope_user = ${setting('app.current_user')})))`;

/**
 * Reviewed exceptions to TENANT_POLICIES, by table and policy name: the
 * identity door (withIdentity) lets a user see their own memberships, the
 * organizations they belong to and their own user row; tenants see their
 * members' user rows; Clerk sync bookkeeping is scoped to the org or the user.
 * Each widening is read-only (SELECT) except on rows that are the user's own.
 * Changing one of these strings is a security review.
 */
const IDENTITY_POLICIES: Record<string, Record<string, ExpectedPolicy>> = {
  memberships: {
    ...TENANT_POLICIES,
    tenant_select: { cmd: 'SELECT', using: `(${SAME_ORG_EXPR} OR ${SAME_USER('user_id')})`, check: null },
  },
  organizations: {
    ...TENANT_POLICIES,
    tenant_select: {
      cmd: 'SELECT',
      using:
        `(${SAME_ORG_EXPR} OR (EXISTS ( SELECT 1\n   FROM memberships m\n  WHERE ((m.organization_id = organizations.organization_id) ` +
        `AND (m.user_id = ${setting('app.current_user')})))))`,
      check: null,
    },
  },
  users: {
    user_select: {
      cmd: 'SELECT',
      using:
        `(${SAME_USER('id')} OR (EXISTS ( SELECT 1\n   FROM memberships m\n  WHERE ((m.user_id = users.id) ` +
        `AND (m.organization_id = ${setting('app.current_org')})))))`,
      check: null,
    },
    user_insert: { cmd: 'INSERT', using: null, check: SAME_USER('id') },
    user_update: { cmd: 'UPDATE', using: SAME_USER('id'), check: SAME_USER('id') },
    user_delete: { cmd: 'DELETE', using: SAME_USER('id'), check: null },
  },
  clerk_sync_state: {
    sync_select: { cmd: 'SELECT', using: SYNC_SCOPE, check: null },
    sync_insert: { cmd: 'INSERT', using: null, check: SYNC_SCOPE },
    sync_update: { cmd: 'UPDATE', using: SYNC_SCOPE, check: SYNC_SCOPE },
  },
};

/**
 * The public QR page's policies (drizzle/0010, 0011): SELECT only, for
 * brave_public, keyed by the opened link's token hash, exactly as reviewed in
 * docs/inspector-page.md. tests/integration/rls-catalog-public.ts checks the
 * column grants that go with them.
 */
const PUBLIC_SELECT: Record<string, string> = {
  bmp_categories: "(organization_id IN ( SELECT l.organization_id\n   FROM inspector_links l\n  WHERE ((l.token_hash = ( SELECT current_setting('app.inspector_token'::text, true) AS current_setting)) AND (l.revoked_at IS NULL) AND ((l.expires_at IS NULL) OR (l.expires_at > now())))))",
  compliance_settings: "(organization_id IN ( SELECT l.organization_id\n   FROM inspector_links l\n  WHERE ((l.token_hash = ( SELECT current_setting('app.inspector_token'::text, true) AS current_setting)) AND (l.revoked_at IS NULL) AND ((l.expires_at IS NULL) OR (l.expires_at > now())))))",
  // drizzle/0016_public_photos_swppp.sql: the one SWPPP version the project points at; stored photos of published inspections.
  documents: "((kind = 'swppp'::text) AND (status = 'stored'::file_status) AND ((organization_id, project_id, id) IN ( SELECT p.organization_id,\n    p.id,\n    p.public_swppp_document_id\n   FROM projects p\n  WHERE ((p.organization_id, p.id) IN ( SELECT l.organization_id,\n            l.project_id\n           FROM inspector_links l\n          WHERE ((l.token_hash = ( SELECT current_setting('app.inspector_token'::text, true) AS current_setting)) AND (l.revoked_at IS NULL) AND ((l.expires_at IS NULL) OR (l.expires_at > now()))))))))",
  photos: "((status = 'stored'::file_status) AND ((organization_id, project_id) IN ( SELECT l.organization_id,\n    l.project_id\n   FROM inspector_links l\n  WHERE ((l.token_hash = ( SELECT current_setting('app.inspector_token'::text, true) AS current_setting)) AND (l.revoked_at IS NULL) AND ((l.expires_at IS NULL) OR (l.expires_at > now()))))) AND ((organization_id, inspection_id) IN ( SELECT i.organization_id,\n    i.id\n   FROM inspections i\n  WHERE (i.status = 'published'::inspection_status))))",
  corrective_actions: "((organization_id IN ( SELECT l.organization_id\n   FROM inspector_links l\n  WHERE ((l.token_hash = ( SELECT current_setting('app.inspector_token'::text, true) AS current_setting)) AND (l.revoked_at IS NULL) AND ((l.expires_at IS NULL) OR (l.expires_at > now()))))) AND (EXISTS ( SELECT 1\n   FROM violations v\n  WHERE ((v.organization_id = corrective_actions.organization_id) AND (v.id = corrective_actions.violation_id)))))",
  inspections: "((status = 'published'::inspection_status) AND ((organization_id, project_id) IN ( SELECT l.organization_id,\n    l.project_id\n   FROM inspector_links l\n  WHERE ((l.token_hash = ( SELECT current_setting('app.inspector_token'::text, true) AS current_setting)) AND (l.revoked_at IS NULL) AND ((l.expires_at IS NULL) OR (l.expires_at > now()))))))",
  inspector_links: "(token_hash = ( SELECT current_setting('app.inspector_token'::text, true) AS current_setting))",
  organizations: "(active AND (organization_id IN ( SELECT l.organization_id\n   FROM inspector_links l\n  WHERE ((l.token_hash = ( SELECT current_setting('app.inspector_token'::text, true) AS current_setting)) AND (l.revoked_at IS NULL) AND ((l.expires_at IS NULL) OR (l.expires_at > now()))))))",
  projects: "((organization_id, id) IN ( SELECT l.organization_id,\n    l.project_id\n   FROM inspector_links l\n  WHERE ((l.token_hash = ( SELECT current_setting('app.inspector_token'::text, true) AS current_setting)) AND (l.revoked_at IS NULL) AND ((l.expires_at IS NULL) OR (l.expires_at > now())))))",
  violation_types: "(organization_id IN ( SELECT l.organization_id\n   FROM inspector_links l\n  WHERE ((l.token_hash = ( SELECT current_setting('app.inspector_token'::text, true) AS current_setting)) AND (l.revoked_at IS NULL) AND ((l.expires_at IS NULL) OR (l.expires_at > now())))))",
  violations: "((status <> ALL (ARRAY['reported'::violation_status, 'dismissed'::violation_status])) AND ((organization_id, project_id) IN ( SELECT l.organization_id,\n    l.project_id\n   FROM inspector_links l\n  WHERE ((l.token_hash = ( SELECT current_setting('app.inspector_token'::text, true) AS current_setting)) AND (l.revoked_at IS NULL) AND ((l.expires_at IS NULL) OR (l.expires_at > now()))))) AND (EXISTS ( SELECT 1\n   FROM inspections i\n  WHERE ((i.organization_id = violations.organization_id) AND (i.id = violations.inspection_id)))))",
};

/**
 * Shared tables (no organization_id) that carry policies: public_access_events is read and added
 * to freely, and deleted from only past its 90-day retention (drizzle/0017_public_access_retention.sql, the prune job).
 */
const SHARED_POLICIES: Record<string, Record<string, ExpectedPolicy>> = {
  public_access_events: {
    shared_select: { cmd: 'SELECT', using: 'true', check: null },
    shared_insert: { cmd: 'INSERT', using: null, check: 'true' },
    retention_delete: { cmd: 'DELETE', using: "(created_at < (now() - '90 days'::interval))", check: null },
  },
  // A deleted organization's tombstone (drizzle/0035, docs/deletion.md): its own transaction reads and writes only its own.
  organization_tombstones: {
    tombstone_select: { cmd: 'SELECT', using: `(deleted_org_id = ${setting('app.current_org')})`, check: null },
    tombstone_insert: { cmd: 'INSERT', using: null, check: `(deleted_org_id = ${setting('app.current_org')})` },
  },
};

/**
 * Evidence: brave_app may add and read rows, never change one (drizzle/0008). DELETE only with the
 * guard trigger that admits it for an organization being deleted (drizzle/0036, docs/deletion.md).
 */
const APPEND_ONLY_TABLES = ['audit_log', 'security_events'] as const;


const COMMANDS = { r: 'SELECT', a: 'INSERT', w: 'UPDATE', d: 'DELETE', '*': 'ALL' } as const;

/**
 * Every policy of schema public that is not exactly the expected one, every
 * expected policy that is missing, and every table an app role can touch with
 * no reviewed policy set (tables in `shared` are exempt: no RLS by design).
 */
export async function findPolicyViolations(sql: Sql, shared: readonly string[]): Promise<string[]> {
  const v: string[] = [];
  const tables = await sql<{ name: string; tenant: boolean; touched: boolean }[]>`
    select c.relname as name,
           exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'organization_id' and not a.attisdropped) as tenant,
           exists (select 1 from pg_roles r
                   where r.rolname in ('brave_app', 'brave_public')
                     and (has_any_column_privilege(r.oid, c.oid, 'SELECT, INSERT, UPDATE')
                          or has_table_privilege(r.oid, c.oid, 'DELETE, TRUNCATE'))) as touched
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p')`;
  const policies = await sql<
    { table: string; name: string; permissive: boolean; cmd: keyof typeof COMMANDS; roles: string[]; using: string | null; check: string | null }[]
  >`
    select c.relname as table, p.polname as name, p.polpermissive as permissive, p.polcmd::text as cmd,
           array(select case when r = 0 then 'PUBLIC' else pg_get_userbyid(r)::text end from unnest(p.polroles) r order by 1) as roles,
           pg_get_expr(p.polqual, p.polrelid) as using, pg_get_expr(p.polwithcheck, p.polrelid) as check
    from pg_policy p join pg_class c on c.oid = p.polrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public'`;

  const expected = new Map<string, Record<string, ExpectedPolicy>>();
  for (const t of tables) {
    const own = IDENTITY_POLICIES[t.name] ?? SHARED_POLICIES[t.name] ?? (t.tenant ? TENANT_POLICIES : undefined);
    const pub = PUBLIC_SELECT[t.name];
    const reviewed = pub ? { ...own, public_select: { cmd: 'SELECT' as const, using: pub, check: null, role: 'brave_public' as const } } : own;
    if (reviewed) expected.set(t.name, reviewed);
    else if (t.touched && !shared.includes(t.name))
      v.push(`table ${t.name}: an app role can touch it, but it has no reviewed policy set (tenant or identity)`);
  }
  for (const p of policies) {
    const want = expected.get(p.table)?.[p.name];
    const label = `policy ${p.name} on ${p.table}`;
    if (!want) {
      v.push(`${label}: not a reviewed policy (${COMMANDS[p.cmd]} USING ${p.using} WITH CHECK ${p.check})`);
      continue;
    }
    if (!p.permissive) v.push(`${label}: RESTRICTIVE, expected PERMISSIVE`);
    const role = want.role ?? 'brave_app';
    if (p.roles.join(',') !== role) v.push(`${label}: applies to ${p.roles.join(', ')}, expected ${role} only`);
    if (COMMANDS[p.cmd] !== want.cmd) v.push(`${label}: for ${COMMANDS[p.cmd]}, expected ${want.cmd}`);
    if (p.using !== want.using) v.push(`${label}: USING is ${p.using}, expected ${want.using}`);
    if (p.check !== want.check) v.push(`${label}: WITH CHECK is ${p.check}, expected ${want.check}`);
  }
  for (const [table, set] of expected) {
    for (const name of Object.keys(set)) {
      if (!policies.some((p) => p.table === table && p.name === name)) v.push(`policy ${name} on ${table}: missing`);
    }
  }
  return v;
}

/**
 * brave_app never changes evidence and keeps adding it. (brave_public's exact
 * column grants are checked by tests/integration/rls-catalog-public.ts.)
 */
export async function findGrantViolations(sql: Sql): Promise<string[]> {
  const v: string[] = [];
  const held = await sql<{ role: string; table: string; privilege: string }[]>`
    select r.rolname as role, c.relname as table, p.priv as privilege
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    cross join (select oid, rolname from pg_roles where rolname = 'brave_app') r
    cross join unnest(array['SELECT','INSERT','UPDATE','DELETE','TRUNCATE','REFERENCES','TRIGGER']) p(priv)
    where n.nspname not in ('pg_catalog', 'information_schema') and c.relkind in ('r', 'p', 'v', 'm', 'f')
      and case when p.priv in ('SELECT', 'INSERT', 'UPDATE', 'REFERENCES')
               then has_any_column_privilege(r.oid, c.oid, p.priv)
               else has_table_privilege(r.oid, c.oid, p.priv) end`;
  const guarded = await sql<{ table: string }[]>`
    select c.relname as table from pg_trigger g join pg_class c on c.oid = g.tgrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and g.tgname = 'evidence_delete_guard' and g.tgenabled <> 'D'`;
  for (const h of held) {
    const allowed = guarded.some((g) => g.table === h.table) ? ['SELECT', 'INSERT', 'DELETE'] : ['SELECT', 'INSERT'];
    if (h.role === 'brave_app' && (APPEND_ONLY_TABLES as readonly string[]).includes(h.table) && !allowed.includes(h.privilege))
      v.push(`role brave_app may ${h.privilege} ${h.table} (append-only evidence)`);
  }
  for (const table of APPEND_ONLY_TABLES) {
    for (const priv of ['SELECT', 'INSERT'])
      if (!held.some((h) => h.role === 'brave_app' && h.table === table && h.privilege === priv))
        v.push(`role brave_app lacks ${priv} on ${table}`);
  }
  return v;
}
