/**
 * Reads the page: finds the text nodes a user reads as prose and the mentions in
 * them. It only reads the DOM (never writes), and takes its root as a parameter
 * so unit tests can run it on a happy-dom document.
 */
import { detectMentions, type Mention } from '@/lib/detect';

/** Options for what counts as prose. */
export interface ScanOptions {
  /**
   * Also mark mentions inside code (`pre`, `code`, `kbd`, `samp`, GitHub's code
   * views). Off by default; a later setting turns it on.
   */
  includeCode?: boolean;
}

/** Never prose: form fields, editors, scripts, styles, templates, SVG, and things that are not rendered. */
const ALWAYS_EXCLUDED = [
  'input',
  'textarea',
  'select',
  'option',
  // Editors (GitHub's comment editor among them). A contenteditable="false"
  // island inside an editor is still inside the editor, so closest() is right.
  '[contenteditable]:not([contenteditable="false" i])',
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'head',
  'iframe',
  'object',
];

/** Code, excluded unless `includeCode`. */
const CODE_EXCLUDED = [
  'pre',
  'code',
  'kbd',
  'samp',
  // GitHub's code views: classic blob and diff tables, the React file view, highlighted blocks.
  '.blob-wrapper',
  '.blob-code',
  '.js-file-line-container',
  '.diff-table',
  '.react-code-lines',
  '.react-code-text',
  '.react-file-line',
  '.highlight',
];

/** The CSS selector of regions whose text is never marked, for the given options. */
export function excludedSelector(options: ScanOptions = {}): string {
  return (options.includeCode ? ALWAYS_EXCLUDED : [...ALWAYS_EXCLUDED, ...CODE_EXCLUDED]).join(',');
}

/** Element names that can never contain prose: additions of these are dropped before any walking. */
const NEVER_PROSE_TAGS = new Set(['SCRIPT', 'STYLE', 'LINK', 'META', 'NOSCRIPT', 'TEMPLATE', 'svg', 'TEXTAREA', 'INPUT']);

/** True when `node` (an added node) can be skipped without looking inside it. */
export function isNeverProse(node: Node): boolean {
  return node.nodeType === 1 /* ELEMENT_NODE */ && NEVER_PROSE_TAGS.has(node.nodeName);
}

/**
 * True when the text node sits in an excluded region. Only called for nodes that
 * contain a mention, so the ancestor walk is paid rarely.
 */
export function isExcludedText(node: Text, selector: string): boolean {
  const parent = node.parentElement;
  // A text node without a parent element is not rendered (e.g. a direct child of a fragment).
  if (parent === null) return true;
  // Most excluded text sits directly in one of these: skip the ancestor walk.
  if (ALWAYS_EXCLUDED_PARENTS.has(parent.localName)) return true;
  return parent.closest(selector) !== null;
}

/** Parents whose text is excluded whatever the options (a fast path for isExcludedText). */
const ALWAYS_EXCLUDED_PARENTS = new Set(['textarea', 'script', 'style', 'option', 'title', 'noscript']);

/** The shortest mention (`vllm`, `trtllm`) is four characters long. */
const MIN_MENTION_LENGTH = 4;

/** The mentions of one prose text node, or null when it has none or is excluded. */
export function mentionsInText(node: Text, selector: string): Mention[] | null {
  const data = node.data;
  if (data.length < MIN_MENTION_LENGTH) return null;
  const mentions = detectMentions(data);
  if (mentions.length === 0 || isExcludedText(node, selector)) return null;
  return mentions;
}

/** Called for each prose text node that has mentions. */
export type FoundCallback = (node: Text, mentions: Mention[]) => void;

/**
 * Text nodes longer than this are handed to the scan's `onTooLong` (when given)
 * instead of being read at once: reading megabytes takes more than a frame, so
 * the scanner reads them in pieces.
 */
export const LONG_TEXT = 256 * 1024;

/**
 * The text nodes that may hold a mention, found by the browser's XPath engine.
 * Every mention form contains `lm` or `LM` (lib/detect.ts limits the casings of
 * "LLM" to LLM, llm and Llm), so two case-sensitive substring tests are a
 * superset of the detector. The point is where the work happens: the engine
 * reads every text node natively, and only the few candidates get a JavaScript
 * wrapper in our isolated world. Walking every text node from script instead
 * costs a binding call and a wrapper per node, several times the cost of
 * reading the text, and the wrappers stay alive as long as the nodes.
 */
const CANDIDATE_TEST = "[contains(string(), 'lm') or contains(string(), 'LM')]";
const XPATH_SUBTREE = `descendant-or-self::text()${CANDIDATE_TEST}`;
/** A run of `count` consecutive siblings starting at the context node, and everything below them. */
const xpathRun = (count: number) =>
  `(self::node() | following-sibling::node()[position() < ${count}])/descendant-or-self::text()${CANDIDATE_TEST}`;

/**
 * A subtree with more elements than this is split before it is queried: one
 * XPath call cannot be interrupted, and this many elements (a few thousand text
 * nodes) take a few milliseconds, so a slice stays well under a frame.
 */
export const CHUNK_ELEMENTS = 2000;

/** Elements under `el`, or Infinity when more than {@link CHUNK_ELEMENTS} (counting stops there). */
function boundedSize(el: Element): number {
  if (el.firstElementChild === null) return 0;
  const all = el.getElementsByTagName('*');
  return all.item(CHUNK_ELEMENTS) === null ? all.length : Infinity;
}

/** Pending work of a scan: a subtree (split if big) or a run of siblings and everything below them. */
type Unit = { kind: 'node'; node: Node } | { kind: 'run'; first: Node; count: number };

