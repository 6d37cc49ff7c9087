/**
 * Sends a tab-bound request (lib/messaging.ts, `ContentRequestSchemas`) to a
 * tab's content script and validates its reply. For the popup and other
 * extension pages (this bundles zod; the content script never imports it).
 */
import { ContentReplySchemas, ReplyEnvelopeSchema, type ContentMessageType, type ContentReplies, type ContentRequest } from '@/lib/messaging';
import { MessageError } from './send';

/**
 * Resolves to the content script's validated reply. Rejects when the tab has
 * no Engine Lens content script (browser pages, sites it does not run on), or
 * with a {@link MessageError} when the content script reports one.
 */
export async function sendToTab<T extends ContentMessageType>(
  tabId: number,
  request: ContentRequest<T> & { type: T },
): Promise<ContentReplies[T]> {
  const envelope = ReplyEnvelopeSchema.parse(await browser.tabs.sendMessage(tabId, request));
  if (!envelope.ok) throw new MessageError(envelope.error.code, envelope.error.message);
  return ContentReplySchemas[request.type].parse(envelope.data) as ContentReplies[T];
}
