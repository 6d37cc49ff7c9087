/**
 * The layout's promises, checked: `components/` holds React components that
 * touch no browser API, and `lib/` outside `lib/browser/` (glue shared by
 * entrypoints) and `lib/build/` (Node, build time) is pure. Browser glue lives
 * beside the entrypoint that uses it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

/** Code (comments removed) that reaches for the browser or the page's globals. */
const BROWSER_GLUE = /\b(?:browser|chrome)\.[a-z]|\bindexedDB\b|\bdocument\.addEventListener\b|\bglobalThis\b|\bfetch\(/;

function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
}

describe('layout conventions', () => {
  const pure = [
    ...sources('components'),
    ...sources('lib').filter((file) => !file.startsWith(path.join('lib', 'browser')) && !file.startsWith(path.join('lib', 'build'))),
  ];

  it.each(pure)('%s touches no browser API', (file) => {
    expect(withoutComments(fs.readFileSync(file, 'utf8'))).not.toMatch(BROWSER_GLUE);
  });

  it('no file outside lib/messaging.ts declares a message schema', () => {
    const all = [...sources('lib'), ...sources('entrypoints'), ...sources('components')];
    const declaring = all.filter((file) => /z\.literal\((['"])(?:dataset|status|card|comparison|settings|pins|feeds|content|data)\//.test(fs.readFileSync(file, 'utf8')));
    expect(declaring).toEqual([path.join('lib', 'messaging.ts')]);
  });
});

describe('content scripts do not let the page retire them', () => {
  // WXT's ContentScriptContext aborts when the document receives
  // `<id>:<name>:wxt:content-script-started`, an event any page can dispatch.
  // The content scripts' lifetimes come from mentions.content/lifecycle.ts instead.
  const contentScripts = sources('entrypoints').filter((file) => /\.content[\\/]/.test(file));

  it.each(contentScripts)('%s does not use WXT’s ctx (signal, onInvalidated, isValid…), only retires it', (file) => {
    const code = withoutComments(fs.readFileSync(file, 'utf8')).replace(/\bmain\(ctx\)/g, '').replace(/\bctx\.abort\(\);/g, '');
    expect(code).not.toMatch(/\bctx\b|\bContentScriptContext\b|onInvalidated/);
  });
});
