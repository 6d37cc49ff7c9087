/**
 * Keeps the registry in step with the page: reads the whole document once in
 * short slices, then follows the page's changes through one MutationObserver
 * (new content is read, removed content is dropped, rewritten text is re-read,
 * appended text is read from where it was appended).
 *
 * Work is bounded whatever the page does: slices of about 8 ms; a huge text
 * node is read in pieces; changes that come in a storm are gathered and read
 * together, and the scanner's own time is capped per second.
 */
import { detectMentionsBetween, type Mention } from '@/lib/detect';
import type { BusyClock } from './perf';
import type { MentionRegistry } from './registry';
import { yieldToMain } from './schedule';
import { excludedSelector, isExcludedText, isNeverProse, LONG_TEXT, mentionsInText, TextScan, type ScanOptions } from './walker';

/**
 * Longest stretch of work before yielding to the page, painting included. Well
 * under a 16 ms frame, with room for one query or piece that overruns it.
 */
export const SLICE_BUDGET_MS = 6;



/**
 * Removed content is dropped from the registry at most this often. Its ranges
 * collapse (and stop painting) the moment the page removes it; the sweep only
 * frees the registry entries, so it can wait a little and run once per burst.
 */
const SWEEP_INTERVAL_MS = 150;

/**
 * During a long scan, new marks are painted at most this often (plus after the
 * first slice and at the end). Each paint costs the page one frame in which
 * Chromium rebuilds every highlight marker; see MentionRegistry.commit.
 */
const PAINT_INTERVAL_MS = 500;

/**
 * A change that comes less than this long after the previous catch-up is
 * gathered with whatever else arrives in the same span and read together: a
 * page that changes text thousands of times a second gets a few reads a
 * second, not one per change. An isolated change is read at once.
 */
const STORM_GATHER_MS = 50;

/**
 * At most this much of the scanner's own time per second (perf.ts BUSY_WINDOW_MS),
 * a quarter of a core, for text that changes in place once the first full read
 * of the page is done. Past it, that work waits (it is not lost) until the
 * window has room again. New content is never held back by it.
 */
const BUSY_BUDGET_MS = 250;

/** A text node longer than this is read in pieces of this size, one piece at a time. */
const TEXT_PIECE = LONG_TEXT;

/**
 * When text is appended to a node, the last characters before the old end are
 * read again: a mention (or an address) may straddle the old end.
 */
const APPEND_OVERLAP = 512;

/** Characters compared at the head and the old tail of a node to recognise an append. */
const SAMPLE = 32;

/** Events after which a single-page app has probably swapped its content. */
const SOFT_NAVIGATION_EVENTS = ['turbo:load', 'turbo:render', 'popstate'] as const;

export interface ScannerOptions extends ScanOptions {
  registry: MentionRegistry;
  clock: BusyClock;
  /** Stops everything (observer, listeners, pending slices) when aborted. */
  signal: AbortSignal;
}

/**
 * Starts reading `doc` and following its changes, in slices that yield to the
 * main thread between them (the first one right after the current task).
 */
export function startScanner(doc: Document, options: ScannerOptions): void {
  new Scanner(doc, options).start();
}

/** What was read of a text node last time: enough to recognise that text was only appended since. */
interface TextSample {
  length: number;
  head: string;
  tail: string;
}

/** A text node being read in pieces. */
interface TextJob {
  node: Text;
  /** The text as it was when the job started (later changes make the node dirty again). */
  data: string;
  /** Mentions before this offset are kept as registered. */
  keepBefore: number;
  at: number;
  mentions: Mention[];
}

/** A root to read: a node, or `count` consecutive siblings starting at it. */
interface Root {
  node: Node;
  count: number;
}

class Scanner {
  private readonly selector: string;
  private readonly registry: MentionRegistry;
  private readonly clock: BusyClock;
  private readonly signal: AbortSignal;

  /** Roots waiting to be read, first in first out (`head` avoids O(n) shifts). */
  private queue: Root[] = [];
  private head = 0;
  private readonly queued = new Set<Node>();
  /** Text nodes whose characters changed in place, or that are too long to read at once. */
  private readonly dirty = new Set<Text>();
  private readonly samples = new WeakMap<Text, TextSample>();
  private job: TextJob | null = null;
  private current: TextScan | null = null;
  private sweepWanted = false;
  private lastSweep = -Infinity;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running = false;
  private lastPaint = -Infinity;
  /** When the last catch-up finished (-Infinity before the first). */
  private lastIdle = -Infinity;
  private firstPassDone = false;
  private startedSlices = 0;

  constructor(
    private readonly doc: Document,
    options: ScannerOptions,
  ) {
    this.selector = excludedSelector(options);
    this.registry = options.registry;
    this.clock = options.clock;
    this.signal = options.signal;
  }

