/** `npm run db:migrate`: apply drizzle/ as brave_owner (DATABASE_OWNER_URL, or the embedded default). */
import { runMigrations } from '@/db/migrate';
import { installJobQueues } from '@/lib/jobs/install';
import { resolveDatabase } from './lib/database-urls';

const database = await resolveDatabase({ dataDir: '.data/pg' });
if (!database.embedded) {
  if (!database.urls.owner) throw new Error('Set DATABASE_OWNER_URL (the brave_owner role) to migrate a server.');
  await runMigrations(database.urls.owner);
  await installJobQueues(database.urls.owner);
}
// The embedded bootstrap has just migrated as part of starting.
console.log('migrations applied');
await database.stop();
