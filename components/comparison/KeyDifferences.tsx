import { useState } from 'react';
import type { Comparison, Engine } from '@/lib/schema';
import { disagreementFor, engineName, measureLabel } from '@/lib/comparison-view';
import { TrophyIcon } from '@/components/card/icons';
import { FigureText } from './FigureText';
import { DisagreeButton } from './DisagreeButton';
import { DisagreementClaims } from './DisagreementClaims';

/**
 * All key differences, each with both engines' values and the winner the
 * source names. The source's own "at a glance" three are marked as such (in
 * words, not only by their place at the top).
 */
export function KeyDifferences({ comparison, engines }: { comparison: Comparison; engines: Engine[] }) {
  const [expanded, setExpanded] = useState<string | null>(null);
  const atAGlance = comparison.keyDifferences.filter((d) => d.atAGlance).length;
  return (
    <section className="card" aria-labelledby="differences-heading">
      <h2 id="differences-heading">Key differences ({comparison.keyDifferences.length})</h2>
      {atAGlance > 0 && (
        <p className="hint">
          Marked “At a glance”: the {atAGlance} the source sums up first. The trophy is the source’s winner.
        </p>
      )}
      <ol className="differences">
        {comparison.keyDifferences.map((difference) => {
          const group = disagreementFor(comparison, difference.id);
          const panelId = `difference-claims-${difference.id}`;
          return (
            <li key={difference.id} className="difference" data-at-a-glance={difference.atAGlance}>
              <div className="difference-head">
                <h3>
                  {difference.title}
                  {difference.atAGlance && <span className="tag glance">At a glance</span>}
                </h3>
                <span className={`winner engine-${difference.winner ?? 'none'}`}>
                  {difference.winner && <TrophyIcon />}
                  {difference.winner ? `${engineName(engines, difference.winner)} wins` : 'No winner'}
                </span>
              </div>
              <dl className="difference-values">
                {engines.map((engine) => (
                  <div
                    key={engine.id}
                    className={`engine-${engine.id}${difference.winner === engine.id ? ' is-winner' : ''}`}
                  >
                    <dt>
                      {engine.name}
                      {difference.winner === engine.id && <span className="visually-hidden"> (wins)</span>}
                    </dt>
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
