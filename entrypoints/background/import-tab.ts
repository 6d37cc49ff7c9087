/**
 * Opens the import page (entrypoints/import) for a share link a content
 * script found in its page's address (`pins/open-import`). The page previews
 * the pin and imports nothing until the user confirms there, so a host page
 * that writes `#engine-lens=…` into its own address can at most make the
 * offer appear. Bounded like `comparison/open`: one import tab per tab,
 * reused for the next link, the same link not offered twice in a row, and at
 * most one offer per {@link OFFER_COOLDOWN_MS} per tab, so a page rewriting its
 * address in a loop cannot keep pulling the user to the import page.
 */
import { OPEN_COOLDOWN_MS } from './tabs';

/** A tab gets at most one offer this often (the same bound as opening the comparison page). */
export const OFFER_COOLDOWN_MS = OPEN_COOLDOWN_MS;

/** The extension's import page; the payload travels in its fragment (never sent anywhere). */
export const IMPORT_PAGE = '/import.html';

/** The import page for a share link's payload. */
export function importPageUrl(payload: string): string {
  return `${browser.runtime.getURL(IMPORT_PAGE)}?from=link#${encodeURIComponent(payload)}`;
}

/** Per opener tab: the import tab opened for it and the payload it shows. */
const openedFor = new Map<number, { tabId: number; payload: string; at: number }>();

export async function openImportPage(
  payload: string,
  openerTabId: number | undefined,
  now = Date.now(),
): Promise<{ opened: boolean }> {
  if (openerTabId === undefined) throw new Error('pins/open-import must come from a tab.');
  const url = importPageUrl(payload);
  const previous = openedFor.get(openerTabId);
  if (previous?.tabId === -1) return { opened: false }; // one is being opened right now
  if (previous) {
    const tab = await browser.tabs.get(previous.tabId).catch(() => undefined);
    if (tab) {
      if (previous.payload === payload || now - previous.at < OFFER_COOLDOWN_MS) return { opened: false };
      openedFor.set(openerTabId, { tabId: previous.tabId, payload, at: now });
      await browser.tabs.update(previous.tabId, { url, active: true });
      return { opened: true };
    }
  }
  // Claim the slot before awaiting, so a burst of requests opens one tab.
  openedFor.set(openerTabId, { tabId: -1, payload, at: now });
  const tab = await browser.tabs.create({ url, openerTabId });
  if (tab.id !== undefined) openedFor.set(openerTabId, { tabId: tab.id, payload, at: now });
  return { opened: true };
}

/** Forgets tabs that closed. */
export function listenForImportTabs(): void {
  browser.tabs.onRemoved.addListener((tabId) => {
    openedFor.delete(tabId);
    for (const [opener, entry] of openedFor) if (entry.tabId === tabId) openedFor.delete(opener);
  });
}
