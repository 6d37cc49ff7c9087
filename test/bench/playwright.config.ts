import { defineConfig } from '@playwright/test';

// `npm run bench`: the benchmark is driven by Playwright's runner (it compiles
// TypeScript and owns the browser lifecycle) but it is not a test suite: it
// measures, writes test/bench/results/, and fails only if it cannot measure.
export default defineConfig({
  testDir: '.',
  testMatch: ['bench.spec.ts', 'card-bench.spec.ts', 'limits.spec.ts'],
  timeout: 15 * 60_000,
  workers: 1,
  retries: 0,
  reporter: [['list']],
});
