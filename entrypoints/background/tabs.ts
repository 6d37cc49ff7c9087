/**
 * Tab work the background does for content scripts and for the keyboard
 * command: opening the full comparison page, and asking the active tab's
 * content script to open a card.
 */
import { sendToTab } from '@/lib/browser/send-to-tab';
import type { ComparisonId } from '@/lib/schema';

/** The extension's own full-page comparison; the only page `comparison/open` opens. */
export const COMPARISON_PAGE = '/comparison.html';

/** The full page of one comparison (`?comparison=<id>`). */
export function comparisonPageUrl(comparisonId: ComparisonId): string {
  return `${browser.runtime.getURL(COMPARISON_PAGE)}?comparison=${encodeURIComponent(comparisonId)}`;
}

/**
 * A second request from the same tab this soon after a tab was opened for it
 * is the same user action (a double click, or a flood of messages): it opens
 * nothing. One click, one tab.
 */
export const OPEN_COOLDOWN_MS = 2000;
const lastOpenedFor = new Map<number, number>();

/** Opens the full comparison in a new tab, next to the tab that asked (when there is one). */
export async function openComparisonPage(
  comparisonId: ComparisonId,
  openerTabId?: number,
  now = Date.now(),
): Promise<{ opened: boolean }> {
  const key = openerTabId ?? -1;
  const last = lastOpenedFor.get(key);
  if (last !== undefined && now - last < OPEN_COOLDOWN_MS) return { opened: false };
  lastOpenedFor.set(key, now);
  await browser.tabs.create({
    url: comparisonPageUrl(comparisonId),
    ...(openerTabId === undefined ? {} : { openerTabId }),
  });
  return { opened: true };
}

/** "What changed" on the full page (a notification's click opens it). */
export async function openChangesPage(): Promise<void> {
  await browser.tabs.create({ url: `${browser.runtime.getURL(COMPARISON_PAGE)}?view=changes` });
}

/** The extension command that opens a card from the keyboard (see `commands` in wxt.config.ts). */
export const OPEN_CARD_COMMAND = 'open-card';

/**
 * Runs an extension command. `open-card` asks the tab's content script to open
 * the card for the mention at or nearest to the selection, with focus in it.
 * Resolves to whether a card opened; false on pages without the content script
 * (browser pages, sites Engine Lens does not run on), which is not an error.
 */
export async function runCommand(command: string, tab?: { id?: number }): Promise<boolean> {
  if (command !== OPEN_CARD_COMMAND) return false;
  const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (tabId === undefined) return false;
  try {
    const { opened } = await sendToTab(tabId, {
      type: 'content/open-card',
      target: { kind: 'selection' },
      focus: true,
      scroll: true,
    });
    return opened;
  } catch {
    return false; // no content script in that tab
  }
}

/**
 * Listens for the extension's keyboard commands. The handler is also published
 * on the worker's global as `engineLensRunCommand`: headless Chromium does not
 * deliver extension shortcuts, so the end-to-end test calls it the way the
 * listener does (the worker's global is private to the extension).
 */
export function listenForCommands(): void {
  browser.commands.onCommand.addListener((command, tab) => {
    void runCommand(command, tab);
  });
  browser.tabs.onRemoved.addListener((tabId) => lastOpenedFor.delete(tabId));
  (globalThis as { engineLensRunCommand?: typeof runCommand }).engineLensRunCommand = runCommand;
}
