import type { CardProvenance } from '@/lib/card-data';

/** Only https addresses become links; anything else stays text. */
function safeHttpsUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** Where the card's data comes from, when it was updated, and that the source is AI-generated. */
export function Provenance({ provenance }: { provenance: CardProvenance }) {
  const href = safeHttpsUrl(provenance.sourceUrl);
  return (
    <p className="el-provenance">
      Source:{' '}
      {href ? (
        <a href={href} target="_blank" rel="noopener noreferrer">
          {provenance.sourceTitle}
        </a>
      ) : (
        <cite>{provenance.sourceTitle}</cite>
      )}{' '}
      · Last updated {provenance.lastUpdatedLabel}
      {provenance.aiGenerated && (
        <>
          {' '}
          · <span className="el-ai-label">AI generated</span>
        </>
      )}
    </p>
  );
}
