import { describe, expect, it } from 'vitest';
import {
  INITIAL_HOVER_STATE,
  nextDeadline,
  stepHoverIntent,
  type HoverIntentEffect,
  type HoverIntentEvent,
  type HoverIntentState,
} from '@/lib/hover-intent';

const timing = { openDelayMs: 300, closeDelayMs: 300 };

/**
 * Runs a script of events the way the content script does: before each event
 * at time t, the timer fires if its deadline has passed. Returns the effects
 * with the time they happened, and the final state.
 */
type Extra = Partial<{ id: number; blocked: boolean; insideCard: boolean; pinned: boolean; focused: boolean }>;

function run(
  script: Array<[number, HoverIntentEvent['type'], Extra?]>,
  {
    until = Infinity,
    blocked = false,
    holdOpen = false,
    start = INITIAL_HOVER_STATE,
  }: { until?: number; blocked?: boolean; holdOpen?: boolean; start?: HoverIntentState } = {},
) {
  let state = start;
  const log: Array<[number, HoverIntentEffect]> = [];
  const apply = (event: HoverIntentEvent, at: number) => {
    const step = stepHoverIntent(state, event, timing);
    state = step.state;
    for (const effect of step.effects) log.push([at, effect]);
  };
  const fireTimersUpTo = (t: number) => {
    for (let deadline = nextDeadline(state); deadline !== null && deadline <= t; deadline = nextDeadline(state)) {
      apply({ type: 'timer', at: deadline, blocked, holdOpen }, deadline);
    }
  };
  for (const [at, type, extra = {}] of script) {
    fireTimersUpTo(at);
    const event = { type, at, id: 1, blocked, holdOpen, insideCard: false, pinned: false, focused: false, ...extra };
    apply(event as HoverIntentEvent, at);
  }
  fireTimersUpTo(until);
  return { state, log };
}

const open = (id: number): HoverIntentEffect => ({ type: 'open', id });
const close: HoverIntentEffect = { type: 'close', reason: 'pointer-leave' };
const closeFor = (reason: Extract<HoverIntentEffect, { type: 'close' }>['reason']): HoverIntentEffect => ({ type: 'close', reason });

