import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ComparisonApp } from '@/components/comparison/ComparisonApp';
import { ErrorBoundary } from '@/components/ErrorBoundary';
import { PinsProvider } from '@/components/pins/pins-context';
import { onDataChanged } from '@/lib/browser/data-changed';
import { createPinsClient } from '@/lib/browser/pins-client';
import { send } from '@/lib/browser/send';
import { FreshnessSection } from './freshness';
import { PageDigestSection } from './on-this-page';
import { pinsSlots } from '@/components/pins/slots';
import '@/components/comparison/comparison.css';

const loadDataset = () => send({ type: 'dataset/get' });
const loadStatus = () => send({ type: 'status/get' });

function openInTab() {
  void browser.tabs.create({ url: browser.runtime.getURL('/comparison.html') });
  window.close();
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary name="Engine Lens">
      <PinsProvider client={createPinsClient()}>
      <ComparisonApp
        loadDataset={loadDataset}
        loadStatus={loadStatus}
        subscribe={onDataChanged}
        slots={pinsSlots}
        headerActions={
          <button type="button" className="header-button" onClick={openInTab}>
            Open in a tab
          </button>
        }
      >
        {(dataset) => (
          <>
            <FreshnessSection engines={dataset.engines} />
            <PageDigestSection />
          </>
        )}
      </ComparisonApp>
      </PinsProvider>
    </ErrorBoundary>
  </StrictMode>,
);
