// (d) The baseline of the API comparison: node:http + postgres.js, no framework.
// Per request it does the database work of the Next route: BEGIN, the tenant
// settings, the active-organization check, the same list query, COMMIT, as
// brave_app under RLS. The tenant comes from the `x-bench-org` header (no
// token check: that is part of what the framework side pays for).
//   node bench/raw-server.mjs <port> <database url> <query: projects|inspections> <pool max>
import http from 'node:http';
import postgres from 'postgres';

const [port, url, kind = 'projects', max = '10'] = process.argv.slice(2);
const sql = postgres(url, { max: Number(max), onnotice: () => {} });
const ID = /^[A-Za-z0-9_-]{1,64}$/;

const QUERIES = {
  projects: (tx, org) =>
    tx`select * from projects where organization_id = ${org} order by created_at desc, id desc limit 51`,
  inspections: (tx, org) =>
    tx`select i.*, p.name as project_name from inspections i
       join projects p on p.organization_id = i.organization_id and p.id = i.project_id
       where i.organization_id = ${org} order by i.created_at desc, i.id desc limit 51`,
};
const list = QUERIES[kind];

const server = http.createServer(async (req, res) => {
  const org = req.headers['x-bench-org'];
  if (typeof org !== 'string' || !ID.test(org)) {
    res.writeHead(401).end();
    return;
  }
  try {
    const rows = await sql.begin(async (tx) => {
      const settings = tx.unsafe(
        `select set_config('app.current_org', '${org}', true), set_config('app.current_user', 'user_bench', true)`,
      );
      const [, active, items] = await Promise.all([
        settings,
        tx`select active from organizations where organization_id = ${org}`,
        list(tx, org),
      ]);
      if (!active[0]?.active) throw new Error('inactive');
      return items;
    });
    const body = JSON.stringify({ items: rows.slice(0, 50), nextCursor: rows.length > 50 ? 'x' : null });
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(body);
  } catch {
    res.writeHead(500).end();
  }
});
server.keepAliveTimeout = 65_000;
server.listen(Number(port), '127.0.0.1', () => process.send?.('ready'));
process.on('SIGTERM', () => server.close(() => sql.end({ timeout: 1 }).then(() => process.exit(0))));
