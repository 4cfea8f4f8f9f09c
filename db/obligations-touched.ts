import 'server-only';
import type { Tx } from './tenant';

/**
 * Which projects' obligations a transaction's writes may have changed. Filled
 * by recordAudit (every write is audited, so no write path can forget to say
 * it) and drained by lib/compliance/recompute-obligations.ts before the
 * transaction commits (lib/api/tenant-request.ts). Keyed by the transaction
 * object: nothing outlives it, nothing crosses to another request.
 */
interface Touched {
  projects: Set<string>;
  violations: Set<string>;
  /** An organization-wide input changed (compliance settings: rain threshold, business calendar): every active project. */
  all: boolean;
}
const touched = new WeakMap<Tx, Touched>();

/** The entity types whose writes feed the deadline engine (docs/obligations.md). */
const FEEDS = new Set(['project', 'inspection', 'rain_event', 'violation', 'corrective_action', 'site_condition', 'compliance_settings']);

function of(tx: Tx): Touched {
  let t = touched.get(tx);
  if (!t) touched.set(tx, (t = { projects: new Set(), violations: new Set(), all: false }));
  return t;
}

const str = (v: unknown) => (typeof v === 'string' && v ? v : null);

/** Called by recordAudit with the entry it writes. */
export function noteWrite(
  tx: Tx,
  entry: { entityType: string; entityId: string; before?: object | null; after?: object | null },
): void {
  if (!FEEDS.has(entry.entityType)) return;
  const rows = [entry.after, entry.before] as (Record<string, unknown> | null | undefined)[];
  if (entry.entityType === 'project') return void of(tx).projects.add(entry.entityId);
  if (entry.entityType === 'compliance_settings') return void (of(tx).all = true);
  if (entry.entityType === 'corrective_action') {
    const violationId = rows.map((r) => str(r?.violationId)).find(Boolean);
    if (violationId) of(tx).violations.add(violationId);
    return;
  }
  for (const r of rows) {
    const projectId = str(r?.projectId);
    if (projectId) of(tx).projects.add(projectId);
  }
}

/** Take (and forget) what this transaction touched. */
export function drainTouched(tx: Tx): Touched {
  const t = touched.get(tx) ?? { projects: new Set<string>(), violations: new Set<string>(), all: false };
  touched.delete(tx);
  return t;
}
