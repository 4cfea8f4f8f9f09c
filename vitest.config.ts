import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;
const alias = {
  '@': root,
  // The real module throws outside React Server Components; tests are server code.
  'server-only': path.join(root, 'node_modules/server-only/empty.js'),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['**/*.test.ts'],
          exclude: ['**/*.int.test.ts', 'node_modules/**', 'e2e/**', '.next/**', '.data/**'],
          environment: 'node',
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'int',
          include: ['**/*.int.test.ts'],
          exclude: ['node_modules/**', 'e2e/**', '.next/**', '.data/**'],
          environment: 'node',
          globalSetup: ['tests/setup/global-database.ts', 'tests/setup/global-storage.ts'],
          setupFiles: ['tests/setup/file-database.ts'],
          // The fuzzers and the soak send thousands of requests as one org; the rate-limit tests turn limits on.
          // WEATHER_API_URL: a closed local port, so nothing can reach the public API; tests start a fixture server.
          env: { RATE_LIMITS: 'off', WEATHER_API_URL: 'http://127.0.0.1:9/v1/forecast', WEATHER_RETRY_BASE_MS: '10', WEATHER_TIMEOUT_MS: '2000', OUTBOX_DIR: '.data/test-outbox' },
          testTimeout: 60_000,
          hookTimeout: 60_000,
          pool: 'forks',
        },
      },
    ],
  },
});
