import { useState } from 'react';
import type { Comparison, Engine } from '@/lib/schema';
import { disagreementFor, engineName, measureLabel } from '@/lib/comparison-view';
import { FigureText } from './FigureText';
import { DisagreeButton } from './DisagreeButton';
import { DisagreementClaims } from './DisagreementClaims';

/** All key differences, each with both engines' values and the winner the source names. */
export function KeyDifferences({ comparison, engines }: { comparison: Comparison; engines: Engine[] }) {
  const [expanded, setExpanded] = useState<string | null>(null);
  return (
    <section className="card" aria-labelledby="differences-heading">
      <h2 id="differences-heading">Key differences ({comparison.keyDifferences.length})</h2>
      <ol className="differences">
        {comparison.keyDifferences.map((difference) => {
          const group = disagreementFor(comparison, difference.id);
          const panelId = `difference-claims-${difference.id}`;
          return (
            <li key={difference.id} className="difference">
              <div className="difference-head">
                <h3>{difference.title}</h3>
                <span className={`winner engine-${difference.winner ?? 'none'}`}>
                  <span aria-hidden="true">🏆 </span>
                  {difference.winner ? `${engineName(engines, difference.winner)} wins` : 'No winner'}
                </span>
              </div>
              <dl className="difference-values">
                {engines.map((engine) => (
                  <div key={engine.id} className={difference.winner === engine.id ? 'is-winner' : undefined}>
                    <dt>{engine.name}</dt>
                    <dd>
                      <FigureText figure={difference.values[engine.id]} />
                    </dd>
                  </div>
                ))}
              </dl>
              {group && (
                <>
                  <DisagreeButton
                    expanded={expanded === difference.id}
                    onToggle={() => setExpanded((id) => (id === difference.id ? null : difference.id))}
                    controls={panelId}
                    subject={measureLabel(group.measure)}
                  />
                  <div id={panelId} hidden={expanded !== difference.id}>
                    {expanded === difference.id && <DisagreementClaims group={group} engines={engines} />}
                  </div>
                </>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
