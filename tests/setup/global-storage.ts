/**
 * Once per test run: the embedded S3 (s3rver in a child process), with its
 * data in a throw-away folder. Test files get its S3_* env through
 * tests/setup/file-database.ts. s3rver checks no signature and no policy:
 * tests may use it to store bytes, never to prove access control.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startLocalS3 } from '@/scripts/lib/local-s3';

declare module 'vitest' {
  export interface ProvidedContext {
    storage: Record<string, string>;
  }
}

export default async function setup(project: TestProject) {
  const dir = path.join('.data/test-s3', `run-${process.pid}`);
  const s3 = await startLocalS3({ dir });
  project.provide('storage', s3.env);
  return async () => {
    await s3.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
