import 'server-only';
import path from 'node:path';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import { openPool } from './connection';

/** Apply drizzle/ migrations as the owner role (brave_owner). Never with the app role. */
export async function runMigrations(ownerUrl: string): Promise<void> {
  const client = openPool(ownerUrl, { max: 1 });
  try {
    await migrate(drizzle(client), { migrationsFolder: path.join(process.cwd(), 'drizzle') });
  } finally {
    await client.end({ timeout: 5 });
  }
}
