/**
 * Where marks are relative to the viewport, read from their elements' boxes.
 * Only called when layout is clean (after a frame), so reading positions
 * forces no layout of its own.
 */

/** True when (x, y) lies inside `r` (edges included). */
export function containsPoint(r: DOMRectReadOnly, x: number, y: number): boolean {
  return x >= r.left && x <= r.right && y >= r.top && y <= r.bottom && r.width > 0 && r.height > 0;
}

/** The box of the text's element, or null when it has none (not rendered, or hidden). */
export function boxOf(node: Text): DOMRect | null {
  const r = node.parentElement?.getBoundingClientRect();
  return r && (r.width > 0 || r.height > 0) ? r : null;
}

/**
 * True when the text's element is within `screens` viewport heights
 * of the viewport, or has no box (hidden: it may be shown in place, without a
 * DOM change to tell us).
 */
export function isNearViewport(node: Text, viewportHeight: number, screens: number): boolean {
  const r = boxOf(node);
  if (!r) return true;
  const margin = viewportHeight * screens;
  return r.bottom >= -margin && r.top <= viewportHeight + margin;
}

/**
 * Index of the first mark whose element is not above the viewport, by binary
 * search over marks in (roughly) document order. Marks in hidden elements have
 * an empty box and are skipped over. Called when layout is clean.
 */
export function firstOnScreen(nodes: ReadonlyArray<{ node: Text }>): number {
  const top = (i: number): number | null => {
    for (let j = i; j < Math.min(nodes.length, i + 8); j++) {
      const r = boxOf(nodes[j]!.node);
      if (r) return r.bottom;
    }
    return null;
  };
  let lo = 0;
  let hi = nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const bottom = top(mid);
    if (bottom !== null && bottom < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
