import type { Provenance as ProvenanceData } from '@/lib/schema';

/** Source, dates and the AI-generated label; always visible (sticky at the bottom of the view). */
export function Provenance({ provenance, datasetVersion }: { provenance: ProvenanceData; datasetVersion: string }) {
  return (
    <footer className="provenance" aria-label="Provenance">
      <span>
        Source:{' '}
        {provenance.sourceUrl ? (
          <a href={provenance.sourceUrl} target="_blank" rel="noopener noreferrer">
            {provenance.sourceTitle}
          </a>
        ) : (
          <cite>{provenance.sourceTitle}</cite>
        )}
      </span>
      <span>Last updated {provenance.lastUpdatedLabel}</span>
      <span>Published {provenance.publishedLabel}</span>
      {provenance.aiGenerated && <span className="tag ai">AI generated</span>}
      <span className="version">Data {datasetVersion}</span>
    </footer>
  );
}
