/**
 * The options page on the built extension, driven like a user: every change
 * reaches a tab that is already open, without reloading it.
 */
import type { Page } from '@playwright/test';
import { hoverMention, mentionPoint, readCard } from './card-helpers';
import { extensionWorker, expect, readFixture, serveAt, test } from './fixtures';
import { engineLine, highlightTexts, IsolatedWorld, readHighlights, waitForMentionScript } from './mentions-helpers';
import {
  countPreferenceWrites,
  engineLensListeners,
  ISSUE_MARKS,
  markCounts,
  notReloaded,
  openMarkedIssue,
  scriptState,
  underlineShape,
} from './settings-helpers';

/** vLLM's underline colour, from its one definition. */
const VLLM_LINE = engineLine('vllm');

test.beforeEach(async ({ worker }) => {
  await waitForMentionScript(worker);
});

async function openOptions(openExtensionPage: (path: string) => Promise<Page>) {
  const options = await openExtensionPage('options.html');
  await expect(options.getByRole('heading', { name: 'Sites', level: 2 })).toBeVisible();
  return options;
}

test.describe('options: sites', () => {
  test('a default site switched off stops marking an open tab at once, listeners and all; switched on, it is marked again', async ({
    context,
    extensionId,
    openExtensionPage,
  }) => {
    const page = await openMarkedIssue(context);
    const world = await IsolatedWorld.attach(context, page, extensionId);
    expect(await engineLensListeners(context, page)).toContain('document:pointermove');
    const options = await openOptions(openExtensionPage);

    const github = options.getByRole('checkbox', { name: /GitHub and Gist/ });
    await expect(github).toBeChecked();
    await github.uncheck();
    await expect.poll(() => markCounts(page)).toEqual({ vllm: 0, trt: 0 });
    await expect.poll(() => scriptState(world)).toEqual({ running: false, api: false });
    expect(await engineLensListeners(context, page)).toEqual([]);
    // Resting on where a mention was opens nothing.
    await page.mouse.move(5, 5);
    await page.mouse.move(200, 200);
    expect((await readCard(page)).open).toBe(false);

    await github.check();
    await expect.poll(() => markCounts(page)).toEqual(ISSUE_MARKS);
    expect(await notReloaded(page)).toBe(true);
    await hoverMention(page, 'trt', 0);
    // Other default sites were never affected, and the choice survives a reload of the options.
    await options.reload();
    await expect(options.getByRole('checkbox', { name: /GitHub and Gist/ })).toBeChecked();
    await expect(options.getByRole('checkbox', { name: /Stack Overflow/ })).toBeChecked();
  });

  test('each default site has its switch, named with its label from lib/sites.ts', async ({ openExtensionPage }) => {
    const options = await openOptions(openExtensionPage);
    const { DEFAULT_SITES } = await import('@/lib/sites');
    for (const site of DEFAULT_SITES) await expect(options.getByRole('checkbox', { name: site.label, exact: true })).toBeChecked();
  });

  test('adding a site asks for that site’s permission from the click, and adds nothing until the browser grants it', async ({
    openExtensionPage,
  }) => {
    // Headless Chromium cannot answer the permission prompt; the Firefox test grants it and sees the site marked.
    const options = await openOptions(openExtensionPage);
    await options.evaluate(() => {
      const { chrome } = globalThis as unknown as { chrome: { permissions: { request(p: unknown): Promise<boolean> } } };
      const original = chrome.permissions.request.bind(chrome.permissions);
      (globalThis as unknown as { __requests: unknown[] }).__requests = [];
      chrome.permissions.request = (p: unknown) => {
        (globalThis as unknown as { __requests: unknown[] }).__requests.push({ p, activation: navigator.userActivation.isActive });
        return original(p);
      };
    });
    const box = options.getByRole('textbox', { name: 'Add a site' });
    await box.fill('ftp://docs.sglang.ai');
    await options.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(options.getByRole('alert')).toContainText('https');
    await box.fill('github.com');
    await options.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(options.getByRole('alert')).toContainText('one of the default sites');
    await box.fill('https://Docs.SGLang.ai/some/page');
    await options.getByRole('button', { name: 'Add', exact: true }).click();
    await expect
      .poll(() => options.evaluate(() => (globalThis as unknown as { __requests: unknown[] }).__requests))
      .toEqual([{ p: { origins: ['https://docs.sglang.ai/*'] }, activation: true }]);
    await options.waitForTimeout(300);
    await expect(options.getByRole('list', { name: 'Your sites' })).toHaveCount(0);
  });

  test('"Pause on this site" in the popup stops marking the tab at once; "Resume on this site" marks it again', async ({
    context,
    openExtensionPage,
  }) => {
    const page = await openMarkedIssue(context);
    const tabId = await (await extensionWorker(context)).evaluate(async () => {
      const { chrome } = globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ id: number; url?: string }>> } } };
      return (await chrome.tabs.query({})).find((t) => t.url?.startsWith('https://github.com/'))!.id;
    });
    const popup = await openExtensionPage(`popup.html?tab=${tabId}`);
    await popup.getByRole('button', { name: 'Pause on this site' }).click();
    await expect.poll(() => markCounts(page)).toEqual({ vllm: 0, trt: 0 });
    await expect(popup.getByRole('button', { name: 'Resume on this site' })).toBeVisible();
    // The options page lists it as paused.
    const options = await openOptions(openExtensionPage);
    await expect(options.getByRole('list', { name: 'Paused sites' })).toContainText('github.com');

    await popup.getByRole('button', { name: 'Resume on this site' }).click();
    await expect.poll(() => markCounts(page)).toEqual(ISSUE_MARKS);
    expect(await notReloaded(page)).toBe(true);
    await expect(popup.getByRole('button', { name: 'Pause on this site' })).toBeVisible();
    await expect(options.getByRole('list', { name: 'Paused sites' })).toHaveCount(0);
  });
});

