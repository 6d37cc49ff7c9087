/**
 * A browser that starts *without* Engine Lens, and loads (or reloads) it
 * later, the way a user installs or updates it while tabs are open. Chromium
 * does this over the DevTools protocol (`Extensions.loadUnpacked`, enabled by
 * `--enable-unsafe-extension-debugging`) on a browser-level session; loading
 * the same folder again is an update (the extension is reloaded in place and
 * its old content scripts are left behind, cut off).
 */
import { chromium, type Browser, type BrowserContext, type CDPSession, type Worker } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM, EXTENSION_DIR } from './fixtures';

export interface LateInstall {
  context: BrowserContext;
  /** Loads the extension (again: an update) and resolves to its id and its new service worker. */
  load(): Promise<{ extensionId: string; worker: Worker }>;
  close(): Promise<void>;
}

export async function launchWithoutExtension(): Promise<LateInstall> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'engine-lens-late-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    // Playwright turns extensions off unless it loads them itself.
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      '--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-quic',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--enable-unsafe-extension-debugging', '--remote-debugging-port=0',
    ],
  });
  await context.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.abort());
  const portFile = path.join(userDataDir, 'DevToolsActivePort');
  for (let i = 0; i < 100 && !fs.existsSync(portFile); i++) await new Promise((r) => setTimeout(r, 100));
  const [port] = fs.readFileSync(portFile, 'utf8').split('\n');
  const browser: Browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  const cdp: CDPSession = await browser.newBrowserCDPSession();
  return {
    context,
    async load() {
      const started = context.waitForEvent('serviceworker');
      const { id } = (await cdp.send('Extensions.loadUnpacked' as never, { path: EXTENSION_DIR } as never)) as { id: string };
      return { extensionId: id, worker: await started };
    },
    async close() {
      await context.close();
      await browser.close().catch(() => undefined);
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
