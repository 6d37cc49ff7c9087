import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ComparisonApp } from '@/components/comparison/ComparisonApp';
import { ErrorBoundary } from '@/components/ErrorBoundary';
import { onDataChanged } from '@/lib/browser/data-changed';
import { followPageTheme } from '@/lib/browser/page-theme';
import { send } from '@/lib/browser/send';
import '@/components/comparison/comparison.css';

/** The full-page version of the popup, opened from the popup or a hover card (`?comparison=<id>`). */
const loadDataset = () => send({ type: 'dataset/get' });
const loadStatus = () => send({ type: 'status/get' });
const comparisonId = new URLSearchParams(location.search).get('comparison') ?? undefined;

followPageTheme();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary name="Engine Lens">
      <ComparisonApp loadDataset={loadDataset} loadStatus={loadStatus} subscribe={onDataChanged} comparisonId={comparisonId} />
    </ErrorBoundary>
  </StrictMode>,
);