describe('hover intent', () => {
  it('opens a card once the pointer has rested on a mention for the delay', () => {
    const { log, state } = run([[1000, 'mention-enter']]);
    expect(log).toEqual([[1300, open(1)]]);
    expect(state.open).toBe(1);
    expect(nextDeadline(state)).toBeNull(); // an open, hovered card needs no timer
  });

  it('a quick pass over a mention opens nothing', () => {
    const { log } = run([
      [0, 'mention-enter'],
      [120, 'mention-leave'],
    ]);
    expect(log).toEqual([]);
  });

  it('passing over several mentions opens only the one the pointer rests on', () => {
    const { log } = run([
      [0, 'mention-enter', { id: 1 }],
      [100, 'mention-leave', { id: 1 }],
      [150, 'mention-enter', { id: 2 }],
      [250, 'mention-leave', { id: 2 }],
      [300, 'mention-enter', { id: 3 }],
    ]);
    expect(log).toEqual([[600, open(3)]]);
  });

  it('closes after the grace period when the pointer leaves the mention', () => {
    const { log, state } = run([
      [0, 'mention-enter'],
      [1000, 'mention-leave'],
    ]);
    expect(log).toEqual([
      [300, open(1)],
      [1300, close],
    ]);
    expect(state).toEqual(INITIAL_HOVER_STATE);
  });

  it('stays open when the pointer moves from the mention into the card (either event order)', () => {
    const leaveFirst = run([
      [0, 'mention-enter'],
      [1000, 'mention-leave'],
      [1100, 'card-enter'],
    ]);
    expect(leaveFirst.log).toEqual([[300, open(1)]]);
    expect(leaveFirst.state.open).toBe(1);
    expect(nextDeadline(leaveFirst.state)).toBeNull();

    const cardFirst = run([
      [0, 'mention-enter'],
      [1000, 'card-enter'],
      [1016, 'mention-leave'],
    ]);
    expect(cardFirst.log).toEqual([[300, open(1)]]);
    expect(nextDeadline(cardFirst.state)).toBeNull();
  });

  it('closes after the grace period when the pointer leaves the card, unless it returns', () => {
    const leaves = run([
      [0, 'mention-enter'],
      [1000, 'card-enter'],
      [1016, 'mention-leave'],
      [2000, 'card-leave'],
    ]);
    expect(leaves.log).toEqual([
      [300, open(1)],
      [2300, close],
    ]);

    const returns = run([
      [0, 'mention-enter'],
      [1000, 'card-enter'],
      [1016, 'mention-leave'],
      [2000, 'card-leave'],
      [2200, 'card-enter'],
    ]);
    expect(returns.log).toEqual([[300, open(1)]]);

    const backToMention = run([
      [0, 'mention-enter'],
      [1000, 'mention-leave'],
      [1200, 'mention-enter'],
    ]);
    expect(backToMention.log).toEqual([[300, open(1)]]);
    expect(backToMention.state.open).toBe(1);
  });

  it('resting on another mention replaces the card (one card at a time)', () => {
    const { log, state } = run([
      [0, 'mention-enter', { id: 1 }],
      [1000, 'mention-leave', { id: 1 }],
      [1000, 'mention-enter', { id: 2 }],
    ]);
    // Close and open fall due together: the open replaces the card, no close in between.
    expect(log).toEqual([
      [300, open(1)],
      [1300, open(2)],
    ]);
    expect(state.open).toBe(2);
  });

  it('after a longer path to the next mention the old card closes first, then the new one opens', () => {
    const { log } = run([
      [0, 'mention-enter', { id: 1 }],
      [1000, 'mention-leave', { id: 1 }],
      [1200, 'mention-enter', { id: 2 }],
    ]);
    expect(log).toEqual([
      [300, open(1)],
      [1300, close],
      [1500, open(2)],
    ]);
  });

  it('does not open while the user selects or drags', () => {
    // The button went down on the mention: a selection or a drag starts there.
    expect(
      run([
        [0, 'mention-enter'],
        [100, 'pointer-down'],
      ]).log,
    ).toEqual([]);
    // The page says it is busy (selection over the mention, a drag, the site's own hovercard) when the timer fires.
    expect(run([[0, 'mention-enter']], { blocked: true }).log).toEqual([]);
  });

  it('a click outside closes an unpinned card; a pinned one stays; a click inside changes nothing', () => {
    const outside = run([
      [0, 'mention-enter'],
      [500, 'pointer-down'],
    ]);
    expect(outside.log).toEqual([[300, open(1)], [500, closeFor('outside-click')]]);
    expect(outside.state.open).toBeNull();
    const pinned = run([
      [0, 'mention-enter'],
      [500, 'pointer-down', { pinned: true }],
    ]);
    expect(pinned.log).toEqual([[300, open(1)]]);
    expect(pinned.state.open).toBe(1);
    const inside = run([
      [0, 'mention-enter'],
      [400, 'card-enter'],
      [500, 'pointer-down', { insideCard: true }],
    ]);
    expect(inside.state.open).toBe(1);
  });

  it('after Esc the card stays closed while the pointer rests on the mention', () => {
    const { log, state } = run([
      [0, 'mention-enter'],
      [500, 'escape'],
    ]);
    expect(log).toEqual([[300, open(1)], [500, closeFor('escape')]]);
    expect(state.open).toBeNull();
    expect(nextDeadline(state)).toBeNull();
    // Leaving and coming back opens it again.
    const again = run(
      [
        [600, 'mention-leave'],
        [700, 'mention-enter'],
      ],
      { start: state },
    );
    expect(again.log).toEqual([[1000, open(1)]]);
  });

  it('Esc from the page leaves a pinned card open; Esc inside the card closes it anyway', () => {
    const fromPage = run([
      [0, 'mention-enter'],
      [500, 'escape', { pinned: true }],
    ]);
    expect(fromPage.state.open).toBe(1);
    const inside = run([
      [0, 'mention-enter'],
      [500, 'escape', { pinned: true, focused: true }],
    ]);
    expect(inside.log.at(-1)).toEqual([500, closeFor('escape')]);
  });

  it('the close button closes, pinned or not; a vanished mention closes only an unpinned card', () => {
    expect(run([[0, 'mention-enter'], [500, 'close-button']]).log.at(-1)).toEqual([500, closeFor('close-button')]);
    expect(run([[0, 'mention-enter'], [500, 'anchor-gone']]).log.at(-1)).toEqual([500, closeFor('anchor-gone')]);
    expect(run([[0, 'mention-enter'], [500, 'anchor-gone', { pinned: true }]]).state.open).toBe(1);
  });

  it('a pinned or focused card outlasts the grace period: the due close is dropped', () => {
    const { log, state } = run(
      [
        [0, 'mention-enter'],
        [500, 'mention-leave'],
      ],
      { holdOpen: true },
    );
    expect(log).toEqual([[300, open(1)]]);
    expect(state.open).toBe(1);
    expect(nextDeadline(state)).toBeNull();
  });

  it('a card opened by keyboard has no timer; once the pointer passed over it, it closes after the grace period', () => {
    let state = stepHoverIntent(INITIAL_HOVER_STATE, { type: 'opened', id: 7 }, timing).state;
    expect(state.open).toBe(7);
    expect(nextDeadline(state)).toBeNull(); // no pointer involved: nothing closes it by timer
    state = stepHoverIntent(state, { type: 'card-enter' }, timing).state;
    state = stepHoverIntent(state, { type: 'card-leave', at: 100 }, timing).state;
    expect(nextDeadline(state)).toBe(400);
    // Focus is still in it: it stays.
    const kept = stepHoverIntent(state, { type: 'timer', at: 400, blocked: false, holdOpen: true }, timing);
    expect(kept.effects).toEqual([]);
    expect(nextDeadline(kept.state)).toBeNull();
    // Focus had left: it closes.
    expect(stepHoverIntent(state, { type: 'timer', at: 400, blocked: false, holdOpen: false }, timing).effects).toEqual([close]);
  });

  it('ignores stale leaves and card events without a card', () => {
    const entered = stepHoverIntent(INITIAL_HOVER_STATE, { type: 'mention-enter', id: 1, at: 0 }, timing).state;
    expect(stepHoverIntent(entered, { type: 'mention-leave', id: 2, at: 10 }, timing).state).toBe(entered);
    expect(stepHoverIntent(INITIAL_HOVER_STATE, { type: 'card-enter' }, timing).state).toBe(INITIAL_HOVER_STATE);
  });

  it('a timer that fires early changes nothing', () => {
    const entered = stepHoverIntent(INITIAL_HOVER_STATE, { type: 'mention-enter', id: 1, at: 0 }, timing).state;
    const early = stepHoverIntent(entered, { type: 'timer', at: 299, blocked: false, holdOpen: false }, timing);
    expect(early.effects).toEqual([]);
    expect(nextDeadline(early.state)).toBe(300);
  });

  it('an enter that happened before the card UI loaded counts from its own time', () => {
    // The card script starts 450 ms after the pointer entered: the card is already due.
    const entered = stepHoverIntent(INITIAL_HOVER_STATE, { type: 'mention-enter', id: 4, at: 50 }, timing).state;
    expect(nextDeadline(entered)).toBe(350);
    expect(stepHoverIntent(entered, { type: 'timer', at: 500, blocked: false, holdOpen: false }, timing).effects).toEqual([open(4)]);
  });
});
