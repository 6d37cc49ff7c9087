/**
 * Keyboard movement in a list with a roving tabindex: the list is one Tab
 * stop (only its current item has tabIndex 0) and the arrow keys move inside
 * it, so a page with 300 mentions costs one Tab, not 300. Pure.
 */

/** How far Page Up / Page Down move. */
export const ROVING_PAGE = 10;

/**
 * The index focus moves to when `key` is pressed on item `current` of
 * `count`, or null when the key does not move (let it do what it does).
 * Up/Down move one and stop at the ends (no wrap: the ends are where the
 * reader expects them), Home/End jump, Page Up/Down move by {@link ROVING_PAGE}.
 */
export function rovingTarget(key: string, current: number, count: number): number | null {
  if (count <= 0) return null;
  const clamp = (index: number) => Math.max(0, Math.min(count - 1, index));
  switch (key) {
    case 'ArrowDown':
      return clamp(current + 1);
    case 'ArrowUp':
      return clamp(current - 1);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    case 'PageDown':
      return clamp(current + ROVING_PAGE);
    case 'PageUp':
      return clamp(current - ROVING_PAGE);
    default:
      return null;
  }
}
