import PgBoss from 'pg-boss';
import postgres from 'postgres';
import { JOB_SCHEMA, JOBS } from './queues';

/**
 * pg-boss's own schema and our queues, installed as brave_owner by the
 * migration step (`npm run db:migrate`, the embedded bootstrap): creating a
 * queue creates a table, which brave_app may not. The app and the worker then
 * connect as brave_app with `migrate: false` and only DML grants on it.
 * pg-boss tables hold no tenant rows: a job's payload is an org id and row ids.
 */
export async function installJobQueues(ownerUrl: string): Promise<void> {
  const boss = new PgBoss({ connectionString: ownerUrl, schema: JOB_SCHEMA, max: 1, supervise: false, schedule: false, migrate: true });
  boss.on('error', () => {});
  await boss.start();
  try {
    for (const job of Object.values(JOBS)) {
      // `stately`: at most one queued and one running job per singleton key (the org of a tenant chain).
      const policy = 'policy' in job ? job.policy : 'standard';
      const options = { retryLimit: 3, retryDelay: 30, retryBackoff: true, ...('queue' in job ? job.queue : {}) };
      if (!(await boss.getQueue(job.name))) await boss.createQueue(job.name, { name: job.name, policy, ...options });
    }
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
  const sql = postgres(ownerUrl, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`
      grant usage on schema ${JOB_SCHEMA} to brave_app;
      grant select, insert, update, delete on all tables in schema ${JOB_SCHEMA} to brave_app;
      alter default privileges in schema ${JOB_SCHEMA} grant select, insert, update, delete on tables to brave_app;
    `);
  } finally {
    await sql.end({ timeout: 5 });
  }
}
