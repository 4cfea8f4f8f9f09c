import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import drizzle from 'eslint-plugin-drizzle';

// The database pools (db/client.ts, and db/connection.ts which opens them) bypass
// the tenant door. Only db/ itself, admin scripts, tests and benchmarks may use them.
const POOL_IMPORT_MESSAGE = 'Only db/ may import the pool: go through withTenant() in db/tenant.ts';
const POOL_PATTERN = {
  // gitignore-style: `**/db/client` also covers `../db/client`, `../../db/client`.
  group: ['@/db/client', '@/db/connection', '**/db/client', '**/db/connection'],
  message: POOL_IMPORT_MESSAGE,
};
// A cache backend takes any key: app code gets the tenant-bound one, tenantCache(ctx) from @/lib/cache.
const CACHE_IMPORT_MESSAGE = 'Use tenantCache(ctx) from @/lib/cache: only lib/cache and lib/ratelimit reach a cache backend';
const CACHE_PATTERN = {
  group: ['@/lib/cache/*', '**/lib/cache/store', '**/lib/cache/stores/*', '**/lib/cache/resilient', '**/lib/cache/tenant-cache'],
  message: CACHE_IMPORT_MESSAGE,
};
// scripts/ holds tooling (embedded PostgreSQL, redis-server, the Upstash-REST bridge): never the app's runtime path.
const SCRIPTS_PATTERN = { group: ['@/scripts/*', '**/scripts/*'], message: 'scripts/ is dev and test tooling: app code must not import it' };

// db/ is the leaf of the dependency graph: schema, the door and single-entity queries, importing
// only drizzle, postgres, server-only, node built-ins and lib/env. A rule that combines queries
// with domain logic (validation, due dates, provisioning) is a use case in lib/<domain>/.
const LEAF_IMPORT_MESSAGE =
  'db/ is a leaf: it imports only drizzle, postgres and lib/env. Put the composition in a lib/<domain>/ module that calls db/queries';

export default defineConfig([
  // eslint-config-next 16 exports flat-config arrays. The typescript entry already
  // spreads typescript-eslint's `recommended` set (same typescript-eslint instance),
  // so it is not added a second time here.
  ...nextVitals,
  ...nextTs,

  globalIgnores([
    '.next/',
    'node_modules/',
    '.data/',
    'drizzle/',
    'next-env.d.ts',
    'playwright-report/',
    'test-results/',
    'coverage/',
  ]),

  {
    name: 'brave/typescript',
    files: ['**/*.{ts,tsx,mts,cts}'],
    rules: {
      // next/typescript downgrades these to warnings; `npm run lint` uses --max-warnings=0 anyway,
      // so make them errors and allow `_`-prefixed placeholders.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-unused-expressions': 'error',
    },
  },

  {
    // A delete/update without .where() on a tenant table would hit every row the
    // transaction can see. RLS narrows that to one tenant, which is still a disaster.
    name: 'brave/drizzle',
    files: ['**/*.{ts,tsx,mts,cts}'],
    plugins: { drizzle },
    rules: {
      'drizzle/enforce-delete-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      'drizzle/enforce-update-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
    },
  },

  {
    name: 'brave/the-door',
    files: ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'],
    ignores: ['db/**', 'scripts/**', 'tests/**', 'bench/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [POOL_PATTERN, CACHE_PATTERN, SCRIPTS_PATTERN] }],
    },
  },
  {
    // Tests next to the code drive backends and tooling directly (a real Redis through the bridge).
    name: 'brave/tests',
    files: ['**/*.test.ts'],
    ignores: ['db/**', 'scripts/**', 'tests/**', 'bench/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [POOL_PATTERN] }],
    },
  },
  {
    // The cache's own modules and the rate limits (which share the Upstash client) may reach the backends.
    name: 'brave/cache-door',
    files: ['lib/cache/**', 'lib/ratelimit/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [POOL_PATTERN, SCRIPTS_PATTERN] }],
    },
  },

  {
    name: 'brave/db-is-a-leaf',
    files: ['db/**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'],
    // Tests in db/ may build fixtures with anything.
    ignores: ['db/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@/lib/*',
                '!@/lib/env',
                '@/app/*',
                '@/components/*',
                '**/../lib/*',
                '!**/../lib/env',
                '**/../app/*',
                '**/../components/*',
              ],
              message: LEAF_IMPORT_MESSAGE,
            },
          ],
        },
      ],
    },
  },
  {
    name: 'brave/form-kit',
    // One form kit (docs/forms.md): pages and features draw controls with components/ui and
    // components/forms, never a raw <input>, <select> or <textarea> with a look of their own.
    // Hidden inputs carry no look; file inputs are the kit's pickers' (components/files) hidden half.
    files: ['app/**/*.tsx', 'components/**/*.tsx'],
    ignores: ['components/ui/**', 'components/forms/zoned-date-time-input.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXOpeningElement[name.name=/^(select|textarea)$/]",
          message: 'Use Select / TextArea from components/ui/text-input (the form kit, docs/forms.md).',
        },
        {
          selector: "JSXOpeningElement[name.name='input']:not(:has(JSXAttribute[name.name='type'][value.value=/^(hidden|file)$/]))",
          message:
            'Use the form kit (docs/forms.md): TextInput (components/ui/text-input), Checkbox / Radio (components/ui/choice), ZonedDateTimeInput for a date-time.',
        },
      ],
    },
  },
  {
    name: 'brave/e2e-scans-with-axe',
    // Every spec's `test` scans each page it ends on with axe-core (e2e/support/test.ts).
    files: ['e2e/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@playwright/test',
              importNames: ['test', 'expect'],
              message: "Import test and expect from './support/test': it runs axe-core (WCAG 2.2 AA) on every spec's pages.",
            },
          ],
        },
      ],
    },
  },
]);
