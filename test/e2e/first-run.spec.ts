/**
 * First run and tabs that are already open: Engine Lens marks the first page
 * opened after it starts, tabs that were open before it was installed, and
 * tabs open across an update (once, with the old copy standing down). And a
 * page cannot switch it off: the events WXT's content-script context listens
 * for, dispatched from the page's own script, change nothing.
 */
import type { Page } from '@playwright/test';
import fs from 'node:fs';
import { hoverMention, ISSUE_URL, readCard } from './card-helpers';
import { expect, launchWithExtension, readFixture, serveAt, test } from './fixtures';
import { launchWithoutExtension } from './install-helpers';
import { highlightTexts, IsolatedWorld } from './mentions-helpers';

const FIXTURE = readFixture('mentions-github-issue.html');

/** How many mentions of each engine the GitHub fixture has (mentions.spec.ts lists them). */
const EXPECTED = { vllm: 10, trt: 7 };

async function markCounts(page: Page) {
  const { vllm, trt } = await highlightTexts(page);
  return { vllm: vllm.length, trt: trt.length };
}

test.describe('first run', () => {
  test('a page opened at once after the extension starts is marked, in ten fresh profiles', async () => {
    test.setTimeout(240_000);
    for (let run = 0; run < 10; run++) {
      const { context, userDataDir } = await launchWithExtension();
      try {
        // No waiting for the worker or its registration: the user opens a page right away.
        await serveAt(context, ISSUE_URL, FIXTURE);
        const page = await context.newPage();
        await page.goto(ISSUE_URL);
        await expect.poll(() => markCounts(page), { message: `run ${run + 1}` }).toEqual(EXPECTED);
      } finally {
        await context.close();
        fs.rmSync(userDataDir, { recursive: true, force: true });
      }
    }
  });

  test('a tab opened before the extension was installed is marked once it is', async () => {
    const browser = await launchWithoutExtension();
    try {
      await serveAt(browser.context, ISSUE_URL, FIXTURE);
      const page = await browser.context.newPage();
      await page.goto(ISSUE_URL);
      expect(await markCounts(page)).toEqual({ vllm: 0, trt: 0 });
      await browser.load();
      await expect.poll(() => markCounts(page)).toEqual(EXPECTED);
      // And it works like any other tab: the card opens.
      await hoverMention(page, 'trt', 0);
    } finally {
      await browser.close();
    }
  });

  test('a tab opened while the extension was disabled is marked once it is enabled again', async ({ context, extensionId }) => {
    const extensions = await context.newPage();
    await extensions.goto('chrome://extensions');
    type Management = { setEnabled(id: string, on: boolean): Promise<void> };
    const setEnabled = (on: boolean) =>
      extensions.evaluate(
        ({ id, on }) => (globalThis as unknown as { chrome: { management: Management } }).chrome.management.setEnabled(id, on),
        { id: extensionId, on },
      );
    await setEnabled(false);
    await serveAt(context, ISSUE_URL, FIXTURE);
    const page = await context.newPage();
    await page.goto(ISSUE_URL);
    await page.waitForTimeout(500);
    expect(await markCounts(page)).toEqual({ vllm: 0, trt: 0 });
    await setEnabled(true);
    await expect.poll(() => markCounts(page)).toEqual(EXPECTED);
    await hoverMention(page, 'vllm', 0);
  });

  test('after an update, an open tab is marked by the new copy alone; the old one stood down', async () => {
    const browser = await launchWithoutExtension();
    try {
      await serveAt(browser.context, ISSUE_URL, FIXTURE);
      const { extensionId } = await browser.load();
      const page = await browser.context.newPage();
      await page.goto(ISSUE_URL);
      await expect.poll(() => markCounts(page)).toEqual(EXPECTED);
      const before = await IsolatedWorld.attach(browser.context, page, extensionId);
      await hoverMention(page, 'trt', 0); // the old copy has its card UI loaded too
      await page.keyboard.press('Escape');

      await browser.load(); // the same extension again: an update
      // The old copy is cut off from the extension; it has removed its marks and listeners.
      await expect
        .poll(() => before.evaluate<boolean>(`globalThis[Symbol.for('engine-lens.isolated-world')].mentionsRunning`))
        .toBe(false);
      expect(await before.evaluate<boolean>(`globalThis[Symbol.for('engine-lens.isolated-world')].mentions === null`)).toBe(true);
      // The new copy marks every mention exactly once, and its card opens.
      await expect.poll(() => markCounts(page)).toEqual(EXPECTED);
      await page.mouse.move(1, 1);
      await expect.poll(async () => (await readCard(page)).open).toBe(false);
      await hoverMention(page, 'vllm', 0);
    } finally {
      await browser.close();
    }
  });
});

