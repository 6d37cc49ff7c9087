import type { Comparison, Engine } from '@/lib/schema';
import { disagreeingGroups, measureLabel } from '@/lib/comparison-view';
import { DisagreementClaims } from './DisagreementClaims';

/** Where the sources disagree: every contradicting measure with all its claims and their span. */
export function Disagreements({ comparison, engines }: { comparison: Comparison; engines: Engine[] }) {
  const groups = disagreeingGroups(comparison);
  if (groups.length === 0) return null;
  return (
    <section className="card disagreements" aria-labelledby="disagreements-heading">
      <h2 id="disagreements-heading">
        <span aria-hidden="true">⚠ </span>Where the sources disagree ({groups.length})
      </h2>
      <p className="hint">
        The source states these figures more than once with different values. Engine Lens shows every claim and
        does not pick one.
      </p>
      {groups.map((group) => (
        <details key={group.measure} className="disagreement">
          <summary>
            <span className="disagreement-name">{measureLabel(group.measure)}</span>
            <span className="disagreement-span">
              {engines
                .map((engine) => {
                  const entry = group.perEngine[engine.id];
                  if (!entry) return null;
                  const values = entry.claims.map((c) => c.figure.raw);
                  return `${engine.name}: ${values.join(' / ')}`;
                })
                .filter(Boolean)
                .join(' · ')}
            </span>
          </summary>
          <DisagreementClaims group={group} engines={engines} />
        </details>
      ))}
    </section>
  );
}
