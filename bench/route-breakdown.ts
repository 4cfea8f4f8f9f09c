/**
 * (d) the route's own steps, timed in this process for scale next to the HTTP
 * rows (the server's CPU per request): what `GET /api/v1/projects` does
 * besides Next's floor and the session check. CPU ms per call (process.cpuUsage,
 * so waiting on PostgreSQL is not counted) after a warm-up of n/5 calls.
 */
import { importSPKI, jwtVerify } from 'jose';
import { createDatabase } from '@/db/client';
import { listProjects } from '@/db/queries/projects';
import { withTenantOn } from '@/db/tenant';
import { get } from './lib/app-server';
import { selfCpuMs } from './lib/cpu';
import { readQuery } from '@/lib/validation/request';
import { projectJson } from '@/lib/projects/serialize';
import { toPage } from '@/lib/pagination/cursor';
import { projectListQuery } from '@/lib/zod/schemas/projects';

/** CPU ms of this process per call of `fn`, over `n` sequential calls. */
async function cpuMs(n: number, fn: () => unknown): Promise<number> {
  for (let i = 0; i < Math.ceil(n / 5); i++) await fn();
  const t = selfCpuMs();
  for (let i = 0; i < n; i++) await fn();
  return (selfCpuMs() - t) / n;
}

export interface RouteMicro {
  bodyBytes: number;
  jsonStringifyMs: number;
  rs256VerifyMs: number;
  rs256ImportAndVerifyMs: number;
  /** The route's steps besides the door (CPU ms per call in this process). */
  steps?: { readQueryMs: number; doorAndListMs: number; serializeMs: number };
}

export async function microTimings(
  url: string,
  cookie: string,
  token: string,
  publicPem: string,
  scope?: { appUrl: string; orgId: string; userId: string },
): Promise<RouteMicro> {
  const body = (await get(url, { cookie, accept: 'application/json' })).body;
  const parsed = JSON.parse(body) as unknown;
  const key = await importSPKI(publicPem, 'RS256');
  const out: RouteMicro = {
    bodyBytes: Buffer.byteLength(body),
    jsonStringifyMs: await cpuMs(500, () => JSON.stringify(parsed)),
    rs256VerifyMs: await cpuMs(500, () => jwtVerify(token, key)),
    // As @clerk/backend's verifyJwt does with a jwtKey: WebCrypto importKey of the PEM on every call, then verify.
    rs256ImportAndVerifyMs: await cpuMs(500, async () => {
      const der = Buffer.from(publicPem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
      const alg = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
      const k = await crypto.subtle.importKey('spki', der, alg, false, ['verify']);
      const [h, p, sig] = token.split('.');
      return crypto.subtle.verify(alg.name, k, Buffer.from(sig!, 'base64url'), new TextEncoder().encode(`${h}.${p}`));
    }),
  };
  if (!scope) return out;
  const db = createDatabase(scope.appUrl, { max: 1 });
  try {
    const req = new Request(url);
    const rows = await withTenantOn(db, scope, (tx) => listProjects(tx, scope.orgId, { limit: 50 }));
    out.steps = {
      readQueryMs: await cpuMs(500, () => readQuery(req, projectListQuery)),
      doorAndListMs: await cpuMs(200, () => withTenantOn(db, scope, (tx) => listProjects(tx, scope.orgId, { limit: 50 }))),
      serializeMs: await cpuMs(500, () => {
        const page = toPage(rows, 50);
        return JSON.stringify({ items: page.items.map(projectJson), nextCursor: page.nextCursor });
      }),
    };
  } finally {
    await db.$pool.end({ timeout: 1 });
  }
  return out;
}
