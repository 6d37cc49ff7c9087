/**
 * The registry of mentions on the page: one live Range per mention, grouped by
 * the text node it sits in, and mirrored into the two CSS Custom Highlights
 * that paint the underline. The page's DOM is never touched: ranges and
 * highlights live outside it.
 */
import type { RegisteredMention } from '@/lib/browser/isolated-world';
import type { DetectedEngineId, Mention } from '@/lib/detect';
import { cssHighlightSink, type HighlightSink } from './highlight-sink';
import { firstOnScreen, isNearViewport } from './viewport';

/**
 * Marks (underlined ranges) per text node. Mentions past this are still
 * registered and listed ("On this page" counts them) but never painted: one
 * comment with thousands of mentions must not make every later frame rebuild
 * thousands of highlight markers.
 */
export const MAX_MARKS_PER_NODE = 50;

/**
 * Mentions of one text node kept as full records. Past this (a pasted log, a
 * hostile page), a node's further mentions are kept compactly (offsets and
 * engine only) and turned into objects only when someone lists them: still
 * counted and listed, without a quarter of a million objects in memory.
 */
export const MAX_ENTRIES_PER_NODE = 1000;

/** The compact mentions of one text node past {@link MAX_ENTRIES_PER_NODE}, in text order. */
interface Overflow {
  ids: number[];
  starts: number[];
  ends: number[];
  /** 1 for vLLM, 0 for TensorRT-LLM. */
  vllm: number[];
  /** Objects made for list(), kept until the overflow changes. */
  listed: ListedMention[] | null;
}

/** A mention past {@link MAX_ENTRIES_PER_NODE} of its node, made when listed. Never painted. */
class ListedMention implements RegisteredMention {
  private live: Range | null = null;
  constructor(
    readonly id: number,
    readonly engine: DetectedEngineId,
    readonly text: string,
    readonly node: Text,
    readonly start: number,
    readonly end: number,
  ) {}

  get range(): Range {
    if (!this.live) {
      this.live = (this.node.ownerDocument ?? document).createRange();
      try {
        this.live.setStart(this.node, this.start);
        this.live.setEnd(this.node, this.end);
      } catch {
        // The text changed and the rescan has not run yet: a collapsed range.
      }
    }
    return this.live;
  }
}

/**
 * Chromium rebuilds the markers of every highlighted range in each frame that
 * follows a DOM change (about 40 µs a range on a slow machine, whether the
 * range is on screen or not), so only marks near the viewport stay painted:
 *
 * - Up to this many marks, each mark is painted when registered and, after the
 *   next frame, kept only if its text is within {@link NEAR_SCREENS} viewport
 *   heights of the viewport, or has no box (hidden text, which may be revealed
 *   in place without a DOM change). The trim follows scrolling, resizes and
 *   layout changes.
 * - Past it, a window of {@link PAINT_WINDOW} marks in registration order
 *   around the viewport is painted: reading every mark's position would then
 *   cost too much per scroll.
 */
export const PAINT_ALL_LIMIT = 1000;
/** How far from the viewport (in viewport heights, above and below) a mark stays painted. */
export const NEAR_SCREENS = 1;
/** Marks handed to the highlights per commit at most (see {@link MentionRegistry.commit}). */
export const PAINT_BATCH = 300;
/** Marks painted at a time on a page with more than {@link PAINT_ALL_LIMIT}. */
export const PAINT_WINDOW = 600;
/** Of the window, how many marks come before the first one on screen. */
const WINDOW_BEFORE = 150;

/** The registry's own record of a mention. */
export class MentionEntry implements RegisteredMention {
  /**
   * The live range, created on first need: only painted mentions (and those a
   * feature asks for) hold one. Every live range costs the page a little on
   * every DOM change (the browser updates all live ranges of a document), and
   * memory: a mention that is only counted needs none.
   */
  private live: Range | null = null;
  /** In the highlights right now. */
  painted = false;
  /** Unregistered (removed or replaced). */
  dropped = false;

  constructor(
    readonly id: number,
    readonly engine: DetectedEngineId,
    readonly text: string,
    readonly node: Text,
    /** Offset of the mention in its text node, for caret-based hit-testing. */
    readonly start: number,
    readonly end: number,
    /** Eligible for painting (within the per-node cap). */
    readonly markable: boolean,
  ) {}

