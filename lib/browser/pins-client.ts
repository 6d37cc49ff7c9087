/**
 * The real clients of the pins UI (components/pins): messages to the worker
 * (validated replies, lib/browser/send.ts), the `data/changed` push, the
 * clipboard, file downloads, and the tab the popup is about. Shared by the
 * popup, the full page and the import page.
 */
import type { ImportClient } from '@/components/pins/ImportApp';
import type { PinsClient } from '@/components/pins/pins-context';
import { supportedPage } from '@/lib/share-link';
import { onDataChanged } from './data-changed';
import { send } from './send';

/** The tab the popup is about: `?tab=<id>` (tests), else the active tab of the current window. */
async function aboutTab(): Promise<{ url?: string } | undefined> {
  const raw = new URLSearchParams(location.search).get('tab');
  const explicit = raw === null ? NaN : Number(raw);
  if (Number.isInteger(explicit) && explicit >= 0) return browser.tabs.get(explicit);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

export function createPinsClient(): PinsClient {
  return {
    list: () => send({ type: 'pins/list' }),
    save: async (request) => (await send({ type: 'pins/save', ...request })).pin,
    remove: async (id) => void (await send({ type: 'pins/delete', id })),
    setActive: async (id) => void (await send({ type: 'pins/set-active', id })),
    subscribe: (listener) => onDataChanged((changed) => changed.includes('pins') && listener()),
    copyText: (text) => navigator.clipboard.writeText(text),
    download(filename, text) {
      const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = filename;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
    openImportPage: () => void browser.tabs.create({ url: browser.runtime.getURL('/import.html') }),
    // Host permissions cover the supported sites, so their tabs' addresses are readable without "tabs".
    currentPageUrl: async () => {
      const url = (await aboutTab().catch(() => undefined))?.url;
      return url && supportedPage(url) ? url : null;
    },
  };
}

export function createImportClient(): ImportClient {
  return {
    loadDataset: () => send({ type: 'dataset/get' }),
    list: () => send({ type: 'pins/list' }),
    importPins: async (request) => (await send({ type: 'pins/import', ...request })).imported,
  };
}
