/**
 * Firefox beyond the smoke test: the popup, the options page and the full
 * comparison page of the Firefox build, driven in Debian's firefox-esr over
 * WebDriver BiDi (puppeteer-core), with the settings reaching open tabs.
 *
 * Reaching `moz-extension://` pages. Plain BiDi refuses to navigate there
 * ("Navigation to moz-extension://… is not allowed in this context"). With
 * `--remote-allow-system-access` it navigates, but puppeteer never sees that
 * load finish (the navigation times out, `page.url()` stays about:blank)
 * while the page itself works. So the popup is opened that way (not awaiting
 * the navigation, polling `location.href` instead), and the other pages are
 * opened by the extension itself, from the popup's own buttons ("Options":
 * runtime.openOptionsPage(); "Open in a tab": tabs.create), and found among
 * the browser's pages by their `location.href` (their targets' URLs stay
 * about:blank too, so waitForTarget cannot find them).
 *
 * The extension's internal UUID is fixed with `extensions.webextensions.uuids`,
 * and `extensions.webextOptionalPermissionPrompts: false` makes Firefox grant
 * an optional permission requested from a click without showing its prompt,
 * so "add a site" runs the whole way here (headless Chromium cannot answer the
 * prompt). Clicks are real input (BiDi input actions), as Firefox requires.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const EXTENSION_DIR = path.resolve(process.env.ENGINE_LENS_OUT_DIR ?? '.output', 'firefox-mv3');
const ADDON_ID = 'engine-lens@engine-lens.dev';
const UUID = '6f1c2b8e-4d5a-4e3b-9c7d-0a1b2c3d4e5f';
const ORIGIN = `moz-extension://${UUID}`;
const FIXTURE = fs.readFileSync(path.resolve('test/fixtures/mentions-github-issue.html'), 'utf8');
const ISSUE_URL = 'https://github.com/vllm-project/vllm/issues/3';
const USER_SITE_URL = 'https://docs.sglang.ai/guide/engines';

const hasFirefox = fs.existsSync(FIREFOX);
let firefox: Browser;

async function poll<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    let value: T | undefined;
    try {
      value = await read();
      if (done(value)) return value;
    } catch {
      // a page between two documents
    }
    if (Date.now() - start > timeoutMs) {
      if (value === undefined) throw new Error('never readable');
      return value;
    }
    await new Promise((r) => setTimeout(r, 150));
  }
}

const href = (page: Page) => page.evaluate(() => location.href);

/** Opens an extension page by navigating a new tab there (see the module comment). */
async function openExtensionPage(pathname: string): Promise<Page> {
  const page = await firefox.newPage();
  void page.goto(`${ORIGIN}/${pathname}`, { timeout: 2000 }).catch(() => undefined);
  await poll(() => href(page), (url) => url.startsWith(`${ORIGIN}/${pathname}`));
  return page;
}

/** The extension page at `pathname` that the extension opened in a tab of its own. */
async function pageOpenedByExtension(pathname: string): Promise<Page> {
  return poll(
    async () => {
      for (const page of await firefox.pages()) {
        if ((await href(page).catch(() => '')).startsWith(`${ORIGIN}/${pathname}`)) return page;
      }
      return null;
    },
    (page) => page !== null,
  ).then((page) => {
    if (!page) throw new Error(`the extension never opened ${pathname}`);
    return page;
  });
}

/** A tab showing the GitHub fixture (or another page) at a real URL. */
async function openFixture(url: string, html = FIXTURE): Promise<Page> {
  const page = await firefox.newPage();
  await page.setRequestInterception(true);
  page.on('request', (request) =>
    request.url().startsWith(new URL(url).origin)
      ? void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
      : void request.abort(),
  );
  await page.goto(url);
  return page;
}

const markCount = (page: Page) =>
  page.evaluate(() =>
    ['engine-lens-vllm', 'engine-lens-tensorrt-llm'].reduce((n, name) => n + ((CSS.highlights.get(name) as Set<Range> | undefined)?.size ?? 0), 0),
  );

/** Real input: puppeteer's click goes through BiDi input actions, which Firefox treats as the user's. */
async function clickText(page: Page, selector: string, text: string) {
  await page.locator(`${selector}::-p-text(${text})`).click();
}

/** The tab id of the page showing `url`, asked from an extension page. */
/** The WebExtension API of an extension page, for code evaluated there. */
type PageApi = {
  tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> };
  permissions: { contains(p: { origins: string[] }): Promise<boolean> };
};

const tabIdOf = (extensionPage: Page, url: string) =>
  extensionPage.evaluate(async (url) => {
    const { browser } = globalThis as unknown as { browser: PageApi };
    return (await browser.tabs.query({})).find((t) => t.url === url)?.id ?? null;
  }, url);