  get range(): Range {
    if (!this.live) {
      const range = (this.node.ownerDocument ?? document).createRange();
      try {
        range.setStart(this.node, this.start);
        range.setEnd(this.node, this.end);
      } catch {
        // The text got shorter and the rescan has not run yet: a collapsed range paints nothing.
      }
      this.live = range;
    }
    return this.live;
  }

  /** True when a live range exists (painted, or asked for). */
  get hasRange(): boolean {
    return this.live !== null;
  }

  /** Forgets the live range (not painted and nobody needs it). */
  releaseRange(): void {
    this.live = null;
  }

  /**
   * False once the page removed the text node, or moved or rewrote it under a
   * live range (which then no longer covers the mention). Without a live range,
   * in-place rewrites are caught by the scanner's characterData records.
   */
  isIntact(): boolean {
    if (!this.node.isConnected) return false;
    const r = this.live;
    return (
      r === null ||
      (r.startContainer === this.node && r.endContainer === this.node && r.startOffset === this.start && r.endOffset === this.end)
    );
  }
}

/**
 * Holds every registered mention. Only the content script's scanner adds and
 * removes; everything else reads (list, lookup by text node) and listens.
 */
export class MentionRegistry {
  private readonly byNode = new Map<Text, MentionEntry[]>();
  private readonly overflow = new Map<Text, Overflow>();
  /** Markable entries in registration order (close to document order), for the paint window; dropped ones leave at the next commit. */
  private markable: MentionEntry[] = [];
  private markableCount = 0;
  /** Dropped entries still in {@link markable}; the next commit filters them out. */
  private droppedInMarkable = 0;
  /** Markable entries not yet in the highlights (see {@link commit}). */
  private readonly unpainted = new Set<MentionEntry>();
  private paintedCount = 0;
  private nextId = 1;
  private count = 0;
  private sorted: Array<MentionEntry | ListedMention> | null = [];
  private readonly changeListeners = new Set<() => void>();
  private changed = false;
  private windowed = false;
  /** Listening for scrolls, resizes and layout changes (see {@link followViewport}). */
  private following = false;
  private windowUpdatePending = false;
  private lastWindowUpdate = -Infinity;
  private readonly stop = new AbortController();
  /** Runs the registry's own deferred work (the paint window); the scanner hands it its BusyClock so that work is counted. */
  private timed: <T>(fn: () => T) => T = (fn) => fn();

  constructor(
    private readonly doc: Document,
    private readonly sink: HighlightSink | null = cssHighlightSink(),
  ) {}

  /** Times the registry's deferred work with `time` (the scanner's BusyClock). */
  timeWith(time: <T>(fn: () => T) => T): void {
    this.timed = time;
  }

  /** Number of markable mentions neither painted nor left out by the paint window. */
  get unpaintedCount(): number {
    return this.windowed ? 0 : this.unpainted.size;
  }

  /** Number of registered mentions (painted or only counted). */
  get size(): number {
    return this.count;
  }

  /** Number of mentions in the highlights right now. */
  get paintedMarks(): number {
    return this.paintedCount;
  }

  /** True when the node's mentions are registered and still cover it (so a rescan can be skipped). */
  isCurrent(node: Text): boolean {
    const entries = this.byNode.get(node);
    return entries !== undefined && intact(node, entries);
  }

  /**
   * The marks of one text node (empty if none): the mentions that can be
   * underlined, and so hovered. Past {@link MAX_MARKS_PER_NODE} a node's
   * mentions are only listed.
   */
  entriesOf(node: Text): readonly MentionEntry[] {
    const entries = this.byNode.get(node);
    if (!entries) return [];
    return entries.length <= MAX_MARKS_PER_NODE ? entries : entries.slice(0, MAX_MARKS_PER_NODE);
  }

