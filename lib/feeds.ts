/**
 * The shapes of "fresh data": what the worker remembers about each feed URL,
 * the record of the last update that brought changes ("What changed"), and
 * the status pages show. zod schemas, because all three are stored in
 * IndexedDB and cross the message boundary. Pure.
 */
import { z } from 'zod';
import { DatasetDiffSchema, type TrackedKind } from './dataset-diff';

const time = z.number().int().nonnegative();
const url = z.string().max(2048);
const reason = z.string().max(2000);

export const FeedKindSchema = z.enum(['dataset', 'team']);
export type FeedKind = z.infer<typeof FeedKindSchema>;

/** What the worker remembers about one feed URL (the `feeds` store). */
export const FeedStateSchema = z.object({
  url,
  kind: FeedKindSchema,
  /** Validators of the last good response, for conditional requests. */
  etag: z.string().max(1000).nullable(),
  lastModified: z.string().max(200).nullable(),
  lastAttemptAt: time.nullable(),
  /** The last check that got a usable answer (new data, or nothing newer). */
  lastSuccessAt: time.nullable(),
  /** Failures since the last success (drives the back-off). */
  failures: z.number().int().nonnegative(),
  lastError: z.object({ at: time, reason }).nullable(),
  /** Team feeds: the pin ids the feed served last time. */
  pinIds: z.array(z.string().max(64)).max(100),
});
export type FeedState = z.infer<typeof FeedStateSchema>;

export function newFeedState(feedUrl: string, kind: FeedKind): FeedState {
  return { url: feedUrl, kind, etag: null, lastModified: null, lastAttemptAt: null, lastSuccessAt: null, failures: 0, lastError: null, pinIds: [] };
}

/** A team pin whose pick or note a team feed changed. */
export const PinChangeSchema = z.object({
  pinId: z.string().max(64),
  title: z.string().max(200),
  feedUrl: url,
  pick: z.object({ from: z.string().max(100).nullable(), to: z.string().max(100).nullable() }).nullable(),
  noteChanged: z.boolean(),
  /** The pin is new from this feed. */
  added: z.boolean(),
});
export type PinChange = z.infer<typeof PinChangeSchema>;

/** The last update that brought changes: what "What changed" shows, and whether the user saw it. */
export const ChangeRecordSchema = z.object({
  at: time,
  dataset: DatasetDiffSchema.nullable(),
  pins: z.array(PinChangeSchema).max(100),
  /** Kinds the user tracks that this update contains (badge and notification only for these). */
  tracked: z.array(z.enum(['figureChange', 'newSpec', 'verdictUpdate', 'teamPin'])).max(4),
  seen: z.boolean(),
});
export type ChangeRecord = z.infer<typeof ChangeRecordSchema>;
export type TrackedChange = TrackedKind | 'teamPin';

/** One feed, as the popup and options page show it. */
export const FeedStatusSchema = z.object({
  url,
  kind: FeedKindSchema,
  lastAttemptAt: time.nullable(),
  lastSuccessAt: time.nullable(),
  lastError: z.object({ at: time, reason }).nullable(),
  nextCheckAt: time.nullable(),
});
export type FeedStatus = z.infer<typeof FeedStatusSchema>;

/** The reply of `feeds/status` and `feeds/check`. */
export const FeedsStatusSchema = z.object({
  /** The served dataset's version and the source's own date (ISO), for "Updated N days ago". */
  datasetVersion: z.string().max(100),
  dataDate: z.iso.date(),
  /** The last successful check of the dataset feed (null: no feed, or never succeeded). */
  lastSuccessAt: time.nullable(),
  feeds: z.array(FeedStatusSchema).max(21),
  lastChange: ChangeRecordSchema.nullable(),
  /** Bytes the extension's storage uses (IndexedDB and settings), when the browser says. */
  storageBytes: z.number().nonnegative().nullable(),
});
export type FeedsStatus = z.infer<typeof FeedsStatusSchema>;
