/**
 * When feeds are checked: on a schedule (every `refreshHours`), at browser
 * start when a check is overdue, on demand, and after a failure with a
 * back-off that starts at an hour and doubles, never waiting longer than the
 * schedule itself. Pure: times are milliseconds since the epoch.
 */

export const HOUR_MS = 60 * 60 * 1000;
export const DAY_MS = 24 * HOUR_MS;

/** The first retry after a failure. */
export const FIRST_RETRY_MS = HOUR_MS;

/** How long to wait after `failures` consecutive failures (1 → 1 h, 2 → 2 h, 3 → 4 h …), capped at the interval. */
export function backoffMs(failures: number, intervalMs: number): number {
  if (failures <= 0) return intervalMs;
  const exponent = Math.min(failures - 1, 30); // 2^30 h is beyond any interval: no overflow
  return Math.min(FIRST_RETRY_MS * 2 ** exponent, intervalMs);
}

export interface CheckHistory {
  /** The last check that got an answer the worker could use (new data or "not modified"). */
  lastSuccessAt: number | null;
  /** The last attempt, whatever its outcome. */
  lastAttemptAt: number | null;
  /** Failures since the last success. */
  failures: number;
}

/** When the next check is due. */
export function nextCheckAt(history: CheckHistory, intervalMs: number): number {
  if (history.lastAttemptAt === null) return 0; // never checked: due now
  if (history.failures > 0) return history.lastAttemptAt + backoffMs(history.failures, intervalMs);
  return history.lastAttemptAt + intervalMs;
}

/** True when a check is due at `now` (browser start: run it now instead of waiting for the alarm). */
export function isDue(history: CheckHistory, intervalMs: number, now: number): boolean {
  return now >= nextCheckAt(history, intervalMs);
}

/** After this long without a successful check, the data is marked stale. */
export const STALE_AFTER_MS = 90 * DAY_MS;

/** Whole days between two times (never negative). */
export function daysBetween(earlier: number, later: number): number {
  return Math.max(0, Math.floor((later - earlier) / DAY_MS));
}

/** "today", "1 day ago", "12 days ago". */
export function daysAgoLabel(days: number): string {
  if (days === 0) return 'today';
  return days === 1 ? '1 day ago' : `${days} days ago`;
}
