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
import { PageDigestSection } from './on-this-page';
import { SitePauseControl } from './site-pause';
import '@/components/comparison/comparison.css';
import '@/components/popup/popup.css';

const loadDataset = () => send({ type: 'dataset/get' });
const loadStatus = () => send({ type: 'status/get' });

function openInTab() {
  void browser.tabs.create({ url: browser.runtime.getURL('/comparison.html') });
  window.close();
}

function openOptions() {
  void browser.runtime.openOptionsPage();
  window.close();
}

followPageTheme();

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
            <div className="header-actions">
              <SitePauseControl />
              <button type="button" className="header-button" onClick={openOptions}>
                Options
              </button>
              <button type="button" className="header-button" onClick={openInTab}>
                Open in a tab
              </button>
            </div>
          }
        >
          {(dataset) => (
            <>
              <FreshnessPanel api={freshnessApi} engines={dataset.engines} />
              <PageDigestSection />
            </>
          )}
        </ComparisonApp>
      </PinsProvider>
    </ErrorBoundary>
  </StrictMode>,
);
