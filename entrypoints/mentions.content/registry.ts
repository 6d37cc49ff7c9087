/**
 * The registry of mentions on the page: one live Range per mention, grouped by
 * the text node it sits in, and mirrored into the two CSS Custom Highlights
 * that paint the underline. The page's DOM is never touched: ranges and
 * highlights live outside it.
 */
import type { RegisteredMention } from '@/lib/browser/isolated-world';
import type { DetectedEngineId, Mention } from '@/lib/detect';

/** The highlight names in `CSS.highlights`, one per engine (the style sheet targets these). */
export const HIGHLIGHT_NAMES: Readonly<Record<DetectedEngineId, string>> = {
  vllm: 'engine-lens-vllm',
  'tensorrt-llm': 'engine-lens-tensorrt-llm',
};

/** The registry's own record of a mention. */
export class MentionEntry implements RegisteredMention {
  constructor(
    readonly id: number,
    readonly engine: DetectedEngineId,
    readonly text: string,
    readonly range: Range,
    readonly node: Text,
    /** Offset of the mention in its text node, for caret-based hit-testing. */
    readonly start: number,
    readonly end: number,
  ) {}

  /** False once the page removed, moved or rewrote the text node (the live range then no longer covers it). */
  isIntact(): boolean {
    const r = this.range;
    return (
      this.node.isConnected &&
      r.startContainer === this.node &&
      r.endContainer === this.node &&
      r.startOffset === this.start &&
      r.endOffset === this.end
    );
  }
}

/** True when (x, y) lies inside `r` (edges included). */
export function containsPoint(r: DOMRectReadOnly, x: number, y: number): boolean {
  return x >= r.left && x <= r.right && y >= r.top && y <= r.bottom && r.width > 0 && r.height > 0;
}

/** Where the registry paints; absent in browsers without the Custom Highlight API (marks then stay invisible). */
interface HighlightSink {
  add(engine: DetectedEngineId, range: Range): void;
  delete(engine: DetectedEngineId, range: Range): void;
  /** Puts our highlights back if the page cleared `CSS.highlights`. */
  ensureRegistered(): void;
  dispose(): void;
}

/** The real sink: two `Highlight` objects registered under {@link HIGHLIGHT_NAMES}. */
export function cssHighlightSink(): HighlightSink | null {
  if (typeof CSS === 'undefined' || !CSS.highlights || typeof Highlight !== 'function') return null;
  const registry = CSS.highlights;
  const highlights: Record<DetectedEngineId, Highlight> = { vllm: new Highlight(), 'tensorrt-llm': new Highlight() };
  const ensureRegistered = () => {
    for (const engine of Object.keys(highlights) as DetectedEngineId[]) {
      if (registry.get(HIGHLIGHT_NAMES[engine]) !== highlights[engine]) {
        registry.set(HIGHLIGHT_NAMES[engine], highlights[engine]);
      }
    }
  };
  ensureRegistered();
  return {
    add: (engine, range) => void highlights[engine].add(range),
    delete: (engine, range) => void highlights[engine].delete(range),
    ensureRegistered,
    dispose: () => {
      for (const engine of Object.keys(highlights) as DetectedEngineId[]) {
        if (registry.get(HIGHLIGHT_NAMES[engine]) === highlights[engine]) registry.delete(HIGHLIGHT_NAMES[engine]);
      }
    },
  };
}

/**
 * Holds every registered mention. Only the content script's scanner adds and
 * removes; everything else reads (list, lookup by text node) and listens.
 */
export class MentionRegistry {
  private readonly byNode = new Map<Text, MentionEntry[]>();
  /** Registered but not yet handed to the highlights (see {@link commit}). */
  private readonly unpainted = new Set<MentionEntry>();
  private nextId = 1;
  private count = 0;
  private sorted: MentionEntry[] | null = [];
  private readonly changeListeners = new Set<() => void>();
  private changed = false;

  constructor(
    private readonly doc: Document,
    private readonly sink: HighlightSink | null = cssHighlightSink(),
  ) {}

  /** Number of registered mentions not yet handed to the highlights. */
  get unpaintedCount(): number {
    return this.unpainted.size;
  }

  /** Number of registered mentions. */
  get size(): number {
    return this.count;
  }

  /** True when the node's mentions are registered and still cover it (so a rescan can be skipped). */
  isCurrent(node: Text): boolean {
    const entries = this.byNode.get(node);
    return entries !== undefined && entries.every((e) => e.isIntact());
  }

  /** The registered mentions of one text node (empty if none). */
  entriesOf(node: Text): readonly MentionEntry[] {
    return this.byNode.get(node) ?? [];
  }

  /** Registers the mentions of `node`, replacing whatever was registered for it before. */
  set(node: Text, mentions: readonly Mention[]): void {
    this.remove(node);
    const entries = mentions.map((m) => {
      const range = this.doc.createRange();
      range.setStart(node, m.start);
      range.setEnd(node, m.end);
      const entry = new MentionEntry(this.nextId++, m.engine, m.text, range, node, m.start, m.end);
      this.unpainted.add(entry);
      return entry;
    });
    if (entries.length === 0) return;
    this.byNode.set(node, entries);
    this.count += entries.length;
    this.sorted = null;
    this.changed = true;
  }

  /** Unregisters the mentions of `node`; returns them (empty if it had none). */
  remove(node: Text): MentionEntry[] {
    const entries = this.byNode.get(node);
    if (!entries) return [];
    this.byNode.delete(node);
    for (const e of entries) {
      // Never painted: nothing to take back from the highlights.
      if (!this.unpainted.delete(e)) this.sink?.delete(e.engine, e.range);
    }
    this.count -= entries.length;
    this.sorted = null;
    this.changed = true;
    return entries;
  }

  /**
   * Unregisters every mention whose text node left the page or whose range no
   * longer covers its characters (node moved or rewritten). Returns how many
   * text nodes were dropped. Callers queue moved nodes for a rescan themselves.
   */
  sweep(): number {
    let dropped = 0;
    for (const [node, entries] of this.byNode) {
      if (!entries.every((e) => e.isIntact())) {
        this.remove(node);
        dropped++;
      }
    }
    return dropped;
  }

  /** Every registered mention in document order (sorted lazily, cached until the next change). */
  list(): RegisteredMention[] {
    if (!this.sorted) {
      const all: MentionEntry[] = [];
      for (const entries of this.byNode.values()) all.push(...entries);
      all.sort((a, b) => (a.node === b.node ? a.start - b.start : compareNodes(a.node, b.node)));
      this.sorted = all;
    }
    return this.sorted.slice();
  }

  /** True when `mention` is still registered. */
  has(mention: RegisteredMention): boolean {
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
   * after every slice.
   */
  commit(paint = true): void {
    if (paint) {
      for (const e of this.unpainted) this.sink?.add(e.engine, e.range);
      this.unpainted.clear();
    }
    this.sink?.ensureRegistered();
    if (!this.changed) return;
    this.changed = false;
    for (const listener of this.changeListeners) listener();
  }

  /** Removes every range and our highlights from the page (content script shut down). */
  dispose(): void {
    for (const node of [...this.byNode.keys()]) this.remove(node);
    this.sink?.dispose();
    this.changeListeners.clear();
  }
}

/** Document order of two distinct nodes. */
function compareNodes(a: Node, b: Node): number {
  const pos = a.compareDocumentPosition(b);
  if (pos & 4 /* DOCUMENT_POSITION_FOLLOWING */) return -1;
  if (pos & 2 /* DOCUMENT_POSITION_PRECEDING */) return 1;
  return 0;
}
