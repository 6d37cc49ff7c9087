/**
 * Helpers that act on the extension itself from a test: its IndexedDB (read
 * and damaged from one of its own pages, as a fault injector would) and its
 * service worker (stopped over CDP).
 */
import type { BrowserContext, Page, Worker } from '@playwright/test';

/** Runs in an extension page: rewrites the active stored dataset with `edit`. */
export async function editStoredDataset(
  page: Page,
  edit: 'shortAnswer' | 'sourceTitle' | 'corrupt' | 'oldSchema' | 'newerSchema',
  value = '',
) {
  await page.evaluate(
    async ({ edit, value }) => {
      const request = <T,>(r: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => {
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error);
        });
      const db = await request(indexedDB.open('engine-lens'));
      const tx = db.transaction(['meta', 'datasets'], 'readwrite');
      const meta = await request(tx.objectStore('meta').get('activeDatasetVersion'));
      const row = await request(tx.objectStore('datasets').get(meta.value));
      if (edit === 'shortAnswer') row.data.comparisons[0].shortAnswer = value;
      if (edit === 'sourceTitle') row.data.comparisons[0].provenance.sourceTitle = value;
      if (edit === 'newerSchema') row.schemaVersion = 99;
      if (edit === 'corrupt') row.data.comparisons[0].verdict = { text: 42 };
      if (edit === 'oldSchema') row.schemaVersion = 0;
      await request(tx.objectStore('datasets').put(row));
      db.close();
    },
    { edit, value },
  );
}

export async function stopServiceWorker(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  const { targetInfos } = await cdp.send('Target.getTargets');
  const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
  if (!worker) throw new Error('no extension service worker running');
  await cdp.send('Target.closeTarget', { targetId: worker.targetId });
  await cdp.detach();
}


/** Runs in an extension page: adds one raw row to the worker's log (which may be malformed on purpose). */
export async function addLogRow(page: Page, row: Record<string, unknown>) {
  await page.evaluate(async (row) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('engine-lens');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('log', 'readwrite');
      tx.objectStore('log').add(row);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, row);
}

/** Sends a runtime message from an extension page (the way the popup or options page does) and returns the reply. */
export function sendFromPage<T = unknown>(page: Page, message: Record<string, unknown>): Promise<T> {
  return page.evaluate((message) => {
    const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };
    return chrome.runtime.sendMessage(message);
  }, message) as Promise<T>;
}

/** The id of the tab showing `url`, from the extension's worker (-1 when none). */
export async function tabIdOf(worker: Worker, url: string): Promise<number> {
  return worker.evaluate(async (url) => {
    const { chrome } = globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ id?: number }>> } } };
    const [tab] = await chrome.tabs.query({ url });
    return tab?.id ?? -1;
  }, url);
}
