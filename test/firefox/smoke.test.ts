/**
 * Firefox smoke test: loads the built Firefox MV3 extension into Debian's
 * firefox-esr over WebDriver BiDi (puppeteer-core) and checks the parts that
 * differ most between browsers: run-time content-script registration, the
 * CSS Custom Highlight API, the event-page background with IndexedDB, and the
 * on-demand card UI (scripting.executeScript + a closed shadow root).
 *
 * The detailed behaviour is covered in Chromium (test/e2e); this proves the
 * Firefox build really works. Skipped with a message when firefox-esr is
 * missing (`.ci/run` installs it).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { detectMentions } from '@/lib/detect';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const EXTENSION_DIR = path.resolve(process.env.ENGINE_LENS_OUT_DIR ?? '.output', 'firefox-mv3');
const FIXTURE = fs.readFileSync(path.resolve('test/fixtures/mentions-github-issue.html'), 'utf8');
const ISSUE_URL = 'https://github.com/vllm-project/vllm/issues/1';

const hasFirefox = fs.existsSync(FIREFOX);
let browser: Browser;

async function openIssuePage(): Promise<Page> {
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  // Serve the fixture at the real GitHub URL; nothing else leaves the machine.
  page.on('request', (request) =>
    request.url().startsWith('https://github.com/')
      ? void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: FIXTURE })
      : void request.abort(),
  );
  await page.goto(ISSUE_URL);
  return page;
}

async function poll<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() - start > timeoutMs) return value;
    await new Promise((r) => setTimeout(r, 150));
  }
}

describe.skipIf(!hasFirefox)('Firefox build', () => {
  beforeAll(async () => {
    if (!fs.existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
      throw new Error(`No Firefox build at ${EXTENSION_DIR}: run \`npm run build:firefox\` first.`);
    }
    browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true });
    await browser.installExtension(EXTENSION_DIR);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('marks the mentions of a GitHub page with both highlights', async () => {
    const page = await openIssuePage();
    const read = () =>
      page.evaluate(() =>
        ['engine-lens-vllm', 'engine-lens-tensorrt-llm'].map((name) =>
          [...((CSS.highlights.get(name) as Iterable<Range> | undefined) ?? [])].map((r) => r.toString()),
        ),
      );
    const [vllm, trt] = await poll(read, ([v, t]) => v!.length > 0 && t!.length > 0);
    expect(vllm!.length).toBeGreaterThan(0);
    expect(trt!.length).toBeGreaterThan(0);
    // Every range is exactly a mention the shared detector recognises.
    for (const text of [...vllm!, ...trt!]) expect(detectMentions(text).map((m) => m.text)).toEqual([text]);
    await page.close();
  }, 60_000);

  it('opens a hover card from the background data, in a host the page cannot read', async () => {
    const page = await openIssuePage();
    const box = await poll(
      () =>
        page.evaluate(() => {
          const range = [...((CSS.highlights.get('engine-lens-vllm') as Iterable<Range> | undefined) ?? [])][0];
          const rect = range?.getClientRects()[0];
          return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
        }),
      (value) => value !== null,
    );
    expect(box).not.toBeNull();
    await page.mouse.move(box!.x - 2, box!.y);
    await page.mouse.move(box!.x, box!.y);
    const host = await poll(
      () =>
        page.evaluate(() => {
          const el = document.querySelector('[data-engine-lens-card]');
          return el ? { shadowRoot: el.shadowRoot === null ? 'closed' : 'open', text: el.textContent } : null;
        }),
      (value) => value !== null,
    );
    expect(host).toEqual({ shadowRoot: 'closed', text: '' });
    // Shown, not only rendered ahead (attached hidden during the delay): the card takes the pointer somewhere on screen.
    const shown = await poll(
      () =>
        page.evaluate(() => {
          const el = document.querySelector('[data-engine-lens-card]');
          for (let x = 0; x < innerWidth; x += 20) {
            for (let y = 0; y < innerHeight; y += 20) if (el && document.elementFromPoint(x, y) === el) return true;
          }
          return false;
        }),
      (value) => value,
    );
    expect(shown).toBe(true);
    await page.close();
  }, 60_000);
});
