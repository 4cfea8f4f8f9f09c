/**
 * Once per test run: a real PostgreSQL (embedded, fsync off) with a migrated
 * template database, and a real PgBouncer in transaction mode in front of it
 * (scripts/lib/pgbouncer.ts). Each test file clones the template
 * (tests/setup/file-database.ts) and reaches its clone directly or through PgBouncer.
 */
import type { TestProject } from 'vitest/node';
import postgres from 'postgres';
import fs from 'node:fs';
import path from 'node:path';
import { destroyEmbeddedPostgres } from '@/scripts/lib/embedded-postgres';
import { startLocalDatabase } from '@/scripts/lib/local-database';
import { startPgBouncer } from '@/scripts/lib/pgbouncer';

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
    /** The port of the run's PgBouncer (transaction mode, every database of the cluster). */
    pgbouncerPort: number;
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
  // Every login role the tests use, with the passwords the cluster gave them.
  const users = Object.fromEntries(
    [local.server.superuserUrl(), local.urls.owner, local.urls.app, local.urls.public].map((u) => {
      const url = new URL(u);
      return [decodeURIComponent(url.username), decodeURIComponent(url.password)];
    }),
  );
  const bouncer = await startPgBouncer({ serverPort: local.server.port, users, poolSize: 2 });
  project.provide('pgbouncerPort', bouncer.port);
  project.provide('database', {
    superuserUrl: local.server.superuserUrl(),
    template: TEMPLATE_DB,
    templateUrls: local.urls,
  });
  return async () => {
    await bouncer.stop();
    await local.server.stop({ removeData: true });
  };
}
