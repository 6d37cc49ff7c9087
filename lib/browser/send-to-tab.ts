/**
 * Sends a tab-bound request (lib/messaging.ts, `TabMessages`) to a tab's
 * content script and validates its reply against the table. For the worker
 * and extension pages (this bundles zod; the content script never imports it).
 */
import { TabMessages, type TabMessageType, type TabReplyData, type TabRequest } from '@/lib/messaging';
import { MessageError, unwrapReply } from '@/lib/reply';
import { describeZodError } from '@/lib/schema';

/**
 * Resolves to the content script's validated reply. Rejects when the tab has
 * no Engine Lens content script (browser pages, sites it does not run on), or
 * with a {@link MessageError} when the content script reports one.
 */
export async function sendToTab<T extends TabMessageType>(
  tabId: number,
  message: TabRequest<T> & { type: T },
): Promise<TabReplyData<T>> {
  const data = unwrapReply(await browser.tabs.sendMessage(tabId, message), message.type);
  const parsed = TabMessages[message.type].reply.safeParse(data);
  if (!parsed.success) {
    throw new MessageError('invalid-reply', `Invalid reply to "${message.type}": ${describeZodError(parsed.error)}`);
  }
  return parsed.data as TabReplyData<T>;
}
