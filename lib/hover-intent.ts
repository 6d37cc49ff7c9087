/**
 * Hover intent for the hover card: when a card opens and when it closes, as a
 * pure state machine. The content script feeds it what happened (pointer
 * entered or left a mention or the card, a timer fired, the card was closed
 * some other way) and carries out the effects it returns; the one timer it
 * needs is {@link nextDeadline}. No clocks, no DOM: every rule is a unit test.
 *
 * The rules (WCAG 1.4.13: hoverable, persistent, dismissible):
 * - The pointer rests on a mention for `openDelayMs` → its card opens. Leaving
 *   earlier (passing over it on the way elsewhere) opens nothing.
 * - The pointer leaves the mention → the card closes after `closeDelayMs`,
 *   unless the pointer reached the card (or came back) meanwhile.
 * - The pointer leaves the card → the same grace period.
 * - Pressing a button (starting a selection or a drag) cancels a pending
 *   open, and a timer that fires while the page is `blocked` opens nothing.
 * - One card at a time: resting on another mention replaces the card.
 *
 * Mentions are identified by number (the registry's ids); times are
 * milliseconds on any one clock (the content script uses `performance.now()`).
 */

export interface HoverTiming {
  /** How long the pointer must rest on a mention before its card opens. */
  openDelayMs: number;
  /** How long a card stays open after the pointer left the mention and the card. */
  closeDelayMs: number;
}

/** About 300 ms each: long enough to ignore a pass, short enough to feel immediate. */
export const DEFAULT_HOVER_TIMING: HoverTiming = { openDelayMs: 300, closeDelayMs: 300 };

export interface HoverIntentState {
  /** The mention whose card is open; null when no card is open. */
  readonly open: number | null;
  /** The mention under the pointer; null when none. */
  readonly hovered: number | null;
  /** The pointer is over the card. */
  readonly overCard: boolean;
  /** When the hovered mention's card is due to open; null when nothing is pending. */
  readonly openAt: number | null;
  /** When the open card is due to close; null when it is not closing. */
  readonly closeAt: number | null;
}

export const INITIAL_HOVER_STATE: HoverIntentState = {
  open: null,
  hovered: null,
  overCard: false,
  openAt: null,
  closeAt: null,
};

export type HoverIntentEvent =
  | { type: 'mention-enter'; id: number; at: number }
  | { type: 'mention-leave'; id: number; at: number }
  | { type: 'card-enter' }
  | { type: 'card-leave'; at: number }
  /** A pointer button went down: the user is starting a selection, a drag or a click. */
  | { type: 'pointer-down' }
  /**
   * The timer set to {@link nextDeadline} fired. `blocked`: the page is busy
   * with something a card must not interrupt (a selection over the mention, a
   * drag, the site's own hovercard), so a due open is dropped.
   */
  | { type: 'timer'; at: number; blocked: boolean }
  /** A card was opened another way (keyboard command, popup). */
  | { type: 'opened'; id: number }
  /** The card closed another way (Esc, close button, click outside, mention removed). */
  | { type: 'closed' }
  /** A `close` effect was refused: the card is pinned or has keyboard focus, so it stays. */
  | { type: 'kept' };

export type HoverIntentEffect = { type: 'open'; id: number } | { type: 'close' };

export interface HoverIntentStep {
  state: HoverIntentState;
  effects: HoverIntentEffect[];
}

/** The grace period starts only if nothing holds the card open any more. */
function startClosing(state: HoverIntentState, at: number, timing: HoverTiming): HoverIntentState {
  if (state.open === null || state.overCard || state.hovered === state.open) return state;
  return { ...state, closeAt: state.closeAt ?? at + timing.closeDelayMs };
}

/** Applies one event. Pure: returns the next state and what the caller must do. */
export function stepHoverIntent(
  state: HoverIntentState,
  event: HoverIntentEvent,
  timing: HoverTiming = DEFAULT_HOVER_TIMING,
): HoverIntentStep {
  switch (event.type) {
    case 'mention-enter': {
      if (event.id === state.open) {
        // Back on the open card's mention: it stays, nothing new to open.
        return { state: { ...state, hovered: event.id, openAt: null, closeAt: null }, effects: [] };
      }
      return { state: { ...state, hovered: event.id, openAt: event.at + timing.openDelayMs }, effects: [] };
    }
    case 'mention-leave': {
      if (event.id !== state.hovered) return { state, effects: [] }; // a stale leave
      const left = { ...state, hovered: null, openAt: null };
      return { state: startClosing(left, event.at, timing), effects: [] };
    }
    case 'card-enter':
      if (state.open === null) return { state, effects: [] };
      return { state: { ...state, overCard: true, closeAt: null }, effects: [] };
    case 'card-leave':
      return { state: startClosing({ ...state, overCard: false }, event.at, timing), effects: [] };
    case 'pointer-down':
      return { state: { ...state, openAt: null }, effects: [] };
    case 'timer':
      return onTimer(state, event.at, event.blocked);
    case 'opened':
      return { state: { ...state, open: event.id, openAt: null, closeAt: null, overCard: false }, effects: [] };
    case 'closed':
      // The pointer may still rest on the mention: it must leave and come back
      // to open it again, or Esc would be undone 300 ms later.
      return { state: { ...state, open: null, overCard: false, openAt: null, closeAt: null }, effects: [] };
    case 'kept':
      return { state: { ...state, closeAt: null }, effects: [] };
  }
}

function onTimer(state: HoverIntentState, at: number, blocked: boolean): HoverIntentStep {
  let next = state;
  const effects: HoverIntentEffect[] = [];
  if (next.closeAt !== null && at >= next.closeAt) {
    next = { ...next, open: null, overCard: false, closeAt: null };
    effects.push({ type: 'close' });
  }
  if (next.openAt !== null && at >= next.openAt) {
    const id = next.hovered;
    next = { ...next, openAt: null };
    if (id !== null && !blocked) {
      next = { ...next, open: id, closeAt: null, overCard: false };
      // Opening replaces whatever card is open: no separate close needed.
      const last = effects[effects.length - 1];
      if (last?.type === 'close') effects.pop();
      effects.push({ type: 'open', id });
    }
  }
  return { state: next, effects };
}

/** When the caller's one timer must fire next (the earlier of open and close), or null for none. */
export function nextDeadline(state: HoverIntentState): number | null {
  if (state.openAt === null) return state.closeAt;
  if (state.closeAt === null) return state.openAt;
  return Math.min(state.openAt, state.closeAt);
}
