import 'server-only';
import { addUsage } from '@/db/queries/usage';
import { withTenant } from '@/db/tenant';
import type { TenantContext } from '@/lib/auth/tenant-context';

/**
 * Counts requests per (org, user, UTC day) for /usage: active users and API
 * requests. Cheap by design: a request adds to an in-process buffer (no I/O),
 * and the buffer is written every FLUSH_MS as one upsert per (org, user, day)
 * — adding, never setting, so any number of servers can flush side by side.
 * A crash loses at most the last interval's counts (usage statistics, not
 * billing records: a metered billing integration would count from its own
 * events, docs/billing.md).
 */
const FLUSH_MS = 10_000;
/** Bounds memory if the database is unreachable for a long time: past this, counts are dropped (logged). */
const MAX_KEYS = 50_000;

interface Pending {
  orgId: string;
  userId: string;
  day: string;
  requests: number;
  apiRequests: number;
}

const globals = globalThis as unknown as { __braveUsage?: { pending: Map<string, Pending>; timer: NodeJS.Timeout | null } };
const state = () => (globals.__braveUsage ??= { pending: new Map(), timer: null });

function merge(p: Pending) {
  const s = state();
  const key = `${p.orgId}\u0000${p.userId}\u0000${p.day}`;
  const existing = s.pending.get(key);
  if (existing) {
    existing.requests += p.requests;
    existing.apiRequests += p.apiRequests;
  } else if (s.pending.size < MAX_KEYS) s.pending.set(key, { ...p });
  schedule();
}

function schedule() {
  const s = state();
  if (s.timer) return;
  s.timer = setTimeout(() => void flushUsage(), FLUSH_MS);
  s.timer.unref?.();
}

export function countRequest(ctx: Pick<TenantContext, 'orgId' | 'userId'>, kind: { api: boolean }, at: Date = new Date()): void {
  merge({ orgId: ctx.orgId, userId: ctx.userId, day: at.toISOString().slice(0, 10), requests: 1, apiRequests: kind.api ? 1 : 0 });
}

/** Write the buffer (also called by tests and on shutdown). Failed rows go back into the buffer for the next flush. */
export async function flushUsage(): Promise<void> {
  const s = state();
  if (s.timer) clearTimeout(s.timer);
  s.timer = null;
  const batch = [...s.pending.values()];
  s.pending.clear();
  for (const p of batch) {
    try {
      await withTenant({ orgId: p.orgId, userId: p.userId }, (tx) =>
        addUsage(tx, p.orgId, p.userId, p.requests, p.apiRequests, new Date(`${p.day}T12:00:00Z`)),
      );
    } catch (error) {
      console.warn(`usage counter: flush failed for one org, kept for the next flush (${String(error)})`);
      merge(p);
    }
  }
}
