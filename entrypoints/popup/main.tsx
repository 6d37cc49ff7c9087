import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ComparisonApp } from '@/components/comparison/ComparisonApp';
import { send } from '@/lib/browser/send';
import { PageDigestSection } from './on-this-page';
import '@/components/comparison/comparison.css';

const loadDataset = () => send({ type: 'dataset/get' });
const loadStatus = () => send({ type: 'status/get' });

function openInTab() {
  void browser.tabs.create({ url: browser.runtime.getURL('/comparison.html') });
  window.close();
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ComparisonApp
      loadDataset={loadDataset}
      loadStatus={loadStatus}
      headerActions={
        <button type="button" className="header-button" onClick={openInTab}>
          Open in a tab
        </button>
      }
    >
      <PageDigestSection />
    </ComparisonApp>
  </StrictMode>,
);
