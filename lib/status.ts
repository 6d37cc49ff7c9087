/**
 * What the background worker reports about its own state: where the dataset
 * it serves came from, and its log. Declared once here so the worker's
 * IndexedDB rows, its `status/get` reply and the pages that show them share
 * one definition (and one validation).
 */
import { z } from 'zod';

/**
 * Where the served dataset came from:
 * - `store`: read from IndexedDB and valid;
 * - `repaired`: the store was unusable and was rewritten from the bundle;
 * - `bundle-only`: served from the bundle without touching the store
 *   (IndexedDB failed, or the stored data is newer than this build and is kept
 *   as it is).
 */
export const DatasetSourceSchema = z.enum(['store', 'repaired', 'bundle-only']);
export type DatasetSource = z.infer<typeof DatasetSourceSchema>;

export const LogKindSchema = z.enum(['install', 'repair', 'refresh', 'error']);
export type LogKind = z.infer<typeof LogKindSchema>;

/** Longest log message kept; longer ones are cut (a log line is a diagnosis, not a dump). */
export const LOG_MESSAGE_MAX = 2000;

/** One line of the worker's history: installs, repairs, feed refreshes, errors. */
export const LogEntrySchema = z.object({
  at: z.number().finite().nonnegative(),
  kind: LogKindSchema,
  message: z.string().max(LOG_MESSAGE_MAX),
});
export type LogEntry = z.infer<typeof LogEntrySchema>;

/** The reply of `status/get`. */
export const StatusSchema = z.object({
  datasetVersion: z.string().min(1),
  source: DatasetSourceSchema,
  /** Why the bundle is served instead of the store, when it is. */
  repairReason: z.string().nullable(),
  /** Newest first. */
  log: z.array(LogEntrySchema),
  /** Log rows that could not be read back and were left out (corrupt rows). */
  unreadableLogRows: z.number().int().nonnegative(),
});
export type Status = z.infer<typeof StatusSchema>;
