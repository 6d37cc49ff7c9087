/**
 * What the page is doing that a hover card must respect: the user's text
 * selection, and the site's own hovercards. Read-only DOM queries, called only
 * when a card is about to open.
 */
import type { Box } from '@/lib/placement';

/**
 * GitHub's own hovercards (users, repositories, issues). Its card describes the
 * link under the pointer, so on those links it goes first.
 */
const SITE_HOVERCARD = '.js-hovercard-content';
const SITE_HOVERCARD_TRIGGER = '[data-hovercard-url], [data-hovercard-type]';

/** True when one of the site's hovercards is showing. */
export function isSiteHovercardOpen(doc: Document): boolean {
  for (const card of doc.querySelectorAll<HTMLElement>(SITE_HOVERCARD)) {
    if (card.checkVisibility?.() ?? card.getClientRects().length > 0) return true;
  }
  return false;
}

/** True when the mention sits in a link that opens the site's own hovercard. */
export function isSiteHovercardTrigger(range: Range): boolean {
  return range.startContainer.parentElement?.closest(SITE_HOVERCARD_TRIGGER) != null;
}

/** True when the current selection (not a mere caret) overlaps or touches `range`. */
export function selectionTouches(doc: Document, range: Range): boolean {
  const selection = doc.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return false;
  try {
    const selected = selection.getRangeAt(0);
    // range.start <= selected.end && range.end >= selected.start. (END_TO_START compares this
    // range's start with the other's end; START_TO_END this range's end with the other's start.)
    return (
      range.compareBoundaryPoints(Range.END_TO_START, selected) <= 0 &&
      range.compareBoundaryPoints(Range.START_TO_END, selected) >= 0
    );
  } catch {
    return false; // the ranges live in different trees
  }
}

/**
 * Where the selection or the caret is, in viewport coordinates; null when the
 * page has none (nothing clicked or selected yet, or only the document itself).
 */
export function selectionBox(doc: Document): Box | null {
  const selection = doc.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const rect = range.getBoundingClientRect();
  if (rect.width > 0 || rect.height > 0) return rect;
  // A caret between elements has no box of its own: use its element's, unless that is the whole page.
  const node = range.startContainer;
  const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  if (!element || element === doc.body || element === doc.documentElement) return null;
  const box = element.getBoundingClientRect();
  return box.width > 0 || box.height > 0 ? box : null;
}