test.describe('options: hover cards', () => {
  test('the hover delay slider writes once when it settles, and cards wait that long', async ({ context, openExtensionPage }) => {
    const page = await openMarkedIssue(context);
    const writes = await countPreferenceWrites(await extensionWorker(context));
    const options = await openOptions(openExtensionPage);
    const slider = options.getByRole('slider', { name: 'Hover delay' });
    await expect(slider).toHaveValue('300');
    // A drag: 34 steps in one go (one task, so none of them is "settled" before the last).
    await slider.evaluate((input: HTMLInputElement) => {
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      for (let ms = 350; ms <= 2000; ms += 50) {
        setValue.call(input, String(ms));
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }
    });
    await expect(slider).toHaveValue('2000');
    await expect.poll(writes).toEqual([{ delayMs: 2000 }]);
    // The keyboard works the same way.
    await slider.focus();
    await options.keyboard.press('ArrowLeft');
    await expect.poll(writes).toEqual([{ delayMs: 2000 }, { delayMs: 1950 }]);
    await options.keyboard.press('End');
    await expect.poll(writes).toEqual([{ delayMs: 2000 }, { delayMs: 1950 }, { delayMs: 2000 }]);

    // Two seconds: resting on a mention for a moment opens nothing yet; the card comes later.
    const point = await mentionPoint(page, 'trt', 0);
    await page.mouse.move(5, 5);
    await page.mouse.move(point.x, point.y, { steps: 4 });
    await page.waitForTimeout(700);
    expect((await readCard(page)).open).toBe(false);
    await expect.poll(async () => (await readCard(page)).open, { timeout: 15_000 }).toBe(true);
  });

  test('"Open cards only with a modifier key": resting opens nothing; with Alt held, the card opens', async ({ context, openExtensionPage }) => {
    const page = await openMarkedIssue(context);
    const options = await openOptions(openExtensionPage);
    await options.getByRole('checkbox', { name: 'Open cards only with a modifier key' }).check();
    await expect(options.getByRole('status').filter({ hasText: 'modifier key held' })).toBeVisible();

    const point = await mentionPoint(page, 'trt', 0);
    await page.mouse.move(5, 5);
    await page.mouse.move(point.x, point.y, { steps: 4 });
    await page.waitForTimeout(1000);
    expect((await readCard(page)).open).toBe(false);
    // Still resting there, the user presses Alt: the card opens.
    await page.keyboard.down('Alt');
    await expect.poll(async () => (await readCard(page)).open).toBe(true);
    await page.keyboard.up('Alt');
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await readCard(page)).open).toBe(false);

    // Switched off again: a plain hover opens it.
    await options.getByRole('checkbox', { name: 'Open cards only with a modifier key' }).uncheck();
    await expect(options.getByRole('status').filter({ hasText: 'Cards open on hover.' })).toBeVisible();
    await hoverMention(page, 'vllm', 0);
    expect(await notReloaded(page)).toBe(true);
  });

  test('"Include code blocks" marks the mentions in code of an open tab, and unticking takes them away', async ({ context, openExtensionPage }) => {
    const page = await openMarkedIssue(context);
    const inCode = async () => (await readHighlights(page)).vllm.concat((await readHighlights(page)).trt).filter((r) => ['code', 'pre', 'td'].includes(r.parent)).length;
    expect(await inCode()).toBe(0);
    const options = await openOptions(openExtensionPage);
    const box = options.getByRole('checkbox', { name: 'Include code blocks' });
    await expect(box).not.toBeChecked();
    await box.check();
    await expect.poll(inCode).toBeGreaterThan(0);
    const withCode = await markCounts(page);
    expect(withCode.vllm + withCode.trt).toBeGreaterThan(ISSUE_MARKS.vllm + ISSUE_MARKS.trt);
    await box.uncheck();
    await expect.poll(() => markCounts(page)).toEqual(ISSUE_MARKS);
    expect(await inCode()).toBe(0);
    expect(await notReloaded(page)).toBe(true);
  });

  test('underline style: an open tab’s marks go dotted → solid → none without a reload', async ({ context, openExtensionPage }) => {
    const page = await openMarkedIssue(context);
    const dotted = await underlineShape(page, 'vllm', VLLM_LINE);
    expect(dotted.pixels).toBeGreaterThan(0);
    expect(dotted.longestRun).toBeLessThan(dotted.width / 3);
    const options = await openOptions(openExtensionPage);
    await options.getByRole('radio', { name: 'Solid' }).check();
    await expect.poll(async () => (await underlineShape(page, 'vllm', VLLM_LINE)).longestRun).toBeGreaterThan(dotted.width * 0.8);
    await options.getByRole('radio', { name: 'None' }).check();
    await expect.poll(async () => (await underlineShape(page, 'vllm', VLLM_LINE)).pixels).toBe(0);
    // Hover still works without a line.
    await hoverMention(page, 'vllm', 0);
    await page.keyboard.press('Escape');
    await options.getByRole('radio', { name: 'Dotted' }).check();
    await expect.poll(async () => (await underlineShape(page, 'vllm', VLLM_LINE)).pixels).toBeGreaterThan(0);
    expect((await underlineShape(page, 'vllm', VLLM_LINE)).longestRun).toBeLessThan(dotted.width / 3);
    expect(await notReloaded(page)).toBe(true);
    // A page opened now gets the style from the registration.
    await options.getByRole('radio', { name: 'Solid' }).check();
    await expect(options.getByRole('status').filter({ hasText: 'Underline: solid.' })).toBeVisible();
    const fresh = await openMarkedIssue(context, 'https://github.com/vllm-project/vllm/issues/10');
    expect((await underlineShape(fresh, 'vllm', VLLM_LINE)).longestRun).toBeGreaterThan(dotted.width * 0.8);
  });

  test('theme: Dark makes the card dark on a light page, and Engine Lens’s pages dark; Auto follows them again', async ({
    context,
    openExtensionPage,
  }) => {
    const page = await openMarkedIssue(context);
    const options = await openOptions(openExtensionPage);
    const popup = await openExtensionPage('popup.html');
    await expect(options.locator('html')).toHaveAttribute('data-theme', 'light');
    await options.getByRole('radio', { name: 'Dark' }).check();
    await expect(options.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(popup.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(await options.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(13, 17, 23)');
    await hoverMention(page, 'trt', 0);
    const { cardStyle } = await import('./card-helpers');
    const card = await readCard(page);
    expect(await cardStyle(page, card.dialogNodeId!, 'color-scheme')).toContain('dark');
    await page.keyboard.press('Escape');
    await options.getByRole('radio', { name: 'Auto' }).check();
    await expect(options.locator('html')).toHaveAttribute('data-theme', 'light');
  });
});

test.describe('options: data', () => {
  test('the data settings are saved and validated: feed URL https only, refresh interval, tracking, badge', async ({ openExtensionPage }) => {
    const options = await openOptions(openExtensionPage);
    const feed = options.getByRole('textbox', { name: 'Dataset feed URL' });
    await feed.fill('http://feeds.example.com/dataset.json');
    await options.getByRole('button', { name: 'Save feed URL' }).click();
    await expect(options.getByRole('alert')).toContainText('https');
    await options.getByRole('combobox', { name: 'Refresh interval' }).selectOption({ label: 'Every 6 hours' });
    await options.getByRole('checkbox', { name: 'The verdict changed' }).uncheck();
    await options.getByRole('checkbox', { name: 'Badge on the toolbar icon' }).uncheck();
    await expect(options.getByRole('status').filter({ hasText: 'Badge off.' })).toBeVisible();
    await options.reload();
    await expect(options.getByRole('combobox', { name: 'Refresh interval' })).toHaveValue('6');
    await expect(options.getByRole('checkbox', { name: 'The verdict changed' })).not.toBeChecked();
    await expect(options.getByRole('checkbox', { name: 'A figure changed' })).toBeChecked();
    await expect(options.getByRole('checkbox', { name: 'Badge on the toolbar icon' })).not.toBeChecked();
    await expect(options.getByRole('textbox', { name: 'Dataset feed URL' })).toHaveValue('');
  });

  test('"Reset data" keeps team pins unless the box is ticked, and says how much is stored', async ({ openExtensionPage }) => {
    const options = await openOptions(openExtensionPage);
    await expect(options.getByText('Comparison data, pins and log')).toBeVisible();
    await expect(options.locator('.usage dd').first()).toHaveText(/\d+(\.\d)? (bytes|KB|MB)/);
    const pinRows = () =>
      options.evaluate(async () => {
        const db = await new Promise<IDBDatabase>((resolve) => {
          const r = indexedDB.open('engine-lens');
          r.onsuccess = () => resolve(r.result);
        });
        const count = await new Promise<number>((resolve) => {
          const r = db.transaction('pins').objectStore('pins').count();
          r.onsuccess = () => resolve(r.result);
        });
        db.close();
        return count;
      });
    await options.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const r = indexedDB.open('engine-lens');
        r.onsuccess = () => resolve(r.result);
      });
      await new Promise<void>((resolve) => {
        const tx = db.transaction('pins', 'readwrite');
        tx.objectStore('pins').put({ id: 'team-pin-0001', updatedAt: 1, data: { kept: 'as it is' } });
        tx.oncomplete = () => resolve();
      });
      db.close();
    });
    expect(await pinRows()).toBe(1);
    await options.getByRole('button', { name: 'Reset data' }).click();
    await expect(options.getByRole('status').filter({ hasText: 'team pins were kept' })).toBeVisible();
    expect(await pinRows()).toBe(1);
    await options.getByRole('checkbox', { name: 'Also delete team pins' }).check();
    await options.getByRole('button', { name: 'Reset data' }).click();
    await expect(options.getByRole('status').filter({ hasText: 'team pins were deleted' })).toBeVisible();
    expect(await pinRows()).toBe(0);
  });
});

