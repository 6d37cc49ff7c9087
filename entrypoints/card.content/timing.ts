/**
 * User Timing entries for the benchmark (test/bench/card-bench.spec.ts): how
 * long a card takes from the moment it is due (the end of the hover delay) to
 * painted. Entries are visible to the page like any performance entry; they
 * carry timings only, never card content.
 */

/** Name of the measure recorded for every card shown. Its `detail` is a {@link CardShownDetail}. */
export const CARD_SHOWN_MEASURE = 'engine-lens:card-shown';

export interface CardShownDetail {
  /** The first card on this page (includes React's first render). */
  first: boolean;
  /** Synchronous render, measure and placement (ms). */
  renderMs: number;
}

/** Resolves after the next frame has been produced (rendering done), not just before it. */
function afterNextPaint(callback: () => void): void {
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => callback();
    channel.port2.postMessage(null);
  });
}

/**
 * Records {@link CARD_SHOWN_MEASURE} from `dueAt` (when the card was due, in
 * `performance.now()` time) to the frame after it was rendered.
 */
export function markCardShown({ dueAt, renderStart, first }: { dueAt: number; renderStart: number; first: boolean }): void {
  const detail: CardShownDetail = { first, renderMs: performance.now() - renderStart };
  afterNextPaint(() => {
    performance.measure(CARD_SHOWN_MEASURE, { start: dueAt, end: performance.now(), detail });
  });
}