/** True where the browser has XPath (every browser we ship to; not happy-dom). */
function hasXPath(doc: Document): boolean {
  return typeof doc.evaluate === 'function' && typeof XPathResult !== 'undefined';
}

/**
 * A resumable scan of the text under one root (or under `count` consecutive
 * siblings starting at `root`). `run` processes candidates until `shouldStop()`
 * says the time slice is over and returns whether the scan is finished, so a big
 * page is read in many short slices. Candidates come from XPath queries over
 * bounded chunks of the tree; without XPath, a TreeWalker visits every text node.
 */
export class TextScan {
  private readonly doc: Document;
  private readonly units: Unit[] = [];
  private walker: TreeWalker | null = null;
  private snapshot: XPathResult | null = null;
  private index = 0;

  constructor(
    root: Node,
    private readonly selector: string,
    private readonly onFound: FoundCallback,
    count = 1,
    private readonly onTooLong?: (node: Text) => void,
  ) {
    this.doc = root.ownerDocument ?? (root as Document);
    const start = root.nodeType === 9 /* DOCUMENT_NODE */ ? ((root as Document).documentElement ?? root) : root;
    if (!hasXPath(this.doc) && start.nodeType !== 3 && count === 1) {
      this.walker = this.doc.createTreeWalker(start, 4 /* NodeFilter.SHOW_TEXT */);
    } else if (count > 1) {
      this.units.push({ kind: 'run', first: start, count });
    } else {
      this.units.push({ kind: 'node', node: start });
    }
  }

  /** Processes text nodes until the scan ends or `shouldStop()` returns true (checked every few nodes and after each query). */
  run(shouldStop: () => boolean = () => false): boolean {
    if (this.walker) return this.runWalker(this.walker, shouldStop);
    for (;;) {
      const snapshot = this.snapshot;
      if (snapshot) {
        const length = snapshot.snapshotLength;
        while (this.index < length) {
          this.visit(snapshot.snapshotItem(this.index++) as Text);
          if ((this.index & 63) === 0 && shouldStop()) return false;
        }
        this.snapshot = null;
        if (shouldStop()) return this.units.length === 0;
      }
      const unit = this.units.pop();
      if (!unit) return true;
      this.process(unit);
    }
  }

  private runWalker(walker: TreeWalker, shouldStop: () => boolean): boolean {
    // Checking the clock on every node would cost more than the regex on short nodes.
    for (let n = 1; ; n++) {
      const node = walker.nextNode();
      if (node === null) {
        this.walker = null;
        return true;
      }
      this.visit(node as Text);
      if ((n & 63) === 0 && shouldStop()) return false;
    }
  }

  private process(unit: Unit): void {
    if (unit.kind === 'run') return this.query(xpathRun(unit.count), unit.first, unit.count);
    const node = unit.node;
    if (node.nodeType === 3 /* TEXT_NODE */) return this.visit(node as Text);
    if (node.nodeType === 1 /* ELEMENT_NODE */ && boundedSize(node as Element) === Infinity) return this.split(node as Element);
    this.query(XPATH_SUBTREE, node);
  }

  /**
   * Splits a big element into units of at most about {@link CHUNK_ELEMENTS}
   * elements: consecutive small children are grouped into one run (one query),
   * big children are split in turn when their turn comes. Units are pushed in
   * reverse so that they pop in document order.
   */
  private split(parent: Element): void {
    const units: Unit[] = [];
    let first: Node | null = null;
    let count = 0;
    let size = 0;
    const flush = () => {
      if (first) units.push(count === 1 ? { kind: 'node', node: first } : { kind: 'run', first, count });
      first = null;
      count = 0;
      size = 0;
    };
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 1 /* ELEMENT_NODE */) {
        const childSize = boundedSize(child as Element) + 1;
        if (childSize === Infinity) {
          flush();
          units.push({ kind: 'node', node: child });
          continue;
        }
        if (size + childSize > CHUNK_ELEMENTS) flush();
        size += childSize;
      } else if (child.nodeType !== 3 /* TEXT_NODE */) {
        continue; // comments, processing instructions: no text to read
      }
      first ??= child;
      count++;
    }
    flush();
    for (let i = units.length - 1; i >= 0; i--) this.units.push(units[i]!);
  }

  /** Queries `expression` from `context`; `count` is how many siblings it covers (for the fallback). */
  private query(expression: string, context: Node, count = 1): void {
    this.index = 0;
    try {
      this.snapshot = this.doc.evaluate(expression, context, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
      return;
    } catch {
      // No XPath (or not for this node): read the same nodes the slow way rather than miss them.
      this.snapshot = null;
    }
    let node: Node | null = context;
    for (let i = 0; i < count && node; i++, node = node.nextSibling) {
      if (node.nodeType === 3) {
        this.visit(node as Text);
        continue;
      }
      const walker = this.doc.createTreeWalker(node, 4 /* NodeFilter.SHOW_TEXT */);
      for (let text = walker.nextNode(); text; text = walker.nextNode()) this.visit(text as Text);
    }
  }

  private visit(node: Text): void {
    if (this.onTooLong && node.length > LONG_TEXT) return this.onTooLong(node);
    const mentions = mentionsInText(node, this.selector);
    if (mentions) this.onFound(node, mentions);
  }
}

/** Every prose mention under `root`, in document order (synchronous; for tests and small roots). */
export function scanAll(root: Node, options: ScanOptions = {}): Array<{ node: Text; mentions: Mention[] }> {
  const found: Array<{ node: Text; mentions: Mention[] }> = [];
  new TextScan(root, excludedSelector(options), (node, mentions) => found.push({ node, mentions })).run();
  return found;
}