test.describe('options: shortcuts and the context menu', () => {
  test('the keyboard command and the context-menu entry are listed, with a link to the browser’s shortcut settings', async ({
    context,
    openExtensionPage,
  }) => {
    const options = await openOptions(openExtensionPage);
    const section = options.getByRole('region', { name: 'Shortcuts' });
    await expect(section).toContainText('Open the Engine Lens card for the mention nearest the selection');
    await expect(section.locator('kbd')).toHaveText('Alt+Shift+E');
    await expect(section).toContainText('Compare vLLM and TensorRT-LLM');
    const opened = context.waitForEvent('page');
    await section.getByRole('link', { name: 'Change shortcuts' }).click();
    const shortcuts = await opened;
    await expect.poll(() => shortcuts.url()).toBe('chrome://extensions/shortcuts');
  });

  test('the context-menu entry on selected text opens the full comparison', async ({ context }) => {
    const page = await openMarkedIssue(context);
    const worker = await extensionWorker(context);
    // The entry exists (updating an unknown id fails)…
    await worker.evaluate(async () => {
      const { chrome } = globalThis as unknown as { chrome: { contextMenus: { update(id: string, p: object): Promise<void> } } };
      await chrome.contextMenus.update('engine-lens-compare', {});
    });
    // …and choosing it (headless Chromium cannot show menus: the listener's own handler) opens the comparison.
    await page.evaluate(() => {
      const p = document.querySelector('p')!;
      getSelection()!.selectAllChildren(p);
    });
    const opened = context.waitForEvent('page');
    const tabId = await worker.evaluate(async () => {
      const { chrome } = globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ id: number; url?: string }>> } } };
      return (await chrome.tabs.query({})).find((t) => t.url?.startsWith('https://github.com/'))!.id;
    });
    const result = await worker.evaluate(
      (tabId) =>
        (globalThis as unknown as { engineLensMenuClicked(info: object, tab: object): Promise<boolean> }).engineLensMenuClicked(
          { menuItemId: 'engine-lens-compare', selectionText: 'vLLM vs TensorRT-LLM' },
          { id: tabId },
        ),
      tabId,
    );
    expect(result).toBe(true);
    const comparison = await opened;
    await expect(comparison.getByRole('heading', { level: 1 })).toContainText('vLLM vs TensorRT-LLM');
    expect(comparison.url()).toContain('/comparison.html?comparison=vllm-vs-tensorrt-llm');
  });
});