  start(): void {
    const observer = new MutationObserver((records) => {
      this.clock.time(() => this.takeRecords(records));
      this.kick();
    });
    // Attributes are not observed at all: GitHub's timestamps and React's
    // attribute churn never wake us up.
    observer.observe(this.doc, { childList: true, subtree: true, characterData: true });
    const onSoftNavigation = () => {
      this.sweepWanted = true;
      this.kick();
    };
    for (const type of SOFT_NAVIGATION_EVENTS) {
      this.doc.defaultView?.addEventListener(type, onSoftNavigation, { passive: true, signal: this.signal });
      this.doc.addEventListener(type, onSoftNavigation, { passive: true, signal: this.signal });
    }
    // Back/forward cache: the page comes back as it was, but check anyway.
    this.doc.defaultView?.addEventListener(
      'pageshow',
      (event) => {
        if (event.persisted) onSoftNavigation();
      },
      { passive: true, signal: this.signal },
    );
    this.signal.addEventListener('abort', () => {
      observer.disconnect();
      if (this.timer !== null) clearTimeout(this.timer);
    });

    this.registry.timeWith((fn) => this.clock.time(fn));
    this.enqueueViewportFirst();
    this.enqueue(this.doc.body ?? this.doc.documentElement);
    void this.drain();
  }

  /** Turns a batch of mutation records into work. Cheap: no DOM reads beyond the records. */
  private takeRecords(records: MutationRecord[]): void {
    for (const record of records) {
      if (record.type === 'characterData') {
        if (record.target.nodeType === 3) this.dirty.add(record.target as Text);
        continue;
      }
      if (record.removedNodes.length > 0) this.sweepWanted = true;
      const added = record.addedNodes;
      // One append of many nodes (a fragment, a page of comments) is one run of
      // consecutive siblings: one query instead of one per node.
      if (
        added.length > 1 &&
        added[0]!.parentNode === record.target &&
        added[0]!.previousSibling === record.previousSibling &&
        added[added.length - 1]!.nextSibling === record.nextSibling
      ) {
        this.enqueue(added[0]!, added.length);
        continue;
      }
      for (const node of added) {
        if (!isNeverProse(node)) this.enqueue(node);
      }
    }
  }

  private enqueue(node: Node, count = 1): void {
    if (this.queued.has(node)) return;
    this.queued.add(node);
    this.queue.push({ node, count });
  }

  /**
   * A page opened scrolled down (a link to a comment, a restored scroll
   * position) gets the block on screen read first. At the top of the page,
   * document order already reads on-screen content first.
   */
  private enqueueViewportFirst(): void {
    const win = this.doc.defaultView;
    if (!win || win.scrollY < win.innerHeight / 2) return;
    let el = this.doc.elementFromPoint(win.innerWidth / 2, win.innerHeight / 2);
    while (el && el.parentElement && el.parentElement !== this.doc.body && el.getBoundingClientRect().height < win.innerHeight) {
      el = el.parentElement;
    }
    if (el) this.enqueue(el);
  }

  private hasWork(): boolean {
    return this.hasReading() || this.registry.unpaintedCount > 0;
  }

  /** Reading left to do (painting aside). */
  private hasReading(): boolean {
    return (
      this.current !== null || this.job !== null || this.head < this.queue.length || this.dirty.size > 0 || this.sweepDue()
    );
  }

  private sweepDue(): boolean {
    return this.sweepWanted && performance.now() - this.lastSweep >= SWEEP_INTERVAL_MS;
  }

