import { describe, expect, it } from 'vitest';
import { growInPlace, overlaps, placeCard, unionBox, type Box, type Placement, type PlacementInput } from '@/lib/placement';

const viewport = { width: 1280, height: 800 };
const card = { width: 360, height: 400 };
const margin = 8;
const gap = 6;

/** A one-line mention: 80×18 px with its top-left at (x, y). */
const word = (x: number, y: number, width = 80, height = 18): Box => ({ left: x, top: y, right: x + width, bottom: y + height });

const cardBox = (p: Placement, size = card): Box => {
  const height = p.maxHeight ?? size.height;
  return { left: p.left, top: p.top, right: p.left + size.width, bottom: p.top + height };
};

/** Every placement must keep these, whatever the input. */
function expectSound(input: PlacementInput, p: Placement): void {
  const box = cardBox(p, input.card);
  for (const rect of input.anchor) expect(overlaps(box, rect)).toBe(false);
  if (input.card.width <= input.viewport.width - 2 * margin) {
    expect(box.left).toBeGreaterThanOrEqual(margin);
    expect(box.right).toBeLessThanOrEqual(input.viewport.width - margin);
  }
}

const place = (input: Omit<PlacementInput, 'margin' | 'gap'>) => {
  const full = { ...input, margin, gap };
  const p = placeCard(full);
  expectSound(full, p);
  return p;
};

