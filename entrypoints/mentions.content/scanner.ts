/**
 * Keeps the registry in step with the page: reads the whole document once in
 * short slices, then follows the page's changes through one MutationObserver
 * (new content is read, removed content is dropped, rewritten text is re-read).
 */
import type { Mention } from '@/lib/detect';
import type { BusyClock } from './perf';
import type { MentionRegistry } from './registry';
import { yieldToMain } from './schedule';
import { excludedSelector, isNeverProse, mentionsInText, TextScan, type ScanOptions } from './walker';

/** Longest stretch of work before yielding to the page. Well under the 50 ms long-task line. */
const SLICE_BUDGET_MS = 8;

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

/** Events after which a single-page app has probably swapped its content. */
const SOFT_NAVIGATION_EVENTS = ['turbo:load', 'turbo:render', 'popstate'] as const;

export interface ScannerOptions extends ScanOptions {
  registry: MentionRegistry;
  clock: BusyClock;
  /** Stops everything (observer, listeners, pending slices) when aborted. */
  signal: AbortSignal;
}

/**
 * Starts reading `doc` and following its changes. The first slice runs
 * synchronously; the rest yields to the main thread between slices.
 */
export function startScanner(doc: Document, options: ScannerOptions): void {
  new Scanner(doc, options).start();
}

class Scanner {
  private readonly selector: string;
  private readonly registry: MentionRegistry;
  private readonly clock: BusyClock;
  private readonly signal: AbortSignal;

  /** Roots waiting to be read, first in first out (`head` avoids O(n) shifts). */
  private queue: Node[] = [];
  private head = 0;
  private readonly queued = new Set<Node>();
  /** Text nodes whose characters changed in place. */
  private readonly dirty = new Set<Text>();
  private current: TextScan | null = null;
  private sweepWanted = false;
  private lastSweep = -Infinity;
  private sweepTimer: ReturnType<typeof setTimeout> | null = null;
  private running = false;
  private lastPaint = -Infinity;

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
      if (this.sweepTimer !== null) clearTimeout(this.sweepTimer);
    });

    this.enqueueViewportFirst();
    this.enqueue(this.doc.body ?? this.doc.documentElement);
    this.kick();
  }

  /** Turns a batch of mutation records into work. Cheap: no DOM reads beyond the records. */
  private takeRecords(records: MutationRecord[]): void {
    for (const record of records) {
      if (record.type === 'characterData') {
        if (record.target.nodeType === 3) this.dirty.add(record.target as Text);
        continue;
      }
      if (record.removedNodes.length > 0) this.sweepWanted = true;
      for (const node of record.addedNodes) {
        if (!isNeverProse(node)) this.enqueue(node);
      }
    }
  }

  private enqueue(root: Node): void {
    if (this.queued.has(root)) return;
    this.queued.add(root);
    this.queue.push(root);
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
    return this.current !== null || this.head < this.queue.length || this.dirty.size > 0 || this.sweepDue();
  }

  private sweepDue(): boolean {
    return this.sweepWanted && performance.now() - this.lastSweep >= SWEEP_INTERVAL_MS;
  }

  /** Starts draining the queue unless a drain is already under way. */
  private kick(): void {
    if (!this.running && !this.signal.aborted) void this.drain();
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      let first = true;
      while (!this.signal.aborted && this.hasWork()) {
        this.clock.time(() => {
          this.slice();
          // Paint the first slice (what is on screen, or a small update) at once,
          // then now and then, and whatever is left when the work is done.
          const now = performance.now();
          const paint = first || !this.hasWork() || now - this.lastPaint >= PAINT_INTERVAL_MS;
          if (paint) this.lastPaint = now;
          this.registry.commit(paint);
        });
        first = false;
        if (this.hasWork()) await yieldToMain();
      }
    } finally {
      this.running = false;
    }
    if (this.signal.aborted) return;
    this.clock.markIdle(this.registry.size);
    if (this.sweepWanted) this.scheduleSweep();
  }

  /** A sweep that was asked for too soon after the last one runs when the interval is up. */
  private scheduleSweep(): void {
    if (this.sweepTimer !== null) return;
    const wait = Math.max(0, this.lastSweep + SWEEP_INTERVAL_MS - performance.now());
    this.sweepTimer = setTimeout(() => {
      this.sweepTimer = null;
      this.kick();
    }, wait);
  }

  /** One slice of work, at most about {@link SLICE_BUDGET_MS}. */
  private slice(): void {
    const deadline = performance.now() + SLICE_BUDGET_MS;
    const shouldStop = () => performance.now() >= deadline;

    if (this.sweepDue()) {
      this.sweepWanted = false;
      this.lastSweep = performance.now();
      this.registry.sweep();
    }

    for (const node of this.dirty) {
      this.dirty.delete(node);
      this.rescan(node);
      if (shouldStop()) break;
    }

    while (!shouldStop()) {
      if (!this.current) {
        const root = this.nextRoot();
        if (!root) break;
        this.current = new TextScan(root, this.selector, this.found);
      }
      if (this.current.run(shouldStop)) this.current = null;
    }
  }

  private nextRoot(): Node | null {
    while (this.head < this.queue.length) {
      const root = this.queue[this.head++]!;
      this.queued.delete(root);
      // Added then removed again before we got to it: nothing to read.
      if (root.isConnected) return root;
    }
    this.queue = [];
    this.head = 0;
    return null;
  }

  /** A walk found mentions in `node`: register them unless they already are (re-read content is not duplicated). */
  private readonly found = (node: Text, mentions: Mention[]): void => {
    if (!this.registry.isCurrent(node)) this.registry.set(node, mentions);
  };

  /** Text changed in place: its old mentions go, its new ones (if any) come. */
  private rescan(node: Text): void {
    const mentions = node.isConnected ? mentionsInText(node, this.selector) : null;
    if (mentions) this.registry.set(node, mentions);
    else this.registry.remove(node);
  }
}
