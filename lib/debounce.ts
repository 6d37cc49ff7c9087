/**
 * Coalesces a burst of calls into one: the last value is passed on once no
 * new call came for `waitMs`, or at once with `flush()` (a slider let go).
 * The options page uses it so dragging the hover-delay slider writes the
 * setting once, well inside storage.sync's write-rate limits (120 writes a
 * minute).
 */
export interface Debounced<T> {
  (value: T): void;
  /** Passes the pending value on now, if there is one. */
  flush(): void;
  /** Drops the pending value. */
  cancel(): void;
}

export function debounce<T>(fn: (value: T) => void, waitMs: number): Debounced<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: { value: T } | null = null;
  const run = () => {
    clearTimeout(timer);
    timer = undefined;
    const due = pending;
    pending = null;
    if (due) fn(due.value);
  };
  const debounced = ((value: T) => {
    pending = { value };
    clearTimeout(timer);
    timer = setTimeout(run, waitMs);
  }) as Debounced<T>;
  debounced.flush = run;
  debounced.cancel = () => {
    clearTimeout(timer);
    timer = undefined;
    pending = null;
  };
  return debounced;
}