describe.skipIf(!hasFirefox)('Firefox: popup, options and the full comparison', () => {
  beforeAll(async () => {
    if (!fs.existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
      throw new Error(`No Firefox build at ${EXTENSION_DIR}: run \`npm run build:firefox\` first.`);
    }
    firefox = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: UUID }),
        'extensions.webextOptionalPermissionPrompts': false,
      },
    });
    await firefox.installExtension(EXTENSION_DIR);
  }, 60_000);

  afterAll(async () => {
    await firefox?.close();
  });

  it('the popup shows the comparison, and "Pause on this site" stops marking the tab at once', async () => {
    const issue = await openFixture(ISSUE_URL);
    const marks = await poll(() => markCount(issue), (n) => n > 0);
    expect(marks).toBeGreaterThan(0);
    const popup = await openExtensionPage('popup.html');
    await poll(() => popup.evaluate(() => document.querySelector('main h2')?.textContent ?? ''), (t) => t.startsWith('Verdict'));
    const tabId = await tabIdOf(popup, ISSUE_URL);
    expect(tabId).not.toBeNull();
    // The popup about that tab, as the toolbar button would open it.
    await popup.evaluate((id) => (location.search = `?tab=${id}`), tabId);
    await poll(() => href(popup), (url) => url.includes(`tab=${tabId}`));
    await clickText(popup, 'button', 'Pause on this site');
    expect(await poll(() => markCount(issue), (n) => n === 0)).toBe(0);
    await clickText(popup, 'button', 'Resume on this site');
    expect(await poll(() => markCount(issue), (n) => n === marks)).toBe(marks);
    await issue.close();
    await popup.close();
  }, 60_000);

  it('the options page (opened by the popup): a site switched off and on, and a site added after its permission is granted', async () => {
    const issue = await openFixture(ISSUE_URL);
    const marks = await poll(() => markCount(issue), (n) => n > 0);
    const userSite = await openFixture(USER_SITE_URL, '<!doctype html><title>Engines</title><p>We moved from vLLM to TensorRT-LLM last year.</p>');
    expect(await markCount(userSite)).toBe(0);

    const popup = await openExtensionPage('popup.html');
    await clickText(popup, 'button', 'Options');
    const options = await pageOpenedByExtension('options.html');
    await poll(() => options.evaluate(() => !!document.querySelector('#site-github')), Boolean);
    expect(await options.evaluate(() => document.querySelector('label[for="site-github"]')?.textContent)).toBe('GitHub and Gist');

    await options.locator('#site-github').click();
    expect(await poll(() => markCount(issue), (n) => n === 0)).toBe(0);
    await options.locator('#site-github').click();
    expect(await poll(() => markCount(issue), (n) => n === marks)).toBe(marks);

    await options.locator('#add-site').fill('docs.sglang.ai');
    await clickText(options, 'button', 'Add');
    expect(await poll(() => markCount(userSite), (n) => n === 2)).toBe(2);
    expect(await options.evaluate(() => document.querySelector('[aria-label="Your sites"]')?.textContent ?? '')).toContain('docs.sglang.ai');
    // Removed again: it stops, and the browser's permission is given back.
    await options.locator('button[aria-label="Remove docs.sglang.ai"]').click();
    expect(await poll(() => markCount(userSite), (n) => n === 0)).toBe(0);
    const stillGranted = await poll(
      () =>
        options.evaluate(() =>
          (globalThis as unknown as { browser: PageApi }).browser.permissions.contains({ origins: ['https://docs.sglang.ai/*'] }),
        ),
      (granted) => !granted,
    );
    expect(stillGranted).toBe(false);
    for (const page of [issue, userSite, popup, options]) await page.close();
  }, 90_000);

  it('the full comparison page (opened by the popup’s "Open in a tab") shows the verdict, the sections and the provenance', async () => {
    const popup = await openExtensionPage('popup.html');
    await clickText(popup, 'button', 'Open in a tab');
    const page = await pageOpenedByExtension('comparison.html');
    const view = await poll(
      () =>
        page.evaluate(() => ({
          title: document.querySelector('h1')?.textContent ?? '',
          sections: [...document.querySelectorAll('main h2')].map((h) => h.textContent ?? ''),
          provenance: document.querySelector('[aria-label="Provenance"]')?.textContent ?? '',
          theme: document.documentElement.dataset.theme,
        })),
      (v) => v.sections.length > 3,
    );
    expect(view.title).toContain('vLLM vs TensorRT-LLM');
    expect(view.sections[0]).toMatch(/^Verdict/);
    expect(view.sections.join(' | ')).toMatch(/Key differences.*Facts/);
    expect(view.provenance).toContain('AI generated');
    expect(view.theme).toMatch(/^(light|dark)$/);
    await page.close();
  }, 60_000);
});
