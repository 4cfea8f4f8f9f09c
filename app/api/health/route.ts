// Liveness only: no database, no auth (public in docs/design.md §1), so a load balancer
// or the e2e webServer can tell "the server is up" apart from "the database is up".
import { publicEndpoint } from '@/lib/endpoints/registry';

export const dynamic = 'force-dynamic';

// GET /api/health - { status: 'ok' } while the process serves requests.
export const GET = publicEndpoint('liveness probe for load balancers', async () =>
  Response.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } }),
);
