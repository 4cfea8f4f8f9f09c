// (d), the middle variant: node:http + the project's own database code for
// GET /api/v1/projects — withTenant (the door), assertActiveOrganization,
// listProjects (Drizzle), toPage, projectJson, JSON — with no Next and no
// Clerk. Next route / this = what the framework and the session check cost;
// this / raw-server.mjs = what the door and Drizzle cost over a bare
// postgres.js handler. The tenant and user come from headers (no token check).
//   DATABASE_URL=<brave_app url> tsx --conditions=react-server bench/raw-app-server.ts <port>
import http from 'node:http';
import { appDb } from '@/db/client';
import { listProjects } from '@/db/queries/projects';
import { withTenant } from '@/db/tenant';
import { assertActiveOrganization } from '@/lib/auth/organization-status';
import { toPage } from '@/lib/pagination/cursor';
import { projectJson } from '@/lib/projects/serialize';

const port = Number(process.argv[2]);
const LIMIT = 50;

const server = http.createServer(async (req, res) => {
  if (req.url === '/health') return void res.writeHead(200).end('ok');
  const orgId = String(req.headers['x-bench-org'] ?? '');
  const userId = String(req.headers['x-bench-user'] ?? 'user_bench');
  try {
    const rows = await withTenant({ orgId, userId }, async (tx) => {
      await assertActiveOrganization(tx, orgId);
      return listProjects(tx, orgId, { limit: LIMIT });
    });
    const page = toPage(rows, LIMIT);
    const body = JSON.stringify({ items: page.items.map(projectJson), nextCursor: page.nextCursor });
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(body);
  } catch (e) {
    console.error(e);
    res.writeHead(500).end();
  }
});
server.keepAliveTimeout = 65_000;
server.listen(port, '127.0.0.1');
process.on('SIGTERM', () => server.close(() => appDb().$pool.end({ timeout: 1 }).then(() => process.exit(0))));
