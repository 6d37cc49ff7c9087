/**
 * The one place where Engine Lens's messages are declared: their names, their
 * payloads (zod), their replies, and who may send them.
 *
 * The background worker validates every incoming message against these
 * schemas before any handler runs (see lib/router.ts). Senders import only the
 * *types* from here (lib/send.ts), so the content script does not bundle zod.
 */
import { z } from 'zod';
import type { CardData } from './card-data';
import { PAGE_MENTION_LIST_LIMIT } from './page-digest';
import { EngineIdSchema, type Dataset } from './schema';

/** Every request the background worker answers, keyed by `type`. */
export const RequestSchemas = {
  /** The full active comparison dataset (popup, comparison page). */
  'dataset/get': z.object({ type: z.literal('dataset/get') }).strict(),
  /** Where the active dataset came from and the worker's recent history. */
  'status/get': z.object({ type: z.literal('status/get') }).strict(),
  /** Compact data for hover cards; fetched once per page by the content script. */
  'card/get': z.object({ type: z.literal('card/get') }).strict(),
  /** Injects the card UI script into the sender's frame (loaded on first need). */
  'card/load-ui': z.object({ type: z.literal('card/load-ui') }).strict(),
  /**
   * Opens the full comparison page (comparison.html) in a new tab. Content
   * scripts cannot open extension pages by URL themselves; this only ever
   * opens the extension's own page.
   */
  'comparison/open': z.object({ type: z.literal('comparison/open') }).strict(),
  /** Throws away the stored dataset and reloads the bundled one. Extension pages only. */
  'dataset/reset': z.object({ type: z.literal('dataset/reset') }).strict(),
} as const;

export type MessageType = keyof typeof RequestSchemas;
export type Request<T extends MessageType = MessageType> = z.infer<(typeof RequestSchemas)[T]>;

/**
 * Messages that change data or act with the worker's privileges: accepted only
 * from the extension's own pages, never from content scripts (which share a
 * process with arbitrary web pages).
 */
export const PRIVILEGED: Readonly<Record<MessageType, boolean>> = {
  'dataset/get': false,
  'status/get': false,
  'card/get': false,
  'card/load-ui': false,
  'comparison/open': false,
  'dataset/reset': true,
};

export interface StatusReply {
  datasetVersion: string;
  source: 'store' | 'repaired' | 'bundle-only';
  repairReason: string | null;
  log: { at: number; kind: string; message: string }[];
}

/** Reply payload of each message. */
export interface Replies {
  'dataset/get': Dataset;
  'status/get': StatusReply;
  'card/get': CardData;
  'card/load-ui': { injected: boolean };
  'comparison/open': { opened: true };
  'dataset/reset': { datasetVersion: string };
}

export const ErrorCodeSchema = z.enum(['invalid-message', 'unknown-message', 'forbidden', 'internal']);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

/** Every reply is a result: handlers never throw across the message boundary. */
export type Reply<T extends MessageType = MessageType> =
  | { ok: true; data: Replies[T] }
  | { ok: false; error: { code: ErrorCode; message: string } };

/** Shape check for a reply (its payload is validated by whoever uses it). */
export const ReplyEnvelopeSchema = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: ErrorCodeSchema, message: z.string() }) }),
]);

// ---------------------------------------------------------------------------
// Tab-bound messages: sent by the background or the popup to a tab's content
// script with `tabs.sendMessage`, answered with the same {@link Reply}
// envelope. The content script must not bundle zod, so it checks these with
// the hand-written guard in lib/content-guard.ts (a unit test keeps the two in
// step); the senders validate the replies with the schemas below.
// ---------------------------------------------------------------------------

/** Which mention a card opens for: one by its id (from `content/list-mentions`), or the one at or nearest to the selection. */
export const CardTargetSchema = z.union([
  z.object({ kind: z.literal('mention'), id: z.number().int().nonnegative() }).strict(),
  z.object({ kind: z.literal('selection') }).strict(),
]);
export type CardTarget = z.infer<typeof CardTargetSchema>;

/** Every request a content script answers, keyed by `type`. */
export const ContentRequestSchemas = {
  /** The mentions on the page, for the popup's "On this page". */
  'content/list-mentions': z.object({ type: z.literal('content/list-mentions') }).strict(),
  /**
   * Opens a card (loading the card UI if needed). `focus` moves keyboard focus
   * into it; `scroll` first scrolls the mention into view.
   */
  'content/open-card': z
    .object({ type: z.literal('content/open-card'), target: CardTargetSchema, focus: z.boolean(), scroll: z.boolean() })
    .strict(),
} as const;

export type ContentMessageType = keyof typeof ContentRequestSchemas;
export type ContentRequest<T extends ContentMessageType = ContentMessageType> = z.infer<(typeof ContentRequestSchemas)[T]>;

/** One mention on the page, with the text around it (plain text, never markup). */
export const PageMentionSchema = z.object({
  id: z.number().int().nonnegative(),
  engine: EngineIdSchema,
  /** The mention as written on the page. */
  text: z.string().min(1).max(100),
  /** Text before and after the mention, trimmed to a few words and marked with "…" where cut. */
  before: z.string().max(200),
  after: z.string().max(200),
});
export type PageMention = z.infer<typeof PageMentionSchema>;

export const ContentReplySchemas = {
  'content/list-mentions': z.object({
    /** Mentions per engine id, over the whole page. */
    counts: z.record(EngineIdSchema, z.number().int().nonnegative()),
    total: z.number().int().nonnegative(),
    /** The first {@link PAGE_MENTION_LIST_LIMIT} mentions in document order. */
    mentions: z.array(PageMentionSchema).max(PAGE_MENTION_LIST_LIMIT),
  }),
  'content/open-card': z.object({ opened: z.boolean() }),
} as const;

export type ContentReplies = { [T in ContentMessageType]: z.infer<(typeof ContentReplySchemas)[T]> };
export type ContentReply<T extends ContentMessageType = ContentMessageType> =
  | { ok: true; data: ContentReplies[T] }
  | { ok: false; error: { code: ErrorCode; message: string } };
