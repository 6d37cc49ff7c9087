/**
 * The one place where Engine Lens's messages are declared. Each message has
 * one entry: its request (zod, including its `type`), its reply (zod), and
 * whether it is privileged. Types are derived from the schemas; nothing else
 * in the code base spells a message name.
 *
 * - {@link Messages}: requests the background worker answers (lib/router.ts
 *   validates each request and its sender before any handler runs; senders
 *   validate the reply where they receive it, lib/browser/send.ts).
 * - {@link TabMessages}: requests a tab's content script answers, sent by the
 *   worker or the popup (lib/browser/send-to-tab.ts). The content script must
 *   not bundle zod: it checks them with lib/content-guard.ts, which a unit
 *   test keeps in step with these schemas.
 * - {@link DataChangedSchema}: the worker's push to open pages and tabs.
 */
import { z } from 'zod';
import { CardDataSchema, TeamPickViewSchema } from './card-data';
import { ValidDatasetSchema } from './normalize';
import { PageConfigSchema } from './page-config';
import { PAGE_MENTION_LIST_LIMIT } from './page-digest';
import { FeedsStatusSchema } from './feeds';
import { ClashChoicesSchema, PinDraftSchema } from './pin-edit';
import { PINS_DOCUMENT_MAX, PinIdSchema, PinSchema } from './pins';
import { SHARE_PAYLOAD_MAX } from './share-link';
import { ComparisonIdSchema, EngineIdSchema } from './schema';
import { SettingsPatchSchema, SettingsSchema } from './settings';
import { StatusSchema } from './status';

/** One message: what is sent, what comes back, and who may send it. */
interface MessageSpec {
  request: z.ZodType<{ type: string }>;
  reply: z.ZodType;
  /**
   * True for messages that change data or act with the worker's privileges:
   * accepted only from the extension's own pages, never from content scripts
   * (which share a process with arbitrary web pages).
   */
  privileged: boolean;
}

/** A request schema: `{ type, ...fields }`, nothing else (unknown keys are refused). */
function request<T extends string>(type: T): z.ZodObject<{ type: z.ZodLiteral<T> }, z.core.$strict>;
function request<T extends string, S extends z.ZodRawShape>(
  type: T,
  fields: S,
): z.ZodObject<{ type: z.ZodLiteral<T> } & S, z.core.$strict>;
function request(type: string, fields: z.ZodRawShape = {}) {
  return z.object({ type: z.literal(type), ...fields }).strict();
}

