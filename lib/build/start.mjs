#!/usr/bin/env node
/**
 * `npm start`: builds Engine Lens and opens it in Chromium (the system's
 * Chromium or Chrome) in a fresh, temporary profile, on a page that mentions
 * both engines and on the full comparison page, the way WXT's dev runner
 * opens its `startUrls`. Where no browser or no display is found it says so
 * and prints how to load `.output/chrome-mv3` by hand.
 *
 *   npm start                      build, then open the browser
 *   npm start -- --no-build        open the last build
 *   npm start -- --dry-run         build, then print what it would run
 *
 * Environment: CHROME_PATH (a browser binary), ENGINE_LENS_START_URL (the
 * page with mentions to open), ENGINE_LENS_OUT_DIR (the build folder, as in
 * wxt.config.ts).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** A page that mentions both vLLM and TensorRT-LLM, on a site Engine Lens marks by default. */
export const MENTIONS_PAGE = 'https://github.com/search?q=vllm+tensorrt-llm&type=repositories';

/** Where browsers usually are, per platform; the first that exists is used. */
export const BROWSER_CANDIDATES = {
  linux: [
    '/usr/lib/chromium/chromium', // Debian's binary (/usr/bin/chromium is a wrapper adding flags)
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
  ],
  darwin: [
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  ],
  win32: [
    `${process.env.LOCALAPPDATA ?? ''}\\Chromium\\Application\\chrome.exe`,
    `${process.env.PROGRAMFILES ?? 'C:\\Program Files'}\\Google\\Chrome\\Application\\chrome.exe`,
  ],
};

/**
 * The id Chromium gives an unpacked extension loaded from `dir`: the first 32
 * hex digits of the SHA-256 of its absolute path, written with the letters
 * a–p (Windows hashes the path as UTF-16; elsewhere as UTF-8 bytes).
 */
export function extensionIdForPath(dir, platform = process.platform) {
  const bytes = platform === 'win32' ? Buffer.from(dir, 'utf16le') : Buffer.from(dir, 'utf8');
  const hex = createHash('sha256').update(bytes).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

/** The browser to start: `CHROME_PATH` if set, else the first candidate that exists; null when there is none. */
export function findBrowser({ env = process.env, platform = process.platform, exists = fs.existsSync } = {}) {
  if (env.CHROME_PATH) return exists(env.CHROME_PATH) ? env.CHROME_PATH : null;
  return (BROWSER_CANDIDATES[platform] ?? []).find((candidate) => exists(candidate)) ?? null;
}

/** Whether a window can be shown: always on macOS and Windows; on Linux and BSD only with X11 or Wayland. */
export function hasDisplay({ env = process.env, platform = process.platform } = {}) {
  if (platform === 'darwin' || platform === 'win32') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/** Branded Google Chrome 137+ ignores --load-extension; Chromium honours it. */
export const isBrandedChrome = (browser) => /google[- ]chrome/i.test(browser);

/** The browser's command line: a fresh profile with only Engine Lens, on the page with mentions. */
export function launchArgs({ profileDir, extensionDir, startUrl }) {
  return [
    `--user-data-dir=${profileDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    // Lets this script open the comparison page once the extension is loaded (a start URL would come too early).
    '--remote-debugging-port=0',
    startUrl,
  ];
}

/** How to load the build by hand. */
export function manualInstructions(extensionDir) {
  return [
    'Load Engine Lens by hand:',
    '  1. Open chrome://extensions in Chrome or Chromium and switch on "Developer mode" (top right).',
    `  2. Click "Load unpacked" and choose ${extensionDir}`,
    '  3. Pin Engine Lens to the toolbar, click it for the comparison, or open a GitHub page that mentions vLLM.',
    'Firefox: `npm run build:firefox`, then about:debugging#/runtime/this-firefox → "Load Temporary Add-on…" →',
    `  ${path.join(path.dirname(extensionDir), 'firefox-mv3', 'manifest.json')}`,
  ].join('\n');
}

/** Waits for Chromium's DevTools port file, then for the extension's worker, and opens `url` in a new tab. */
async function openWhenLoaded(profileDir, extensionId, url) {
  const portFile = path.join(profileDir, 'DevToolsActivePort');
  const deadline = Date.now() + 30_000;
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  while (Date.now() < deadline) {
    if (fs.existsSync(portFile)) {
      const [port] = fs.readFileSync(portFile, 'utf8').split('\n');
      try {
        const targets = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
        if (targets.some((t) => t.url.startsWith(`chrome-extension://${extensionId}/`))) {
          await fetch(`http://127.0.0.1:${port}/json/new?${url}`, { method: 'PUT' });
          return true;
        }
      } catch {
        // the browser is still starting
      }
    }
    await sleep(300);
  }
  return false;
}

async function main(argv) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  const extensionDir = path.resolve(root, process.env.ENGINE_LENS_OUT_DIR ?? '.output', 'chrome-mv3');
  const dryRun = argv.includes('--dry-run');

  if (!argv.includes('--no-build')) {
    const build = spawnSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  if (!fs.existsSync(path.join(extensionDir, 'manifest.json'))) {
    console.error(`No build at ${extensionDir}: run \`npm run build\` first.`);
    process.exit(1);
  }

  const browser = findBrowser();
  const display = hasDisplay();
  if (!browser || !display) {
    console.log(
      browser
        ? `No display found (neither DISPLAY nor WAYLAND_DISPLAY is set), so no browser window can be opened.`
        : `No Chromium or Chrome found (looked for: ${(BROWSER_CANDIDATES[process.platform] ?? []).join(', ')}; set CHROME_PATH to use another).`,
    );
    console.log(`The extension is built in ${extensionDir}.\n`);
    console.log(manualInstructions(extensionDir));
    return;
  }

  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'engine-lens-start-'));
  const startUrl = process.env.ENGINE_LENS_START_URL ?? MENTIONS_PAGE;
  const extensionId = extensionIdForPath(extensionDir);
  const comparisonUrl = `chrome-extension://${extensionId}/comparison.html`;
  const args = launchArgs({ profileDir, extensionDir, startUrl });
  console.log(`Starting ${browser} with Engine Lens (a fresh profile in ${profileDir}):`);
  console.log(`  ${startUrl}\n  ${comparisonUrl}`);
  if (isBrandedChrome(browser)) {
    console.log('Note: Google Chrome 137 and later ignore --load-extension. If Engine Lens is missing there, use Chromium or:');
    console.log(manualInstructions(extensionDir));
  }
  if (dryRun) {
    console.log(`\n[dry run] ${browser} ${args.join(' ')}`);
    fs.rmSync(profileDir, { recursive: true, force: true });
    return;
  }

  const child = spawn(browser, args, { stdio: 'ignore' });
  const cleanUp = () => fs.rmSync(profileDir, { recursive: true, force: true });
  child.on('error', (error) => {
    console.error(`Could not start ${browser}: ${error.message}\n`);
    console.log(manualInstructions(extensionDir));
    cleanUp();
    process.exitCode = 1;
  });
  child.on('exit', cleanUp);
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  if (!(await openWhenLoaded(profileDir, extensionId, comparisonUrl))) {
    console.log(`Engine Lens did not appear in the browser. Open ${comparisonUrl} yourself, or:\n${manualInstructions(extensionDir)}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
