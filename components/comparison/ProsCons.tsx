import type { Comparison, Engine } from '@/lib/schema';
import { textGroupsQuoting } from '@/lib/comparison-view';
import { TextDisagreeFlag } from './TextClaims';

/** Each engine's pros and cons as the source lists them; a flag where the source contradicts one elsewhere. */
export function ProsCons({ comparison, engines }: { comparison: Comparison; engines: Engine[] }) {
  return (
    <section className="card" aria-labelledby="proscons-heading">
      <h2 id="proscons-heading">Pros &amp; cons</h2>
      <div className="columns pros-cons-columns">
        {engines.map((engine) => {
          const pros = comparison.pros[engine.id] ?? [];
          const cons = comparison.cons[engine.id] ?? [];
          return (
            <div key={engine.id} className={`pros-cons engine-${engine.id}`}>
              <h3>{engine.name}</h3>
              <div className="pros-cons-lists">
                <div>
                  <h4>
                    Pros <span className="count">({pros.length})</span>
                  </h4>
                  <ul className="pros">
                    {pros.map((pro) => (
                      <li key={pro}>{pro}</li>
                    ))}
                  </ul>
                </div>
                <div>
                  <h4>
                    Cons <span className="count">({cons.length})</span>
                  </h4>
                  <ul className="cons">
                    {cons.map((con) => (
                      <li key={con}>{con}</li>
                    ))}
                  </ul>
                </div>
              </div>
              <TextDisagreeFlag
                groups={textGroupsQuoting(comparison, ['pros', 'cons'], engine.id)}
                comparison={comparison}
                engines={engines}
                subject={`${engine.name}'s pros and cons`}
              />
            </div>
          );
        })}
      </div>
    </section>
  );
}
