/**
 * The worker's contracts with pages and tabs, on the built extension: its
 * `data/changed` push reaches open extension pages and the content scripts of
 * open tabs; it bounds what a content script can make it do; and a damaged
 * store never blanks a page.
 */
import { hoverMention, openIssue, readCard } from './card-helpers';
import { addLogRow, editStoredDataset, sendFromPage, stopServiceWorker } from './extension-helpers';
import { expect, extensionWorker, test } from './fixtures';
import { IsolatedWorld, waitForMentionScript } from './mentions-helpers';

const COMPARISON_ID = 'vllm-vs-tensorrt-llm';
const BUNDLED_TITLE = 'vLLM vs TensorRT-LLM';

test.describe('the worker', () => {
  test.beforeEach(async ({ worker }) => {
    await waitForMentionScript(worker);
  });

  test('a data change reaches an open popup and an open tab’s card without a reload', async ({ context, openExtensionPage }) => {
    const popup = await openExtensionPage('popup.html');
    await expect(popup.getByRole('region', { name: /Verdict/ })).toContainText('vLLM is a faster');
    await editStoredDataset(popup, 'shortAnswer', 'An answer edited in the store.');
    await editStoredDataset(popup, 'sourceTitle', 'A title edited in the store');
    await popup.reload();
    await expect(popup.getByRole('region', { name: /Verdict/ })).toContainText('An answer edited in the store.');

    // The tab's card caches the (edited) data once per page.
    const page = await openIssue(context);
    await hoverMention(page, 'trt', 0);
    expect((await readCard(page)).text).toContain('A title edited in the store');
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await readCard(page)).open).toBe(false);

    // Another extension page resets the data: the worker pushes `data/changed`.
    const other = await openExtensionPage('comparison.html');
    await sendFromPage(other, { type: 'dataset/reset' });

    // Neither the popup nor the tab is reloaded, and both show the bundled data.
    await expect(popup.getByRole('region', { name: /Verdict/ })).toContainText('vLLM is a faster');
    await expect(popup.getByRole('contentinfo', { name: 'Provenance' })).toContainText(BUNDLED_TITLE);
    await expect
      .poll(async () => {
        await hoverMention(page, 'trt', 0);
        const text = (await readCard(page)).text;
        await page.keyboard.press('Escape');
        return text.includes('A title edited in the store');
      })
      .toBe(false);
  });

  test('a flood of "open the comparison" from a content script opens one tab', async ({ context, extensionId }) => {
    const page = await openIssue(context);
    const world = await IsolatedWorld.attach(context, page, extensionId);
    const before = context.pages().length;
    const replies = await world.evaluate<Array<{ ok: boolean; data?: { opened: boolean } }>>(
      `Promise.all(Array.from({ length: 20 }, () => chrome.runtime.sendMessage({ type: 'comparison/open', comparisonId: '${COMPARISON_ID}' })))`,
    );
    expect(replies.filter((r) => r.data?.opened === true)).toHaveLength(1);
    await expect.poll(() => context.pages().length).toBe(before + 1);
    await page.waitForTimeout(500);
    expect(context.pages().length).toBe(before + 1);
  });

  test('thirty "load the card UI" requests inject it once', async ({ context, extensionId }) => {
    const page = await openIssue(context);
    const cdp = await context.newCDPSession(page);
    const parsed: string[] = [];
    cdp.on('Debugger.scriptParsed', ({ url }) => {
      if (url.endsWith('/content-scripts/card.js')) parsed.push(url);
    });
    await cdp.send('Debugger.enable');
    const world = await IsolatedWorld.attach(context, page, extensionId);
    const replies = await world.evaluate<Array<{ ok: boolean; data?: { injected: boolean } }>>(
      `Promise.all(Array.from({ length: 30 }, () => chrome.runtime.sendMessage({ type: 'card/load-ui' })))`,
    );
    expect(replies.every((r) => r.ok)).toBe(true);
    const again = await world.evaluate<{ data?: { injected: boolean } }>(`chrome.runtime.sendMessage({ type: 'card/load-ui' })`);
    expect(again.data?.injected).toBe(false);
    expect(parsed).toHaveLength(1);
    // And the card still works.
    await hoverMention(page, 'trt', 0);
  });

  test('a log row that is not readable never blanks the popup or the full page', async ({ openExtensionPage }) => {
    const popup = await openExtensionPage('popup.html');
    await expect(popup.getByRole('region', { name: /Verdict/ })).toContainText('vLLM is a faster');
    await addLogRow(popup, { at: Date.now(), kind: 'repair', message: { not: 'a string' } });
    for (const page of [popup, await openExtensionPage(`comparison.html?comparison=${COMPARISON_ID}`)]) {
      await page.reload();
      await expect(page.getByRole('region', { name: /Verdict/ })).toContainText('vLLM is a faster');
      await expect(page.getByRole('region', { name: /Key differences/ })).toBeVisible();
    }
  });

  test('data stored by a newer Engine Lens is kept, and the popup says why it shows the bundled data', async ({ openExtensionPage }) => {
    const popup = await openExtensionPage('popup.html');
    await editStoredDataset(popup, 'shortAnswer', 'Written by a later build.');
    await editStoredDataset(popup, 'newerSchema');
    await popup.reload();
    await expect(popup.getByRole('region', { name: /Verdict/ })).toContainText('vLLM is a faster');
    await expect(popup.getByRole('status').filter({ hasText: 'newer Engine Lens' })).toBeVisible();
    // The later build's row is still there, untouched.
    const kept = await popup.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const r = indexedDB.open('engine-lens');
        r.onsuccess = () => resolve(r.result);
      });
      const rows = await new Promise<Array<{ schemaVersion: number; data: { comparisons: Array<{ shortAnswer: string }> } }>>((resolve) => {
        const r = db.transaction('datasets').objectStore('datasets').getAll();
        r.onsuccess = () => resolve(r.result);
      });
      db.close();
      return rows.map((row) => [row.schemaVersion, row.data.comparisons[0]!.shortAnswer]);
    });
    expect(kept).toContainEqual([99, 'Written by a later build.']);
  });

  test('the comparison page opens the comparison its URL names', async ({ openExtensionPage }) => {
    const page = await openExtensionPage(`comparison.html?comparison=${COMPARISON_ID}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(BUNDLED_TITLE);
    const unknown = await openExtensionPage('comparison.html?comparison=no-such-comparison');
    await expect(unknown.getByRole('alert')).toContainText('not in the dataset');
  });

  test('a site the user switched off stays off when the worker restarts', async ({ context, openExtensionPage }) => {
    const registered = async () => {
      const worker = await extensionWorker(context);
      return worker.evaluate(async () => {
        type Scripting = { getRegisteredContentScripts(): Promise<Array<{ id: string; matches?: string[] }>> };
        const { chrome } = globalThis as unknown as { chrome: { scripting: Scripting } };
        return (await chrome.scripting.getRegisteredContentScripts()).flatMap((s) => s.matches ?? []);
      });
    };
    const page = await openExtensionPage('popup.html');
    await sendFromPage(page, { type: 'settings/update', patch: { preferences: { sites: { github: false } } } });
    await expect.poll(registered).not.toContain('https://github.com/*');
    expect(await registered()).toContain('https://docs.vllm.ai/*');

    await stopServiceWorker(context, page);
    await page.reload(); // wakes a fresh worker, which registers from the stored settings
    await expect(page.getByRole('region', { name: /Verdict/ })).toBeVisible();
    await page.waitForTimeout(500);
    expect(await registered()).not.toContain('https://github.com/*');
    expect(await registered()).toContain('https://docs.vllm.ai/*');
  });

  test('settings are refused from a content script', async ({ context, extensionId }) => {
    const page = await openIssue(context);
    const world = await IsolatedWorld.attach(context, page, extensionId);
    for (const message of [{ type: 'settings/get' }, { type: 'settings/update', patch: { preferences: { theme: 'dark' } } }]) {
      const reply = await world.evaluate<{ ok: boolean; error?: { code: string } }>(`chrome.runtime.sendMessage(${JSON.stringify(message)})`);
      expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });
});
