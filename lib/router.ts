/**
 * Routes a raw runtime message to its handler: validates it against the
 * message table (lib/messaging.ts), enforces who may send it, and turns every
 * failure into a typed error reply. Pure apart from the handlers it is given,
 * so it is unit-tested without a browser.
 */
import { Messages, type MessageType, type Reply, type ReplyData, type Request } from './messaging';
import { clip, describeZodError } from './schema';

/** The parts of `runtime.MessageSender` the router looks at. */
export interface SenderInfo {
  id?: string;
  url?: string;
}

/** Who is asking, as the router established it. */
export interface MessageContext {
  sender: SenderInfo & { tab?: { id?: number }; frameId?: number; documentId?: string };
  /** True when the sender is one of this extension's own pages. */
  fromExtensionPage: boolean;
}

export type Handlers = {
  [T in MessageType]: (request: Request<T>, context: MessageContext) => Promise<ReplyData<T>>;
};

/**
 * An extension page is a document served from this extension's own origin.
 * Content scripts share the extension id but report the web page's URL.
 */
export function isExtensionPage(sender: SenderInfo, extensionId: string, extensionOrigin: string): boolean {
  return sender.id === extensionId && typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
}

function isMessageType(type: unknown): type is MessageType {
  return typeof type === 'string' && Object.hasOwn(Messages, type);
}

export function createRouter(handlers: Handlers, self: { extensionId: string; extensionOrigin: string }) {
  return async function route(raw: unknown, sender: MessageContext['sender']): Promise<Reply> {
    const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
    if (typeof type !== 'string') {
      return { ok: false, error: { code: 'invalid-message', message: 'A message must be an object with a string "type".' } };
    }
    if (!isMessageType(type)) {
      // Never echo an oversized input back.
      return { ok: false, error: { code: 'unknown-message', message: `Unknown message type "${clip(type, 60)}".` } };
    }
    const spec = Messages[type];
    const parsed = spec.request.safeParse(raw);
    if (!parsed.success) {
      return { ok: false, error: { code: 'invalid-message', message: `Invalid "${type}" message: ${describeZodError(parsed.error)}` } };
    }
    const fromExtensionPage = isExtensionPage(sender, self.extensionId, self.extensionOrigin);
    if (spec.privileged && !fromExtensionPage) {
      return { ok: false, error: { code: 'forbidden', message: `"${type}" is accepted only from Engine Lens's own pages.` } };
    }
    try {
      const handler = handlers[type] as (request: Request, context: MessageContext) => Promise<unknown>;
      const data = await handler(parsed.data as Request, { sender, fromExtensionPage });
      return { ok: true, data } as Reply;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, error: { code: 'internal', message: clip(message, 500) } };
    }
  };
}
