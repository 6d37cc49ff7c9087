/**
 * The reply envelope every Engine Lens message comes back in, unwrapped
 * without zod (the always-loaded content script uses this too). The payload
 * inside is validated by the receiver: with the message table's reply schema
 * (lib/browser/send.ts) or a zod-free guard (lib/content-guard.ts).
 */
import type { ErrorCode } from './messaging';

/** An error reply, or a reply that failed validation, with its typed code. */
export class MessageError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MessageError';
  }
}

const ERROR_CODES: ReadonlySet<string> = new Set<ErrorCode>([
  'invalid-message',
  'unknown-message',
  'forbidden',
  'invalid-reply',
  'internal',
]);

/**
 * The payload of a successful reply. Throws a {@link MessageError} for an
 * error reply (with its code) and for anything that is not an envelope (no
 * answer at all, or a malformed one).
 */
export function unwrapReply(raw: unknown, what: string): unknown {
  if (typeof raw !== 'object' || raw === null) {
    throw new MessageError('internal', `No answer to "${what}".`);
  }
  const envelope = raw as { ok?: unknown; data?: unknown; error?: { code?: unknown; message?: unknown } };
  if (envelope.ok === true && 'data' in envelope) return envelope.data;
  if (envelope.ok === false && typeof envelope.error === 'object' && envelope.error !== null) {
    const { code, message } = envelope.error;
    if (typeof code === 'string' && ERROR_CODES.has(code) && typeof message === 'string') {
      throw new MessageError(code as ErrorCode, message);
    }
  }
  throw new MessageError('invalid-reply', `The answer to "${what}" is not a reply envelope.`);
}
