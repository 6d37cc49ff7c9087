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
 * A resumable walk over the text nodes under one root. `run` processes nodes
 * until `shouldStop()` says the time slice is over and returns whether the walk
 * is finished, so a big page can be read in many short slices.
 */
export class TextScan {
  private readonly walker: TreeWalker | null;
  private pendingRoot: Text | null;
  private done = false;

  constructor(
    root: Node,
    private readonly selector: string,
    private readonly onFound: FoundCallback,
  ) {
    const doc = root.ownerDocument ?? (root as Document);
    // A text node as root has no descendants to walk: handle it on its own.
    this.pendingRoot = root.nodeType === 3 /* TEXT_NODE */ ? (root as Text) : null;
    this.walker = this.pendingRoot ? null : doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  }

  /** Processes text nodes until the walk ends or `shouldStop()` returns true (checked every few nodes). */
  run(shouldStop: () => boolean = () => false): boolean {
    if (this.done) return true;
    if (this.pendingRoot) {
      this.visit(this.pendingRoot);
      this.pendingRoot = null;
      this.done = true;
      return true;
    }
    const walker = this.walker!;
    // Checking the clock on every node would cost more than the regex on short nodes.
    for (let n = 1; ; n++) {
      const node = walker.nextNode();
      if (node === null) {
        this.done = true;
        return true;
      }
      this.visit(node as Text);
      if ((n & 63) === 0 && shouldStop()) return false;
    }
  }

  private visit(node: Text): void {
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
