import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ComparisonApp } from '@/components/comparison/ComparisonApp';
import { send } from '@/lib/browser/send';
import '@/components/comparison/comparison.css';

/** The full-page version of the popup, opened from the popup or a hover card. */
const loadDataset = () => send({ type: 'dataset/get' });
const loadStatus = () => send({ type: 'status/get' });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ComparisonApp loadDataset={loadDataset} loadStatus={loadStatus} />
  </StrictMode>,
);
