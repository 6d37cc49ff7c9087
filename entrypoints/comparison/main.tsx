import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ComparisonApp } from '@/components/comparison/ComparisonApp';
import { ErrorBoundary } from '@/components/ErrorBoundary';
import { PinsProvider } from '@/components/pins/pins-context';
import { onDataChanged } from '@/lib/browser/data-changed';
import { createPinsClient } from '@/lib/browser/pins-client';
import { followPageTheme } from '@/lib/browser/page-theme';
import { send } from '@/lib/browser/send';
import { FreshnessPanel } from '@/components/freshness/FreshnessPanel';
import { pinsSlots } from '@/components/pins/slots';
import { freshnessApi } from '@/lib/browser/freshness-api';
import '@/components/comparison/comparison.css';

/** The full-page version of the popup, opened from the popup or a hover card (`?comparison=<id>`). */
const loadDataset = () => send({ type: 'dataset/get' });
const loadStatus = () => send({ type: 'status/get' });
const params = new URLSearchParams(location.search);
const comparisonId = params.get('comparison') ?? undefined;
/** `?view=changes`: opened from a notification, "What changed" is shown at once. */
const openChanges = params.get('view') === 'changes';

followPageTheme();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary name="Engine Lens">
      <PinsProvider client={createPinsClient()}>
        <ComparisonApp
          loadDataset={loadDataset}
          loadStatus={loadStatus}
          subscribe={onDataChanged}
          comparisonId={comparisonId}
          slots={pinsSlots}
        >
          {(dataset) => <FreshnessPanel api={freshnessApi} engines={dataset.engines} openChanges={openChanges} />}
        </ComparisonApp>
      </PinsProvider>
    </ErrorBoundary>
  </StrictMode>,
);
