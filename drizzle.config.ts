import { defineConfig } from 'drizzle-kit';

// Generation only: migrations are applied by `npm run db:migrate` (scripts/db-migrate.ts) as brave_owner.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './drizzle',
  casing: 'snake_case',
  entities: { roles: true },
  strict: true,
  verbose: false,
});
