/**
 * Where the hover card goes, given where the mention is. Pure geometry in
 * viewport coordinates (what `getClientRects()` returns and what
 * `position: fixed` uses), so every edge case is a unit test.
 *
 * Rules, in order:
 * 1. below the mention, if the card fits there;
 * 2. above it, if it fits there;
 * 3. to its right, then its left, if the card fits beside it;
 * 4. otherwise on the roomier of below/above, with a `maxHeight` so the card
 *    scrolls inside itself rather than leave the screen or cover the mention.
 * The card is always clamped horizontally on-screen and never overlaps any of
 * the mention's rectangles.
 */

/** A DOMRect-like box in viewport coordinates. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Size {
  width: number;
  height: number;
}

export type Side = 'below' | 'above' | 'right' | 'left';

export interface PlacementInput {
  /** The mention's rectangles (several when it wraps across lines). At least one. */
  anchor: readonly Box[];
  /** The card's natural size. */
  card: Size;
  viewport: Size;
  /** Distance kept from the viewport's edges. Default 8. */
  margin?: number;
  /** Space between the mention and the card. Default 6. */
  gap?: number;
}

export interface Placement {
  left: number;
  top: number;
  side: Side;
  /** Set when the card is taller than the room it was given: cap its height to this and let it scroll. */
  maxHeight: number | null;
}

/** The smallest box that holds every rectangle. */
export function unionBox(boxes: readonly Box[]): Box {
  if (boxes.length === 0) throw new Error('placeCard needs at least one anchor rectangle.');
  return boxes.reduce((u, b) => ({
    left: Math.min(u.left, b.left),
    top: Math.min(u.top, b.top),
    right: Math.max(u.right, b.right),
    bottom: Math.max(u.bottom, b.bottom),
  }));
}

/** Keeps `value` in [min, max]; when the range is empty (card wider than the screen) `min` wins. */
function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, max));
}

/** Computes the card's top-left corner and side. See the module comment for the rules. */
export function placeCard(input: PlacementInput): Placement {
  const { anchor, card, viewport } = input;
  const margin = input.margin ?? 8;
  const gap = input.gap ?? 6;
  const box = unionBox(anchor);
  // A wrapped mention's first rect ends one line and its last rect starts the
  // next: "above" aligns with the first, "below" with the last.
  const first = anchor[0] ?? box;
  const last = anchor[anchor.length - 1] ?? box;

  const maxLeft = viewport.width - margin - card.width;
  const maxTop = viewport.height - margin - card.height;
  const roomBelow = viewport.height - margin - (box.bottom + gap);
  const roomAbove = box.top - gap - margin;

  // Below: start under the line the mention ends on, which is where the reader's eye is.
  if (card.height <= roomBelow) {
    return { left: clamp(last.left, margin, maxLeft), top: box.bottom + gap, side: 'below', maxHeight: null };
  }
  if (card.height <= roomAbove) {
    return {
      left: clamp(first.left, margin, maxLeft),
      top: box.top - gap - card.height,
      side: 'above',
      maxHeight: null,
    };
  }

  const fitsVertically = card.height <= viewport.height - 2 * margin;
  if (fitsVertically && box.right + gap + card.width <= viewport.width - margin) {
    return { left: box.right + gap, top: clamp(box.top, margin, maxTop), side: 'right', maxHeight: null };
  }
  if (fitsVertically && box.left - gap - card.width >= margin) {
    return {
      left: box.left - gap - card.width,
      top: clamp(box.top, margin, maxTop),
      side: 'left',
      maxHeight: null,
    };
  }

  // Nowhere fits whole: take the roomier side and let the card scroll inside.
  if (roomBelow >= roomAbove) {
    return {
      left: clamp(last.left, margin, maxLeft),
      top: box.bottom + gap,
      side: 'below',
      maxHeight: Math.max(0, roomBelow),
    };
  }
  const height = Math.max(0, roomAbove);
  return {
    left: clamp(first.left, margin, maxLeft),
    top: box.top - gap - height,
    side: 'above',
    maxHeight: height,
  };
}

/** True when two boxes share any area (touching edges do not count). */
export function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}
