/**
 * (c) run in a process of its own, because lib/env reads DATABASE_URL once at
 * import and the bench's database only exists once the run has started: the
 * parent (bench/provision.ts) spawns this with DATABASE_URL pointing at the
 * bench database (role brave_app) and a throw-away webhook signing secret, so
 * the app's own code runs unmodified against it:
 *
 *   A. "end to end": what the app does when somebody creates an organization in
 *      Clerk — the three svix-signed webhooks Clerk sends (user.created,
 *      organization.created, organizationMembership.created with org:owner),
 *      each handed to the real route handler (app/api/webhooks/clerk/route.ts:
 *      signature check, then applyClerkEvent → provisionTenantIn through the
 *      door, one transaction per event). No HTTP server in between.
 *   B. provisionTenant() alone (lib/tenancy/provision.ts: the tenant row and
 *      its defaults in one transaction through withTenant).
 *
 * Interleaved per iteration (A, B / B, A …), each sample a new organization.
 * Prints one JSON line on stdout.
 *
 *   tsx --conditions=react-server bench/provision-child.ts <warmup> <samples>
 */
import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { Webhook } from 'svix';
import { bmpCategories, formTemplates, memberships, organizations, violationTypes } from '@/db/schema';
import { appDb } from '@/db/client';
import { withTenant } from '@/db/tenant';
import { tenantDefaults } from '@/lib/tenancy/defaults';
import { provisionTenant } from '@/lib/tenancy/provision';
import { POST } from '@/app/api/webhooks/clerk/route';
import { summarize, type Summary } from './lib/stats';

const [warmup = 3, samples = 30] = process.argv.slice(2).map(Number);
const secret = process.env.CLERK_WEBHOOK_SIGNING_SECRET!;
const run = `${process.pid.toString(36)}${Date.now().toString(36)}`;

function signed(type: string, data: object) {
  const id = `msg_${randomUUID()}`;
  const at = new Date();
  const body = JSON.stringify({ type, object: 'event', data, timestamp: at.getTime(), instance_id: 'ins_bench' });
  return new NextRequest('http://127.0.0.1:3000/api/webhooks/clerk', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'svix-id': id,
      'svix-timestamp': String(Math.floor(at.getTime() / 1000)),
      'svix-signature': new Webhook(secret).sign(id, at, body),
    },
    body,
  });
}

async function post(type: string, data: object) {
  const res = await POST(signed(type, data));
  const body = (await res.json()) as { outcome?: string; error?: string };
  if (res.status !== 200 || body.outcome !== 'applied') throw new Error(`${type}: ${res.status} ${JSON.stringify(body)}`);
}

/** The webhooks Clerk sends when user `u` creates organization `o` (payload shapes as in route.int.test.ts). */
async function viaWebhooks(i: number) {
  const now = Date.now();
  const orgId = `org_bench_prov_${run}_w${i}`;
  const userId = `user_bench_prov_${run}_w${i}`;
  const org = { object: 'organization', id: orgId, name: `Provisioned ${i}`, slug: `prov-${run}-w${i}`, created_at: now, updated_at: now };
  const t0 = performance.now();
  await post('user.created', {
    object: 'user',
    id: userId,
    first_name: 'Pat',
    last_name: 'Owner',
    image_url: '',
    primary_email_address_id: 'idn_1',
    email_addresses: [{ id: 'idn_1', email_address: `${userId}@example.test` }],
    updated_at: now,
  });
  const t1 = performance.now();
  await post('organization.created', org);
  const t2 = performance.now();
  await post('organizationMembership.created', {
    object: 'organization_membership',
    id: `orgmem_${orgId}_${userId}`,
    role: 'org:owner',
    permissions: [],
    created_at: now,
    updated_at: now,
    organization: org,
    public_user_data: { user_id: userId, identifier: `${userId}@example.test`, first_name: 'Pat', last_name: 'Owner', image_url: '', has_image: false },
  });
  const t3 = performance.now();
  return { orgId, userId, total: t3 - t0, user: t1 - t0, org: t2 - t1, membership: t3 - t2 };
}

async function direct(i: number) {
  const orgId = `org_bench_prov_${run}_d${i}`;
  const t0 = performance.now();
  const { created } = await provisionTenant({ orgId, name: `Direct ${i}`, slug: `prov-${run}-d${i}` });
  if (!created) throw new Error(`${orgId} already existed`);
  return { orgId, ms: performance.now() - t0 };
}

/** What a provisioned org must hold; a sample that skipped work would be a fast lie. */
async function check(orgId: string, ownerId?: string) {
  const got = await withTenant({ orgId, userId: 'bench_check' }, async (tx) => {
    const n = async (t: typeof bmpCategories | typeof violationTypes | typeof formTemplates) =>
      (await tx.select({ n: count() }).from(t).where(eq(t.organizationId, orgId)))[0]!.n;
    const [org] = await tx.select().from(organizations).where(eq(organizations.organizationId, orgId));
    const members = await tx.select().from(memberships).where(eq(memberships.organizationId, orgId));
    return { active: org?.active, bmp: await n(bmpCategories), violations: await n(violationTypes), templates: await n(formTemplates), members };
  });
  const want = {
    bmp: tenantDefaults.bmpCategories.length,
    violations: tenantDefaults.violationTypes.length,
    templates: tenantDefaults.formTemplates.length,
  };
  const ok =
    got.active === true &&
    got.bmp === want.bmp &&
    got.violations === want.violations &&
    got.templates === want.templates &&
    (!ownerId || got.members.some((m) => m.userId === ownerId && m.role === 'owner'));
  if (!ok) throw new Error(`${orgId} is not fully provisioned: ${JSON.stringify({ ...got, want })}`);
}

async function main() {
  const w = { total: [] as number[], user: [] as number[], org: [] as number[], membership: [] as number[] };
  const d: number[] = [];
  const checked: string[] = [];
  for (let i = 0; i < warmup + samples; i++) {
    const order = i % 2 === 0 ? (['w', 'd'] as const) : (['d', 'w'] as const);
    for (const v of order) {
      if (v === 'w') {
        const r = await viaWebhooks(i);
        if (i >= warmup) (['total', 'user', 'org', 'membership'] as const).forEach((k) => w[k].push(r[k]));
        if (i === 0 || i === warmup + samples - 1) {
          await check(r.orgId, r.userId);
          checked.push(r.orgId);
        }
      } else {
        const r = await direct(i);
        if (i >= warmup) d.push(r.ms);
        if (i === 0 || i === warmup + samples - 1) {
          await check(r.orgId);
          checked.push(r.orgId);
        }
      }
    }
  }
  const s = (a: number[]): Summary => summarize(a);
  const rows = {
    bmp: tenantDefaults.bmpCategories.length,
    violationTypes: tenantDefaults.violationTypes.length,
    formTemplates: tenantDefaults.formTemplates.length,
    templateBytes: JSON.stringify(tenantDefaults.formTemplates).length,
  };
  process.stdout.write(
    `${JSON.stringify({
      webhooks: { total: s(w.total), user: s(w.user), org: s(w.org), membership: s(w.membership) },
      direct: s(d),
      defaults: rows,
      checked,
    })}\n`,
  );
  await appDb().$pool.end({ timeout: 1 });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
