import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// Config, not app code: reading CI here is fine (lib/env.ts is for the app).
const CI = Boolean(process.env.CI);
// A free port per run (.ci/run picks one) keeps two runs on one machine from testing each other's server.
const PORT = Number(process.env.E2E_PORT ?? 3100);

// Debian's Chromium (apt package `chromium`) when present: this machine and CI can't
// download Playwright's own browser build. Elsewhere Playwright's bundled one is used.
const DEBIAN_CHROMIUM = '/usr/bin/chromium';

const launchOptions = {
  executablePath: existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined,
  args: [
    '--no-sandbox', // runs as root in CI
    '--disable-gpu',
    '--disable-dev-shm-usage',
    // No outbound network here: without these Chromium keeps retrying Google's hosts.
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  reporter: [['list']],
  forbidOnly: CI,
  retries: CI ? 1 : 0,
  // One `next start` on 2 cores: parallel browsers only make each other flaky.
  workers: CI ? 1 : undefined,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'desktop',
      use: { ...devices['Desktop Chrome'], launchOptions },
    },
    {
      name: 'phone',
      use: {
        ...devices['Pixel 7'],
        viewport: { width: 390, height: 844 },
        screen: { width: 390, height: 844 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
        launchOptions,
      },
    },
  ],
  webServer: {
    // Builds and starts the app with its own embedded database (scripts/dev.ts --prod).
    command: `npm run e2e:server -- --port ${PORT} --data .data/e2e-pg-${PORT} --fresh`,
    url: `http://127.0.0.1:${PORT}/api/health`,
    timeout: 600_000, // next build on a busy 2-core machine can take minutes
    // Locally, an already running server on PORT is reused.
    reuseExistingServer: !CI,
    // Break-glass support access is off unless configured: the e2e server has one staff member,
    // whose key (e2e/support/support-staff.ts) hashes to this.
    env: {
      SUPPORT_STAFF: 'e2e-support=748f1560055df2eb9f8d0d73c5c3f9583210962af6a782be9ba2d72c2b1dcc6d',
      SUPPORT_SESSION_SECRET: 'e2e-only-support-session-secret-0123456789abcdef',
    },
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
