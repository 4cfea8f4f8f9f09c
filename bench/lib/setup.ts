/**
 * The bench's own PostgreSQL: an embedded cluster under .data/ (never the dev
 * or test one), a fresh database per run, migrated, and the bulk data set
 * loaded as the superuser. FORCE RLS binds the table owner but not a
 * superuser, so the load is a few set-based INSERT … SELECT generate_series
 * statements (with FK triggers skipped through session_replication_role,
 * which only a superuser may set) instead of a million inserts through the door.
 */
import { createHash, randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { startLocalDatabase, type DatabaseUrls } from '@/scripts/lib/local-database';
import { rng, weightedPicker, zipfWeights } from './stats';

export interface BenchDatabase {
  database: string;
  superuser: string;
  urls: DatabaseUrls;
  version: string;
  /** Drop the run's database and stop the cluster; `removeData` deletes the cluster too (tests). */
  close(opts?: { removeData?: boolean }): Promise<void>;
}

export async function openBenchDatabase(opts: {
  dir: string;
  port: number;
  ephemeral: boolean;
  log?: (l: string) => void;
}): Promise<BenchDatabase> {
  const database = `bench_${process.pid}_${randomBytes(2).toString('hex')}`;
  // Databases of interrupted earlier runs on this cluster go first (startLocalDatabase creates ours).
  const local = await startLocalDatabase({
    dir: opts.dir,
    port: opts.port,
    database,
    ephemeral: opts.ephemeral,
    log: opts.log,
  });
  const su = postgres(local.server.superuserUrl(), { max: 1, onnotice: () => {} });
  for (const { datname } of await su<{ datname: string }[]>`
      select datname from pg_database where datname like 'bench\\_%' and datname <> ${database}`) {
    await su.unsafe(`drop database if exists "${datname}" with (force)`).catch(() => {});
  }
  const [row] = await su<{ v: string }[]>`select current_setting('server_version') as v`;
  return {
    database,
    superuser: local.server.superuserUrl(database),
    urls: local.urls,
    version: row?.v ?? '?',
    async close(closeOpts) {
      await su.unsafe(`drop database if exists "${database}" with (force)`).catch(() => {});
      await su.end({ timeout: 1 });
      await local.server.stop({ removeData: closeOpts?.removeData });
    },
  };
}

/** `md5(text)::uuid` in PostgreSQL, computed here so targets need no lookup. */
function md5uuid(s: string): string {
  const h = createHash('md5').update(s).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export const orgIdOf = (rank: number) => `org_bench_${String(rank).padStart(5, '0')}`;
const projectIdOf = (org: string, j: number) => md5uuid(`${org}:p:${j}`);
/** Projects 1..joinProjects(n) carry the tenant's inspections (about 10 each). */
const joinProjects = (n: number) => Math.max(1, Math.ceil(n / 20));
/** One project name in 97 contains this word: the text search looks for it. */
export const SEARCH_WORD = 'Riverbend';

export interface DataSet {
  tenants: number;
  rows: number;
  inspections: number;
  /** Projects per tenant, by rank (index 0 = the biggest tenant). */
  counts: number[];
  loadSeconds: number;
}

/**
 * `rows` projects over `tenants` organizations with Zipf(1) sizes (the biggest
 * holds ~13 % of the rows at 1,000 tenants, the smallest a handful), and
 * rows/2 inspections on the first 5 % of each tenant's projects.
 */
export async function loadDataSet(superuserUrl: string, opts: { tenants: number; rows: number }): Promise<DataSet> {
  const began = Date.now();
  const counts = zipfWeights(opts.tenants).map((w) => Math.max(1, Math.round(w * opts.rows)));
  const su = postgres(superuserUrl, { max: 1, onnotice: () => {} });
  try {
    await su.begin(async (tx) => {
      await tx`set local session_replication_role = replica`;
      await tx`
        insert into organizations (organization_id, name, slug)
        select 'org_bench_' || lpad(k::text, 5, '0'), 'Bench tenant ' || k, 'bench-' || k
        from generate_series(1, ${opts.tenants}::int) k`;
      await tx`
        insert into projects (organization_id, id, name, address, npdes_permit_id, status, created_by, created_at, updated_at)
        select t.org, md5(t.org || ':p:' || j)::uuid,
               'Site ' || j || ' ' || case when j % 97 = 0 then ${SEARCH_WORD}
                                           else (array['Hillcrest','Oak Park','Lakeview','Mill Creek','Cedar Ridge','Elm Street','Harbor Point'])[1 + j % 7] end,
               j || ' Main St', 'TXR15' || lpad(j::text, 6, '0'),
               (case when j % 10 = 0 then 'completed' else 'active' end)::project_status,
               'bench', now() - make_interval(mins => j), now() - make_interval(mins => j)
        from (select 'org_bench_' || lpad(k::text, 5, '0') as org, n
              from unnest(${counts}::int[]) with ordinality as c(n, k)) t,
             generate_series(1, t.n) j`;
      await tx`
        insert into inspections (organization_id, id, project_id, type, status, inspected_at, inspector_name, findings, created_by, created_at, updated_at)
        select t.org, md5(t.org || ':i:' || j)::uuid,
               md5(t.org || ':p:' || (1 + j % greatest(1, ceil(t.n / 20.0)::int)))::uuid,
               'routine', (case when j % 3 = 0 then 'draft' else 'submitted' end)::inspection_status,
               now() - make_interval(hours => j), 'Bench Inspector', 'Silt fence intact at outfall ' || j,
               'bench', now() - make_interval(hours => j), now() - make_interval(hours => j)
        from (select 'org_bench_' || lpad(k::text, 5, '0') as org, n
              from unnest(${counts}::int[]) with ordinality as c(n, k)) t,
             generate_series(1, greatest(1, t.n / 2)) j`;
    });
    await su`vacuum analyze organizations, projects, inspections`;
    const [n] = await su<{ p: number; i: number }[]>`
      select (select count(*) from projects where created_by = 'bench')::int as p,
             (select count(*) from inspections where created_by = 'bench')::int as i`;
    return { tenants: opts.tenants, rows: n!.p, inspections: n!.i, counts, loadSeconds: (Date.now() - began) / 1000 };
  } finally {
    await su.end({ timeout: 1 });
  }
}

export interface Target {
  rank: number;
  orgId: string;
  projectId: string;
  /** A project that has inspections (the join shape). */
  joinProjectId: string;
}

/** Targets drawn like traffic: tenants by the same Zipf law as their size, rows uniformly within. */
export function targets(data: DataSet, count: number, seed = 42): Target[] {
  const random = rng(seed);
  const pickTenant = weightedPicker(zipfWeights(data.tenants), random);
  return Array.from({ length: count }, () => {
    const k = pickTenant();
    const n = data.counts[k]!;
    const orgId = orgIdOf(k + 1);
    return {
      rank: k + 1,
      orgId,
      projectId: projectIdOf(orgId, 1 + Math.floor(random() * n)),
      joinProjectId: projectIdOf(orgId, 1 + Math.floor(random() * joinProjects(n))),
    };
  });
}
