import type { Engine, MeasureGroup } from '@/lib/schema';
import { measureLabel } from '@/lib/comparison-view';

/** Every claim of a disagreeing measure group, per engine, with the span they cover. */
export function DisagreementClaims({ group, engines }: { group: MeasureGroup; engines: Engine[] }) {
  return (
    <div className="claims">
      {engines.map((engine) => {
        const entry = group.perEngine[engine.id];
        if (!entry) return null;
        return (
          <div key={engine.id} className="claims-engine">
            <h4>
              {engine.name}: {entry.claims.length} {entry.claims.length === 1 ? 'claim' : 'claims'}
              {entry.disagree ? ' that disagree' : ''}
            </h4>
            <ul aria-label={`${measureLabel(group.measure)} claims for ${engine.name}`}>
              {entry.claims.map((claim) => (
                <li key={`${claim.kind}-${claim.sourceId}`}>
                  <span className="claim-value">{claim.figure.raw}</span>
                  <span className="claim-source">
                    {claim.kind === 'keyDifference' ? 'Key difference' : 'Row'} “{claim.label}”
                  </span>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </div>
  );
}
