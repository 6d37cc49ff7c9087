import { useEffect, useState, type ReactNode } from 'react';
import type { Dataset } from '@/lib/schema';
import { parseDataset } from '@/lib/normalize';
import type { StatusReply } from '@/lib/messaging';
import { ComparisonView } from './ComparisonView';

type LoadState =
  | { phase: 'loading' }
  | { phase: 'ready'; dataset: Dataset; status: StatusReply | null }
  | { phase: 'error'; message: string };

/**
 * Loads the active dataset from the background worker (never from the bundle:
 * the worker's IndexedDB is the single source) and shows the comparison.
 * `load` is injected so the page glue stays thin.
 */
export function ComparisonApp({
  loadDataset,
  loadStatus,
  headerActions,
  children,
}: {
  loadDataset: () => Promise<unknown>;
  loadStatus: () => Promise<StatusReply>;
  headerActions?: ReactNode;
  /** Extra sections rendered right after the verdict (e.g. "On this page"); the verdict always comes first. */
  children?: ReactNode;
}) {
  const [state, setState] = useState<LoadState>({ phase: 'loading' });

  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        // The reply crosses a trust boundary: validate it like any other input.
        const dataset = parseDataset(await loadDataset());
        const status = await loadStatus().catch(() => null);
        if (!cancelled) setState({ phase: 'ready', dataset, status });
      } catch (error) {
        if (!cancelled) setState({ phase: 'error', message: error instanceof Error ? error.message : String(error) });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [loadDataset, loadStatus]);

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
    <ComparisonView
      dataset={state.dataset}
      headerActions={headerActions}
      afterVerdict={children}
      notice={
        repaired && (
          <p className="notice" role="status">
            The stored data could not be used ({state.status?.repairReason ?? lastEvent?.message ?? 'unknown reason'}),
            so the data that ships with Engine Lens is shown.
          </p>
        )
      }
    />
  );
}