  /**
   * Registers the mentions of `node`, replacing whatever was registered for it
   * before. With `keepBefore`, the node's text before that offset is known not
   * to have changed (text was appended): its mentions are kept as they are
   * (same ids, ranges re-pointed if the browser collapsed them) and `mentions`,
   * which all start at or after `keepBefore`, replace the rest.
   */
  set(node: Text, mentions: readonly Mention[], keepBefore = 0): void {
    const old = keepBefore > 0 ? this.byNode.get(node) : undefined;
    // Entries are in text order: the kept ones are a prefix (found by binary search,
    // so a node that grows all day costs per append what was appended, not its length).
    const keep = old ? lowerBound(old.length, (i) => old[i]!.start < keepBefore) : 0;
    let entries: MentionEntry[];
    if (old && keep > 0) {
      for (let i = keep; i < old.length; i++) this.drop(old[i]!);
      this.count -= old.length - keep;
      old.length = keep;
      entries = old;
      const overflow = this.overflow.get(node);
      if (overflow) {
        const kept = lowerBound(overflow.starts.length, (i) => overflow.starts[i]! < keepBefore);
        this.count -= overflow.starts.length - kept;
        for (const list of [overflow.ids, overflow.starts, overflow.ends, overflow.vllm]) list.length = kept;
        overflow.listed = null;
        if (kept === 0) this.overflow.delete(node);
      }
      // Setting `data` collapses live ranges; the characters before keepBefore are the same.
      // Only marks (the first MAX_MARKS_PER_NODE) normally hold a range.
      for (let i = 0; i < Math.min(keep, MAX_MARKS_PER_NODE); i++) {
        const e = old[i]!;
        if (e.hasRange && !e.isIntact()) {
          e.range.setStart(node, e.start);
          e.range.setEnd(node, e.end);
        }
      }
    } else {
      this.remove(node);
      entries = [];
    }
    let marks = Math.min(entries.length, MAX_MARKS_PER_NODE);
    let i = 0;
    for (; i < mentions.length && entries.length < MAX_ENTRIES_PER_NODE; i++) {
      const m = mentions[i]!;
      const markable = marks < MAX_MARKS_PER_NODE;
      if (markable) marks++;
      const entry = new MentionEntry(this.nextId++, m.engine, m.text, node, m.start, m.end, markable);
      entries.push(entry);
      if (markable) {
        this.unpainted.add(entry);
        this.markable.push(entry);
        this.markableCount++;
      }
    }
    if (i < mentions.length) {
      let overflow = this.overflow.get(node);
      if (!overflow) this.overflow.set(node, (overflow = { ids: [], starts: [], ends: [], vllm: [], listed: null }));
      overflow.listed = null;
      for (; i < mentions.length; i++) {
        const m = mentions[i]!;
        overflow.ids.push(this.nextId++);
        overflow.starts.push(m.start);
        overflow.ends.push(m.end);
        overflow.vllm.push(m.engine === 'vllm' ? 1 : 0);
      }
    }
    if (entries.length === 0) return;
    this.byNode.set(node, entries);
    this.count += mentions.length;
    this.sorted = null;
    this.changed = true;
  }

  /** Takes one entry out of the highlights and the paint bookkeeping (its node's list is the caller's). */
  private drop(e: MentionEntry): void {
    e.dropped = true;
    if (!e.markable) return;
    this.markableCount--;
    this.droppedInMarkable++;
    this.unpainted.delete(e);
    if (e.painted) {
      this.sink?.delete(e.engine, e.range);
      e.painted = false;
      this.paintedCount--;
    }
    e.releaseRange();
  }

  /** Unregisters the mentions of `node`; returns them (empty if it had none). */
  remove(node: Text): MentionEntry[] {
    const entries = this.byNode.get(node);
    if (!entries) return [];
    this.byNode.delete(node);
    for (const e of entries) this.drop(e);
    this.count -= entries.length;
    const overflow = this.overflow.get(node);
    if (overflow) {
      this.count -= overflow.ids.length;
      this.overflow.delete(node);
    }
    this.sorted = null;
    this.changed = true;
    return entries;
  }

  /**
   * Unregisters every mention whose text node left the page or whose live
   * range no longer covers its characters (node moved or rewritten). Returns how
   * many text nodes were dropped. Callers queue moved nodes for a rescan themselves.
   */
  sweep(): number {
    let dropped = 0;
    for (const [node, entries] of this.byNode) {
      if (!intact(node, entries)) {
        this.remove(node);
        dropped++;
      }
    }
    return dropped;
  }

