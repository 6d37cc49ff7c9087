/**
 * The worker's push channel: tells every open extension page (popup, options,
 * comparison page) and the content scripts of open tabs that data changed, so
 * their caches refresh without a reload (lib/messaging.ts, `data/changed`).
 * Fire and forget: a tab without our content script, or no page open at all,
 * is not an error.
 */
import type { ChangeKind, DataChanged } from '@/lib/messaging';

export async function broadcastChange(changed: readonly ChangeKind[]): Promise<void> {
  const message: DataChanged = { type: 'data/changed', changed: [...new Set(changed)] };
  const toPages = browser.runtime.sendMessage(message).catch(() => undefined);
  const tabs = await browser.tabs.query({});
  await Promise.all([
    toPages,
    ...tabs.map((tab) => (tab.id === undefined ? undefined : browser.tabs.sendMessage(tab.id, message).catch(() => undefined))),
  ]);
}