/** Every request the background worker answers, keyed by `type`. */
export const Messages = {
  /** The full active dataset, every comparison in it (popup, comparison page). */
  'dataset/get': { request: request('dataset/get'), reply: ValidDatasetSchema, privileged: false },
  /** Where the active dataset came from and the worker's recent history. */
  'status/get': { request: request('status/get'), reply: StatusSchema, privileged: false },
  /** Compact data for one comparison's hover card; fetched once per page by the card UI. */
  'card/get': {
    request: request('card/get', { comparisonId: ComparisonIdSchema }),
    reply: CardDataSchema,
    privileged: false,
  },
  /** Injects the card UI script into the sender's frame, once per document (loaded on first need). */
  'card/load-ui': { request: request('card/load-ui'), reply: z.object({ injected: z.boolean() }), privileged: false },
  /**
   * Opens the full page of one comparison (comparison.html) in a new tab.
   * Content scripts cannot open extension pages by URL themselves; this only
   * ever opens the extension's own page, and at most one per user action.
   */
  'comparison/open': {
    request: request('comparison/open', { comparisonId: ComparisonIdSchema }),
    reply: z.object({ opened: z.boolean() }),
    privileged: false,
  },
  /** Throws away the stored dataset and reloads the bundled one. */
  'dataset/reset': {
    request: request('dataset/reset'),
    reply: z.object({ datasetVersion: z.string().min(1) }),
    privileged: true,
  },
  /**
   * The user's settings. Privileged: they include feed URLs, which can be a
   * team's private addresses, and content scripts need only their page's part.
   */
  'settings/get': { request: request('settings/get'), reply: SettingsSchema, privileged: true },
  /** Changes some settings (lists are replaced whole); replies with all of them. */
  'settings/update': {
    request: request('settings/update', { patch: SettingsPatchSchema }),
    reply: SettingsSchema,
    privileged: true,
  },
  /**
   * Freshness: the served data's date, each configured feed's last check and
   * error, the last change ("What changed"). Privileged: it names the feed URLs.
   */
  'feeds/status': { request: request('feeds/status'), reply: FeedsStatusSchema, privileged: true },
  /** "Check now": checks every configured feed at once, whatever the schedule. */
  'feeds/check': { request: request('feeds/check'), reply: FeedsStatusSchema, privileged: true },
  /** The user saw "What changed": the badge goes. */
  'changes/seen': { request: request('changes/seen'), reply: z.object({ seen: z.literal(true) }), privileged: true },

  // ------------------------------------------------------------ team pins
  // Pins are the team's own: every message that reads their content or
  // changes them is privileged. Only `pins/open-import` comes from content
  // scripts, and it carries nothing but the link's payload, unread.

  /** Every stored pin (validated), the active one's id, and the rows this build cannot read. */
  'pins/list': {
    request: request('pins/list'),
    reply: z.object({
      pins: z.array(PinSchema),
      activeId: PinIdSchema.nullable(),
      unreadable: z.array(z.object({ id: z.string().max(200), reason: z.string().max(500) })),
    }),
    privileged: true,
  },
  /**
   * Creates (`id: null`) or edits a pin of one comparison from the editor's
   * draft; the worker takes the snapshot from the data it serves. `repin`
   * takes every row's value anew; `active` marks the pin active (or, when it
   * was, no longer).
   */
  'pins/save': {
    request: request('pins/save', {
      id: PinIdSchema.nullable(),
      comparisonId: ComparisonIdSchema,
      draft: PinDraftSchema,
      repin: z.boolean(),
      active: z.boolean(),
    }),
    reply: z.object({ pin: PinSchema }),
    privileged: true,
  },
  'pins/delete': {
    request: request('pins/delete', { id: PinIdSchema }),
    reply: z.object({ deleted: z.boolean() }),
    privileged: true,
  },
  /** Marks one pin active (its pick and note lead the card and the popup), or none. */
  'pins/set-active': {
    request: request('pins/set-active', { id: PinIdSchema.nullable() }),
    reply: z.object({ activeId: PinIdSchema.nullable() }),
    privileged: true,
  },
  /**
   * Writes pins the user previewed and confirmed in the import page, all or
   * none. A pin whose id is taken needs a choice in `onClash`.
   */
  'pins/import': {
    request: request('pins/import', {
      pins: z.array(PinSchema).min(1).max(PINS_DOCUMENT_MAX),
      onClash: ClashChoicesSchema,
      activateFirst: z.boolean(),
    }),
    reply: z.object({ imported: z.array(PinIdSchema) }),
    privileged: true,
  },
  /**
   * The active pin's pick and note for the hover card's frame
   * (entrypoints/team-pick, an extension page inside the card). Privileged:
   * the content script never receives them.
   */
  'pins/team-pick': { request: request('pins/team-pick'), reply: TeamPickViewSchema.nullable(), privileged: true },
  /**
   * A content script found `#engine-lens=<payload>` in its page's address:
   * opens the import page for it (one import tab per tab, reused). Nothing is
   * imported here; the page asks the user first.
   */
  'pins/open-import': {
    request: request('pins/open-import', { payload: z.string().min(1).max(SHARE_PAYLOAD_MAX + 1) }),
    reply: z.object({ opened: z.boolean() }),
    privileged: false,
  },
  /**
   * The sender's own page's part of the settings (lib/page-config.ts): for
   * content scripts, which never get the whole settings. Decided from the
   * sender's URL as the browser reports it, never from anything it sends.
   */
  'page/config': { request: request('page/config'), reply: PageConfigSchema, privileged: false },
  /** How much the extension stores, for the options page (bytes; null where the browser cannot say). */
  'storage/usage': {
    request: request('storage/usage'),
    reply: z
      .object({
        /** The extension's IndexedDB and other origin storage (navigator.storage.estimate). */
        databaseBytes: z.number().nonnegative().nullable(),
        /** storage.sync (the preferences) and its quota. */
        syncBytes: z.number().nonnegative().nullable(),
        syncQuotaBytes: z.number().nonnegative().nullable(),
        /** storage.local (sites and feed URLs). */
        localBytes: z.number().nonnegative().nullable(),
      })
      .strict(),
    privileged: true,
  },
  /**
   * "Reset data": the stored dataset goes back to the bundled one and the
   * worker's log and feed state are cleared. Team pins are kept unless
   * `deletePins`. Settings are not touched.
   */
  'data/reset': {
    request: request('data/reset', { deletePins: z.boolean() }),
    reply: z.object({ datasetVersion: z.string().min(1), pinsDeleted: z.boolean() }).strict(),
    privileged: true,
  },
} as const satisfies Record<string, MessageSpec>;

