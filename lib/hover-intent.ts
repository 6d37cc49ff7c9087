/**
 * Hover intent for the hover card: when a card opens and when it closes, as a
 * pure state machine. It is the one place that decides about closing: the card
 * host only shows and hides, and the controller feeds this machine what
 * happened (pointer entered or left a mention or the card, a button went down,
 * Esc, the close button, the mention left the page, a timer fired) together
 * with what it must respect (the card is pinned, it has keyboard focus, the
 * page is busy) and carries out the effects it returns. The one timer it needs
 * is {@link nextDeadline}. No clocks, no DOM: every rule is a unit test.
 *
 * The rules (WCAG 1.4.13: hoverable, persistent, dismissible):
 * - The pointer rests on a mention for `openDelayMs` → its card opens. Leaving
 *   earlier (passing over it on the way elsewhere) opens nothing.
 * - The pointer leaves the mention → the card closes after `closeDelayMs`,
 *   unless the pointer reached the card (or came back) meanwhile, or the card
 *   is pinned or has keyboard focus when the time is up.
 * - The pointer leaves the card → the same grace period.
 * - A button pressed outside the card cancels a pending open (the user starts
 *   a selection, a drag or a click) and closes an unpinned card.
 * - Esc closes the card, unless it is pinned and focus is on the page.
 * - The mention leaves the page → an unpinned card closes; a pinned one stays.
 * - A timer that fires while the page is `blocked` opens nothing.
 * - One card at a time: resting on another mention replaces the card.
 * - After a card closed while the pointer still rests on its mention, the
 *   pointer must leave and come back to open it again (or Esc would be undone).
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

/** Why the machine closes a card (passed on with the `close` effect). */
export type CloseReason = 'pointer-leave' | 'outside-click' | 'escape' | 'close-button' | 'anchor-gone';

export type HoverIntentEvent =
  | { type: 'mention-enter'; id: number; at: number }
  | { type: 'mention-leave'; id: number; at: number }
  | { type: 'card-enter' }
  | { type: 'card-leave'; at: number }
  /**
   * A pointer button went down. Outside the card the user is starting a
   * selection, a drag or a click elsewhere; `pinned` says whether the open
   * card is pinned (then it stays).
   */
  | { type: 'pointer-down'; insideCard: boolean; pinned: boolean }
  /** Esc was pressed; `focused`: keyboard focus is in the card. */
  | { type: 'escape'; focused: boolean; pinned: boolean }
  /** The card's own close button. */
  | { type: 'close-button' }
  /** The open card's mention left the page. */
  | { type: 'anchor-gone'; pinned: boolean }
  /**
   * The timer set to {@link nextDeadline} fired. `blocked`: the page is busy
   * with something a card must not interrupt (a selection over the mention, a
   * drag, the site's own hovercard), so a due open is dropped. `holdOpen`: the
   * card is pinned or has keyboard focus, so a due close is dropped.
   */
  | { type: 'timer'; at: number; blocked: boolean; holdOpen: boolean }
  /** A card was opened another way (keyboard command, popup). */
  | { type: 'opened'; id: number }
  /** The card went away without a decision here (the card UI shut down). */
  | { type: 'closed' };

export type HoverIntentEffect = { type: 'open'; id: number } | { type: 'close'; reason: CloseReason };

export interface HoverIntentStep {
  state: HoverIntentState;
  effects: HoverIntentEffect[];
}

/** The grace period starts only if nothing holds the card open any more. */
function startClosing(state: HoverIntentState, at: number, timing: HoverTiming): HoverIntentState {
  if (state.open === null || state.overCard || state.hovered === state.open) return state;
  return { ...state, closeAt: state.closeAt ?? at + timing.closeDelayMs };
}

/** The card is gone: nothing pending. The pointer may still rest on the mention; it must leave and come back. */
function closedState(state: HoverIntentState): HoverIntentState {
  return { ...state, open: null, overCard: false, openAt: null, closeAt: null };
}

function close(state: HoverIntentState, reason: CloseReason): HoverIntentStep {
  if (state.open === null) return { state, effects: [] };
  return { state: closedState(state), effects: [{ type: 'close', reason }] };
}

const same = (state: HoverIntentState): HoverIntentStep => ({ state, effects: [] });

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
        return same({ ...state, hovered: event.id, openAt: null, closeAt: null });
      }
      return same({ ...state, hovered: event.id, openAt: event.at + timing.openDelayMs });
    }
    case 'mention-leave': {
      if (event.id !== state.hovered) return same(state); // a stale leave
      return same(startClosing({ ...state, hovered: null, openAt: null }, event.at, timing));
    }
    case 'card-enter':
      if (state.open === null) return same(state);
      return same({ ...state, overCard: true, closeAt: null });
    case 'card-leave':
      return same(startClosing({ ...state, overCard: false }, event.at, timing));
    case 'pointer-down': {
      if (event.insideCard) return same(state); // a click in the card
      const cancelled = { ...state, openAt: null };
      return event.pinned ? same(cancelled) : close(cancelled, 'outside-click');
    }
    case 'escape':
      // Dismissible without moving the pointer; from the page, a pinned card stays.
      return event.focused || !event.pinned ? close(state, 'escape') : same(state);
    case 'close-button':
      return close(state, 'close-button');
    case 'anchor-gone':
      return event.pinned ? same(state) : close(state, 'anchor-gone');
    case 'timer':
      return onTimer(state, event);
    case 'opened':
      return same({ ...state, open: event.id, openAt: null, closeAt: null, overCard: false });
    case 'closed':
      return same(closedState(state));
  }
}

function onTimer(state: HoverIntentState, { at, blocked, holdOpen }: { at: number; blocked: boolean; holdOpen: boolean }): HoverIntentStep {
  let next = state;
  const effects: HoverIntentEffect[] = [];
  if (next.closeAt !== null && at >= next.closeAt) {
    if (holdOpen) {
      next = { ...next, closeAt: null }; // pinned or focused: it stays until the pointer comes and goes again
    } else {
      next = { ...next, open: null, overCard: false, closeAt: null };
      effects.push({ type: 'close', reason: 'pointer-leave' });
    }
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
