import { test as base, chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Debian's Chromium binary; `/usr/bin/chromium` is a wrapper that adds flags of its own. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
export const EXTENSION_DIR = path.resolve(process.env.ENGINE_LENS_OUT_DIR ?? '.output', 'chrome-mv3');
export const FIXTURES_DIR = path.resolve('test/fixtures');

export function chromiumArgs(extensionDir = EXTENSION_DIR): string[] {
  return [
    '--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-quic',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`,
  ];
}

/** Launches Chromium with the built extension loaded, in a fresh profile. */
export async function launchWithExtension(): Promise<{ context: BrowserContext; userDataDir: string }> {
  if (!fs.existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension at ${EXTENSION_DIR}: run \`npm run build\` first.`);
  }
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'engine-lens-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: chromiumArgs(),
  });
  // Nothing may leave the machine: anything not routed by a test is aborted.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.abort());
  return { context, userDataDir };
}

export async function extensionWorker(context: BrowserContext): Promise<Worker> {
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker');
  return worker;
}

export function readFixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES_DIR, name), 'utf8');
}

/**
 * Serves `body` at `url` (a real site URL such as https://github.com/...), so the
 * browser believes it is on that site and the content script's matches apply.
 */
export async function serveAt(
  context: BrowserContext,
  url: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<void> {
  await context.route(url, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body, headers }),
  );
}

type Fixtures = {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** Opens an extension page (e.g. `popup.html`) in a new tab. */
  openExtensionPage: (pathname: string) => Promise<Page>;
};

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  context: async ({}, use) => {
    const { context, userDataDir } = await launchWithExtension();
    await use(context);
    await context.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  },
  worker: async ({ context }, use) => {
    await use(await extensionWorker(context));
  },
  extensionId: async ({ worker }, use) => {
    await use(new URL(worker.url()).host);
  },
  openExtensionPage: async ({ context, extensionId }, use) => {
    await use(async (pathname) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${pathname}`);
      return page;
    });
  },
});

export const expect = test.expect;
