/**
 * Cheap, always-on accounting of the main-thread time the content script uses
 * (the scanner's budget reads it), plus the benchmark's instrumentation.
 *
 * The instrumentation (User Timing marks, `console.timeStamp` labels) exists
 * only in builds made with `WXT_ENGINE_LENS_BENCH=1` (`npm run bench`). User
 * Timing entries are visible to the page, so production builds must not emit
 * any: `INSTRUMENTED` is a build-time constant and the bundler drops every use.
 * test/e2e/production-build.spec.ts checks that.
 */

/** True only in benchmark builds. */
export const INSTRUMENTED: boolean = import.meta.env.WXT_ENGINE_LENS_BENCH === '1';

/**
 * Name of the performance mark set each time the content script has caught up
 * with the page (every mention registered). Only the latest one is kept. Its
 * `detail` is an {@link IdleDetail}. Benchmark builds only.
 */
export const IDLE_MARK = 'engine-lens:idle';

/** Label of the `console.timeStamp` trace event at the start of every timed callback (benchmark builds). */
export const TASK_TIMESTAMP = 'engine-lens:task';

/** Name of the performance mark set once when the content script starts on a page (benchmark builds). */
export const START_MARK = 'engine-lens:start';

/** What {@link IDLE_MARK} carries. Times in milliseconds. */
export interface IdleDetail {
  /** Main-thread time spent in the content script's callbacks since it started. */
  busyMs: number;
  /** The longest single callback (a task the content script caused, or its share of one). */
  longestMs: number;
  /** How many callbacks were timed. */
  slices: number;
  /** How many times the work queue drained (1 after the first full pass). */
  drains: number;
  /** Mentions registered at that moment. */
  mentions: number;
  /** Mentions in the highlights at that moment. */
  painted: number;
}

/** Length of the window over which {@link BusyClock.recentBusyMs} sums busy time. */
export const BUSY_WINDOW_MS = 1000;

/** Sums the duration of every callback it times. */
export class BusyClock {
  busyMs = 0;
  longestMs = 0;
  slices = 0;
  drains = 0;
  /** Busy time per 100 ms bucket over the last {@link BUSY_WINDOW_MS} (a ring). */
  private readonly buckets = new Float64Array(BUSY_WINDOW_MS / 100);
  private bucketAt = 0;

  constructor() {
    if (INSTRUMENTED) performance.mark(START_MARK);
  }

  /** Runs `fn`, adding its duration to the totals. Do not nest calls. */
  time<T>(fn: () => T): T {
    // Lets the benchmark (and DevTools' Performance panel) tell which tasks ran our code.
    if (INSTRUMENTED) console.timeStamp(TASK_TIMESTAMP);
    const start = performance.now();
    try {
      return fn();
    } finally {
      const end = performance.now();
      const ms = end - start;
      this.busyMs += ms;
      this.slices++;
      if (ms > this.longestMs) this.longestMs = ms;
      this.advance(end);
      const slot = this.bucketAt % this.buckets.length;
      this.buckets[slot] = (this.buckets[slot] ?? 0) + ms;
    }
  }

  /** Busy time within the last {@link BUSY_WINDOW_MS}, at about 100 ms resolution. */
  recentBusyMs(now = performance.now()): number {
    this.advance(now);
    let sum = 0;
    for (const ms of this.buckets) sum += ms;
    return sum;
  }

  /** Moves the ring to the 100 ms bucket of `now`, clearing the buckets it passes. */
  private advance(now: number): void {
    const slot = Math.floor(now / 100);
    if (slot <= this.bucketAt) return;
    const size = this.buckets.length;
    if (slot - this.bucketAt >= size) this.buckets.fill(0);
    else for (let s = this.bucketAt + 1; s <= slot; s++) this.buckets[s % size] = 0;
    this.bucketAt = slot;
  }

  /** Records that the content script caught up with the page. */
  markIdle(mentions: number, painted: number): void {
    this.drains++;
    if (!INSTRUMENTED) return;
    const detail: IdleDetail = {
      busyMs: this.busyMs,
      longestMs: this.longestMs,
      slices: this.slices,
      drains: this.drains,
      mentions,
      painted,
    };
    // Keep one entry, not one per batch: a page that changes all day must not grow the timeline.
    performance.clearMarks(IDLE_MARK);
    performance.mark(IDLE_MARK, { detail });
  }
}
