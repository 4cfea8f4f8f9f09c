/**
 * The catalog rules of tests/integration/rls-catalog.int.test.ts as a function, so other tests
 * (the tenant-column recipe) can check a database they changed against the same rules.
 */
import type postgres from 'postgres';
import { findPublicRoleViolations } from '../integration/rls-catalog-public';
import { findGrantViolations, findPolicyViolations } from './rls-expectations';


const APP_ROLES = ['brave_app', 'brave_public'] as const;

/** Tables without organization_id that the app roles may read with no RLS. Adding one is a design decision. */
const SHARED_TABLES: readonly string[] = [
  // svix message ids and event types of applied Clerk webhooks (idempotency): no tenant data,
  // SELECT/INSERT only for brave_app (db/schema/webhooks.ts, drizzle/0006).
  'webhook_events',
  // Wrong tokens of the public QR page name no organization: IP hash, user agent, kind. SELECT/INSERT
  // for brave_app only, to count one IP's misses (db/schema/audit.ts, drizzle/0011).
  'public_access_events',
];

/** Only SELECT policies may widen what a tenant sees (the org switcher, own memberships); writes never. */
const CURRENT_ORG = /current_setting\('app\.current_org'/;
const HAS_OR = /\bOR\b/i;

type Sql = postgres.Sql | postgres.TransactionSql;

const COMMANDS = { r: 'SELECT', a: 'INSERT', w: 'UPDATE', d: 'DELETE', '*': 'ALL' } as const;

/**
 * Every violation of the tenant-isolation rules found in the catalog of the
 * database `sql` is connected to, as human-readable sentences (empty = conformant).
 */
export async function findRlsViolations(sql: Sql): Promise<string[]> {
  const v: string[] = [];

  // ── Tables of schema public, and which are tenant tables ────────────────────
  const tables = await sql<
    {
      name: string;
      kind: string;
      rls: boolean;
      forced: boolean;
      tenant: boolean;
      options: string[] | null;
      exposed: boolean;
    }[]
  >`
    select c.relname as name, c.relkind as kind, c.relrowsecurity as rls, c.relforcerowsecurity as forced,
           exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'organization_id' and not a.attisdropped) as tenant,
           c.reloptions::text[] as options,
           (has_table_privilege('brave_app', c.oid, 'SELECT,INSERT,UPDATE,DELETE')
             or has_table_privilege('brave_public', c.oid, 'SELECT,INSERT,UPDATE,DELETE')) as exposed
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'f')
    order by c.relname`;
  const tenantTables = new Set(tables.filter((t) => t.tenant && (t.kind === 'r' || t.kind === 'p')).map((t) => t.name));

  for (const t of tables) {
    if (t.kind === 'r' || t.kind === 'p') {
      if (t.tenant || (t.exposed && !SHARED_TABLES.includes(t.name))) {
        const why = t.tenant ? 'tenant table' : 'table readable by an app role';
        if (!t.rls) v.push(`${why} ${t.name}: row level security is not enabled`);
        if (!t.forced) v.push(`${why} ${t.name}: row level security is not forced (the owner bypasses it)`);
      }
    } else if (t.kind === 'v') {
      const invoker = (t.options ?? []).some((o) => /^security_invoker=(true|on|1|yes)$/i.test(o));
      if (!invoker)
        v.push(`view ${t.name}: no security_invoker=true (it reads with its owner's rights, bypassing RLS)`);
    } else if (t.kind === 'm' && t.exposed) {
      v.push(`materialized view ${t.name}: readable by an app role, and materialized views have no RLS`);
    } else if (t.kind === 'f' && t.exposed) {
      v.push(`foreign table ${t.name}: readable by an app role, and foreign tables have no RLS`);
    }
  }

  // ── Policies: SELECT/INSERT/UPDATE/DELETE for brave_app, each pinned to the current org ──
  const policies = await sql<
    {
      table: string;
      name: string;
      permissive: boolean;
      cmd: keyof typeof COMMANDS;
      applies: boolean;
      qual: string | null;
      check: string | null;
    }[]
  >`
    select c.relname as table, p.polname as name, p.polpermissive as permissive, p.polcmd::text as cmd,
           (0 = any (p.polroles) or exists (select 1 from unnest(p.polroles) r where pg_has_role('brave_app', r, 'MEMBER'))) as applies,
           pg_get_expr(p.polqual, p.polrelid) as qual, pg_get_expr(p.polwithcheck, p.polrelid) as check
    from pg_policy p join pg_class c on c.oid = p.polrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public'`;
  for (const table of tenantTables) {
    const mine = policies.filter((p) => p.table === table && p.permissive && p.applies);
    for (const cmd of ['SELECT', 'INSERT', 'UPDATE', 'DELETE'] as const) {
      if (!mine.some((p) => COMMANDS[p.cmd] === cmd || p.cmd === '*')) {
        v.push(`tenant table ${table}: no permissive ${cmd} policy applying to brave_app`);
      }
    }
    for (const p of mine) {
      const cmd = COMMANDS[p.cmd];
      const label = `tenant table ${table}: ${cmd} policy ${p.name}`;
      if (cmd !== 'INSERT') {
        if (!p.qual) v.push(`${label} has no USING clause`);
        else if (!CURRENT_ORG.test(p.qual)) v.push(`${label} USING does not compare with app.current_org: ${p.qual}`);
        else if (cmd !== 'SELECT' && HAS_OR.test(p.qual))
          v.push(`${label} USING is widened with OR (writes must stay in the current org): ${p.qual}`);
      }
      if (cmd !== 'SELECT' && cmd !== 'DELETE') {
        // Without WITH CHECK, PostgreSQL checks new rows against USING.
        const check = p.check ?? (cmd === 'INSERT' ? null : p.qual);
        if (!check) v.push(`${label} has no WITH CHECK clause`);
        else if (!CURRENT_ORG.test(check) || HAS_OR.test(check)) {
          v.push(`${label} WITH CHECK does not pin new rows to app.current_org alone: ${check}`);
        }
      }
    }
  }

  // ── CHECK (organization_id <> ''): '' is what current_setting returns after a local setting ended ──
  const checks = await sql<{ table: string; def: string }[]>`
    select c.relname as table, pg_get_constraintdef(con.oid) as def
    from pg_constraint con join pg_class c on c.oid = con.conrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and con.contype = 'c'`;
  for (const table of tenantTables) {
    if (!checks.some((c) => c.table === table && /organization_id\s*<>\s*''/.test(c.def))) {
      v.push(`tenant table ${table}: no CHECK constraint forbidding organization_id = ''`);
    }
  }

  // ── Keys: PK, unique and FK lead with organization_id; FKs between tenant tables carry it ──
  const keys = await sql<
    { table: string; name: string; kind: string; cols: string[]; ref: string | null; refCols: string[] | null }[]
  >`
    select c.relname as table, con.conname as name, con.contype::text as kind,
           (select array_agg(a.attname::text order by k.ord) from unnest(con.conkey) with ordinality k(attnum, ord)
              join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum) as cols,
           rc.relname as ref,
           (select array_agg(a.attname::text order by k.ord) from unnest(con.confkey) with ordinality k(attnum, ord)
              join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.attnum) as "refCols"
    from pg_constraint con join pg_class c on c.oid = con.conrelid join pg_namespace n on n.oid = c.relnamespace
    left join pg_class rc on rc.oid = con.confrelid
    where n.nspname = 'public' and con.contype in ('p', 'u', 'f')`;
  const kinds: Record<string, string> = { p: 'primary key', u: 'unique constraint', f: 'foreign key' };
  for (const k of keys.filter((k) => tenantTables.has(k.table))) {
    if (k.cols[0] !== 'organization_id') {
      v.push(
        `tenant table ${k.table}: ${kinds[k.kind]} ${k.name} (${k.cols.join(', ')}) does not lead with organization_id`,
      );
    }
    if (k.kind === 'f' && k.ref && tenantTables.has(k.ref)) {
      const carried = k.cols.some((c, i) => c === 'organization_id' && k.refCols?.[i] === 'organization_id');
      if (!carried) {
        v.push(
          `tenant table ${k.table}: foreign key ${k.name} to tenant table ${k.ref} does not match organization_id to organization_id`,
        );
      }
    }
  }
  // Unique indexes made with CREATE UNIQUE INDEX (those backing a constraint were checked above).
  const uniques = await sql<{ table: string; name: string; lead: string | null }[]>`
    select c.relname as table, ic.relname as name,
           (select a.attname::text from pg_attribute a where a.attrelid = i.indrelid and a.attnum = i.indkey[0]) as lead
    from pg_index i join pg_class c on c.oid = i.indrelid join pg_class ic on ic.oid = i.indexrelid
    join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and i.indisunique
      and not exists (select 1 from pg_constraint con where con.conindid = i.indexrelid)`;
  for (const u of uniques.filter((u) => tenantTables.has(u.table))) {
    if (u.lead !== 'organization_id') {
      v.push(
        `tenant table ${u.table}: unique index ${u.name} leads with ${u.lead ?? 'an expression'}, not organization_id`,
      );
    }
  }

  // ── The app roles: no superuser, no BYPASSRLS, own nothing, can't become an owner, no DDL ──
  const roles = await sql<{ name: string; super: boolean; bypass: boolean; createrole: boolean }[]>`
    select rolname as name, rolsuper as super, rolbypassrls as bypass, rolcreaterole as createrole
    from pg_roles where rolname in ${sql(APP_ROLES)}`;
  for (const role of APP_ROLES) {
    const r = roles.find((x) => x.name === role);
    if (!r) {
      v.push(`role ${role} does not exist`);
      continue;
    }
    if (r.super) v.push(`role ${role} is a superuser`);
    if (r.bypass) v.push(`role ${role} has BYPASSRLS`);
    if (r.createrole) v.push(`role ${role} has CREATEROLE`);
  }

  const owned = await sql<{ role: string; what: string }[]>`
    with r as (select oid, rolname from pg_roles where rolname in ${sql(APP_ROLES)})
    select r.rolname as role,
           case c.relkind when 'r' then 'table' when 'p' then 'table' when 'v' then 'view' when 'm' then 'materialized view'
                          when 'S' then 'sequence' else 'foreign table' end || ' ' || n.nspname || '.' || c.relname as what
    from pg_class c join pg_namespace n on n.oid = c.relnamespace join r on r.oid = c.relowner
    where c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
    union all
    select r.rolname, 'function ' || p.oid::regprocedure::text from pg_proc p join r on r.oid = p.proowner
    union all
    select r.rolname, 'schema ' || n.nspname from pg_namespace n join r on r.oid = n.nspowner
    union all
    select r.rolname, 'database ' || d.datname from pg_database d join r on r.oid = d.datdba where d.datname = current_database()
    union all
    select r.rolname, 'membership in role ' || o.rolname || ' (' ||
           case when o.rolsuper then 'superuser' when o.rolbypassrls then 'BYPASSRLS' else 'owner of tables in public' end || ')'
    from r join pg_roles o on o.oid <> r.oid and pg_has_role(r.oid, o.oid, 'MEMBER')
    where o.rolsuper or o.rolbypassrls
       or exists (select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relowner = o.oid)`;
  for (const o of owned) v.push(`role ${o.role} owns or can act as the owner of: ${o.what}`);

  const privileges = await sql<{ role: string; table: string; privilege: string }[]>`
    select r.rolname as role, c.relname as table, p.privilege
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    cross join (select rolname from pg_roles where rolname in ${sql(APP_ROLES)}) r
    cross join unnest(array['TRUNCATE', 'TRIGGER', 'REFERENCES', 'INSERT', 'UPDATE', 'DELETE']) p(privilege)
    where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'f')
      and has_table_privilege(r.rolname, c.oid, p.privilege)`;
  for (const p of privileges) {
    if (p.privilege === 'TRUNCATE') v.push(`role ${p.role} may TRUNCATE ${p.table} (TRUNCATE ignores RLS)`);
    else if (p.privilege === 'TRIGGER' || p.privilege === 'REFERENCES')
      v.push(`role ${p.role} has ${p.privilege} on ${p.table}`);
    else if (p.role === 'brave_public') v.push(`role brave_public may ${p.privilege} ${p.table} (it is read-only)`);
  }
  const ddl = await sql<{ role: string; schema: string }[]>`
    select r.rolname as role, n.nspname as schema
    from pg_namespace n cross join (select rolname from pg_roles where rolname in ${sql(APP_ROLES)}) r
    where n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema' and has_schema_privilege(r.rolname, n.oid, 'CREATE')`;
  for (const d of ddl) v.push(`role ${d.role} may CREATE in schema ${d.schema}`);

  // ── SECURITY DEFINER functions in any schema the app roles can reach ──
  const definers = await sql<{ fn: string }[]>`
    select p.oid::regprocedure::text as fn
    from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where p.prosecdef and n.nspname not in ('pg_catalog', 'information_schema')
      and (n.nspname = 'public' or has_schema_privilege('brave_app', n.oid, 'USAGE') or has_schema_privilege('brave_public', n.oid, 'USAGE'))`;
  for (const d of definers)
    v.push(`function ${d.fn} is SECURITY DEFINER (runs with its owner's rights, bypassing RLS)`);

  // ── Exact brave_app policy expressions on every table an app role can touch, append-only evidence ──
  v.push(...(await findPolicyViolations(sql, SHARED_TABLES)), ...(await findGrantViolations(sql)));
  // ── brave_public: exactly its column grants, only token-keyed SELECT policies (rls-catalog-public.ts) ──
  v.push(...(await findPublicRoleViolations(sql)));
  return v;
}