  /**
   * Starts catching up unless that is already under way or scheduled. Right
   * away after a quiet spell; in a storm, after a short gathering delay; over
   * budget, when the budget allows.
   */
  private kick(): void {
    if (this.running || this.timer !== null || this.signal.aborted) return;
    const wait = this.waitBeforeDrain();
    if (wait <= 0) {
      void this.drain();
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = null;
      this.kick();
    }, wait);
  }

  /** How long to wait before the next catch-up (0: now). */
  private waitBeforeDrain(): number {
    if (!this.firstPassDone) return 0;
    const now = performance.now();
    const gather = this.lastIdle + STORM_GATHER_MS - now;
    const sweepWait = !this.sweepDue() && this.onlySweepPending() ? this.lastSweep + SWEEP_INTERVAL_MS - now : 0;
    const overBudget = this.onlyChurnPending() && this.clock.recentBusyMs(now) >= BUSY_BUDGET_MS ? 100 : 0;
    return Math.max(gather, sweepWait, overBudget);
  }

  /**
   * True when what is left is text changing in place (a ticking counter, a
   * growing log), not new content: only that waits for the budget, so a page
   * of comments that loads is read at once even on a busy machine.
   */
  private onlyChurnPending(): boolean {
    return this.current === null && this.head >= this.queue.length;
  }

  private onlySweepPending(): boolean {
    return this.sweepWanted && this.current === null && this.job === null && this.head >= this.queue.length && this.dirty.size === 0;
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      // The first read does not run in the task that loads the script: the
      // browser's compile and start-up of the script already fill that one.
      if (this.startedSlices++ === 0) await yieldToMain();
      let first = true;
      while (!this.signal.aborted && this.hasWork()) {
        this.clock.time(() => {
          this.slice(SLICE_BUDGET_MS);
          // Paint the first slice (what is on screen, or a small update) at once,
          // then now and then, and whatever is left when the work is done.
          const now = performance.now();
          const paint = first || !this.hasReading() || now - this.lastPaint >= PAINT_INTERVAL_MS;
          if (paint) this.lastPaint = now;
          this.registry.commit(paint);
        });
        first = false;
        if (!this.hasWork()) break;
        // Past the budget (a storm, a hostile page), stop and come back later.
        if (this.firstPassDone && this.onlyChurnPending() && this.clock.recentBusyMs() >= BUSY_BUDGET_MS) break;
        await yieldToMain();
      }
    } finally {
      this.running = false;
    }
    if (this.signal.aborted) return;
    if (this.hasWork() || this.sweepWanted) {
      this.kick();
      return;
    }
    this.firstPassDone = true;
    this.lastIdle = performance.now();
    this.clock.markIdle(this.registry.size, this.registry.paintedMarks);
  }

  /** One slice of work, at most about `budget` ms. */
  private slice(budget: number): void {
    const deadline = performance.now() + budget;
    // `reserveMs`: work about to start that cannot be cut (an XPath query) stops the slice early.
    const shouldStop = (reserveMs = 0) => performance.now() + reserveMs >= deadline;

    if (this.sweepDue()) {
      this.sweepWanted = false;
      this.lastSweep = performance.now();
      this.registry.sweep();
    }

    if (this.job && this.continueJob(this.job, shouldStop)) this.job = null;
    if (this.job) return;

    for (const node of this.dirty) {
      this.dirty.delete(node);
      this.rescan(node);
      if (this.job || shouldStop()) return;
    }

    while (!shouldStop()) {
      if (!this.current) {
        const root = this.nextRoot();
        if (!root) break;
        this.current = new TextScan(root.node, this.selector, this.found, root.count, this.tooLong);
      }
      // Not finished means the slice is over (a query that would overrun it waits).
      if (this.current.run(shouldStop)) this.current = null;
      else break;
    }
  }

  private nextRoot(): Root | null {
    while (this.head < this.queue.length) {
      const root = this.queue[this.head++]!;
      this.queued.delete(root.node);
      // Added then removed again before we got to it: nothing to read.
      if (root.node.isConnected) return root;
    }
    this.queue = [];
    this.head = 0;
    return null;
  }

  /** A scan found mentions in `node`: register them unless they already are (re-read content is not duplicated). */
  private readonly found = (node: Text, mentions: Mention[]): void => {
    if (node.isConnected && !this.registry.isCurrent(node)) this.registry.set(node, mentions);
  };

  /** A scan met a text node too long to read in one go: read it in pieces. */
  private readonly tooLong = (node: Text): void => {
    if (!this.registry.isCurrent(node)) this.dirty.add(node);
  };

  /**
   * Text changed in place: its old mentions go, its new ones (if any) come.
   * When text was only appended, only the new text (and a little before it) is
   * read. Long text is read in pieces over several slices.
   */
  private rescan(node: Text): void {
    if (!node.isConnected || isExcludedText(node, this.selector)) {
      this.samples.delete(node);
      this.registry.remove(node);
      return;
    }
    const length = node.length;
    const keepBefore = this.appendedFrom(node, length);
    if (length - keepBefore <= TEXT_PIECE) {
      const data = node.data;
      const mentions = keepBefore === 0 ? (mentionsInText(node, this.selector) ?? []) : detectMentionsBetween(data, keepBefore);
      this.finish(node, data, mentions, keepBefore);
      return;
    }
    this.job = { node, data: node.data, keepBefore, at: keepBefore, mentions: [] };
  }

  /** Reads the next pieces of a long text; true when done. */
  private continueJob(job: TextJob, shouldStop: () => boolean): boolean {
    if (!job.node.isConnected) return true;
    while (job.at < job.data.length) {
      const to = Math.min(job.data.length, job.at + TEXT_PIECE);
      for (const m of detectMentionsBetween(job.data, job.at, to)) job.mentions.push(m);
      job.at = to;
      if (shouldStop()) return false;
    }
    this.finish(job.node, job.data, job.mentions, job.keepBefore);
    return true;
  }

  /** Registers what a (re)read found and remembers what was read. */
  private finish(node: Text, data: string, mentions: Mention[], keepBefore: number): void {
    if (mentions.length > 0 || keepBefore > 0) this.registry.set(node, mentions, keepBefore);
    else this.registry.remove(node);
    this.samples.set(node, { length: data.length, head: data.slice(0, SAMPLE), tail: data.slice(Math.max(0, data.length - SAMPLE), data.length) });
  }

  /**
   * Where to start re-reading `node`: past its old text when the node only
   * grew at the end since it was last read (same first and last characters
   * of the old text, which substringData reads without copying the rest), else 0.
   */
  private appendedFrom(node: Text, length: number): number {
    const sample = this.samples.get(node);
    if (!sample || length <= sample.length || sample.length < APPEND_OVERLAP * 2) return 0;
    const tailAt = sample.length - sample.tail.length;
    if (node.substringData(0, sample.head.length) !== sample.head) return 0;
    if (node.substringData(tailAt, sample.tail.length) !== sample.tail) return 0;
    return sample.length - APPEND_OVERLAP;
  }
}
