import { describe, expect, it } from 'vitest';
import { ROVING_PAGE, rovingTarget } from '@/lib/roving';

describe('rovingTarget: arrow keys inside a one-Tab-stop list', () => {
  it.each([
    ['ArrowDown', 0, 5, 1],
    ['ArrowDown', 4, 5, 4], // stops at the end, no wrap
    ['ArrowUp', 3, 5, 2],
    ['ArrowUp', 0, 5, 0], // stops at the start
    ['Home', 3, 5, 0],
    ['End', 1, 5, 4],
    ['PageDown', 0, 300, ROVING_PAGE],
    ['PageDown', 295, 300, 299],
    ['PageUp', 15, 300, 15 - ROVING_PAGE],
    ['PageUp', 3, 300, 0],
  ])('%s from %d of %d → %d', (key, current, count, expected) => {
    expect(rovingTarget(key, current, count)).toBe(expected);
  });

  it.each(['Tab', 'Enter', ' ', 'a', 'ArrowLeft', 'ArrowRight', 'Escape'])('%j is not a move (the key keeps its own meaning)', (key) => {
    expect(rovingTarget(key, 2, 5)).toBeNull();
  });

  it('an empty list has nowhere to go', () => {
    expect(rovingTarget('ArrowDown', 0, 0)).toBeNull();
  });
});
