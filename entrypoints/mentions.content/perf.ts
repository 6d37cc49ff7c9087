/**
 * Cheap, always-on accounting of the main-thread time the content script uses.
 * The benchmark (test/bench) reads it from the page through the User Timing
 * API; nothing here is sent anywhere.
 */

/**
 * Name of the performance mark set each time the content script has caught up
 * with the page (every mention registered). Only the latest one is kept. Its
 * `detail` is an {@link IdleDetail}.
 */
export const IDLE_MARK = 'engine-lens:idle';

/** Label of the `console.timeStamp` trace event at the start of every timed callback. */
export const TASK_TIMESTAMP = 'engine-lens:task';

/** Name of the performance mark set once when the content script starts on a page. */
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
}

/** Sums the duration of every callback it times. */
export class BusyClock {
  busyMs = 0;
  longestMs = 0;
  slices = 0;
  drains = 0;

  constructor() {
    performance.mark(START_MARK);
  }

  /** Runs `fn`, adding its duration to the totals. Do not nest calls. */
  time<T>(fn: () => T): T {
    // Free unless a performance trace is being recorded; lets the benchmark
    // (and DevTools' Performance panel) tell which tasks ran our code.
    console.timeStamp(TASK_TIMESTAMP);
    const start = performance.now();
    try {
      return fn();
    } finally {
      const ms = performance.now() - start;
      this.busyMs += ms;
      this.slices++;
      if (ms > this.longestMs) this.longestMs = ms;
    }
  }

  /** Records that the content script caught up with the page. */
  markIdle(mentions: number): void {
    this.drains++;
    const detail: IdleDetail = {
      busyMs: this.busyMs,
      longestMs: this.longestMs,
      slices: this.slices,
      drains: this.drains,
      mentions,
    };
    // Keep one entry, not one per batch: a page that changes all day must not grow the timeline.
    performance.clearMarks(IDLE_MARK);
    performance.mark(IDLE_MARK, { detail });
  }
}
