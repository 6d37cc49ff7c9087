/**
 * The receiving end of the worker's `data/changed` push for extension pages
 * (popup, options, comparison page): validated, and accepted only from this
 * extension's own contexts that are not tabs' content scripts.
 */
import { DataChangedSchema, type ChangeKind } from '@/lib/messaging';

/** Calls `listener` with what changed; returns a function that unsubscribes. */
export function onDataChanged(listener: (changed: readonly ChangeKind[]) => void): () => void {
  const onMessage = (raw: unknown, sender: { id?: string; tab?: unknown }) => {
    // Content scripts can message extension pages too; the push comes from the worker.
    if (sender.id !== browser.runtime.id || sender.tab !== undefined) return;
    const message = DataChangedSchema.safeParse(raw);
    if (message.success) listener(message.data.changed);
  };
  browser.runtime.onMessage.addListener(onMessage);
  return () => browser.runtime.onMessage.removeListener(onMessage);
}
