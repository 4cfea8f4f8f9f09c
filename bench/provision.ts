/**
 * (c) Provisioning a new organization end to end, timed by
 * bench/provision-child.ts in a process of its own (lib/env reads
 * DATABASE_URL once at import; the bench's database is only known at run
 * time). See that file for what is timed.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Summary } from './lib/stats';

export interface ProvisionResult {
  status: 'measured' | 'failed';
  samples: number;
  /** user.created + organization.created + organizationMembership.created through the webhook route handler. */
  webhooks?: { total: Summary; user: Summary; org: Summary; membership: Summary };
  /** provisionTenant() alone: the org row and its defaults in one door transaction. */
  direct?: Summary;
  defaults?: { bmp: number; violationTypes: number; formTemplates: number; templateBytes: number };
  note: string;
}

export function measureProvision(o: { root: string; appUrl: string; warmup: number; samples: number }): ProvisionResult {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: o.appUrl,
    CLERK_WEBHOOK_SIGNING_SECRET: `whsec_${randomBytes(24).toString('base64')}`,
    NODE_ENV: 'production',
  };
  delete env.DATABASE_OWNER_URL; // the app never holds owner credentials
  const r = spawnSync(
    process.execPath,
    [
      path.join(o.root, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
      '--conditions=react-server',
      path.join(o.root, 'bench', 'provision-child.ts'),
      String(o.warmup),
      String(o.samples),
    ],
    { cwd: o.root, env, encoding: 'utf8', timeout: 10 * 60_000 },
  );
  const line = r.stdout?.trim().split('\n').at(-1);
  if (r.status !== 0 || !line?.startsWith('{')) {
    return {
      status: 'failed',
      samples: 0,
      note: `provision-child exited ${r.status ?? r.signal}: ${(r.stderr || r.stdout || '').trim().split('\n').slice(-5).join(' | ')}`,
    };
  }
  const out = JSON.parse(line) as Required<Pick<ProvisionResult, 'webhooks' | 'direct' | 'defaults'>> & { checked: string[] };
  return {
    status: 'measured',
    samples: o.samples,
    webhooks: out.webhooks,
    direct: out.direct,
    defaults: out.defaults,
    note: `${o.samples} new orgs per variant after ${o.warmup} warm-up, interleaved; ${out.checked.length} of them checked afterwards (active, defaults, owner membership)`,
  };
}
