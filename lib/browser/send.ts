/**
 * Sends a request to the background worker and returns its reply payload,
 * validated against the message table's reply schema (lib/messaging.ts): a
 * reply crosses a trust boundary like any other input. For extension pages
 * and the card UI, which bundle zod. The always-loaded mentions content
 * script uses ./send-guarded.ts instead.
 */
import { Messages, type MessageType, type ReplyData, type Request } from '@/lib/messaging';
import { MessageError, unwrapReply } from '@/lib/reply';
import { describeZodError } from '@/lib/schema';

export { MessageError };

export async function send<T extends MessageType>(message: Request<T> & { type: T }): Promise<ReplyData<T>> {
  const data = unwrapReply(await browser.runtime.sendMessage(message), message.type);
  const parsed = Messages[message.type].reply.safeParse(data);
  if (!parsed.success) {
    throw new MessageError('invalid-reply', `Invalid reply to "${message.type}": ${describeZodError(parsed.error)}`);
  }
  return parsed.data as ReplyData<T>;
}
