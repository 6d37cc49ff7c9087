/**
 * Yielding to the main thread between slices of work, so the page stays
 * responsive while a big document is read.
 */

/** `scheduler.yield()` (Chromium 129+, Firefox 142+) resumes ahead of other queued tasks. */
interface SchedulerWithYield {
  yield(): Promise<void>;
}

let channel: MessageChannel | null = null;
const waiting: Array<() => void> = [];

/**
 * Fallback: a private MessageChannel. Unlike nested setTimeout(0) it is not
 * clamped to 4 ms, and unlike window.postMessage the page never sees it.
 */
function yieldViaChannel(): Promise<void> {
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
  }
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel!.port2.postMessage(null);
  });
}

/** Resolves after the browser had a chance to run other tasks (input, rendering, the page's own scripts). */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<SchedulerWithYield> }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return yieldViaChannel();
}
