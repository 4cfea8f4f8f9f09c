/**
 * Once per test run: a real PostgreSQL (embedded, fsync off) with a migrated
 * template database. Each test file clones it (tests/setup/file-database.ts).
 */
import type { TestProject } from 'vitest/node';
import postgres from 'postgres';
import { startLocalDatabase } from '@/scripts/lib/local-database';

export const TEMPLATE_DB = 'brave_template';

declare module 'vitest' {
  export interface ProvidedContext {
    database: { superuserUrl: string; template: string; templateUrls: { owner: string; app: string; public: string } };
  }
}

export default async function setup(project: TestProject) {
  const local = await startLocalDatabase({
    dir: '.data/test-pg',
    port: 54339,
    database: TEMPLATE_DB,
    ephemeral: true,
    log: (l) => console.log(`[test postgres] ${l}`),
  });
  // A template must have no open connections when cloned; mark it as one.
  const su = postgres(local.server.superuserUrl(), { max: 1, onnotice: () => {} });
  await su.unsafe(`alter database ${TEMPLATE_DB} with is_template true`);
  // Leftovers of an interrupted earlier run.
  const stale = await su<{ datname: string }[]>`select datname from pg_database where datname like 't\\_%'`;
  for (const { datname } of stale) await su.unsafe(`drop database if exists "${datname}" with (force)`);
  await su.end();
  project.provide('database', { superuserUrl: local.server.superuserUrl(), template: TEMPLATE_DB, templateUrls: local.urls });
  return async () => {
    await local.server.stop();
  };
}
