/**
 * `npm run soak [-- --pgbouncer]`: the soak of tests/proof/soak.int.test.ts
 * with 1,000,000 requests (SOAK_REQUESTS overrides), straight to PostgreSQL,
 * or with `--pgbouncer` through the test run's PgBouncer in transaction mode
 * with DATABASE_PREPARE=false (scripts/lib/pgbouncer.ts). Prints the leak count.
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { pgbouncer: { type: 'boolean', default: false } } });
const run = spawnSync('npx', ['vitest', 'run', '--project', 'int', 'tests/proof/soak.int.test.ts'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    SOAK_REQUESTS: process.env.SOAK_REQUESTS ?? '1000000',
    SOAK_ROUTES: values.pgbouncer ? 'pgbouncer' : 'direct',
  },
});
process.exit(run.status ?? 1);
