/**
 * The worker's log in IndexedDB: a bounded history of installs, repairs,
 * refreshes and errors, for the user ("the stored data could not be used
 * because…") and for diagnosis. Every row read back is validated: one bad row
 * is skipped and counted, never passed on to a page.
 */
import { LOG_MESSAGE_MAX, LogEntrySchema, type LogEntry, type LogKind } from '@/lib/status';
import { clip } from '@/lib/schema';
import type { EngineLensDatabase } from './db';

/** The log keeps this many rows at most: it is for diagnosis, not history. */
export const LOG_LIMIT = 200;

/**
 * Appends one line (and trims the oldest beyond {@link LOG_LIMIT}). With
 * `unlessRepeated`, a line equal to the newest one is not written again: a
 * condition found on every read (stored data newer than this build) is
 * logged once, not once per read.
 */
export async function appendLog(
  db: EngineLensDatabase,
  kind: LogKind,
  message: string,
  { unlessRepeated = false } = {},
): Promise<void> {
  const entry: LogEntry = { at: Date.now(), kind, message: clip(message, LOG_MESSAGE_MAX) };
  if (unlessRepeated) {
    const newest = await db.transaction('log').store.openCursor(null, 'prev');
    const last = LogEntrySchema.safeParse(newest?.value);
    if (last.success && last.data.kind === kind && last.data.message === entry.message) return;
  }
  await db.add('log', entry);
  await trimLog(db);
}

/** Deletes the oldest rows beyond {@link LOG_LIMIT} in one range delete (fast even for a huge log). */
export async function trimLog(db: EngineLensDatabase, limit = LOG_LIMIT): Promise<void> {
  const tx = db.transaction('log', 'readwrite');
  const extra = (await tx.store.count()) - limit;
  if (extra > 0) {
    const cursor = await tx.store.openKeyCursor();
    const firstKept = await cursor?.advance(extra);
    if (firstKept) await tx.store.delete(IDBKeyRange.upperBound(firstKept.key, true));
  }
  await tx.done;
}

/** The newest `limit` valid lines, newest first, and how many unreadable rows were skipped on the way. */
export async function readLog(db: EngineLensDatabase, limit = 20): Promise<{ entries: LogEntry[]; unreadable: number }> {
  const entries: LogEntry[] = [];
  let unreadable = 0;
  let cursor = await db.transaction('log').store.openCursor(null, 'prev');
  // Bounded: never scans more than the log may hold.
  for (let scanned = 0; cursor && entries.length < limit && scanned < LOG_LIMIT * 2; scanned++) {
    const row = LogEntrySchema.safeParse(cursor.value);
    if (row.success) entries.push(row.data);
    else unreadable++;
    cursor = await cursor.continue();
  }
  return { entries, unreadable };
}
