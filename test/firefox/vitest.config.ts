import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/** The Firefox smoke test drives a real browser: its own run, one file at a time, generous timeouts. */
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['test/firefox/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
  },
});