test('a settings change from a content script is refused; page/config gives it its own page only', async ({ context, extensionId }) => {
  await serveAt(context, 'https://stackoverflow.com/questions/2/x', readFixture('mentions-hostile.html'));
  const page = await context.newPage();
  await page.goto('https://stackoverflow.com/questions/2/x');
  await expect.poll(async () => (await highlightTexts(page)).vllm.length).toBeGreaterThan(0);
  const world = await IsolatedWorld.attach(context, page, extensionId);
  const config = await world.evaluate<{ ok: boolean; data: Record<string, unknown> }>(`chrome.runtime.sendMessage({ type: 'page/config' })`);
  expect(config).toEqual({ ok: true, data: { enabled: true, includeCode: false, hoverDelayMs: 300, requireModifier: false, theme: 'auto' } });
  const refused = await world.evaluate<{ ok: boolean; error?: { code: string } }>(
    `chrome.runtime.sendMessage({ type: 'settings/update', patch: { preferences: { sites: { stackoverflow: false } } } })`,
  );
  expect(refused.error?.code).toBe('forbidden');
  // A content script cannot claim another page either: extra fields are refused.
  const claimed = await world.evaluate<{ ok: boolean; error?: { code: string } }>(
    `chrome.runtime.sendMessage({ type: 'page/config', url: 'https://github.com/' })`,
  );
  expect(claimed.error?.code).toBe('invalid-message');
});
