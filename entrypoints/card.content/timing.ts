/**
 * User Timing entries for the benchmark (test/bench/card-bench.spec.ts): how
 * long a card takes from the moment it is due (the end of the hover delay) to
 * painted. Entries are visible to the page like any performance entry (they
 * would tell it each time a card opens), so they exist only in benchmark
 * builds (`WXT_ENGINE_LENS_BENCH=1`, set by `npm run bench`); in production the
 * bundler drops them. test/e2e/production-build.spec.ts checks that.
 */

/** True only in benchmark builds (a build-time constant). */
const INSTRUMENTED: boolean = import.meta.env.WXT_ENGINE_LENS_BENCH === '1';

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
  if (!INSTRUMENTED) return;
  const detail: CardShownDetail = { first, renderMs: performance.now() - renderStart };
  afterNextPaint(() => {
    performance.measure(CARD_SHOWN_MEASURE, { start: dueAt, end: performance.now(), detail });
  });
}
