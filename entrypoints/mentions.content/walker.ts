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
  // GitHub's React file view keeps its line numbers in a column of thousands of
  // divs beside the code: never a mention, whether code is marked or not, so
  // the column is skipped unread instead of queried.
  '.react-line-numbers',
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
 * True when the text node sits in an excluded region. Only called for candidate
 * nodes (text that may hold a mention), so the ancestor walk is paid rarely.
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
  // Exclusion first: most candidates that are not prose (code, the textareas
  // GitHub keeps each comment's Markdown in) hold long text full of matches.
  if (isExcludedText(node, selector)) return null;
  const mentions = detectMentions(data);
  return mentions.length === 0 ? null : mentions;
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
 * costs a binding call and a wrapper per node, and runs the regular expression
 * over all the text.
 */
const CANDIDATE_TEST = "[contains(string(), 'lm') or contains(string(), 'LM')]";
const XPATH_SUBTREE = `descendant-or-self::text()${CANDIDATE_TEST}`;

/** The same test in script, for text nodes met one by one. */
function isCandidate(text: Text): boolean {
  if (text.length < MIN_MENTION_LENGTH) return false;
  const data = text.data;
  return data.includes('lm') || data.includes('LM');
}

/**
 * A subtree with more elements than this is split before it is queried: one
 * XPath query cannot be interrupted, and this many elements (a few thousand text
 * nodes) take a few milliseconds, so a slice stays well under a frame.
 */
export const CHUNK_ELEMENTS = 4000;

/**
 * Children of an element with at least this many element children (comments in
 * a timeline, lines of code, rows) are queried without counting their size
 * first: they are almost always small, and counting them costs a walk of each.
 * A query that turns out slow switches counting back on.
 */
const MANY_CHILDREN = 32;
/** A query slower than this (ms) makes the scan count sizes again. */
const SLOW_QUERY_MS = 4;

/** Elements under `el`, or Infinity when more than {@link CHUNK_ELEMENTS} (counting stops there). */
function boundedSize(el: Element): number {
  if (el.firstElementChild === null) return 0;
  const all = el.getElementsByTagName('*');
  return all.item(CHUNK_ELEMENTS) === null ? all.length : Infinity;
}

/**
 * Elements a run of siblings holds, about. Longer runs would cost less in all
 * (each query is followed by a pass of the engine over every later sibling:
 * `following-sibling` has no early stop), but a query cannot be interrupted:
 * runs of 7,000–12,000 elements took 6–17 ms each on the bench's big page.
 */
const RUN_ELEMENTS = CHUNK_ELEMENTS;

/**
 * Every `count`-th child of `parent`, from the first: where its runs start.
 * Found by the engine in one query, because stepping through thousands of
 * siblings from script costs a wrapper for each.
 */
