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
import type { Dataset } from './schema';

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
