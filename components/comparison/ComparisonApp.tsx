import { useEffect, useState, type ReactNode } from 'react';
import type { ChangeKind } from '@/lib/messaging';
import type { Dataset } from '@/lib/schema';
import type { Status } from '@/lib/status';
import { ErrorBoundary } from '../ErrorBoundary';
import { ComparisonView, type ComparisonSlots } from './ComparisonView';

type LoadState =
  | { phase: 'loading' }
  | { phase: 'ready'; dataset: Dataset; status: Status | null; statusError: string | null }
  | { phase: 'error'; message: string };

/**
 * Loads the active dataset from the background worker (never from the bundle:
 * the worker's IndexedDB is the single source) and shows the comparison. The
 * loaders validate what they return (lib/browser/send.ts); they and the
 * subscription to the worker's `data/changed` push are injected, so this
 * component touches no browser API.
 */
export function ComparisonApp({
  loadDataset,
  loadStatus,
  subscribe,
  comparisonId,
  headerActions,
  children,
  slots,
}: {
  loadDataset: () => Promise<Dataset>;
  loadStatus: () => Promise<Status>;
  /** Calls the listener when the worker says data changed; returns an unsubscribe function. */
  subscribe?: (listener: (changed: readonly ChangeKind[]) => void) => () => void;
  /** Which comparison to show; the dataset's first when absent. */
  comparisonId?: string;
  headerActions?: ReactNode;
  /**
   * Extra sections rendered right after the verdict (e.g. "On this page",
   * "Fresh data"); the verdict always comes first. A function gets the dataset shown.
   */
  children?: ReactNode | ((dataset: Dataset) => ReactNode);
  /** Team pins around the comparison (ComparisonView's slots). */
  slots?: ComparisonSlots;
}) {
  const [state, setState] = useState<LoadState>({ phase: 'loading' });
  const [generation, setGeneration] = useState(0);

  // Reload when the worker announces a new dataset (feed refresh, reset).
  useEffect(
    () => subscribe?.((changed) => changed.includes('dataset') && setGeneration((n) => n + 1)),
    [subscribe],
  );

  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        const dataset = await loadDataset();
        // The status only adds notices: when it fails, say so and show the comparison anyway.
        let status: Status | null = null;
        let statusError: string | null = null;
        try {
          status = await loadStatus();
        } catch (error) {
          statusError = error instanceof Error ? error.message : String(error);
        }
        if (!cancelled) setState({ phase: 'ready', dataset, status, statusError });
      } catch (error) {
        if (!cancelled) setState({ phase: 'error', message: error instanceof Error ? error.message : String(error) });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [loadDataset, loadStatus, generation]);

  if (state.phase === 'loading') {
    return (
      <p className="loading" role="status">
        Loading the comparison…
      </p>
    );
  }
  if (state.phase === 'error') {
    return (
      <div className="error" role="alert">
        <h1>Engine Lens could not load the comparison</h1>
        <p>{state.message}</p>
      </div>
    );
  }
  // The newest line of the worker's log tells whether the last thing that
  // happened to the store was a repair from the bundle.
  const lastEvent = state.status?.log[0];
  const repaired = state.status?.source === 'bundle-only' || lastEvent?.kind === 'repair';
  return (
    <ErrorBoundary name="The comparison">
      <ComparisonView
        dataset={state.dataset}
        comparisonId={comparisonId}
        headerActions={headerActions}
        afterVerdict={typeof children === 'function' ? children(state.dataset) : children}
        slots={slots}
        notice={
          <>
            {repaired && (
              <p className="notice" role="status">
                The stored data could not be used ({state.status?.repairReason ?? lastEvent?.message ?? 'unknown reason'}),
                so the data that ships with Engine Lens is shown.
              </p>
            )}
            {state.statusError !== null && (
              <p className="notice" role="status">
                Engine Lens could not read its own status ({state.statusError}); the comparison below is unaffected.
              </p>
            )}
          </>
        }
      />
    </ErrorBoundary>
  );
}
