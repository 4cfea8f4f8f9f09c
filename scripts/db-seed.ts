/** `npm run db:seed`: demo organizations through the tenant door (idempotent). */
import { createDatabase } from '@/db/client';
import { seed } from '@/lib/demo/seed';
import { resolveDatabase } from './lib/database-urls';

const database = await resolveDatabase({ dataDir: '.data/pg' });
const db = createDatabase(database.urls.app, { max: 2 });
const { created } = await seed(db);
await db.$pool.end();
console.log(created.length ? `seeded: ${created.join(', ')}` : 'already seeded');
await database.stop();
