import type { z } from 'zod';
import type { Permission } from '@/lib/rbac/permissions';

/**
 * Every server action and route handler carries a description of itself,
 * attached by the wrapper that built it (tenantAction, tenantRoute) or by
 * `publicEndpoint` for the few that need no tenant. The proof suites discover
 * endpoints by importing the app's action and route modules and reading this
 * tag: a new endpoint is fuzzed the day it is written, and an untagged export
 * fails the registry test (tests/proof/endpoint-registry.int.test.ts).
 */
const ENDPOINT = Symbol.for('brave.endpoint');

export type EndpointMeta =
  | { kind: 'action'; permission: Permission; schema: z.ZodType; stepUp?: boolean }
  | { kind: 'route'; permission: Permission }
  | { kind: 'public'; reason: string };

export function tagEndpoint<F extends object>(fn: F, meta: EndpointMeta): F {
  Object.defineProperty(fn, ENDPOINT, { value: meta, enumerable: false });
  return fn;
}

/** Marks a handler that deliberately runs without a tenant (health, webhooks, the QR page's API). */
export function publicEndpoint<F extends object>(reason: string, fn: F): F {
  return tagEndpoint(fn, { kind: 'public', reason });
}

export function endpointMeta(fn: unknown): EndpointMeta | undefined {
  return typeof fn === 'function' ? ((fn as unknown as Record<symbol, EndpointMeta>)[ENDPOINT] ?? undefined) : undefined;
}