function runStarts(parent: Element, count: number): Node[] {
  const doc = parent.ownerDocument;
  const starts: Node[] = [];
  if (typeof doc.evaluate === 'function' && typeof XPathResult !== 'undefined') {
    const found = doc.evaluate(`child::node()[position() mod ${count} = 1]`, parent, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
    for (let i = 0; i < found.snapshotLength; i++) starts.push(found.snapshotItem(i)!);
    return starts;
  }
  for (let child: Node | null = parent.firstChild; child; ) {
    starts.push(child);
    for (let i = 0; i < count && child; i++) child = child.nextSibling;
  }
  return starts;
}

/**
 * Pending work of a scan: a node to read (with whether its size must be
 * checked before it is queried whole), or `count` consecutive siblings from
 * `node` on, queried together.
 */
interface Unit {
  node: Node;
  sized: boolean;
  count?: number;
}

/** Whether processing `unit` may run a query: a run of siblings or an element (a text node never does). */
function mayQuery(unit: Unit): boolean {
  return unit.count !== undefined || unit.node.nodeType === 1;
}

/** `count` consecutive siblings from the context node on, and everything below them. */
const xpathRun = (count: number) =>
  `(self::node() | following-sibling::node()[position() < ${count}])/descendant-or-self::text()${CANDIDATE_TEST}`;

/**
 * Candidate queries, compiled once per document and run length: parsing an
 * expression costs more than querying one comment, so a query per small
 * subtree would cost more than walking it.
 */
const compiled = new WeakMap<Document, Map<number, XPathExpression>>();
function candidateQuery(doc: Document, count = 1): XPathExpression | null {
  if (typeof doc.createExpression !== 'function' || typeof XPathResult === 'undefined') return null;
  let byCount = compiled.get(doc);
  if (!byCount) compiled.set(doc, (byCount = new Map()));
  let expression = byCount.get(count);
  if (!expression) {
    try {
      expression = doc.createExpression(count === 1 ? XPATH_SUBTREE : xpathRun(count), null);
    } catch {
      return null;
    }
    // Runs come in a few lengths per page; keep the cache small anyway.
    if (byCount.size > 64) byCount.clear();
    byCount.set(count, expression);
  }
  return expression;
}

/**
 * Whether elements lie in an excluded region, remembered per element for the
 * length of one scan: the candidates of a page share most of their ancestors,
 * so each ancestor is matched against the selector once, not once per candidate.
 */
class ExclusionMemo {
  private readonly memo = new WeakMap<Element, boolean>();
  /** Element names the selector excludes outright (`pre`, `code`, … unless code is included). */
  private readonly excludedNames: Set<string>;
  constructor(private readonly selector: string) {
    this.excludedNames = new Set(selector.split(',').filter((part) => /^[a-z]+$/.test(part)));
  }

  excludes(node: Text): boolean {
    const parent = node.parentElement;
    if (parent === null) return true;
    if (ALWAYS_EXCLUDED_PARENTS.has(parent.localName)) return true;
    return this.excludesElement(parent);
  }

  /** True when `element` or one of its ancestors matches the selector. */
  excludesElement(element: Element): boolean {
    // A text node directly in `pre` or `code` (most excluded candidates) is
    // decided by its parent's name, without matching the ancestors.
    if (this.excludedNames.has(element.localName)) return true;
    // One native closest() per new element: walking the ancestors from script
    // instead would create a wrapper for each in this isolated world.
    const known = this.memo.get(element);
    if (known !== undefined) return known;
    const excluded = element.closest(this.selector) !== null;
    this.memo.set(element, excluded);
    return excluded;
  }
}

/**
 * A resumable scan of the text under one root (or under `count` consecutive
 * siblings starting at `root`). `run` processes candidates until `shouldStop()`
 * says the time slice is over and returns whether the scan is finished, so a big
 * page is read in many short slices. Candidates come from XPath queries over
 * bounded pieces of the tree; without XPath, a TreeWalker visits every text node.
 */
export class TextScan {
  private readonly units: Unit[] = [];
  private readonly query: XPathExpression | null;
  private readonly exclusions: ExclusionMemo;
  private walker: TreeWalker | null = null;
  private snapshot: XPathResult | null = null;
  private index = 0;
  /** Count sizes even under many-children parents (a query was slow). */
  private cautious = false;
  /** The last unit ran a query. */
  private queried = false;
  /**
   * What the next query is expected to take (ms): the slowest recent one, fading
   * by a quarter per query. Queries over runs of the same size vary about 2×
   * with their content; planning with the last one alone let slices overrun.
   */
  private expectedQueryMs = 0;
  /** Units processed without a clock check. */
  private unitsSinceCheck = 0;

  constructor(
    root: Node,
    selector: string,
    private readonly onFound: FoundCallback,
    count = 1,
    private readonly onTooLong?: (node: Text) => void,
  ) {
    const doc = root.ownerDocument ?? (root as Document);
    const start = root.nodeType === 9 /* DOCUMENT_NODE */ ? ((root as Document).documentElement ?? root) : root;
    this.exclusions = new ExclusionMemo(selector);
    this.query = candidateQuery(doc);
    const nodes: Node[] = [];
    for (let node: Node | null = start, i = 0; node && i < count; node = node.nextSibling, i++) nodes.push(node);
    if (!this.query && nodes.length === 1 && start.nodeType !== 3) {
      this.walker = doc.createTreeWalker(start, 4 /* NodeFilter.SHOW_TEXT */);
      return;
    }
    for (let i = nodes.length - 1; i >= 0; i--) this.units.push({ node: nodes[i]!, sized: true });
  }

  /**
   * Processes text nodes until the scan ends or `shouldStop()` returns true
   * (checked every few nodes and after each query). Before a query, the scan
   * asks `shouldStop(ms)` with what recent queries took: a query cannot be
   * interrupted, so one that would not fit in what is left of the slice waits
   * for the next. A call that has done nothing else yet always runs its first
   * unit, so the scan moves on. Returns false only when `shouldStop` said so.
   */
  run(shouldStop: (reserveMs?: number) => boolean = () => false): boolean {
    if (this.walker) return this.runWalker(this.walker, shouldStop);
    // Whether this call has already done some work: then a query that would
    // overrun the slice waits for the next call.
    let worked = false;
    for (;;) {
      const snapshot = this.snapshot;
      if (snapshot) {
        const length = snapshot.snapshotLength;
        worked ||= this.index < length;
        while (this.index < length) {
          this.visit(snapshot.snapshotItem(this.index++) as Text);
          // A visit costs up to ~15 µs (the exclusion check, the detector, registering).
          if ((this.index & 31) === 0 && shouldStop()) return false;
        }
        this.snapshot = null;
      }
      if (this.units.length === 0) return true;
      const next = this.units[this.units.length - 1]!;
      // Only a unit that may query waits: text nodes after a slow query are read now, not one per slice.
      if (worked && this.expectedQueryMs > 0 && mayQuery(next) && shouldStop(this.expectedQueryMs)) return false;
      worked = true;
      const unit = this.units.pop()!;
      this.queried = false;
      this.process(unit);
      // After every query (each costs up to a few ms), else every few units.
      if ((this.queried || (++this.unitsSinceCheck & 15) === 0) && shouldStop()) return this.units.length === 0 && this.snapshot === null;
    }
  }

  private runWalker(walker: TreeWalker, shouldStop: (reserveMs?: number) => boolean): boolean {
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

  private process({ node, sized, count }: Unit): void {
    if (count !== undefined) return this.queryRun(node, count);
    if (node.nodeType === 3 /* TEXT_NODE */) {
      if (isCandidate(node as Text)) this.visit(node as Text);
      return;
    }
    if (node.nodeType !== 1 /* ELEMENT_NODE */) return;
    const el = node as Element;
    // A whole excluded region (a code view, an editor, a form field) is skipped
    // unread. Not checked for each of many small siblings (comments, lines):
    // their candidates are checked one by one, which costs less than matching
    // every sibling against the selector.
    if ((sized || this.cautious) && this.exclusions.excludesElement(el)) return;
    if ((sized || this.cautious) && boundedSize(el) === Infinity) return this.split(el);
    const query = this.query;
    if (!query) {
      const walker = (el.ownerDocument ?? document).createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
      for (let text = walker.nextNode(); text; text = walker.nextNode()) this.visit(text as Text);
      return;
    }
    this.runQuery(query, el);
  }

  /**
   * Splits a big element into units pushed in reverse (so that they pop in
   * document order). With few children, each child is a unit of its own (split
   * again if big). With many (comments, lines, rows), consecutive children are
   * queried in runs sized from the first few: about {@link CHUNK_ELEMENTS}
   * elements per query; a child found big among those is split on its own.
   */
  private split(parent: Element): void {
    const units: Unit[] = [];
    if (parent.childElementCount < MANY_CHILDREN) {
      for (let child = parent.firstChild; child; child = child.nextSibling) units.push({ node: child, sized: true });
    } else {
      let sampled = 0;
      let elements = 0;
      let big = false;
      for (let child = parent.firstElementChild; child && sampled < 8; child = child.nextElementSibling, sampled++) {
        const size = boundedSize(child);
        if (size === Infinity) big = true;
        else elements += size + 1;
      }
      if (big) {
        for (let child = parent.firstChild; child; child = child.nextSibling) units.push({ node: child, sized: true });
      } else {
        // Nodes per run: elements per child from the sample; twice that in nodes (the text between them).
        const perChild = Math.max(1, elements / sampled);
        const count = Math.max(2, Math.min(4096, Math.floor((RUN_ELEMENTS / perChild) * 2)));
        for (const first of runStarts(parent, count)) units.push({ node: first, sized: false, count });
      }
    }
    for (let i = units.length - 1; i >= 0; i--) this.units.push(units[i]!);
  }

  /** Queries a run of siblings (a fallback walk without XPath). */
  private queryRun(first: Node, count: number): void {
    const query = this.query ? candidateQuery(first.ownerDocument ?? document, count) : null;
    if (!query) {
      for (let node: Node | null = first, i = 0; node && i < count; node = node.nextSibling, i++) this.process({ node, sized: false });
      return;
    }
    this.runQuery(query, first);
  }

  /**
   * Runs a candidate query. Unordered: the step results come in document order
   * anyway, and asking for order makes Blink sort every union (a run's
   * siblings) once more; the registry keeps its own order.
   */
  private runQuery(query: XPathExpression, context: Node): void {
    const start = performance.now();
    this.snapshot = query.evaluate(context, XPathResult.UNORDERED_NODE_SNAPSHOT_TYPE, null);
    this.index = 0;
    this.queried = true;
    const ms = performance.now() - start;
    this.expectedQueryMs = Math.max(ms, this.expectedQueryMs * 0.75);
    this.cautious = ms > SLOW_QUERY_MS;
  }

  private visit(node: Text): void {
    if (this.onTooLong && node.length > LONG_TEXT) return this.onTooLong(node);
    if (node.length < MIN_MENTION_LENGTH || this.exclusions.excludes(node)) return;
    const mentions = detectMentions(node.data);
    if (mentions.length > 0) this.onFound(node, mentions);
  }
}

/** Every prose mention under `root`, in document order (synchronous; for tests and small roots). */
export function scanAll(root: Node, options: ScanOptions = {}): Array<{ node: Text; mentions: Mention[] }> {
  const found: Array<{ node: Text; mentions: Mention[] }> = [];
  new TextScan(root, excludedSelector(options), (node, mentions) => found.push({ node, mentions })).run();
  return found;
}
