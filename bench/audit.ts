/**
 * (f) What the same-transaction audit row adds to a write: createProject
 * (insert … returning, then recordAudit in the same transaction) against the
 * same insert without the audit row, both through the door as brave_app,
 * interleaved. The audit row is written synchronously and commits with the
 * change (docs/design.md §1), so its cost is one more statement in the transaction.
 */
import { createDatabase } from '@/db/client';
import { createProject } from '@/db/queries/projects';
import { projects } from '@/db/schema';
import { withTenantOn } from '@/db/tenant';
import type { Target } from './lib/setup';
import { ratio, sampleInterleaved, type Ratio, type Summary } from './lib/stats';

export interface AuditResult {
  without: Summary;
  with: Summary;
  ratio: Ratio;
  /** with − without, in ms. */
  added: { p50: number; p99: number };
}

export async function measureAudit(o: {
  appUrl: string;
  targets: Target[];
  warmup: number;
  samples: number;
}): Promise<AuditResult> {
  const a = createDatabase(o.appUrl, { max: 1 });
  const b = createDatabase(o.appUrl, { max: 1 });
  const values = (i: number) => ({ name: `Bench write ${i}`, address: '1 Bench Rd', npdesPermitId: `TXR15B${i}` });
  let i = 0;
  try {
    const [without, withAudit] = await sampleInterleaved(
      [
        {
          name: 'insert',
          run: (t: Target) =>
            withTenantOn(a, { orgId: t.orgId, userId: 'user_bench' }, (tx) =>
              tx
                .insert(projects)
                .values({ ...values(i++), organizationId: t.orgId, createdBy: 'user_bench' })
                .returning(),
            ),
        },
        {
          name: 'insert + recordAudit',
          run: (t: Target) =>
            withTenantOn(b, { orgId: t.orgId, userId: 'user_bench' }, (tx) =>
              createProject(
                tx,
                { orgId: t.orgId, userId: 'user_bench', ip: '127.0.0.1', userAgent: 'bench' },
                values(i++),
              ),
            ),
        },
      ],
      { warmup: o.warmup, samples: o.samples, pick: (k) => o.targets[(k * 104729) % o.targets.length]! },
    );
    return {
      without: without!,
      with: withAudit!,
      ratio: ratio(withAudit!, without!),
      added: { p50: withAudit!.p50 - without!.p50, p99: withAudit!.p99 - without!.p99 },
    };
  } finally {
    await Promise.all([a.$pool.end({ timeout: 1 }), b.$pool.end({ timeout: 1 })]);
  }
}
