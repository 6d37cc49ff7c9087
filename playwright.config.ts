import { defineConfig } from '@playwright/test';

// End-to-end tests drive the *built* extension (.output/chrome-mv3) in
// Debian's Chromium; see test/e2e/fixtures.ts for the launch recipe.
export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: { trace: 'retain-on-failure' },
});
