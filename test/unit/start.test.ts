/**
 * `npm start` (lib/build/start.mjs): the browser it picks, the extension id it
 * opens the comparison at, and what it says when there is no browser or no
 * display (as on CI and these machines).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionIdForPath, findBrowser, hasDisplay, isBrandedChrome, launchArgs, MENTIONS_PAGE } from '../../lib/build/start.mjs';
import { DEFAULT_MATCH_PATTERNS, patternMatches } from '@/lib/sites';

describe('npm start: the pieces', () => {
  it('computes the id Chromium gives an unpacked extension from its folder', () => {
    // Read from Chromium itself for this folder (chrome-extension://<id>/ of a --load-extension build).
    expect(extensionIdForPath('/work/wt-10/.output/chrome-mv3', 'linux')).toBe('hcjmgelkmcimpaofbpjhmomegipohhap');
    expect(extensionIdForPath('/some/other/place', 'linux')).toMatch(/^[a-p]{32}$/);
  });

  it('picks CHROME_PATH, else the first browser that exists; none is null', () => {
    const exists = (file: string) => file === '/usr/bin/chromium' || file === '/opt/chrome';
    expect(findBrowser({ env: {}, platform: 'linux', exists })).toBe('/usr/bin/chromium');
    expect(findBrowser({ env: { CHROME_PATH: '/opt/chrome' }, platform: 'linux', exists })).toBe('/opt/chrome');
    expect(findBrowser({ env: { CHROME_PATH: '/missing' }, platform: 'linux', exists })).toBeNull();
    expect(findBrowser({ env: {}, platform: 'linux', exists: () => false })).toBeNull();
    expect(isBrandedChrome('/usr/bin/google-chrome-stable')).toBe(true);
    expect(isBrandedChrome('/usr/lib/chromium/chromium')).toBe(false);
  });

  it('needs X11 or Wayland on Linux', () => {
    expect(hasDisplay({ env: {}, platform: 'linux' })).toBe(false);
    expect(hasDisplay({ env: { DISPLAY: ':0' }, platform: 'linux' })).toBe(true);
    expect(hasDisplay({ env: { WAYLAND_DISPLAY: 'wayland-0' }, platform: 'linux' })).toBe(true);
    expect(hasDisplay({ env: {}, platform: 'darwin' })).toBe(true);
  });

  it('starts a fresh profile with only Engine Lens, on a page Engine Lens marks', () => {
    const args = launchArgs({ profileDir: '/tmp/p', extensionDir: '/x/chrome-mv3', startUrl: MENTIONS_PAGE });
    expect(args).toContain('--user-data-dir=/tmp/p');
    expect(args).toContain('--load-extension=/x/chrome-mv3');
    expect(args).toContain('--disable-extensions-except=/x/chrome-mv3');
    expect(args.at(-1)).toBe(MENTIONS_PAGE);
    expect(DEFAULT_MATCH_PATTERNS.some((p) => patternMatches(p, MENTIONS_PAGE))).toBe(true);
  });
});

describe('npm start: what it says', () => {
  let outDir: string;
  beforeAll(() => {
    // A stand-in build, so this runs before `npm run build` in `npm test`.
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'engine-lens-start-test-'));
    fs.mkdirSync(path.join(outDir, 'chrome-mv3'));
    fs.writeFileSync(path.join(outDir, 'chrome-mv3', 'manifest.json'), '{}');
  });
  afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

  const run = (env: Record<string, string>, ...args: string[]) =>
    execFileSync(process.execPath, ['lib/build/start.mjs', '--no-build', ...args], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', ENGINE_LENS_OUT_DIR: outDir, ...env },
    });

  it('without a display: says so and prints how to load the build by hand', () => {
    const out = run({ CHROME_PATH: process.execPath });
    expect(out).toContain('No display found');
    expect(out).toContain('Load unpacked');
    expect(out).toContain(path.join(outDir, 'chrome-mv3'));
  });

  it('without a browser: says so, and the same instructions', () => {
    const out = run({ CHROME_PATH: '/no/such/browser', DISPLAY: ':0' });
    expect(out).toContain('No Chromium or Chrome found');
    expect(out).toContain('Load unpacked');
  });

  it('with both: the browser, a fresh profile, the page with mentions and the comparison page', () => {
    const out = run({ CHROME_PATH: process.execPath, DISPLAY: ':0' }, '--dry-run');
    const id = extensionIdForPath(path.join(outDir, 'chrome-mv3'));
    expect(out).toContain(MENTIONS_PAGE);
    expect(out).toContain(`chrome-extension://${id}/comparison.html`);
    expect(out).toMatch(/\[dry run\] .* --user-data-dir=\S+engine-lens-start-\S+ .*--load-extension=\S+chrome-mv3/);
  });
});
