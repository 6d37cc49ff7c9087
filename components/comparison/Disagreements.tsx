import type { Comparison, Engine } from '@/lib/schema';
import { disagreeingGroups, measureLabel, textClaimGroups } from '@/lib/comparison-view';
import { WarningIcon } from '@/components/card/icons';
import { DisagreementClaims } from './DisagreementClaims';
import { TextClaimList } from './TextClaims';

/**
 * Where the sources disagree: every contradicting measure with all its
 * claims, then every contradiction in words with each statement quoted.
 */
export function Disagreements({ comparison, engines }: { comparison: Comparison; engines: Engine[] }) {
  const groups = disagreeingGroups(comparison);
  const words = textClaimGroups(comparison);
  if (groups.length + words.length === 0) return null;
  return (
    <section className="card disagreements" aria-labelledby="disagreements-heading">
      <h2 id="disagreements-heading">
        <WarningIcon />
        Where the sources disagree ({groups.length + words.length})
      </h2>
      <p className="hint">
        The source contradicts itself, in its figures and in its words. Engine Lens shows every claim and does not pick
        one.
      </p>
      <div className="kinds">
        {groups.length > 0 && (
          <div className="disagreement-kind" role="group" aria-labelledby="disagreements-figures">
            <h3 id="disagreements-figures">In figures ({groups.length})</h3>
            {groups.map((group) => (
              <details key={group.measure} className="disagreement" data-measure={group.measure}>
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
          </div>
        )}
        {words.length > 0 && (
          <div className="disagreement-kind" role="group" aria-labelledby="disagreements-words">
            <h3 id="disagreements-words">In words ({words.length})</h3>
            {words.map((group) => (
              <details key={group.id} className="disagreement" id={`text-claims-${group.id}`} data-text-group={group.id}>
                <summary>
                  <span className="disagreement-name">{group.title}</span>
                  <span className="disagreement-span">
                    {group.note ? `${group.note} ` : ''}({group.claims.length} statements)
                  </span>
                </summary>
                <TextClaimList group={group} comparison={comparison} engines={engines} showNote={false} />
              </details>
            ))}
          </div>
        )}
      </div>
    </section>
  );
}
