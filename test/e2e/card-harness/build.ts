import path from 'node:path';
import { build, type Rolldown } from 'vite';

/**
 * Bundles test/e2e/card-harness/entry.tsx (the card mount module plus a few
 * test handles) into one script, the way the extension's card content script
 * will be bundled: React in production mode, CSS inlined as a string.
 */
export async function buildCardHarness(): Promise<string> {
  const root = path.resolve('.');
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    root,
    resolve: { alias: { '@': root } },
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      write: false,
      minify: false,
      lib: {
        entry: path.join(root, 'test/e2e/card-harness/entry.tsx'),
        formats: ['iife'],
        name: 'EngineLensCardHarness',
        fileName: () => 'card-harness.js',
      },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const chunk = outputs[0]?.output.find((item) => item.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('The card harness build produced no script.');
  return chunk.code;
}
