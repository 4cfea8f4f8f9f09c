/**
 * Per test file: a fresh database cloned from the migrated template (~40 ms),
 * with the app connecting as brave_app exactly as in production.
 */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, inject } from 'vitest';

const { superuserUrl, template, templateUrls } = inject('database');
const name = `t_${randomBytes(6).toString('hex')}`;
const su = postgres(superuserUrl, { max: 1, onnotice: () => {} });
await su.unsafe(`create database "${name}" template "${template}" owner brave_owner`);
await su.end();

const rename = (url: string) => Object.assign(new URL(url), { pathname: `/${name}` }).toString();
process.env.DATABASE_URL = rename(templateUrls.app);
process.env.DATABASE_OWNER_URL = rename(templateUrls.owner);
process.env.DATABASE_PUBLIC_URL = rename(templateUrls.public);
// The run's embedded S3 (tests/setup/global-storage.ts); a file that needs another sets its own before importing lib/env.
for (const [k, v] of Object.entries(inject('storage'))) process.env[k] ??= v;

// Imported only now: lib/env.ts reads process.env once, when first imported.
const { testDatabase } = await import('../support/database');
testDatabase.configure(
  {
    owner: process.env.DATABASE_OWNER_URL,
    app: process.env.DATABASE_URL,
    public: process.env.DATABASE_PUBLIC_URL,
    superuser: rename(superuserUrl),
  },
  inject('pgbouncerPort'),
);

afterAll(async () => {
  await testDatabase.closeAll();
  const drop = postgres(superuserUrl, { max: 1, onnotice: () => {} });
  await drop.unsafe(`drop database if exists "${name}" with (force)`);
  await drop.end();
});
