/**
 * `npm run audit:verify -- --org <org id>`: walk the organization's audit hash
 * chain (drizzle/0014_audit_hash_chain.sql) through the tenant door as
 * brave_app and print the result as JSON. Exit 0 when intact, 1 at the first
 * broken link, 2 on bad usage. Uses DATABASE_URL when set, else the embedded
 * database under .data/pg.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createDatabase } from '@/db/client';
import { withTenantOn } from '@/db/tenant';
import { verifyAuditChain } from '@/lib/audit/verify-chain';
import { resolveDatabase } from './lib/database-urls';

const usage = 'usage: npm run audit:verify -- --org <organization id>';
let org: string;
try {
  const { values } = parseArgs({ options: { org: { type: 'string' } }, strict: true });
  org = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).parse(values.org);
} catch {
  console.error(usage);
  process.exit(2);
}

const database = await resolveDatabase({ dataDir: '.data/pg' });
const db = createDatabase(database.urls.app, { max: 1 });
let code = 0;
try {
  const report = await withTenantOn(db, { orgId: org, userId: 'system_audit_verify' }, (tx) => verifyAuditChain(tx, org));
  console.log(JSON.stringify({ organizationId: org, ...report }, null, 2));
  code = report.ok ? 0 : 1;
} finally {
  await db.$pool.end();
  await database.stop();
}
process.exit(code);
