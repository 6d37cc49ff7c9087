/**
 * Sends a typed request to the background worker and unwraps its reply.
 * Imports only types from lib/messaging.ts so callers (including the content
 * script, which must stay small) do not bundle zod.
 */
import type { MessageType, Replies, Reply, Request } from '@/lib/messaging';

/** An error reply from the worker, with its typed code. */
export class MessageError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'MessageError';
  }
}

export async function send<T extends MessageType>(request: Request<T> & { type: T }): Promise<Replies[T]> {
  const reply = (await browser.runtime.sendMessage(request)) as Reply<T> | undefined;
  if (!reply || typeof reply !== 'object') throw new MessageError('internal', 'The background worker did not answer.');
  if (!reply.ok) throw new MessageError(reply.error.code, reply.error.message);
  return reply.data;
}
