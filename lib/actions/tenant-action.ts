import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import type { Tx } from '@/db/tenant';
import { GENERIC_MESSAGE, isPublicError, PublicError } from '@/lib/api/errors';
import { requireTenant } from '@/lib/auth/session';
import { hasRecentSecondFactor } from '@/lib/auth/step-up';
import { hasPermission, type TenantContext } from '@/lib/auth/tenant-context';
import { withTenantRequest } from '@/lib/api/tenant-request';
import {
  isDatabaseUnavailable,
  isStorageUnavailable,
  isUnstorableInput,
  STORAGE_UNAVAILABLE_MESSAGE,
  UNAVAILABLE_MESSAGE,
  UNSTORABLE_MESSAGE,
} from '@/lib/api/unavailable';
import { tagEndpoint } from '@/lib/endpoints/registry';
import type { Permission } from '@/lib/rbac/permissions';
import { recordSecurityEvent } from '@/lib/security/record-miss';

/** What every action returns; forms read it with `useActionState`. */
export type ActionResult<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      formError?: string;
      fieldErrors?: Record<string, string[] | undefined>;
      /** Refused for want of a recent second factor (lib/auth/step-up.ts): the form offers to verify. */
      stepUp?: true;
    };

export interface TenantActionOptions {
  /** A sensitive action: also needs a second factor verified within the last minutes (docs/auth.md). */
  stepUp?: boolean;
}

export const STEP_UP_MESSAGE = 'For your security, confirm it’s you (your second factor) before doing this, then try again.';

export interface TenantActionContext {
  tx: Tx;
  ctx: TenantContext;
}

type Input = FormData | Record<string, unknown>;

/** FormData → plain object; a key sent several times becomes an array. `$ACTION_*` keys are Next's own. */
function formDataToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith('$ACTION')) continue;
    const all = form.getAll(key);
    out[key] = all.length > 1 ? all : all[0];
  }
  return out;
}

/**
 * A server action for the current tenant: auth() → permission → zod →
 * org active (lib/api/tenant-request.ts) → rate limit → withTenant → handler. Nothing is
 * written unless every step passes; the handler's writes and its audit rows
 * share one transaction. Throw a PublicError for a message the user may see.
 *
 * Call it as `useActionState(action, null)` or `await action(null, input)`.
 */
export function tenantAction<S extends z.ZodType, T>(
  permission: Permission,
  schema: S,
  handler: (input: z.output<S>, context: TenantActionContext) => Promise<T>,
  options: TenantActionOptions = {},
) {
  async function action(_prev: ActionResult<T> | null, input: Input): Promise<ActionResult<T>> {
    let ctx: TenantContext | undefined;
    try {
      ctx = await requireTenant();
      if (!hasPermission(ctx, permission)) {
        // Counted like a miss by id: the alert rules look for a member trying door after door.
        await recordSecurityEvent(ctx, 'ACCESS_DENIED', { endpoint: handler.name || 'action', permission });
        throw PublicError.forbidden();
      }
      if (options.stepUp && !(await hasRecentSecondFactor())) {
        return { ok: false, formError: STEP_UP_MESSAGE, stepUp: true };
      }

      const raw = input instanceof FormData ? formDataToObject(input) : input;
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        const flat = z.flattenError(parsed.error);
        return {
          ok: false,
          formError: flat.formErrors.length ? flat.formErrors.join(' ') : 'Please correct the highlighted fields.',
          fieldErrors: flat.fieldErrors as Record<string, string[] | undefined>,
        };
      }

      const tenant = ctx;
      const use = { write: true, permission, endpoint: handler.name || 'action' };
      const data = await withTenantRequest(tenant, use, (tx) => handler(parsed.data, { tx, ctx: tenant }));
      return { ok: true, data };
    } catch (error) {
      unstable_rethrow(error); // redirect(), notFound() and Next's own control flow
      if (isPublicError(error)) {
        if (error.code === 'not_found' && ctx) await recordSecurityEvent(ctx, 'TENANT_BREACH_ATTEMPT', { endpoint: handler.name || 'action', permission });
        return { ok: false, formError: error.message };
      }
      if (isStorageUnavailable(error)) {
        console.warn(String(error));
        return { ok: false, formError: STORAGE_UNAVAILABLE_MESSAGE };
      }
      if (isDatabaseUnavailable(error)) return { ok: false, formError: UNAVAILABLE_MESSAGE };
      if (isUnstorableInput(error)) return { ok: false, formError: UNSTORABLE_MESSAGE };
      console.error(error);
      return { ok: false, formError: GENERIC_MESSAGE };
    }
  }
  return tagEndpoint(action, { kind: 'action', permission, schema, stepUp: options.stepUp === true });
}
