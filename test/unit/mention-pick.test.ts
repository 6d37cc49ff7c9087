import { describe, expect, it } from 'vitest';
import { boxDistance, pickMention, type PickCandidate } from '@/lib/mention-pick';
import type { Box } from '@/lib/placement';

const viewport = { width: 1000, height: 800 };
const at = (x: number, y: number, w = 60, h = 18): Box => ({ left: x, top: y, right: x + w, bottom: y + h });
const mention = (id: number, rects: Box[], inSelection = false): PickCandidate => ({ id, rects, inSelection });

describe('boxDistance', () => {
  it('is zero for overlapping or touching boxes, else the gap', () => {
    expect(boxDistance(at(0, 0), at(30, 5))).toBe(0);
    expect(boxDistance(at(0, 0), at(60, 0))).toBe(0);
    expect(boxDistance(at(0, 0), at(100, 0))).toBe(40);
    expect(boxDistance(at(0, 0), at(0, 50))).toBe(32);
    expect(boxDistance(at(0, 0), at(63, 22))).toBe(5); // 3-4-5
  });
});

describe('pickMention', () => {
  const page = [mention(1, [at(100, -300)]), mention(2, [at(100, 200)]), mention(3, [at(400, 500)]), mention(4, [at(100, 1200)])];

  it('takes the mention inside the selection', () => {
    const withSelection = page.map((m) => (m.id === 3 ? { ...m, inSelection: true } : m));
    expect(pickMention(withSelection, at(380, 490, 200, 40), viewport)).toBe(3);
  });

  it('else the mention nearest to the selection or caret', () => {
    expect(pickMention(page, at(420, 470, 0, 18), viewport)).toBe(3);
    expect(pickMention(page, at(90, 240, 0, 18), viewport)).toBe(2);
    // Nearest even off screen: the caret is just above mention 4.
    expect(pickMention(page, at(100, 1150, 0, 18), viewport)).toBe(4);
  });

  it('a wrapped mention counts by its nearest line box', () => {
    const wrapped = [mention(1, [at(100, 100)]), mention(2, [at(900, 400, 100), at(0, 418, 40)])];
    expect(pickMention(wrapped, at(10, 450, 0, 18), viewport)).toBe(2);
  });

  it('ties go to the earlier mention', () => {
    expect(pickMention([mention(1, [at(0, 0)]), mention(2, [at(200, 0)])], at(130, 0, 0, 18), viewport)).toBe(1);
  });

  it('without a selection: the first mention on screen', () => {
    expect(pickMention(page, null, viewport)).toBe(2);
  });

  it('without a selection and nothing on screen: the first rendered mention', () => {
    expect(pickMention([mention(1, []), mention(7, [at(0, 2000)]), mention(8, [at(0, 3000)])], null, viewport)).toBe(7);
  });

  it('ignores mentions that are not rendered, and returns null when none is', () => {
    expect(pickMention([mention(1, [], true), mention(2, [at(0, 100)])], at(0, 0), viewport)).toBe(2);
    expect(pickMention([mention(1, [])], null, viewport)).toBeNull();
    expect(pickMention([], at(0, 0), viewport)).toBeNull();
  });
});
