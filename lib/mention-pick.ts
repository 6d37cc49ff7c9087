/**
 * Which mention the keyboard command opens a card for: the one in the text
 * selection, else the one nearest to it, else the first one on screen. Pure
 * geometry over boxes in viewport coordinates, so it is table-tested; the
 * content script supplies the boxes and whether each mention touches the
 * selection.
 */
import type { Box, Size } from './placement';

export interface PickCandidate {
  id: number;
  /** The mention's client rectangles; empty when it is not rendered. */
  rects: readonly Box[];
  /** The selection (or the caret) overlaps or touches the mention. */
  inSelection: boolean;
}

/** Distance between two boxes; 0 when they overlap or touch. */
export function boxDistance(a: Box, b: Box): number {
  const dx = Math.max(0, a.left - b.right, b.left - a.right);
  const dy = Math.max(0, a.top - b.bottom, b.top - a.bottom);
  return Math.hypot(dx, dy);
}

function intersectsViewport(box: Box, viewport: Size): boolean {
  return box.right > 0 && box.bottom > 0 && box.left < viewport.width && box.top < viewport.height;
}

/**
 * Picks a mention. Candidates must be in document order (ties go to the
 * earlier one). `selection` is the selection's or caret's box, or null when
 * the page has none. Returns null when no mention is rendered.
 */
export function pickMention(candidates: readonly PickCandidate[], selection: Box | null, viewport: Size): number | null {
  const rendered = candidates.filter((c) => c.rects.length > 0);
  const inSelection = rendered.find((c) => c.inSelection);
  if (inSelection) return inSelection.id;

  if (selection) {
    let best: PickCandidate | null = null;
    let bestDistance = Infinity;
    for (const candidate of rendered) {
      const distance = Math.min(...candidate.rects.map((r) => boxDistance(r, selection)));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    if (best) return best.id;
  }

  const onScreen = rendered.find((c) => c.rects.some((r) => intersectsViewport(r, viewport)));
  return (onScreen ?? rendered[0])?.id ?? null;
}
