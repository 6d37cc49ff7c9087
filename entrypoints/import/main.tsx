/**
 * The import page: where a shared pin (a link's payload, arriving in this
 * page's fragment from `pins/open-import`), pasted text or a JSON file is
 * previewed and, once the user confirms, imported. An extension page, so the
 * site the link was opened on never sees the decoded pin or the preview.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ErrorBoundary } from '@/components/ErrorBoundary';
import { ImportApp } from '@/components/pins/ImportApp';
import { followPageTheme } from '@/lib/browser/page-theme';
import { createImportClient } from '@/lib/browser/pins-client';
import '@/components/comparison/comparison.css';
import '@/components/pins/pins.css';

/** `import.html?from=link#<payload>`; the fragment is read once and cleared from the address bar. */
function linkPayload(): string | null {
  if (new URLSearchParams(location.search).get('from') !== 'link') return null;
  let payload = location.hash.slice(1);
  try {
    payload = decodeURIComponent(payload);
  } catch {
    // Left as it is: the import reports it as malformed.
  }
  history.replaceState(null, '', location.pathname);
  return payload || null;
}

followPageTheme();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary name="Import pins">
      <ImportApp client={createImportClient()} initialPayload={linkPayload()} />
    </ErrorBoundary>
  </StrictMode>,
);
