/**
 * The built manifests, pinned: permissions, host and optional permissions,
 * CSP, commands, web-accessible resources and content scripts of both
 * builds must equal test/e2e/manifest.snapshot.json, so a new permission is
 * always a deliberate change (edit the snapshot in the same commit, and the
 * README's "Permissions" section with it). `UPDATE_MANIFEST_SNAPSHOT=1`
 * rewrites the snapshot from the current builds.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_MATCH_PATTERNS } from '@/lib/sites';
import { EXTENSION_DIR, expect, test } from './fixtures';

const SNAPSHOT = path.resolve('test/e2e/manifest.snapshot.json');
const BUILDS = { chrome: EXTENSION_DIR, firefox: path.join(path.dirname(EXTENSION_DIR), 'firefox-mv3') } as const;

/** What the snapshot pins, in a fixed order (absent keys as null, so a key that appears is a change too). */
const PINNED = [
  'manifest_version',
  'permissions',
  'host_permissions',
  'optional_permissions',
  'optional_host_permissions',
  'content_security_policy',
  'content_scripts',
  'web_accessible_resources',
  'commands',
  'background',
  'action',
  'options_ui',
  'browser_specific_settings',
] as const;

function readManifest(dir: string): Record<string, unknown> {
  const file = path.join(dir, 'manifest.json');
  if (!fs.existsSync(file)) throw new Error(`No build at ${dir}: run \`npm run build\` and \`npm run build:firefox\` first.`);
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

const pinned = (manifest: Record<string, unknown>) => Object.fromEntries(PINNED.map((key) => [key, manifest[key] ?? null]));

test('both built manifests match the snapshot (permissions, CSP, commands, resources)', () => {
  const current = { chrome: pinned(readManifest(BUILDS.chrome)), firefox: pinned(readManifest(BUILDS.firefox)) };
  if (process.env.UPDATE_MANIFEST_SNAPSHOT) fs.writeFileSync(SNAPSHOT, `${JSON.stringify(current, null, 2)}\n`);
  expect(current).toEqual(JSON.parse(fs.readFileSync(SNAPSHOT, 'utf8')));
});

test('the narrowest permissions: default sites required, anything else optional, nothing exposed to pages', () => {
  for (const dir of Object.values(BUILDS)) {
    const manifest = readManifest(dir);
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.host_permissions).toEqual([...DEFAULT_MATCH_PATTERNS]);
    expect((manifest.host_permissions as string[]).every((p) => p.startsWith('https://'))).toBe(true);
    // A site or feed the user adds is asked for at that moment; notifications only when switched on.
    expect(manifest.optional_host_permissions).toEqual(['https://*/*']);
    expect(manifest.optional_permissions).toEqual(['notifications']);
    // No static content scripts (registered at run time for the enabled sites), no loosened CSP, and only
    // the card's team-pick frame exposed to web pages (in Chrome through a per-session dynamic URL).
    expect(manifest.content_scripts).toBeUndefined();
    expect(manifest.content_security_policy).toBeUndefined();
    const exposed = manifest.web_accessible_resources as Array<{ resources: string[]; matches: string[] }>;
    expect(exposed.map((entry) => entry.resources)).toEqual([['team-pick.html']]);
    const icons = manifest.icons as Record<string, string>;
    for (const size of ['16', '32', '48', '128']) expect(fs.existsSync(path.join(dir, icons[size]!))).toBe(true);
  }
});

test('`npm start` opens the comparison at the id Chromium really gives the build', async ({ extensionId }) => {
  const { extensionIdForPath } = await import('../../lib/build/start.mjs');
  expect(extensionIdForPath(EXTENSION_DIR)).toBe(extensionId);
});

test('the always-loaded mentions script stays small (≤ 15 KB gzipped) and bundles neither zod nor React', async () => {
  const zlib = await import('node:zlib');
  const code = fs.readFileSync(path.join(EXTENSION_DIR, 'content-scripts', 'mentions.js'));
  expect(zlib.gzipSync(code, { level: 9 }).length).toBeLessThanOrEqual(15 * 1024);
  const text = code.toString('utf8');
  expect(text).not.toMatch(/ZodError|\$ZodType|react\.(transitional\.)?element|__reactFiber/);
});
