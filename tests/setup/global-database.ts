/**
 * Once per test run: a real PostgreSQL (embedded, fsync off) with a migrated
 * template database. Each test file clones it (tests/setup/file-database.ts).
 */
import type { TestProject } from 'vitest/node';
import postgres from 'postgres';
import fs from 'node:fs';
import path from 'node:path';
import { destroyEmbeddedPostgres } from '@/scripts/lib/embedded-postgres';
import { startLocalDatabase } from '@/scripts/lib/local-database';

const ROOT = '.data/test-pg';

function alive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Clusters of earlier runs whose vitest process is gone (killed, crashed). */
async function removeDeadRuns() {
  if (!fs.existsSync(ROOT)) return;
  for (const name of fs.readdirSync(ROOT)) {
    const match = /^run-(\d+)$/.exec(name);
    if (match && !alive(Number(match[1]))) await destroyEmbeddedPostgres(path.join(ROOT, name));
  }
}

export const TEMPLATE_DB = 'brave_template';

declare module 'vitest' {
  export interface ProvidedContext {
    database: { superuserUrl: string; template: string; templateUrls: { owner: string; app: string; public: string } };
  }
}

export default async function setup(project: TestProject) {
  // One throw-away cluster per run, so concurrent runs (two terminals, parallel agents) never share one.
  await removeDeadRuns();
  const local = await startLocalDatabase({
    dir: path.join(ROOT, `run-${process.pid}`),
    port: 0,
    database: TEMPLATE_DB,
    ephemeral: true,
    log: (l) => console.log(`[test postgres] ${l}`),
  });
  // A template must have no open connections when cloned; mark it as one.
  const su = postgres(local.server.superuserUrl(), { max: 1, onnotice: () => {} });
  await su.unsafe(`alter database ${TEMPLATE_DB} with is_template true`);
  await su.end();
  project.provide('database', {
    superuserUrl: local.server.superuserUrl(),
    template: TEMPLATE_DB,
    templateUrls: local.urls,
  });
  return async () => {
    await local.server.stop({ removeData: true });
  };
}