  /** Every registered mention in document order (sorted lazily, cached until the next change). */
  list(): RegisteredMention[] {
    if (!this.sorted) {
      // Sorted by node, each node's mentions already in text order.
      const nodes = [...this.byNode.keys()].sort(compareNodes);
      const all: Array<MentionEntry | ListedMention> = [];
      for (const node of nodes) {
        for (const e of this.byNode.get(node)!) all.push(e);
        const overflow = this.overflow.get(node);
        if (overflow) for (const m of this.listOverflow(node, overflow)) all.push(m);
      }
      this.sorted = all;
    }
    return this.sorted.slice();
  }

  private listOverflow(node: Text, overflow: Overflow): ListedMention[] {
    if (!overflow.listed) {
      const data = node.data;
      overflow.listed = overflow.ids.map((id, i) => {
        const start = overflow.starts[i]!;
        const end = overflow.ends[i]!;
        return new ListedMention(id, overflow.vllm[i] ? 'vllm' : 'tensorrt-llm', data.slice(start, end), node, start, end);
      });
    }
    return overflow.listed;
  }

  /** True when `mention` is still registered. */
  has(mention: RegisteredMention): boolean {
    if (mention instanceof ListedMention) return this.overflow.get(mention.node)?.listed?.includes(mention) ?? false;
    const entries = mention instanceof MentionEntry ? this.byNode.get(mention.node) : undefined;
    return entries?.includes(mention as MentionEntry) ?? false;
  }

  /** Calls `listener` after a batch of additions/removals has been applied. Returns an unsubscribe function. */
  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /**
   * Ends a batch: hands newly registered ranges to the highlights (when `paint`),
   * re-registers highlights the page may have cleared, and notifies listeners if
   * anything changed.
   *
   * Painting is a separate decision because every change to a highlight makes
   * Chromium rebuild the markers of *all* highlighted ranges and re-walk the
   * page in its next frame (HighlightRegistry::ValidateHighlightMarkers): on a
   * huge page that frame is expensive, so a long scan paints a few times, not
   * after every slice, and a page with many marks paints only a window of them.
   */
  commit(paint = true): void {
    // A dropped entry still holds its text node, and a detached text node holds
    // its whole detached subtree (a soft navigation's old page): compact the
    // registration-order list at the end of every batch that dropped any, so
    // nothing the page removed outlives the batch. O(marks), once per batch.
    if (this.droppedInMarkable > 0) this.compactMarkable();
    if (paint) {
      if (!this.windowed && this.markableCount > PAINT_ALL_LIMIT) this.startWindow();
      if (this.windowed) {
        if (this.unpainted.size > 0 || this.paintedCount > PAINT_WINDOW) this.scheduleWindowUpdate();
      } else {
        // A bounded batch per commit: creating and adding ranges costs too, and
        // a long scan can end with a thousand waiting. The caller commits again
        // while unpaintedCount > 0.
        let n = 0;
        for (const e of this.unpainted) {
          if (n++ >= PAINT_BATCH) break;
          this.paint(e);
          this.unpainted.delete(e);
        }
        // Painted at once (positions cannot be read mid-scan without forcing a
        // layout); those far from the viewport are taken out after the next frame.
        if (n > 0) {
          this.followViewport();
          this.scheduleWindowUpdate();
        }
      }
    }
    this.sink?.ensureRegistered();
    if (!this.changed) return;
    this.changed = false;
    for (const listener of this.changeListeners) listener();
  }

  private compactMarkable(): void {
    if (this.droppedInMarkable > 0) this.markable = this.markable.filter((e) => !e.dropped);
    this.droppedInMarkable = 0;
  }

  private paint(e: MentionEntry): void {
    if (e.painted) return;
    e.painted = true;
    this.paintedCount++;
    this.sink?.add(e.engine, e.range);
  }

  private unpaint(e: MentionEntry): void {
    if (!e.painted) return;
    e.painted = false;
    this.paintedCount--;
    this.sink?.delete(e.engine, e.range);
    e.releaseRange();
  }

  /** Switches to painting a window of marks in registration order around the viewport. */
  private startWindow(): void {
    this.windowed = true;
    this.followViewport();
  }

