/**
 * Loads the hover card's UI (React) into a page only when a card is first
 * needed, so the always-loaded content script stays small. Content scripts of
 * one extension share an isolated world, so the injected script can talk to
 * the mention script directly.
 */
import type { MessageContext } from '@/lib/router';

/** Output path of entrypoints/card.content (registration: 'runtime'). */
export const CARD_UI_SCRIPT = '/content-scripts/card.js';

export async function injectCardUi(sender: MessageContext['sender']): Promise<boolean> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) throw new Error('card/load-ui must come from a tab.');
  await browser.scripting.executeScript({
    target: { tabId, frameIds: [sender.frameId ?? 0] },
    files: [CARD_UI_SCRIPT],
  });
  return true;
}
