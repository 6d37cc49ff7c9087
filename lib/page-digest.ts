/**
 * The page digest behind the popup's "On this page": how many mentions are
 * listed, and the text shown around each — a few words either side,
 * whitespace collapsed, cut at word boundaries and marked with "…" where cut.
 * Pure and zod-free: the mentions content script bundles it, and
 * lib/messaging.ts uses the limit in its schemas.
 */

/** Most mentions listed in one reply; the counts always cover all of them. */
export const PAGE_MENTION_LIST_LIMIT = 300;

/** Characters kept on each side of the mention (before trimming to a word boundary). */
export const SNIPPET_RADIUS = 60;

const ELLIPSIS = '…';

/** Collapses runs of whitespace (newlines, tabs, nbsp) to one space. */
function collapse(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** The end of `text`, at most `radius` characters, starting at a word boundary when cut. */
function tail(text: string, radius: number): string {
  const flat = collapse(text).trimStart();
  if (flat.length <= radius) return flat;
  const cut = flat.slice(flat.length - radius);
  const space = cut.indexOf(' ');
  // Drop the partial first word, unless the cut is one long word.
  const clean = space >= 0 && space < cut.length - 1 ? cut.slice(space + 1) : cut;
  return ELLIPSIS + clean;
}

/** The start of `text`, at most `radius` characters, ending at a word boundary when cut. */
function head(text: string, radius: number): string {
  const flat = collapse(text).trimEnd();
  if (flat.length <= radius) return flat;
  const cut = flat.slice(0, radius);
  const space = cut.lastIndexOf(' ');
  const clean = space > 0 ? cut.slice(0, space) : cut;
  return clean + ELLIPSIS;
}

/**
 * Trims the text before and after a mention to a snippet. Whitespace next to
 * the mention is kept as one space, so "vLLM" in "use vLLM now" reads
 * `{ before: 'use ', after: ' now' }`.
 */
export function snippetAround(before: string, after: string, radius = SNIPPET_RADIUS): { before: string; after: string } {
  return { before: tail(before, radius), after: head(after, radius) };
}
