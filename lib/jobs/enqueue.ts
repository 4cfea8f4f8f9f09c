import 'server-only';
import PgBoss from 'pg-boss';
import type { z } from 'zod';
import type { Tx } from '@/db/tenant';
import { JOB_SCHEMA, JOBS } from './queues';

type JobDef = (typeof JOBS)[keyof typeof JOBS];

const globals = globalThis as unknown as { __braveJobSender?: PgBoss };

/**
 * A never-started pg-boss instance: only its `send` is used, always with the
 * caller's transaction as its database, so it opens no connection of its own.
 */
function sender(): PgBoss {
  globals.__braveJobSender ??= new PgBoss({ db: { executeSql: () => Promise.reject(new Error('jobs are sent inside a transaction')) }, schema: JOB_SCHEMA });
  return globals.__braveJobSender;
}

/**
 * pg-boss's statements use `$n` placeholders, some more than once with different
 * casts, so they can't be re-expressed as drizzle chunks (each chunk is a new
 * parameter with its own inferred type). They run as written on the
 * transaction's own postgres.js connection: drizzle's session `queryObjects`.
 */
type RawSession = { session: { queryObjects(query: string, params: unknown[]): Promise<Record<string, unknown>[]> } };

function runRaw(tx: Tx, text: string, values: unknown[]) {
  const params = values.map((v) => (v !== null && typeof v === 'object' && !(v instanceof Date) ? JSON.stringify(v) : (v ?? null)));
  return (tx as unknown as RawSession).session.queryObjects(text, params);
}

/**
 * Enqueue a job in the caller's transaction (the outbox pattern without an
 * outbox table): the job exists if and only if the write that needs it commits.
 */
export async function enqueueJob<J extends JobDef>(
  tx: Tx,
  job: J,
  data: z.input<J['data']>,
  options: { startAfterSeconds?: number; singletonKey?: string } = {},
): Promise<void> {
  const payload = job.data.parse(data) as object;
  await sender().send(job.name, payload, {
    startAfter: options.startAfterSeconds,
    singletonKey: options.singletonKey,
    db: {
      executeSql: async (text: string, values: unknown[]) => ({ rows: [...(await runRaw(tx, text, values))] }),
    },
  });
}