/** Dispatches, from the page's own script, every "a newer copy started" signal a page could forge. */
async function forgeRetireSignals(page: Page, extensionId: string) {
  await page.evaluate((id) => {
    for (const name of ['mentions', 'card']) {
      const type = `${id}:${name}:wxt:content-script-started`;
      document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: name, messageId: 'page' } }));
      window.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: name, messageId: 'page' } }));
      window.postMessage({ type, contentScriptName: name, messageId: 'page' }, '*');
      window.postMessage({ type: 'wxt:content-script-started', contentScriptName: name, messageId: 'page' }, '*');
    }
    document.dispatchEvent(new CustomEvent('engine-lens-mentions-started'));
  }, extensionId);
}

test.describe('a page cannot switch Engine Lens off', () => {
  test('forged "newer copy started" events and messages change nothing, for the marks and for the card', async ({
    context,
    extensionId,
  }) => {
    await serveAt(context, ISSUE_URL, FIXTURE);
    const page = await context.newPage();
    await page.goto(ISSUE_URL);
    await expect.poll(() => markCounts(page)).toEqual(EXPECTED);

    await forgeRetireSignals(page, extensionId);
    await page.waitForTimeout(300);
    expect(await markCounts(page)).toEqual(EXPECTED);
    // Still following the page: a comment added now is marked.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Appended later: vLLM again.';
      document.body.append(p);
    });
    await expect.poll(() => markCounts(page)).toEqual({ ...EXPECTED, vllm: EXPECTED.vllm + 1 });

    // The card UI, once loaded, ignores them too.
    await hoverMention(page, 'trt', 0);
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await readCard(page)).open).toBe(false);
    await forgeRetireSignals(page, extensionId);
    await page.waitForTimeout(300);
    expect(await markCounts(page)).toEqual({ ...EXPECTED, vllm: EXPECTED.vllm + 1 });
    await hoverMention(page, 'vllm', 1);
  });

  test('pointer and key events a page script dispatches open no card, and do not close one', async ({ context, extensionId }) => {
    await serveAt(context, ISSUE_URL, FIXTURE);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const parsed: string[] = [];
    cdp.on('Debugger.scriptParsed', ({ url }) => {
      if (url.endsWith('/content-scripts/card.js')) parsed.push(url);
    });
    await cdp.send('Debugger.enable');
    await page.goto(ISSUE_URL);
    await expect.poll(() => markCounts(page)).toEqual(EXPECTED);
    const world = await IsolatedWorld.attach(context, page, extensionId);
    await world.evaluate(`(() => {
      globalThis.__hoverLog = [];
      globalThis[Symbol.for('engine-lens.isolated-world')].mentions.onMentionHover((e) => globalThis.__hoverLog.push(e.type));
    })()`);

    // The page "moves the pointer" onto a mention and rests there, with a modifier and the shortcut keys.
    const forge = () =>
      page.evaluate(async () => {
        const range = [...(CSS.highlights.get('engine-lens-tensorrt-llm') as unknown as Iterable<Range>)][0]!;
        const r = range.getClientRects()[0]!;
        const at = { clientX: r.left + r.width / 2, clientY: r.top + r.height / 2, bubbles: true, pointerType: 'mouse' };
        const target = document.elementFromPoint(at.clientX, at.clientY) ?? document.body;
        for (let i = 0; i < 10; i++) {
          target.dispatchEvent(new PointerEvent('pointermove', { ...at, altKey: true }));
          document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Alt', altKey: true, bubbles: true }));
          document.dispatchEvent(new KeyboardEvent('keydown', { key: 'E', code: 'KeyE', altKey: true, shiftKey: true, bubbles: true }));
          await new Promise((resolve) => setTimeout(resolve, 60));
        }
        await new Promise((resolve) => setTimeout(resolve, 600));
      });
    await forge();
    expect(await world.evaluate<string[]>('globalThis.__hoverLog')).toEqual([]);
    expect((await readCard(page)).open).toBe(false);
    expect(parsed).toEqual([]); // not even the card UI was loaded

    // The user's own pointer opens it; the page's forged Escape and outside press do not close it.
    await hoverMention(page, 'trt', 0);
    await page.evaluate(() => {
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
      document.body.dispatchEvent(new PointerEvent('pointerdown', { clientX: 2, clientY: 2, bubbles: true }));
    });
    await page.waitForTimeout(200);
    expect((await readCard(page)).open).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await readCard(page)).open).toBe(false);
  });
});
