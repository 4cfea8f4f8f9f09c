/**
 * Where the app's database is: the servers named by DATABASE_URL (+ owner and
 * public URLs) when set, otherwise the embedded PostgreSQL under `dataDir`.
 */
import { startLocalDatabase, type DatabaseUrls } from './local-database';

export interface ResolvedDatabase {
  urls: DatabaseUrls;
  embedded: boolean;
  stop(): Promise<void>;
}

export async function resolveDatabase(opts: { dataDir: string; port?: number }): Promise<ResolvedDatabase> {
  const { DATABASE_URL, DATABASE_OWNER_URL, DATABASE_PUBLIC_URL } = process.env;
  if (DATABASE_URL) {
    return {
      urls: { app: DATABASE_URL, owner: DATABASE_OWNER_URL ?? '', public: DATABASE_PUBLIC_URL ?? '' },
      embedded: false,
      stop: async () => {},
    };
  }
  const local = await startLocalDatabase({ dir: opts.dataDir, port: opts.port });
  return { urls: local.urls, embedded: true, stop: () => local.server.stop() };
}
