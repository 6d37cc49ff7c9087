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
 * `prefer` (see PlacementInput) keeps an open card from jumping while the page
 * scrolls; {@link growInPlace} keeps it in place while its own content grows.
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
  /** Try this side first (the card's current side, so it does not jump while the page scrolls). */
  prefer?: Side;
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

/**
 * Computes the card's top-left corner and side. See the module comment for the rules.
 *
 * `prefer` tries one side first (the side the card is already on, so it does
 * not jump around while the page scrolls).
 */
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
  const roomTall = viewport.height - 2 * margin;

  /** The card on `side`, whole; null when it does not fit there. */
  const whole = (side: Side): Placement | null => {
    switch (side) {
      case 'below': // under the line the mention ends on, where the reader's eye is
        return card.height <= roomBelow
          ? { left: clamp(last.left, margin, maxLeft), top: box.bottom + gap, side, maxHeight: null }
          : null;
      case 'above':
        return card.height <= roomAbove
          ? { left: clamp(first.left, margin, maxLeft), top: box.top - gap - card.height, side, maxHeight: null }
          : null;
      case 'right':
        return card.height <= roomTall && box.right + gap + card.width <= viewport.width - margin
          ? { left: box.right + gap, top: clamp(box.top, margin, maxTop), side, maxHeight: null }
          : null;
      case 'left':
        return card.height <= roomTall && box.left - gap - card.width >= margin
          ? { left: box.left - gap - card.width, top: clamp(box.top, margin, maxTop), side, maxHeight: null }
          : null;
    }
  };

  /** The card on `side` with its height capped to the room there (it scrolls inside). */
  const capped = (side: Side): Placement => {
    if (side === 'below') {
      const height = Math.max(0, roomBelow);
      return { left: clamp(last.left, margin, maxLeft), top: box.bottom + gap, side, maxHeight: height };
    }
    if (side === 'above') {
      const height = Math.max(0, roomAbove);
      return { left: clamp(first.left, margin, maxLeft), top: box.top - gap - height, side, maxHeight: height };
    }
    const left = side === 'right' ? box.right + gap : box.left - gap - card.width;
    return { left, top: margin, side, maxHeight: Math.max(0, roomTall) };
  };

  const order: Side[] = ['below', 'above', 'right', 'left'];
  if (input.prefer) order.unshift(input.prefer);
  for (const side of order) {
    const placement = whole(side);
    if (placement) return placement;
  }
  // Nowhere fits whole: take the roomier of below/above and let the card scroll inside.
  return capped(roomBelow >= roomAbove ? 'below' : 'above');
}

/** True when two boxes share any area (touching edges do not count). */
export function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

export interface GrowInput {
  /** The mention's rectangles. */
  anchor: readonly Box[];
  /** Where the open card is now. */
  top: number;
  side: Side;
  viewport: Size;
  margin?: number;
  gap?: number;
}

/**
 * The height an open card may take when its own content grows ("Show all",
 * a claims panel): it keeps its corner where it is (the control under the
 * pointer does not move) and scrolls inside beyond this. Below or beside the
 * mention it may grow down to the viewport's bottom margin; above it, only
 * down to the mention, which it must never cover.
 */
export function growInPlace(input: GrowInput): number {
  const margin = input.margin ?? 8;
  const gap = input.gap ?? 6;
  const limit = input.side === 'above' ? unionBox(input.anchor).top - gap : input.viewport.height - margin;
  return Math.max(0, limit - input.top);
}