  /**
   * Moves what is painted when the viewport moves over the page: scrolling
   * (in any scroll container: capture), a resized window, and the page growing
   * or shrinking (content expanded or collapsed above the viewport moves marks
   * without a scroll). Once per registry.
   */
  private followViewport(): void {
    if (this.following) return;
    this.following = true;
    const win = this.doc.defaultView;
    if (!win) return;
    const update = () => this.scheduleWindowUpdate();
    const options = { capture: true, passive: true, signal: this.stop.signal };
    win.addEventListener('scroll', update, options);
    win.addEventListener('resize', update, options);
    if (typeof ResizeObserver === 'function' && this.doc.documentElement) {
      const observer = new ResizeObserver(update);
      observer.observe(this.doc.documentElement);
      this.stop.signal.addEventListener('abort', () => observer.disconnect());
    }
  }

  /**
   * Moves the window after the next frame, when layout is clean (reading
   * positions then forces no layout of our own), at most every 150 ms while
   * scrolling, and once more when scrolling stops.
   */
  private scheduleWindowUpdate(): void {
    if (this.windowUpdatePending || this.stop.signal.aborted) return;
    const win = this.doc.defaultView;
    if (!win) return;
    this.windowUpdatePending = true;
    const wait = Math.max(0, this.lastWindowUpdate + 150 - performance.now());
    setTimeout(() => {
      win.requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          this.windowUpdatePending = false;
          this.lastWindowUpdate = performance.now();
          if (!this.stop.signal.aborted) this.timed(() => this.updateWindow());
        };
        channel.port2.postMessage(null);
      });
    }, wait);
  }

  /** Paints the marks near the viewport and takes the others out (see {@link PAINT_ALL_LIMIT}). */
  updateWindow(): void {
    this.compactMarkable();
    if (this.windowed) this.updateCountWindow(this.markable);
    else this.trimToViewport(this.markable);
  }

  /**
   * Keeps painted the marks whose text is near the viewport or has no box;
   * marks still waiting in {@link unpainted} are left to {@link commit}. One
   * position read per text node (its parent element's box), with layout clean.
   */
  private trimToViewport(list: readonly MentionEntry[]): void {
    const height = this.doc.defaultView?.innerHeight ?? 0;
    let node: Text | null = null;
    let near = true;
    for (const e of list) {
      if (e.node !== node) {
        node = e.node;
        near = isNearViewport(node, height, NEAR_SCREENS);
      }
      if (near) {
        if (!this.unpainted.has(e)) this.paint(e);
      } else {
        this.unpaint(e);
      }
    }
  }

  /** Paints the marks from about {@link WINDOW_BEFORE} before the first one on screen to {@link PAINT_WINDOW} in all. */
  private updateCountWindow(list: readonly MentionEntry[]): void {
    const first = firstOnScreen(list);
    const from = Math.max(0, Math.min(first - WINDOW_BEFORE, list.length - PAINT_WINDOW));
    const to = Math.min(list.length, from + PAINT_WINDOW);
    for (let i = 0; i < list.length; i++) {
      const e = list[i]!;
      if (i >= from && i < to) this.paint(e);
      else this.unpaint(e);
    }
    this.unpainted.clear();
  }

  /** Removes every range and our highlights from the page (content script shut down). */
  dispose(): void {
    this.stop.abort();
    for (const node of [...this.byNode.keys()]) this.remove(node);
    this.sink?.dispose();
    this.changeListeners.clear();
  }
}

/**
 * True when the node is on the page and the live ranges of its marks still
 * cover them. One connectedness check per node, not per mention: a node can
 * hold thousands. Only marks (the first MAX_MARKS_PER_NODE) normally hold a range.
 */
function intact(node: Text, entries: readonly MentionEntry[]): boolean {
  if (!node.isConnected) return false;
  for (let i = 0; i < Math.min(entries.length, MAX_MARKS_PER_NODE); i++) {
    const e = entries[i]!;
    if (e.hasRange && !e.isIntact()) return false;
  }
  return true;
}

/** The number of leading indexes in [0, length) for which `before(i)` holds (it must hold for a prefix). */
function lowerBound(length: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Document order of two distinct nodes. */
function compareNodes(a: Node, b: Node): number {
  const pos = a.compareDocumentPosition(b);
  if (pos & 4 /* DOCUMENT_POSITION_FOLLOWING */) return -1;
  if (pos & 2 /* DOCUMENT_POSITION_PRECEDING */) return 1;
  return 0;
}
