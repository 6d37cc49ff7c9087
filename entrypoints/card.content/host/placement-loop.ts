/**
 * Keeps the open card next to its mention: places it when shown, and again
 * (at most once per frame) when the page scrolls or resizes or the card's own
 * size changes. The geometry itself is the pure `placeCard` (lib/placement.ts).
 */
import { growInPlace, placeCard, type Box, type Side } from '@/lib/placement';

/** Distance the card keeps from the viewport's edges, and from the mention. */
export const MARGIN = 8;
const GAP = 6;

/** Why a placement runs: first show, the page moved, or only the card's size changed. */
export type PlaceReason = 'show' | 'viewport' | 'content';

/** The placement state of the open card. */
export interface PlacedCard {
  /** The mention's rectangles now; empty when it has left the page. */
  rects(): Box[];
  /** Last placed rectangles, kept when a pinned card's mention disappears. */
  lastRects: Box[];
  /** Moved by the user: stays where it was put instead of following the mention. */
  dragged: boolean;
  pinned: boolean;
  /** Where the card's top-left corner is (viewport px). */
  left: number;
  top: number;
  side: Side | null;
}

export interface PlacementLoop {
  /** Places the card now. */
  place(reason: PlaceReason): void;
  /** Moves the card's corner to (left, top), kept inside the viewport. */
  moveWithin(left: number, top: number, size: { width: number; height: number }): void;
  /** Follows the page (scroll, resize) and the card's size until {@link stop}. */
  start(): void;
  stop(): void;
}

export function createPlacementLoop(
  win: Window & typeof globalThis,
  layer: HTMLElement,
  cardElement: () => HTMLElement | null,
  card: () => PlacedCard | null,
  /** The mention left the page (an empty rectangle list). */
  onAnchorGone: () => void,
): PlacementLoop {
  let frame = 0;
  /** The scheduled placement's reason: the page moved wins over a mere size change. */
  let pendingReason: PlaceReason = 'content';
  let listeners: AbortController | null = null;
  let resizeObserver: ResizeObserver | null = null;

  function viewport(): { width: number; height: number } {
    const html = win.document.documentElement;
    // clientWidth/Height leave out scrollbars; innerWidth/Height is the fallback for odd documents.
    return {
      width: Math.min(win.innerWidth, html.clientWidth || win.innerWidth),
      height: Math.min(win.innerHeight, html.clientHeight || win.innerHeight),
    };
  }

  const clampTo = (value: number, max: number) => Math.max(MARGIN, Math.min(value, max - MARGIN));

  function moveLayer(placed: PlacedCard, left: number, top: number): void {
    placed.left = Math.round(left);
    placed.top = Math.round(top);
    layer.style.left = `${placed.left}px`;
    layer.style.top = `${placed.top}px`;
  }

  /**
   * On 'show' the card goes wherever fits best; when the page moves
   * ('viewport') it prefers its current side; when only the card grew
   * ('content', e.g. "Show all") it stays exactly where it is, so the control
   * under the pointer does not move, and scrolls inside what room it has.
   */
  function place(reason: PlaceReason): void {
    const placed = card();
    const element = cardElement();
    if (!placed || !element) return;
    const vp = viewport();

    if (placed.dragged) {
      // The user put it there: only keep it on screen (the window may have shrunk).
      moveLayer(placed, clampTo(placed.left, vp.width - element.offsetWidth), clampTo(placed.top, vp.height - element.offsetHeight));
      return;
    }

    let rects = placed.rects();
    if (rects.length === 0) {
      if (!placed.pinned) {
        onAnchorGone();
        return;
      }
      rects = placed.lastRects; // a pinned card stays where it was
    }
    if (rects.length === 0) return;
    placed.lastRects = rects;

    if (reason === 'content' && placed.side !== null) {
      const maxHeight = growInPlace({ anchor: rects, top: placed.top, side: placed.side, viewport: vp, margin: MARGIN, gap: GAP });
      layer.style.setProperty('--el-max-height', `${Math.floor(maxHeight)}px`);
      return;
    }

    // Measure at natural height, then cap it if the placement gives less room.
    layer.style.removeProperty('--el-max-height');
    const size = { width: element.offsetWidth, height: element.offsetHeight };
    const side = placed.side ?? undefined;
    const placement = placeCard({
      anchor: rects,
      card: size,
      viewport: vp,
      margin: MARGIN,
      gap: GAP,
      prefer: reason === 'viewport' ? side : undefined,
    });
    if (placement.maxHeight !== null) layer.style.setProperty('--el-max-height', `${Math.floor(placement.maxHeight)}px`);
    moveLayer(placed, placement.left, placement.top);
    layer.dataset.side = placement.side;
    placed.side = placement.side;
  }

  /** Coalesces scroll/resize/size-change bursts into one placement per frame. */
  function schedule(reason: PlaceReason): void {
    if (reason === 'viewport') pendingReason = 'viewport';
    if (frame) return;
    frame = win.requestAnimationFrame(() => {
      frame = 0;
      const due = pendingReason;
      pendingReason = 'content';
      place(due);
    });
  }

  const onViewportChange = () => schedule('viewport');

  return {
    place,
    moveWithin(left, top, size) {
      const placed = card();
      if (!placed) return;
      const vp = viewport();
      moveLayer(placed, clampTo(left, vp.width - size.width), clampTo(top, vp.height - size.height));
    },
    start() {
      listeners = new AbortController();
      const { signal } = listeners;
      // Capture: scrolling inside any container moves the mention too.
      win.addEventListener('scroll', onViewportChange, { capture: true, passive: true, signal });
      win.addEventListener('resize', onViewportChange, { passive: true, signal });
      const element = cardElement();
      if (element && typeof win.ResizeObserver === 'function') {
        // The card grows when "Show all" or a claims panel opens: place it again.
        resizeObserver = new win.ResizeObserver(() => schedule('content'));
        resizeObserver.observe(element);
      }
    },
    stop() {
      listeners?.abort();
      listeners = null;
      resizeObserver?.disconnect();
      resizeObserver = null;
      if (frame) {
        win.cancelAnimationFrame(frame);
        frame = 0;
      }
    },
  };
}
