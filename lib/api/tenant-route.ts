import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import type { Tx } from '@/db/tenant';
import { requireTenant } from '@/lib/auth/session';
import { hasPermission, type TenantContext } from '@/lib/auth/tenant-context';
import type { Permission } from '@/lib/rbac/permissions';
import { tagEndpoint } from '@/lib/endpoints/registry';
import { recordSecurityEvent } from '@/lib/security/record-miss';
import { errorResponse, isPublicError, PublicError } from './errors';
import { withCachedTenantRead, withTenantRequest } from './tenant-request';

export interface TenantRouteContext<P> {
  tx: Tx;
  ctx: TenantContext;
  params: P;
}

type RouteSegment<P> = { params: Promise<P> };

/**
 * A route handler for the current tenant: auth() → permission → org active →
 * rate limit (lib/api/tenant-request.ts) → withTenant → handler. 401 when
 * signed out, 403 without an active org or the permission, 429 with
 * Retry-After over a rate limit, the PublicError's status otherwise, 500 with a generic body
 * for anything else. A handler returns a Response or JSON-able data.
 *
 *   // GET /api/v1/projects - the tenant's projects
 *   export const GET = tenantRoute({ permission: 'org:data:read' }, async (req, { tx, ctx }) => listProjects(tx, ctx.orgId));
 */
export function tenantRoute<P = Record<string, string>, T = unknown>(
  options: {
    permission: Permission;
    /**
     * GET only: serve the JSON answer from the tenant's cache for `ttlSeconds` under the key
     * `key(req)` returns (undefined: don't cache this request). Any write of the tenant drops it.
     */
    cache?: { ttlSeconds: number; key: (req: Request) => string | undefined };
    /** A GET that records an audit entry (a download): it runs in a transaction that may write. */
    audited?: boolean;
  },
  handler: (req: Request, context: TenantRouteContext<P>) => Promise<T | Response>,
) {
  async function route(req: Request, segment?: RouteSegment<P>): Promise<Response> {
    let ctx: TenantContext | undefined;
    try {
      ctx = await requireTenant();
      if (!hasPermission(ctx, options.permission)) {
        // Counted like a miss by id: the alert rules look for a member trying door after door.
        await recordSecurityEvent(ctx, 'ACCESS_DENIED', { method: req.method, path: new URL(req.url).pathname, permission: options.permission });
        throw PublicError.forbidden();
      }
      const params = (segment ? await segment.params : {}) as P;
      const tenant = ctx;
      const use = {
        write: req.method !== 'GET' && req.method !== 'HEAD',
        audited: options.audited,
        permission: options.permission,
        endpoint: `${req.method} ${new URL(req.url).pathname}`,
      };
      const cacheKey = options.cache && req.method === 'GET' ? options.cache.key(req) : undefined;
      if (cacheKey) {
        const body = await withCachedTenantRead(tenant, use, { key: cacheKey, ttlSeconds: options.cache!.ttlSeconds }, (tx) =>
          handler(req, { tx, ctx: tenant, params }),
        );
        if (body instanceof Response) return body;
        return new Response(body, { headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' } });
      }
      const result = await withTenantRequest(tenant, use, (tx) => handler(req, { tx, ctx: tenant, params }));
      if (result instanceof Response) return result;
      return Response.json(result ?? null, { headers: { 'Cache-Control': 'no-store' } });
    } catch (error) {
      unstable_rethrow(error);
      if (isPublicError(error) && error.code === 'not_found' && ctx) {
        await recordSecurityEvent(ctx, 'TENANT_BREACH_ATTEMPT', { method: req.method, path: new URL(req.url).pathname });
      }
      return errorResponse(error);
    }
  }
  return tagEndpoint(route, { kind: 'route', permission: options.permission });
}

/** Parse a JSON body with zod; a malformed body is a 400 listing every field error. */
export async function parseJson<S extends z.ZodType>(req: Request, schema: S): Promise<z.output<S>> {
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    throw PublicError.badRequest('The request body must be JSON.');
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const flat = z.flattenError(parsed.error);
    const message = [...flat.formErrors, ...Object.entries(flat.fieldErrors).map(([k, v]) => `${k}: ${(v as string[]).join(', ')}`)];
    throw PublicError.badRequest(message.join('; ') || 'Invalid request body.', flat.fieldErrors as Record<string, string[]>);
  }
  return parsed.data;
}
