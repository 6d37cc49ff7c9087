/**
 * Loads the hover card's UI (React) into a page only when a card is first
 * needed, so the always-loaded content script stays small. Content scripts of
 * one extension share an isolated world, so the injected script finds the
 * mentions script there (lib/browser/isolated-world.ts).
 *
 * Once per document: a content script (or a page able to make it send
 * messages) asking thirty times gets one injection. Requests in flight are
 * shared, and before injecting, a probe asks the frame's isolated world
 * whether the card UI already runs there (which also covers a restarted
 * worker, whose memory of earlier injections is gone).
 */
import { ISOLATED_WORLD_KEY } from '@/lib/browser/isolated-world';
import type { MessageContext } from '@/lib/router';

/** Output path of entrypoints/card.content (registration: 'runtime'). */
export const CARD_UI_SCRIPT = '/content-scripts/card.js';

const inFlight = new Map<string, Promise<boolean>>();

/** Resolves to true when it injected the card UI, false when the frame already had it. */
export function injectCardUi(sender: MessageContext['sender']): Promise<boolean> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return Promise.reject(new Error('card/load-ui must come from a tab.'));
  const frameId = sender.frameId ?? 0;
  const key = `${tabId}:${frameId}:${sender.documentId ?? ''}`;
  let pending = inFlight.get(key);
  if (!pending) {
    pending = probeAndInject(tabId, frameId).finally(() => inFlight.delete(key));
    inFlight.set(key, pending);
  }
  return pending;
}

async function probeAndInject(tabId: number, frameId: number): Promise<boolean> {
  const target = { tabId, frameIds: [frameId] };
  const [probe] = await browser.scripting.executeScript({
    target,
    // Runs in the extension's isolated world (the default), never the page's.
    func: (key: string) => Boolean((globalThis as Record<symbol, { cardUiLoaded?: boolean } | undefined>)[Symbol.for(key)]?.cardUiLoaded),
    args: [ISOLATED_WORLD_KEY],
  });
  if (probe?.result === true) return false;
  await browser.scripting.executeScript({ target, files: [CARD_UI_SCRIPT] });
  return true;
}