export type MessageType = keyof typeof Messages;
export type Request<T extends MessageType = MessageType> = z.infer<(typeof Messages)[T]['request']>;
export type ReplyData<T extends MessageType> = z.infer<(typeof Messages)[T]['reply']>;

export const ErrorCodeSchema = z.enum(['invalid-message', 'unknown-message', 'forbidden', 'invalid-reply', 'internal']);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;
export type ErrorReply = { ok: false; error: { code: ErrorCode; message: string } };

/** Every reply is a result: handlers never throw across the message boundary. */
export type Reply<T extends MessageType = MessageType> = { ok: true; data: ReplyData<T> } | ErrorReply;

// ---------------------------------------------------------------------------
// Tab-bound messages, answered by a tab's content script with the same
// envelope. Only the extension itself can reach a content script with
// `tabs.sendMessage`; `privileged` says so, for the shape's sake.
// ---------------------------------------------------------------------------

/** Which mention a card opens for: one by its id (from `content/list-mentions`), or the one at or nearest to the selection. */
export const CardTargetSchema = z.union([
  z.object({ kind: z.literal('mention'), id: z.number().int().nonnegative() }).strict(),
  z.object({ kind: z.literal('selection') }).strict(),
]);
export type CardTarget = z.infer<typeof CardTargetSchema>;

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

/** Every request a content script answers, keyed by `type`. */
export const TabMessages = {
  /** The mentions on the page, for the popup's "On this page". */
  'content/list-mentions': {
    request: request('content/list-mentions'),
    reply: z.object({
      /** Mentions per engine id, over the whole page. */
      counts: z.record(EngineIdSchema, z.number().int().nonnegative()),
      total: z.number().int().nonnegative(),
      /** The first {@link PAGE_MENTION_LIST_LIMIT} mentions in document order. */
      mentions: z.array(PageMentionSchema).max(PAGE_MENTION_LIST_LIMIT),
    }),
    privileged: true,
  },
  /**
   * Opens a card (loading the card UI if needed). `focus` moves keyboard focus
   * into it; `scroll` first scrolls the mention into view.
   */
  'content/open-card': {
    request: request('content/open-card', { target: CardTargetSchema, focus: z.boolean(), scroll: z.boolean() }),
    reply: z.object({ opened: z.boolean() }),
    privileged: true,
  },
} as const satisfies Record<string, MessageSpec>;

export type TabMessageType = keyof typeof TabMessages;
export type TabRequest<T extends TabMessageType = TabMessageType> = z.infer<(typeof TabMessages)[T]['request']>;
export type TabReplyData<T extends TabMessageType> = z.infer<(typeof TabMessages)[T]['reply']>;
export type TabReply<T extends TabMessageType = TabMessageType> = { ok: true; data: TabReplyData<T> } | ErrorReply;

// ---------------------------------------------------------------------------
// The push channel: the worker tells open extension pages (runtime.sendMessage)
// and the content scripts of open tabs (tabs.sendMessage) that data changed,
// so per-page caches refresh without a reload. Fire and forget: no reply.
// ---------------------------------------------------------------------------

/** What changed: the served dataset, the team's pins, or the user's settings. */
export const ChangeKindSchema = z.enum(['dataset', 'pins', 'settings']);
export type ChangeKind = z.infer<typeof ChangeKindSchema>;

export const DataChangedSchema = z
  .object({ type: z.literal('data/changed'), changed: z.array(ChangeKindSchema).min(1).max(3) })
  .strict();
export type DataChanged = z.infer<typeof DataChangedSchema>;