describe('placeCard', () => {
  it('puts the card below the mention by default, aligned with its left edge', () => {
    expect(place({ anchor: [word(100, 100)], card, viewport })).toEqual({
      left: 100,
      top: 118 + gap,
      side: 'below',
      maxHeight: null,
    });
  });

  it('flips above when there is no room below', () => {
    const p = place({ anchor: [word(100, 600)], card, viewport });
    expect(p).toEqual({ left: 100, top: 600 - gap - card.height, side: 'above', maxHeight: null });
  });

  it('uses exactly the room there is: a card that just fits below stays below', () => {
    const bottom = viewport.height - margin - gap - card.height; // mention's bottom edge
    expect(place({ anchor: [word(100, bottom - 18)], card, viewport }).side).toBe('below');
    expect(place({ anchor: [word(100, bottom - 17)], card, viewport }).side).not.toBe('below');
  });

  it('clamps to the right edge when the mention is near it', () => {
    const p = place({ anchor: [word(1200, 100)], card, viewport });
    expect(p.left).toBe(viewport.width - margin - card.width);
    expect(p.side).toBe('below');
  });

  it('clamps to the left edge when the mention starts off-screen to the left', () => {
    expect(place({ anchor: [word(-40, 100)], card, viewport }).left).toBe(margin);
  });

  it('keeps the left margin when the card is wider than the viewport', () => {
    const p = placeCard({ anchor: [word(10, 10)], card: { width: 400, height: 200 }, viewport: { width: 320, height: 800 }, margin, gap });
    expect(p.left).toBe(margin);
    expect(p.side).toBe('below');
  });

  it('goes beside the mention when neither above nor below has room (short viewport)', () => {
    const short = { width: 1280, height: 500 };
    const p = place({ anchor: [word(100, 80)], card, viewport: short });
    expect(p.side).toBe('right');
    expect(p.left).toBe(180 + gap);
    expect(p.top).toBe(80); // aligned with the mention
    expect(p.maxHeight).toBeNull();
  });

  it('beside: clamps vertically so the card stays on screen', () => {
    const short = { width: 1280, height: 500 };
    const p = place({ anchor: [word(100, 250)], card, viewport: short });
    expect(p.side).toBe('right');
    expect(p.top).toBe(short.height - margin - card.height);
  });

  it('goes to the left when the right side has no room either', () => {
    const short = { width: 1280, height: 500 };
    const p = place({ anchor: [word(1150, 240)], card, viewport: short });
    expect(p).toMatchObject({ side: 'left', left: 1150 - gap - card.width });
  });

  it('falls back to the roomier side with a max height when nothing fits', () => {
    const small = { width: 400, height: 300 };
    const below = place({ anchor: [word(100, 60)], card, viewport: small });
    // Room below: 300 - 8 - (78 + 6) = 208; the card is clamped to the right edge: 400 - 8 - 360 = 32.
    expect(below).toEqual({ left: 32, top: 78 + gap, side: 'below', maxHeight: 208 });
    const above = place({ anchor: [word(100, 220)], card, viewport: small });
    expect(above.side).toBe('above');
    expect(above.maxHeight).toBe(220 - gap - margin);
    expect(above.top).toBe(margin);
  });

  it('never returns a negative max height, even for a mention taller than the viewport', () => {
    const p = placeCard({ anchor: [word(100, -100, 80, 1000)], card, viewport: { width: 400, height: 300 }, margin, gap });
    expect(p.maxHeight).not.toBeNull();
    expect(p.maxHeight!).toBeGreaterThanOrEqual(0);
  });

  it('a wrapped mention: below aligns with the last line, above with the first, and covers neither', () => {
    // "Tensor" ends line 1 at the right; "RT-LLM" starts line 2 at the left.
    const wrapped = [word(1100, 100, 70), word(20, 120, 60)];
    const below = place({ anchor: wrapped, card, viewport });
    expect(below).toMatchObject({ side: 'below', left: 20, top: 138 + gap });
    const low = [word(1100, 600, 70), word(20, 620, 60)];
    const above = place({ anchor: low, card, viewport });
    expect(above).toMatchObject({ side: 'above', left: viewport.width - margin - card.width, top: 600 - gap - card.height });
  });

  it('uses default margin and gap when none are given', () => {
    expect(placeCard({ anchor: [word(0, 0)], card, viewport })).toEqual({ left: 8, top: 24, side: 'below', maxHeight: null });
  });

  it('prefer: stays on its current side while it fits there', () => {
    // Room both below and above: a card already above stays above.
    const anchor = [word(100, 400)];
    const small = { width: 360, height: 300 };
    expect(placeCard({ anchor, card: small, viewport, margin, gap }).side).toBe('below');
    expect(placeCard({ anchor, card: small, viewport, margin, gap, prefer: 'above' }).side).toBe('above');
    // ...and leaves it when it no longer fits.
    expect(placeCard({ anchor: [word(100, 100)], card, viewport, margin, gap, prefer: 'above' }).side).toBe('below');
  });

  it('growInPlace: a card whose content grew keeps its corner and may grow down to the screen edge', () => {
    expect(growInPlace({ anchor: [word(100, 100)], top: 124, side: 'below', viewport, margin, gap })).toBe(viewport.height - margin - 124);
    expect(growInPlace({ anchor: [word(100, 300)], top: 40, side: 'right', viewport, margin, gap })).toBe(viewport.height - margin - 40);
  });

  it('growInPlace: above the mention it never grows over it', () => {
    const anchor = word(100, 600);
    const maxHeight = growInPlace({ anchor: [anchor], top: 200, side: 'above', viewport, margin, gap });
    expect(maxHeight).toBe(600 - gap - 200);
    expect(overlaps({ left: 100, top: 200, right: 460, bottom: 200 + maxHeight }, anchor)).toBe(false);
  });

  it('growInPlace: no room is no height, never a negative one', () => {
    expect(growInPlace({ anchor: [word(100, 100)], top: 200, side: 'above', viewport, margin, gap })).toBe(0);
  });

  it('rejects an empty anchor', () => {
    expect(() => placeCard({ anchor: [], card, viewport })).toThrow(/at least one/);
  });

  it('never overlaps the mention across a sweep of positions and sizes', () => {
    for (const vp of [viewport, { width: 500, height: 420 }, { width: 390, height: 844 }]) {
      for (let x = -50; x < vp.width; x += 97) {
        for (let y = -30; y < vp.height; y += 53) {
          const input = { anchor: [word(x, y)], card: { width: 360, height: 380 }, viewport: vp, margin, gap };
          expectSound(input, placeCard(input));
        }
      }
    }
  });
});

describe('unionBox / overlaps', () => {
  it('spans every rectangle', () => {
    expect(unionBox([word(10, 10), word(0, 30)])).toEqual({ left: 0, top: 10, right: 90, bottom: 48 });
  });
  it('touching edges do not overlap', () => {
    expect(overlaps(word(0, 0), word(80, 0))).toBe(false);
    expect(overlaps(word(0, 0), word(79, 0))).toBe(true);
  });
});
