/**
 * Sends a request to the background worker from the always-loaded mentions
 * content script, which must stay small and does not bundle zod: the reply is
 * checked with a hand-written guard from lib/content-guard.ts (kept in step
 * with the message table's reply schemas by a unit test).
 */
import type { MessageType, ReplyData, Request } from '@/lib/messaging';
import { MessageError, unwrapReply } from '@/lib/reply';

export async function sendGuarded<T extends MessageType>(
  message: Request<T> & { type: T },
  isReply: (data: unknown) => data is ReplyData<T>,
): Promise<ReplyData<T>> {
  const data = unwrapReply(await browser.runtime.sendMessage(message), message.type);
  if (!isReply(data)) throw new MessageError('invalid-reply', `Invalid reply to "${message.type}".`);
  return data;
}
